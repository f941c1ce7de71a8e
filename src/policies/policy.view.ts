import { regionRef } from '../enterprises/enterprise.view.js';
import { CONDITION_LABELS } from './eligibility/conditions.js';
import type { Incentive } from './incentive.entity.js';
import type { Policy } from './policy.entity.js';
import { shanghaiDate } from '../platform/format/units.js';
import { INCENTIVE_KINDS, POLICY_STATUSES, POLICY_VALIDITY, policyValidity } from './policy.vocabulary.js';

export function incentiveSummary(i: Incentive) {
  return {
    id: i.id,
    policyId: i.policyId,
    kind: i.kind,
    kindLabel: INCENTIVE_KINDS[i.kind],
    title: i.title,
    grantedWithoutApplication: i.grantedWithoutApplication,
    maxAmountYuan: i.maxAmountYuan,
  };
}

export function incentiveView(i: Incentive) {
  return {
    ...incentiveSummary(i),
    description: i.description,
    conditions: i.conditions.map((c) => ({ ...c, label: CONDITION_LABELS[c.type] })),
    policy: i.policy ? policySummary(i.policy) : undefined,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

/** `today`: the date the validity is judged on (YYYY-MM-DD; callers with a Clock pass its date). */
export function policySummary(p: Policy, today = shanghaiDate(new Date())) {
  const validity = policyValidity(p, today);
  return {
    id: p.id,
    title: p.title,
    issuer: p.issuer,
    region: regionRef(p.regionCode),
    documentNumber: p.documentNumber,
    validFrom: p.validFrom,
    validTo: p.validTo,
    status: p.status,
    statusLabel: POLICY_STATUSES[p.status],
    validity,
    validityLabel: POLICY_VALIDITY[validity],
  };
}

export function policyView(p: Policy) {
  return {
    ...policySummary(p),
    sourceText: p.sourceText,
    sourceUrl: p.sourceUrl,
    publishedAt: p.publishedAt,
    incentives: (p.incentives ?? []).sort((a, b) => a.id - b.id).map((i) => incentiveView({ ...i, policy: undefined } as Incentive)),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
