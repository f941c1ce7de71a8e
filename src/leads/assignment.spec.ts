import { candidatesFor, nextInRotation, ruleMatches, ruleSpecificity } from './assignment.js';
import { industries } from '../reference/industries.js';

const lead = (regionCode: string, ...codes: string[]) => ({ regionCode, industryPath: industries().closure(codes) });
const officers = [
  { id: 3, role: 'officer' },
  { id: 5, role: 'officer' },
  { id: 9, role: 'bureau_lead' },
];

describe('assignment rules', () => {
  it('match by region subtree and industry subtree; null matches all', () => {
    expect(ruleMatches({ userId: 3, regionCode: '410200', industryCode: null }, lead('410223', 'C1351'))).toBe(true);
    expect(ruleMatches({ userId: 3, regionCode: '410300', industryCode: null }, lead('410223', 'C1351'))).toBe(false);
    expect(ruleMatches({ userId: 3, regionCode: null, industryCode: 'C13' }, lead('410223', 'C1351'))).toBe(true);
    expect(ruleMatches({ userId: 3, regionCode: null, industryCode: 'C14' }, lead('410223', 'C1351'))).toBe(false);
    expect(ruleSpecificity({ userId: 3, regionCode: '410223', industryCode: 'C13' })).toBe(3 + 2);
  });

  it('the most specific matching rules decide; otherwise every plain officer', () => {
    const rules = [
      { userId: 3, regionCode: null, industryCode: 'C' },
      { userId: 5, regionCode: null, industryCode: 'C13' },
      { userId: 9, regionCode: null, industryCode: 'C135' },
    ];
    expect(candidatesFor(lead('410223', 'C1351'), officers, rules)).toEqual([9]);
    expect(candidatesFor(lead('410223', 'C1311'), officers, rules)).toEqual([5]);
    expect(candidatesFor(lead('410223', 'C2710'), officers, rules)).toEqual([3]);
    expect(candidatesFor(lead('410223', 'A0313'), officers, rules)).toEqual([3, 5]);
    // equally specific rules share the leads
    expect(
      candidatesFor(lead('410223', 'C1351'), officers, [...rules.slice(0, 2), { userId: 3, regionCode: null, industryCode: 'C13' }]),
    ).toEqual([3, 5]);
  });

  it('ignores rules of users who are not active staff of the bureau; falls back to bureau leads', () => {
    expect(candidatesFor(lead('410223', 'C1351'), officers, [{ userId: 42, regionCode: null, industryCode: 'C13' }])).toEqual([3, 5]);
    expect(candidatesFor(lead('410223', 'C1351'), [{ id: 9, role: 'bureau_lead' }], [])).toEqual([9]);
  });

  it('rotates by id and wraps around', () => {
    expect(nextInRotation([3, 5, 9], null)).toBe(3);
    expect(nextInRotation([3, 5, 9], 3)).toBe(5);
    expect(nextInRotation([3, 5, 9], 9)).toBe(3);
    expect(nextInRotation([3, 5, 9], 4)).toBe(5);
    expect(nextInRotation([3, 5, 9], 100)).toBe(3);
  });
});
