import {
  CERTIFICATION_KINDS,
  CERTIFICATION_STATUSES,
  ENTERPRISE_SIZES,
  NOTIFICATION_FREQUENCIES,
} from '../../enterprises/enterprise.vocabulary.js';
import { MATCH_STATUSES } from '../../matching/match.vocabulary.js';
import { formatMu, formatWan, formatYuan, formatYuanRange, shanghaiDate, shanghaiDateTime } from '../../platform/format/units.js';
import { CONDITION_LABELS } from '../../policies/eligibility/conditions.js';
import { INCENTIVE_KINDS, POLICY_STATUSES } from '../../policies/policy.vocabulary.js';
import { PROJECT_STAGES, PROJECT_STATUSES } from '../../projects/project.vocabulary.js';
import { industries } from '../../reference/industries.js';
import { yuanToWan } from '../forms/form-input.js';
import { regions } from '../../reference/regions.js';
import { listLink, listModel, pageNumbers, sortHeader } from '../list-view.js';

/**
 * Formatting used by the templates (`it.h` in every view): units officials use (万元/亿元, 亩),
 * Asia/Shanghai dates, Chinese labels for codes, URLs with query strings. Pure functions.
 */
const label =
  <T extends Record<string, string>>(vocabulary: T) =>
  (code: string | null | undefined) =>
    code == null ? '—' : ((vocabulary as Record<string, string>)[code] ?? code);

export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

/** `/library/projects?q=…&stage=open&stage=signed` — empty values are left out, keys kept in order. */
export function url(path: string, params: Record<string, QueryValue> = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v)) for (const x of v) sp.append(k, String(x));
    else sp.append(k, String(v));
  }
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

export const regionName = (code: string | null | undefined) => (code ? regions().fullName(code) || code : '—');
export const regionShortName = (code: string | null | undefined) => (code ? regions().displayName(code) : '—');
export const industryName = (code: string | null | undefined) => (code ? (industries().get(code)?.name ?? code) : '—');

export function date(d: Date | string | null | undefined): string {
  return d ? shanghaiDate(d) : '—';
}

export function dateTime(d: Date | string | null | undefined): string {
  return d ? shanghaiDateTime(d) : '—';
}

/** 0.256 → "25.6%". */
export function percent(ratio: number | null | undefined, digits = 1): string {
  if (ratio == null || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits).replace(/\.0+$/, '')}%`;
}

/** Integers with thousands separators: 12345 → "12,345". */
export const count = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('en-US'));

/** A short excerpt of long text for cards. */
export function excerpt(text: string | null | undefined, max = 120): string {
  const s = (text ?? '').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const helpers = {
  url,
  /** The shared pager and sortable headers (see list-view.ts). */
  listLink,
  listModel,
  pageNumbers,
  sortHeader,
  yuan: (y: number | null | undefined) => formatYuan(y),
  yuanRange: formatYuanRange,
  /** Whole yuan as a 万元 input value (exact). */
  wan: (y: number | null | undefined) => yuanToWan(y),
  /** An amount always in 万元, with the unit ("0 万元", "30,000 万元"): figures shown side by side. */
  inWan: (y: number | null | undefined) => formatWan(y),
  mu: (m: number | null | undefined) => formatMu(m),
  date,
  dateTime,
  percent,
  count,
  excerpt,
  region: regionName,
  regionShort: regionShortName,
  industry: industryName,
  stage: label(PROJECT_STAGES),
  projectStatus: label(PROJECT_STATUSES),
  policyStatus: label(POLICY_STATUSES),
  incentiveKind: label(INCENTIVE_KINDS),
  certification: label(CERTIFICATION_KINDS),
  certificationStatus: label(CERTIFICATION_STATUSES),
  size: label(ENTERPRISE_SIZES),
  frequency: label(NOTIFICATION_FREQUENCIES),
  matchStatus: label(MATCH_STATUSES),
  conditionLabel: label(CONDITION_LABELS),
  /** ` aria-invalid="true" aria-describedby="e-<field>"` when the field has errors (output raw: field names are ours). */
  aria: (errors: Record<string, string[]> | undefined, name: string) =>
    errors?.[name]?.length ? ` aria-invalid="true" aria-describedby="e-${escapeAttr(name)}"` : '',
  /** JSON for data attributes (escaped by the template like any other value). */
  json: (v: unknown) => JSON.stringify(v),
};
export type Helpers = typeof helpers;
