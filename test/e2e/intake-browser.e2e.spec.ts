import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD, type TestActor } from '../support/auth.js';
import { CHROMIUM } from './web-browser-support.js';

/**
 * 文档识别 in a real browser: an officer of 尉氏县 pastes a report, waits for the drafts, sees the
 * evidence highlighted in the text, corrects the amount in 亿元 and accepts (采用) one draft, and ignores (忽略) another.
 */
/** Axe: no serious or critical violation (WCAG 2.1 A/AA rules and best practices), as for the other pages. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    page: name,
    violations: bad.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
  }).toEqual({ page: name, violations: [] });
}

describe('intake in the browser: upload, review, accept', () => {
  let t: TestApp;
  let officer: TestActor;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'true' } });
    officer = await actor(t, 'officer', { region: '410223' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an officer uploads a report, reviews its drafts and accepts one as an unpublished project', async () => {
    await page.goto(`${t.url}/login`);
    await page.fill('#email', officer.email);
    await page.fill('#password', TEST_PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('main button[type=submit]')]);

    await page.goto(`${t.url}/console/intake`);
    expect(await page.locator('.site-nav a[href="/console/intake"]').textContent()).toContain('文档识别');
    await expectAccessible(page, 'console/intake');
    await page.fill('#title', '2021年尉氏县政府工作报告（节选）');
    await page.fill(
      '#text',
      '六是住房保障工程。计划投资4.5亿元,加快推进康平港湾安置房项目。全县GDP完成431.8亿元。计划投资6800万元,完成尉北污水处理厂建设。',
    );
    await Promise.all([page.waitForURL(/\/console\/intake\/\d+/), page.click('button:has-text("上传并识别")')]);
    const documentId = Number(/\/console\/intake\/(\d+)/.exec(page.url())![1]);

    // the page refreshes itself until the job has read the text
    await page.locator('#doc-status', { hasText: '已识别' }).waitFor({ timeout: 30_000 });
    const marks = await page.locator('.intake-source mark.ev').allTextContents();
    expect(marks.join('')).toContain('康平港湾安置房项目');
    expect(marks.join('')).not.toContain('431.8亿元');
    await expectAccessible(page, 'console/intake/:id');

    const housing = page.locator('article.draft', { hasText: '康平港湾安置房项目' });
    expect(await housing.locator('input[name="amount"]').inputValue()).toBe('4.5');
    expect(await housing.locator('select[name="amountUnit"]').inputValue()).toBe('亿元');
    await housing.locator('input[name="amount"]').fill('4.6');
    await Promise.all([page.waitForURL(/done=draftAccepted/), housing.locator('button', { hasText: '采用' }).click()]);
    expect(await page.locator('article.draft', { hasText: '康平港湾安置房项目' }).textContent()).toContain('已采用');

    const [project] = await t.dataSource.query(`SELECT title, total_investment_yuan, status, region_code, description FROM project`);
    expect(project).toMatchObject({
      title: '康平港湾安置房项目',
      total_investment_yuan: '460000000',
      status: 'draft',
      region_code: '410223',
    });
    expect(project.description).toContain(`/console/intake/${documentId}`);

    // the project's page says where it came from and links to the sentence on the review page
    await page.locator('article.draft', { hasText: '康平港湾安置房项目' }).locator('a', { hasText: '项目 #' }).click();
    await page.waitForURL(/\/console\/projects\/\d+$/);
    const source = page.locator('.record-source');
    expect(await source.textContent()).toContain('来源：《2021年尉氏县政府工作报告（节选）》');
    expect(await source.locator('q').textContent()).toContain('加快推进康平港湾安置房项目');
    await expectAccessible(page, 'console/projects/:id with 来源');
    await Promise.all([page.waitForURL(/\/console\/intake\/\d+\?at=\d+&to=\d+#at-\d+$/), source.locator('a').click()]);
    // the anchor is the name's first highlighted piece; the pieces marked current spell the name
    expect((await page.locator('.intake-source mark.ev-current').allTextContents()).join('')).toBe('康平港湾安置房项目');
    expect('康平港湾安置房项目'.startsWith((await page.evaluate(() => document.querySelector(':target')?.textContent)) ?? '∅')).toBe(true);
    await page.goto(`${t.url}/console/intake/${documentId}`);

    const plant = page.locator('article.draft', { hasText: '尉北污水处理厂' });
    await Promise.all([page.waitForURL(/done=draftRejected/), plant.locator('button', { hasText: '忽略' }).click()]);
    expect(await page.locator('article.draft', { hasText: '尉北污水处理厂' }).textContent()).toContain('已忽略');
  }, 90_000);
});
