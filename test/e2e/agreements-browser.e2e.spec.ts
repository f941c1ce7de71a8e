import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { shanghaiDate } from '../../src/platform/format/units.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc, policyBody } from '../support/factories.js';
import { CHROMIUM } from './web-browser-support.js';

/**
 * 投资协议 in a real browser (Debian's Chromium): an officer of 尉氏县 records the agreement of a
 * signed lead through the console form (the 万元 input echoes 亿元 as they type, a second tranche
 * row added with the button), records the 开工 date, sees the tranche become 可拨付 and asks for
 * its release; the bureau lead — another user, in their own browser — approves it (four eyes) and
 * the dashboard's figures move. axe-core finds nothing serious on the pages on the way.
 */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    page: name,
    violations: bad.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
  }).toEqual({ page: name, violations: [] });
}

describe('agreements in the browser: form › start recorded › releasable › four-eyes release › figures', () => {
  // the real clock: the browser keeps the session cookie only while it has not expired by its own time
  const DAY = 86_400_000;
  const today = shanghaiDate(new Date());
  const after = (days: number) => shanghaiDate(new Date(Date.now() + days * DAY));
  let t: TestApp;
  let officer: TestActor;
  let bureauLead: TestActor;
  let browser: Browser;
  let leadId: number;
  let incentiveTitle: string;

  const signIn = async (who: TestActor): Promise<Page> => {
    const page = await (
      await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } })
    ).newPage();
    await page.goto(`${t.url}/login`);
    await page.fill('#email', who.email);
    await page.fill('#password', TEST_PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('main button[type=submit]')]);
    return page;
  };
  const figure = async (page: Page, name: string) => (await page.locator(`[data-figure="${name}"]`).textContent())?.trim();

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410223' });
    bureauLead = await actor(t, 'bureau_lead', { bureauId: officer.bureauId! });
    const e = (await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(), name: '尉氏县浏览器协议企业' }))).body;
    const policy = (await officer.call('POST', '/policies', policyBody({ regionCode: '410223', title: '尉氏县招商引资奖励办法' }))).body;
    incentiveTitle = policy.incentives[0].title;
    leadId = (await officer.call('POST', '/leads', { enterpriseId: e.id, regionCode: '410223', ownerId: officer.userId })).body.id;
    expect((await officer.call('POST', `/leads/${leadId}/stage`, { stage: 'signed', amountYuan: 120_000_000 })).status).toBe(200);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the officer records the agreement and a start; the bureau lead approves the release; the figures move', async () => {
    const page = await signIn(officer);
    await page.goto(`${t.url}/console/leads/${leadId}`);
    await Promise.all([page.waitForURL(/\/console\/agreements\/new\?lead=\d+/), page.click('a[data-agreement-new]')]);
    await expectAccessible(page, 'console/agreements/new');

    await page.fill('#signedOn', today);
    await page.locator('#investmentWan').pressSequentially('12000');
    expect(await page.locator('output[data-echo-for="investmentWan"]').textContent()).toBe('= 1.2 亿元');
    await page.fill('#landMu', '45');
    expect(await page.locator('output[data-echo-for="landMu"]').textContent()).toContain('3 公顷');
    await page.fill('#startBy', after(120));
    await page.fill('#productionBy', after(480));
    await page.fill('#jobs', '150');
    // the first tranche pays on 开工 from the policy library; a fourth row comes from the button
    await page.fill('#tranche-0-amountWan', '200');
    const incentive = await page.locator('#tranche-0-incentiveId option', { hasText: incentiveTitle }).first().getAttribute('value');
    await page.selectOption('#tranche-0-incentiveId', incentive!);
    await page.selectOption('#tranche-0-condition', 'started');
    await page.fill('#tranche-0-dueOn', after(150));
    await page.click('button[data-add-tranche]');
    expect(await page.locator('[data-tranche-row]').count()).toBe(4);
    await page.fill('#tranche-3-amountWan', '300');
    await page.selectOption('#tranche-3-condition', 'producing');
    await page.fill('#tranche-3-dueOn', after(510));
    await Promise.all([
      page.waitForURL(/\/console\/agreements\/\d+\?done=created/),
      page.click('form[data-agreement-form] button[type=submit]'),
    ]);
    const agreementUrl = page.url().replace(/\?.*$/, '');
    await expectAccessible(page, 'console/agreements/:id');
    expect(await page.locator('main').textContent()).toContain('1.2 亿元');
    const first = page.locator('tr[data-tranche="1"]');
    const second = page.locator('tr[data-tranche="2"]');
    expect(await first.textContent()).toContain(incentiveTitle);
    expect(await first.locator('.badge').textContent()).toBe('未满足条件');
    expect(await second.textContent()).toContain('投产后拨付');

    const lead = await signIn(bureauLead);
    await lead.goto(`${t.url}/console`);
    const releasedBefore = Number(await figure(lead, 'tranches-released'));
    expect(await figure(lead, 'agreements')).toBe('1');

    // 开工 recorded: the first tranche's condition is met by a fact
    await page.selectOption('#kind', 'started');
    await page.fill('#occurredOn', today);
    await page.fill('#source', '现场核查');
    await page.fill('#document', '开工报告书');
    await Promise.all([page.waitForURL(/done=actual/), page.click('form[action$="/actuals"] button[type=submit]')]);
    expect(await first.locator('.badge').textContent()).toBe('可拨付');
    expect(await second.locator('.badge').textContent()).toBe('未满足条件');
    await Promise.all([page.waitForURL(/done=releaseRequested/), first.locator('button', { hasText: '申请拨付' }).click()]);
    expect(await first.locator('.badge').textContent()).toBe('待复核');
    expect(await first.textContent()).toContain('待另一名工作人员复核');
    expect(await first.locator('button').count()).toBe(0); // the requester has no approve button

    await lead.goto(agreementUrl);
    const row = lead.locator('tr[data-tranche="1"]');
    await Promise.all([lead.waitForURL(/done=released/), row.locator('button', { hasText: '复核通过并拨付' }).click()]);
    expect(await row.locator('.badge').textContent()).toBe('已拨付');
    expect(await row.textContent()).toContain(`复核：测试bureau_lead`);

    await lead.goto(`${t.url}/console`);
    expect(Number(await figure(lead, 'tranches-released'))).toBe(releasedBefore + 1);
    expect(await lead.locator('[data-figure="tranches-released"]').locator('xpath=..').textContent()).toContain('200 万元');

    const [tranche] = await t.dataSource.query(`SELECT state, requested_by, approved_by FROM agreement_tranche WHERE position = 1`);
    expect(tranche).toEqual({ state: 'released', requested_by: officer.userId, approved_by: bureauLead.userId });
    const audit = await t.dataSource.query(`SELECT action, actor_user_id FROM audit_log WHERE action LIKE 'agreement.%' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'agreement.created', actor_user_id: officer.userId },
      { action: 'agreement.actual_recorded', actor_user_id: officer.userId },
      { action: 'agreement.release_requested', actor_user_id: officer.userId },
      { action: 'agreement.tranche_released', actor_user_id: bureauLead.userId },
    ]);
  }, 180_000);
});
