import { CERTIFICATION_KINDS, ENTERPRISE_SIZES } from '../../enterprises/enterprise.vocabulary.js';
import { formatMu, formatYuan } from '../../platform/format/units.js';
import type { Condition } from '../../policies/eligibility/conditions.js';
import type { EligibilityStatus } from '../../policies/eligibility/evaluate.js';
import { industries } from '../../reference/industries.js';
import { regions } from '../../reference/regions.js';

const or = (xs: string[]) => xs.join('、');

/** One eligibility condition in words, as an enterprise reads it on a policy page. */
export function describeCondition(c: Condition): string {
  switch (c.type) {
    case 'certification':
      return `经认定为${or(c.anyOf.map((k) => CERTIFICATION_KINDS[k]))}${c.anyOf.length > 1 ? '（之一）' : ''}，且已由主管部门核验`;
    case 'industry':
      return `所属行业属于${or(c.anyOf.map((code) => `${code} ${industries().get(code)?.name ?? ''}`.trim()))}`;
    case 'homeRegion':
      return `注册地在${or(c.anyOf.map((code) => regions().fullName(code)))}`;
    case 'minInvestment':
      return `投资额不低于 ${formatYuan(c.yuan)}`;
    case 'enterpriseSize':
      return `企业规模为${or(c.anyOf.map((s) => ENTERPRISE_SIZES[s]))}`;
    case 'needsLand':
      return c.minMu ? `有新增用地需求（不少于 ${formatMu(c.minMu)}）` : '有新增用地需求';
  }
}

export const ELIGIBILITY_LABELS: Record<EligibilityStatus, string> = {
  eligible: '符合条件',
  needs_info: '需补充信息',
  not_eligible: '暂不符合',
};

export const ELIGIBILITY_BADGE: Record<EligibilityStatus, string> = {
  eligible: 'badge-ok',
  needs_info: 'badge-warn',
  not_eligible: 'badge-bad',
};
