import pg from 'pg';
import { Rng, enterprise, insertEnterprises, insertPolicies, insertProjects, policies, project } from '../../../bench/matching-data.js';
import { FullRematchService } from '../../../src/matching/full-rematch.service.js';
import { MatchingEngine } from '../../../src/matching/matching.engine.js';
import {
  ENTERPRISE_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_INCENTIVES_SQL,
  toMatchEnterprise,
  toMatchIncentive,
  toMatchProject,
} from '../../../src/matching/rows.js';
import { isMatch, ProjectProfile } from '../../../src/matching/scoring/score.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { matchingFixtures, matchRows } from '../../support/matching-fixtures.js';
import { PrivateRedis } from '../../support/redis-server.js';
import { eventually, WorkerProcess } from '../../support/worker-process.js';

/**
 * Faults, with a Redis of this test's own (never the shared one): a change committed while Redis
 * is down is matched once it is back; a worker killed with SIGKILL in the middle of a full
 * re-match — in the middle of a chunk's bulk write — leaves a run that another worker completes
 * with no match missing and none doubled.
 */
describe('matching under faults', () => {
  describe('an enterprise registered while Redis is stopped', () => {
    let redis: PrivateRedis;
    let t: TestApp;

    beforeAll(async () => {
      redis = await PrivateRedis.start();
      t = await startTestApp({ env: { WORKERS: 'true', REDIS_URL: redis.url, MATCHING_SCHEDULE: 'off' } });
    });
    afterAll(async () => {
      await t?.close();
      await redis?.stop();
    });

    it('is matched after Redis is started again', async () => {
      const f = matchingFixtures(t);
      const park = await f.project({
        title: '尉氏县生猪现代农业产业园',
        regionCode: '410223',
        industryCodes: ['A0313'],
        totalInvestmentYuan: 500_000_000,
      });
      await eventually(
        async () => (await t.dataSource.query(`SELECT 1 FROM outbox WHERE dispatched_at IS NULL`)).length === 0,
        30_000,
        'the project trigger to be dispatched',
      );

      await redis.stop();
      const farm = await f.enterprise({ industryCodes: ['A0313'], homeRegionCode: '410221', targetRegionCodes: ['410200'] });
      // committed, kept in the outbox, not matched
      await new Promise((r) => setTimeout(r, 3000));
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL AND payload->>'enterpriseId' = $1`,
        [String(farm)],
      );
      expect(n).toBe(1);
      expect(await matchRows(t.dataSource, 'enterprise_id = $1', [farm])).toEqual([]);

      await redis.start();
      const rows = await eventually(
        async () => {
          const r = await matchRows(t.dataSource, 'enterprise_id = $1', [farm]);
          return r.length ? r : null;
        },
        60_000,
        'the match after Redis came back',
      );
      expect(rows.map((r: { project_id: number }) => r.project_id)).toEqual([park]);
    }, 120_000);
  });

  describe('a worker killed (SIGKILL) in the middle of a full re-match', () => {
    let redis: PrivateRedis;
    let t: TestApp;
    let db: pg.Client;
    const workers: WorkerProcess[] = [];

    beforeAll(async () => {
      redis = await PrivateRedis.start();
      t = await startTestApp({ env: { REDIS_URL: redis.url, MATCHING_CHUNK_SIZE: '200', MATCHING_SCHEDULE: 'off' } });
      db = new pg.Client({ connectionString: t.db.url });
      await db.connect();
      const rng = new Rng(11);
      const incentives = await insertPolicies(db, policies(rng));
      await insertProjects(
        db,
        rng,
        Array.from({ length: 300 }, (_, i) => project(rng, i)),
        incentives,
      );
      await insertEnterprises(
        db,
        Array.from({ length: 2400 }, (_, i) => enterprise(rng, i)),
      );
      await db.query('ANALYZE');
    }, 120_000);
    afterAll(async () => {
      for (const w of workers) await w.kill('SIGKILL');
      await db?.end();
      await t?.close();
      await redis?.stop();
    });

    const workerEnv = () => ({
      DATABASE_URL: t.db.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      MATCHING_FULL_CONCURRENCY: '1',
      MATCHING_LOCK_MS: '3000',
      MATCHING_SCHEDULE: 'off',
      LOG_LEVEL: 'info',
    });

    it('completes after a restart with no missing and no duplicate matches', async () => {
      const first = await WorkerProcess.start(workerEnv());
      workers.push(first);
      const { run } = await t.get(FullRematchService).request(null);

      // kill it in the middle of a chunk's bulk write, some chunks already done: the test holds a
      // lock that lets the worker read but not write the match table, and kills it once its
      // upsert statement is waiting on that lock (sent, not committed)
      await eventually(
        async () => {
          const [r] = (await db.query(`SELECT chunks_done FROM matching_run WHERE id = $1`, [run.id])).rows;
          const running = (await db.query(`SELECT 1 FROM matching_run_chunk WHERE run_id = $1 AND status = 'running'`, [run.id])).rows;
          return r.chunks_done >= 2 && running.length > 0;
        },
        120_000,
        'the run to be under way',
      );
      const locker = new pg.Client({ connectionString: t.db.url });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE match IN SHARE ROW EXCLUSIVE MODE');
      await eventually(
        async () =>
          (
            await db.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO match AS m%'`,
            )
          ).rows.length > 0,
        60_000,
        'a bulk write of the worker to wait on the lock',
      );
      await first.kill('SIGKILL');
      await locker.query('ROLLBACK');
      await locker.end();
      const interrupted = (
        await db.query(`SELECT chunk_no FROM matching_run_chunk WHERE run_id = $1 AND status = 'running'`, [run.id])
      ).rows.map((r) => r.chunk_no);
      const [mid] = (await db.query(`SELECT chunks_done, chunks_total FROM matching_run WHERE id = $1`, [run.id])).rows;
      expect(interrupted.length).toBeGreaterThan(0);
      expect(mid.chunks_done).toBeLessThan(mid.chunks_total);

      const second = await WorkerProcess.start(workerEnv());
      workers.push(second);
      const done = await eventually(
        async () => {
          const [r] = (await db.query(`SELECT status, chunks_done, chunks_total FROM matching_run WHERE id = $1`, [run.id])).rows;
          return r.status === 'completed' ? r : null;
        },
        150_000,
        'the run to complete',
      );
      expect(done.chunks_done).toBe(done.chunks_total);
      const chunks = (
        await db.query(`SELECT chunk_no, status, attempts FROM matching_run_chunk WHERE run_id = $1 ORDER BY chunk_no`, [run.id])
      ).rows;
      expect(chunks.every((c) => c.status === 'done')).toBe(true);
      for (const no of interrupted) expect(chunks.find((c) => c.chunk_no === no).attempts).toBeGreaterThanOrEqual(2);

      // no missing: exactly the matches of scoring every pair
      const engine = t.get(MatchingEngine);
      const ctx = engine.context();
      const enterprises = (await db.query(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e`)).rows.map(toMatchEnterprise);
      const projects = (await db.query(`SELECT ${PROJECT_COLUMNS} FROM project p`)).rows;
      const incs = (await db.query(PROJECT_INCENTIVES_SQL, [projects.map((p) => p.id)])).rows;
      const expected = new Set<string>();
      for (const p of projects) {
        const profile = new ProjectProfile(toMatchProject(p, incs.filter((i) => i.project_id === p.id).map(toMatchIncentive)), ctx);
        for (const e of enterprises) if (isMatch(profile.evaluate(e), engine.scoring)) expected.add(`${e.id}:${p.id}`);
      }
      const stored = (await db.query(`SELECT enterprise_id, project_id FROM match`)).rows.map((r) => `${r.enterprise_id}:${r.project_id}`);
      expect(stored.length).toBe(expected.size);
      expect(new Set(stored)).toEqual(expected);
      // no duplicates: one row and one match.new event per pair
      const [{ events, pairs }] = (
        await db.query(
          `SELECT count(*)::int AS events, count(DISTINCT (enterprise_id, project_id))::int AS pairs FROM notification_event WHERE type = 'match.new'`,
        )
      ).rows;
      expect(events).toBe(expected.size);
      expect(pairs).toBe(expected.size);
    }, 300_000);
  });
});
