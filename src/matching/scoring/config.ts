/**
 * The matching model's knobs, in one place: factor weights, the score threshold below which a
 * pair is not stored, and what counts as a "material" change (a dismissed match resurfaces, a
 * notified one is announced again). Defaults here; MATCH_WEIGHTS / MATCH_THRESHOLD /
 * MATCH_MATERIAL_DELTA override them (see src/platform/config/config.ts).
 */
export const FACTORS = ['industry', 'region', 'investment', 'incentives', 'text', 'stage', 'chain'] as const;
export type Factor = (typeof FACTORS)[number];

export const FACTOR_LABELS: Record<Factor, string> = {
  industry: '行业',
  region: '地区',
  investment: '投资规模',
  incentives: '扶持政策',
  text: '描述相关度',
  stage: '项目阶段',
  chain: '产业链',
};

export type Weights = Readonly<Record<Factor, number>>;

export const DEFAULT_WEIGHTS: Weights = {
  industry: 30,
  region: 20,
  investment: 15,
  incentives: 15,
  text: 10,
  stage: 10,
  /**
   * The enterprise would fill a gap (缺, fit 1) or strengthen a weak segment (弱, fit 0.6) of a chain
   * of the project's region. It counts only for projects whose region has a gap or weak segment:
   * elsewhere its weight is left out (the other factors share the 100 points as before).
   */
  chain: 10,
};

export interface ScoringConfig {
  /** Relative weights; normalised so that they sum to 100 points. */
  weights: Weights;
  /** Pairs scoring below this (0–100) are not stored. */
  threshold: number;
  /** A rise of at least this many points is "material". */
  materialDelta: number;
}

export const DEFAULT_SCORING: ScoringConfig = { weights: DEFAULT_WEIGHTS, threshold: 50, materialDelta: 10 };

/**
 * Hard requirements (not weights): a pair that fails one is not a match whatever its score.
 * Candidate generation in SQL selects exactly the pairs that pass them (see candidates.ts).
 *  - the project is published and not closed;
 *  - the project lies in one of the enterprise's target regions, or in its home city;
 *  - an industry fit of at least "same group (中类)": the enterprise's industry lies in the
 *    project's field, or both lie in one group. A project naming only a section (门类), or an
 *    enterprise naming only a division (大类), is too vague to match a finer code.
 */
export const MIN_INDUSTRY_FIT = 0.6;

/** Parses "industry=30,region=20,…" (any subset; the rest keep their defaults). */
export function parseWeights(spec: string | undefined, base: Weights = DEFAULT_WEIGHTS): Weights {
  const out: Record<Factor, number> = { ...base };
  if (!spec?.trim()) return out;
  for (const part of spec.split(',')) {
    const m = /^\s*([a-z]+)\s*[=:]\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m) throw new Error(`"${part.trim()}" is not factor=weight`);
    const f = m[1] as Factor;
    if (!FACTORS.includes(f)) throw new Error(`unknown factor "${m[1]}" (known: ${FACTORS.join(', ')})`);
    out[f] = Number(m[2]);
  }
  const total = FACTORS.reduce((s, f) => s + out[f], 0);
  if (total <= 0) throw new Error('weights must not all be zero');
  return out;
}

/** Points each factor is worth, scaled so the weights sum to 100; `without` factors count 0 (unless nothing would be left). */
export function normalisedWeights(given: Weights, without: readonly Factor[] = []): Weights {
  let w = given;
  if (without.length && FACTORS.some((f) => !without.includes(f) && given[f] > 0))
    w = Object.fromEntries(FACTORS.map((f) => [f, without.includes(f) ? 0 : given[f]])) as Record<Factor, number>;
  const total = FACTORS.reduce((s, f) => s + w[f], 0);
  return Object.fromEntries(FACTORS.map((f) => [f, (w[f] * 100) / total])) as Record<Factor, number>;
}
