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
