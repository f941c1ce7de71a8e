export const INCENTIVE_KINDS = {
  fast_track: '审批绿色通道',
  subsidy: '财政补贴',
  loan: '贷款贴息',
  land: '用地支持',
  credit: '信用增信',
  tax: '税收优惠',
  talent: '人才支持',
} as const;
export type IncentiveKind = keyof typeof INCENTIVE_KINDS;
export const incentiveKinds = Object.keys(INCENTIVE_KINDS) as [IncentiveKind, ...IncentiveKind[]];

export const POLICY_STATUSES = { draft: '草稿', published: '已发布' } as const;
export type PolicyStatus = keyof typeof POLICY_STATUSES;

/** Where today lies in a policy's validity period (dates YYYY-MM-DD, both ends inclusive). */
export const POLICY_VALIDITY = { in_force: '现行有效', not_yet: '尚未生效', expired: '已失效' } as const;
export type PolicyValidity = keyof typeof POLICY_VALIDITY;

export function policyValidity(p: { validFrom: string; validTo: string | null }, today: string): PolicyValidity {
  if (p.validTo && p.validTo < today) return 'expired';
  if (p.validFrom > today) return 'not_yet';
  return 'in_force';
}
