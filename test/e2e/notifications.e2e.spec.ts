import { DataSource } from 'typeorm';
import { UsersService } from '../../src/accounts/users.service.js';
import { NotificationLinks } from '../../src/notifications/links.js';
import { NotificationsService } from '../../src/notifications/notifications.service.js';
import { noticeTemplate } from '../../src/notifications/templates/notice.js';
import { FakeClock } from '../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD } from '../support/auth.js';
import { insertEnterprise } from '../support/notification-fixtures.js';
import { rawHeader, SmtpSink } from '../support/smtp-sink.js';

const form = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body, redirect: 'manual' });

describe('notifications API: preferences, signed unsubscribe/settings links, status list, resend', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  const clock = new FakeClock(new Date('2026-01-05T02:00:00Z'));

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({
      clock,
      env: { WORKERS: 'true', SMTP_URL: sink.url, MAIL_RETRY_BASE_MS: '50', MAIL_RETRY_MAX_MS: '200', MAIL_MAX_ATTEMPTS: '2' },
    });
    ds = t.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const enqueue = (o: {
    email?: string;
    enterpriseId?: number;
    key: string;
    category?: 'match' | 'transactional' | 'reminder';
    title?: string;
  }) =>
    ds.transaction((m) =>
      t.get(NotificationsService).enqueue(m, {
        template: noticeTemplate,
        recipient: o.enterpriseId ? { enterpriseId: o.enterpriseId } : { email: o.email! },
        data: { title: o.title ?? o.key, paragraphs: ['内容'] },
        dedupeKey: o.key,
        category: o.category ?? 'match',
      }),
    );
  const statusOf = async (id: number) => (await ds.query(`SELECT status, last_error FROM notification WHERE id = $1`, [id]))[0];
  async function until(check: () => Promise<boolean>, what: string) {
    for (let i = 0; i < 400; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('lets a user read and change their own preferences; an enterprise user inherits the enterprise setting', async () => {
    const e = await insertEnterprise(ds, { frequency: 'weekly', language: 'en' });
    const u = await actor(t, 'enterprise', { enterpriseId: e });
    expect((await u.call('GET', '/notifications/preferences')).body).toEqual({
      matchFrequency: 'weekly',
      matchFrequencySource: 'enterprise',
      reminders: true,
      regionAlerts: false,
      language: 'en',
      languageSource: 'enterprise',
    });
    const changed = await u.call('PATCH', '/notifications/preferences', { matchFrequency: 'instant', language: 'zh-CN' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      matchFrequency: 'instant',
      matchFrequencySource: 'user',
      language: 'zh-CN',
      languageSource: 'user',
    });
    const reset = await u.call('PATCH', '/notifications/preferences', { matchFrequency: null });
    expect(reset.body).toMatchObject({ matchFrequency: 'weekly', matchFrequencySource: 'enterprise', language: 'zh-CN' });

    const bad = await u.call('PATCH', '/notifications/preferences', { matchFrequency: 'hourly', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((x: { field: string }) => x.field).sort()).toEqual(['extra', 'matchFrequency']);
    expect((await u.call('PATCH', '/notifications/preferences', {})).status).toBe(400);

    const officer = await actor(t, 'officer');
    expect((await officer.call('GET', '/notifications/preferences')).body).toMatchObject({
      matchFrequency: 'instant',
      matchFrequencySource: 'default',
      reminders: true,
    });
    expect((await officer.call('PATCH', '/notifications/preferences', { reminders: false })).body).toMatchObject({ reminders: false });
    expect((await fetch(`${t.url}/notifications/preferences`)).status).toBe(401);
  });

  it('unsubscribes with one click from the link in the e-mail, without logging in', async () => {
    const email = 'one-click@example.com';
    const e = await insertEnterprise(ds, { email, frequency: 'daily' });
    const { id } = await enqueue({ enterpriseId: e, key: 'e2e:one-click', title: '匹配通知测试' });
    await sink.waitFor((r) => r.some((m) => m.subject === '匹配通知测试'));
    const mail = sink.received.find((m) => m.subject === '匹配通知测试')!;
    await until(async () => (await statusOf(id)).status === 'sent', 'the row to be marked sent');
    const link = /^<(.+)>$/.exec(rawHeader(mail, 'List-Unsubscribe')!)![1];
    expect(link.startsWith(`${t.config.PUBLIC_BASE_URL}/notifications/unsubscribe?token=`)).toBe(true);
    const local = link.replace(t.config.PUBLIC_BASE_URL, t.url);

    // GET only shows a confirmation page; it changes nothing
    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('确认退订');
    expect(html).toContain('method="post"');
    expect((await ds.query(`SELECT notification_frequency FROM enterprise WHERE id = $1`, [e]))[0].notification_frequency).toBe('daily');

    // RFC 8058 one-click POST, as a mail provider sends it
    const res = await form(local, 'List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('您已退订匹配通知邮件');
    expect((await ds.query(`SELECT notification_frequency FROM enterprise WHERE id = $1`, [e]))[0].notification_frequency).toBe('off');

    // the next match mail is skipped at send time; account mail still goes
    const later = await enqueue({ enterpriseId: e, key: 'e2e:after-unsubscribe' });
    await until(async () => (await statusOf(later.id)).status === 'skipped', 'the match mail to be skipped');
    const account = await enqueue({ enterpriseId: e, key: 'e2e:transactional', category: 'transactional', title: '账户通知测试' });
    await until(async () => (await statusOf(account.id)).status === 'sent', 'the transactional mail');
    const accountMail = sink.received.find((m) => m.subject === '账户通知测试')!;
    expect(rawHeader(accountMail, 'List-Unsubscribe')).toBeUndefined();
  });

  it('refuses tampered, expired and wrong-purpose tokens', async () => {
    const links = t.get(NotificationLinks);
    const e = await insertEnterprise(ds, { frequency: 'daily' });
    const token = links.token({ kind: 'enterprise', id: e }, 'match');
    const [body, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ s: `e:${e + 1}`, c: 'match', x: 4102444800 })).toString('base64url')}.${sig}`;
    for (const bad of [forged, `${body}.${sig.slice(0, -2)}AA`, 'nonsense', '']) {
      const r = await form(`${t.url}/notifications/unsubscribe?token=${encodeURIComponent(bad)}`, '');
      expect(r.status).toBe(400);
      expect(await r.text()).toContain('链接无效或已过期');
    }
    // a settings link cannot unsubscribe, an unsubscribe link cannot open the settings
    expect((await form(`${t.url}/notifications/unsubscribe?token=${links.token({ kind: 'enterprise', id: e }, '*')}`, '')).status).toBe(
      400,
    );
    expect((await fetch(`${t.url}/notifications/settings?token=${token}`)).status).toBe(400);
    // expired after NOTIFICATION_LINK_DAYS
    clock.advance((t.config.NOTIFICATION_LINK_DAYS + 1) * 86400_000);
    try {
      expect((await form(`${t.url}/notifications/unsubscribe?token=${token}`, '')).status).toBe(400);
    } finally {
      clock.set('2026-01-05T02:00:00Z');
    }
    expect((await ds.query(`SELECT notification_frequency FROM enterprise WHERE id = $1`, [e]))[0].notification_frequency).toBe('daily');
    // the genuine token still works
    expect((await form(`${t.url}/notifications/unsubscribe?token=${token}`, '')).status).toBe(200);
  });

  it('changes settings through the signed settings link, for accounts and bare addresses', async () => {
    const links = t.get(NotificationLinks);
    const officer = await actor(t, 'officer');
    const url = `${t.url}/notifications/settings?token=${links.token({ kind: 'user', id: officer.userId }, '*')}`;
    const page = await (await fetch(url)).text();
    expect(page).toContain('name="matchFrequency" value="daily"');
    expect(page).toContain('接收跟进提醒');
    const saved = await form(url, 'matchFrequency=daily&language=en&checkboxes=1');
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('已保存');
    expect((await officer.call('GET', '/notifications/preferences')).body).toMatchObject({
      matchFrequency: 'daily',
      reminders: false,
      language: 'en',
    });
    expect((await form(url, 'matchFrequency=hourly')).status).toBe(400);

    // a bare address: unchecking "match" suppresses match mail to it at send time
    const addr = 'bare@example.com';
    const addrUrl = `${t.url}/notifications/settings?token=${links.token({ kind: 'address', email: addr }, '*')}`;
    expect((await form(addrUrl, 'checkboxes=1&reminders=on')).status).toBe(200);
    const { id } = await enqueue({ email: addr, key: 'e2e:bare' });
    await until(async () => (await statusOf(id)).status === 'skipped', 'the suppressed address to be skipped');
  });

  it('works from a logged-in browser too (the form carries the session CSRF token)', async () => {
    const links = t.get(NotificationLinks);
    const e = await insertEnterprise(ds, { frequency: 'daily' });
    const u = await actor(t, 'enterprise', { enterpriseId: e, email: 'browser-user@example.com' });
    const login = await fetch(`${t.url}/auth/login?mode=cookie`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'browser-user@example.com', password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const url = `${t.url}/notifications/unsubscribe?token=${links.token({ kind: 'user', id: u.userId }, 'match')}`;
    const page = await (await fetch(url, { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    expect(csrf).toBeTruthy();
    expect((await form(url, '', { cookie })).status).toBe(403); // a cross-site form without the token
    expect((await form(url, `_csrf=${encodeURIComponent(csrf!)}`, { cookie })).status).toBe(200);
    expect((await u.call('GET', '/notifications/preferences')).body.matchFrequency).toBe('off');
  });

  it('lists messages with their status by region, shows why one failed, and lets an admin resend it', async () => {
    const users = t.get(UsersService);
    sink.rcpt = (a) =>
      a === 'bounce@example.com' ? { code: 550, message: '5.1.1 <bounce@example.com>: Recipient address rejected: User unknown' } : null;
    const e = await insertEnterprise(ds, { email: 'bounce@example.com', region: '410223', frequency: 'daily' });
    const { id } = await enqueue({ enterpriseId: e, key: 'e2e:bounce', title: '退信测试' });
    await until(async () => (await statusOf(id)).status === 'failed', 'the 550 to fail the message');

    const kaifeng = await actor(t, 'officer', { region: '410200' });
    const luoyang = await actor(t, 'officer', { region: '410300' });
    const admin = await actor(t, 'admin');
    const listed = await kaifeng.call('GET', `/notifications?status=failed&enterpriseId=${e}`);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    expect(listed.body.items[0]).toMatchObject({
      id,
      status: 'failed',
      statusLabel: '发送失败',
      attempts: 1,
      recipient: { enterpriseId: e, email: 'bounce@example.com' },
    });
    expect(listed.body.items[0].lastError).toContain('SMTP 550');
    expect(listed.body.items[0].lastError).toContain('User unknown');
    expect((await luoyang.call('GET', `/notifications?enterpriseId=${e}`)).body.total).toBe(0);
    expect((await luoyang.call('GET', `/notifications/${id}`)).status).toBe(404);
    expect((await kaifeng.call('GET', `/notifications/${id}`)).body.data).toMatchObject({ title: '退信测试' });
    expect((await kaifeng.call('GET', '/notifications?status=lost')).status).toBe(400);
    const entUser = await actor(t, 'enterprise', { enterpriseId: e });
    expect((await entUser.call('GET', '/notifications')).status).toBe(403);

    // resend: admins only, failed only
    expect((await kaifeng.call('POST', `/notifications/${id}/resend`)).status).toBe(403);
    sink.rcpt = () => null; // the mailbox exists now
    const resent = await admin.call('POST', `/notifications/${id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body.resentAt).toBeTruthy();
    await until(async () => (await statusOf(id)).status === 'sent', 'the resent message');
    expect(sink.received.filter((m) => m.subject === '退信测试')).toHaveLength(1);
    const again = await admin.call('POST', `/notifications/${id}/resend`);
    expect(again.status).toBe(409);
    expect((await admin.call('POST', '/notifications/999999999/resend')).status).toBe(404);
    const [audit] = await ds.query(`SELECT action, actor_user_id FROM audit_log WHERE action = 'notification.resent' AND target_id = $1`, [
      String(id),
    ]);
    expect(audit).toEqual({ action: 'notification.resent', actor_user_id: admin.userId });
    void users;
  });
});
