/**
 * 产业链招商: the segment status and the target score. Pure — no database.
 *
 * A segment's local presence is the number of enterprises whose home lies in the chain's region
 * subtree and whose industries fall in the segment, plus its landed leads (signed, started or
 * producing in the region, each counted once, at its furthest stage). The status:
 *   - `strong` 强: presence ≥ `strongMin` (default 3);
 *   - `weak`   弱: presence ≥ `weakMin`   (default 1) but below `strongMin`;
 *   - `gap`    缺: presence below `weakMin` — no local enterprise and nothing landed.
 * Open projects are shown but do not count: a project is a wish, not a presence.
 * The thresholds are the chain's own (`strongMin`, `weakMin`), so a county can be stricter.
 */
export const SEGMENT_STATUSES = { strong: '强', weak: '弱', gap: '缺' } as const;
export type SegmentStatus = keyof typeof SEGMENT_STATUSES;
export const segmentStatuses = Object.keys(SEGMENT_STATUSES) as [SegmentStatus, ...SegmentStatus[]];

export interface Thresholds {
  strongMin: number;
  weakMin: number;
}
export const DEFAULT_THRESHOLDS: Thresholds = { strongMin: 3, weakMin: 1 };

export interface Presence {
  enterprises: number;
  /** Landed leads: signed + started + producing, each lead once. */
  landed: number;
}

export function segmentStatus(p: Presence, t: Thresholds = DEFAULT_THRESHOLDS): SegmentStatus {
  const presence = p.enterprises + p.landed;
  if (presence >= t.strongMin) return 'strong';
  if (presence >= t.weakMin) return 'weak';
  return 'gap';
}

/** Why the thresholds are refused, or null. */
export function thresholdsProblem(t: Thresholds): string | null {
  return t.weakMin >= 1 && t.strongMin > t.weakMin ? null : '阈值应满足 1 ≤ weakMin < strongMin';
}

/**
 * Target score (0–100): fit to the segment (a gap counts more than a weak segment; the enterprise's
 * own code lying inside the segment counts more than a shared ancestor — not used: the query only
 * returns enterprises inside a segment) plus openness to the region: it names the chain's region
 * (or a region inside it) as a target, its province, or nothing.
 */
export type Openness = 'region' | 'province' | 'none';
export const FIT_POINTS: Record<'gap' | 'weak', number> = { gap: 60, weak: 35 };
export const OPENNESS_POINTS: Record<Openness, number> = { region: 40, province: 20, none: 0 };

export const targetScore = (status: 'gap' | 'weak', openness: Openness) => FIT_POINTS[status] + OPENNESS_POINTS[openness];

/** "尉氏县汽车零部件产业链" — `产业链` appended unless the name already ends with 链. */
export const chainLabel = (regionName: string, chainName: string) => `${regionName}${chainName}${chainName.endsWith('链') ? '' : '产业链'}`;

export interface TargetFacts {
  regionName: string;
  provinceName: string;
  chainName: string;
  segmentName: string;
  status: 'gap' | 'weak';
  /** Local presence of the segment (enterprises + landed leads). */
  presence: number;
  /** Names of the enterprise's industries that fall in the segment. */
  industryNames: string[];
  openness: Openness;
}

/** The reasons an officer reads, in Chinese, each true to the facts. */
export function targetReasons(f: TargetFacts): string[] {
  const chain = chainLabel(f.regionName, f.chainName);
  const reasons = [
    f.status === 'gap'
      ? `可补齐${chain}「${f.segmentName}」环节（本地暂无企业）`
      : `可强链：${chain}「${f.segmentName}」环节本地仅 ${f.presence} 家`,
  ];
  if (f.industryNames.length) reasons.push(`主营「${f.industryNames.join('、')}」，属于该环节`);
  if (f.openness === 'region') reasons.push(`有意向投资${f.regionName}`);
  else if (f.openness === 'province') reasons.push(`有意向投资${f.provinceName}`);
  else reasons.push('尚未表达投资意向地区');
  return reasons;
}
