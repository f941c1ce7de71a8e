import { z } from 'zod';
import { enterpriseResponse } from '../enterprises/enterprise.view.js';
import { regionRef } from '../reference/refs.js';
import { apiSchema, enumOf, pageOf, timestamp, type Describes } from '../platform/http/openapi.js';
import { codeRefSchema } from '../reference/reference.schemas.js';
import { CONDITION_LABELS, conditionSchema } from './eligibility/conditions.js';
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

// ---- the documented answers (OpenAPI), checked against the views above ----

export const incentiveSummaryResponse = apiSchema(
  'IncentiveSummary',
  z.strictObject({
    id: z.number().int(),
    policyId: z.number().int(),
    kind: enumOf(INCENTIVE_KINDS),
    kindLabel: z.string(),
    title: z.string(),
    grantedWithoutApplication: z.boolean().describe('免申即享'),
    maxAmountYuan: z.number().nullable(),
  }),
);

export const policySummaryResponse = apiSchema(
  'PolicySummary',
  z.strictObject({
    id: z.number().int(),
    title: z.string(),
    issuer: z.string(),
    region: codeRefSchema,
    documentNumber: z.string(),
    validFrom: z.string().describe('YYYY-MM-DD'),
    validTo: z.string().nullable().describe('YYYY-MM-DD'),
    status: enumOf(POLICY_STATUSES),
    statusLabel: z.string(),
    validity: enumOf(POLICY_VALIDITY).describe('in force, not yet, or expired (已失效) today'),
    validityLabel: z.string(),
  }),
);

/** A stored condition with its Chinese label. */
const labelledCondition = apiSchema(
  'LabelledCondition',
  z.discriminatedUnion(
    'type',
    conditionSchema.options.map((o) => o.extend({ label: z.string() })) as unknown as [
      (typeof conditionSchema.options)[number],
      ...(typeof conditionSchema.options)[number][],
    ],
  ),
);

export const incentiveResponse = apiSchema(
  'Incentive',
  incentiveSummaryResponse.extend({
    description: z.string(),
    conditions: z.array(labelledCondition),
    policy: policySummaryResponse.optional(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);

export const policyResponse = apiSchema(
  'Policy',
  policySummaryResponse.extend({
    sourceText: z.string(),
    sourceUrl: z.string(),
    publishedAt: timestamp.nullable(),
    incentives: z.array(incentiveResponse),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);

export const policyViewsChecked: [
  Describes<typeof incentiveSummaryResponse, typeof incentiveSummary>,
  Describes<typeof policySummaryResponse, typeof policySummary>,
  Describes<typeof incentiveResponse, typeof incentiveView>,
  Describes<typeof policyResponse, typeof policyView>,
] = [true, true, true, true];
export const policyPageResponse = apiSchema('PolicyPage', pageOf(policyResponse));

const eligibilityStatus = z.enum(['eligible', 'needs_info', 'not_eligible']).describe('符合 / 需补充信息 / 不符合');
export const eligibilityCheckResponse = apiSchema(
  'EligibilityCheck',
  z.strictObject({
    condition: z.string().describe('a condition type, or policyRegion / policyValidity'),
    status: z.enum(['met', 'unmet', 'unknown']),
    reason: z.string(),
  }),
);

/** GET /enterprises/:id/incentives — the incentive calculator. */
export const enterpriseIncentivesResponse = apiSchema(
  'EnterpriseIncentives',
  z.strictObject({
    items: z.array(
      z.strictObject({
        incentive: incentiveResponse,
        status: z.enum(['eligible', 'needs_info', 'not_eligible', 'expired']).describe('符合 / 需补充信息 / 不符合 / 已失效'),
        statusLabel: z.string(),
        checks: z.array(eligibilityCheckResponse),
        missing: z.array(z.string()).describe('what the enterprise still has to provide or have verified'),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    counts: z.strictObject({
      eligible: z.number().int(),
      needs_info: z.number().int(),
      not_eligible: z.number().int(),
      expired: z.number().int(),
    }),
    today: z.string().describe('YYYY-MM-DD (Asia/Shanghai), the day the rules were evaluated for'),
  }),
);

/** GET /incentives/:id/eligible-enterprises — 政策找企业. */
export const eligibleEnterprisesResponse = apiSchema(
  'EligibleEnterprises',
  z.strictObject({
    items: z.array(
      z.strictObject({
        enterprise: enterpriseResponse,
        status: eligibilityStatus,
        checks: z.array(eligibilityCheckResponse),
        missing: z.array(z.string()),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    policyInForce: z.boolean(),
    today: z.string().describe('YYYY-MM-DD (Asia/Shanghai)'),
  }),
);
