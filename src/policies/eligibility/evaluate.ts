import {
  CERTIFICATION_KINDS,
  ENTERPRISE_SIZES,
  type CertificationKind,
  type EnterpriseSize,
} from '../../enterprises/enterprise.vocabulary.js';
import { certificateExpired } from '../../enterprises/certification-claims.js';
import { formatMu, formatYuan, formatYuanRange } from '../../platform/format/units.js';
import type { RegionTree } from '../../reference/regions.js';
import type { CodeTree } from '../../reference/tree.js';
import type { Condition, ConditionType } from './conditions.js';

/**
 * The eligibility evaluator (政策计算器): a pure function of an enterprise's facts, an incentive
 * and its policy, optionally a project (the investment location and size), and today's date.
 * Each condition is met, unmet, or unknown (the enterprise has not said, or a claimed
 * certification awaits verification); any unmet → not eligible, else any unknown → needs more
 * information, else eligible. A certificate whose validity ended before today counts as not held,
 * verified or not. Every check carries its reason in Chinese.
 */
export type CheckStatus = 'met' | 'unmet' | 'unknown';
export type EligibilityStatus = 'eligible' | 'needs_info' | 'not_eligible';

export const ELIGIBILITY_STATUS_LABELS: Record<EligibilityStatus, string> = {
  eligible: '符合条件',
  needs_info: '需补充信息',
  not_eligible: '暂不符合',
};

export interface EligibilityCheck {
  condition: ConditionType | 'policyRegion' | 'policyValidity';
  status: CheckStatus;
  reason: string;
}

export interface EligibilityResult {
  status: EligibilityStatus;
  checks: EligibilityCheck[];
}

export interface EnterpriseFacts {
  industryCodes: readonly string[];
  homeRegionCode: string;
  targetRegionCodes: readonly string[];
  investmentMinYuan: number | null;
  investmentMaxYuan: number | null;
  size: EnterpriseSize | null;
  verifiedCertifications: readonly string[];
  pendingCertifications: readonly string[];
  /** End of validity (YYYY-MM-DD) of claimed or verified certifications, by kind; a kind not here has none. */
  certificationsValidUntil: Readonly<Record<string, string>>;
  needLandMu: number | null;
}

export interface IncentiveFacts {
  conditions: readonly Condition[];
  policy: { regionCode: string; validFrom: string; validTo: string | null };
}

export interface ProjectFacts {
  regionCode: string;
  totalInvestmentYuan: number;
}

export interface Trees {
  regions: RegionTree;
  industries: CodeTree;
}

const certName = (k: string) => CERTIFICATION_KINDS[k as CertificationKind] ?? k;
const orList = (xs: readonly string[]) => xs.join(' 或 ');

export function evaluateEligibility(
  enterprise: EnterpriseFacts,
  incentive: IncentiveFacts,
  ctx: Trees & { today: string; project?: ProjectFacts },
): EligibilityResult {
  const checks: EligibilityCheck[] = [
    validityCheck(incentive.policy, ctx.today),
    regionScopeCheck(enterprise, incentive.policy.regionCode, ctx),
  ];
  for (const c of incentive.conditions) checks.push(conditionCheck(c, enterprise, ctx));
  const status: EligibilityStatus = checks.some((c) => c.status === 'unmet')
    ? 'not_eligible'
    : checks.some((c) => c.status === 'unknown')
      ? 'needs_info'
      : 'eligible';
  return { status, checks };
}

function validityCheck(policy: IncentiveFacts['policy'], today: string): EligibilityCheck {
  if (policy.validFrom > today)
    return { condition: 'policyValidity', status: 'unmet', reason: `政策自 ${policy.validFrom} 起施行，尚未生效` };
  if (policy.validTo && policy.validTo < today)
    return { condition: 'policyValidity', status: 'unmet', reason: `政策有效期至 ${policy.validTo}，已过期` };
  return { condition: 'policyValidity', status: 'met', reason: policy.validTo ? `政策有效期至 ${policy.validTo}` : '政策长期有效' };
}

function regionScopeCheck(e: EnterpriseFacts, scope: string, ctx: Trees & { project?: ProjectFacts }): EligibilityCheck {
  const r = ctx.regions;
  const scopeName = r.fullName(scope);
  if (ctx.project) {
    const where = r.fullName(ctx.project.regionCode);
    return r.isWithin(ctx.project.regionCode, scope)
      ? { condition: 'policyRegion', status: 'met', reason: `项目所在地「${where}」在政策适用地区「${scopeName}」内` }
      : { condition: 'policyRegion', status: 'unmet', reason: `项目所在地「${where}」不在政策适用地区「${scopeName}」内` };
  }
  if (r.isWithin(e.homeRegionCode, scope)) {
    return {
      condition: 'policyRegion',
      status: 'met',
      reason: `注册地「${r.fullName(e.homeRegionCode)}」在政策适用地区「${scopeName}」内`,
    };
  }
  const inside = e.targetRegionCodes.find((t) => r.isWithin(t, scope));
  if (inside)
    return { condition: 'policyRegion', status: 'met', reason: `投资意向地「${r.fullName(inside)}」在政策适用地区「${scopeName}」内` };
  const covering = e.targetRegionCodes.find((t) => r.isWithin(scope, t));
  if (covering) {
    return {
      condition: 'policyRegion',
      status: 'met',
      reason: `投资意向地「${r.fullName(covering)}」包含政策适用地区「${scopeName}」（在该地区投资即可享受）`,
    };
  }
  return { condition: 'policyRegion', status: 'unmet', reason: `注册地和投资意向地都不在政策适用地区「${scopeName}」内` };
}

function conditionCheck(c: Condition, e: EnterpriseFacts, ctx: Trees & { today: string; project?: ProjectFacts }): EligibilityCheck {
  switch (c.type) {
    case 'certification': {
      const current = (k: string) => !certificateExpired(e.certificationsValidUntil[k], ctx.today);
      const verified = c.anyOf.find((k) => e.verifiedCertifications.includes(k) && current(k));
      if (verified) return { condition: c.type, status: 'met', reason: `已核验为${certName(verified)}` };
      const pending = c.anyOf.find((k) => e.pendingCertifications.includes(k) && current(k));
      if (pending) return { condition: c.type, status: 'unknown', reason: `已申报${certName(pending)}，待主管部门核验` };
      const lapsed = c.anyOf.find((k) => e.verifiedCertifications.includes(k) || e.pendingCertifications.includes(k));
      if (lapsed) {
        return {
          condition: c.type,
          status: 'unmet',
          reason: `${certName(lapsed)}证书已过期（有效期至${e.certificationsValidUntil[lapsed]}）`,
        };
      }
      return { condition: c.type, status: 'unmet', reason: `需取得${orList(c.anyOf.map(certName))}认定` };
    }
    case 'industry': {
      const t = ctx.industries;
      if (!e.industryCodes.length) return { condition: c.type, status: 'unknown', reason: '未填写所属行业' };
      for (const code of e.industryCodes) {
        const within = c.anyOf.find((a) => t.isWithin(code, a));
        if (within)
          return {
            condition: c.type,
            status: 'met',
            reason: `所属行业「${code} ${t.get(code)?.name}」属于「${within} ${t.get(within)?.name}」`,
          };
      }
      return {
        condition: c.type,
        status: 'unmet',
        reason: `所属行业不在适用范围（${orList(c.anyOf.map((a) => `${a} ${t.get(a)?.name ?? ''}`.trim()))}）`,
      };
    }
    case 'homeRegion': {
      const r = ctx.regions;
      const within = c.anyOf.find((a) => r.isWithin(e.homeRegionCode, a));
      return within
        ? { condition: c.type, status: 'met', reason: `注册地「${r.fullName(e.homeRegionCode)}」在「${r.fullName(within)}」内` }
        : {
            condition: c.type,
            status: 'unmet',
            reason: `注册地「${r.fullName(e.homeRegionCode)}」不在${orList(c.anyOf.map((a) => `「${r.fullName(a)}」`))}内`,
          };
    }
    case 'minInvestment': {
      const need = formatYuan(c.yuan);
      if (ctx.project) {
        const total = ctx.project.totalInvestmentYuan;
        return total >= c.yuan
          ? { condition: c.type, status: 'met', reason: `项目总投资 ${formatYuan(total)}，不低于 ${need}` }
          : { condition: c.type, status: 'unmet', reason: `项目总投资 ${formatYuan(total)}，低于 ${need}` };
      }
      const { investmentMinYuan: min, investmentMaxYuan: max } = e;
      const range = formatYuanRange(min, max);
      if (max != null && max < c.yuan) return { condition: c.type, status: 'unmet', reason: `计划投资 ${range}，低于 ${need}` };
      if (min != null && min >= c.yuan) return { condition: c.type, status: 'met', reason: `计划投资 ${range}，不低于 ${need}` };
      if (min == null && max == null) return { condition: c.type, status: 'unknown', reason: `未填写计划投资额（要求不低于 ${need}）` };
      return { condition: c.type, status: 'unknown', reason: `计划投资 ${range}，需实际投资不低于 ${need}` };
    }
    case 'enterpriseSize': {
      const wanted = orList(c.anyOf.map((s) => ENTERPRISE_SIZES[s]));
      if (!e.size) return { condition: c.type, status: 'unknown', reason: `未填写企业规模（要求：${wanted}）` };
      return c.anyOf.includes(e.size)
        ? { condition: c.type, status: 'met', reason: `企业规模为${ENTERPRISE_SIZES[e.size]}` }
        : { condition: c.type, status: 'unmet', reason: `企业规模为${ENTERPRISE_SIZES[e.size]}，要求${wanted}` };
    }
    case 'needsLand': {
      const min = c.minMu ?? 0.01;
      if (e.needLandMu == null) return { condition: c.type, status: 'unknown', reason: '未填写用地需求' };
      if (e.needLandMu >= min) return { condition: c.type, status: 'met', reason: `需用地 ${formatMu(e.needLandMu)}` };
      return {
        condition: c.type,
        status: 'unmet',
        reason: e.needLandMu > 0 ? `需用地 ${formatMu(e.needLandMu)}，少于 ${formatMu(min)}` : '无新增用地需求',
      };
    }
  }
}

/** What an enterprise could do to move from "needs more information" to eligible. */
export function missingInformation(result: EligibilityResult): string[] {
  return result.checks.filter((c) => c.status === 'unknown').map((c) => c.reason);
}
