import { DataSource } from 'typeorm';
import { UsersService } from '../../src/accounts/users.service.js';
import { NotificationEventProcessor } from '../../src/notifications/notification-events.processor.js';
import { NotificationSender } from '../../src/notifications/notification-sender.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD, type TestActor } from '../support/auth.js';
import { insertEnterprise, insertEvent, insertMatch, insertProject } from '../support/notification-fixtures.js';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink.js';
import { launchChromium, watchedPage, type BrowserSession } from './web-browser-support.js';

/**
 * Issue 11 item 11: officers' alert mails (招商动态, 高匹配度新匹配) link to the console, say why this
 * officer got them, and go to the lead's owner and its bureau — not to every officer from county to
 * province; others only by preference (regionAlerts, default off). The mail is received by an
 * in-process SMTP server (mailparser), and a real Chromium follows its links as the signed-in officer.
 *
 *   尉氏县招商局 (410223): officers A and B (one of them gets the lead), bureau lead L
 *   开封市投资促进局 (410200): officer C (defaults), officer S (regionAlerts on)
 *   河南省 (410000): officer P
 *   a project in 尉氏县, a match scoring 88, and the enterprise says 感兴趣 → a lead
 */
describe('officer alerts: recipients, reasons, and console links that open', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  let browser: BrowserSession | undefined;
  const staff: Record<'A' | 'B' | 'L' | 'C' | 'S' | 'P', { id: number; email: string }> = {} as never;
  let projectId: number;
  let matchId: number;
  let leadId: number;
  let ownerKey: 'A' | 'B';

  const mailTo = (who: keyof typeof staff): ReceivedMail[] => sink.received.filter((m) => m.to.includes(staff[who].email));
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ env: { SMTP_URL: sink.url, PUBLIC_BASE_URL: 'https://zhaoshang.example.gov.cn' } });
    ds = t.get(DataSource);
    const users = t.get(UsersService);
    const bureau = (name: string, regionCode: string) => users.createBureau({ name, regionCode, idleLimitDays: 14 });
    const [weishi, kaifeng, henan] = [
      await bureau('尉氏县招商局', '410223'),
      await bureau('开封市投资促进局', '410200'),
      await bureau('河南省投资促进局', '410000'),
    ];
    const user = async (key: keyof typeof staff, role: 'officer' | 'bureau_lead', bureauId: number) => {
      const email = `alert-${key.toLowerCase()}-${process.pid}@example.com`;
      const u = await users.createUser(
        { email, name: `${key}专员`, role, password: TEST_PASSWORD, bureauId, enterpriseId: null },
        undefined,
        { emailVerified: true },
      );
      staff[key] = { id: u.id, email };
    };
    await user('A', 'officer', weishi.id);
    await user('B', 'officer', weishi.id);
    await user('L', 'bureau_lead', weishi.id);
    await user('C', 'officer', kaifeng.id);
    await user('S', 'officer', kaifeng.id);
    await user('P', 'officer', henan.id);
    await ds.query(`INSERT INTO notification_preference (user_id, region_alerts) VALUES ($1, true)`, [staff.S.id]);

    const e = await insertEnterprise(ds, { name: '郑州航空物流有限公司', frequency: 'off' });
    projectId = await insertProject(ds, { title: '尉氏县纺织服装产业园' });
    matchId = await insertMatch(ds, e, projectId, { score: 88 });
    // the matching engine's event for the new match, then the enterprise's interest through the API (which makes the lead)
    await insertEvent(ds, 'match.new', { enterpriseId: e, projectId, matchId, score: 88 });
    const enterpriseUser: TestActor = await actor(t, 'enterprise', { enterpriseId: e });
    const interest = await enterpriseUser.call('POST', `/matches/${matchId}/interest`);
    expect(interest.status).toBe(200);
    const [lead] = await ds.query(`SELECT id, owner_id FROM lead WHERE match_id = $1`, [matchId]);
    leadId = Number(lead.id);
    ownerKey = lead.owner_id === staff.A.id ? 'A' : 'B';
    expect(lead.owner_id).toBe(staff[ownerKey].id);

    await t.get(NotificationEventProcessor).drain();
    const ids: Array<{ id: string }> = await ds.query(`SELECT id FROM notification WHERE template = 'officer-digest' ORDER BY id`);
    for (const { id } of ids) await t.get(NotificationSender).send(Number(id));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.close();
  });

  it('sends to the lead owner, the bureau and whoever opted in — not to every officer from county to province', () => {
    const other = ownerKey === 'A' ? 'B' : 'A';
    expect(mailTo(ownerKey)).toHaveLength(1);
    expect(mailTo(ownerKey)[0].subject).toBe('河南省开封市尉氏县招商动态：1 家企业表示感兴趣，1 个高匹配度新匹配');
    // the other county officer: the bureau's new match, not the lead someone else owns
    expect(mailTo(other).map((m) => m.subject)).toEqual(['河南省开封市尉氏县招商动态：1 个高匹配度新匹配']);
    expect(mailTo('L').map((m) => m.subject)).toEqual(['河南省开封市尉氏县招商动态：1 家企业表示感兴趣，1 个高匹配度新匹配']);
    expect(mailTo('S').map((m) => m.subject)).toEqual(['河南省开封市招商动态：1 家企业表示感兴趣，1 个高匹配度新匹配']);
    // the city's and the province's officers with default preferences hear nothing of a county's lead
    expect(mailTo('C')).toEqual([]);
    expect(mailTo('P')).toEqual([]);
  });

  it('says in each alert why this officer got it', () => {
    const other = ownerKey === 'A' ? 'B' : 'A';
    const owner = mailTo(ownerKey)[0];
    expect(owner.text).toContain('为什么收到：您是该线索的负责人');
    expect(owner.text).toContain('为什么收到：本局辖区内的新匹配（线索将由本局跟进）');
    expect(owner.html).toContain('为什么收到：您是该线索的负责人');
    expect(mailTo(other)[0].text).toContain('为什么收到：本局辖区内的新匹配');
    expect(mailTo('L')[0].text).toContain('为什么收到：本局辖区内的新线索（您是本局负责人）');
    expect(mailTo('S')[0].text).toContain('为什么收到：您订阅了河南省开封市全部招商动态（可在通知设置中关闭）');
  });

  it("links officers to the console (the lead; the project's matched enterprises), never to /portal", () => {
    for (const who of [ownerKey, 'L', 'S'] as const) {
      const mail = mailTo(who)[0];
      const links = hrefs(mail.html).filter((h) => h.startsWith('https://zhaoshang.example.gov.cn/') && !/\/notifications\//.test(h));
      expect(links).toContain(`https://zhaoshang.example.gov.cn/console/leads/${leadId}`);
      expect(links).toContain(`https://zhaoshang.example.gov.cn/console/projects/${projectId}#match-${matchId}`);
      expect(links.filter((h) => h.includes('/portal/'))).toEqual([]);
      expect(mail.text).toContain(`https://zhaoshang.example.gov.cn/console/leads/${leadId}`);
      expect(mail.text).not.toContain('/portal/matches/');
    }
  });

  it('the owner, signed in, follows the links from the received mail in a browser and sees the lead and the match', async () => {
    const mail = mailTo(ownerKey)[0];
    const local = (href: string) => {
      const u = new URL(href);
      return `${t.url}${u.pathname}${u.hash}`;
    };
    const leadLink = hrefs(mail.html).find((h) => h.includes('/console/leads/'))!;
    const matchLink = hrefs(mail.html).find((h) => h.includes('/console/projects/'))!;
    browser = await launchChromium();
    const { page, problems } = await watchedPage(browser.context);
    await page.goto(`${t.url}/login`);
    await page.fill('#email', staff[ownerKey].email);
    await page.fill('#password', TEST_PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('main button[type=submit]')]);

    const lead = await page.goto(local(leadLink));
    expect(lead!.status()).toBe(200);
    expect(await page.textContent('h1')).toContain('郑州航空物流有限公司');
    expect(await page.textContent('main')).toContain('尉氏县纺织服装产业园');

    const project = await page.goto(local(matchLink));
    expect(project!.status()).toBe(200);
    expect(await page.textContent('h1')).toContain('尉氏县纺织服装产业园');
    const row = page.locator(`#match-${matchId}`);
    expect(await row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('郑州航空物流有限公司');

    // the preference for wider alerts is the officer's own, off by default, on the console's 通知设置
    await page.goto(`${t.url}/console/notifications`);
    const box = page.locator('input[name="regionAlerts"]');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await Promise.all([
      page.waitForURL(/\/console\/notifications\?done=saved/),
      page.click('form[action="/console/notifications/preferences"] button[type=submit]'),
    ]);
    const [pref] = await ds.query(`SELECT region_alerts FROM notification_preference WHERE user_id = $1`, [staff[ownerKey].id]);
    expect(pref.region_alerts).toBe(true);
    expect(problems).toEqual([]);
  }, 120_000);
});
