import { DATE_PLEDGES, type AgreementStatus, type PledgeKind, type TrancheCondition, type TrancheState } from './agreement.vocabulary.js';
import type { Facts, Pledge, PledgeEvaluation } from './pledge-status.js';

/**
 * The tranche-release rule (README "Agreements"). Pure.
 *  - A tranche's condition is met by recorded actuals only: `started` / `producing` /
 *    `reached_output` by the 开工 / 投产 / 达产 actual, `date` by reaching its due date.
 *  - Its pledges: the milestone's date pledge (startBy, productionBy, reachOutputBy); for a `date`
 *    tranche, every pledge due on or before the tranche's due date.
 *  - State: `released` once approved (final); otherwise `withheld` while one of its pledges is
 *    breached; otherwise, with the condition met, `requested` when an officer asked for the
 *    release, else `releasable`; otherwise `pending`.
 */
export interface TrancheFacts {
  condition: TrancheCondition;
  dueOn: string;
  releasedOn: string | null;
  requestedBy: number | null;
}

const MILESTONE: Record<Exclude<TrancheCondition, 'date'>, { actual: 'started' | 'producing' | 'reached_output'; pledge: PledgeKind }> = {
  started: { actual: 'started', pledge: 'start' },
  producing: { actual: 'producing', pledge: 'production' },
  reached_output: { actual: 'reached_output', pledge: 'reach_output' },
};

export function conditionMet(t: Pick<TrancheFacts, 'condition' | 'dueOn'>, facts: Facts, today: string): boolean {
  if (t.condition === 'date') return today >= t.dueOn;
  return facts.dateOf(MILESTONE[t.condition].actual) !== null;
}

/** The pledges a tranche depends on. */
export function pledgesOfTranche(t: Pick<TrancheFacts, 'condition' | 'dueOn'>, pledges: readonly Pledge[]): Pledge[] {
  if (t.condition === 'date') return pledges.filter((p) => p.dueOn <= t.dueOn);
  return pledges.filter((p) => p.kind === MILESTONE[t.condition as Exclude<TrancheCondition, 'date'>].pledge);
}

export function trancheState(t: TrancheFacts, facts: Facts, pledges: readonly PledgeEvaluation[], today: string): TrancheState {
  if (t.releasedOn) return 'released';
  if (pledgesOfTranche(t, pledges).some((p) => (p as PledgeEvaluation).status === 'breached')) return 'withheld';
  if (!conditionMet(t, facts, today)) return 'pending';
  return t.requestedBy !== null ? 'requested' : 'releasable';
}

/** The agreement as a whole: breached if any pledge is, met when all are, at risk if any is, else performing. */
export function agreementStatus(pledges: readonly PledgeEvaluation[]): AgreementStatus {
  if (pledges.some((p) => p.status === 'breached')) return 'breached';
  if (pledges.length && pledges.every((p) => p.status === 'met')) return 'met';
  if (pledges.some((p) => p.status === 'at_risk')) return 'at_risk';
  return 'performing';
}

export const isDatePledge = (k: PledgeKind) => DATE_PLEDGES.includes(k);
