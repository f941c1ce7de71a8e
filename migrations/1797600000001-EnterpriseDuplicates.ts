import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The twins of src/enterprises/enterprise-duplicates.ts (test/integration/enterprises holds them equal). */
const FULL = Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0xff01 + i)).join('') + '\u3000\u00A0';
const HALF = Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0x21 + i)).join('') + '  ';
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const NAME_KEY_SQL = `CREATE OR REPLACE FUNCTION enterprise_name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
  SELECT replace(regexp_replace(replace(regexp_replace(lower(translate(name, ${lit(FULL)}, ${lit(HALF)})), '[ \\t\\r\\n]+', '', 'g'), '(集团)', ''), '(股份)?有限(责任)?公司', '', 'g'), '股份', '')
$fn$`;
const CONTACT_KEYS_SQL = `CREATE OR REPLACE FUNCTION enterprise_contact_keys(contacts jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}') FROM (
    SELECT 'p:' || CASE WHEN length(d) = 13 AND left(d, 2) = '86' THEN substr(d, 3) ELSE d END AS k
      FROM (SELECT regexp_replace(translate(c->>'phone', ${lit(FULL)}, ${lit(HALF)}), '[^0-9]', '', 'g') AS d
              FROM jsonb_array_elements(CASE jsonb_typeof(contacts) WHEN 'array' THEN contacts ELSE '[]'::jsonb END) c
             WHERE jsonb_typeof(c) = 'object' AND jsonb_typeof(c->'phone') = 'string') p
     WHERE length(d) >= 7
    UNION ALL
    SELECT 'e:' || lower(btrim(c->>'email'))
      FROM jsonb_array_elements(CASE jsonb_typeof(contacts) WHEN 'array' THEN contacts ELSE '[]'::jsonb END) c
     WHERE jsonb_typeof(c) = 'object' AND jsonb_typeof(c->'email') = 'string' AND position('@' IN c->>'email') > 1
  ) s
$fn$`;

/**
 * Likely duplicates and merges of enterprise records (issue 17 item 8): the normalised name and
 * the contact keys as immutable SQL functions with expression indexes (a duplicate probe is an
 * index lookup, at 10⁶ enterprises too), and the redirects a merge leaves (loser → winner).
 */
export class EnterpriseDuplicates1797600000001 implements MigrationInterface {
  name = 'EnterpriseDuplicates1797600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(NAME_KEY_SQL);
    await q.query(CONTACT_KEYS_SQL);
    await q.query(`CREATE INDEX enterprise_name_key_idx ON enterprise (enterprise_name_key(name::text))`);
    await q.query(`CREATE INDEX enterprise_contact_keys_gin ON enterprise USING gin (enterprise_contact_keys(contacts))`);
    await q.query(`
      CREATE TABLE enterprise_redirect (
        from_id integer PRIMARY KEY,
        to_id integer NOT NULL,
        from_uscc character(18) NOT NULL,
        from_name character varying(200) NOT NULL,
        merged_at timestamp with time zone NOT NULL,
        merged_by integer,
        CONSTRAINT enterprise_redirect_to_fk FOREIGN KEY (to_id) REFERENCES enterprise(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX enterprise_redirect_to_idx ON enterprise_redirect (to_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enterprise_redirect`);
    await q.query(`DROP INDEX enterprise_contact_keys_gin`);
    await q.query(`DROP INDEX enterprise_name_key_idx`);
    await q.query(`DROP FUNCTION enterprise_contact_keys(jsonb)`);
    await q.query(`DROP FUNCTION enterprise_name_key(text)`);
  }
}
