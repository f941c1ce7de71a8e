import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../../../src/platform/config/config.js';
import { OutboxRelay } from '../../../src/platform/outbox/outbox-relay.js';
import { OutboxService } from '../../../src/platform/outbox/outbox.service.js';
import { defineJob } from '../../../src/platform/queue/job-definition.js';
import { QueueService } from '../../../src/platform/queue/queue.service.js';
import { redisConnectionOptions } from '../../../src/platform/redis/redis-options.js';
import { createTestDatabase, openDataSource, type TestDatabase } from '../../support/test-db.js';
import { PrivateRedis } from '../../support/redis-server.js';

const Ping = defineJob<{ thingId: number }>({ name: 'test.outbox-ping', queue: 'test-outbox', jobId: (p) => `ping-${p.thingId}` });
const Anonymous = defineJob<{ n: number }>({ name: 'test.outbox-anonymous', queue: 'test-outbox' });

describe('transactional job outbox and its relay', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let redis: PrivateRedis;
  let config: AppConfig;
  let queues: QueueService;
  let relay: OutboxRelay;
  let inspect: Queue;
  const outbox = new OutboxService();

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openDataSource(db.url);
    redis = await PrivateRedis.start();
    config = loadConfig({ DATABASE_URL: db.url, REDIS_URL: redis.url, QUEUE_PREFIX: 'outboxtest', WORKERS: 'false' });
    queues = new QueueService(config);
    relay = new OutboxRelay(config, ds, queues);
    inspect = new Queue('test-outbox', { connection: redisConnectionOptions(redis.url), prefix: 'outboxtest' });
    inspect.on('error', () => undefined); // connection errors while this test stops Redis on purpose
  });
  afterAll(async () => {
    await relay.onApplicationShutdown();
    await inspect.close().catch(() => undefined);
    await queues.onApplicationShutdown();
    await redis.stop();
    await ds.destroy();
    await db.drop();
  });
  beforeEach(async () => {
    await inspect.obliterate({ force: true }).catch(() => undefined);
    await ds.query('DELETE FROM outbox');
  });

  const pending = async () => (await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`))[0].n as number;

  it('dispatches committed rows with their deterministic job ids and payloads', async () => {
    await ds.transaction((m) => outbox.enqueue(m, Ping.request({ thingId: 7 }), Anonymous.request({ n: 1 })));
    expect(await relay.drainOnce()).toBe(2);
    const job = await inspect.getJob('ping-7');
    expect(job?.name).toBe('test.outbox-ping');
    expect(job?.data).toEqual({ thingId: 7 });
    const [{ id }] = await ds.query(`SELECT id FROM outbox WHERE job_name = 'test.outbox-anonymous'`);
    expect((await inspect.getJob(`outbox-${id}`))?.data).toEqual({ n: 1 });
    expect(await pending()).toBe(0);
  });

  it('never dispatches a rolled-back change', async () => {
    await expect(
      ds.transaction(async (m) => {
        await outbox.enqueue(m, Ping.request({ thingId: 8 }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await relay.drainOnce()).toBe(0);
    expect(await inspect.getJob('ping-8')).toBeUndefined();
  });

  it('runs the same job once however often it is requested or relayed', async () => {
    for (let i = 0; i < 3; i++) await ds.transaction((m) => outbox.enqueue(m, Ping.request({ thingId: 9 })));
    expect(await relay.drainOnce()).toBe(3);
    // a crash between the add and the mark means the row is relayed again: still one job
    await ds.query(`UPDATE outbox SET dispatched_at = NULL`);
    expect(await relay.drainOnce()).toBe(3);
    expect(await inspect.getJobCounts('wait', 'delayed', 'active')).toEqual({ wait: 1, delayed: 0, active: 0 });
  });

  it('keeps rows while Redis is down and dispatches them once it is back', async () => {
    await redis.stop();
    await ds.transaction((m) => outbox.enqueue(m, Ping.request({ thingId: 10 }), Ping.request({ thingId: 11 })));
    await expect(relay.drainOnce()).rejects.toThrow();
    expect(await pending()).toBe(2);
    const [{ attempts, last_error }] = await ds.query(`SELECT max(attempts) AS attempts, max(last_error) AS last_error FROM outbox`);
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(last_error).toBeTruthy();
    await redis.start();
    for (
      let i = 0;
      i < 50 &&
      !(await relay
        .drainOnce()
        .then(() => true)
        .catch(() => false));
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    expect(await pending()).toBe(0);
    expect((await inspect.getJob('ping-10'))?.data).toEqual({ thingId: 10 });
    expect((await inspect.getJob('ping-11'))?.data).toEqual({ thingId: 11 });
  });

  it('lets several relays run at once without dispatching a row twice', async () => {
    await ds.transaction(async (m) => {
      for (let i = 0; i < 40; i++) await outbox.enqueue(m, Anonymous.request({ n: i }));
    });
    const other = new OutboxRelay(config, ds, new QueueService(config));
    const [a, b] = await Promise.all([relay.drainOnce(), other.drainOnce()]);
    expect(a + b).toBe(40);
    expect(await inspect.getJobCounts('wait')).toEqual({ wait: 40 });
  });

  it('wakes on NOTIFY when started, without waiting for a poll', async () => {
    relay.start();
    try {
      await new Promise((r) => setTimeout(r, 300)); // LISTEN established
      await ds.transaction((m) => outbox.enqueue(m, Ping.request({ thingId: 12 })));
      let job;
      for (let i = 0; i < 100 && !job; i++) {
        job = await inspect.getJob('ping-12');
        if (!job) await new Promise((r) => setTimeout(r, 20));
      }
      expect(job?.data).toEqual({ thingId: 12 });
    } finally {
      await relay.onApplicationShutdown();
    }
  });
});
