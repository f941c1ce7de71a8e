import { z } from 'zod';
import { distinct, industryCode, regionCode } from '../reference/codes.js';
import { orderParam, pageQuery, listParam } from '../platform/http/pagination.js';
import { email, isoDate, mu, phone, requiredText, text, yuan } from '../platform/validation/common.js';
import { certificationKinds, enterpriseSizes, LANGUAGES, notificationFrequencies } from './enterprise.vocabulary.js';
import { normalizeUscc, usccProblem } from './uscc.js';

const USCC_MESSAGES = {
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）',
  check_digit: '统一社会信用代码校验位错误',
} as const;

/** A USCC as printed or typed (spaces, dashes, lower case) normalised, then checked; each failure has its own code. */
export const usccSchema = z
  .string()
  .max(64)
  .transform(normalizeUscc)
  .superRefine((s, ctx) => {
    const p = usccProblem(s);
    if (p) ctx.addIssue({ code: 'custom', message: USCC_MESSAGES[p], params: { code: `uscc_${p}` } });
  });

export const contactSchema = z.strictObject({
  name: requiredText(50),
  title: text(50).optional(),
  phone: phone.optional(),
  email: email.optional(),
});

export const certificationClaimSchema = z.strictObject({
  kind: z.enum(certificationKinds),
  certificateNo: text(100).optional(),
  validUntil: isoDate.optional(),
});

const profileFields = {
  name: requiredText(200),
  industryCodes: distinct(industryCode, 10, 1),
  homeRegionCode: regionCode,
  targetRegionCodes: distinct(regionCode, 20),
  investmentMinYuan: yuan.nullable(),
  investmentMaxYuan: yuan.nullable(),
  size: z.enum(enterpriseSizes).nullable(),
  certifications: z
    .array(certificationClaimSchema)
    .max(certificationKinds.length)
    .refine((cs) => new Set(cs.map((c) => c.kind)).size === cs.length, '同一认定不能重复填写'),
  needLandMu: mu.nullable(),
  needWorkforce: z.number().int().min(0).max(1_000_000).nullable(),
  needNotes: text(2000),
  description: text(5000),
  contacts: z.array(contactSchema).min(1).max(10),
  notificationFrequency: z.enum(notificationFrequencies),
  notificationLanguage: z.enum(LANGUAGES),
};

const rangeCheck = (v: { investmentMinYuan?: number | null; investmentMaxYuan?: number | null }, ctx: z.RefinementCtx) => {
  if (v.investmentMinYuan != null && v.investmentMaxYuan != null && v.investmentMinYuan > v.investmentMaxYuan) {
    ctx.addIssue({ code: 'custom', path: ['investmentMaxYuan'], message: '最高投资额不能小于最低投资额' });
  }
};

/** 企业入驻: what an enterprise says about itself. Certification status cannot be set here. */
export const registerEnterpriseSchema = z
  .strictObject({
    uscc: usccSchema,
    ...profileFields,
    targetRegionCodes: profileFields.targetRegionCodes.default([]),
    investmentMinYuan: profileFields.investmentMinYuan.default(null),
    investmentMaxYuan: profileFields.investmentMaxYuan.default(null),
    size: profileFields.size.default(null),
    certifications: profileFields.certifications.default([]),
    needLandMu: profileFields.needLandMu.default(null),
    needWorkforce: profileFields.needWorkforce.default(null),
    needNotes: profileFields.needNotes.default(''),
    description: profileFields.description.default(''),
    notificationFrequency: profileFields.notificationFrequency.default('daily'),
    notificationLanguage: profileFields.notificationLanguage.default('zh-CN'),
  })
  .superRefine(rangeCheck);
export type RegisterEnterpriseInput = z.output<typeof registerEnterpriseSchema>;

/** Profile changes (any subset); the USCC is the enterprise's identity and cannot change. */
export const updateEnterpriseSchema = z.strictObject(profileFields).partial().superRefine(rangeCheck);
export type UpdateEnterpriseInput = z.output<typeof updateEnterpriseSchema>;

export const reviewCertificationSchema = z.strictObject({ note: text(500).optional() }).default({});
/** 驳回 needs its reason: the enterprise sees it on its profile. */
export const rejectCertificationSchema = z
  .strictObject({ note: requiredText(500).describe('the reason, shown to the enterprise') })
  .default({ note: '' });

/** The columns the enterprise list sorts by (`order`), and their SQL. */
export const ENTERPRISE_ORDER_SQL = { name: 'e.name', region: 'e.home_region_code', createdAt: 'e.created_at' } as const;
const ENTERPRISE_ORDERS = ['name', 'region', 'createdAt'] as const;

export const listEnterprisesQuery = z.strictObject({
  ...pageQuery,
  /** Registered in this region's subtree. */
  region: regionCode.optional(),
  /** Wants to invest in this region (a target region inside it, or covering it). */
  targetRegion: regionCode.optional(),
  industry: listParam(industryCode),
  certification: listParam(z.enum(certificationKinds)),
  size: listParam(z.enum(enterpriseSizes)),
  q: text(100).optional(),
  /** Column sort: name, region, createdAt (`-` for descending); default: relevance with `q`, else newest. */
  order: orderParam(ENTERPRISE_ORDERS),
});
export type ListEnterprisesQuery = z.output<typeof listEnterprisesQuery>;
