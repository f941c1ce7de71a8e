import { policyValidity } from './policy.vocabulary.js';

describe('policy validity (已失效)', () => {
  it('is in force from its first through its last day, expired after, not yet before', () => {
    const p = { validFrom: '2024-01-01', validTo: '2026-05-01' };
    expect(policyValidity(p, '2023-12-31')).toBe('not_yet');
    expect(policyValidity(p, '2024-01-01')).toBe('in_force');
    expect(policyValidity(p, '2026-05-01')).toBe('in_force');
    expect(policyValidity(p, '2026-05-02')).toBe('expired');
    expect(policyValidity({ validFrom: '2024-01-01', validTo: null }, '2099-01-01')).toBe('in_force');
  });
});
