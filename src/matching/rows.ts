import type { EnterpriseSize } from '../enterprises/enterprise.vocabulary.js';
import type { Condition } from '../policies/eligibility/conditions.js';
import type { ProjectStage, ProjectStatus } from '../projects/project.vocabulary.js';
import type { MatchEnterprise, MatchIncentive, MatchProject } from './scoring/score.js';

/** What the scorer reads of an enterprise, as raw SQL columns (alias `e`). */
export const ENTERPRISE_COLUMNS = `e.id, e.industry_codes, e.home_region_code, e.target_region_codes, e.investment_min_yuan,
  e.investment_max_yuan, e.size, e.verified_certifications, e.pending_certifications, e.certifications_valid_until,
  e.need_land_mu, e.search_text`;

export interface EnterpriseRow {
  id: number;
  industry_codes: string[];
  home_region_code: string;
  target_region_codes: string[];
  investment_min_yuan: string | null;
  investment_max_yuan: string | null;
  size: EnterpriseSize | null;
  verified_certifications: string[];
  pending_certifications: string[];
  certifications_valid_until: Record<string, string>;
  need_land_mu: string | null;
  search_text: string;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function toMatchEnterprise(r: EnterpriseRow): MatchEnterprise {
  return {
    id: r.id,
    industryCodes: r.industry_codes,
    homeRegionCode: r.home_region_code,
    targetRegionCodes: r.target_region_codes,
    investmentMinYuan: num(r.investment_min_yuan),
    investmentMaxYuan: num(r.investment_max_yuan),
    size: r.size,
    verifiedCertifications: r.verified_certifications,
    pendingCertifications: r.pending_certifications,
    certificationsValidUntil: r.certifications_valid_until,
    needLandMu: num(r.need_land_mu),
    tokens: r.search_text ? r.search_text.split(' ') : [],
  };
}

export const PROJECT_COLUMNS = `p.id, p.title, p.description, p.region_code, p.industry_codes, p.total_investment_yuan, p.stage, p.status, p.updated_at::text AS version`;

export interface ProjectRow {
  id: number;
  title: string;
  description: string;
  region_code: string;
  industry_codes: string[];
  total_investment_yuan: string;
  stage: ProjectStage;
  status: ProjectStatus;
  version: string;
}

/** Incentives attached to projects, with their policy (alias: pi, i, pol); only published policies count. */
export const PROJECT_INCENTIVES_SQL = `
  SELECT pi.project_id, i.id, i.title, i.conditions, i.granted_without_application, pol.region_code, pol.valid_from::text AS valid_from, pol.valid_to::text AS valid_to
  FROM project_incentive pi JOIN incentive i ON i.id = pi.incentive_id JOIN policy pol ON pol.id = i.policy_id
  WHERE pi.project_id = ANY($1::int[]) AND pol.status = 'published'
  ORDER BY pi.project_id, i.id`;

export interface IncentiveRow {
  project_id?: number;
  id: number;
  title: string;
  conditions: Condition[];
  granted_without_application: boolean;
  region_code: string;
  valid_from: string;
  valid_to: string | null;
}

export function toMatchIncentive(r: IncentiveRow): MatchIncentive {
  return {
    id: r.id,
    title: r.title,
    conditions: r.conditions,
    grantedWithoutApplication: r.granted_without_application,
    policy: { regionCode: r.region_code, validFrom: r.valid_from, validTo: r.valid_to },
  };
}

export function toMatchProject(r: ProjectRow, incentives: MatchIncentive[]): MatchProject {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    regionCode: r.region_code,
    industryCodes: r.industry_codes,
    totalInvestmentYuan: Number(r.total_investment_yuan),
    stage: r.stage,
    status: r.status,
    incentives,
  };
}
