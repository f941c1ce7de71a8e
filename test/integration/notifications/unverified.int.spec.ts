import { DataSource } from 'typeorm';
import { DigestBuilder } from '../../../src/notifications/digest-builder.js';
import { NotificationEventProcessor } from '../../../src/notifications/notification-events.processor.js';
import { NotificationsService } from '../../../src/notifications/notifications.service.js';
import { noticeTemplate } from '../../../src/notifications/templates/notice.js';
import { http, startTestApp, type TestApp } from '../../support/app.js';
import { enterpriseBody } from '../../support/factories.js';
import { matchingFixtures } from '../../support/matching-fixtures.js';
import { SmtpSink } from '../../support/smtp-sink.js';

/**
 * Before its owner verified it, an address gets the verification mail (and other account mail)
 * and nothing else: a sign-up's first matches wait, as does any other mail to it, and go out once
 * the address is verified. Real sign-up, matching, events, digests and SMTP.
 */
describe('notifications: nothing but account mail before the address is verified', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ env: { WORKERS: 'true', SMTP_URL: sink.url, MAIL_RATE_PER_SECOND: '1000' } });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const until = async (what: string, check: () => Promise<boolean>, ms = 30_000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it("holds a sign-up's match mail (and any other mail) until the address is verified, then sends it", async () => {
    const ds = t.get(DataSource);
    const f = matchingFixtures(t);
    const cjrh = await f.policy();
    await f.project({
      title: '尉氏县生猪现代农业产业园',
      description: '生猪养殖、屠宰及肉制品精深加工，共建实训基地',
      regionCode: '410223',
      industryCodes: ['A0313', 'C1351'],
      totalInvestmentYuan: 800_000_000,
      incentiveIds: cjrh.incentiveIds,
    });
    const address = 'stranger@example.com';
    const signup = await http(t.url, 'POST', '/auth/signup', {
      email: address,
      password: 'Kaifeng-Invest-2026',
      name: '王建国',
      enterprise: enterpriseBody({
        name: '河南牧丰农牧科技有限公司',
        industryCodes: ['A0313', 'C1351'],
        description: '生猪养殖、屠宰及肉制品加工，与职业院校共建实训基地。',
        contacts: [{ name: '王经理', email: address }],
        notificationFrequency: 'instant',
      }),
    });
    expect(signup.status).toBe(201);
    const { user, enterprise } = signup.body as { user: { id: number }; enterprise: { id: number } };

    // the sign-up is matched and its match events become items for the account …
    await until('the match item', async () => {
      await t.get(NotificationEventProcessor).drain();
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM notification_item WHERE recipient_key = $1`, [`u:${user.id}`]);
      return n > 0;
    });
    // … a digest pass builds nothing for it, and other (non-account) mail to it is held at sending
    expect(await t.get(DigestBuilder).buildDue({ recipientKeys: [`u:${user.id}`] })).toBe(0);
    await ds.transaction((m) =>
      t.get(NotificationsService).enqueue(m, {
        template: noticeTemplate,
        recipient: { email: address },
        data: { title: '招商活动邀请', paragraphs: ['欢迎参加开封市招商推介会。'] },
        dedupeKey: `test-notice:${user.id}`,
        category: 'reminder',
      }),
    );
    await until(
      'the notice held',
      async () =>
        (await ds.query(`SELECT status FROM notification WHERE dedupe_key = $1`, [`test-notice:${user.id}`]))[0]?.status === 'held',
    );
    await sink.waitFor((r) => r.some((m) => m.to.includes(address)), 30_000, 'the verification mail');
    await new Promise((r) => setTimeout(r, 1000));
    expect(sink.received.filter((m) => m.to.includes(address)).map((m) => m.subject)).toEqual([expect.stringMatching(/验证/)]);
    const [{ match_id: matchId }] = await ds.query(`SELECT match_id FROM notification_item WHERE recipient_key = $1 AND kind = 'match'`, [
      `u:${user.id}`,
    ]);
    expect(Number(matchId)).toBeGreaterThan(0);

    // verification releases what waited: the held notice at once, the matches at the next digest pass
    const token = /\/auth\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(sink.received.find((m) => m.to.includes(address))!.text)![1];
    expect((await http(t.url, 'POST', '/auth/verify-email', { token })).status).toBe(200);
    await sink.waitFor((r) => r.some((m) => m.to.includes(address) && m.subject === '招商活动邀请'), 30_000, 'the released notice');
    expect(await t.get(DigestBuilder).buildDue({ recipientKeys: [`u:${user.id}`] })).toBe(1);
    await sink.waitFor((r) => r.some((m) => m.to.includes(address) && m.subject.startsWith('新的招商项目匹配')), 30_000, 'the match mail');
    const mails = sink.received.filter((m) => m.to.includes(address));
    expect(mails).toHaveLength(3);
    expect(mails.find((m) => m.subject.startsWith('新的招商项目匹配'))!.html).toContain(`/portal/matches/${matchId}`);
    const [notice] = await ds.query(`SELECT status, attempts - attempt_base AS counted FROM notification WHERE dedupe_key = $1`, [
      `test-notice:${user.id}`,
    ]);
    expect(notice).toEqual({ status: 'sent', counted: 1 });
    expect(enterprise.id).toBeGreaterThan(0);
  });
});
