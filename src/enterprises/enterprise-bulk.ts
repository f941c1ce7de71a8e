import type { EntityManager } from 'typeorm';
import { validUntilByKind } from './certification-claims.js';
import type { RegisterEnterpriseInput } from './enterprise.schemas.js';
import { derived } from './enterprises.service.js';

/**
 * 企业入驻 in bulk (imports): the rows as the database stores them, and one statement per batch
 * that inserts the enterprises (an existing USCC is skipped) and their certification claims. The
 * hot path of an import, kept in raw SQL in the module that owns the tables; the service wraps it
 * with the matching trigger (EnterprisesService.registerMany).
 */

/** The row as stored (derived closures, search tokens): computed while the previous batch is written. */
export function enterpriseRecord(v: RegisterEnterpriseInput) {
  const d = derived(v);
  return {
    uscc: v.uscc,
    name: v.name,
    industry_codes: v.industryCodes,
    industry_path: d.industryPath,
    home_region_code: v.homeRegionCode,
    home_region_path: d.homeRegionPath,
    target_region_codes: v.targetRegionCodes,
    target_region_path: d.targetRegionPath,
    investment_min_yuan: v.investmentMinYuan,
    investment_max_yuan: v.investmentMaxYuan,
    size: v.size,
    pending_certifications: v.certifications.map((c) => c.kind),
    certifications_valid_until: validUntilByKind(
      v.certifications.map((c) => ({ kind: c.kind, status: 'claimed', validUntil: c.validUntil ?? null })),
    ),
    need_land_mu: v.needLandMu,
    need_workforce: v.needWorkforce,
    need_notes: v.needNotes,
    description: v.description,
    contacts: v.contacts,
    notification_frequency: v.notificationFrequency,
    notification_language: v.notificationLanguage,
    search_text: d.searchText,
  };
}

export type EnterpriseRecord = ReturnType<typeof enterpriseRecord>;

/** Inserts a batch; answers the ids of the enterprises created (an existing USCC is left as it is). */
export async function insertEnterprises(
  m: EntityManager,
  rows: ReadonlyArray<{ input: RegisterEnterpriseInput; record?: EnterpriseRecord }>,
): Promise<number[]> {
  const records = rows.map((r) => r.record ?? enterpriseRecord(r.input));
  const certs = rows.flatMap(({ input: v }) =>
    v.certifications.map((c) => ({
      uscc: v.uscc,
      kind: c.kind,
      certificate_no: c.certificateNo ?? null,
      valid_until: c.validUntil ?? null,
    })),
  );
  const created: Array<{ id: number }> = await m.query(
    `WITH ins AS (
           INSERT INTO enterprise (uscc, name, industry_codes, industry_path, home_region_code, home_region_path, target_region_codes,
             target_region_path, investment_min_yuan, investment_max_yuan, size, verified_certifications, pending_certifications,
             certifications_valid_until, need_land_mu, need_workforce, need_notes, description, contacts, notification_frequency, notification_language, search_text)
           SELECT uscc, name, industry_codes, industry_path, home_region_code, home_region_path, target_region_codes, target_region_path,
             investment_min_yuan, investment_max_yuan, size, '{}', pending_certifications, certifications_valid_until, need_land_mu, need_workforce, need_notes,
             description, contacts, notification_frequency, notification_language, search_text
           FROM jsonb_to_recordset($1::jsonb) AS r(uscc char(18), name varchar, industry_codes varchar(5)[], industry_path varchar(5)[],
             home_region_code char(6), home_region_path char(6)[], target_region_codes char(6)[], target_region_path char(6)[],
             investment_min_yuan bigint, investment_max_yuan bigint, size varchar, pending_certifications varchar(40)[],
             certifications_valid_until jsonb, need_land_mu numeric, need_workforce int, need_notes text, description text, contacts jsonb,
             notification_frequency varchar, notification_language varchar, search_text text)
           ON CONFLICT (uscc) DO NOTHING
           RETURNING id, uscc),
         certs AS (
           INSERT INTO enterprise_certification (enterprise_id, kind, certificate_no, valid_until)
           SELECT ins.id, c.kind, c.certificate_no, c.valid_until
           FROM ins JOIN jsonb_to_recordset($2::jsonb) AS c(uscc char(18), kind varchar, certificate_no varchar, valid_until date) ON c.uscc = ins.uscc)
         SELECT id FROM ins`,
    [JSON.stringify(records), JSON.stringify(certs)],
  );
  return created.map((r) => r.id);
}
