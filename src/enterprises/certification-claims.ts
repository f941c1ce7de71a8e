import type { CertificationKind, CertificationStatus } from './enterprise.vocabulary.js';

/** What an officer's verification vouches for: the certificate's number and how long it is valid. */
export interface ClaimOnFile {
  kind: CertificationKind;
  status: CertificationStatus;
  certificateNo: string | null;
  validUntil: string | null;
}

export interface ClaimAsStated {
  kind: CertificationKind;
  certificateNo?: string | null;
  validUntil?: string | null;
}

export interface RestatedClaim {
  status: CertificationStatus;
  /** A verified claim whose number or validity the enterprise changed: back to 待核验, the review cleared. */
  reclaimed: boolean;
  /** Which of the verified facts changed (for the audit entry). */
  changed: Array<'certificateNo' | 'validUntil'>;
}

/**
 * The status a claim has after the enterprise states it (again) in its profile: a new claim is
 * 待核验; re-stating a claim as it was keeps its review; changing the number or the validity of a
 * verified claim puts it back to 待核验, since the officer verified the old ones.
 */
export function restateClaim(onFile: ClaimOnFile | undefined, stated: ClaimAsStated): RestatedClaim {
  if (!onFile) return { status: 'claimed', reclaimed: false, changed: [] };
  const changed: RestatedClaim['changed'] = [];
  if ((stated.certificateNo ?? null) !== onFile.certificateNo) changed.push('certificateNo');
  if ((stated.validUntil ?? null) !== onFile.validUntil) changed.push('validUntil');
  if (onFile.status === 'verified' && changed.length) return { status: 'claimed', reclaimed: true, changed };
  return { status: onFile.status, reclaimed: false, changed };
}

/** A certificate valid until `validUntil` (inclusive) has expired once that day is past; none given: no end. */
export function certificateExpired(validUntil: string | null | undefined, today: string): boolean {
  return validUntil != null && validUntil < today;
}

/**
 * The validity dates the eligibility rules read, by kind, of the claims that can count (verified
 * or awaiting review); kinds without an end date are left out.
 */
export function validUntilByKind(claims: ReadonlyArray<Pick<ClaimOnFile, 'kind' | 'status' | 'validUntil'>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of claims) if (c.validUntil && c.status !== 'rejected') out[c.kind] = c.validUntil;
  return out;
}
