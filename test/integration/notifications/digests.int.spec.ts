import { DataSource } from 'typeorm';
import { UsersService } from '../../../src/accounts/users.service.js';
import { DigestBuilder } from '../../../src/notifications/digest-builder.js';
import { NotificationEventProcessor } from '../../../src/notifications/notification-events.processor.js';
import { NotificationSender } from '../../../src/notifications/notification-sender.js';
import { FakeClock } from '../../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertEnterprise, insertEvent, insertIncentive, insertMatch, insertProject } from '../../support/notification-fixtures.js';
import { rawHeader, SmtpSink } from '../../support/smtp-sink.js';

// Monday 2026-01-05 10:00 Asia/Shanghai — after that day's 08:00 digest
const MONDAY_10 = '2026-01-05T02:00:00Z';
const TUESDAY_08 = '2026-01-06T00:00:00Z';

describe('notifications: match events → digests → e-mail', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  const clock = new FakeClock(new Date(MONDAY_10));

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ clock, env: { SMTP_URL: sink.url, PUBLIC_BASE_URL: 'https://zhaoshang.example.gov.cn', DIGEST_HOUR: '8' } });
    ds = t.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });
  beforeEach(() => clock.set(MONDAY_10));

  const drain = () => t.get(NotificationEventProcessor).drain();
  const buildDue = () => t.get(DigestBuilder).buildDue();
  const notificationsFor = (where: string, params: unknown[]) =>
    ds.query(`SELECT id, template, status, data, dedupe_key, last_error FROM notification WHERE ${where} ORDER BY id`, params);
  async function sendAll(ids: number[]) {
    for (const id of ids) await t.get(NotificationSender).send(id);
  }
  const mailTo = (address: string) => sink.received.filter((m) => m.to.includes(address));

  it('collects a daily digest and sends it at the configured hour: scores, reasons, incentives, portal links, unsubscribe headers', async () => {
    const email = 'daily@example.com';
    const e = await insertEnterprise(ds, { email, name: '河南牧丰农牧科技有限公司', frequency: 'daily' });
    const inc = await insertIncentive(ds, { title: '项目审批绿色通道', granted: true });
    const p1 = await insertProject(ds, { title: '尉氏县生猪现代农业产业园' });
    const p2 = await insertProject(ds, { title: '开封市冷链物流园', region: '410200' });
    const m1 = await insertMatch(ds, e, p1, { score: 86, incentiveIds: [inc] });
    const m2 = await insertMatch(ds, e, p2, { score: 64 });
    await insertEvent(ds, 'match.new', { enterpriseId: e, projectId: p1, matchId: m1, score: 86 });
    await insertEvent(ds, 'match.new', { enterpriseId: e, projectId: p2, matchId: m2, score: 64 });
    await insertEvent(ds, 'incentive.granted', { enterpriseId: e, incentiveId: inc });

    await drain();
    await buildDue();
    expect(await notificationsFor('recipient_enterprise_id = $1', [e])).toEqual([]); // not before Tuesday 08:00

    clock.set(TUESDAY_08);
    expect(await buildDue()).toBeGreaterThanOrEqual(1);
    const rows = await notificationsFor('recipient_enterprise_id = $1', [e]);
    expect(rows).toHaveLength(1);
    expect(rows[0].template).toBe('match-digest');
    expect(rows[0].data.matches.map((m: { id: number }) => m.id)).toEqual([m1, m2]); // best first
    expect(await buildDue()).toBe(0); // nothing left: never an empty digest

    await sendAll([Number(rows[0].id)]);
    const [mail] = mailTo(email);
    expect(mail.subject).toBe('每日匹配汇总：2 个招商项目，1 项免申即享政策');
    expect(mail.html).toContain('尉氏县生猪现代农业产业园');
    expect(mail.html).toContain('开封市冷链物流园');
    expect(mail.html).toContain('<strong style="color:#b42318;font-size:18px;">86</strong> 分');
    expect(mail.html).toContain('行业：同为「A0313 猪的饲养」');
    expect(mail.html).toContain('项目审批绿色通道（审批绿色通道，免申即享）');
    expect(mail.html).toContain(`https://zhaoshang.example.gov.cn/portal/matches/${m1}`);
    expect(mail.html).toContain('name="viewport"');
    expect(mail.text).toContain(`详情：https://zhaoshang.example.gov.cn/portal/matches/${m2}`);
    expect(mail.text).toContain('总投资 5 亿元');
    expect(rawHeader(mail, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/zhaoshang\.example\.gov\.cn\/notifications\/unsubscribe\?token=[\w-]+\.[\w-]+>$/,
    );
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const [match] = await ds.query(`SELECT status, notified_score FROM match WHERE id = $1`, [m1]);
    expect(match).toEqual({ status: 'notified', notified_score: 86 });
  });

  it('sends instantly to an enterprise that asked for it, in English when it chose English', async () => {
    const email = 'instant-en@example.com';
    const e = await insertEnterprise(ds, { email, frequency: 'instant', language: 'en', name: 'Henan Mufeng Agri-Tech' });
    const p = await insertProject(ds, { title: '洛阳智能制造产业园', region: '410300' });
    const m = await insertMatch(ds, e, p, { score: 77 });
    await insertEvent(ds, 'match.new', { enterpriseId: e, projectId: p, matchId: m, score: 77 });
    await drain();
    const rows = await notificationsFor('recipient_enterprise_id = $1', [e]);
    expect(rows).toHaveLength(1);
    await sendAll([Number(rows[0].id)]);
    const [mail] = mailTo(email);
    expect(mail.subject).toBe('New project match: 洛阳智能制造产业园');
    expect(mail.text).toContain('Match score 77/100');
  });

  it('escapes every user-supplied value in the HTML part', async () => {
    const email = 'xss@example.com';
    const evil = '<script>alert(1)</script>';
    const e = await insertEnterprise(ds, { email, frequency: 'instant', name: evil });
    const p = await insertProject(ds, { title: `项目"><img src=x onerror=alert(2)>` });
    const m = await insertMatch(ds, e, p, { score: 70 });
    await insertEvent(ds, 'match.new', { enterpriseId: e, projectId: p, matchId: m, score: 70 });
    await drain();
    const [row] = await notificationsFor('recipient_enterprise_id = $1', [e]);
    await sendAll([Number(row.id)]);
    const [mail] = mailTo(email);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script');
    expect(mail.html).toContain('项目&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(mail.html).not.toContain('<img');
    expect(mail.text).toContain(evil); // plain text is not HTML
  });

  it('concurrent events for one recipient make one digest that lists each match once', async () => {
    const email = 'concurrent@example.com';
    const e = await insertEnterprise(ds, { email, frequency: 'daily' });
    const matches: Array<{ p: number; m: number }> = [];
    for (let i = 0; i < 20; i++) {
      const p = await insertProject(ds, { title: `并发测试项目 ${i}` });
      matches.push({ p, m: await insertMatch(ds, e, p, { score: 60 + i }) });
    }
    // every match announced as new, half of them improved too, from 10 concurrent transactions …
    const writers = Array.from({ length: 10 }, (_, w) =>
      ds.transaction(async (tx) => {
        for (const [i, x] of matches.entries()) {
          if (i % 10 !== w) continue;
          await insertEvent(tx, 'match.new', { enterpriseId: e, projectId: x.p, matchId: x.m, score: 60 + i });
          if (i % 2) await insertEvent(tx, 'match.improved', { enterpriseId: e, projectId: x.p, matchId: x.m, score: 75 + i });
        }
      }),
    );
    // … processed by three processors at once, while the writers are still writing
    await Promise.all([...writers, drain(), drain(), drain()]);
    await Promise.all([drain(), drain(), drain()]);
    clock.set(TUESDAY_08);
    await Promise.all([buildDue(), buildDue(), buildDue()]);

    const rows = await notificationsFor('recipient_enterprise_id = $1', [e]);
    expect(rows).toHaveLength(1);
    const ids = rows[0].data.matches.map((m: { id: number }) => m.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    expect([...ids].sort((a: number, b: number) => a - b)).toEqual(matches.map((x) => x.m).sort((a, b) => a - b));
    await sendAll([Number(rows[0].id)]);
    const [mail] = mailTo(email);
    for (let i = 0; i < 20; i++) expect(mail.text.split(`. 并发测试项目 ${i}\n`).length - 1).toBe(1);
  });

  it('drops dismissed and withdrawn matches and sends nothing when nothing is left', async () => {
    const e = await insertEnterprise(ds, { email: 'dismissed@example.com', frequency: 'instant' });
    const p = await insertProject(ds);
    const p2 = await insertProject(ds, { title: '已关闭的项目' });
    const m = await insertMatch(ds, e, p, { score: 70 });
    const m2 = await insertMatch(ds, e, p2, { score: 75 });
    await ds.query(`UPDATE match SET status = 'dismissed' WHERE id = $1`, [m]);
    await ds.query(`UPDATE match SET withdrawn_at = now() WHERE id = $1`, [m2]);
    await insertEvent(ds, 'match.new', { enterpriseId: e, projectId: p, matchId: m, score: 70 });
    await insertEvent(ds, 'match.improved', { enterpriseId: e, projectId: p2, matchId: m2, score: 75 });
    await drain();
    expect(await notificationsFor('recipient_enterprise_id = $1', [e])).toEqual([]);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM notification_item WHERE enterprise_id = $1`, [e]);
    expect(n).toBe(0);
  });

  it("addresses an enterprise's accounts when it has any, each with its own preference", async () => {
    const e = await insertEnterprise(ds, { email: 'contact-only@example.com', frequency: 'instant' });
    const users = t.get(UsersService);
    const u = await users.createUser(
      { email: 'boss@example.com', name: '王总', role: 'enterprise', password: 'Correct-Horse-9', bureauId: null, enterpriseId: e },
      undefined,
      { emailVerified: true },
    );
    await ds.query(`INSERT INTO notification_preference (user_id, match_frequency) VALUES ($1, 'weekly')`, [u.id]);
    const p = await insertProject(ds);
    const m = await insertMatch(ds, e, p, { score: 70 });
    await insertEvent(ds, 'match.new', { enterpriseId: e, projectId: p, matchId: m, score: 70 });
    await drain();
    expect(await notificationsFor('recipient_user_id = $1 OR recipient_enterprise_id = $2', [u.id, e])).toEqual([]); // weekly, not instant
    clock.set('2026-01-12T00:00:00Z'); // next Monday 08:00
    await buildDue();
    const rows = await notificationsFor('recipient_user_id = $1 OR recipient_enterprise_id = $2', [u.id, e]);
    expect(rows).toHaveLength(1);
    await sendAll([Number(rows[0].id)]);
    const [mail] = mailTo('boss@example.com');
    expect(mail.subject).toBe('每周匹配汇总：1 个招商项目');
    expect(mail.html).toContain('王总，您好');
    expect(mailTo('contact-only@example.com')).toHaveLength(0);
  });

  it('alerts the officers whose region covers the project: high-score matches and interested enterprises', async () => {
    const users = t.get(UsersService);
    const kaifeng = await users.createBureau({ name: '开封市投资促进局', regionCode: '410200', idleLimitDays: 14 });
    const luoyang = await users.createBureau({ name: '洛阳市投资促进局', regionCode: '410300', idleLimitDays: 14 });
    const inRegion = await users.createUser(
      {
        email: 'officer.kf@example.com',
        name: '陈专员',
        role: 'officer',
        password: 'Correct-Horse-9',
        bureauId: kaifeng.id,
        enterpriseId: null,
      },
      undefined,
      { emailVerified: true },
    );
    await users.createUser(
      {
        email: 'officer.ly@example.com',
        name: '何专员',
        role: 'officer',
        password: 'Correct-Horse-9',
        bureauId: luoyang.id,
        enterpriseId: null,
      },
      undefined,
      { emailVerified: true },
    );
    const e = await insertEnterprise(ds, { name: '郑州航空物流有限公司', frequency: 'off' });
    const high = await insertProject(ds, { title: '尉氏县纺织服装产业园' });
    const low = await insertProject(ds, { title: '尉氏县食品加工园' });
    const mh = await insertMatch(ds, e, high, { score: 88 });
    const ml = await insertMatch(ds, e, low, { score: 61 });
    await insertEvent(ds, 'match.new', { enterpriseId: e, projectId: high, matchId: mh, score: 88 });
    await insertEvent(ds, 'match.new', { enterpriseId: e, projectId: low, matchId: ml, score: 61 });
    await insertEvent(ds, 'match.interested', { enterpriseId: e, projectId: low, matchId: ml, score: 61 });
    await drain();

    const rows = await notificationsFor('recipient_user_id = $1', [inRegion.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].template).toBe('officer-digest');
    await sendAll([Number(rows[0].id)]);
    const [mail] = mailTo('officer.kf@example.com');
    expect(mail.subject).toBe('河南省开封市招商动态：1 家企业表示感兴趣，1 个高匹配度新匹配');
    expect(mail.text).toContain('郑州航空物流有限公司 对「尉氏县食品加工园」表示感兴趣');
    expect(mail.text).toContain('郑州航空物流有限公司 × 尉氏县纺织服装产业园');
    expect(mail.text).not.toContain('× 尉氏县食品加工园'); // 61 < OFFICER_ALERT_MIN_SCORE
    expect(mailTo('officer.ly@example.com')).toHaveLength(0);
    // the enterprise turned match mail off: its items were dropped, nothing queued for it
    await buildDue();
    expect(await notificationsFor('recipient_enterprise_id = $1', [e])).toEqual([]);
  });

  it('checks preferences when sending, not when enqueueing', async () => {
    const email = 'changed-mind@example.com';
    const e = await insertEnterprise(ds, { email, frequency: 'instant' });
    const p = await insertProject(ds);
    const m = await insertMatch(ds, e, p, { score: 70 });
    await insertEvent(ds, 'match.new', { enterpriseId: e, projectId: p, matchId: m, score: 70 });
    await drain();
    const [row] = await notificationsFor('recipient_enterprise_id = $1', [e]);
    await ds.query(`UPDATE enterprise SET notification_frequency = 'off' WHERE id = $1`, [e]);
    await sendAll([Number(row.id)]);
    const [after] = await notificationsFor('id = $1', [row.id]);
    expect(after.status).toBe('skipped');
    expect(after.last_error).toBe('收件人已退订此类邮件');
    expect(mailTo(email)).toHaveLength(0);
  });
});
