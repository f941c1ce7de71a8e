import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { chainChanged, ChainFactsPort, type ChainFactsSource } from '../matching/chain-facts.port.js';
import type { ChainFact, ChainSegmentStatus } from '../matching/scoring/chains.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { ChainSegmentsPort, type ChainSegmentRef, type ChainSegmentsSource } from '../projects/chain-segments.port.js';
import { JobHandler } from '../platform/queue/job-handler.decorator.js';
import { regions } from '../reference/regions.js';
import { Chain, ChainSegment } from './chain.entity.js';
import { chainLabel } from './chain.vocabulary.js';
import { chainStatusesJob } from './chains.jobs.js';
import { ChainsQueries } from './chains.queries.js';

/**
 * The segment statuses as stored (`chain_segment.status`), what matching's chain factor reads
 * through its port: set in the transaction of every chain write, and every quarter hour for all
 * chains (presence moves as enterprises register and leads land). A change is announced as
 * `chainChanged`, in the transaction that stores it, so matching re-matches the region's projects.
 */
@Injectable()
export class ChainStatuses implements OnModuleInit, ChainFactsSource, ChainSegmentsSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: ChainsQueries,
    private readonly events: DomainEvents,
    private readonly port: ChainFactsPort,
    private readonly projectTags: ChainSegmentsPort,
  ) {}

  onModuleInit(): void {
    this.port.provide(this);
    this.projectTags.provide(this);
  }

  /** In the caller's transaction: computes the chain's segment statuses and stores those that changed; true if any did. */
  async settle(m: EntityManager, chain: Chain): Promise<boolean> {
    const segments = await m.find(ChainSegment, { where: { chainId: chain.id }, order: { position: 'ASC' } });
    const presence = await this.queries.presence(chain, segments);
    let changed = false;
    for (const [i, s] of segments.entries()) {
      const p = presence[i];
      const count = p.enterprises + p.signedLeads + p.startedLeads + p.producingLeads;
      if (s.status === p.status && s.presence === count) continue;
      changed ||= s.status !== p.status;
      await m.update(ChainSegment, { id: s.id }, { status: p.status, presence: count });
    }
    return changed;
  }

  /** In the caller's transaction: the chain changed (matching re-matches its region's projects). */
  announce(m: EntityManager, chain: Pick<Chain, 'id' | 'regionCode'>): Promise<void> {
    return this.events.emit(m, chainChanged, { chainId: chain.id, regionCode: chain.regionCode });
  }

  /** The quarter-hourly refresh: every chain, one transaction each; returns the chains whose statuses changed. */
  @JobHandler(chainStatusesJob)
  async refreshAll(): Promise<{ chains: number; changed: number }> {
    const ids: Array<{ id: number }> = await this.dataSource.query(`SELECT id FROM chain ORDER BY id`);
    let changed = 0;
    for (const { id } of ids) {
      await this.dataSource.transaction(async (m) => {
        const chain = await m.findOne(Chain, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!chain || !(await this.settle(m, chain))) return;
        changed++;
        await this.announce(m, chain);
      });
    }
    return { chains: ids.length, changed };
  }

  /** For the projects' port (补链 tags): segments by id with their chain's label and region. */
  async segments(ids: readonly number[]): Promise<ChainSegmentRef[]> {
    const rows: Array<{ id: number; chain_id: number; name: string; chain_name: string; region_code: string }> =
      await this.dataSource.query(
        `SELECT s.id, s.chain_id, s.name, c.name AS chain_name, c.region_code FROM chain_segment s JOIN chain c ON c.id = s.chain_id WHERE s.id = ANY($1::int[])`,
        [ids],
      );
    const r = regions();
    return rows.map((x) => ({
      id: x.id,
      chainId: x.chain_id,
      name: x.name,
      regionCode: x.region_code,
      chainLabel: chainLabel(r.has(x.region_code) ? r.displayName(x.region_code) : '', x.chain_name),
    }));
  }

  /** For matching's port: every chain with its segments and their stored statuses (one query over two small tables). */
  async chainFacts(): Promise<ChainFact[]> {
    const rows: Array<{
      chain_id: number;
      chain_name: string;
      region_code: string;
      id: number;
      name: string;
      position: number;
      status: ChainSegmentStatus;
      industry_codes: string[];
    }> = await this.dataSource.query(
      `SELECT c.id AS chain_id, c.name AS chain_name, c.region_code, s.id, s.name, s.position, s.status, s.industry_codes
         FROM chain c JOIN chain_segment s ON s.chain_id = c.id ORDER BY c.id, s.position`,
    );
    const r = regions();
    const out: ChainFact[] = [];
    for (const row of rows) {
      let chain = out.at(-1);
      if (chain?.id !== row.chain_id) {
        const label = chainLabel(r.has(row.region_code) ? r.displayName(row.region_code) : '', row.chain_name);
        out.push((chain = { id: row.chain_id, regionCode: row.region_code, label, segments: [] }));
      }
      (chain.segments as ChainFact['segments'][number][]).push({
        id: row.id,
        name: row.name,
        position: row.position,
        status: row.status,
        industryCodes: row.industry_codes,
      });
    }
    return out;
  }
}
