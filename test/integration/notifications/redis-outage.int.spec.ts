import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertEnterprise, insertEvent, insertMatch, insertProject } from '../../support/notification-fixtures.js';
import { PrivateRedis } from '../../support/redis-server.js';
import { SmtpSink } from '../../support/smtp-sink.js';

const N = 20;

describe('notifications: Redis down while matches are committed', () => {
  let sink: SmtpSink;
  let redis: PrivateRedis;
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    redis = await PrivateRedis.start();
    t = await startTestApp({
      env: { WORKERS: 'true', REDIS_URL: redis.url, SMTP_URL: sink.url, MAIL_RATE_PER_SECOND: '1000', MAIL_RESCUE_AFTER_MS: '2000' },
    });
    ds = t.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
    await sink?.close();
  });

  it('sends every notification once Redis is back (an empty Redis: nothing of the queue survived)', async () => {
    await redis.stop();

    // matches and their events committed while Redis is down
    const keys: string[] = [];
    for (let i = 0; i < N; i++) {
      const e = await insertEnterprise(ds, { email: `outage-${i}@example.com`, frequency: 'instant' });
      const p = await insertProject(ds, { title: `断线测试项目 ${i}` });
      await ds.transaction(async (m) => {
        const id = await insertMatch(m, e, p, { score: 70 });
        await insertEvent(m, 'match.new', { enterpriseId: e, projectId: p, matchId: id, score: 70 });
      });
      keys.push(`e:${e}`);
    }
    // the event processor needs only PostgreSQL: the messages are written and wait in the outbox
    for (let i = 0; i < 400; i++) {
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM notification WHERE dedupe_key LIKE 'digest:e:%' AND recipient_enterprise_id = ANY ($1)`,
        [keys.map((k) => Number(k.slice(2)))],
      );
      if (n === N) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const waiting = await ds.query(
      `SELECT status, count(*)::int AS n FROM notification WHERE recipient_enterprise_id = ANY ($1) GROUP BY 1`,
      [keys.map((k) => Number(k.slice(2)))],
    );
    expect(waiting).toEqual([{ status: 'pending', n: N }]);
    const [{ n: undispatched }] = await ds.query(
      `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL AND job_name = 'notifications.send'`,
    );
    expect(undispatched).toBeGreaterThanOrEqual(N);
    expect(sink.received.filter((m) => m.to[0].startsWith('outage-'))).toHaveLength(0);

    await redis.start();
    await sink.waitFor((r) => r.filter((m) => m.to[0].startsWith('outage-')).length >= N, 60_000, 'the mail held back by the outage');
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM notification WHERE recipient_enterprise_id = ANY ($1) AND status = 'sent'`,
        [keys.map((k) => Number(k.slice(2)))],
      );
      if (n === N) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const got = sink.received.filter((m) => m.to[0].startsWith('outage-'));
    expect(got).toHaveLength(N);
    expect(new Set(got.map((m) => m.to[0])).size).toBe(N);
    const done = await ds.query(`SELECT status, count(*)::int AS n FROM notification WHERE recipient_enterprise_id = ANY ($1) GROUP BY 1`, [
      keys.map((k) => Number(k.slice(2))),
    ]);
    expect(done).toEqual([{ status: 'sent', n: N }]);
  }, 120_000);
});
