import { evaluateEligibility, missingInformation, type EnterpriseFacts, type IncentiveFacts } from '../../policies/eligibility/evaluate.js';
import type { ProjectStage, ProjectStatus } from '../../projects/project.vocabulary.js';
import { formatYuan, formatYuanRange } from '../../platform/format/units.js';
import type { RegionTree } from '../../reference/regions.js';
import type { CodeTree } from '../../reference/tree.js';
import { indexTokens } from '../../platform/text/segmenter.js';
import type { ScoreFactor } from '../match.entity.js';
import { FACTOR_LABELS, FACTORS, MIN_INDUSTRY_FIT, normalisedWeights, type Factor, type ScoringConfig, type Weights } from './config.js';
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
}

export interface MatchResult {
  score: number;
  breakdown: ScoreFactor[];
  /** Up to three highlights, strongest first (`行业：…`). */
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

// ─── industry (GB/T 4754) ───────────────────────────────────────────────────────────────

const industryLevel = (t: CodeTree, code: string) => t.get(code)?.level ?? 0;
const industryName = (t: CodeTree, code: string) => `${code} ${t.get(code)?.name ?? ''}`.trim();

/** Fit of one enterprise industry to one project industry. */
function industryPair(e: string, p: string, t: CodeTree): Part {
  const en = industryName(t, e);
  const pn = industryName(t, p);
  if (t.isWithin(e, p)) {
    if (industryLevel(t, p) === 1) return { fit: 0.35, reason: `项目只标明了门类「${pn}」，无法判断行业是否吻合` };
    if (e === p) return { fit: 1, reason: `同为「${pn}」` };
    return { fit: 1, reason: `企业行业「${en}」属于项目招商行业「${pn}」` };
  }
  if (t.isWithin(p, e)) {
    const l = industryLevel(t, e);
    const fit = l >= 3 ? 0.75 : l === 2 ? 0.6 : 0.1;
    return { fit, reason: `企业行业「${en}」涵盖项目招商行业「${pn}」` };
  }
  const ca = t.commonAncestor(e, p);
  if (!ca) return { fit: 0, reason: '' };
  const l = industryLevel(t, ca);
  if (l >= 3) return { fit: 0.75, reason: `企业行业「${en}」与项目行业「${pn}」同属「${industryName(t, ca)}」` };
  if (l === 2) return { fit: 0.35, reason: `企业行业「${en}」与项目行业「${pn}」仅同属大类「${industryName(t, ca)}」` };
  return { fit: 0.1, reason: `企业行业「${en}」与项目行业「${pn}」仅同属门类「${industryName(t, ca)}」` };
}

export function industryFit(eCodes: readonly string[], pCodes: readonly string[], t: CodeTree): Part {
  if (!eCodes.length) return { fit: 0, reason: '企业未填写所属行业' };
  if (!pCodes.length) return { fit: 0, reason: '项目未标明招商行业' };
  let best: Part = { fit: 0, reason: '' };
  for (const p of pCodes) {
    for (const e of eCodes) {
      const r = industryPair(e, p, t);
      if (r.fit > best.fit) best = r;
    }
  }
  if (best.fit === 0) {
    return {
      fit: 0,
      reason: `行业不相关（企业：${eCodes.map((c) => industryName(t, c)).join('、')}；项目：${pCodes.map((c) => industryName(t, c)).join('、')}）`,
    };
  }
  return best;
}

// ─── region (GB/T 2260) ─────────────────────────────────────────────────────────────────

const TARGET_FIT: Record<number, number> = { 3: 1, 2: 0.9, 1: 0.7 };

export function regionFit(e: Pick<EnterpriseFacts, 'homeRegionCode' | 'targetRegionCodes'>, projectRegion: string, r: RegionTree): Part {
  const where = r.fullName(projectRegion);
  let best: Part = { fit: 0, reason: '' };
  for (const t of e.targetRegionCodes) {
    if (!r.isWithin(projectRegion, t)) continue;
    const fit = TARGET_FIT[r.get(t)?.level ?? 1] ?? 0.7;
    if (fit > best.fit) {
      best = { fit, reason: t === projectRegion ? `项目位于意向投资地「${where}」` : `项目所在地「${where}」在意向投资地「${r.fullName(t)}」内` };
    }
  }
  if (best.fit > 0) return best;
  const home = r.get(e.homeRegionCode);
  if (home && home.level >= 2) {
    if (home.level === 3 && r.isWithin(projectRegion, home.code)) return { fit: 0.6, reason: `项目位于企业注册地「${where}」` };
    const city = home.level === 3 ? home.parent! : home.code;
    if (r.isWithin(projectRegion, city)) {
      return { fit: 0.45, reason: `项目所在地「${where}」与企业注册地同属「${r.fullName(city)}」（不在意向投资地区内）` };
    }
  }
  const targets = e.targetRegionCodes.map((c) => r.fullName(c)).join('、');
  return { fit: 0, reason: targets ? `项目所在地「${where}」不在意向投资地区（${targets}）内` : `项目所在地「${where}」不在企业注册地附近，企业也未填写意向投资地区` };
}

// ─── investment ─────────────────────────────────────────────────────────────────────────

/** Inside the range: full; outside: falls to zero at half the minimum / twice the maximum (log scale). */
export function investmentFit(total: number, min: number | null, max: number | null): Part {
  const amount = formatYuan(total);
  if (min == null && max == null) return { fit: 0.5, reason: `企业未填写计划投资额（项目总投资 ${amount}）` };
  const range = formatYuanRange(min, max);
  if ((min == null || total >= min) && (max == null || total <= max)) return { fit: 1, reason: `项目总投资 ${amount}，在计划投资 ${range}之内` };
  if (min != null && total < min) {
    const fit = Math.max(0, 1 + Math.log2(total / min));
    return { fit: round2(fit), reason: `项目总投资 ${amount}，低于计划投资 ${range}${fit > 0 ? '（接近下限）' : ''}` };
  }
  const fit = Math.max(0, 1 - Math.log2(total / max!));
  return { fit: round2(fit), reason: `项目总投资 ${amount}，高于计划投资 ${range}${fit > 0 ? '（接近上限）' : ''}` };
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
}

const quoteList = (titles: string[]) => (titles.length > 3 ? `${titles.slice(0, 3).map((t) => `「${t}」`).join('')}等 ${titles.length} 项` : titles.map((t) => `「${t}」`).join(''));

function incentivesPart(e: EnterpriseFacts, p: MatchProject, ctx: ScoringContext): IncentivePart {
  if (!p.incentives.length) return { fit: 0, reason: '项目未附扶持政策', eligible: [], needsInfo: [] };
  const eligible: MatchIncentive[] = [];
  const needsInfo: Array<{ i: MatchIncentive; missing: string[] }> = [];
  let firstUnmet = '';
  for (const i of p.incentives) {
    const r = evaluateEligibility(e, i, { regions: ctx.regions, industries: ctx.industries, today: ctx.today, project: p });
    if (r.status === 'eligible') eligible.push(i);
    else if (r.status === 'needs_info') needsInfo.push({ i, missing: missingInformation(r) });
    else firstUnmet ||= r.checks.find((c) => c.status === 'unmet')?.reason ?? '';
  }
  const n = eligible.length + needsInfo.length / 2;
  const fit = n ? round2(1 - 0.5 ** n) : 0;
  let reason: string;
  if (eligible.length) {
    reason = `可享受 ${eligible.length} 项扶持：${quoteList(eligible.map((i) => i.title))}`;
    if (needsInfo.length) reason += `；另有 ${needsInfo.length} 项需补充信息（${needsInfo[0].missing[0]}）`;
  } else if (needsInfo.length) {
    reason = `${needsInfo.length} 项扶持补充信息后可享受：${quoteList(needsInfo.map((x) => x.i.title))}（${needsInfo[0].missing[0]}）`;
  } else {
    reason = `项目所附 ${p.incentives.length} 项扶持暂不符合条件（${firstUnmet}）`;
  }
  return { fit, reason, eligible: eligible.map((i) => i.id), needsInfo: needsInfo.map((x) => x.i.id) };
}

// ─── the compiled project ───────────────────────────────────────────────────────────────

/** The per-factor results of one pair, before they are spelled out (cheap: mostly shared, memoised objects). */
export interface Evaluation {
  score: number;
  /** The text part's reason is filled in by `explain` (from `sharedWords`). */
  parts: Readonly<Record<Factor, Part>>;
  sharedWords: readonly string[];
  eligibleIncentiveIds: number[];
  needsInfoIncentiveIds: number[];
  excluded: MatchResult['excluded'];
  /** Hash of everything the stored match would show: equal fingerprints → nothing to write. */
  fingerprint: number;
}

/** Memo keys of an enterprise's facts, built once per enterprise object (V8 then reuses their hashes). */
interface FactKeys {
  industry: string;
  region: string;
  investment: string;
  certifications: string;
  home: string;
  size: string;
  land: string;
}
const factKeys = new WeakMap<MatchEnterprise, FactKeys>();
function keysOf(e: MatchEnterprise): FactKeys {
  let k = factKeys.get(e);
  if (!k) {
    k = {
      industry: e.industryCodes.join(','),
      region: `${e.homeRegionCode}|${e.targetRegionCodes.join(',')}`,
      investment: `${e.investmentMinYuan}|${e.investmentMaxYuan}`,
      certifications: `${e.verifiedCertifications.join(',')}/${e.pendingCertifications.join(',')}`,
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
  const parts: Array<keyof FactKeys> = [];
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

const industryMemo = new Memo<Part>(20_000);
const regionMemo = new Memo<Part>(20_000);
const investmentMemo = new Memo<Part>(20_000);
const incentiveMemo = new Memo<IncentivePart>(20_000);
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

export class ProjectProfile {
  readonly terms: TermTable;
  private readonly points: Weights;
  private readonly weightsHash: number;
  private readonly incentiveKey: (k: FactKeys) => string;
  /** Memo key prefixes: the project's side of each part. */
  private readonly industryKey: string;
  private readonly regionKey: string;
  private readonly investmentKey: string;
  private readonly incentivesKey: string;
  private readonly exclusion: MatchResult['excluded'];
  private readonly stagePart: Part;

  readonly project: MatchProject;

  constructor(
    project: MatchProject,
    private readonly ctx: ScoringContext,
    opts: { tokens?: readonly string[] } = {},
  ) {
    this.industryKey = `${project.industryCodes.join(',')}#`;
    this.regionKey = `${project.regionCode}#`;
    this.investmentKey = `${project.totalInvestmentYuan}#`;
    // everything the incentive factor reads besides the enterprise: the incentives, where and how big the project is, the day
    this.incentivesKey = `${intern(JSON.stringify([project.incentives, project.regionCode, project.totalInvestmentYuan, ctx.today]))}#`;
    this.terms = termTable(opts.tokens ?? indexTokens(project.title, project.description), ctx.regions);
    // kept for the lifetime of a worker's cache: the texts are not needed any more
    this.project = { ...project, title: '', description: '' };
    this.points = normalisedWeights(ctx.config.weights);
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
    const k = keysOf(e);
    const industry = industryMemo.get(this.industryKey, k.industry, () => industryFit(e.industryCodes, p.industryCodes, ctx.industries));
    const region = regionMemo.get(this.regionKey, k.region, () => regionFit(e, p.regionCode, ctx.regions));
    const investment = investmentMemo.get(this.investmentKey, k.investment, () => investmentFit(p.totalInvestmentYuan, e.investmentMinYuan, e.investmentMaxYuan));
    const incentives = incentiveMemo.get(this.incentivesKey, this.incentiveKey(k), () => incentivesPart(e, p, ctx));
    const tf = textFit(e.tokens, this.terms);
    const text: Part = tf.fit ? { fit: round2(tf.fit), reason: '' } : NO_TEXT;
    const parts = { industry, region, investment, incentives, text, stage: this.stagePart };
    const w = this.points;
    const total =
      industry.fit * w.industry + region.fit * w.region + investment.fit * w.investment + incentives.fit * w.incentives + text.fit * w.text + this.stagePart.fit * w.stage;
    const score = Math.round(total);
    let excluded = this.exclusion;
    if (!excluded && region.fit === 0) excluded = { factor: 'region', reason: region.reason };
    if (!excluded && industry.fit < MIN_INDUSTRY_FIT) excluded = { factor: 'industry', reason: industry.reason || '行业相关度不足' };
    let h = Math.imul(this.weightsHash ^ score, 0x01000193);
    h = Math.imul(h ^ partHash(industry), 0x01000193);
    h = Math.imul(h ^ partHash(region), 0x01000193);
    h = Math.imul(h ^ partHash(investment), 0x01000193);
    h = Math.imul(h ^ partHash(incentives), 0x01000193);
    h = Math.imul(h ^ tf.hash ^ Math.round(text.fit * 100), 0x01000193);
    h = Math.imul(h ^ partHash(this.stagePart), 0x01000193);
    for (const id of incentives.eligible) h = Math.imul(h ^ id, 0x01000193);
    h = Math.imul(h ^ 0x7fff, 0x01000193);
    for (const id of incentives.needsInfo) h = Math.imul(h ^ id, 0x01000193);
    return {
      score,
      parts,
      sharedWords: tf.shared,
      eligibleIncentiveIds: incentives.eligible,
      needsInfoIncentiveIds: incentives.needsInfo,
      excluded,
      fingerprint: h | 0,
    };
  }

  /** Spells an evaluation out: one entry per factor, and the highlights. */
  explain(ev: Evaluation): MatchResult {
    const breakdown: ScoreFactor[] = FACTORS.map((f) => {
      const weight = this.points[f];
      const part = ev.parts[f];
      const reason = f === 'text' && part.fit > 0 ? `共同关键词：${showShared(ev.sharedWords).map((w) => `「${w}」`).join('')}` : part.reason;
      return { factor: f, fit: part.fit, weight: Math.round(weight * 10) / 10, points: Math.round(part.fit * weight * 10) / 10, reason };
    });
    const reasons = breakdown
      .filter((b) => b.fit >= 0.5 && b.points > 0)
      .sort((a, b) => b.points - a.points)
      .slice(0, 3)
      .map((b) => `${FACTOR_LABELS[b.factor as Factor]}：${b.reason}`);
    return {
      score: ev.score,
      breakdown,
      reasons,
      eligibleIncentiveIds: ev.eligibleIncentiveIds,
      needsInfoIncentiveIds: ev.needsInfoIncentiveIds,
      excluded: ev.excluded,
    };
  }

  score(e: MatchEnterprise): MatchResult {
    return this.explain(this.evaluate(e));
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
