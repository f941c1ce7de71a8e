import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import { evaluateStored, type CatalogueIncentive } from './eligibility-store.js';
import type { MatchEnterprise } from './scoring/score.js';

const base: MatchEnterprise = {
  id: 1,
  industryCodes: ['A0313'],
  homeRegionCode: '410223',
  targetRegionCodes: [],
  investmentMinYuan: null,
  investmentMaxYuan: null,
  size: 'medium',
  verifiedCertifications: ['industry_education_integration'],
  pendingCertifications: [],
  certificationsValidUntil: {},
  needLandMu: null,
  tokens: [],
};
const greenChannel: CatalogueIncentive = {
  id: 10,
  title: '项目审批绿色通道',
  conditions: [{ type: 'certification', anyOf: ['industry_education_integration'] }],
  grantedWithoutApplication: true,
  policy: { regionCode: '410000', validFrom: '2023-01-01', validTo: null },
};

describe('stored eligibility (政策找企业, 免申即享)', () => {
  const ctx = { regions: regions(), industries: industries(), today: '2026-05-02' };

  it('leaves out an enterprise whose certificate expired, though others with the same kinds share the memo', () => {
    const valid = { ...base, id: 1, certificationsValidUntil: { industry_education_integration: '2026-12-31' } };
    const expired = { ...base, id: 2, certificationsValidUntil: { industry_education_integration: '2026-05-01' } };
    expect(evaluateStored(valid, [greenChannel], ctx).map((r) => [r.enterpriseId, r.status])).toEqual([[1, 'eligible']]);
    expect(evaluateStored(expired, [greenChannel], ctx)).toEqual([]);
    expect(evaluateStored({ ...base, id: 3 }, [greenChannel], ctx).map((r) => r.status)).toEqual(['eligible']);
    // the same enterprise the day before its certificate ran out (a catalogue is built per run, for one day)
    expect(
      evaluateStored(expired, [{ ...greenChannel, signature: undefined }], { ...ctx, today: '2026-05-01' }).map((r) => r.status),
    ).toEqual(['eligible']);
  });
});
