import { Queue } from 'bullmq';
import { FullRematchService } from '../../../src/matching/full-rematch.service.js';
import { matchProjectJob, MATCHING_FULL_QUEUE, MATCHING_QUEUE } from '../../../src/matching/matching.jobs.js';
import { QueueService } from '../../../src/platform/queue/queue.service.js';
import { redisConnectionOptions } from '../../../src/platform/redis/redis-options.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { events, matchingFixtures, matchRows } from '../../support/matching-fixtures.js';
import { eventually } from '../../support/worker-process.js';

/**
 * Matching through the real pipeline inside one process: a change commits an outbox row, the relay
 * hands it to BullMQ, a worker matches; duplicates of a job add nothing; a full re-match runs as a
 * flow of chunks to completion; the nightly run is scheduled.
 */
describe('matching jobs (in-process workers)', () => {
  let t: TestApp;
  let f: ReturnType<typeof matchingFixtures>;
  let inspect: Queue;
  let farm: number;
  let park: number;

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'true', MATCHING_CHUNK_SIZE: '2' } });
    f = matchingFixtures(t);
    inspect = new Queue(MATCHING_QUEUE, { connection: redisConnectionOptions(t.config.REDIS_URL), prefix: t.config.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await inspect?.close();
    await t?.close();
  });

  it('matches a newly registered enterprise against published projects', async () => {
    park = await f.project({
      title: '尉氏县生猪现代农业产业园',
      regionCode: '410223',
      industryCodes: ['A0313', 'C1351'],
      totalInvestmentYuan: 500_000_000,
    });
    farm = await f.enterprise({ industryCodes: ['A0313'], homeRegionCode: '410221', targetRegionCodes: ['410200'] });
    const [m] = await eventually(
      async () => {
        const rows = await matchRows(t.dataSource, 'enterprise_id = $1', [farm]);
        return rows.length ? rows : null;
      },
      30_000,
      'the enterprise job',
    );
    expect(m).toMatchObject({ project_id: park, status: 'new' });
  });

  it('matches a project when it is published', async () => {
    const draft = await f.project(
      { title: '尉氏县生猪屠宰项目', regionCode: '410223', industryCodes: ['C1351'], totalInvestmentYuan: 300_000_000 },
      false,
    );
    const other = await f.enterprise({ industryCodes: ['C1351'], homeRegionCode: '410223', targetRegionCodes: ['410223'] });
    await eventually(
      async () => (await matchRows(t.dataSource, 'enterprise_id = $1', [other])).length > 0,
      30_000,
      'the enterprise matched with the park',
    );
    expect(await matchRows(t.dataSource, 'project_id = $1', [draft])).toEqual([]);
    await t.get(QueueService).add(matchProjectJob.request({ projectId: draft })); // a stray job for a draft writes nothing
    const { ProjectsService } = await import('../../../src/projects/projects.service.js');
    await t.get(ProjectsService).setPublished(draft, true);
    const rows = await eventually(
      async () => {
        const r = await matchRows(t.dataSource, 'project_id = $1', [draft]);
        return r.length ? r : null;
      },
      30_000,
      'the publish job',
    );
    // the pig farm (A0313) is no match for a slaughterhouse (C1351); the slaughter company is
    expect(rows.map((r: { enterprise_id: number }) => r.enterprise_id)).toEqual([other]);
  });

  it('runs the same job once however often it is enqueued, and different jobs for one project write one set of matches', async () => {
    const before = await matchRows(t.dataSource, 'project_id = $1', [park]);
    const newEvents = (await events(t.dataSource, 'match.new')).length;
    const queues = t.get(QueueService);
    const req = matchProjectJob.request({ projectId: park }, { jobId: `dup-test-${park}` });
    await queues.addBulk([req, req]);
    await queues.add(req);
    await queues.add(matchProjectJob.request({ projectId: park }, { jobId: `dup-test-${park}-again` }));
    await eventually(
      async () => {
        const a = await inspect.getJob(`dup-test-${park}`);
        const b = await inspect.getJob(`dup-test-${park}-again`);
        return (await a?.isCompleted()) && (await b?.isCompleted());
      },
      30_000,
      'both jobs',
    );
    const completed = (await inspect.getCompleted()).filter((j) => j.id === `dup-test-${park}`);
    expect(completed).toHaveLength(1);
    expect(await matchRows(t.dataSource, 'project_id = $1', [park])).toEqual(before);
    expect(await events(t.dataSource, 'match.new')).toHaveLength(newEvents);
  });

  it('runs a full re-match as a flow of chunks to completion', async () => {
    const { run } = await t.get(FullRematchService).request(null);
    const done = await eventually(
      async () => {
        const [r] = await t.dataSource.query(
          `SELECT status, chunks_total, chunks_done, enterprises, pairs_scored FROM matching_run WHERE id = $1`,
          [run.id],
        );
        return r.status === 'completed' ? r : null;
      },
      60_000,
      'the run',
    );
    expect(done).toMatchObject({ chunks_total: 1, chunks_done: 1, enterprises: 2 }); // 2 enterprises, chunks of 2
    expect(Number(done.pairs_scored)).toBe(3);
    const chunks = await t.dataSource.query(`SELECT status FROM matching_run_chunk WHERE run_id = $1`, [run.id]);
    expect(chunks).toEqual([{ status: 'done' }]);
  });

  it('schedules the nightly full re-match', async () => {
    const full = new Queue(MATCHING_FULL_QUEUE, { connection: redisConnectionOptions(t.config.REDIS_URL), prefix: t.config.QUEUE_PREFIX });
    try {
      const schedulers = await eventually(
        async () => {
          const s = await full.getJobSchedulers();
          return s.length ? s : null;
        },
        10_000,
        'the scheduler',
      );
      expect(schedulers).toEqual([
        expect.objectContaining({ key: 'matching-nightly', name: 'matching.full', pattern: '0 30 2 * * *', tz: 'Asia/Shanghai' }),
      ]);
    } finally {
      await full.close();
    }
  });
});
