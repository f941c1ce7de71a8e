import { DATE_PLEDGES, type PledgeKind } from './agreement.vocabulary.js';
import type { PledgeEvaluation } from './pledge-status.js';

/**
 * The clawback formula (README "Agreements"). Pure.
 *   amount due = round( Σ released tranche amounts × shortfall ),
 *   shortfall  = the largest shortfall among the breached pledges:
 *                a missed date pledge 1 (the whole of it), a figure pledge 1 − achieved ÷ pledged.
 * Integer yuan; rounded half up. No released tranche, or no breached pledge: nothing is due.
 */
export interface ClawbackBasis {
  releasedYuan: number;
  shortfall: number;
  /** The breached pledge that decided the shortfall. */
  pledge: PledgeKind | null;
  amountDueYuan: number;
}

export function shortfallOf(p: Pick<PledgeEvaluation, 'kind' | 'achieved'>): number {
  if (DATE_PLEDGES.includes(p.kind)) return 1;
  return Math.max(0, Math.min(1, 1 - p.achieved));
}

export function clawback(releasedYuan: number, pledges: readonly Pick<PledgeEvaluation, 'kind' | 'status' | 'achieved'>[]): ClawbackBasis {
  let worst: { pledge: PledgeKind; shortfall: number } | null = null;
  for (const p of pledges) {
    if (p.status !== 'breached') continue;
    const s = shortfallOf(p);
    if (!worst || s > worst.shortfall) worst = { pledge: p.kind, shortfall: s };
  }
  if (!worst || releasedYuan <= 0)
    return { releasedYuan, shortfall: worst?.shortfall ?? 0, pledge: worst?.pledge ?? null, amountDueYuan: 0 };
  return { releasedYuan, shortfall: worst.shortfall, pledge: worst.pledge, amountDueYuan: Math.round(releasedYuan * worst.shortfall) };
}
