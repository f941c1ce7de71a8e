import { LEADS_QUEUE, REMINDER_SCHEDULER_ID } from '../../../src/leads/leads.jobs.js';
import { LeadRemindersService } from '../../../src/leads/reminders.service.js';
import { renderMessage } from '../../../src/notifications/templates/registry.js';
import { FakeClock } from '../../../src/platform/clock/clock.js';
import { QueueService } from '../../../src/platform/queue/queue.service.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';
import { SmtpSink } from '../../support/smtp-sink.js';
import { leadFixtures } from '../../support/lead-fixtures.js';

const DAY = 24 * 3600_000;

/**
 * Reminders with a controllable clock: a follow-up due today, a lead idle longer than its bureau's
 * limit, a daily summary per officer — written through the notification pipeline (category
 * reminder), idempotent per day, and delivered as Chinese e-mail by the real sender.
 */
describe('lead reminders', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let fx: ReturnType<typeof leadFixtures>;
  let weishi: TestActor; // 尉氏县, idle limit 14 days
  let qixian: TestActor; // 杞县, idle limit 7 days
  const clock = new FakeClock(new Date('2026-03-02T02:00:00Z')); // Monday 10:00 in Shanghai
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ clock, env: { WORKERS: 'true', SMTP_URL: smtp.url, MAIL_RETRY_BASE_MS: '100' } });
    fx = leadFixtures(t);
    weishi = await actor(t, 'officer', { region: '410223' });
    qixian = await actor(t, 'officer', { region: '410221' });
    await t.dataSource.query(`UPDATE bureau SET idle_limit_days = 7 WHERE id = $1`, [qixian.bureauId]);

    const lead = async (by: TestActor, region: string, extra: Record<string, unknown> = {}) => {
      const e = await fx.enterprise({ name: `提醒测试企业${Object.keys(ids).length + 1}` });
      const r = await by.call('POST', '/leads', { enterpriseId: e.id, regionCode: region, ...extra });
      expect(r.status).toBe(201);
      return r.body.id as number;
    };
    // created 20 days ago and never touched since
    clock.set(new Date(clock.now().getTime() - 20 * DAY));
    ids.idle = await lead(weishi, '410223');
    ids.lostIdle = await lead(weishi, '410223');
    await weishi.call('POST', `/leads/${ids.lostIdle}/stage`, { stage: 'lost', lostReason: '无意向' });
    clock.set(new Date('2026-02-22T02:00:00Z')); // 8 days ago: past 杞县's 7-day limit, not 尉氏县's 14
    ids.idleShortLimit = await lead(qixian, '410221');
    ids.fresh = await lead(weishi, '410223');
    clock.set(new Date('2026-03-02T02:00:00Z'));
    ids.dueToday = await lead(weishi, '410223', { nextFollowUpOn: '2026-03-02' });
    ids.dueTomorrow = await lead(weishi, '410223', { nextFollowUpOn: '2026-03-03' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const messages = async () =>
    t.dataSource.query(
      `SELECT dedupe_key, template, category, recipient_user_id, data FROM notification WHERE category = 'reminder' ORDER BY id`,
    ) as Promise<Array<{ dedupe_key: string; template: string; category: string; recipient_user_id: number; data: any }>>;

  it("writes today's follow-ups, idle leads (by each bureau's limit) and one summary per officer", async () => {
    const run = await t.get(LeadRemindersService).run();
    expect(run).toMatchObject({ date: '2026-03-02', followUps: 1, idle: 2, summaries: 2, created: 5 });
    const m = await messages();
    expect(m.map((x) => x.dedupe_key).sort()).toEqual(
      [
        `lead-follow-up:${ids.dueToday}:2026-03-02`,
        `lead-idle:${ids.idle}:2026-02-10:1`,
        `lead-idle:${ids.idleShortLimit}:2026-02-22:1`,
        `lead-summary:${weishi.userId}:2026-03-02`,
        `lead-summary:${qixian.userId}:2026-03-02`,
      ].sort(),
    );
    const summary = m.find((x) => x.dedupe_key === `lead-summary:${weishi.userId}:2026-03-02`)!;
    // open: idle, fresh, dueToday, dueTomorrow (the lost one is not open)
    expect(summary.data).toMatchObject({ open: 4, dueToday: 1, overdue: 0, idle: 1, newSinceYesterday: 2 });
    expect(summary.data.leads.map((l: { id: number; reason: string }) => [l.id, l.reason])).toEqual([
      [ids.dueToday, '今日待跟进'],
      [ids.idle, '长期未跟进'],
    ]);
    const idle = m.find((x) => x.template === 'lead.idle' && x.recipient_user_id === weishi.userId)!;
    expect(idle.data).toMatchObject({ limitDays: 14, lead: { id: ids.idle, idleDays: 20 } });
  });

  it('is idempotent on the same day', async () => {
    const again = await t.get(LeadRemindersService).run();
    expect(again.created).toBe(0);
    expect(await messages()).toHaveLength(5);
  });

  it("next day: tomorrow's follow-up and a new summary; an idle spell is not repeated until another limit has passed", async () => {
    clock.advance(DAY);
    const run = await t.get(LeadRemindersService).run();
    expect(run.date).toBe('2026-03-03');
    const keys = (await messages()).map((x) => x.dedupe_key);
    expect(keys).toContain(`lead-follow-up:${ids.dueTomorrow}:2026-03-03`);
    expect(keys).toContain(`lead-summary:${weishi.userId}:2026-03-03`);
    expect(keys.filter((k) => k.startsWith(`lead-idle:${ids.idle}:`))).toHaveLength(1);
    // a week later the 7-day lead has been idle two limits: reminded again; activity ends a spell
    await weishi.call('POST', `/leads/${ids.idle}/activities`, { kind: 'call', summary: '电话回访，企业仍在比选' });
    clock.advance(6 * DAY);
    await t.get(LeadRemindersService).run();
    const later = (await messages()).map((x) => x.dedupe_key);
    expect(later).toContain(`lead-idle:${ids.idleShortLimit}:2026-02-22:2`);
    expect(later.filter((k) => k.startsWith(`lead-idle:${ids.idle}:`))).toHaveLength(1);
    // overdue follow-ups show in the summary, not as new follow-up mail
    const summary = (await messages()).find((x) => x.dedupe_key === `lead-summary:${weishi.userId}:2026-03-09`)!;
    expect(summary.data).toMatchObject({ dueToday: 0, overdue: 2 });
    expect(later.filter((k) => k.startsWith('lead-follow-up:') && k.endsWith('2026-03-09'))).toEqual([]);
  });

  it('renders Chinese HTML and text, escaped', () => {
    const data = {
      date: '2026-03-02',
      lead: {
        id: 7,
        enterpriseName: '<b>河南</b>牧丰',
        projectTitle: null,
        region: '河南省开封市尉氏县',
        stageLabel: '新线索',
        nextFollowUpOn: '2026-03-02',
        idleDays: 3,
      },
    };
    const msg = renderMessage('lead.follow-up-due', data, { lang: 'zh-CN', baseUrl: 'https://im.example.com' });
    expect(msg.subject).toBe('今日跟进提醒：<b>河南</b>牧丰');
    expect(msg.html).toContain('&lt;b&gt;河南&lt;/b&gt;牧丰');
    expect(msg.html).not.toContain('<b>河南</b>');
    expect(msg.html).toContain('意向地区：河南省开封市尉氏县');
    expect(msg.text).toContain('https://im.example.com/leads/7');
  });

  it("reaches the officer's mailbox through the notification pipeline", async () => {
    await smtp.waitFor(
      (r) => r.some((m) => m.subject.startsWith('今日跟进提醒')) && r.some((m) => m.subject.includes('线索日报')),
      30_000,
      'reminder mail',
    );
    const due = smtp.received.find((m) => m.subject.startsWith('今日跟进提醒'))!;
    expect(due.to).toEqual([weishi.email]);
    expect(due.text).toContain('您计划今天（2026-03-02）跟进以下线索');
    expect(due.html).toContain(`/leads/${ids.dueToday}`);
  });

  it('is scheduled daily at the reminder hour, Asia/Shanghai', async () => {
    const scheduler = await t.get(QueueService).queue(LEADS_QUEUE).getJobScheduler(REMINDER_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ pattern: '0 5 8 * * *', tz: 'Asia/Shanghai', name: 'leads.reminders' });
  });
});
