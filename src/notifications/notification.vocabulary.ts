/** What a message is for; decides whether preferences and unsubscribes apply (checked at send time). */
export const NOTIFICATION_CATEGORIES = {
  /** Account mail (verification, password reset): always sent, ignores preferences and unsubscribes. */
  transactional: '账户通知',
  /** Match mail (new / better matches, 免申即享, officer alerts): respects preferences and unsubscribes. */
  match: '匹配通知',
  /** Follow-up reminders and summaries for officers: respects preferences and unsubscribes. */
  reminder: '跟进提醒',
} as const;
export type NotificationCategory = keyof typeof NOTIFICATION_CATEGORIES;
export const notificationCategories = Object.keys(NOTIFICATION_CATEGORIES) as [NotificationCategory, ...NotificationCategory[]];

/** What each mail template is, in words (the mail log shows these, not the template's code name). */
export const TEMPLATE_LABELS: Record<string, string> = {
  'account.verify-email': '验证邮箱',
  'account.password-reset': '重置密码',
  'account.invite': '账户邀请',
  'account.claim-confirm': '认领确认（发给企业联系人）',
  'account.claim-rejected': '认领未通过',
  'match-digest': '匹配项目推送',
  'officer-digest': '专员匹配汇总',
  'lead.daily-summary': '线索每日汇总',
  'lead.follow-up-due': '跟进到期提醒',
  'lead.idle': '线索闲置提醒',
  'agreement.warning': '项目预警',
  notice: '项目/政策推送',
};

/**
 * pending › sending › sent; or failed (permanent SMTP rejection, bad address, retries exhausted)
 * or skipped (the recipient opted out or has no address — decided at send time); or held: not
 * account mail, to an address whose account has not verified it yet — pending again once it is.
 */
export const NOTIFICATION_STATUSES = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  skipped: '未发送（已退订或无地址）',
  held: '待收件人验证邮箱后发送',
} as const;
export type NotificationStatus = keyof typeof NOTIFICATION_STATUSES;
export const notificationStatuses = Object.keys(NOTIFICATION_STATUSES) as [NotificationStatus, ...NotificationStatus[]];

/** Languages of messages and how often match mail goes out: the enterprise profile's vocabulary. */
export {
  LANGUAGES as MESSAGE_LANGUAGES,
  type Language as MessageLanguage,
  NOTIFICATION_FREQUENCIES as MATCH_FREQUENCIES,
  type NotificationFrequency as MatchFrequency,
  notificationFrequencies as matchFrequencies,
} from '../enterprises/enterprise.vocabulary.js';
