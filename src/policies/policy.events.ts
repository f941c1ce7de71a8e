import { defineEvent } from '../platform/events/domain-events.js';

/** A policy created or changed (region, validity, publication), in the writing transaction. */
export const policyChanged = defineEvent<{ policyId: number }>('policies.changed');
/** An incentive added or changed, in the writing transaction. */
export const incentiveChanged = defineEvent<{ incentiveId: number }>('policies.incentive-changed');
/**
 * Incentives are about to be deleted (one, or all of a policy's): emitted before the delete, while
 * it can still be read which projects they are attached to.
 */
export const incentivesRemoving = defineEvent<{ where: { incentiveIds: number[] } | { policyId: number } }>('policies.incentives-removing');
