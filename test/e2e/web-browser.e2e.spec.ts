import { rmSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts.js';
import { makeUscc } from '../../src/enterprises/uscc.js';
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
 * The pages in a real browser: Debian's Chromium (playwright-core, never a downloaded browser)
 * against the app built and started as the README does (`nest build`, `node …/src/main.js` with
 * workers, the demo data from the seed command), PostgreSQL, Redis and an SMTP catcher. Each user
 * has a browser profile of their own. Screenshots land in test-artifacts/screenshots/.
 */
const LONG = 240_000;
const SCRIPT_NAME = '牧丰<script>alert(1)</script>农牧科技有限公司';

/** Axe: no serious or critical violation (WCAG 2.1 A/AA rules and best practices). */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    page: name,
    violations: bad.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
  }).toEqual({ page: name, violations: [] });
}

/** Look at a page: screenshot, accessibility, and nothing went wrong in the console. */
async function check(page: Page, problems: string[], name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  await expectAccessible(page, name);
  expect({ page: name, problems }).toEqual({ page: name, problems: [] });
}

/** Clicks and waits for the next page; when it does not come, the failure says what the page shows instead. */
async function submitAndWait(page: Page, selector: string, url: RegExp | ((u: URL) => boolean)): Promise<void> {
  try {
    await Promise.all([page.waitForURL(url, { timeout: 20_000 }), page.click(selector)]);
  } catch (err) {
    const shown = ((await page.textContent('main').catch(() => '')) ?? '').replace(/\s+/g, ' ').slice(0, 1500);
    throw new Error(`${(err as Error).message.split('\n')[0]} — at ${page.url()}, the page shows: ${shown}`);
  }
}

/** Chooses a code in a cascading picker level by level (each level is filled by app.js from /regions or /industries). */
async function pick(page: Page, scope: string, name: string, codes: string[]): Promise<void> {
  for (let i = 0; i < codes.length; i++) {
    const select = page.locator(`${scope} select[name="${name}${i + 1}"]`);
    await expectEnabledWith(select, codes[i]);
    await select.selectOption(codes[i]);
  }
}
async function expectEnabledWith(select: ReturnType<Page['locator']>, code: string): Promise<void> {
  await select.locator(`option[value="${code}"]`).waitFor({ state: 'attached', timeout: 10_000 });
}

describe('web pages in a real browser (Chromium)', () => {
  let build: string;
  let mail: MailCatcher;
  let app: RunningApp;
  let db: pg.Client;
  const sessions: BrowserSession[] = [];
  const email = `mufeng-${Date.now().toString(36)}@example.com`;
  const password = 'Mufeng-Web-2026';
  let leadId = 0;
  let leadRegion = '';

  beforeAll(async () => {
    build = buildApp();
    mail = new MailCatcher();
    await mail.start();
    app = await startBuiltApp(build, { SMTP_URL: mail.url, DIGEST_HOUR: '9' });
    runNode(build, 'src/cli/seed-demo.js', app.env);
    db = new pg.Client({ connectionString: app.db.url });
    await db.connect();
  }, LONG);
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await db?.end();
    await app?.stop();
    await mail?.stop();
    if (build) rmSync(build, { recursive: true, force: true });
  }, LONG);

  async function browser(viewport?: { width: number; height: number }): Promise<BrowserContext> {
    const s = await launchChromium(viewport);
    sessions.push(s);
    return s.context;
  }

  async function login(page: Page, user: string, pass = DEMO_PASSWORD): Promise<void> {
    await page.goto(`${app.url}/login`);
    await page.fill('#email', user);
    await page.fill('#password', pass);
    await submitAndWait(page, 'main button[type=submit]', (u) => !u.pathname.startsWith('/login'));
  }

  it(
    'public pages render without console errors, are accessible, and work on a phone',
    async () => {
      const { page, problems } = await watchedPage(await browser());
      await page.goto(`${app.url}/`);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.textContent('main')).toContain('尉氏县');
      await check(page, problems, 'public-home');

      await page.goto(`${app.url}/library/projects`);
      await page.fill('#q', '生猪');
      await submitAndWait(page, 'form.filters button[type="submit"]:has-text("筛选")', /q=/);
      expect(await page.textContent('main')).toContain('尉氏县生猪现代农业产业园项目');
      await check(page, problems, 'public-projects');

      // the region picker cascades (app.js fills the next level from /regions)
      await page.goto(`${app.url}/library/projects`);
      await pick(page, 'form.filters', 'region', ['410000', '410200']);
      await submitAndWait(page, 'form.filters button[type="submit"]:has-text("筛选")', /region2=410200/);
      const cards = await page.locator('.project-card').allTextContents();
      expect(cards.length).toBeGreaterThan(0);
      for (const c of cards) expect(c).toContain('开封市');

      await page.locator('.project-card h3 a').first().click();
      await page.waitForURL(/\/library\/projects\/\d+/);
      await check(page, problems, 'public-project');

      await page.goto(`${app.url}/library/policies`);
      await check(page, problems, 'public-policies');
      await page.locator('.policy-card h3 a').first().click();
      await page.waitForURL(/\/library\/policies\/\d+/);
      await check(page, problems, 'public-policy');

      await page.goto(`${app.url}/login`);
      await check(page, problems, 'login');
      await page.goto(`${app.url}/join`);
      await check(page, problems, 'join');

      const phone = await watchedPage(await browser({ width: 390, height: 844 }));
      await phone.page.goto(`${app.url}/library/projects`);
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await check(phone.page, phone.problems, 'phone-projects');
    },
    LONG,
  );

  it(
    'an enterprise registers, verifies its e-mail from the message, fills its profile, follows the match e-mail to the match page and says 感兴趣',
    async () => {
      const { page, problems } = await watchedPage(await browser());
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });

      // 企业入驻: the pickers are driven the way a person drives them
      await page.goto(`${app.url}/join`);
      await page.fill('#uscc', makeUscc('410223', 880_000 + (Date.now() % 100_000)));
      await page.fill('#name', SCRIPT_NAME);
      await page.selectOption('#size', 'medium');
      await pick(page, '[data-name="home"]', 'home', ['410000', '410200', '410223']);
      await page.fill(
        '#description',
        '集种猪繁育、商品猪养殖、饲料加工、生猪屠宰于一体，与职业院校共建畜牧兽医实训基地，拟在尉氏县投资生猪全产业链项目。',
      );
      await pick(page, '[data-list="industryCodes"]', 'ind', ['A', 'A03', 'A031', 'A0313']);
      await page.click('[data-list="industryCodes"] button[data-add-to]');
      await page.locator('[data-list="industryCodes"] input[name="industryCodes"][value="A0313"]').waitFor({ state: 'attached' });
      await pick(page, '[data-list="targetRegionCodes"]', 'tgt', ['410000', '410200', '410223']);
      await page.click('[data-list="targetRegionCodes"] button[data-add-to]');
      await page.fill('#investmentMinWan', '30000');
      await page.fill('#investmentMaxWan', '100000');
      await page.check('input[name="cert_industry_education_integration"]');
      await page.fill('#contact0_name', '王建业');
      await page.fill('#contact0_phone', '13803780000');
      await page.check('input[name="notificationFrequency"][value="instant"]');
      await page.fill('#accountName', '王建业');
      await page.fill('#email', email);
      await page.fill('#password', password);
      await page.fill('#passwordConfirm', password);
      await page.check('#agree');
      await submitAndWait(page, 'button:has-text("提交入驻申请")', /\/join\/done/);
      await check(page, problems, 'join-done');

      // the verification e-mail, followed from the message
      const verification = await mail.waitFor((m) => m.to.includes(email) && m.subject.includes('验证'), 'verification');
      const link = /(http:\/\/127\.0\.0\.1:\d+\/auth\/verify-email\?token=[\w%-]+)/.exec(verification.text)?.[1];
      expect(link).toBeTruthy();
      await page.goto(link!);
      expect(await page.textContent('body')).toContain('邮箱已验证');

      await login(page, email, password);
      expect(new URL(page.url()).pathname).toBe('/portal/matches');

      // the profile: the name shows as text, needs added and saved
      await page.goto(`${app.url}/portal/profile`);
      expect(await page.inputValue('#name')).toBe(SCRIPT_NAME);
      await page.fill('#needLandMu', '300');
      await page.fill('#needNotes', '需标准化养殖及屠宰用地约300亩，靠近冷链物流。');
      await submitAndWait(page, 'main .actions button:has-text("保存")', /done=saved/);
      expect(await page.textContent('[role=status]')).toContain('已保存');
      expect(await page.textContent('#f-cert_industry_education_integration')).toContain('待核验');
      await check(page, problems, 'portal-profile');

      // the match e-mail (instant) links to the match page
      const matchId = await waitForMatch();
      const matchMail = await mail.waitFor(
        (m) => m.to.includes(email) && m.text.includes(`/portal/matches/${matchId}`),
        `with a link to match ${matchId}`,
        90_000,
      );
      expect(matchMail.html).not.toContain('<script>alert(1)</script>');
      const matchLink = new RegExp(`(http://127\\.0\\.0\\.1:\\d+/portal/matches/${matchId})`).exec(matchMail.text)![1];
      await page.goto(matchLink);
      expect(await page.textContent('h1')).toContain('尉氏县生猪现代农业产业园项目');
      expect(await page.textContent('main')).toContain('匹配理由');
      await check(page, problems, 'portal-match');
      await submitAndWait(page, 'main button:has-text("感兴趣")', /done=interested/);
      expect(await page.textContent('main')).toContain('您已表示感兴趣');

      // the interest became a lead in the project's region
      const lead = (await db.query(`SELECT id, region_code FROM lead WHERE match_id = $1`, [matchId])).rows[0];
      expect(lead).toBeTruthy();
      leadId = lead.id;
      leadRegion = lead.region_code;

      for (const [path, name] of [
        ['/portal/matches', 'portal-matches'],
        ['/portal/incentives', 'portal-incentives'],
        ['/portal/leads', 'portal-leads'],
        ['/portal/notifications', 'portal-notifications'],
      ] as const) {
        await page.goto(app.url + path);
        await check(page, problems, name);
      }
      expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(1); // only /assets/app.js
      expect(dialogs).toEqual([]);

      const phone = await watchedPage(await browser({ width: 390, height: 844 }));
      await login(phone.page, email, password);
      await phone.page.goto(`${app.url}/portal/matches/${matchId}`);
      await check(phone.page, phone.problems, 'phone-portal-match');

      async function waitForMatch(): Promise<number> {
        for (let i = 0; i < 240; i++) {
          const r = await db.query(
            `SELECT m.id FROM match m JOIN enterprise e ON e.id = m.enterprise_id JOIN project p ON p.id = m.project_id WHERE e.name = $1 AND p.title = '尉氏县生猪现代农业产业园项目'`,
            [SCRIPT_NAME],
          );
          if (r.rows.length) return Number(r.rows[0].id);
          await new Promise((ok) => setTimeout(ok, 250));
        }
        throw new Error('the matching engine wrote no match for the new enterprise within 60 s');
      }
    },
    LONG,
  );

  it(
    'the responsible officer sees the new lead, assigns it, adds a visit, signs it with an amount, and the dashboard figures change',
    async () => {
      expect(leadId).toBeGreaterThan(0);
      expect(leadRegion).toBe('410223');
      const { page, problems } = await watchedPage(await browser());
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.accept();
      });
      await login(page, 'lead.weishi@example.com'); // 尉氏县招商局 局负责人
      expect(new URL(page.url()).pathname).toBe('/console');
      const figure = async () => (await page.textContent('[data-figure="signed"]'))!.replace(/\s+/g, ' ');
      const before = await figure();
      const beforeCount = Number(/(\d+) 个项目/.exec(before)![1]);
      await check(page, problems, 'console-dashboard');

      await page.goto(`${app.url}/console/leads`);
      const newColumn = page.locator('section.board-col', { has: page.locator('h2:has-text("新线索")') });
      expect(await newColumn.textContent()).toContain(SCRIPT_NAME); // the name as text, not markup
      await check(page, problems, 'console-leads');
      await newColumn.locator(`a[href="/console/leads/${leadId}"]`).click();
      await page.waitForURL(new RegExp(`/console/leads/${leadId}$`));
      expect(await page.textContent('h1')).toBe(SCRIPT_NAME);

      // assign to an officer of the bureau (not the current owner)
      const current = await page.locator('#ownerId').inputValue();
      const options = await page
        .locator('#ownerId option')
        .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
      const target = options.find((o) => o.value && o.value !== current && o.text.includes('专员'))!;
      await page.selectOption('#ownerId', target.value);
      await submitAndWait(page, 'form[action$="/assign"] button', /done=assigned/);
      expect(await page.textContent('main')).toContain(target.text.split('（')[0]);

      // a visit
      await page.check('input[name="kind"][value="visit"]');
      await page.fill('#summary', '带队赴企业总部走访，洽谈尉氏县生猪全产业链项目选址。');
      await submitAndWait(page, 'form[action$="/activities"] button', /done=activity/);
      expect(await page.textContent('.timeline')).toContain('带队赴企业总部走访');

      // 已签约 without an amount is refused next to the field, then signed with 3 亿元
      await page.selectOption('#stage', 'signed');
      await page.click('form[action$="/stage"] button');
      await page.waitForSelector('#e-amountWan');
      expect(await page.textContent('#e-amountWan')).toContain('签约须填写签约金额（万元）');
      // the refused form answers 400 (Chromium logs that status): expected here, and nothing else
      expect(problems.splice(0)).toEqual([expect.stringMatching(/status of 400 .*\/console\/leads\/\d+\/stage/)]);
      await check(page, problems, 'console-lead-errors');
      await page.selectOption('#stage', 'signed');
      await page.fill('#amountWan', '30000');
      await submitAndWait(page, 'form[action$="/stage"] button', /done=stage/);
      expect(await page.textContent('main')).toContain('3 亿元');
      await check(page, problems, 'console-lead');

      await page.goto(`${app.url}/console`);
      const after = await figure();
      expect(Number(/(\d+) 个项目/.exec(after)![1])).toBe(beforeCount + 1);
      expect(after).not.toBe(before);
      await check(page, problems, 'console-dashboard-after');
      await page.goto(`${app.url}/console/bureau`);
      expect(await page.textContent('h1')).toContain('尉氏县招商局');
      await check(page, problems, 'console-bureau');
      expect(dialogs).toEqual([]);
    },
    LONG,
  );

  it(
    'an officer of another city cannot open that lead by URL',
    async () => {
      const { page, problems } = await watchedPage(await browser());
      await login(page, 'officer.luoyang@example.com');
      const r = await page.goto(`${app.url}/console/leads/${leadId}`);
      expect(r!.status()).toBe(404);
      expect(await page.textContent('main')).toContain('页面不存在');
      expect(await page.textContent('body')).not.toContain('牧丰');
      const board = await page.goto(`${app.url}/console/leads`);
      expect(board!.status()).toBe(200);
      expect(await page.textContent('main')).not.toContain('牧丰');
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    },
    LONG,
  );

  it(
    'the console pages are accessible and render without console errors',
    async () => {
      const { page, problems } = await watchedPage(await browser());
      await login(page, 'admin@example.com');
      const projectId = (await db.query(`SELECT id FROM project WHERE title = '尉氏县生猪现代农业产业园项目'`)).rows[0].id;
      const incentiveId = (await db.query(`SELECT id FROM incentive ORDER BY id LIMIT 1`)).rows[0].id;
      const policyId = (await db.query(`SELECT policy_id FROM incentive WHERE id = $1`, [incentiveId])).rows[0].policy_id;
      const enterpriseId = (await db.query(`SELECT id FROM enterprise WHERE name = $1`, [SCRIPT_NAME])).rows[0].id;
      for (const [path, name] of [
        ['/console/projects', 'console-projects'],
        [`/console/projects/${projectId}`, 'console-project'],
        ['/console/projects/new', 'console-project-new'],
        ['/console/policies', 'console-policies'],
        [`/console/policies/${policyId}`, 'console-policy'],
        [`/console/incentives/${incentiveId}`, 'console-incentive'],
        [`/console/incentives/${incentiveId}/edit`, 'console-incentive-edit'],
        ['/console/enterprises', 'console-enterprises'],
        [`/console/enterprises/${enterpriseId}`, 'console-enterprise'],
        ['/console/import', 'console-import'],
        ['/console/notifications', 'console-notifications'],
        ['/console/admin/users', 'console-admin-users'],
        ['/console/admin/bureaus', 'console-admin-bureaus'],
      ] as const) {
        const r = await page.goto(app.url + path);
        expect({ path, status: r!.status() }).toEqual({ path, status: 200 });
        await check(page, problems, name);
      }
      expect(await page.textContent('main')).not.toContain('undefined');

      // the certification claimed at sign-up, verified here
      await page.goto(`${app.url}/console/enterprises/${enterpriseId}`);
      await submitAndWait(page, 'form[action$="/industry_education_integration/verify"] button', /done=verified/);
      expect(await page.textContent('main')).toContain('已核验');

      // the queue view (Bull Board) for admins
      const board = await page.goto(`${app.url}/console/queues`);
      expect(board!.status()).toBe(200);
      await page
        .getByRole('link', { name: /matching/ })
        .first()
        .waitFor({ timeout: 20_000 });
      await page.screenshot({ path: screenshotPath('console-queues'), fullPage: true });
      expect(problems).toEqual([]);
    },
    LONG,
  );
});
