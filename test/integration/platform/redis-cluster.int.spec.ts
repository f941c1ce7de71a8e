import { Queue } from 'bullmq';
import { Cluster } from 'ioredis';
import pg from 'pg';
import { enterprise, insertEnterprises, insertPolicies, insertProjects, policies, project, Rng } from '../../../bench/matching-data.js';
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
import { QueueService } from '../../../src/platform/queue/queue.service.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { matchingFixtures } from '../../support/matching-fixtures.js';
import { keySlot, PrivateRedisCluster } from '../../support/redis-cluster.js';
import { eventually } from '../../support/worker-process.js';
import { SmtpSink } from '../../support/smtp-sink.js';

/**
 * The platform on a Redis Cluster of three masters of this test's own (REDIS_CLUSTER_NODES):
 * the queue prefix becomes a hash tag, so BullMQ's multi-key scripts and the full re-match's flow
 * (a parent and its chunk children) stay in one slot; outbox → BullMQ → matching → notification
 * events → mail runs through it; and the master serving that slot, killed and started again in the
 * middle of a full re-match, loses nothing: the run completes with exactly the matches of scoring
 * every pair, none missing, none doubled.
 */
describe('BullMQ on a Redis Cluster', () => {
  let cluster: PrivateRedisCluster;
  let sink: SmtpSink;
  let t: TestApp;
  let db: pg.Client;

  beforeAll(async () => {
    cluster = await PrivateRedisCluster.start(3);
    sink = await SmtpSink.start();
    t = await startTestApp({
      env: {
        WORKERS: 'true',
        REDIS_CLUSTER_NODES: cluster.nodes,
        SMTP_URL: sink.url,
        MAIL_RATE_PER_SECOND: '1000',
        MATCHING_SCHEDULE: 'off',
        MATCHING_CHUNK_SIZE: '150',
        MATCHING_LOCK_MS: '5000',
        MATCHING_FULL_CONCURRENCY: '1',
      },
    });
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await t?.close();
    await sink?.close();
    await cluster?.stop();
  }, 180_000); // the workers finish what they hold first (slow on a loaded machine)

  it('needs the hash tag: an untagged prefix cannot even add a job on a cluster, the configured one is tagged', async () => {
    const client = new Cluster(
      cluster.ports.map((port) => ({ host: '127.0.0.1', port })),
      { redisOptions: { maxRetriesPerRequest: null } },
    );
    const q = new Queue('probe', { connection: client, prefix: 'untagged' });
    try {
      await expect(q.add('probe', {})).rejects.toThrow(/CROSSSLOT|same slot/i);
    } finally {
      await q.close();
      client.disconnect();
    }
    expect(t.get(QueueService).prefix).toBe(`{${t.config.QUEUE_PREFIX}}`);
  });

  it('outbox → BullMQ → matching → notification events → mail, every queue key in the one slot of the tag', async () => {
    const f = matchingFixtures(t);
    const farm = await f.enterprise({
      name: '河南牧丰农牧科技有限公司',
      industryCodes: ['A0313', 'C1351'],
      homeRegionCode: '410221',
      targetRegionCodes: ['410200'],
      investmentMinYuan: 100_000_000,
      investmentMaxYuan: 1_000_000_000,
      contacts: [{ name: '王经理', email: 'wang.cluster@example.com' }],
      notificationFrequency: 'instant',
    });
    // published through the service: its trigger goes outbox → relay → the cluster → a matching worker
    const park = await f.project({
      title: '尉氏县生猪现代农业产业园',
      regionCode: '410223',
      industryCodes: ['A0313', 'C1351'],
      totalInvestmentYuan: 800_000_000,
    });
    const [match] = await eventually(
      async () => {
        const rows = (await db.query(`SELECT id FROM match WHERE enterprise_id = $1 AND project_id = $2`, [farm, park])).rows;
        return rows.length ? rows : null;
      },
      60_000,
      'the match written by a worker fed from the cluster',
    );
    await eventually(
      async () =>
        (
          await db.query(`SELECT 1 FROM notification_event WHERE enterprise_id = $1 AND type = 'match.new' AND processed_at IS NOT NULL`, [
            farm,
          ])
        ).rowCount,
      30_000,
      'the match.new event processed',
    );
    await sink.waitFor(
      (r) => r.some((m) => m.to.includes('wang.cluster@example.com')),
      60_000,
      'the instant match mail (mail queue on the cluster)',
    );
    const mail = sink.received.find((m) => m.to.includes('wang.cluster@example.com'))!;
    expect(mail.html).toContain(`/portal/matches/${match.id}`);

    const prefix = t.get(QueueService).prefix;
    const owner = await cluster.ownerOf(keySlot(prefix));
    const keys = await cluster.keysOn(owner, `${prefix}:*`);
    expect(keys.some((k) => k.startsWith(`${prefix}:matching:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${prefix}:mail`))).toBe(true);
    for (const other of cluster.ports.filter((p) => p !== owner)) expect(await cluster.keysOn(other, `${prefix}:*`)).toEqual([]);
  }, 120_000);

  it('a full re-match completes exactly when the master holding the queues is killed and started again mid-run', async () => {
    await db.query(
      `TRUNCATE match, notification_event, enterprise_incentive, matching_run_chunk, matching_run, project_incentive, project, incentive, policy, enterprise CASCADE`,
    );
    const rng = new Rng(13);
    const incentives = await insertPolicies(db, policies(rng));
    await insertProjects(
      db,
      rng,
      Array.from({ length: 200 }, (_, i) => project(rng, i)),
      incentives,
    );
    await insertEnterprises(
      db,
      Array.from({ length: 1500 }, (_, i) => enterprise(rng, i)),
    );
    await db.query('ANALYZE');

    const { run } = await t.get(FullRematchService).request(null);
    await eventually(
      async () => (await db.query(`SELECT chunks_done FROM matching_run WHERE id = $1`, [run.id])).rows[0].chunks_done >= 2,
      120_000,
      'the run to be under way',
    );
    const owner = await cluster.ownerOf(keySlot(t.get(QueueService).prefix));
    await cluster.killNode(owner);
    const [mid] = (await db.query(`SELECT chunks_done, chunks_total FROM matching_run WHERE id = $1`, [run.id])).rows;
    expect(mid.chunks_done).toBeLessThan(mid.chunks_total);
    await new Promise((r) => setTimeout(r, 1500));
    await cluster.startNode(owner);
    await cluster.waitHealthy();

    const done = await eventually(
      async () => {
        const [r] = (await db.query(`SELECT status, chunks_done, chunks_total FROM matching_run WHERE id = $1`, [run.id])).rows;
        return r.status === 'completed' || r.status === 'failed' ? r : null;
      },
      240_000,
      'the run to complete after the restart',
    );
    expect(done.status).toBe('completed');
    expect(done.chunks_done).toBe(done.chunks_total);

    // exactly the matches of scoring every pair
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
    expect(expected.size).toBeGreaterThan(100);
    const stored = (await db.query(`SELECT enterprise_id, project_id FROM match`)).rows.map((r) => `${r.enterprise_id}:${r.project_id}`);
    expect(stored.length).toBe(expected.size);
    expect(new Set(stored)).toEqual(expected);
    const [{ events, pairs }] = (
      await db.query(
        `SELECT count(*)::int AS events, count(DISTINCT (enterprise_id, project_id))::int AS pairs FROM notification_event WHERE type = 'match.new'`,
      )
    ).rows;
    expect(events).toBe(expected.size);
    expect(pairs).toBe(expected.size);
  }, 400_000);
});
