import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';

/** An assignment rule as the picker sees it. */
export interface RuleLike {
  userId: number;
  regionCode: string | null;
  industryCode: string | null;
}

export interface OfficerLike {
  id: number;
  role: string;
}

export interface LeadTarget {
  regionCode: string;
  /** The lead's industries with their ancestors. */
  industryPath: readonly string[];
}

/** How specific a rule is: the depth of its region plus the depth of its industry (a null code adds 0). */
export function ruleSpecificity(r: RuleLike): number {
  return (r.regionCode ? regions().path(r.regionCode).length : 0) + (r.industryCode ? industries().path(r.industryCode).length : 0);
}

export function ruleMatches(r: RuleLike, lead: LeadTarget): boolean {
  if (r.regionCode && !regions().isWithin(lead.regionCode, r.regionCode)) return false;
  if (r.industryCode && !lead.industryPath.includes(r.industryCode)) return false;
  return true;
}

/**
 * The officers a new lead may go to, sorted by id: those whose matching rules are the most
 * specific (a 尉氏县 + C13 rule beats a C rule); without a matching rule, every officer of the
 * bureau (role officer), or, if it has none, its bureau leads. Rules of inactive or foreign
 * users are ignored (the caller passes only the bureau's active staff).
 */
export function candidatesFor(lead: LeadTarget, officers: readonly OfficerLike[], rules: readonly RuleLike[]): number[] {
  const active = new Set(officers.map((o) => o.id));
  let best = -1;
  let chosen = new Set<number>();
  for (const r of rules) {
    if (!active.has(r.userId) || !ruleMatches(r, lead)) continue;
    const s = ruleSpecificity(r);
    if (s > best) {
      best = s;
      chosen = new Set([r.userId]);
    } else if (s === best) chosen.add(r.userId);
  }
  if (!chosen.size) {
    const plain = officers.filter((o) => o.role === 'officer');
    chosen = new Set((plain.length ? plain : officers).map((o) => o.id));
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Round-robin: the first candidate after the one served last (by id), wrapping around. */
export function nextInRotation(candidates: readonly number[], lastUserId: number | null): number {
  if (!candidates.length) throw new Error('no candidates');
  if (lastUserId === null) return candidates[0];
  return candidates.find((id) => id > lastUserId) ?? candidates[0];
}
