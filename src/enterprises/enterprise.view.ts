import { z } from 'zod';
import { apiSchema, enumOf, pageOf, timestamp, type Describes } from '../platform/http/openapi.js';
import { codeRefSchema } from '../reference/reference.schemas.js';
import type { EnterpriseCertification } from './enterprise-certification.entity.js';
import type { Enterprise } from './enterprise.entity.js';
import { industryRef, regionRef } from '../reference/refs.js';
import {
  CERTIFICATION_KINDS,
  CERTIFICATION_STATUSES,
  ENTERPRISE_SIZES,
  LANGUAGES,
  NOTIFICATION_FREQUENCIES,
} from './enterprise.vocabulary.js';

export function certificationView(c: EnterpriseCertification) {
  return {
    kind: c.kind,
    label: CERTIFICATION_KINDS[c.kind],
    status: c.status,
    statusLabel: CERTIFICATION_STATUSES[c.status],
    certificateNo: c.certificateNo,
    validUntil: c.validUntil,
    reviewedAt: c.reviewedAt,
    reviewNote: c.reviewNote,
    evidence: c.evidenceKey
      ? {
          contentType: c.evidenceContentType ?? 'application/octet-stream',
          fileName: c.evidenceFileName ?? '',
          size: c.evidenceSize ?? 0,
          uploadedAt: c.evidenceUploadedAt,
        }
      : null,
  };
}

/** The API's view of an enterprise. Contacts only where the caller may see them. */
export function enterpriseView(e: Enterprise, opts: { contacts: boolean }) {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    industries: e.industryCodes.map(industryRef),
    homeRegion: regionRef(e.homeRegionCode),
    targetRegions: e.targetRegionCodes.map(regionRef),
    investmentMinYuan: e.investmentMinYuan,
    investmentMaxYuan: e.investmentMaxYuan,
    size: e.size,
    sizeLabel: e.size ? ENTERPRISE_SIZES[e.size] : null,
    certifications: (e.certifications ?? []).sort((a, b) => a.kind.localeCompare(b.kind)).map(certificationView),
    needLandMu: e.needLandMu,
    needWorkforce: e.needWorkforce,
    needNotes: e.needNotes,
    description: e.description,
    ...(opts.contacts ? { contacts: e.contacts } : {}),
    notificationFrequency: e.notificationFrequency,
    notificationLanguage: e.notificationLanguage,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
export type EnterpriseView = ReturnType<typeof enterpriseView>;

// ---- the documented answers (OpenAPI), checked against the views above ----

export const certificationResponse = apiSchema(
  'Certification',
  z.strictObject({
    kind: enumOf(CERTIFICATION_KINDS),
    label: z.string(),
    status: enumOf(CERTIFICATION_STATUSES),
    statusLabel: z.string(),
    certificateNo: z.string().nullable(),
    validUntil: z.string().nullable().describe('YYYY-MM-DD'),
    reviewedAt: timestamp.nullable(),
    reviewNote: z.string().nullable().describe("the officer's note; on 已驳回 the reason"),
    evidence: z
      .strictObject({ contentType: z.string(), fileName: z.string(), size: z.number().int(), uploadedAt: timestamp.nullable() })
      .nullable()
      .describe('the attached certificate (GET /enterprises/{id}/certifications/{kind}/evidence)'),
  }),
);

export const enterpriseResponse = apiSchema(
  'Enterprise',
  z.strictObject({
    id: z.number().int(),
    uscc: z.string().describe('统一社会信用代码'),
    name: z.string(),
    industries: z.array(codeRefSchema),
    homeRegion: codeRefSchema,
    targetRegions: z.array(codeRefSchema),
    investmentMinYuan: z.number().nullable(),
    investmentMaxYuan: z.number().nullable(),
    size: enumOf(ENTERPRISE_SIZES).nullable(),
    sizeLabel: z.string().nullable(),
    certifications: z.array(certificationResponse),
    needLandMu: z.number().nullable(),
    needWorkforce: z.number().int().nullable(),
    needNotes: z.string(),
    description: z.string(),
    contacts: z
      .array(z.strictObject({ name: z.string(), title: z.string().optional(), phone: z.string().optional(), email: z.string().optional() }))
      .optional()
      .describe('only for the enterprise itself and the staff covering it'),
    notificationFrequency: enumOf(NOTIFICATION_FREQUENCIES),
    notificationLanguage: z.enum(LANGUAGES),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export const enterprisePageResponse = apiSchema('EnterprisePage', pageOf(enterpriseResponse));

export const enterpriseViewChecked: Describes<typeof enterpriseResponse, typeof enterpriseView> = true;
