import { addDays, addYears, daysBetween } from './agreement-dates.js';
import { DATE_PLEDGES, type ActualKind, type PledgeKind, type PledgeStatus } from './agreement.vocabulary.js';

/**
 * The pledge-status rule (README "Agreements"). Pure: the recorded actuals and "today" in, each
 * pledge's status out.
 *
 *  - A date pledge (startBy, productionBy, reachOutputBy) is `met` when its milestone's actual
 *    (开工 / 投产 / 达产) is dated on or before it, `breached` when the actual is later or the date
 *    has passed without one, `at_risk` from AT_RISK_DAYS before the date without one, else `on_track`.
 *  - A figure pledge (investment, intensity = capital in place ÷ land, tax per 亩 = latest annual
 *    tax ÷ land, jobs) is `met` when the actuals dated on or before its due date reach it,
 *    `breached` when its due date has passed and they do not, `at_risk` from AT_RISK_DAYS before
 *    the due date (and the investment whenever capital is behind plan), else `on_track`.
 *    Due dates: investment and intensity by productionBy (else reachOutputBy); tax and jobs by
 *    reachOutputBy (else productionBy); without either, three years after signing.
 *  - 到资 behind plan: from PLAN_GRACE_DAYS after signing, capital in place below PLAN_SHARE of the
 *    straight-line plan (the pledged investment spread evenly from signing to its due date).
 */
export const AT_RISK_DAYS = 30;
export const PLAN_GRACE_DAYS = 90;
export const PLAN_SHARE = 0.8;

export interface PledgeTerms {
  investmentYuan?: number | null;
  landMu?: number | null;
  investmentIntensityYuanPerMu?: number | null;
  annualTaxYuanPerMu?: number | null;
  startBy?: string | null;
  productionBy?: string | null;
  reachOutputBy?: string | null;
  jobs?: number | null;
}

export interface Pledge {
  kind: PledgeKind;
  /** The pledged figure (yuan, yuan per 亩, jobs); null for date pledges. */
  target: number | null;
  dueOn: string;
}

export interface ActualEntry {
  id: number;
  kind: ActualKind;
  occurredOn: string;
  amountYuan: number | null;
  count: number | null;
  /** The earlier entry this one corrects (that one no longer counts). */
  correctsId: number | null;
}

/** The pledges an agreement's terms make, each with its due date. */
export function pledgesOf(t: PledgeTerms, signedOn: string): Pledge[] {
  const out: Pledge[] = [];
  const fallback = addYears(signedOn, 3);
  const capitalDue = t.productionBy ?? t.reachOutputBy ?? fallback;
  const outputDue = t.reachOutputBy ?? t.productionBy ?? fallback;
  if (t.startBy) out.push({ kind: 'start', target: null, dueOn: t.startBy });
  if (t.productionBy) out.push({ kind: 'production', target: null, dueOn: t.productionBy });
  if (t.reachOutputBy) out.push({ kind: 'reach_output', target: null, dueOn: t.reachOutputBy });
  if (t.investmentYuan != null) out.push({ kind: 'investment', target: t.investmentYuan, dueOn: capitalDue });
  if (t.investmentIntensityYuanPerMu != null && t.landMu)
    out.push({ kind: 'intensity', target: t.investmentIntensityYuanPerMu, dueOn: capitalDue });
  if (t.annualTaxYuanPerMu != null && t.landMu) out.push({ kind: 'tax', target: t.annualTaxYuanPerMu, dueOn: outputDue });
  if (t.jobs != null) out.push({ kind: 'jobs', target: t.jobs, dueOn: outputDue });
  return out;
}

/** The entries that still count: those no later entry corrects. */
export function effectiveActuals(actuals: readonly ActualEntry[]): ActualEntry[] {
  const corrected = new Set(actuals.map((a) => a.correctsId).filter((x): x is number => x !== null));
  return actuals.filter((a) => !corrected.has(a.id));
}

const MILESTONE_OF: Partial<Record<PledgeKind, ActualKind>> = { start: 'started', production: 'producing', reach_output: 'reached_output' };

/** What the actuals say, as of a date (entries dated later do not count). */
export class Facts {
  private readonly entries: ActualEntry[];
  constructor(
    actuals: readonly ActualEntry[],
    private readonly landMu: number | null = null,
  ) {
    this.entries = effectiveActuals(actuals);
  }

  /** The milestone's date (the latest entry for it), or null. */
  dateOf(kind: ActualKind): string | null {
    const xs = this.entries.filter((a) => a.kind === kind);
    return xs.length ? xs.reduce((a, b) => (b.id > a.id ? b : a)).occurredOn : null;
  }

  /** Capital in place (到资): the sum of the capital entries dated on or before `asOf`. */
  capital(asOf: string): number {
    return this.entries.filter((a) => a.kind === 'capital' && a.occurredOn <= asOf).reduce((s, a) => s + (a.amountYuan ?? 0), 0);
  }

  /** The latest figure of a kind dated on or before `asOf` (annual tax, output, jobs), or null. */
  latest(kind: ActualKind, asOf: string): number | null {
    const xs = this.entries.filter((a) => a.kind === kind && a.occurredOn <= asOf);
    if (!xs.length) return null;
    const last = xs.reduce((a, b) => (b.occurredOn > a.occurredOn || (b.occurredOn === a.occurredOn && b.id > a.id) ? b : a));
    return kind === 'jobs' ? last.count : last.amountYuan;
  }

  /** A figure pledge's value as of a date (null: nothing recorded yet). */
  value(kind: PledgeKind, asOf: string): number | null {
    switch (kind) {
      case 'investment':
        return this.capital(asOf);
      case 'intensity':
        return this.landMu ? Math.round(this.capital(asOf) / this.landMu) : null;
      case 'tax': {
        const tax = this.latest('annual_tax', asOf);
        return tax === null || !this.landMu ? null : Math.round(tax / this.landMu);
      }
      case 'jobs':
        return this.latest('jobs', asOf);
      default:
        return null;
    }
  }

  milestoneOf(kind: PledgeKind): string | null {
    const m = MILESTONE_OF[kind];
    return m ? this.dateOf(m) : null;
  }
}

export interface PledgeEvaluation extends Pledge {
  status: PledgeStatus;
  /** The figure reached by the due date (figure pledges) or the milestone's date (date pledges). */
  actual: number | string | null;
  /** Achieved share of a figure pledge by its due date (0…1; 1 for a met pledge); date pledges: 1 met, 0 otherwise. */
  achieved: number;
}

/** 到资 behind plan: capital in place below PLAN_SHARE of the straight-line plan. */
export function capitalBehindPlan(p: Pledge, facts: Facts, signedOn: string, today: string): boolean {
  if (p.kind !== 'investment' || !p.target) return false;
  const elapsed = daysBetween(signedOn, today);
  if (elapsed < PLAN_GRACE_DAYS) return false;
  const span = Math.max(1, daysBetween(signedOn, p.dueOn));
  const planned = p.target * Math.min(1, elapsed / span);
  return facts.capital(today) < planned * PLAN_SHARE;
}

export function evaluatePledge(p: Pledge, facts: Facts, signedOn: string, today: string): PledgeEvaluation {
  const riskFrom = addDays(p.dueOn, -AT_RISK_DAYS);
  if (DATE_PLEDGES.includes(p.kind)) {
    const on = facts.milestoneOf(p.kind);
    if (on) return { ...p, status: on <= p.dueOn ? 'met' : 'breached', actual: on, achieved: on <= p.dueOn ? 1 : 0 };
    const status: PledgeStatus = today > p.dueOn ? 'breached' : today >= riskFrom ? 'at_risk' : 'on_track';
    return { ...p, status, actual: null, achieved: 0 };
  }
  const target = p.target ?? 0;
  const reached = facts.value(p.kind, p.dueOn < today ? p.dueOn : today);
  const achieved = target > 0 ? Math.min(1, (reached ?? 0) / target) : 1;
  if (reached !== null && reached >= target) return { ...p, status: 'met', actual: reached, achieved: 1 };
  if (today > p.dueOn) return { ...p, status: 'breached', actual: reached, achieved };
  const risky = today >= riskFrom || capitalBehindPlan(p, facts, signedOn, today);
  return { ...p, status: risky ? 'at_risk' : 'on_track', actual: reached, achieved };
}

/** Every pledge of the terms, evaluated. */
export function evaluatePledges(terms: PledgeTerms, actuals: readonly ActualEntry[], signedOn: string, today: string): PledgeEvaluation[] {
  const facts = new Facts(actuals, terms.landMu ?? null);
  return pledgesOf(terms, signedOn).map((p) => evaluatePledge(p, facts, signedOn, today));
}
