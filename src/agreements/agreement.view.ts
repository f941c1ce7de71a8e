import { formatMu, formatYuan } from '../platform/format/units.js';
import { regions } from '../reference/regions.js';
import {
  ACTUAL_KINDS,
  AGREEMENT_STATUSES,
  PLEDGE_KINDS,
  PLEDGE_STATUSES,
  RECOVERY_STEPS,
  TRANCHE_CONDITIONS,
  TRANCHE_STATES,
  WARNING_KINDS,
  type PledgeKind,
} from './agreement.vocabulary.js';
import type { ActualRow, AgreementHeader, CaseRow, TrancheRow, WarningRow } from './agreements.queries.js';
import type { PledgeEvaluation } from './pledge-status.js';

const num = (v: string | null) => (v === null ? null : Number(v));
const region = (code: string) => ({ code, name: regions().fullName(code) });

/** A pledge's figure for people: 万元/亿元, 万元/亩, 人, a date. */
export function pledgeFigure(kind: PledgeKind, v: number | string | null): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (kind === 'investment') return formatYuan(v);
  if (kind === 'intensity' || kind === 'tax') return `${formatYuan(v)}/亩`;
  if (kind === 'jobs') return `${v} 人`;
  return String(v);
}

export function agreementView(
  h: AgreementHeader,
  pledges: PledgeEvaluation[],
  tranches: TrancheRow[],
  actuals: ActualRow[],
  warnings: Array<{ kind: keyof typeof WARNING_KINDS; since: string; pledge: PledgeKind }>,
  c: CaseRow | null,
  opts: { staff: boolean },
) {
  const pledged = num(h.pledged_investment_yuan);
  const capital = Number(h.capital_yuan);
  return {
    id: h.id,
    leadId: h.lead_id,
    enterprise: { id: h.enterprise_id, name: h.enterprise_name },
    project: h.project_id ? { id: h.project_id, title: h.project_title } : null,
    region: region(h.region_code),
    signedOn: h.signed_on,
    status: h.status,
    statusLabel: AGREEMENT_STATUSES[h.status],
    terms: h.terms,
    landLabel: h.terms.landMu != null ? formatMu(h.terms.landMu) : null,
    investment: { pledgedYuan: pledged, capitalYuan: capital, capitalRate: pledged ? Math.round((capital / pledged) * 1000) / 1000 : null },
    pledges: pledges.map((p) => ({
      kind: p.kind,
      label: PLEDGE_KINDS[p.kind],
      target: p.target,
      targetLabel: pledgeFigure(p.kind, p.target ?? p.dueOn),
      dueOn: p.dueOn,
      status: p.status,
      statusLabel: PLEDGE_STATUSES[p.status],
      actual: p.actual,
      actualLabel: pledgeFigure(p.kind, p.actual),
    })),
    tranches: tranches.map((t) => ({
      id: t.id,
      position: t.position,
      amountYuan: Number(t.amount_yuan),
      amountLabel: formatYuan(Number(t.amount_yuan)),
      incentive: t.incentive_id ? { id: t.incentive_id, title: t.incentive_title } : null,
      condition: t.condition,
      conditionLabel: TRANCHE_CONDITIONS[t.condition],
      dueOn: t.due_on,
      state: t.state,
      stateLabel: TRANCHE_STATES[t.state],
      ...(opts.staff
        ? {
            requestedBy: t.requested_by ? { id: t.requested_by, name: t.requested_by_name } : null,
            approvedBy: t.approved_by ? { id: t.approved_by, name: t.approved_by_name } : null,
          }
        : {}),
      releasedOn: t.released_on,
      releasedYuan: num(t.released_yuan),
    })),
    actuals: opts.staff
      ? actuals.map((a) => ({
          id: Number(a.id),
          kind: a.kind,
          kindLabel: ACTUAL_KINDS[a.kind],
          occurredOn: a.occurred_on,
          amountYuan: num(a.amount_yuan),
          count: a.count,
          source: a.source,
          document: a.document,
          note: a.note,
          correctsId: num(a.corrects_id),
          recordedBy: a.recorded_by ? { id: a.recorded_by, name: a.recorded_by_name } : null,
          recordedAt: a.recorded_at,
        }))
      : undefined,
    warnings: opts.staff
      ? warnings.map((w) => ({ kind: w.kind, kindLabel: WARNING_KINDS[w.kind], since: w.since, pledge: w.pledge }))
      : undefined,
    recoveryCase:
      opts.staff && c
        ? {
            id: c.id,
            step: c.step,
            stepLabel: RECOVERY_STEPS[c.step],
            releasedYuan: Number(c.released_yuan),
            shortfall: Number(c.shortfall),
            pledge: c.pledge,
            amountDueYuan: Number(c.amount_due_yuan),
            recoveredYuan: Number(c.recovered_yuan),
            openedAt: c.opened_at,
            steps: c.steps.map((s) => ({ ...s, stepLabel: RECOVERY_STEPS[s.step] })),
          }
        : null,
  };
}
export type AgreementView = ReturnType<typeof agreementView>;

export const warningItem = (w: WarningRow) => ({
  agreementId: w.agreement_id,
  leadId: w.lead_id,
  kind: w.kind,
  kindLabel: WARNING_KINDS[w.kind],
  since: w.since,
  pledge: w.pledge,
  pledgeLabel: PLEDGE_KINDS[w.pledge],
  enterpriseName: w.enterprise_name,
  region: region(w.region_code),
});
