import type { RegionTree } from '../../reference/regions.js';

/**
 * Text relevance between an enterprise's description/needs and a project's description.
 * Both sides are cut by jieba in search mode (the enterprise's tokens are the stored
 * `search_text`, so scoring needs no segmentation per pair). Only content words count: two or
 * more characters, not numbers, not the boilerplate every 招商 text contains (项目, 建设, 企业 …)
 * and not place names (where a project lies is the region factor's business, not the text's).
 * Longer words are more specific and weigh more.
 */
const BOILERPLATE = new Set(
  (
    '建设 有限 公司 有限公司 集团 股份 企业 生产 项目 产业 基地 计划 中心 从事 产业园 园区 服务 科技 提供 经济 推进 面向 综合 ' +
    '合作 希望 加快 设施 国家 全国 开工 重点 实现 发展 平台 入选 方案 场地 推动 利用 要求 引进 依托 城市 投资 信息 第二 区域 ' +
    '靠近 提升 完善 规划 构建 条件 毗邻 标准 招商 产品 工业 现代 专用 配套 主营 业务 相关 需要 需求 拟在 计划 以上 左右 包括 ' +
    '建成 新建 扩建 一期 二期 三期 亿元 万元 年产 规模 能力 开展 进行 实施 打造 形成 带动 支持 政府 有关 我们 公司化 具有 ' +
    '建设项目 项目建设 招商项目 重点项目 合作项目 主要 以及 等地 地区 中部 省内 周边 当地 就近 一批 一体 一体化 全面 持续 高质量 质量 行业 领域 领先 优势 水平 年度 目前'
  ).split(/\s+/),
);

export interface TermTable {
  /** content term → a 32-bit hash (the shared words' hashes sum to the text part's fingerprint); its weight follows from its length */
  readonly hashes: ReadonlyMap<string, number>;
  /** the same terms as a list (to walk the smaller side of an intersection) */
  readonly terms: readonly string[];
}

function hashTerm(t: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return h | 0;
}

export const termWeight = (t: string) => (t.length >= 4 ? 2 : t.length === 3 ? 1.5 : 1);

let placeNames: Set<string> | undefined;
/** Region names with and without their suffix (尉氏县, 尉氏; 开封市, 开封; 河南省, 河南). */
function places(regions: RegionTree): Set<string> {
  if (!placeNames) {
    placeNames = new Set();
    for (const r of regions.all()) {
      placeNames.add(r.name);
      const short = r.name.replace(/(省|市|县|区|自治州|自治县|自治区|地区|盟|旗)$/, '');
      if (short.length >= 2) placeNames.add(short);
    }
  }
  return placeNames;
}

/** Whether a token counts as a content word for relevance. */
export function isContentTerm(t: string, regions: RegionTree): boolean {
  return t.length >= 2 && !/^[\d.%]+$/.test(t) && !BOILERPLATE.has(t) && !places(regions).has(t);
}

/** The weighted content terms of a project's text (from jieba search-mode tokens). */
export function termTable(tokens: Iterable<string>, regions: RegionTree): TermTable {
  const hashes = new Map<string, number>();
  for (const t of tokens) if (isContentTerm(t, regions)) hashes.set(t, hashTerm(t));
  return { hashes, terms: [...hashes.keys()] };
}

/** Shared weight at which text relevance is full (about three specific shared words). */
export const TEXT_SATURATION = 6;

export interface TextFit {
  fit: number;
  /** The shared words (unordered; `showShared` picks those shown). */
  shared: string[];
  /** Order-independent hash of the shared set. */
  hash: number;
}

const NONE: TextFit = { fit: 0, shared: [], hash: 0 };

/** Relevance of an enterprise's tokens (deduplicated; a Set lets the shorter side be walked) to a project's term table. */
export function textFit(enterpriseTokens: readonly string[] | ReadonlySet<string>, project: TermTable): TextFit {
  let total = 0;
  let hash = 0;
  let shared: string[] | undefined;
  if (!Array.isArray(enterpriseTokens) && (enterpriseTokens as ReadonlySet<string>).size > project.terms.length) {
    const tokens = enterpriseTokens as ReadonlySet<string>;
    for (const t of project.terms) {
      if (!tokens.has(t)) continue;
      total += termWeight(t);
      hash = (hash + project.hashes.get(t)!) | 0;
      (shared ??= []).push(t);
    }
  } else {
    for (const t of enterpriseTokens) {
      const h = project.hashes.get(t);
      if (h === undefined) continue;
      total += termWeight(t);
      hash = (hash + h) | 0;
      (shared ??= []).push(t);
    }
  }
  if (!shared) return NONE;
  return { fit: Math.min(1, total / TEXT_SATURATION), shared, hash };
}

/** Up to five shared words, longest first, leaving out words contained in one already shown. */
export function showShared(words: readonly string[]): string[] {
  // longest first, then by code point (stable and cheap; locale collation is needless here)
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const out: string[] = [];
  for (const w of sorted) {
    if (out.some((o) => o.includes(w))) continue;
    out.push(w);
    if (out.length === 5) break;
  }
  return out;
}
