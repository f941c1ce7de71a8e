/** Certifications an enterprise can claim; officers verify them. Only verified ones count for eligibility. */
export const CERTIFICATION_KINDS = {
  industry_education_integration: '产教融合型企业',
  high_tech: '高新技术企业',
  specialized_sme: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
  tech_sme: '科技型中小企业',
  agri_leading: '农业产业化龙头企业',
  listed_company: '上市公司',
  global_500: '世界500强企业',
} as const;
export type CertificationKind = keyof typeof CERTIFICATION_KINDS;
export const certificationKinds = Object.keys(CERTIFICATION_KINDS) as [CertificationKind, ...CertificationKind[]];

export const CERTIFICATION_STATUSES = { claimed: '待核验', verified: '已核验', rejected: '未通过' } as const;
export type CertificationStatus = keyof typeof CERTIFICATION_STATUSES;

/** Enterprise size (大中小微, 工信部联企业〔2011〕300号). */
export const ENTERPRISE_SIZES = { micro: '微型', small: '小型', medium: '中型', large: '大型' } as const;
export type EnterpriseSize = keyof typeof ENTERPRISE_SIZES;
export const enterpriseSizes = Object.keys(ENTERPRISE_SIZES) as [EnterpriseSize, ...EnterpriseSize[]];

export const NOTIFICATION_FREQUENCIES = { instant: '即时', daily: '每日汇总', weekly: '每周汇总', off: '不接收' } as const;
export type NotificationFrequency = keyof typeof NOTIFICATION_FREQUENCIES;
export const notificationFrequencies = Object.keys(NOTIFICATION_FREQUENCIES) as [NotificationFrequency, ...NotificationFrequency[]];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
