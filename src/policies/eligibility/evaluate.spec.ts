import { industries } from '../../reference/industries.js';
import { regions } from '../../reference/regions.js';
import { conditionsSchema, type Condition } from './conditions.js';
import { evaluateEligibility, missingInformation, type EnterpriseFacts } from './evaluate.js';

const trees = { regions: regions(), industries: industries() };
const today = '2026-06-01';

const pigFarm: EnterpriseFacts = {
  industryCodes: ['A0313', 'C1351'],
  homeRegionCode: '410223',
  targetRegionCodes: ['410200'],
  investmentMinYuan: 100_000_000,
  investmentMaxYuan: 500_000_000,
  size: 'medium',
  verifiedCertifications: ['industry_education_integration'],
  pendingCertifications: ['high_tech'],
  certificationsValidUntil: {},
  needLandMu: 200,
};

const henan: { regionCode: string; validFrom: string; validTo: string | null } = {
  regionCode: '410000',
  validFrom: '2023-01-01',
  validTo: null,
};
const incentive = (conditions: Condition[], policy = henan) => ({ conditions, policy });

describe('eligibility evaluator (政策计算器)', () => {
  it('is eligible when every condition is met, with a reason for each', () => {
    const r = evaluateEligibility(
      pigFarm,
      incentive([
        { type: 'certification', anyOf: ['industry_education_integration'] },
        { type: 'industry', anyOf: ['A03'] },
        { type: 'minInvestment', yuan: 100_000_000 },
      ]),
      { ...trees, today },
    );
    expect(r.status).toBe('eligible');
    expect(r.checks.map((c) => c.status)).toEqual(['met', 'met', 'met', 'met', 'met']);
    expect(r.checks.map((c) => c.reason)).toEqual([
      '政策长期有效',
      '注册地「河南省开封市尉氏县」在政策适用地区「河南省」内',
      '已核验为产教融合型企业',
      '所属行业「A0313 猪的饲养」属于「A03 畜牧业」',
      '计划投资 1–5 亿元，不低于 1 亿元',
    ]);
  });

  it('keeps "needs more information" apart from "not eligible"', () => {
    const pending = evaluateEligibility(pigFarm, incentive([{ type: 'certification', anyOf: ['high_tech'] }]), { ...trees, today });
    expect(pending.status).toBe('needs_info');
    expect(missingInformation(pending)).toEqual(['已申报高新技术企业，待主管部门核验']);

    const none = evaluateEligibility(pigFarm, incentive([{ type: 'certification', anyOf: ['little_giant'] }]), { ...trees, today });
    expect(none.status).toBe('not_eligible');
    expect(none.checks[2].reason).toBe('需取得专精特新“小巨人”企业认定');

    const noSize = evaluateEligibility({ ...pigFarm, size: null }, incentive([{ type: 'enterpriseSize', anyOf: ['small', 'micro'] }]), {
      ...trees,
      today,
    });
    expect(noSize.status).toBe('needs_info');
    // one unmet condition decides, whatever else is unknown
    const mixed = evaluateEligibility(
      { ...pigFarm, size: null },
      incentive([
        { type: 'enterpriseSize', anyOf: ['small'] },
        { type: 'industry', anyOf: ['F'] },
      ]),
      { ...trees, today },
    );
    expect(mixed.status).toBe('not_eligible');
  });

  it('counts an expired certificate (verified or claimed) as not held, saying until when it was valid', () => {
    const cert = (anyOf: Array<'industry_education_integration' | 'high_tech' | 'little_giant'>, until: Record<string, string>) =>
      evaluateEligibility({ ...pigFarm, certificationsValidUntil: until }, incentive([{ type: 'certification', anyOf }]), {
        ...trees,
        today,
      }).checks[2];
    expect(cert(['industry_education_integration'], { industry_education_integration: '2026-05-01' })).toEqual({
      condition: 'certification',
      status: 'unmet',
      reason: '产教融合型企业证书已过期（有效期至2026-05-01）',
    });
    // valid through its last day
    expect(cert(['industry_education_integration'], { industry_education_integration: today }).status).toBe('met');
    // a claim awaiting review whose certificate already expired cannot become eligible
    expect(cert(['high_tech'], { high_tech: '2026-01-31' })).toMatchObject({
      status: 'unmet',
      reason: '高新技术企业证书已过期（有效期至2026-01-31）',
    });
    // another kind that still holds decides
    expect(cert(['industry_education_integration', 'high_tech'], { industry_education_integration: '2026-05-01' })).toMatchObject({
      status: 'unknown',
    });
    expect(cert(['little_giant'], { industry_education_integration: '2026-05-01' }).reason).toBe('需取得专精特新“小巨人”企业认定');
  });

  it('judges a planned investment range against a minimum', () => {
    const min = (yuan: number, e: Partial<EnterpriseFacts> = {}) =>
      evaluateEligibility({ ...pigFarm, ...e }, incentive([{ type: 'minInvestment', yuan }]), { ...trees, today }).status;
    expect(min(100_000_000)).toBe('eligible');
    expect(min(300_000_000)).toBe('needs_info'); // 1–5 亿 straddles 3 亿
    expect(min(600_000_000)).toBe('not_eligible');
    expect(min(1, { investmentMinYuan: null, investmentMaxYuan: null })).toBe('needs_info');
  });

  it('uses the project for the location and size when one is given', () => {
    const inc = incentive([{ type: 'minInvestment', yuan: 200_000_000 }], { regionCode: '410200', validFrom: '2021-01-01', validTo: null });
    const there = evaluateEligibility(pigFarm, inc, {
      ...trees,
      today,
      project: { regionCode: '410223', totalInvestmentYuan: 300_000_000 },
    });
    expect(there.status).toBe('eligible');
    expect(there.checks[1].reason).toBe('项目所在地「河南省开封市尉氏县」在政策适用地区「河南省开封市」内');
    const elsewhere = evaluateEligibility(pigFarm, inc, {
      ...trees,
      today,
      project: { regionCode: '410305', totalInvestmentYuan: 300_000_000 },
    });
    expect(elsewhere.status).toBe('not_eligible');
    const small = evaluateEligibility(pigFarm, inc, {
      ...trees,
      today,
      project: { regionCode: '410223', totalInvestmentYuan: 50_000_000 },
    });
    expect(small.checks[2].reason).toBe('项目总投资 5000 万元，低于 2 亿元');
  });

  it('covers a policy region through the home region, a target inside it, or a target containing it', () => {
    const policyIn = (regionCode: string, e: Partial<EnterpriseFacts>) =>
      evaluateEligibility({ ...pigFarm, ...e }, incentive([], { regionCode, validFrom: '2020-01-01', validTo: null }), { ...trees, today })
        .checks[1];
    expect(policyIn('410223', {}).status).toBe('met');
    expect(policyIn('410300', { targetRegionCodes: ['410305'] }).status).toBe('met');
    expect(policyIn('410305', { targetRegionCodes: ['410000'] }).reason).toMatch(/包含政策适用地区/);
    expect(policyIn('320500', {}).status).toBe('unmet');
  });

  it('respects the policy period', () => {
    const expired = evaluateEligibility(pigFarm, incentive([], { regionCode: '410000', validFrom: '2020-01-01', validTo: '2025-12-31' }), {
      ...trees,
      today,
    });
    expect(expired.status).toBe('not_eligible');
    expect(expired.checks[0].reason).toBe('政策有效期至 2025-12-31，已过期');
    const future = evaluateEligibility(pigFarm, incentive([], { regionCode: '410000', validFrom: '2027-01-01', validTo: null }), {
      ...trees,
      today,
    });
    expect(future.checks[0].reason).toMatch(/尚未生效/);
  });

  it('checks land needs for 标准地', () => {
    const land = (needLandMu: number | null, minMu?: number) =>
      evaluateEligibility({ ...pigFarm, needLandMu }, incentive([{ type: 'needsLand', ...(minMu ? { minMu } : {}) }]), { ...trees, today })
        .status;
    expect(land(200)).toBe('eligible');
    expect(land(200, 300)).toBe('not_eligible');
    expect(land(0)).toBe('not_eligible');
    expect(land(null)).toBe('needs_info');
  });
});

describe('eligibility conditions schema', () => {
  it('accepts the documented shapes and refuses unknown ones', () => {
    expect(conditionsSchema.safeParse([{ type: 'industry', anyOf: ['c13'] }]).data).toEqual([{ type: 'industry', anyOf: ['C13'] }]);
    expect(conditionsSchema.safeParse([{ type: 'industry', anyOf: ['C99'] }]).success).toBe(false);
    expect(conditionsSchema.safeParse([{ type: 'homeRegion', anyOf: ['410223'], extra: 1 }]).success).toBe(false);
    expect(conditionsSchema.safeParse([{ type: 'minInvestment', yuan: 0 }]).success).toBe(false);
    expect(conditionsSchema.safeParse([{ type: 'weather' }]).success).toBe(false);
  });
});
