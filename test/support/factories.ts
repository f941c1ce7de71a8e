import { makeUscc } from '../../src/enterprises/uscc.js';

let seq = 0;
/** A unique, valid USCC for a test (per process). */
export const nextUscc = (region = '410223') => makeUscc(region, process.pid * 1000 + ++seq);

/** A minimal valid registration body; override what the test is about. */
export function enterpriseBody(overrides: Record<string, unknown> = {}) {
  return {
    uscc: nextUscc(),
    name: '河南牧丰农牧科技有限公司',
    industryCodes: ['A0313'],
    homeRegionCode: '410223',
    targetRegionCodes: ['410200'],
    investmentMinYuan: 50_000_000,
    investmentMaxYuan: 300_000_000,
    size: 'medium',
    certifications: [{ kind: 'industry_education_integration' }],
    needLandMu: 120,
    description: '生猪养殖与屠宰加工一体化企业，与职业院校共建实训基地。',
    contacts: [{ name: '王经理', email: 'wang@example.com', phone: '13800138000' }],
    ...overrides,
  };
}

export function projectBody(overrides: Record<string, unknown> = {}) {
  return {
    code: `T-${process.pid}-${++seq}`,
    title: '尉氏县生猪现代农业产业园',
    description: '启动建设生猪现代农业产业园，发展农产品精深加工。',
    regionCode: '410223',
    industryCodes: ['A0313', 'C1351'],
    totalInvestmentYuan: 500_000_000,
    landAreaMu: 300,
    ...overrides,
  };
}

export function policyBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '河南省产教融合型企业组合式激励政策',
    issuer: '河南省发展和改革委员会',
    regionCode: '410000',
    documentNumber: '豫发改社会〔2023〕1号',
    validFrom: '2023-01-01',
    validTo: null,
    incentives: [
      {
        kind: 'fast_track',
        title: '项目审批绿色通道',
        conditions: [{ type: 'certification', anyOf: ['industry_education_integration'] }],
      },
    ],
    ...overrides,
  };
}
