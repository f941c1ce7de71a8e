import { z } from 'zod';
import { certificationKinds, enterpriseSizes } from '../../enterprises/enterprise.vocabulary.js';
import { distinct, industryCode, regionCode } from '../../reference/codes.js';
import { mu, yuan } from '../../platform/validation/common.js';

/**
 * Eligibility conditions, stored as JSON on each incentive. All conditions of an incentive must
 * hold. Besides these, every incentive is limited by its policy's region and validity period.
 */
export const conditionSchema = z.discriminatedUnion('type', [
  /** Holds a verified certification (any of these). */
  z.strictObject({ type: z.literal('certification'), anyOf: distinct(z.enum(certificationKinds), 8, 1) }),
  /** One of the enterprise's industries lies in one of these GB/T 4754 subtrees. */
  z.strictObject({ type: z.literal('industry'), anyOf: distinct(industryCode, 50, 1) }),
  /** Registered (home region) in one of these GB/T 2260 subtrees. */
  z.strictObject({ type: z.literal('homeRegion'), anyOf: distinct(regionCode, 50, 1) }),
  /** The investment is at least this much (the project's total; else the enterprise's planned range). */
  z.strictObject({ type: z.literal('minInvestment'), yuan: yuan.min(1) }),
  /** Enterprise size is one of these. */
  z.strictObject({ type: z.literal('enterpriseSize'), anyOf: distinct(z.enum(enterpriseSizes), 4, 1) }),
  /** Needs industrial land (标准地), at least `minMu` 亩 when given. */
  z.strictObject({ type: z.literal('needsLand'), minMu: mu.min(0.01).optional() }),
]);

export const conditionsSchema = z.array(conditionSchema).max(20);
export type Condition = z.output<typeof conditionSchema>;
export type ConditionType = Condition['type'];

export const CONDITION_LABELS: Record<ConditionType | 'policyRegion' | 'policyValidity', string> = {
  certification: '资质认定',
  industry: '所属行业',
  homeRegion: '注册地',
  minInvestment: '投资规模',
  enterpriseSize: '企业规模',
  needsLand: '用地需求',
  policyRegion: '适用地区',
  policyValidity: '政策有效期',
};
