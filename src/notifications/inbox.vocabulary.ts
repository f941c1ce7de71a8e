/** 消息中心: what an in-app message is about. */
export const INBOX_KINDS = {
  match: '新的匹配',
  interest: '企业感兴趣',
  inquiry: '企业咨询',
  assignment: '线索分派',
  follow_up: '跟进到期',
  certification: '认定审核',
  agreement_warning: '项目预警',
  claim: '企业认领申请',
} as const;
export type InboxKind = keyof typeof INBOX_KINDS;
export const inboxKinds = Object.keys(INBOX_KINDS) as [InboxKind, ...InboxKind[]];
