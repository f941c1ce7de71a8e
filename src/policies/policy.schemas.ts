import { z } from 'zod';
import { boolParam, listParam, orderParam, pageQuery } from '../platform/http/pagination.js';
import { isoDate, requiredText, text, yuan } from '../platform/validation/common.js';
import { regionCode } from '../reference/codes.js';
import { conditionsSchema } from './eligibility/conditions.js';
import { incentiveKinds } from './policy.vocabulary.js';

export const incentiveSchema = z.strictObject({
  kind: z.enum(incentiveKinds),
  title: requiredText(200),
  description: text(5000).default(''),
  grantedWithoutApplication: z.boolean().default(false),
  conditions: conditionsSchema.default([]),
  maxAmountYuan: yuan.nullable().default(null),
});
export type IncentiveInput = z.output<typeof incentiveSchema>;
export const updateIncentiveSchema = z
  .strictObject({
    kind: z.enum(incentiveKinds),
    title: requiredText(200),
    description: text(5000),
    grantedWithoutApplication: z.boolean(),
    conditions: conditionsSchema,
    maxAmountYuan: yuan.nullable(),
  })
  .partial();
export type UpdateIncentiveInput = z.output<typeof updateIncentiveSchema>;

const validity = (v: { validFrom?: string; validTo?: string | null }, ctx: z.RefinementCtx) => {
  if (v.validFrom && v.validTo && v.validTo < v.validFrom)
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: '失效日期不能早于生效日期' });
};

const policyFields = {
  title: requiredText(300),
  issuer: requiredText(200),
  regionCode,
  documentNumber: text(100),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  sourceText: text(50_000),
  sourceUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
};

export const createPolicySchema = z
  .strictObject({
    ...policyFields,
    documentNumber: policyFields.documentNumber.default(''),
    validTo: policyFields.validTo.default(null),
    sourceText: policyFields.sourceText.default(''),
    sourceUrl: policyFields.sourceUrl.default(''),
    incentives: z.array(incentiveSchema).max(50).default([]),
  })
  .superRefine(validity);
export type CreatePolicyInput = z.output<typeof createPolicySchema>;

export const updatePolicySchema = z.strictObject(policyFields).partial().superRefine(validity);
export type UpdatePolicyInput = z.output<typeof updatePolicySchema>;

/** The SQL of each `order` column of the policy list. */
export const POLICY_ORDER_SQL = { title: 'p.title', region: 'p.region_code', validFrom: 'p.valid_from', validTo: 'p.valid_to' } as const;

export const listPoliciesQuery = z.strictObject({
  ...pageQuery,
  /** Policies issued for this region's subtree. */
  region: regionCode.optional(),
  /** Policies that apply in this region (issued for it or for a region above it). */
  appliesTo: regionCode.optional(),
  incentiveKind: listParam(z.enum(incentiveKinds)),
  grantedWithoutApplication: boolParam.optional(),
  /** Only those in force on this date (default: any). */
  validOn: isoDate.optional(),
  q: text(100).optional(),
  includeDrafts: boolParam.optional(),
  /** Also policies whose validity ended before today (已失效; left out by default). */
  includeExpired: boolParam.optional(),
  /** Column sort: title, region, validFrom, validTo (`-` descending); default: relevance with `q`, else newest in force. */
  order: orderParam(['title', 'region', 'validFrom', 'validTo']),
});
export type ListPoliciesQuery = z.output<typeof listPoliciesQuery>;

export const eligibleEnterprisesQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(['eligible', 'needs_info', 'eligible_or_needs_info']).default('eligible'),
});
export type EligibleEnterprisesQuery = z.output<typeof eligibleEnterprisesQuery>;
