import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc } from '../support/factories.js';
import { CHROMIUM } from './web-browser-support.js';

/**
 * The console's chain form in a real browser: an officer of 尉氏县 adopts the 汽车及零部件 template,
 * drops one of its segments, adds a segment of their own with an industry picked by name, names a
 * 链长 from the region's staff and finds a 链主 by name; then edits the chain. What the API answers
 * afterwards is what the form said.
 */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    page: name,
    violations: bad.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
  }).toEqual({ page: name, violations: [] });
}

describe('chains in the browser: the create and edit form', () => {
  let t: TestApp;
  let officer: TestActor;
  let leader: TestActor;
  let anchorId: number;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410223' });
    leader = await actor(t, 'bureau_lead', { region: '410223' });
    const e = await admin.call(
      'POST',
      '/enterprises',
      enterpriseBody({ uscc: nextUscc('410223'), name: '立邦汽车漆（尉氏）有限公司', industryCodes: ['C2641'], homeRegionCode: '410223' }),
    );
    anchorId = e.body.id;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    page.setDefaultTimeout(20_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Clicks a form button and waits for the page the POST answered with. */
  const submit = async (action: string) => {
    const answered = (r: { status: () => number; request: () => { isNavigationRequest: () => boolean } }) =>
      r.request().isNavigationRequest() && (r.status() < 300 || r.status() >= 400);
    await Promise.all([page.waitForResponse(answered), page.click(`button[name=_action][value="${action}"]:not(.visually-hidden)`)]);
    await page.waitForLoadState('load');
  };

  it('adopts a template, reshapes its segments, names 链长 and 链主, saves; then edits', async () => {
    await page.goto(`${t.url}/login`);
    await page.fill('#email', officer.email);
    await page.fill('#password', TEST_PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('main button[type=submit]')]);

    await page.goto(`${t.url}/console/chains`);
    await Promise.all([page.waitForURL(/\/console\/chains\/new/), page.click('a:has-text("新建产业链")')]);
    await expectAccessible(page, 'console/chains/new');

    // adopt the template: its ten segments fill the form, the name defaults to the template's
    await page.selectOption('#templateKey', 'auto-parts');
    await submit('apply-template');
    expect(await page.locator('fieldset.segment').count()).toBe(10);
    expect(await page.inputValue('#name')).toBe('汽车及零部件');
    expect(await page.locator('#f-s2\\.codes').textContent()).toContain('C2641 涂料制造');
    await page.fill('#name', '汽车零部件');

    // drop the last segment (汽车销售及后市场), add one of our own: 轮胎, C2911 picked level by level by name
    await submit('remove-segment-9');
    expect(await page.locator('fieldset.segment').count()).toBe(9);
    await submit('add-segment');
    await page.fill('[name="s9.name"]', '轮胎');
    await page.fill('[name="s9.keywords"]', '轮胎、子午胎');
    await page.selectOption('[name="s9.tier"]', 'upstream');
    await page.selectOption('select[name=ind1]', 'C');
    await page.waitForSelector('select[name=ind2] option[value="C29"]', { state: 'attached' });
    await page.selectOption('select[name=ind2]', 'C29');
    await page.waitForSelector('select[name=ind3] option[value="C291"]', { state: 'attached' });
    await page.selectOption('select[name=ind3]', 'C291');
    await page.waitForSelector('select[name=ind4] option[value="C2911"]', { state: 'attached' });
    expect(await page.locator('select[name=ind4] option[value="C2911"]').textContent()).toContain('轮胎制造');
    await page.selectOption('select[name=ind4]', 'C2911');
    await page.selectOption('#indSegment', '9');
    await submit('add-industry');
    expect(await page.locator('#f-s9\\.codes').textContent()).toContain('C2911 轮胎制造');
    expect(await page.inputValue('[name="s9.name"]')).toBe('轮胎');

    // 链长 from the region's staff, by name; 链主 found by name among the region's enterprises
    const leaderOption = page.locator('#leaderUserId option', { hasText: '测试bureau_lead' });
    expect(await leaderOption.textContent()).toContain('局负责人 · 河南省开封市尉氏县');
    await page.selectOption('#leaderUserId', String(leader.userId));
    await page.fill('#anchorQuery', '立邦');
    await submit('find-anchor');
    await page.check(`input[name=addAnchor][value="${anchorId}"]`);
    await expectAccessible(page, 'console/chains/new (filled)');
    await submit('save');
    if (!/done=created/.test(page.url())) throw new Error(`not saved: ${await page.locator('main').innerText()}`);
    const id = Number(/\/console\/chains\/(\d+)/.exec(page.url())![1]);
    expect(await page.locator('main').textContent()).toContain('立邦汽车漆（尉氏）有限公司');

    const chain = (await officer.call('GET', `/chains/${id}`)).body;
    expect(chain).toMatchObject({
      name: '汽车零部件',
      regionCode: '410223',
      templateKey: 'auto-parts',
      leaderUserId: leader.userId,
      anchorEnterprises: [{ id: anchorId }],
    });
    expect(chain.segments).toHaveLength(10);
    expect(chain.segments.map((s: { name: string }) => s.name)).not.toContain('汽车销售及后市场');
    expect(chain.segments.at(-1)).toMatchObject({
      name: '轮胎',
      position: 10,
      tier: 'upstream',
      industryCodes: ['C2911'],
      keywords: ['轮胎', '子午胎'],
    });

    // edit: a bad threshold is refused next to its field, nothing saved; then a good one is saved
    await Promise.all([page.waitForURL(/\/edit$/), page.click('a:has-text("编辑产业链")')]);
    await expectAccessible(page, 'console/chains/:id/edit');
    await page.fill('#weakMin', '4');
    await submit('save');
    expect(await page.locator('#f-strongMin .field-error').textContent()).toContain('strongMin 应大于 weakMin');
    expect((await officer.call('GET', `/chains/${id}`)).body.strongMin).toBe(3);
    await page.fill('#weakMin', '2');
    await page.fill('#strongMin', '5');
    await page.fill('#name', '汽车零部件（尉氏）');
    await submit('save');
    expect(page.url()).toMatch(/\/console\/chains\/\d+\?done=saved/);
    expect((await officer.call('GET', `/chains/${id}`)).body).toMatchObject({
      name: '汽车零部件（尉氏）',
      strongMin: 5,
      weakMin: 2,
      segments: expect.arrayContaining([expect.objectContaining({ name: '轮胎' })]),
    });
  }, 180_000);
});
