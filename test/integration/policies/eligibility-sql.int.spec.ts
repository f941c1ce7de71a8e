import { DataSource } from 'typeorm';
import { makeUscc } from '../../../src/enterprises/uscc.js';
import type { Condition } from '../../../src/policies/eligibility/conditions.js';
import { eligibilitySql } from '../../../src/policies/eligibility/eligibility-sql.js';
import { evaluateEligibility, type EnterpriseFacts } from '../../../src/policies/eligibility/evaluate.js';
import { industries } from '../../../src/reference/industries.js';
import { regions } from '../../../src/reference/regions.js';
import { createTestDatabase, openDataSource, type TestDatabase } from '../../support/test-db.js';

/** A small deterministic PRNG, so a failure can be replayed. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('政策找企业 SQL agrees with the evaluator', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const rand = rng(42);
  /** validity dates from their own sequence, so the rest of the generated data stays as it was */
  const randUntil = rng(7);
  const today = '2026-01-01';
  const untilOf = (kinds: readonly string[]) =>
    Object.fromEntries(
      kinds.flatMap((k) => {
        const x = randUntil();
        // a third expired (one the day before today), a third still valid (one ending today), a third without an end
        return x < 0.33 ? [[k, x < 0.1 ? '2025-12-31' : '2024-05-01']] : x < 0.66 ? [[k, x < 0.43 ? today : '2027-06-30']] : [];
      }),
    );
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const r = regions();
  const t = industries();
  const counties = ['410223', '410225', '410102', '410305', '411302', '320506', '440305'];
  const cities = ['410200', '410100', '410300', '411300', '320500'];
  const classes = ['A0313', 'A0142', 'C1351', 'C1311', 'C3741', 'F5292', 'I6513', 'C3311'];
  const certs = ['industry_education_integration', 'high_tech', 'specialized_sme', 'little_giant'];
  const enterprises: Array<EnterpriseFacts & { id: number }> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openDataSource(db.url);
    for (let n = 0; n < 400; n++) {
      const home = pick(counties);
      const targets = Array.from({ length: Math.floor(rand() * 3) }, () => pick([...cities, ...counties, '410000']));
      const codes = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(classes)))];
      const min = rand() < 0.2 ? null : Math.floor(rand() * 10) * 50_000_000;
      const max = rand() < 0.2 ? null : (min ?? 0) + Math.floor(rand() * 10) * 50_000_000;
      const verified = certs.filter(() => rand() < 0.2);
      const pending = certs.filter((c) => !verified.includes(c) && rand() < 0.15);
      const e = {
        industryCodes: codes,
        homeRegionCode: home,
        targetRegionCodes: [...new Set(targets)],
        investmentMinYuan: min,
        investmentMaxYuan: max,
        size: rand() < 0.2 ? null : pick(['micro', 'small', 'medium', 'large'] as const),
        verifiedCertifications: verified,
        pendingCertifications: pending,
        certificationsValidUntil: untilOf([...verified, ...pending]),
        needLandMu: rand() < 0.3 ? null : Math.floor(rand() * 4) * 50,
      };
      const [{ id }] = await ds.query(
        `INSERT INTO enterprise (uscc, name, industry_codes, industry_path, home_region_code, home_region_path, target_region_codes, target_region_path,
           investment_min_yuan, investment_max_yuan, size, verified_certifications, pending_certifications, need_land_mu, contacts,
           certifications_valid_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, '[]', $15) RETURNING id`,
        [
          makeUscc(home, n),
          `企业${n}`,
          codes,
          t.closure(codes),
          home,
          r.path(home),
          e.targetRegionCodes,
          r.closure(e.targetRegionCodes),
          min,
          max,
          e.size,
          verified,
          pending,
          e.needLandMu,
          JSON.stringify(e.certificationsValidUntil),
        ],
      );
      enterprises.push({ ...e, id });
    }
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const cases: Array<[string, string, Condition[]]> = [
    ['产教融合 green channel, Henan', '410000', [{ type: 'certification', anyOf: ['industry_education_integration'] }]],
    ['高新 or 小巨人 (some certificates expired), 开封', '410200', [{ type: 'certification', anyOf: ['high_tech', 'little_giant'] }]],
    ['开封 big projects', '410200', [{ type: 'minInvestment', yuan: 200_000_000 }]],
    ['尉氏 标准地', '410223', [{ type: 'needsLand', minMu: 50 }]],
    [
      '南阳 manufacturing',
      '411300',
      [
        { type: 'industry', anyOf: ['C'] },
        { type: 'enterpriseSize', anyOf: ['medium', 'large'] },
      ],
    ],
    [
      'everything at once',
      '410000',
      [
        { type: 'certification', anyOf: ['high_tech', 'specialized_sme'] },
        { type: 'industry', anyOf: ['A03', 'C13'] },
        { type: 'homeRegion', anyOf: ['410200', '410100'] },
        { type: 'minInvestment', yuan: 100_000_000 },
        { type: 'needsLand' },
      ],
    ],
    ['no conditions, Jiangsu', '320500', []],
  ];

  it.each(cases)('%s', async (_name, policyRegion, conditions) => {
    const sql = eligibilitySql(conditions, policyRegion, r, today);
    const ids = async (where: string) =>
      new Set(
        (
          await ds.manager
            .createQueryBuilder()
            .select('e.id', 'id')
            .from('enterprise', 'e')
            .where(where, sql.params)
            .getRawMany<{ id: number }>()
        ).map((x) => x.id),
      );
    const eligible = await ids(sql.eligible);
    const possible = await ids(sql.possible);
    const expected = { eligible: new Set<number>(), possible: new Set<number>() };
    for (const e of enterprises) {
      const status = evaluateEligibility(
        e,
        { conditions, policy: { regionCode: policyRegion, validFrom: '2020-01-01', validTo: null } },
        { regions: r, industries: t, today },
      ).status;
      if (status === 'eligible') expected.eligible.add(e.id);
      if (status !== 'not_eligible') expected.possible.add(e.id);
    }
    expect([...eligible].sort()).toEqual([...expected.eligible].sort());
    expect([...possible].sort()).toEqual([...expected.possible].sort());
    // the generated data exercises each outcome at least somewhere
    expect(possible.size).toBeGreaterThanOrEqual(eligible.size);
  });

  it('generated data covers eligible, needs-info and ineligible outcomes', () => {
    const statuses = new Set(
      enterprises.map(
        (e) =>
          evaluateEligibility(
            e,
            { conditions: cases[0][2], policy: { regionCode: '410000', validFrom: '2020-01-01', validTo: null } },
            { regions: r, industries: t, today },
          ).status,
      ),
    );
    expect([...statuses].sort()).toEqual(['eligible', 'needs_info', 'not_eligible']);
  });

  it('generated data holds expired certificates, verified and claimed, and ones valid through today', () => {
    const reasons = enterprises.flatMap((e) =>
      certs.map(
        (k) =>
          evaluateEligibility(
            e,
            {
              conditions: [{ type: 'certification', anyOf: [k as 'high_tech'] }],
              policy: { regionCode: '410000', validFrom: '2020-01-01', validTo: null },
            },
            { regions: r, industries: t, today },
          ).checks[2],
      ),
    );
    const expired = (e: EnterpriseFacts, list: readonly string[]) => list.some((k) => (e.certificationsValidUntil[k] ?? '9999') < today);
    expect(enterprises.filter((e) => expired(e, e.verifiedCertifications)).length).toBeGreaterThan(10);
    expect(enterprises.filter((e) => expired(e, e.pendingCertifications)).length).toBeGreaterThan(5);
    expect(enterprises.filter((e) => Object.values(e.certificationsValidUntil).includes(today)).length).toBeGreaterThan(3);
    expect(reasons.filter((c) => c.status === 'unmet' && /证书已过期（有效期至\d{4}-\d{2}-\d{2}）$/.test(c.reason)).length).toBeGreaterThan(
      15,
    );
  });
});
