import { conditionsSchema } from '../../policies/eligibility/conditions.js';
import { findIncentives } from './incentives.js';

// Sentences written for these rules (not from the seeds or the eval fixtures).
const offers = (text: string) => findIncentives(text).map((i) => ({ kind: i.kind, max: i.maxAmountYuan, conditions: i.conditions }));
const sorted = (conditions: unknown[]) => conditions.map((c) => JSON.stringify(c)).sort();

describe('findIncentives', () => {
  it('reads who may have it: minimum investment, sector, where the addressee is settled, enterprise size', () => {
    const [a] = offers('对新落户开封市、固定资产投资3亿元以上的制造业项目，按设备购置额的6%给予奖励，单个项目最高奖励800万元。');
    expect(a.kind).toBe('subsidy');
    expect(a.max).toBe(8_000_000);
    expect(sorted(a.conditions)).toEqual(
      sorted([
        { type: 'minInvestment', yuan: 300_000_000 },
        { type: 'industry', anyOf: ['C'] },
        { type: 'homeRegion', anyOf: ['410200'] },
      ]),
    );
    const [b] = offers('对小微制造业企业的流动资金贷款，给予贴息，单户最高50万元。');
    expect(b.kind).toBe('loan');
    expect(sorted(b.conditions)).toEqual(
      sorted([
        { type: 'industry', anyOf: ['C'] },
        { type: 'enterpriseSize', anyOf: ['micro', 'small'] },
      ]),
    );
  });

  it('takes "最高不超过" as the ceiling, never the size of a fund', () => {
    expect(offers('对固定资产投资2亿元以上的项目，按设备投资额的8%给予补助，最高不超过600万元。')[0]).toMatchObject({ max: 6_000_000 });
    expect(offers('设立总规模50亿元的产业发展基金。')[0]).toMatchObject({ kind: 'loan', max: null });
  });

  it('leaves out what was paid out (a report, not an offer), and reads approval modes and land-price rules', () => {
    expect(offers('去年全市兑现各类奖补资金9.6亿元，惠及企业800家。')).toEqual([]);
    expect(offers('对当年开工的重大项目，实行告知承诺审批模式。').map((o) => o.kind)).toEqual(['fast_track']);
    expect(offers('工业用地可按所在地土地等级对应最低价标准的70%确定出让底价。').map((o) => o.kind)).toEqual(['land']);
  });

  it("expresses every condition in the platform's conditions schema (what matching evaluates and 采用 re-validates)", () => {
    const text =
      '对新落户开封市、固定资产投资3亿元以上的制造业项目，给予奖励。对中小微食品加工企业，给予贴息。对首次认定的高新技术企业，给予奖励30万元。对符合条件的项目优先保障用地指标。';
    const found = findIncentives(text);
    expect(found).toHaveLength(4);
    for (const i of found) expect(conditionsSchema.safeParse(i.conditions).success).toBe(true);
  });
});
