import {
  evaluateEligibility,
  missingInformation,
  type EligibilityResult,
  type EnterpriseFacts,
  type IncentiveFacts,
} from '../../policies/eligibility/evaluate.js';
import type { ProjectStage, ProjectStatus } from '../../projects/project.vocabulary.js';
import { formatYuan, formatYuanRange } from '../../platform/format/units.js';
import type { RegionTree } from '../../reference/regions.js';
import type { CodeTree } from '../../reference/tree.js';
import { indexTokens } from '../../platform/text/segmenter.js';
import type { ScoreFactor } from '../match.entity.js';
import { FACTOR_LABELS, FACTORS, MIN_INDUSTRY_FIT, normalisedWeights, type Factor, type ScoringConfig, type Weights } from './config.js';
import { ChainIndex, type OpenSegment } from './chains.js';
import { decodeVerdict, encodeVerdict, type IncentivesSection, type Verdict } from './stored.js';
import { showShared, termTable, textFit, type TermTable } from './text.js';

/**
 * The matching score (pure: no I/O). For an enterprise and a project it returns a 0–100 score,
 * one entry per factor (fit 0–1 × weight = points, with a reason in Chinese) and the reasons
 * worth showing first. `compileProject` does the per-project work once (names, text terms,
 * incentive rules) so that scoring a candidate is a handful of lookups; results that depend
 * only on a few enterprise facts are memoised per project.
 */

export interface MatchEnterprise extends EnterpriseFacts {
  id: number;
  /** jieba search-mode tokens of name, description and needs (the stored `search_text`, split). */
  tokens: readonly string[];
}

export interface MatchIncentive extends IncentiveFacts {
  id: number;
  title: string;
  grantedWithoutApplication?: boolean;
}

export interface MatchProject {
  id: number;
  title: string;
  description: string;
  regionCode: string;
  industryCodes: readonly string[];
  totalInvestmentYuan: number;
  stage: ProjectStage;
  status: ProjectStatus;
  incentives: readonly MatchIncentive[];
}

export interface ScoringContext {
  regions: RegionTree;
  industries: CodeTree;
  /** Asia/Shanghai date (policy validity). */
  today: string;
  config: ScoringConfig;
  /** The chains and their segment statuses (absent: no chains, the chain factor is left out). */
  chains?: ChainIndex;
}

export interface MatchResult {
  score: number;
  breakdown: ScoreFactor[];
  /** Up to three highlights, strongest first (`行业：…`), and the chain factor's when it holds (`产业链：…`). */
  reasons: string[];
  eligibleIncentiveIds: number[];
  needsInfoIncentiveIds: number[];
  /** A failed hard requirement: the pair is no match whatever its score. */
  excluded: { factor: Factor | 'status'; reason: string } | null;
}

interface Part {
  fit: number;
  reason: string;
  /** its hash, computed once (parts are memoised and shared) */
  h?: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A memo that forgets everything when full. One per factor and process, shared by every compiled
 * project: keys are "what the part depends on in the project" # "the enterprise's facts", so
 * projects with the same region, industries or incentives share answers, and memory stays bounded
 * however many projects a worker keeps.
 */
class Memo<V> {
  /** project-side key → enterprise-side key → value (two lookups with cached strings, no concatenation per pair) */
  private readonly maps = new Map<string, Map<string, V>>();
  private size = 0;
  constructor(private readonly max: number) {}
  get(projectKey: string, enterpriseKey: string, make: () => V): V {
    let inner = this.maps.get(projectKey);
    let v = inner?.get(enterpriseKey);
    if (v !== undefined) return v;
    v = make();
    if (this.size >= this.max) this.clear();
    inner = this.maps.get(projectKey);
    if (!inner) this.maps.set(projectKey, (inner = new Map()));
    inner.set(enterpriseKey, v);
    this.size++;
    return v;
  }
  clear(): void {
    this.maps.clear();
    this.size = 0;
  }
}

// ─── verdicts: what a factor found, spelled out only when shown ─────────────────────────

const codeHashes = new Map<string, number>();
/** A stable hash of a code (or any short string), cached: codes are few. */
function codeHash(c: string): number {
  let h = codeHashes.get(c);
  if (h === undefined) {
    if (codeHashes.size > 50_000) codeHashes.clear();
    codeHashes.set(c, (h = hash32(c)));
  }
  return h;
}
const mix = (h: number, x: number) => Math.imul(h ^ x, 0x01000193);

// ─── industry (GB/T 4754) ───────────────────────────────────────────────────────────────

const industryName = (t: CodeTree, code: string) => `${code} ${t.get(code)?.name ?? ''}`.trim();

/** Stored in match verdicts (stored.ts): append new kinds, never renumber. */
const enum IK {
  NoEnterpriseCodes,
  NoProjectCodes,
  SectionOnly,
  Same,
  InsideProject,
  CoversProject,
  TooBroad,
  SameGroup,
  SameDivision,
  SameSection,
  Unrelated,
}

/** The best pair of codes and how they relate. */
interface IndustryVerdict {
  fit: number;
  kind: IK;
  e: string;
  p: string;
  ca: string | null;
}

/** A code's path from the root (C › C13 › C135 › C1351); empty for an unknown code. */
function safePath(t: CodeTree, code: string): readonly string[] {
  return t.has(code) ? t.path(code) : [];
}

/** e and p with their paths: inside one another, or their deepest common ancestor. */
function industryPair(e: string, ep: readonly string[], p: string, pp: readonly string[]): IndustryVerdict {
  if (ep.includes(p)) {
    if (pp.length === 1) return { fit: 0.35, kind: IK.SectionOnly, e, p, ca: null };
    return { fit: 1, kind: e === p ? IK.Same : IK.InsideProject, e, p, ca: null };
  }
  if (pp.includes(e)) {
    const l = ep.length;
    return l >= 3 ? { fit: 0.75, kind: IK.CoversProject, e, p, ca: null } : { fit: l === 2 ? 0.5 : 0.1, kind: IK.TooBroad, e, p, ca: null };
  }
  let l = 0;
  while (l < ep.length && l < pp.length && ep[l] === pp[l]) l++;
  if (l === 0) return { fit: 0, kind: IK.Unrelated, e, p, ca: null };
  const ca = ep[l - 1];
  return { fit: l >= 3 ? 0.75 : l === 2 ? 0.35 : 0.1, kind: l >= 3 ? IK.SameGroup : l === 2 ? IK.SameDivision : IK.SameSection, e, p, ca };
}

function industryVerdict(
  eCodes: readonly string[],
  pCodes: readonly string[],
  t: CodeTree,
  ePaths: ReadonlyArray<readonly string[]> = eCodes.map((c) => safePath(t, c)),
  pPaths: ReadonlyArray<readonly string[]> = pCodes.map((c) => safePath(t, c)),
): IndustryVerdict {
  if (!eCodes.length) return { fit: 0, kind: IK.NoEnterpriseCodes, e: '', p: '', ca: null };
  if (!pCodes.length) return { fit: 0, kind: IK.NoProjectCodes, e: '', p: '', ca: null };
  let best: IndustryVerdict | undefined;
  for (let j = 0; j < pCodes.length; j++) {
    for (let i = 0; i < eCodes.length; i++) {
      const v = industryPair(eCodes[i], ePaths[i], pCodes[j], pPaths[j]);
      if (!best || v.fit > best.fit) best = v;
    }
  }
  return best!.fit > 0 ? best! : { fit: 0, kind: IK.Unrelated, e: '', p: '', ca: null };
}

function industryReason(v: IndustryVerdict, eCodes: readonly string[], pCodes: readonly string[], t: CodeTree): string {
  const en = industryName(t, v.e);
  const pn = industryName(t, v.p);
  switch (v.kind) {
    case IK.NoEnterpriseCodes:
      return '企业未填写所属行业';
    case IK.NoProjectCodes:
      return '项目未标明招商行业';
    case IK.SectionOnly:
      return `项目只标明了门类「${pn}」，无法判断行业是否吻合`;
    case IK.Same:
      return `同为「${pn}」`;
    case IK.InsideProject:
      return `企业行业「${en}」属于项目招商行业「${pn}」`;
    case IK.CoversProject:
      return `企业行业「${en}」涵盖项目招商行业「${pn}」`;
    case IK.TooBroad:
      return `企业只填写了「${en}」，无法判断与项目行业「${pn}」是否吻合`;
    case IK.SameGroup:
      return `企业行业「${en}」与项目行业「${pn}」同属「${industryName(t, v.ca!)}」`;
    case IK.SameDivision:
      return `企业行业「${en}」与项目行业「${pn}」仅同属大类「${industryName(t, v.ca!)}」`;
    case IK.SameSection:
      return `企业行业「${en}」与项目行业「${pn}」仅同属门类「${industryName(t, v.ca!)}」`;
    case IK.Unrelated:
      return `行业不相关（企业：${eCodes.map((c) => industryName(t, c)).join('、')}；项目：${pCodes.map((c) => industryName(t, c)).join('、')}）`;
  }
}

const industryHash = (v: IndustryVerdict) => mix(mix(mix(v.kind + 1, codeHash(v.e)), codeHash(v.p)), v.ca ? codeHash(v.ca) : 0);

export function industryFit(eCodes: readonly string[], pCodes: readonly string[], t: CodeTree): Part {
  const v = industryVerdict(eCodes, pCodes, t);
  return { fit: v.fit, reason: industryReason(v, eCodes, pCodes, t) };
}

// ─── region (GB/T 2260) ─────────────────────────────────────────────────────────────────

const TARGET_FIT: Record<number, number> = { 3: 1, 2: 0.9, 1: 0.7 };

/** Stored in match verdicts (stored.ts): append new kinds, never renumber. */
const enum RK {
  Target,
  HomeCounty,
  HomeCity,
  Elsewhere,
}

interface RegionVerdict {
  fit: number;
  kind: RK;
  /** the target containing the project, or the home city */
  at: string;
}

function regionVerdict(
  e: Pick<EnterpriseFacts, 'homeRegionCode' | 'targetRegionCodes'>,
  projectRegion: string,
  r: RegionTree,
  projectPath: readonly string[] = r.has(projectRegion) ? r.path(projectRegion) : [],
): RegionVerdict {
  let best: RegionVerdict | undefined;
  for (const t of e.targetRegionCodes) {
    if (!projectPath.includes(t)) continue;
    const fit = TARGET_FIT[r.get(t)?.level ?? 1] ?? 0.7;
    if (!best || fit > best.fit) best = { fit, kind: RK.Target, at: t };
  }
  if (best) return best;
  const home = r.get(e.homeRegionCode);
  if (home && home.level >= 2) {
    if (home.level === 3 && projectPath.includes(home.code)) return { fit: 0.6, kind: RK.HomeCounty, at: home.code };
    const city = home.level === 3 ? home.parent! : home.code;
    if (projectPath.includes(city)) return { fit: 0.45, kind: RK.HomeCity, at: city };
  }
  return { fit: 0, kind: RK.Elsewhere, at: '' };
}

function regionReason(v: RegionVerdict, e: Pick<EnterpriseFacts, 'targetRegionCodes'>, projectRegion: string, r: RegionTree): string {
  const where = r.fullName(projectRegion);
  switch (v.kind) {
    case RK.Target:
      return v.at === projectRegion ? `项目位于意向投资地「${where}」` : `项目所在地「${where}」在意向投资地「${r.fullName(v.at)}」内`;
    case RK.HomeCounty:
      return `项目位于企业注册地「${where}」`;
    case RK.HomeCity:
      return `项目所在地「${where}」与企业注册地同属「${r.fullName(v.at)}」（不在意向投资地区内）`;
    case RK.Elsewhere: {
      const targets = e.targetRegionCodes.map((c) => r.fullName(c)).join('、');
      return targets
        ? `项目所在地「${where}」不在意向投资地区（${targets}）内`
        : `项目所在地「${where}」不在企业注册地附近，企业也未填写意向投资地区`;
    }
  }
}

const regionHash = (v: RegionVerdict) => mix(v.kind + 1, v.at ? codeHash(v.at) : 0);

export function regionFit(e: Pick<EnterpriseFacts, 'homeRegionCode' | 'targetRegionCodes'>, projectRegion: string, r: RegionTree): Part {
  const v = regionVerdict(e, projectRegion, r);
  return { fit: v.fit, reason: regionReason(v, e, projectRegion, r) };
}

// ─── investment ─────────────────────────────────────────────────────────────────────────

/** Inside the range: full; outside: falls to zero at half the minimum / twice the maximum (log scale). */
function investmentScore(total: number, min: number | null, max: number | null): number {
  if (min == null && max == null) return 0.5;
  if ((min == null || total >= min) && (max == null || total <= max)) return 1;
  if (min != null && total < min) return round2(Math.max(0, 1 + Math.log2(total / min)));
  return round2(Math.max(0, 1 - Math.log2(total / max!)));
}

function investmentReason(total: number, min: number | null, max: number | null, fit: number): string {
  const amount = formatYuan(total);
  if (min == null && max == null) return `企业未填写计划投资额（项目总投资 ${amount}）`;
  const range = formatYuanRange(min, max);
  if (fit === 1) return `项目总投资 ${amount}，在计划投资 ${range}之内`;
  if (min != null && total < min) return `项目总投资 ${amount}，低于计划投资 ${range}${fit > 0 ? '（接近下限）' : ''}`;
  return `项目总投资 ${amount}，高于计划投资 ${range}${fit > 0 ? '（接近上限）' : ''}`;
}

const investmentHash = (min: number | null, max: number | null, fit: number) =>
  mix(mix(min === null ? -1 : Math.round(min / 10_000), max === null ? -1 : Math.round(max / 10_000)), Math.round(fit * 100));

export function investmentFit(total: number, min: number | null, max: number | null): Part {
  const fit = investmentScore(total, min, max);
  return { fit, reason: investmentReason(total, min, max, fit) };
}

// ─── stage ──────────────────────────────────────────────────────────────────────────────

const STAGE: Record<Exclude<ProjectStage, 'closed'>, Part> = {
  open: { fit: 1, reason: '项目招商中' },
  planning: { fit: 0.6, reason: '项目谋划中，可提前对接' },
  signed: { fit: 0.3, reason: '项目已签约，可洽谈配套合作' },
  started: { fit: 0.2, reason: '项目已开工，可洽谈配套合作' },
  producing: { fit: 0.1, reason: '项目已投产，可洽谈配套合作' },
};

// ─── incentives ─────────────────────────────────────────────────────────────────────────

interface IncentivePart extends Part {
  eligible: number[];
  needsInfo: number[];
  /** incentives attached to the project */
  attached: number;
  /** the not-eligible incentive whose unmet condition the reason quotes (0: none quoted) */
  unmet: number;
}

const quoteList = (titles: string[]) =>
  titles.length > 3
    ? `${titles
        .slice(0, 3)
        .map((t) => `「${t}」`)
        .join('')}等 ${titles.length} 项`
    : titles.map((t) => `「${t}」`).join('');

/** The incentive factor's reason from what it found (shared by scoring and by reading a stored match). */
function incentivesReason(attached: number, eligibleTitles: string[], needsInfoTitles: string[], missing: string, unmet: string): string {
  if (!attached) return '项目未附扶持政策';
  if (eligibleTitles.length) {
    const reason = `可享受 ${eligibleTitles.length} 项扶持：${quoteList(eligibleTitles)}`;
    return needsInfoTitles.length ? `${reason}；另有 ${needsInfoTitles.length} 项需补充信息（${missing}）` : reason;
  }
  if (needsInfoTitles.length) return `${needsInfoTitles.length} 项扶持补充信息后可享受：${quoteList(needsInfoTitles)}（${missing}）`;
  return `项目所附 ${attached} 项扶持暂不符合条件（${unmet}）`;
}

const unmetReason = (r: EligibilityResult) => r.checks.find((c) => c.status === 'unmet')?.reason ?? '';

function incentivesPart(e: EnterpriseFacts, p: MatchProject, ctx: ScoringContext): IncentivePart {
  if (!p.incentives.length)
    return { fit: 0, reason: incentivesReason(0, [], [], '', ''), eligible: [], needsInfo: [], attached: 0, unmet: 0 };
  const eligible: MatchIncentive[] = [];
  const needsInfo: Array<{ i: MatchIncentive; missing: string[] }> = [];
  let firstUnmet = '';
  let unmet = 0;
  for (const i of p.incentives) {
    const r = evaluateEligibility(e, i, { regions: ctx.regions, industries: ctx.industries, today: ctx.today, project: p });
    if (r.status === 'eligible') eligible.push(i);
    else if (r.status === 'needs_info') needsInfo.push({ i, missing: missingInformation(r) });
    else if (!firstUnmet && (firstUnmet = unmetReason(r))) unmet = i.id;
  }
  const n = eligible.length + needsInfo.length / 2;
  const fit = n ? round2(1 - 0.5 ** n) : 0;
  const reason = incentivesReason(
    p.incentives.length,
    eligible.map((i) => i.title),
    needsInfo.map((x) => x.i.title),
    needsInfo[0]?.missing[0] ?? '',
    firstUnmet,
  );
  return {
    fit,
    reason,
    eligible: eligible.map((i) => i.id),
    needsInfo: needsInfo.map((x) => x.i.id),
    attached: p.incentives.length,
    unmet: eligible.length || needsInfo.length ? 0 : unmet,
  };
}

/**
 * The incentive factor of a stored match, spelled out again: titles of the incentives it found
 * (as the project has them now), the missing information of the first needs-info one and the
 * unmet condition it quoted, evaluated for this enterprise by the same evaluator.
 */
function revivedIncentives(
  fit: number,
  s: IncentivesSection,
  eligible: number[],
  needsInfo: number[],
  e: EnterpriseFacts,
  p: MatchProject,
  ctx: ScoringContext,
): IncentivePart {
  const byId = new Map(p.incentives.map((i) => [i.id, i]));
  const title = (id: number) => byId.get(id)?.title ?? '';
  const evaluate = (id: number) => {
    const i = byId.get(id);
    return i ? evaluateEligibility(e, i, { regions: ctx.regions, industries: ctx.industries, today: ctx.today, project: p }) : null;
  };
  const first = needsInfo.length ? evaluate(needsInfo[0]) : null;
  const unmet = s.unmet && !eligible.length && !needsInfo.length ? evaluate(s.unmet) : null;
  const reason = incentivesReason(
    s.attached,
    eligible.map(title),
    needsInfo.map(title),
    first ? (missingInformation(first)[0] ?? '') : '',
    unmet ? unmetReason(unmet) : '',
  );
  return { fit, reason, eligible, needsInfo, attached: s.attached, unmet: s.unmet };
}

// ─── chain (产业链: the gaps and weak segments of the project's region) ────────────────────

/** Stored in match verdicts (stored.ts): append new kinds, never renumber. */
const enum CK {
  /** the project's region (or a region above it) has no gap or weak segment in any chain */
  NoOpenSegment,
  /** it has, but none of the enterprise's industries lies in one */
  NotInSegment,
  Gap,
  Weak,
}

interface ChainVerdict {
  fit: number;
  kind: CK;
  /** the segment filled (0: none) */
  segment: number;
  /** the enterprise's code lying in it */
  e: string;
}

export const CHAIN_FIT = { gap: 1, weak: 0.6 } as const;

const NO_OPEN_SEGMENT: ChainVerdict = { fit: 0, kind: CK.NoOpenSegment, segment: 0, e: '' };
const NOT_IN_SEGMENT: ChainVerdict = { fit: 0, kind: CK.NotInSegment, segment: 0, e: '' };

/** The best open segment one of the enterprise's codes lies in (open: best first, so the first hit). */
function chainVerdict(eCodes: readonly string[], ePaths: ReadonlyArray<readonly string[]>, open: readonly OpenSegment[]): ChainVerdict {
  if (!open.length) return NO_OPEN_SEGMENT;
  for (const { segment } of open) {
    for (let i = 0; i < eCodes.length; i++) {
      if (!segment.industryCodes.some((c) => ePaths[i].includes(c))) continue;
      const gap = segment.status === 'gap';
      return { fit: gap ? CHAIN_FIT.gap : CHAIN_FIT.weak, kind: gap ? CK.Gap : CK.Weak, segment: segment.id, e: eCodes[i] };
    }
  }
  return NOT_IN_SEGMENT;
}

function chainReason(v: ChainVerdict, chains: ChainIndex, t: CodeTree): string {
  switch (v.kind) {
    case CK.NoOpenSegment:
      return '项目所在地区的产业链暂无缺链、弱链环节';
    case CK.NotInSegment:
      return '企业所属行业不在项目所在地区产业链的缺链、弱链环节';
    case CK.Gap:
    case CK.Weak: {
      const at = chains.segment(v.segment);
      if (!at) return '产业链环节已调整，待重新计算';
      return v.kind === CK.Gap
        ? `企业主营「${industryName(t, v.e)}」，可补齐${at.chain.label}「${at.segment.name}」环节（本地缺链）`
        : `企业主营「${industryName(t, v.e)}」，可强化${at.chain.label}「${at.segment.name}」环节（本地弱链）`;
    }
  }
}

const chainHash = (v: ChainVerdict) => mix(mix(v.kind + 1, v.segment), v.e ? codeHash(v.e) : 0);

// ─── the compiled project ───────────────────────────────────────────────────────────────

/** The per-factor results of one pair, before they are spelled out (cheap: mostly shared, memoised objects). */
export interface Evaluation {
  score: number;
  /** Fits per factor; the reasons are spelled out by `explain` (from the verdicts below). */
  fits: Readonly<Record<Factor, number>>;
  enterprise: MatchEnterprise;
  industry: IndustryVerdict;
  region: RegionVerdict;
  incentives: IncentivePart;
  sharedWords: readonly string[];
  stage: Part;
  /** null: a match stored before the chain factor (the next re-match fills it in) */
  chain: ChainVerdict | null;
  eligibleIncentiveIds: number[];
  needsInfoIncentiveIds: number[];
  excluded: MatchResult['excluded'];
  /** Hash of everything the stored match would show: equal fingerprints → nothing to write. */
  fingerprint: number;
}

/** Memo keys of an enterprise's facts, built once per enterprise object (V8 then reuses their hashes). */
interface FactKeys {
  /** evaluations so far; from the second on (the enterprise side: many projects) its tokens are worth a set */
  uses: number;
  tokenSet?: ReadonlySet<string>;
  /** its industry codes' paths */
  industryPaths: ReadonlyArray<readonly string[]>;
  industry: string;
  certifications: string;
  home: string;
  size: string;
  land: string;
}
const factKeys = new WeakMap<MatchEnterprise, FactKeys>();

/** The memo key of what certification conditions read: the kinds held, awaited, and when they expire (today is in the other half of the key). */
export function certificationsKey(
  e: Pick<EnterpriseFacts, 'verifiedCertifications' | 'pendingCertifications' | 'certificationsValidUntil'>,
): string {
  const key = `${e.verifiedCertifications.join(',')}/${e.pendingCertifications.join(',')}`;
  const until = e.certificationsValidUntil;
  for (const k in until) return `${key}/${JSON.stringify(until)}`;
  return key;
}
function keysOf(e: MatchEnterprise, tree: CodeTree): FactKeys {
  let k = factKeys.get(e);
  if (!k) {
    k = {
      uses: 0,
      industryPaths: e.industryCodes.map((c) => safePath(tree, c)),
      industry: e.industryCodes.join(','),
      certifications: certificationsKey(e),
      home: e.homeRegionCode,
      size: e.size ?? '',
      land: String(e.needLandMu),
    };
    factKeys.set(e, k);
  }
  return k;
}

/**
 * The memo key of the incentive factor: only the enterprise facts the project's incentives read
 * (with a project given, location and investment size come from the project).
 */
function incentiveKeyFn(incentives: readonly MatchIncentive[]): (k: FactKeys) => string {
  const types = new Set(incentives.flatMap((i) => i.conditions.map((c) => c.type)));
  const parts: Array<'certifications' | 'industry' | 'home' | 'size' | 'land'> = [];
  if (types.has('certification')) parts.push('certifications');
  if (types.has('industry')) parts.push('industry');
  if (types.has('homeRegion')) parts.push('home');
  if (types.has('enterpriseSize')) parts.push('size');
  if (types.has('needsLand')) parts.push('land');
  if (parts.length === 0) return () => '';
  if (parts.length === 1) return (k) => k[parts[0]];
  return (k) => parts.map((p) => k[p]).join('|');
}

/** A part's hash, cached on the (memoised, shared) part object. */
function partHash(p: Part): number {
  return (p.h ??= hash32(`${p.fit}|${p.reason}`));
}

const incentiveMemo = new Memo<IncentivePart>(50_000);
const renderMemo = new Memo<string>(20_000);
const chainMemo = new Memo<ChainVerdict>(50_000);
let profiles = 0;
/** Long signatures → short stable ids (per process), for memo keys. */
const interned = new Map<string, number>();
const intern = (s: string) => {
  let id = interned.get(s);
  if (id === undefined) {
    if (interned.size >= 100_000) {
      interned.clear();
      incentiveMemo.clear(); // its keys hold these ids
    }
    interned.set(s, (id = interned.size + 1));
  }
  return id;
};

const NO_TEXT: Part = { fit: 0, reason: '企业介绍与项目描述没有共同关键词' };
const CLOSED: Part = { fit: 0, reason: '项目已关闭' };
/** A factor added after the match was stored: the next re-match fills it in. */
const PENDING: Part = { fit: 0, reason: '待重新计算' };

export class ProjectProfile {
  readonly terms: TermTable;
  private readonly points: Weights;
  private readonly weightsHash: number;
  private readonly incentiveKey: (k: FactKeys) => string;
  /** Memo key prefix: the project's side of the incentive part. */
  private readonly incentivesKey: string;
  private readonly regionHash: number;
  private readonly renderKey: string;
  private readonly renderMemo: boolean;
  private readonly industryPaths: ReadonlyArray<readonly string[]>;
  private readonly regionPath: readonly string[];
  private readonly totalHash: number;
  private readonly exclusion: MatchResult['excluded'];
  private readonly stagePart: Part;
  /** The gap and weak segments of the chains over the project's region, best first. */
  private readonly openSegments: readonly OpenSegment[];
  /** Memo key prefix: those segments. */
  private readonly chainKey: string;

  readonly project: MatchProject;

  constructor(
    project: MatchProject,
    private readonly ctx: ScoringContext,
    /** renderMemo: keep rendered reasons (a project job writes thousands of rows sharing them; a worker's cache of projects need not) */
    opts: { tokens?: readonly string[]; renderMemo?: boolean } = {},
  ) {
    this.renderMemo = opts.renderMemo ?? true;
    this.renderKey = String(++profiles);
    this.industryPaths = project.industryCodes.map((c) => safePath(ctx.industries, c));
    this.regionPath = ctx.regions.has(project.regionCode) ? ctx.regions.path(project.regionCode) : [];
    this.regionHash = codeHash(project.regionCode);
    this.totalHash = Math.round(project.totalInvestmentYuan / 10_000) | 0;
    // everything the incentive factor reads besides the enterprise: the incentives, where and how big the project is, the day
    this.incentivesKey = `${intern(JSON.stringify([project.incentives, project.regionCode, project.totalInvestmentYuan, ctx.today]))}#`;
    this.terms = termTable(opts.tokens ?? indexTokens(project.title, project.description), ctx.regions);
    // kept for the lifetime of a worker's cache: the texts are not needed any more
    this.project = { ...project, title: '', description: '' };
    this.openSegments = (ctx.chains ?? ChainIndex.empty).openSegmentsOver(this.regionPath);
    this.chainKey = String(
      intern(this.openSegments.map((o) => `${o.segment.id}${o.segment.status[0]}${o.segment.industryCodes.join('+')}`).join(',')),
    );
    // the chain factor counts where the region has gaps or weak segments to fill (DEFAULT_WEIGHTS)
    this.points = normalisedWeights(ctx.config.weights, this.openSegments.length ? [] : ['chain']);
    this.weightsHash = hash32(FACTORS.map((f) => this.points[f].toFixed(6)).join(','));
    this.incentiveKey = incentiveKeyFn(project.incentives);
    this.exclusion =
      project.status !== 'published'
        ? { factor: 'status', reason: '项目未发布' }
        : project.stage === 'closed'
          ? { factor: 'stage', reason: '项目已关闭' }
          : null;
    this.stagePart = project.stage === 'closed' ? CLOSED : STAGE[project.stage];
  }

  /** Scores a pair without spelling it out (the bulk path: most pairs turn out unchanged). */
  evaluate(e: MatchEnterprise): Evaluation {
    const { ctx, project: p } = this;
    const k = keysOf(e, ctx.industries);
    const industry = industryVerdict(e.industryCodes, p.industryCodes, ctx.industries, k.industryPaths, this.industryPaths);
    const region = regionVerdict(e, p.regionCode, ctx.regions, this.regionPath);
    const investment = investmentScore(p.totalInvestmentYuan, e.investmentMinYuan, e.investmentMaxYuan);
    const incentives = incentiveMemo.get(this.incentivesKey, this.incentiveKey(k), () => incentivesPart(e, p, ctx));
    const tf = textFit(++k.uses > 1 ? (k.tokenSet ??= new Set(e.tokens)) : e.tokens, this.terms);
    const text = tf.fit ? round2(tf.fit) : 0;
    const stage = this.stagePart.fit;
    const chain = this.openSegments.length
      ? chainMemo.get(this.chainKey, k.industry, () => chainVerdict(e.industryCodes, k.industryPaths, this.openSegments))
      : NO_OPEN_SEGMENT;
    const w = this.points;
    const score = Math.round(
      industry.fit * w.industry +
        region.fit * w.region +
        investment * w.investment +
        incentives.fit * w.incentives +
        text * w.text +
        stage * w.stage +
        chain.fit * w.chain,
    );
    let excluded = this.exclusion;
    if (!excluded && region.fit === 0) excluded = { factor: 'region', reason: '' }; // spelled out by explain
    if (!excluded && industry.fit < MIN_INDUSTRY_FIT) excluded = { factor: 'industry', reason: '' };
    let h = mix(this.weightsHash, score);
    h = mix(h, industryHash(industry));
    h = mix(mix(h, regionHash(region)), this.regionHash);
    h = mix(mix(h, investmentHash(e.investmentMinYuan, e.investmentMaxYuan, investment)), this.totalHash);
    h = mix(h, partHash(incentives));
    h = mix(h, tf.hash ^ Math.round(text * 100));
    h = mix(h, partHash(this.stagePart));
    h = mix(h, chainHash(chain));
    for (const id of incentives.eligible) h = mix(h, id);
    h = mix(h, 0x7fff);
    for (const id of incentives.needsInfo) h = mix(h, id);
    return {
      score,
      fits: { industry: industry.fit, region: region.fit, investment, incentives: incentives.fit, text, stage, chain: chain.fit },
      enterprise: e,
      industry,
      region,
      incentives,
      sharedWords: tf.shared,
      stage: this.stagePart,
      chain,
      eligibleIncentiveIds: incentives.eligible,
      needsInfoIncentiveIds: incentives.needsInfo,
      excluded,
      fingerprint: h | 0,
    };
  }

  /** Spells an evaluation out: one entry per factor, and the highlights. */
  explain(ev: Evaluation): MatchResult {
    const reasons = this.reasonsOf(ev);
    const breakdown: ScoreFactor[] = FACTORS.map((f) => {
      const weight = this.points[f];
      const fit = ev.fits[f];
      return { factor: f, fit, weight: Math.round(weight * 10) / 10, points: Math.round(fit * weight * 10) / 10, reason: reasons[f]() };
    });
    const strong = breakdown.filter((b) => b.fit >= 0.5 && b.points > 0).sort((a, b) => b.points - a.points);
    const top = strong.slice(0, 3);
    // filling a gap of the region's chain is the point of 补链招商: always shown when it holds
    const chain = strong.find((b) => b.factor === 'chain');
    if (chain && !top.includes(chain)) top.push(chain);
    const highlights = top.map((b) => `${FACTOR_LABELS[b.factor as Factor]}：${b.reason}`);
    let excluded = ev.excluded;
    if (excluded && !excluded.reason) {
      const why = breakdown.find((b) => b.factor === excluded!.factor)!.reason;
      excluded = { factor: excluded.factor, reason: why || '行业相关度不足' };
    }
    return {
      score: ev.score,
      breakdown,
      reasons: highlights,
      eligibleIncentiveIds: ev.eligibleIncentiveIds,
      needsInfoIncentiveIds: ev.needsInfoIncentiveIds,
      excluded,
    };
  }

  /**
   * The stored form of an evaluation (`match.verdict`, see stored.ts): fits and the codes its
   * reasons name. `revive` turns it back into an evaluation that `explain` spells out word for
   * word as it spells out this one (a test holds them equal).
   */
  verdict(ev: Evaluation): Buffer {
    return encodeVerdict({
      fits: FACTORS.map((f) => ev.fits[f]),
      sections: {
        industry: { kind: ev.industry.kind, e: ev.industry.e, p: ev.industry.p, ca: ev.industry.ca },
        region: { kind: ev.region.kind, at: ev.region.at },
        investment: null,
        incentives: { attached: ev.incentives.attached, unmet: ev.incentives.unmet },
        text: ev.fits.text > 0 ? showShared(ev.sharedWords) : [],
        stage: this.project.stage,
        chain: { kind: ev.chain?.kind ?? CK.NoOpenSegment, segment: ev.chain?.segment ?? 0, e: ev.chain?.e ?? '' },
      },
    });
  }

  /**
   * A stored match as an evaluation of this project (compiled from its current row) and the
   * enterprise (its current facts; no tokens needed): what the factors found comes from the
   * verdict, the names and amounts its reasons quote from the rows. Null when the verdict's
   * layout is unknown (the caller scores afresh).
   */
  revive(
    stored: { score: number; verdict: Uint8Array; eligibleIncentiveIds: number[]; needsInfoIncentiveIds: number[] },
    e: MatchEnterprise,
  ): Evaluation | null {
    const v: Verdict | null = decodeVerdict(stored.verdict);
    if (!v) return null;
    const fit = (f: Factor) => v.fits[FACTORS.indexOf(f)] ?? 0;
    const s = v.sections;
    const ind = s.industry ?? { kind: IK.Unrelated, e: '', p: '', ca: null };
    const reg = s.region ?? { kind: RK.Elsewhere, at: '' };
    const stage = s.stage === undefined ? PENDING : s.stage === 'closed' ? CLOSED : STAGE[s.stage];
    const fits = Object.fromEntries(FACTORS.map((f) => [f, fit(f)])) as Record<Factor, number>;
    return {
      score: stored.score,
      fits,
      enterprise: e,
      industry: { fit: fits.industry, kind: ind.kind as IK, e: ind.e, p: ind.p, ca: ind.ca },
      region: { fit: fits.region, kind: reg.kind as RK, at: reg.at },
      incentives: s.incentives
        ? revivedIncentives(
            fits.incentives,
            s.incentives,
            stored.eligibleIncentiveIds,
            stored.needsInfoIncentiveIds,
            e,
            this.project,
            this.ctx,
          )
        : { ...PENDING, eligible: stored.eligibleIncentiveIds, needsInfo: stored.needsInfoIncentiveIds, attached: 0, unmet: 0 },
      sharedWords: s.text ?? [],
      stage: { fit: fits.stage, reason: stage.reason },
      chain: s.chain ? { fit: fits.chain, kind: s.chain.kind as CK, segment: s.chain.segment, e: s.chain.e } : null,
      eligibleIncentiveIds: stored.eligibleIncentiveIds,
      needsInfoIncentiveIds: stored.needsInfoIncentiveIds,
      excluded: null,
      fingerprint: 0,
    };
  }

  /** Each factor's reason, rendered on demand (a verdict seen before by this project is not rendered again when `renderMemo`). */
  private reasonsOf(ev: Evaluation): Record<Factor, () => string> {
    const { ctx, project: p } = this;
    const e = ev.enterprise;
    const render = (key: () => string, make: () => string) => (this.renderMemo ? this.rendered(key(), make) : make());
    return {
      industry: () =>
        ev.industry.kind === IK.Unrelated
          ? industryReason(ev.industry, e.industryCodes, p.industryCodes, ctx.industries)
          : render(
              () => `i${ev.industry.kind}|${ev.industry.e}|${ev.industry.p}|${ev.industry.ca}`,
              () => industryReason(ev.industry, e.industryCodes, p.industryCodes, ctx.industries),
            ),
      region: () =>
        ev.region.kind === RK.Elsewhere
          ? regionReason(ev.region, e, p.regionCode, ctx.regions)
          : render(
              () => `r${ev.region.kind}|${ev.region.at}`,
              () => regionReason(ev.region, e, p.regionCode, ctx.regions),
            ),
      investment: () =>
        render(
          () => `v${e.investmentMinYuan}|${e.investmentMaxYuan}`,
          () => investmentReason(p.totalInvestmentYuan, e.investmentMinYuan, e.investmentMaxYuan, ev.fits.investment),
        ),
      incentives: () => ev.incentives.reason,
      text: () =>
        ev.fits.text > 0
          ? `共同关键词：${showShared(ev.sharedWords)
              .map((w) => `「${w}」`)
              .join('')}`
          : NO_TEXT.reason,
      stage: () => ev.stage.reason,
      chain: () => (ev.chain ? chainReason(ev.chain, ctx.chains ?? ChainIndex.empty, ctx.industries) : PENDING.reason),
    };
  }

  score(e: MatchEnterprise): MatchResult {
    return this.explain(this.evaluate(e));
  }

  /** A reason rendered once per distinct verdict of this project (memo shared by all projects, bounded). */
  private rendered(key: string, make: () => string): string {
    return renderMemo.get(this.renderKey, key, make);
  }
}

/** Scores one pair (compiles the project each time: for explanations and tests; jobs reuse a ProjectProfile). */
export function scoreMatch(e: MatchEnterprise, p: MatchProject, ctx: ScoringContext): MatchResult {
  return new ProjectProfile(p, ctx).score(e);
}

/** Whether a result is stored as a match. */
export const isMatch = (r: Pick<MatchResult, 'excluded' | 'score'>, config: ScoringConfig) => !r.excluded && r.score >= config.threshold;

/** 32-bit FNV-1a (as a signed int, the form stored in an integer column). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The fingerprint of a pair (see Evaluation.fingerprint). */
export const fingerprint = (e: MatchEnterprise, p: ProjectProfile): number => p.evaluate(e).fingerprint;
