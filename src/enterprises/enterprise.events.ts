import { defineEvent } from '../platform/events/domain-events.js';

/** Enterprises registered or changed (profile, certifications), in the writing transaction (matching re-matches them). */
export const enterprisesChanged = defineEvent<{ enterpriseIds: readonly number[] }>('enterprises.changed');
