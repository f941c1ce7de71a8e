import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import type { EnterpriseCertification } from './enterprise-certification.entity.js';
import type { Enterprise } from './enterprise.entity.js';
import { CERTIFICATION_KINDS, CERTIFICATION_STATUSES, ENTERPRISE_SIZES } from './enterprise.vocabulary.js';

export const regionRef = (code: string) => ({ code, name: regions().fullName(code) });
export const industryRef = (code: string) => ({ code, name: industries().get(code)?.name ?? code });

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
