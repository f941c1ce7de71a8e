import { defineEvent } from '../platform/events/domain-events.js';
import type { CertificationKind } from './enterprise.vocabulary.js';

/** Enterprises registered or changed (profile, certifications), in the writing transaction (matching re-matches them). */
export const enterprisesChanged = defineEvent<{ enterpriseIds: readonly number[] }>('enterprises.changed');

/** An officer verified or rejected one of the enterprise's certification claims, in the reviewing transaction (notifications tells its accounts). */
export interface CertificationReviewed {
  enterpriseId: number;
  kind: CertificationKind;
  decision: 'verified' | 'rejected';
  note?: string;
}
export const certificationReviewed = defineEvent<CertificationReviewed>('enterprises.certification-reviewed');
