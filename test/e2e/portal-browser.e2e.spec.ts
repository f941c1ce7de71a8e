import { rmSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts.js';
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

/**
 * Pages that fit, and the enterprise side's flows (issue 17 items 3, 7, 12–14), in one Chromium
 * over the demo data: at 1366×768 and 390×844 no main page of the portal or the console is wider
 * than the screen; the header's unread badge counts an enterprise's 咨询 and clears when read; an
 * enterprise asks about a project from 项目库; 认领 by the link mailed to the contact on record and
 * by an officer's approval. One browser, users switched by signing out (cookies cleared).
 */
const LONG = 300_000;
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    page: name,
    violations: bad.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
  }).toEqual({ page: name, violations: [] });
}

async function submitAndWait(page: Page, selector: string, url: RegExp | ((u: URL) => boolean)): Promise<void> {
  try {
    await Promise.all([page.waitForURL(url, { timeout: 20_000 }), page.click(selector)]);
  } catch (err) {
    const shown = ((await page.textContent('main').catch(() => '')) ?? '').replace(/\s+/g, ' ').slice(0, 1500);
    throw new Error(`${(err as Error).message.split('\n')[0]} — at ${page.url()}, the page shows: ${shown}`);
  }
}

/** How far a page is wider than the window (0: fits), and the widest element sticking out, for the message. */
async function overflowOf(page: Page): Promise<{ over: number; culprit: string }> {
  return page.evaluate(() => {
    const over = document.documentElement.scrollWidth - window.innerWidth;
    let culprit = '';
    if (over > 0) {
      let widest = 0;
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > window.innerWidth && r.width > widest && r.width <= document.documentElement.scrollWidth) {
          widest = r.width;
          culprit = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${String(el.className).split(' ').join('.')} (${Math.round(r.right)}px)`;
        }
      }
    }
    return { over, culprit };
  });
}

describe('pages that fit a laptop and a phone; the enterprise side in a browser', () => {
  let build: string;
  let mail: MailCatcher;
  let app: RunningApp;
  let db: pg.Client;
  let session: BrowserSession;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    build = buildApp();
    mail = new MailCatcher();
    await mail.start();
    app = await startBuiltApp(build, { SMTP_URL: mail.url, DIGEST_HOUR: '9' });
    runNode(build, 'src/cli/seed-demo.js', app.env);
    db = new pg.Client({ connectionString: app.db.url });
    await db.connect();
    session = await launchChromium(LAPTOP);
    ({ page, problems } = await watchedPage(session.context));
  }, LONG);
  afterAll(async () => {
    await session?.close();
    await db?.end();
    await app?.stop();
    await mail?.stop();
    if (build) rmSync(build, { recursive: true, force: true });
  }, LONG);

  async function signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await session.context.clearCookies();
    await page.goto(`${app.url}/login`);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await submitAndWait(page, 'main button[type=submit]', (u) => !u.pathname.startsWith('/login'));
  }

  const unreadBadge = async (): Promise<number> => {
    const badge = page.locator('.inbox-link [data-unread]');
    return (await badge.count()) ? Number(await badge.getAttribute('data-unread')) : 0;
  };

  it(
    'no main page is wider than the screen at 1366×768 or 390×844 (portal, console, public)',
    async () => {
      const [project] = (await db.query(`SELECT id FROM project WHERE status = 'published' ORDER BY id LIMIT 1`)).rows;
      const [policy] = (await db.query(`SELECT id FROM policy WHERE status = 'published' ORDER BY id LIMIT 1`)).rows;
      const [enterprise] = (await db.query(`SELECT id FROM enterprise WHERE home_region_code LIKE '4102%' ORDER BY id LIMIT 1`)).rows;
      const publicPages = [
        '/',
        '/library/projects',
        `/library/projects/${project.id}`,
        '/library/policies',
        `/library/policies/${policy.id}`,
      ];
      publicPages.push('/news', '/join', '/login', '/legal/terms');
      const portalPages = ['/portal/matches', '/portal/incentives', '/portal/leads', '/portal/agreements', '/portal/profile'];
      portalPages.push('/portal/notifications', '/messages');
      const consolePages = ['/console', '/console/leads', '/console/agreements', '/console/projects', '/console/policies'];
      consolePages.push('/console/enterprises', `/console/enterprises/${enterprise.id}`, '/console/enterprises/claims', '/console/chains');
      consolePages.push('/console/news', '/console/import', '/console/notifications', '/messages');
      const adminPages = ['/console/admin/users', '/console/admin/bureaus', '/console/admin/legal'];
      const tooWide: string[] = [];
      const visit = async (paths: string[], who: string) => {
        for (const size of [LAPTOP, PHONE]) {
          await page.setViewportSize(size);
          for (const path of paths) {
            const r = await page.goto(`${app.url}${path}`);
            expect({ path, status: r?.status() }).toEqual({ path, status: 200 });
            const { over, culprit } = await overflowOf(page);
            if (over > 0) tooWide.push(`${who} ${path} at ${size.width}px: ${over}px too wide — ${culprit}`);
          }
        }
      };
      await session.context.clearCookies();
      await visit(publicPages, 'anonymous');
      await signIn('wang.jianguo@example.com');
      await visit(portalPages, 'enterprise');
      await signIn('officer.kaifeng@example.com');
      await visit(consolePages, 'officer');
      await signIn('admin@example.com');
      await visit(adminPages, 'admin');
      expect(tooWide).toEqual([]);

      // on a phone: tables read as cards, the nav marks where one is, filters fold above the results
      await page.setViewportSize(PHONE);
      await signIn('officer.kaifeng@example.com');
      await page.goto(`${app.url}/console/enterprises`);
      expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toBe('企业');
      expect(await page.locator('table.as-cards').count()).toBeGreaterThan(0);
      expect(
        await page
          .locator('table.as-cards td[data-label]')
          .first()
          .evaluate((td) => getComputedStyle(td).display),
      ).toBe('block');
      const toggle = page.locator('form.filters .filters-toggle');
      await expect(toggle.isVisible()).resolves.toBe(true);
      await expect(page.locator('form.filters #q').isVisible()).resolves.toBe(false);
      await toggle.click();
      await expect(page.locator('form.filters #q').isVisible()).resolves.toBe(true);
      await page.screenshot({ path: screenshotPath('phone-console-enterprises'), fullPage: true });
      await expectAccessible(page, 'phone-console-enterprises');
      // chart labels stay readable (≥ 11 px as drawn)
      await page.goto(`${app.url}/console`);
      const smallest = await page.evaluate(() =>
        Math.min(...Array.from(document.querySelectorAll('svg.chart text')).map((t) => t.getBoundingClientRect().height || 99)),
      );
      expect(smallest).toBeGreaterThanOrEqual(11);
      await page.setViewportSize(LAPTOP);
      expect(problems).toEqual([]);
    },
    LONG,
  );

  it(
    'an enterprise asks about a project from 项目库; the officer’s unread badge counts it and clears once read',
    async () => {
      // a published project of 尉氏县 the demo enterprise has no lead on yet
      const [target] = (
        await db.query(
          `SELECT p.id, p.title FROM project p WHERE p.status = 'published' AND p.region_code = '410223'
             AND NOT EXISTS (SELECT 1 FROM lead l JOIN app_user u ON u.enterprise_id = l.enterprise_id
                             WHERE l.project_id = p.id AND u.email = 'wang.jianguo@example.com' AND l.stage NOT IN ('lost'))
           ORDER BY p.id LIMIT 1`,
        )
      ).rows;
      expect(target).toBeTruthy();
      await signIn('wang.jianguo@example.com');
      await page.goto(`${app.url}/library/projects/${target.id}`);
      await page.fill('#inquiry textarea[name="message"]', '想了解用地指标和配套政策，方便时请来电。');
      await submitAndWait(page, '#inquiry button[type=submit]', /\/portal\/leads/);
      const next = (await page.textContent('#next-title ~ *')) ?? '';
      expect(await page.textContent('main')).toContain('接下来会怎样');
      const [lead] = (
        await db.query(
          `SELECT l.id, l.source, u.email AS owner_email, u.name AS owner_name FROM lead l LEFT JOIN app_user u ON u.id = l.owner_id
            WHERE l.project_id = $1 ORDER BY l.id DESC LIMIT 1`,
          [target.id],
        )
      ).rows;
      expect(lead.source).toBe('inquiry');
      if (lead.owner_name) expect(next).toContain(lead.owner_name); // who will call, by name
      await expectAccessible(page, 'portal-leads-after-inquiry');

      // the responsible staff member's header badge counts the 咨询 and clears once it is read
      const [recipient] = (
        await db.query(
          `SELECT u.email FROM inbox_message m JOIN app_user u ON u.id = m.user_id WHERE m.kind = 'inquiry' AND m.link LIKE $1 LIMIT 1`,
          [`%/leads/${lead.id}%`],
        )
      ).rows;
      expect(recipient).toBeTruthy();
      await signIn(recipient.email);
      const before = await unreadBadge();
      expect(before).toBeGreaterThanOrEqual(1);
      await page.goto(`${app.url}/messages?unread=1`);
      const item = page.locator('.message-unread', { hasText: target.title }).first();
      await Promise.all([page.waitForURL(/\/console\/leads\/\d+/), item.locator('button.link-button').click()]);
      expect(await unreadBadge()).toBe(before - 1);
      await page.goto(`${app.url}/messages`);
      if (await page.locator('button:has-text("全部标记为已读")').count())
        await submitAndWait(page, 'button:has-text("全部标记为已读")', /\/messages/);
      expect(await unreadBadge()).toBe(0);
      expect(problems).toEqual([]);
    },
    LONG,
  );

  it(
    '认领: by the link mailed to the contact on record, and by an officer’s approval',
    async () => {
      // two enterprises of 开封 on record without an account (entered by staff or imported)
      const rows = (
        await db.query(
          `SELECT e.id, e.uscc, e.name, e.contacts FROM enterprise e
            WHERE e.home_region_code LIKE '4102%' AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.enterprise_id = e.id)
            ORDER BY e.id LIMIT 2`,
        )
      ).rows as Array<{ id: number; uscc: string; name: string; contacts: Array<{ email?: string }> }>;
      expect(rows).toHaveLength(2);
      await db.query(`UPDATE enterprise SET contacts = '[{"name":"登记联系人","email":"record.contact@example.com"}]' WHERE id = $1`, [
        rows[0].id,
      ]);

      const claim = async (uscc: string, email: string) => {
        await session.context.clearCookies();
        await page.goto(`${app.url}/join`);
        await page.fill('#uscc', uscc);
        await page.fill('#accountName', '新任办公室主任');
        await page.fill('#email', email);
        await page.fill('#password', 'Claim-Web-2026');
        await page.fill('#passwordConfirm', 'Claim-Web-2026');
        await page.check('#agree');
        await page.click('button:has-text("提交入驻申请")');
        await page.locator('#claim-title').waitFor();
        expect(await page.textContent('#claim-title')).toContain('可以认领');
        await expectAccessible(page, 'join-claimable');
        // the browser keeps the typed password? a form re-rendered never echoes it: type it again
        await page.fill('#password', 'Claim-Web-2026');
        await page.fill('#passwordConfirm', 'Claim-Web-2026');
        await page.click('button:has-text("申请认领")');
        await page.locator('h1:has-text("认领申请已提交")').waitFor();
      };

      // 1. the contact on record confirms through the mailed link
      const first = `claim-mail-${Date.now().toString(36)}@example.com`;
      await claim(rows[0].uscc, first);
      expect(await page.textContent('main')).toContain('re***@example.com');
      const asked = await mail.waitFor(
        (m) => m.to.includes('record.contact@example.com') && m.subject.includes('认领'),
        'claim confirmation',
      );
      const link = /(http:\/\/127\.0\.0\.1:\d+\/join\/claim\?token=[\w%-]+)/.exec(asked.text)?.[1];
      expect(link).toBeTruthy();
      await page.goto(link!);
      await expectAccessible(page, 'claim-confirm');
      await page.click('button:has-text("确认，允许其认领")');
      await page.locator('h1:has-text("已确认认领")').waitFor();
      const verification = await mail.waitFor((m) => m.to.includes(first) && m.subject.includes('验证'), 'verification after the claim');
      const verify = /(http:\/\/127\.0\.0\.1:\d+\/auth\/verify-email\?token=[\w%-]+)/.exec(verification.text)?.[1];
      await page.goto(verify!);
      await signIn(first, 'Claim-Web-2026');
      await page.goto(`${app.url}/portal/profile`);
      expect(await page.inputValue('#name')).toBe(rows[0].name); // the claimed enterprise's own record, in its form

      // 2. an officer of the region approves
      const second = `claim-officer-${Date.now().toString(36)}@example.com`;
      await claim(rows[1].uscc, second);
      expect((await db.query(`SELECT 1 FROM app_user WHERE email = $1`, [second])).rows).toHaveLength(0); // nothing before a decision
      await signIn('officer.kaifeng@example.com');
      await page.goto(`${app.url}/console/enterprises/claims`);
      await expectAccessible(page, 'console-claims');
      const row = page.locator('tr', { hasText: second });
      await Promise.all([page.waitForURL(/decided=approve/), row.locator('button:has-text("批准认领")').click()]);
      await mail.waitFor((m) => m.to.includes(second) && m.subject.includes('验证'), 'verification after the approval');
      const [account] = (await db.query(`SELECT enterprise_id FROM app_user WHERE email = $1`, [second])).rows;
      expect(account.enterprise_id).toBe(rows[1].id);
      // the sign-up form answers a known USCC with 409 (offering 认领, once per claim above); nothing else went wrong
      const conflict = /status of 409 \(Conflict\) \(http:\/\/127\.0\.0\.1:\d+\/join\)$/;
      expect(problems.filter((p) => conflict.test(p))).toHaveLength(2);
      expect(problems.filter((p) => !conflict.test(p))).toEqual([]);
    },
    LONG,
  );
});
