import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { enterpriseQuery } from '../enterprises/enterprise.reads.js';
import { Clock } from '../platform/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { shanghaiDate } from '../platform/format/units.js';
import { eligibilitySql } from '../policies/eligibility/eligibility-sql.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import {
  ENTERPRISE_CANDIDATES_WHERE,
  enterpriseCandidateParams,
  PROJECT_CANDIDATES_LATERAL,
  PROJECT_INDEX_SQL,
  PROJECT_INDEX_STAMP_SQL,
  ProjectIndex,
  projectKeys,
} from './candidates.js';
import {
  CATALOGUE_SQL,
  evaluateStored,
  IncentiveCatalogue,
  removeEligibility,
  upsertEligibility,
  type EligibilityRow,
  type ExistingEligibility,
} from './eligibility-store.js';
import { matchRow, upsertMatches, withdrawMatches, type MatchRow } from './match-writer.js';
import {
  ENTERPRISE_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_INCENTIVES_SQL,
  toMatchEnterprise,
  toMatchIncentive,
  toMatchProject,
  type EnterpriseRow,
  type IncentiveRow,
  type ProjectRow,
} from './rows.js';
import { DEFAULT_SCORING, parseWeights, type ScoringConfig } from './scoring/config.js';
import { ChainFactsPort } from './chain-facts.port.js';
import { isMatch, ProjectProfile, type MatchEnterprise, type ScoringContext } from './scoring/score.js';

/** Rows fetched from a cursor at a time, and written per statement. */
const FETCH = 2000;
const WRITE = 2000;
/** Compiled projects a process keeps for enterprise-side matching (each ≈ a few KB). */
const PROFILE_CACHE_MAX = 50_000;
/** Write transactions a job keeps in flight at once. */
const PARALLEL_WRITES = 2;

/** Runs at most `size` async tasks at once; `add` waits for a free slot, `drain` for all. */
class WritePool {
  private readonly running = new Set<Promise<void>>();
  private failed: unknown;
  constructor(private readonly size: number) {}
  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.size) await Promise.race(this.running);
    if (this.failed) throw this.failed;
    const p: Promise<void> = task()
      .catch((err) => {
        this.failed ??= err;
      })
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }
  async drain(): Promise<void> {
    await Promise.all(this.running);
    if (this.failed) throw this.failed;
  }
}

/** Up to this many enterprises, candidates come from a GIN probe per enterprise; beyond, from the ProjectIndex. */
const PROBE_MAX = 50;

export interface MatchStats {
  /** pairs scored */
  candidates: number;
  matches: number;
  written: number;
  withdrawn: number;
  events: number;
  eligibilityWritten: number;
  eligibilityEvents: number;
  /** wall time of the phases (ms): reading inputs, scoring, writing matches, stored eligibility */
  ms: { read: number; score: number; write: number; eligibility: number };
}

const emptyStats = (): MatchStats => ({
  candidates: 0,
  matches: 0,
  written: 0,
  withdrawn: 0,
  events: 0,
  eligibilityWritten: 0,
  eligibilityEvents: 0,
  ms: { read: 0, score: 0, write: 0, eligibility: 0 },
});
const since = (t: number) => Math.round(performance.now() - t);

export function scoringConfig(config: Pick<AppConfig, 'MATCH_WEIGHTS' | 'MATCH_THRESHOLD' | 'MATCH_MATERIAL_DELTA'>): ScoringConfig {
  let weights;
  try {
    weights = parseWeights(config.MATCH_WEIGHTS);
  } catch (err) {
    throw new Error(`Configuration error: MATCH_WEIGHTS ${(err as Error).message}`);
  }
  return { ...DEFAULT_SCORING, weights, threshold: config.MATCH_THRESHOLD, materialDelta: config.MATCH_MATERIAL_DELTA };
}

/** Facts the eligibility evaluator reads (no text). */
const FACT_COLUMNS = ENTERPRISE_COLUMNS.replace(', e.search_text', `, '' AS search_text`);

/**
 * The matching engine: candidate generation in PostgreSQL (GIN-indexed closure arrays), scoring
 * in Node over streamed batches with the project compiled once, bulk upserts that write only
 * what changed. Every unit of work reads its inputs in one REPEATABLE READ snapshot; the time of
 * that snapshot (`basis`) guards the writes against older computations.
 */
@Injectable()
export class MatchingEngine {
  private readonly log = new Logger('MatchingEngine');
  readonly scoring: ScoringConfig;
  private readonly profiles = new Map<number, { version: string; profile: ProjectProfile }>();
  private profilesStamp = '';
  private projectIndex?: ProjectIndex;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly chains: ChainFactsPort,
  ) {
    this.scoring = scoringConfig(config);
  }

  /** The context without chains (what eligibility reads). */
  context(): ScoringContext {
    return { regions: regions(), industries: industries(), today: shanghaiDate(this.clock.now()), config: this.scoring };
  }

  /** The context scoring reads: with the chains and their segment statuses (through the chains module's port). */
  async scoringContext(): Promise<ScoringContext> {
    return { ...this.context(), chains: await this.chains.index() };
  }

  /** Runs `fn` in a read-only REPEATABLE READ transaction on its own connection; `basis` is taken before the snapshot. */
  private async snapshot<T>(fn: (q: QueryRunner, basis: string) => Promise<T>): Promise<T> {
    const q = this.dataSource.createQueryRunner('slave');
    await q.connect();
    try {
      await q.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // short analytical reads: no JIT compile (≈0.5 s), exact bitmaps for broad GIN probes
      await q.query(`SET LOCAL jit = off; SET LOCAL work_mem = '64MB'`);
      const [{ basis }] = await q.query('SELECT statement_timestamp()::text AS basis');
      const out = await fn(q, basis);
      await q.query('COMMIT');
      return out;
    } catch (err) {
      await q.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await q.release();
    }
  }

  private write<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  // ─── a project against the enterprises ──────────────────────────────────────────────────

  /** Matches one project against every enterprise that can match it (published or changed). */
  async matchProject(projectId: number): Promise<MatchStats> {
    const stats = emptyStats();
    const ctx = await this.scoringContext();
    const started = performance.now();
    let writing = 0;
    await this.snapshot(async (q, basis) => {
      const existing: Array<{ e: number; f: number; w: boolean }> = await q.query(
        `SELECT enterprise_id AS e, fingerprint AS f, withdrawn_at IS NOT NULL AS w FROM match WHERE project_id = $1`,
        [projectId],
      );
      const [row]: ProjectRow[] = await q.query(`SELECT ${PROJECT_COLUMNS} FROM project p WHERE p.id = $1`, [projectId]);
      if (!row) return; // deleted: its matches went with it
      const incentives: IncentiveRow[] = await q.query(PROJECT_INCENTIVES_SQL, [[projectId]]);
      const profile = new ProjectProfile(toMatchProject(row, incentives.map(toMatchIncentive)), ctx);
      const kept = new Set<number>();
      if (row.status === 'published' && row.stage !== 'closed') {
        const known = new Map(existing.map((x) => [x.e, x]));
        await q.query(
          `DECLARE candidates NO SCROLL CURSOR FOR SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE ${ENTERPRISE_CANDIDATES_WHERE}`,
          enterpriseCandidateParams(projectKeys(profile.project, ctx.regions)),
        );
        // writes of earlier batches overlap fetching and scoring the next, two at a time (a PostgreSQL backend each)
        const writes = new WritePool(PARALLEL_WRITES);
        for (;;) {
          let t = performance.now();
          const rows: EnterpriseRow[] = await q.query(`FETCH ${FETCH} FROM candidates`);
          stats.ms.read += since(t);
          if (!rows.length) break;
          t = performance.now();
          stats.candidates += rows.length;
          const batch: MatchRow[] = [];
          for (const r of rows) {
            const e = toMatchEnterprise(r);
            const ev = profile.evaluate(e);
            if (!isMatch(ev, this.scoring)) continue;
            kept.add(e.id);
            const old = known.get(e.id);
            if (old && old.f === ev.fingerprint && !old.w) continue;
            batch.push(matchRow(profile, ev, e.id, projectId));
          }
          stats.ms.score += since(t);
          t = performance.now();
          for (let i = 0; i < batch.length; i += WRITE) await writes.add(() => this.writeBatch(batch.slice(i, i + WRITE), basis, stats));
          writing += performance.now() - t;
        }
        const t = performance.now();
        await writes.drain();
        writing += performance.now() - t;
        stats.matches = kept.size;
      }
      const gone = existing.filter((x) => !x.w && !kept.has(x.e)).map((x) => [x.e, projectId] as const);
      const t = performance.now();
      stats.withdrawn = await withdrawMatches(this.dataSource.manager, gone, basis);
      writing += performance.now() - t;
    });
    stats.ms.write = Math.round(writing);
    stats.ms.read = Math.round(performance.now() - started) - stats.ms.score - stats.ms.write; // everything else: snapshot, project, candidates' rows
    return stats;
  }

  private async writeMatches(rows: MatchRow[], basis: string, stats: MatchStats): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE) await this.writeBatch(rows.slice(i, i + WRITE), basis, stats);
  }

  private async writeBatch(rows: MatchRow[], basis: string, stats: MatchStats): Promise<void> {
    if (!rows.length) return;
    const s = await this.write((m) => upsertMatches(m, rows, basis, this.scoring.materialDelta));
    stats.written += s.written;
    stats.events += s.events;
  }

  // ─── enterprises against the projects ───────────────────────────────────────────────────

  /**
   * Matches a set of enterprises (by ids, or an id range for a full re-match chunk) against the
   * published projects that can match them, and refreshes their stored incentive eligibility.
   */
  async matchEnterprises(sel: { ids: number[] } | { from: number; to: number }): Promise<MatchStats> {
    const stats = emptyStats();
    const ctx = await this.scoringContext();
    const where = 'ids' in sel ? 'e.id = ANY($1::int[])' : 'e.id BETWEEN $1 AND $2';
    const params = 'ids' in sel ? [sel.ids] : [sel.from, sel.to];
    const ownWhere = where.replace('e.id', 'enterprise_id');
    let t = performance.now();
    const read = await this.snapshot(async (q, basis) => {
      const rows: Array<EnterpriseRow & { industry_path: string[]; home_region_path: string[] }> = await q.query(
        `SELECT ${ENTERPRISE_COLUMNS}, e.industry_path, e.home_region_path FROM enterprise e WHERE ${where}`,
        params,
      );
      const enterprises = rows.map(toMatchEnterprise);
      let pairs: Array<{ e: number; ps: number[] }> = [];
      if ('ids' in sel && sel.ids.length <= PROBE_MAX) {
        if (rows.length)
          pairs = await q.query(
            `SELECT e.id AS e, array_agg(p.id) AS ps FROM enterprise e ${PROJECT_CANDIDATES_LATERAL} WHERE ${where} GROUP BY e.id`,
            params,
          );
      } else {
        const index = await this.projectsIndex(q);
        pairs = rows.map((r) => ({
          e: r.id,
          ps: index.candidates({
            industryCodes: r.industry_codes,
            industryPath: r.industry_path,
            targetRegionCodes: r.target_region_codes,
            homeRegionPath: r.home_region_path,
          }),
        }));
      }
      const existing: Array<{ e: number; p: number; f: number; w: boolean }> = await q.query(
        `SELECT enterprise_id AS e, project_id AS p, fingerprint AS f, withdrawn_at IS NOT NULL AS w FROM match WHERE ${ownWhere}`,
        params,
      );
      const eligibility: ExistingEligibility[] = await q.query(
        `SELECT enterprise_id AS e, incentive_id AS i, fingerprint AS f, status AS s FROM enterprise_incentive WHERE ${ownWhere}`,
        params,
      );
      const catalogue = IncentiveCatalogue.fromRows(await q.query(CATALOGUE_SQL), ctx.regions);
      const profiles = await this.compiledProjects(q, [...new Set(pairs.flatMap((x) => x.ps))], ctx);
      return { basis, enterprises, pairs, existing, eligibility, catalogue, profiles };
    });
    const { basis, enterprises, profiles } = read;
    stats.ms.read = since(t);
    t = performance.now();
    let writing = 0;

    // matches: per enterprise, its stored matches by project (fingerprint, withdrawn)
    const known = new Map<number, Map<number, { f: number; w: boolean }>>();
    for (const x of read.existing) {
      let m = known.get(x.e);
      if (!m) known.set(x.e, (m = new Map()));
      m.set(x.p, { f: x.f, w: x.w });
    }
    const candidatesOf = new Map(read.pairs.map((x) => [x.e, x.ps]));
    const gone: Array<readonly [number, number]> = [];
    let batch: MatchRow[] = [];
    let pending: Promise<void> | undefined;
    for (const e of enterprises) {
      const mine = known.get(e.id);
      const kept = mine ? new Set<number>() : undefined;
      for (const pid of candidatesOf.get(e.id) ?? []) {
        const profile = profiles.get(pid);
        if (!profile) continue;
        stats.candidates++;
        const ev = profile.evaluate(e);
        if (!isMatch(ev, this.scoring)) continue;
        stats.matches++;
        kept?.add(pid);
        const old = mine?.get(pid);
        if (old && old.f === ev.fingerprint && !old.w) continue;
        batch.push(matchRow(profile, ev, e.id, pid));
        if (batch.length >= WRITE) {
          const w = performance.now();
          await pending;
          writing += performance.now() - w;
          pending = this.writeMatches(batch, basis, stats);
          batch = [];
        }
      }
      if (mine) for (const [pid, x] of mine) if (!x.w && !kept!.has(pid)) gone.push([e.id, pid]);
    }
    stats.ms.score = Math.round(since(t) - writing);
    t = performance.now();
    await pending;
    await this.writeMatches(batch, basis, stats);
    stats.withdrawn = await withdrawMatches(this.dataSource.manager, gone, basis);
    stats.ms.write = Math.round(since(t) + writing);

    // stored incentive eligibility
    t = performance.now();
    await this.refreshEligibility(enterprises, read.catalogue, read.eligibility, basis, ctx, stats);
    stats.ms.eligibility = since(t);
    return stats;
  }

  private async refreshEligibility(
    enterprises: MatchEnterprise[],
    catalogue: IncentiveCatalogue,
    existing: ExistingEligibility[],
    basis: string,
    ctx: ScoringContext,
    stats: MatchStats,
  ): Promise<void> {
    const known = new Map(existing.map((x) => [`${x.e}:${x.i}`, x]));
    const computed = new Set<string>();
    const changed: EligibilityRow[] = [];
    for (const e of enterprises) {
      for (const row of evaluateStored(e, catalogue.applicable(e), ctx)) {
        const key = `${row.enterpriseId}:${row.incentiveId}`;
        computed.add(key);
        if (known.get(key)?.f !== row.fingerprint) changed.push(row);
      }
    }
    await this.writeEligibility(changed, basis, stats);
    const gone = existing.filter((x) => x.s !== 'not_eligible' && !computed.has(`${x.e}:${x.i}`)).map((x) => [x.e, x.i] as const);
    if (gone.length) stats.eligibilityWritten += await removeEligibility(this.dataSource.manager, gone, basis);
  }

  private async writeEligibility(rows: EligibilityRow[], basis: string, stats: MatchStats): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE) {
      const s = await this.write((m) => upsertEligibility(m, rows.slice(i, i + WRITE), basis));
      stats.eligibilityWritten += s.written;
      stats.eligibilityEvents += s.events;
    }
  }

  /** The in-memory candidate index of published projects, reloaded when the project table changed (inside the caller's snapshot). */
  private async projectsIndex(q: QueryRunner): Promise<ProjectIndex> {
    const [{ stamp }] = await q.query(PROJECT_INDEX_STAMP_SQL);
    const current = this.projectIndex;
    if (current && current.stamp === stamp) return current;
    const index = new ProjectIndex(stamp, await q.query(PROJECT_INDEX_SQL));
    this.projectIndex = index;
    return index;
  }

  /** Compiled projects for enterprise-side matching, cached per process while their inputs are unchanged. */
  private async compiledProjects(q: QueryRunner, ids: number[], ctx: ScoringContext): Promise<Map<number, ProjectProfile>> {
    const out = new Map<number, ProjectProfile>();
    if (!ids.length) return out;
    const [{ v }] = await q.query(
      `SELECT (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM incentive) || '|' ||
              (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM policy) AS v`,
    );
    const stamp = `${v}|${ctx.today}|${ctx.chains?.version ?? ''}`;
    if (stamp !== this.profilesStamp || this.profiles.size > PROFILE_CACHE_MAX) {
      this.profiles.clear();
      this.profilesStamp = stamp;
    }
    const versions: Array<{ id: number; v: string }> = await q.query(
      `SELECT p.id, p.updated_at::text || '/' || coalesce((SELECT string_agg(incentive_id::text, ',' ORDER BY incentive_id) FROM project_incentive pi WHERE pi.project_id = p.id), '') AS v
       FROM project p WHERE p.id = ANY($1::int[])`,
      [ids],
    );
    const stale: number[] = [];
    for (const { id, v: version } of versions) {
      const hit = this.profiles.get(id);
      if (hit?.version === version) out.set(id, hit.profile);
      else stale.push(id);
    }
    if (stale.length) {
      const rows: Array<ProjectRow & { incentive_ids: string }> = await q.query(
        `SELECT ${PROJECT_COLUMNS}, coalesce((SELECT string_agg(incentive_id::text, ',' ORDER BY incentive_id) FROM project_incentive pi WHERE pi.project_id = p.id), '') AS incentive_ids
         FROM project p WHERE p.id = ANY($1::int[])`,
        [stale],
      );
      const incentives: IncentiveRow[] = await q.query(PROJECT_INCENTIVES_SQL, [stale]);
      const byProject = new Map<number, IncentiveRow[]>();
      for (const i of incentives) byProject.set(i.project_id!, [...(byProject.get(i.project_id!) ?? []), i]);
      for (const r of rows) {
        const profile = new ProjectProfile(toMatchProject(r, (byProject.get(r.id) ?? []).map(toMatchIncentive)), ctx, {
          renderMemo: false,
        });
        this.profiles.set(r.id, { version: `${r.version}/${r.incentive_ids}`, profile });
        out.set(r.id, profile);
      }
    }
    return out;
  }

  // ─── incentives and policies ────────────────────────────────────────────────────────────

  /**
   * An incentive changed (or its policy did): re-evaluates stored eligibility for it over the
   * enterprises the SQL twin of the evaluator selects, and returns the projects it is attached
   * to (their matches' incentive factor — and so their scores and thresholds — change).
   */
  async incentiveChanged(incentiveId: number): Promise<{ stats: MatchStats; projectIds: number[] }> {
    const stats = emptyStats();
    const ctx = this.context();
    const projectIds = await this.snapshot(async (q, basis) => {
      const [inc]: Array<IncentiveRow & { published: boolean }> = await q.query(
        `SELECT i.id, i.title, i.conditions, i.granted_without_application, pol.region_code, pol.valid_from::text AS valid_from,
                pol.valid_to::text AS valid_to, pol.status = 'published' AS published
         FROM incentive i JOIN policy pol ON pol.id = i.policy_id WHERE i.id = $1`,
        [incentiveId],
      );
      const existing: ExistingEligibility[] = await q.query(
        `SELECT enterprise_id AS e, incentive_id AS i, fingerprint AS f, status AS s FROM enterprise_incentive WHERE incentive_id = $1`,
        [incentiveId],
      );
      const computed = new Set<number>();
      if (inc?.published) {
        const catalogue = IncentiveCatalogue.fromRows([inc], ctx.regions);
        const incentive = catalogue.incentives[0];
        const inForce = incentive.policy.validFrom <= ctx.today && (!incentive.policy.validTo || incentive.policy.validTo >= ctx.today);
        if (inForce) {
          const known = new Map(existing.map((x) => [x.e, x]));
          const sql = eligibilitySql(incentive.conditions, incentive.policy.regionCode, ctx.regions, ctx.today);
          const [query, params] = enterpriseQuery(this.dataSource.manager)
            .select('e.id')
            .where(sql.possible, sql.params)
            .getQueryAndParameters();
          const select = query.replace(/^SELECT .*? FROM/, `SELECT ${FACT_COLUMNS} FROM`);
          await q.query(`DECLARE possible NO SCROLL CURSOR FOR ${select}`, params);
          for (;;) {
            const rows: EnterpriseRow[] = await q.query(`FETCH ${FETCH} FROM possible`);
            if (!rows.length) break;
            const changed: EligibilityRow[] = [];
            for (const r of rows) {
              const e = toMatchEnterprise(r);
              for (const row of evaluateStored(e, [incentive], ctx)) {
                computed.add(e.id);
                if (known.get(e.id)?.f !== row.fingerprint) changed.push(row);
              }
            }
            await this.writeEligibility(changed, basis, stats);
          }
        }
      }
      const gone = existing.filter((x) => x.s !== 'not_eligible' && !computed.has(x.e)).map((x) => [x.e, incentiveId] as const);
      if (gone.length) stats.eligibilityWritten += await removeEligibility(this.dataSource.manager, gone, basis);
      const attached: Array<{ project_id: number }> = await q.query(
        `SELECT project_id FROM project_incentive WHERE incentive_id = $1 ORDER BY project_id`,
        [incentiveId],
      );
      return attached.map((a) => a.project_id);
    });
    return { stats, projectIds };
  }

  /** The incentives of a policy (for policy-level changes). */
  async incentivesOfPolicy(policyId: number): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(`SELECT id FROM incentive WHERE policy_id = $1 ORDER BY id`, [
      policyId,
    ]);
    return rows.map((r) => r.id);
  }

  get logger(): Logger {
    return this.log;
  }
}
