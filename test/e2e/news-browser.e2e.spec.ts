import { rmSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { BrowserContext, Page } from 'playwright-core';
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
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts.js';

/**
 * 投稿 in a real browser (Debian's Chromium) against the built app with workers and the demo data:
 * a guest submits for 尉氏县, confirms by the link in the e-mail, the 尉氏县 officer approves it in
 * /console/news, and the article is on /news, on its page and in the region's Atom feed.
 */
const LONG = 240_000;

async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    page: name,
    violations: bad.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
  }).toEqual({ page: name, violations: [] });
}

async function check(page: Page, problems: string[], name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  await expectAccessible(page, name);
  expect({ page: name, problems }).toEqual({ page: name, problems: [] });
}

async function submitAndWait(page: Page, selector: string, url: RegExp | ((u: URL) => boolean)): Promise<void> {
  try {
    await Promise.all([page.waitForURL(url, { timeout: 20_000 }), page.click(selector)]);
  } catch (err) {
    const shown = ((await page.textContent('main').catch(() => '')) ?? '').replace(/\s+/g, ' ').slice(0, 1500);
    throw new Error(`${(err as Error).message.split('\n')[0]} — at ${page.url()}, the page shows: ${shown}`);
  }
}

async function pick(page: Page, scope: string, name: string, codes: string[]): Promise<void> {
  for (let i = 0; i < codes.length; i++) {
    const select = page.locator(`${scope} select[name="${name}${i + 1}"]`);
    await select.locator(`option[value="${codes[i]}"]`).waitFor({ state: 'attached', timeout: 10_000 });
    await select.selectOption(codes[i]);
  }
}

describe('投稿 in a real browser (Chromium)', () => {
  let build: string;
  let mail: MailCatcher;
  let app: RunningApp;
  const sessions: BrowserSession[] = [];
  const guest = `guest-${Date.now().toString(36)}@example.com`;
  const title = '尉氏县新签约两个纺织服装项目';

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
    if (build) rmSync(build, { recursive: true, force: true });
  }, LONG);

  async function browser(): Promise<BrowserContext> {
    const s = await launchChromium();
    sessions.push(s);
    return s.context;
  }

  it(
    'a guest submits and confirms; the 尉氏县 officer approves; it appears on /news and in the feed',
    async () => {
      const { page, problems } = await watchedPage(await browser());
      // the demo's news is on the home page and /news
      await page.goto(`${app.url}/news`);
      expect(await page.textContent('main')).toContain('2021年尉氏县政府工作报告');
      await check(page, problems, 'news-list');

      await page.goto(`${app.url}/news/submit`);
      await check(page, problems, 'news-submit');
      await page.fill('#title', title);
      await pick(page, 'form.form', 'region', ['410000', '410200', '410223']);
      await page.fill(
        '#body',
        '## 签约项目\n\n尉氏县纺织服装产业园新签约两个项目，总投资 3.2亿元。\n\n| 项目 | 总投资 |\n| --- | --- |\n| 服装加工 | 2亿元 |',
      );
      await page.fill('#submitterName', '李记者');
      await page.fill('#submitterEmail', guest);
      await submitAndWait(page, 'button:has-text("提交投稿")', /\/news\/submit\/done/);
      expect(await page.textContent('main')).toContain('请查收确认邮件');

      const confirm = await mail.waitFor((m) => m.to.includes(guest) && m.subject === '请确认您的投稿', 'asking the guest to confirm');
      const link = /http:\/\/127\.0\.0\.1:\d+\/news\/submit\/confirm\?token=[\w-]+/.exec(confirm.text)![0];
      await page.goto(link);
      expect(await page.textContent('main')).toContain('投稿已确认');
      await page.goto(`${app.url}/news?q=${encodeURIComponent('纺织服装')}`);
      expect(await page.textContent('main')).not.toContain(title); // not public before approval

      // the 尉氏县 officer approves it in the console
      const officer = await watchedPage(await browser());
      await officer.page.goto(`${app.url}/login`);
      await officer.page.fill('#email', 'officer.weishi@example.com');
      await officer.page.fill('#password', DEMO_PASSWORD);
      await submitAndWait(officer.page, 'main button[type=submit]', (u) => !u.pathname.startsWith('/login'));
      await officer.page.goto(`${app.url}/console/news`);
      expect(await officer.page.textContent('main')).toContain('篇投稿待审核');
      await check(officer.page, officer.problems, 'console-news');
      await officer.page.click(`a:has-text("${title}")`);
      await officer.page.waitForURL(/\/console\/news\/\d+$/);
      await check(officer.page, officer.problems, 'console-news-article');
      await submitAndWait(officer.page, 'button:has-text("通过并发布")', /done=approved/);
      const id = Number(/\/console\/news\/(\d+)/.exec(officer.page.url())![1]);

      await mail.waitFor((m) => m.to.includes(guest) && m.subject === '您的投稿已发布', 'telling the guest it is published');

      // public: /news, the article (its table kept), the region's feed
      await page.goto(`${app.url}/news?q=${encodeURIComponent('纺织服装')}`);
      expect(await page.textContent('main')).toContain(title);
      await page.click(`a:has-text("${title}")`);
      await page.waitForURL(new RegExp(`/news/${id}$`));
      expect(await page.locator('.article-body table td').first().textContent()).toBe('服装加工');
      expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(`${app.url}/news/${id}`);
      await check(page, problems, 'news-article');

      const xml = await (await fetch(`${app.url}/news/feed.xml?region=410223`)).text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
      const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry];
      const titles = entries.map((e: { title: string | { '#text': string } }) =>
        typeof e.title === 'string' ? e.title : e.title['#text'],
      );
      expect(titles[0]).toBe(title);
    },
    LONG,
  );
});
