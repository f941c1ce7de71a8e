import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import {
  buildApp,
  launchChromium,
  MailCatcher,
  runNode,
  screenshotPath,
  startBuiltApp,
  watchedPage,
  type BrowserSession,
  type RunningApp,
} from './web-browser-support.js';

const LONG = 240_000;

/** Axe: no serious or critical violation (WCAG 2.1 A/AA rules and best practices). */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ page: name, violations: bad.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })) }).toEqual({ page: name, violations: [] });
}

describe('web pages in a real browser (Chromium)', () => {
  let build: string;
  let mail: MailCatcher;
  let app: RunningApp;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    build = buildApp();
    mail = new MailCatcher();
    await mail.start();
    app = await startBuiltApp(build, { SMTP_URL: mail.url });
    runNode(build, 'src/cli/seed-demo.js', app.env);
  }, LONG);
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await app?.stop();
    await mail?.stop();
  }, LONG);

  async function browser(viewport?: { width: number; height: number }) {
    const s = await launchChromium(viewport);
    sessions.push(s);
    return s;
  }

  it('public pages render without console errors, are accessible, and work on a phone', async () => {
    const { context } = await browser();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${app.url}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.textContent('main')).toContain('尉氏县');
    await page.screenshot({ path: screenshotPath('public-home'), fullPage: true });
    await expectAccessible(page, 'home');

    await page.goto(`${app.url}/library/projects`);
    await page.fill('#q', '生猪');
    await page.click('button:has-text("筛选")');
    await page.waitForURL(/q=/);
    expect(await page.textContent('main')).toContain('生猪');
    await page.screenshot({ path: screenshotPath('public-projects'), fullPage: true });
    await expectAccessible(page, 'project library');

    // the region picker cascades (JS fills the next level from /regions)
    await page.selectOption('select[name=region1]', '410000');
    await page.waitForFunction(() => (document.querySelector('select[name=region2]') as HTMLSelectElement).options.length > 1);
    await page.selectOption('select[name=region2]', '410200');
    await page.click('button:has-text("筛选")');
    await page.waitForURL(/region2=410200/);
    const cards = await page.locator('.project-card').allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(c).toContain('开封市');

    await page.locator('.project-card h3 a').first().click();
    await page.waitForURL(/\/library\/projects\/\d+/);
    await page.screenshot({ path: screenshotPath('public-project'), fullPage: true });
    await expectAccessible(page, 'project detail');

    await page.goto(`${app.url}/library/policies`);
    await page.screenshot({ path: screenshotPath('public-policies'), fullPage: true });
    await expectAccessible(page, 'policy library');
    await page.locator('.policy-card h3 a').first().click();
    await page.waitForURL(/\/library\/policies\/\d+/);
    await page.screenshot({ path: screenshotPath('public-policy'), fullPage: true });
    await expectAccessible(page, 'policy detail');

    await page.goto(`${app.url}/login`);
    await expectAccessible(page, 'login');
    expect(problems).toEqual([]);

    const phone = await browser({ width: 390, height: 844 });
    const { page: mobile, problems: mobileProblems } = await watchedPage(phone.context);
    await mobile.goto(`${app.url}/library/projects`);
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await mobile.screenshot({ path: screenshotPath('phone-projects'), fullPage: true });
    expect(mobileProblems).toEqual([]);
  }, LONG);
});
