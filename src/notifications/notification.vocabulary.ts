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
