import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc, projectBody } from '../support/factories.js';
import { CHROMIUM } from './web-browser-support.js';

/**
 * Merging duplicate enterprises in a real browser (Debian's Chromium): an officer of 尉氏县 opens
 * 疑似重复企业 from the enterprise list, sees the pair (名称相同), keeps the older record and
 * merges the other with a reason; both records' leads and matches are on the kept one, and the
 * merged record's page address leads to the kept record.
 */
describe('enterprise merge in the browser', () => {
  let t: TestApp;
  let officer: TestActor;
  let browser: Browser;
  let keep: number;
  let drop: number;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410223' });
    const ent = async (name: string, phone: string) =>
      (await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(), name, contacts: [{ name: '联系人', phone }] }))).body
        .id as number;
    keep = await ent('尉氏县恒达机械有限公司', '13700000001');
    drop = await ent('尉氏县 恒达机械股份有限公司', '13700000002');
    const project = (await officer.call('POST', '/projects', projectBody({ title: '尉氏县装备制造产业园' }))).body.id;
    await t.dataSource.query(`INSERT INTO match (enterprise_id, project_id, score, status) VALUES ($1, $2, 66, 'interested')`, [
      drop,
      project,
    ]);
    for (const enterpriseId of [keep, drop])
      expect((await officer.call('POST', '/leads', { enterpriseId, regionCode: '410223', ownerId: officer.userId })).status).toBe(201);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the pair, merges it with a reason and redirects the merged record', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })).newPage();
    page.on('dialog', (d) => void d.accept()); // the 确定合并 confirmation
    await page.goto(`${t.url}/login`);
    await page.fill('#email', officer.email);
    await page.fill('#password', TEST_PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('main button[type=submit]')]);
    await page.goto(`${t.url}/console/enterprises`);
    await Promise.all([page.waitForURL(/\/console\/enterprises\/duplicates/), page.click('a[data-duplicates-link]')]);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    const pair = page.locator(`[data-duplicate-pair="${keep}-${drop}"]`);
    expect(await pair.textContent()).toContain('名称相同');
    const form = pair.locator(`form[action="/console/enterprises/${keep}/merge"]`);
    await form.locator('input[name=reason]').fill('同一企业重复录入');
    await Promise.all([page.waitForURL(new RegExp(`/console/enterprises/${keep}\\?done=merged`)), form.locator('button').click()]);
    expect(await page.locator('main').textContent()).toContain('已合并重复的企业记录');

    await page.goto(`${t.url}/console/enterprises/${drop}`);
    expect(new URL(page.url()).pathname).toBe(`/console/enterprises/${keep}`);
    const leads = await t.dataSource.query(`SELECT enterprise_id, stage FROM lead ORDER BY id`);
    expect(leads).toEqual([
      { enterprise_id: keep, stage: 'new' },
      { enterprise_id: keep, stage: 'lost' },
    ]);
    const [m] = await t.dataSource.query(`SELECT enterprise_id, status FROM match`);
    expect(m).toEqual({ enterprise_id: keep, status: 'interested' });
    await page.goto(`${t.url}/console/enterprises/duplicates`);
    expect(await page.locator('[data-duplicate-pair]').count()).toBe(0);
  }, 120_000);
});
