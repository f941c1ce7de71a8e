import { certificateExpired, restateClaim, validUntilByKind, type ClaimOnFile } from './certification-claims.js';

const verified: ClaimOnFile = { kind: 'high_tech', status: 'verified', certificateNo: 'GR202441000318', validUntil: '2027-12-31' };

describe('certification claims re-stated by the enterprise', () => {
  it('starts a new claim as 待核验', () => {
    expect(restateClaim(undefined, { kind: 'high_tech', certificateNo: 'X' })).toEqual({
      status: 'claimed',
      reclaimed: false,
      changed: [],
    });
  });

  it('keeps the review of a claim re-stated as it was (absent and null alike)', () => {
    expect(restateClaim(verified, { kind: 'high_tech', certificateNo: 'GR202441000318', validUntil: '2027-12-31' })).toEqual({
      status: 'verified',
      reclaimed: false,
      changed: [],
    });
    const bare: ClaimOnFile = { ...verified, certificateNo: null, validUntil: null };
    expect(restateClaim(bare, { kind: 'high_tech' })).toMatchObject({ status: 'verified', reclaimed: false });
  });

  it('puts a verified claim back to 待核验 when its number or validity changes', () => {
    expect(restateClaim(verified, { kind: 'high_tech', certificateNo: 'GR000', validUntil: '2027-12-31' })).toEqual({
      status: 'claimed',
      reclaimed: true,
      changed: ['certificateNo'],
    });
    expect(restateClaim(verified, { kind: 'high_tech', certificateNo: 'GR202441000318', validUntil: '2030-12-31' })).toEqual({
      status: 'claimed',
      reclaimed: true,
      changed: ['validUntil'],
    });
    expect(restateClaim(verified, { kind: 'high_tech' })).toEqual({
      status: 'claimed',
      reclaimed: true,
      changed: ['certificateNo', 'validUntil'],
    });
  });

  it('leaves claimed and rejected claims in their status (nothing verified to lose)', () => {
    expect(restateClaim({ ...verified, status: 'claimed' }, { kind: 'high_tech', certificateNo: 'new' })).toMatchObject({
      status: 'claimed',
      reclaimed: false,
    });
    expect(restateClaim({ ...verified, status: 'rejected' }, { kind: 'high_tech', certificateNo: 'new' })).toMatchObject({
      status: 'rejected',
      reclaimed: false,
    });
  });
});

describe('certificate validity', () => {
  it('is valid through its last day and expired the day after; no date never expires', () => {
    expect(certificateExpired('2026-05-01', '2026-05-01')).toBe(false);
    expect(certificateExpired('2026-05-01', '2026-05-02')).toBe(true);
    expect(certificateExpired(null, '2099-01-01')).toBe(false);
  });

  it('lists the end dates of claims that can count, by kind', () => {
    expect(
      validUntilByKind([
        { kind: 'high_tech', status: 'verified', validUntil: '2026-05-01' },
        { kind: 'tech_sme', status: 'claimed', validUntil: '2027-01-01' },
        { kind: 'little_giant', status: 'rejected', validUntil: '2027-01-01' },
        { kind: 'agri_leading', status: 'verified', validUntil: null },
      ]),
    ).toEqual({ high_tech: '2026-05-01', tech_sme: '2027-01-01' });
  });
});
