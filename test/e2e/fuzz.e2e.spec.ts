import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { enterpriseBody, policyBody, projectBody } from '../support/factories.js';
import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';

/**
 * Issue 11: a seeded, bounded fuzz test over EVERY operation of the app's own OpenAPI document
 * (/docs/openapi.json — a route added there is fuzzed without touching this file). Each operation
 * is called as each role (anonymous, enterprise, county officer, admin) with requests generated
 * from its documented parameters and body schema, then broken: wrong types, huge, unicode and NUL
 * strings, ids out of range, extra fields, broken JSON, other content types and bad cookies.
 * No answer may be a 5xx, and no body may carry a stack trace.
 *
 * Bounded: FUZZ_RUNS requests per operation and role (default 5; one app, one database), seeded
 * with FUZZ_SEED (default 11), so a failure reproduces. The figures go to the console and to
 * test-artifacts/fuzz-report.json.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
const SEED = Number(process.env.FUZZ_SEED ?? 11);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  example?: unknown;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

interface FuzzRequest {
  path: string;
  query: Array<[string, string]>;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string | null; text: string } | { kind: 'none' };
  cookie: string | null;
}

const STACK = /\bat [^\n]*\(?(?:file:\/\/|node:|\/)[^\n]*:\d+:\d+\)?|node_modules\/|\/src\/[\w/.-]+\.[jt]s\b/;

describe('fuzz: every OpenAPI operation, every role, hostile input', () => {
  let t: TestApp;
  let doc: OpenApi;
  const roles: Record<string, TestActor | null> = { anonymous: null };
  let ids: number[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    roles.admin = await actor(t, 'admin');
    const company = (await roles.admin.call('POST', '/enterprises', enterpriseBody({ homeRegionCode: '410223' }))).body;
    roles.enterprise = await actor(t, 'enterprise', { enterpriseId: company.id });
    roles.officer = await actor(t, 'officer', { region: '410223' }); // a county (尉氏县) officer
    const project = (await roles.officer.call('POST', '/projects', projectBody())).body;
    await roles.officer.call('POST', `/projects/${project.id}/publish`);
    const policy = (await roles.admin.call('POST', '/policies', policyBody())).body;
    await roles.admin.call('POST', `/policies/${policy.id}/publish`);
    ids = [company.id, project.id, policy.id, policy.incentives?.[0]?.id ?? 1].filter((n) => Number.isInteger(n));
    doc = (await http(t.url, 'GET', '/docs/openapi.json')).body as OpenApi;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A fresh user of the role (the fuzz may have logged it out, deactivated it or deleted its enterprise). */
  const revive = async (role: string): Promise<TestActor> => {
    if (role === 'admin') return actor(t, 'admin');
    if (role === 'officer') return actor(t, 'officer', { region: '410223' });
    const admin = await actor(t, 'admin');
    const company = (await admin.call('POST', '/enterprises', enterpriseBody({ homeRegionCode: '410223' }))).body;
    return actor(t, 'enterprise', { enterpriseId: company.id });
  };

  const resolve = (s: Schema | undefined, depth = 0): Schema => {
    let cur = s ?? {};
    for (let i = 0; cur.$ref && i < 10; i++) cur = doc.components?.schemas?.[cur.$ref.replace('#/components/schemas/', '')] ?? {};
    if (cur.allOf?.length && depth < 5)
      return cur.allOf
        .map((x) => resolve(x, depth + 1))
        .reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {});
    return cur;
  };

  // ——— hostile values ———
  const hugeStrings = fc.constantFrom('a'.repeat(100_000), '字'.repeat(20_000), '9'.repeat(400), '\u{1F600}'.repeat(5_000));
  const nasty = fc.constantFrom(
    'a\u0000b',
    '\u0000',
    '\uD800',
    '\u202Eevil',
    '𠜎𠜱𠝹',
    "'; DROP TABLE app_user; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '%E0%A4%A',
    '{{7*7}}',
    '=HYPERLINK("http://evil.example")',
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    'null',
    'true',
    '2147483648',
    '9223372036854775808',
    '00001',
    '0x10',
    '1.5',
    '__proto__',
  );
  const wildString = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), nasty, hugeStrings);
  const wildNumber = fc.oneof(
    fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, -(2 ** 53), 1e308, -0, 1e-300),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
  const wildLeaf: fc.Arbitrary<unknown> = fc.oneof(fc.constant(null), fc.boolean(), wildNumber, wildString);
  const wild: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: wildLeaf },
    { weight: 1, arbitrary: fc.array(wildLeaf, { maxLength: 5 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')), wildLeaf, {
        maxKeys: 4,
      }),
    },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 2_000 }, (_, i) => i)) },
  );
  const idValue = () => fc.oneof(fc.constantFrom(1, 2, 3, ...ids), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53));

  /** A value that fits the schema most of the time (so requests get past the first check), else a hostile one. */
  const valueFor = (raw: Schema | undefined, name = '', depth = 0): fc.Arbitrary<unknown> => {
    const s = resolve(raw);
    const valid = validFor(s, name, depth);
    return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: depth > 3 ? wildLeaf : wild });
  };

  const validFor = (s: Schema, name: string, depth: number): fc.Arbitrary<unknown> => {
    const alts = s.anyOf ?? s.oneOf;
    if (alts?.length) return fc.oneof(...alts.map((a) => valueFor(a, name, depth + 1)));
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    if (s.const !== undefined) return fc.constant(s.const);
    const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
    const base = ((): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'integer':
          if (/id$/i.test(name)) return idValue();
          return fc.integer({ min: Math.max(s.minimum ?? -1000, -(2 ** 53)), max: Math.min(s.maximum ?? 1_000_000, 2 ** 53) });
        case 'number':
          return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1_000_000, noNaN: true, noDefaultInfinity: true });
        case 'boolean':
          return fc.boolean();
        case 'array': {
          if (depth > 4) return fc.constant([]);
          return fc.array(valueFor(s.items, name, depth + 1), {
            minLength: Math.min(s.minItems ?? 0, 3),
            maxLength: Math.min(s.maxItems ?? 3, 3),
          });
        }
        case 'object':
          return objectFor(s, depth);
        default:
          return stringFor(s, name);
      }
    })();
    return s.nullable ? fc.oneof(base, fc.constant(null)) : base;
  };

  const stringFor = (s: Schema, name: string): fc.Arbitrary<unknown> => {
    const samples: fc.Arbitrary<string>[] = [];
    if (s.format === 'email' || /email/i.test(name)) samples.push(fc.emailAddress());
    if (s.format === 'date' || /date|On$|From$|To$/.test(name)) samples.push(fc.constantFrom('2025-05-01', '2026-12-01', '2024-02-30'));
    if (/regionCode/i.test(name)) samples.push(fc.constantFrom('410223', '410200', '410000', '110000', '999999'));
    if (/industr/i.test(name)) samples.push(fc.constantFrom('A0313', 'C1351', 'C', 'Z99'));
    if (/uscc/i.test(name)) samples.push(fc.constantFrom('91 110000 600037341L', '91110000600037341A', '91410223MA9XXXXXXX'));
    if (s.pattern) {
      try {
        samples.push(fc.stringMatching(new RegExp(s.pattern), { maxLength: 64 } as never));
      } catch {
        /* a pattern fast-check cannot generate from */
      }
    }
    const plain = fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 30) });
    return samples.length ? fc.oneof(plain, ...samples) : plain;
  };

  const objectFor = (s: Schema, depth: number): fc.Arbitrary<unknown> => {
    const props = Object.entries(s.properties ?? {});
    if (!props.length || depth > 4) return fc.dictionary(fc.string({ maxLength: 6 }), wildLeaf, { maxKeys: 3 });
    const required = new Set(s.required ?? []);
    const shape = Object.fromEntries(
      props.map(([k, v]) => [k, fc.option(valueFor(v, k, depth + 1), { nil: undefined, freq: required.has(k) ? 20 : 2 })]),
    );
    return fc
      .tuple(
        fc.record(shape),
        fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), wildLeaf, { minKeys: 1, maxKeys: 2 }), { freq: 5 }),
      )
      .map(([o, extra]) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
        return extra ? { ...out, ...extra } : out;
      });
  };

  /** Lone surrogates cannot travel in a URL; they become U+FFFD as any client would send them. */
  const wellFormed = (v: string) => Buffer.from(v, 'utf8').toString('utf8');
  const asText = (v: unknown): string => (typeof v === 'object' && v !== null ? (JSON.stringify(v) ?? '') : String(v));
  const pathValue = (p: Parameter) =>
    fc
      .oneof({ weight: 3, arbitrary: valueFor(p.schema, p.name).map(asText) }, { weight: 1, arbitrary: wildString })
      .map((v) => encodeURIComponent(wellFormed(v.slice(0, 600))) || '%20');

  const brokenBodies = fc.constantFrom(
    { kind: 'raw' as const, contentType: 'application/json', text: '{' },
    { kind: 'raw' as const, contentType: 'application/json', text: '{"a":' },
    { kind: 'raw' as const, contentType: 'application/json', text: '[1,2' },
    { kind: 'raw' as const, contentType: 'application/json', text: '"just a string"' },
    { kind: 'raw' as const, contentType: 'application/json', text: 'null' },
    { kind: 'raw' as const, contentType: 'application/json', text: '\u0000' },
    { kind: 'raw' as const, contentType: 'application/json; charset=latin1', text: '{}' },
    { kind: 'raw' as const, contentType: 'application/x-www-form-urlencoded', text: 'a=1&a=2&b[c]=3&%E0%A4%A=x&email=%00' },
    { kind: 'raw' as const, contentType: 'text/plain', text: 'hello' },
    {
      kind: 'raw' as const,
      contentType: 'multipart/form-data; boundary=x',
      text: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n',
    },
    { kind: 'raw' as const, contentType: 'application/xml', text: '<a/>' },
    { kind: 'raw' as const, contentType: null, text: '{}' },
  );
  const cookies = fc.constantFrom(
    null,
    null,
    null,
    'im_session=%E0%A4%A',
    'im_session=',
    'im_session=' + 'x'.repeat(4000),
    'im_session=abc; im_session=def',
    '=;;=;',
  );

  const requestsFor = (path: string, op: Operation): fc.Arbitrary<FuzzRequest> => {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
    const pathArb = fc
      .tuple(...pathParams.map(pathValue))
      .map((vals) => pathParams.reduce((acc, p, i) => acc.replace(`{${p.name}}`, vals[i]), path));
    const queryArb = fc
      .tuple(
        fc.tuple(...queryParams.map((p) => fc.option(valueFor(p.schema, p.name).map(asText), { freq: 2 }))),
        fc.option(
          fc.tuple(
            fc.string({ minLength: 1, maxLength: 8 }),
            wildString.map((s) => s.slice(0, 1000)),
          ),
          { freq: 4 },
        ),
      )
      .map(([vals, extra]) => {
        const q: Array<[string, string]> = [];
        queryParams.forEach((p, i) => vals[i] !== null && q.push([p.name, (vals[i] as string).slice(0, 1000)]));
        if (extra) q.push(extra);
        return q;
      });
    const bodyArb: fc.Arbitrary<FuzzRequest['body']> = fc.oneof(
      {
        weight: jsonSchema ? 6 : 1,
        arbitrary: (jsonSchema ? valueFor(jsonSchema) : wild).map((value) => ({ kind: 'json' as const, value })),
      },
      { weight: 2, arbitrary: brokenBodies },
      { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    );
    return fc.record({ path: pathArb, query: queryArb, body: bodyArb, cookie: cookies });
  };

  const send = async (method: string, req: FuzzRequest, who: TestActor | null) => {
    const headers: Record<string, string> = {};
    if (who) headers.authorization = `Bearer ${who.token}`;
    if (req.cookie) headers.cookie = req.cookie;
    let body: string | undefined;
    if (method !== 'GET' && method !== 'DELETE' && req.body.kind !== 'none') {
      if (req.body.kind === 'json') {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(req.body.value) ?? 'null';
      } else {
        if (req.body.contentType) headers['content-type'] = req.body.contentType;
        body = req.body.text;
      }
    }
    const qs = req.query.length ? `?${new URLSearchParams(req.query).toString()}` : '';
    const res = await fetch(`${t.url}${req.path}${qs}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
    return { status: res.status, text: await res.text() };
  };

  it(`answers no request with a 5xx or a stack trace (${RUNS} requests per operation and role, seed ${SEED})`, async () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([m, op]) => ({ method: m.toUpperCase(), path, op })),
    );
    expect(operations.length).toBeGreaterThan(50);
    const started = Date.now();
    const statuses: Record<string, number> = {};
    const failures: Array<{ role: string; method: string; url: string; status: number; body: string; request: unknown }> = [];
    let sent = 0;
    let seed = SEED;
    const slowest: Array<{ op: string; ms: number }> = [];
    for (const { method, path, op } of operations) {
      const opStarted = Date.now();
      for (const role of Object.keys(roles)) {
        const samples = fc.sample(requestsFor(path, op), { seed: seed++, numRuns: RUNS });
        for (let i = 0; i < samples.length; i += CONCURRENCY) {
          await Promise.all(
            samples.slice(i, i + CONCURRENCY).map(async (req) => {
              let r: { status: number; text: string };
              try {
                r = await send(method, req, roles[role]);
              } catch (err) {
                r = { status: 599, text: `request failed: ${(err as Error).message}` };
              }
              sent++;
              statuses[r.status] = (statuses[r.status] ?? 0) + 1;
              if (r.status >= 500 || STACK.test(r.text)) {
                const request = {
                  ...req,
                  body: req.body.kind === 'json' ? { kind: 'json', value: JSON.stringify(req.body.value)?.slice(0, 300) } : req.body,
                };
                failures.push({ role, method, url: `${path} ← ${req.path}`, status: r.status, body: r.text.slice(0, 300), request });
              }
            }),
          );
        }
        // a request may have ended this role's session (logout, deactivation, role change, its enterprise deleted)
        const who = roles[role];
        if (who && (await who.call('GET', '/auth/me')).status === 401) roles[role] = await revive(role);
      }
      slowest.push({ op: `${method} ${path}`, ms: Date.now() - opStarted });
    }
    slowest.sort((a, b) => b.ms - a.ms);
    const report = {
      seed: SEED,
      runsPerOperationAndRole: RUNS,
      operations: operations.length,
      roles: Object.keys(roles),
      requests: sent,
      serverErrors: failures.filter((f) => f.status >= 500).length,
      stackTraces: failures.filter((f) => f.status < 500).length,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      statuses,
      slowestOperations: slowest.slice(0, 10),
      failures: failures.slice(0, 50),
    };
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/fuzz-report.json', JSON.stringify(report, null, 2));
    console.log(
      `fuzz: ${report.requests} requests over ${report.operations} operations × ${report.roles.length} roles in ${report.seconds} s; ` +
        `5xx: ${report.serverErrors}, stack traces: ${report.stackTraces}; statuses ${JSON.stringify(statuses)}`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
