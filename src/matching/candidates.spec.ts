import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import {
  enterpriseIndustryKeys,
  enterpriseRegionKeys,
  overlaps,
  ProjectIndex,
  projectIndustryKeys,
  projectKeys,
  projectRegionKeys,
} from './candidates.js';
import { MIN_INDUSTRY_FIT } from './scoring/config.js';
import { industryFit, regionFit } from './scoring/score.js';

/**
 * Candidate generation must select exactly the pairs the scorer does not exclude. Here the three
 * formulations (the project-side SQL, the enterprise-side SQL, the in-memory index) are run as set
 * logic over random codes of every level of both trees and compared with the scorer.
 */
const t = industries();
const r = regions();
const allIndustries = [...t.all()].map((n) => n.code);
const allRegions = [...r.all()].map((n) => n.code);

let seed = 12345;
const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
/** Codes near each other often enough to exercise every case (same class, group, division, section). */
function near(code: string, pool: readonly string[]): string {
  const roll = rand();
  if (roll < 0.25) return code;
  if (roll > 0.9) return pick(pool);
  const prefix = code.slice(0, roll < 0.5 ? 4 : roll < 0.75 ? 3 : 1);
  const close = pool.filter((c) => c.startsWith(prefix));
  return close.length ? pick(close) : pick(pool);
}
const nearRegion = (code: string) => {
  const roll = rand();
  const prefix = code.slice(0, roll < 0.3 ? 6 : roll < 0.6 ? 4 : roll < 0.85 ? 2 : 0);
  const close = allRegions.filter((c) => c.startsWith(prefix));
  return pick(close.length ? close : allRegions);
};

interface E {
  industryCodes: string[];
  homeRegionCode: string;
  targetRegionCodes: string[];
}
interface P {
  id: number;
  industryCodes: string[];
  regionCode: string;
}

function pairs(n: number): Array<{ e: E; p: P }> {
  const out: Array<{ e: E; p: P }> = [];
  for (let i = 0; i < n; i++) {
    const base = pick(allIndustries);
    const place = pick(allRegions);
    const e: E = {
      industryCodes: [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => near(base, allIndustries)))],
      homeRegionCode: nearRegion(place),
      targetRegionCodes: [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => nearRegion(place)))],
    };
    const p: P = {
      id: i + 1,
      industryCodes: [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => near(base, allIndustries)))],
      regionCode: nearRegion(place),
    };
    out.push({ e, p });
  }
  return out;
}

const scorerPasses = (e: E, p: P) =>
  regionFit(e, p.regionCode, r).fit > 0 && industryFit(e.industryCodes, p.industryCodes, t).fit >= MIN_INDUSTRY_FIT;

/** ENTERPRISE_CANDIDATES_WHERE with its parameters, as set logic. */
function projectSideSql(e: E, p: P): boolean {
  const k = projectKeys(p, r);
  const ePath = t.closure(e.industryCodes);
  const homePath = [...r.path(e.homeRegionCode)];
  const region = overlaps(e.targetRegionCodes, k.regionPath) || overlaps(homePath, k.homeKeys);
  return region && overlaps(ePath, k.industryPathKeys);
}

/** PROJECT_CANDIDATES_LATERAL, as set logic. */
function enterpriseSideSql(e: E, p: P): boolean {
  const pPath = [...r.path(p.regionCode)];
  const pIndPath = t.closure(p.industryCodes);
  const regionKeys = [...e.targetRegionCodes, ...r.path(e.homeRegionCode).slice(1, 3)];
  const indPath = t.closure(e.industryCodes).filter((x) => x.length > 1);
  const groups = e.industryCodes.filter((c) => c.length >= 4).map((c) => c.slice(0, 4));
  return overlaps(pPath, regionKeys) && overlaps(pIndPath, indPath) && (overlaps(p.industryCodes, indPath) || overlaps(pIndPath, groups));
}

function keysRelation(e: E, p: P): boolean {
  return (
    overlaps(projectIndustryKeys(p.industryCodes), enterpriseIndustryKeys(e.industryCodes, t.closure(e.industryCodes))) &&
    overlaps(projectRegionKeys(r.path(p.regionCode)), enterpriseRegionKeys(e.targetRegionCodes, r.path(e.homeRegionCode)))
  );
}

describe('candidate generation is the twin of the scorer’s requirements', () => {
  const sample = pairs(30_000);

  it('covers both outcomes and every industry case', () => {
    const passes = sample.filter(({ e, p }) => scorerPasses(e, p)).length;
    expect(passes).toBeGreaterThan(1000);
    expect(sample.length - passes).toBeGreaterThan(1000);
    const fits = new Set(sample.map(({ e, p }) => industryFit(e.industryCodes, p.industryCodes, t).fit));
    for (const f of [1, 0.75, 0.5, 0.35, 0.1, 0]) expect(fits).toContain(f);
  });

  it.each([
    ['the project-side SQL', projectSideSql],
    ['the enterprise-side SQL', enterpriseSideSql],
    ['the candidate keys', keysRelation],
  ])('%s selects exactly the pairs the scorer accepts', (_, relation) => {
    const disagreements = sample.filter(({ e, p }) => relation(e, p) !== scorerPasses(e, p));
    expect(disagreements.slice(0, 3)).toEqual([]);
  });

  it('the in-memory project index returns the same candidates', () => {
    const projects = sample.slice(0, 3000).map(({ p }) => p);
    const index = new ProjectIndex(
      'x',
      projects.map((p) => ({ id: p.id, industry_codes: p.industryCodes, region_path: [...r.path(p.regionCode)] })),
    );
    for (const { e } of sample.slice(0, 300)) {
      const got = index
        .candidates({
          industryCodes: e.industryCodes,
          industryPath: t.closure(e.industryCodes),
          targetRegionCodes: e.targetRegionCodes,
          homeRegionPath: [...r.path(e.homeRegionCode)],
        })
        .sort((a, b) => a - b);
      const expected = projects.filter((p) => scorerPasses(e, p)).map((p) => p.id);
      expect(got).toEqual(expected);
    }
  });
});
