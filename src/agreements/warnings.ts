import { addDays } from './agreement-dates.js';
import type { PledgeKind, WarningKind } from './agreement.vocabulary.js';
import { capitalBehindPlan, Facts, pledgesOf, type ActualEntry, type PledgeTerms } from './pledge-status.js';

/**
 * 项目预警: which warnings hold for an agreement today (README "Agreements"). Pure.
 *  - not_started 签约未开工: past startBy without a 开工 actual;
 *  - not_producing 开工未投产: past productionBy without a 投产 actual;
 *  - below_output 投产未达产: on or after reachOutputBy, no 达产 actual, or the latest annual tax
 *    per 亩 below the pledge;
 *  - capital_behind 到资滞后: the investment pledge not reached, and capital behind the
 *    straight-line plan (or its due date passed).
 * `since` is the first day the warning held by these rules (for 到资滞后: null, the evaluator's
 * first sighting is recorded instead).
 */
export interface WarningFinding {
  kind: WarningKind;
  pledge: PledgeKind;
  since: string | null;
}

export function warningsOf(terms: PledgeTerms, actuals: readonly ActualEntry[], signedOn: string, today: string): WarningFinding[] {
  const facts = new Facts(actuals, terms.landMu ?? null);
  const out: WarningFinding[] = [];
  if (terms.startBy && today > terms.startBy && !facts.dateOf('started'))
    out.push({ kind: 'not_started', pledge: 'start', since: addDays(terms.startBy, 1) });
  if (terms.productionBy && today > terms.productionBy && !facts.dateOf('producing')) {
    out.push({ kind: 'not_producing', pledge: 'production', since: addDays(terms.productionBy, 1) });
  }
  if (terms.reachOutputBy && today >= terms.reachOutputBy) {
    const reached = facts.dateOf('reached_output');
    const taxPledge = pledgesOf(terms, signedOn).find((p) => p.kind === 'tax');
    const tax = taxPledge ? facts.value('tax', today) : null;
    const taxShort = !!taxPledge && (tax === null || tax < (taxPledge.target ?? 0));
    if (!reached || taxShort) out.push({ kind: 'below_output', pledge: !reached ? 'reach_output' : 'tax', since: terms.reachOutputBy });
  }
  const investment = pledgesOf(terms, signedOn).find((p) => p.kind === 'investment');
  if (investment && facts.capital(today) < (investment.target ?? 0)) {
    if (today > investment.dueOn) out.push({ kind: 'capital_behind', pledge: 'investment', since: addDays(investment.dueOn, 1) });
    else if (capitalBehindPlan(investment, facts, signedOn, today)) out.push({ kind: 'capital_behind', pledge: 'investment', since: null });
  }
  return out;
}
