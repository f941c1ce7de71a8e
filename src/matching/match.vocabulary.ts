/** new › notified › viewed › interested / dismissed › converted (to a lead). */
export const MATCH_STATUSES = {
  new: '新匹配',
  notified: '已通知',
  viewed: '已查看',
  interested: '感兴趣',
  dismissed: '不感兴趣',
  converted: '已转线索',
} as const;
export type MatchStatus = keyof typeof MATCH_STATUSES;
export const matchStatuses = Object.keys(MATCH_STATUSES) as [MatchStatus, ...MatchStatus[]];
