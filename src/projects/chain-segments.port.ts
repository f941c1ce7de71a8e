import { Injectable } from '@nestjs/common';

/** A chain segment as a project shows it: "补链项目：尉氏县汽车零部件产业链「涂料」环节". */
export interface ChainSegmentRef {
  id: number;
  chainId: number;
  /** "尉氏县汽车零部件产业链" */
  chainLabel: string;
  name: string;
  /** the chain's region: the project must lie in it */
  regionCode: string;
}

export interface ChainSegmentsSource {
  segments(ids: readonly number[]): Promise<ChainSegmentRef[]>;
}

/**
 * How projects read the chain segments they are tagged with (补链项目): the chains module plugs its
 * source in at start-up (chains depends on projects, so projects may not import chains). Without a
 * source no segment is known, and a tag is refused.
 */
@Injectable()
export class ChainSegmentsPort {
  private source: ChainSegmentsSource | null = null;

  provide(source: ChainSegmentsSource): void {
    this.source = source;
  }

  async byId(ids: readonly number[]): Promise<Map<number, ChainSegmentRef>> {
    const wanted = [...new Set(ids)];
    if (!this.source || !wanted.length) return new Map();
    return new Map((await this.source.segments(wanted)).map((s) => [s.id, s]));
  }
}
