/**
 * What matching knows of the industrial chains (产业链, src/chains): each chain's region, its label
 * as shown ("尉氏县汽车零部件产业链"), its 链主 by name and its segments with their GB/T 4754 codes
 * and their current status (`gap` 缺 / `weak` 弱 / `strong` 强, as the chain map computes it and
 * the chains module keeps up to date). Pure data: matching reads it through the chains module's
 * port (../chain-facts.port.ts), never chains' tables.
 */
export type ChainSegmentStatus = 'gap' | 'weak' | 'strong';

export interface ChainSegmentFact {
  id: number;
  name: string;
  position: number;
  status: ChainSegmentStatus;
  industryCodes: readonly string[];
}

export interface ChainFact {
  id: number;
  regionCode: string;
  label: string;
  segments: readonly ChainSegmentFact[];
}

/** The open (gap or weak) segments of the chains of a region, best first: gaps, then weak; within each by chain and position. */
export interface OpenSegment {
  segment: ChainSegmentFact;
  chain: ChainFact;
}

export class ChainIndex {
  private readonly segments = new Map<number, OpenSegment>();
  /** A stable digest of every fact scoring reads (part of compiled projects' cache stamps). */
  readonly version: string;

  constructor(readonly chains: readonly ChainFact[]) {
    for (const chain of chains) for (const segment of chain.segments) this.segments.set(segment.id, { segment, chain });
    this.version = chains
      .map(
        (c) => `${c.id}@${c.regionCode}:${c.label}:${c.segments.map((s) => `${s.id}${s.status[0]}${s.industryCodes.join('+')}`).join(',')}`,
      )
      .join(';');
  }

  static readonly empty = new ChainIndex([]);

  /** The chains whose region is the place or contains it (a 开封市 chain counts for a 尉氏县 project). */
  chainsOver(regionPath: readonly string[]): ChainFact[] {
    return this.chains.filter((c) => regionPath.includes(c.regionCode));
  }

  /** The gap and weak segments of the chains over the place, best first. */
  openSegmentsOver(regionPath: readonly string[]): OpenSegment[] {
    const out: OpenSegment[] = [];
    for (const chain of this.chainsOver(regionPath))
      for (const segment of chain.segments) if (segment.status !== 'strong') out.push({ segment, chain });
    const rank = (x: OpenSegment) => (x.segment.status === 'gap' ? 0 : 1);
    return out.sort((a, b) => rank(a) - rank(b) || a.chain.id - b.chain.id || a.segment.position - b.segment.position);
  }

  /** A segment by id, with its chain (any status: a stored match names it whatever it became). */
  segment(id: number): OpenSegment | undefined {
    return this.segments.get(id);
  }
}
