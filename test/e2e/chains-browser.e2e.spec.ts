import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc } from '../support/factories.js';
import { CHROMIUM } from './web-browser-support.js';

/**
 * 产业链招商 in a real browser: an officer of 尉氏县 opens the chain map, sees a gap, opens its
 * targets, turns one into a lead in one click; the lead is on the board with source 产业链招商.
 */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    page: name,
    violations: bad.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
  }).toEqual({ page: name, violations: [] });
}

describe('chains in the browser: map, gap, targets, lead', () => {
  let t: TestApp;
  let officer: TestActor;
  let browser: Browser;
  let page: Page;
  let chainId: number;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410223' });
    const ent = (name: string, over: Record<string, unknown>) =>
      admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(String(over.homeRegionCode)), name, ...over }));
    for (const n of ['甲', '乙', '丙']) await ent(`尉氏零部件${n}有限公司`, { industryCodes: ['C3670'], homeRegionCode: '410223' });
    await ent('立邦汽车漆（尉氏）有限公司', { industryCodes: ['C2641'], homeRegionCode: '410223' });
    await ent('郑州安驰汽车玻璃有限公司', { industryCodes: ['C3051'], homeRegionCode: '410102', targetRegionCodes: ['410223'] });
    chainId = (await officer.call('POST', '/chains', { regionCode: '410223', templateKey: 'auto-parts', name: '汽车零部件' })).body.id;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an officer opens the map, follows a gap to its targets and turns one into a lead with source 产业链招商', async () => {
    await page.goto(`${t.url}/login`);
    await page.fill('#email', officer.email);
    await page.fill('#password', TEST_PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('main button[type=submit]')]);

    await page.goto(`${t.url}/console/chains`);
    await expectAccessible(page, 'console/chains');
    await Promise.all([page.waitForURL(/\/console\/chains\/\d+/), page.click('a:has-text("汽车零部件")')]);
    await expectAccessible(page, 'console/chains/:id');
    const glass = page.locator('tr', { hasText: '汽车玻璃' });
    expect(await glass.locator('.badge').textContent()).toBe('缺');
    expect(await page.locator('svg g[data-status="strong"]').count()).toBeGreaterThan(0);
    expect(await page.locator('svg g[data-status="gap"]').count()).toBeGreaterThan(0);

    await Promise.all([page.waitForURL(/segment=\d+/), glass.locator('.badge').click()]);
    const target = page.locator('#targets ~ .table-wrap tr', { hasText: '郑州安驰汽车玻璃有限公司' });
    expect(await target.textContent()).toContain('可补齐尉氏县汽车零部件产业链「汽车玻璃」环节（本地暂无企业）');
    await Promise.all([page.waitForURL(/\/console\/leads\/\d+/), target.locator('button', { hasText: '新建线索' }).click()]);
    expect(await page.locator('main').textContent()).toContain('产业链招商');

    await page.goto(`${t.url}/console/leads?source=chain`);
    const board = await page.locator('main').textContent();
    expect(board).toContain('郑州安驰汽车玻璃有限公司');
    expect(board).toContain('产业链招商');
    const [row] = await t.dataSource.query(`SELECT source FROM lead WHERE region_code = '410223'`);
    expect(row.source).toBe('chain');
    expect(chainId).toBeGreaterThan(0);
  }, 120_000);
});
