import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc } from '../support/factories.js';
import { CHROMIUM } from './web-browser-support.js';

/**
 * Certificate evidence in a real browser: the enterprise uploads its certificate on 企业资料, the officer of
 * its county opens it from the enterprise's console page (served as a PDF), tries 驳回 without a reason
 * (refused, the field marked), gives one, and the enterprise reads the reason on its profile.
 */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    page: name,
    violations: bad.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
  }).toEqual({ page: name, violations: [] });
}

async function login(page: Page, t: TestApp, who: TestActor) {
  await page.goto(`${t.url}/login`);
  await page.fill('#email', who.email);
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('main button[type=submit]')]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% 高新技术企业证书\n%%EOF\n');

describe('certificate evidence in the browser: upload, review, 驳回 with a reason', () => {
  let t: TestApp;
  let browser: Browser;
  let owner: TestActor;
  let officer: TestActor;
  let enterpriseId: number;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await actor(t, 'admin');
    const e = await admin.call(
      'POST',
      '/enterprises',
      enterpriseBody({ uscc: nextUscc('410223'), homeRegionCode: '410223', certifications: [{ kind: 'high_tech' }] }),
    );
    enterpriseId = e.body.id;
    owner = await actor(t, 'enterprise', { enterpriseId });
    officer = await actor(t, 'officer', { region: '410223' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('goes from the enterprise to the officer and back', async () => {
    const mine = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await login(mine, t, owner);
    await mine.goto(`${t.url}/portal/profile`);
    const claim = mine.locator('.cert-claim[data-kind="high_tech"]');
    expect(await claim.textContent()).toContain('尚未上传');
    await claim.locator('input[type=file]').setInputFiles({ name: '高新证书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await Promise.all([mine.waitForURL(/done=evidenceAttached/), claim.locator('button', { hasText: '上传' }).click()]);
    expect(await mine.locator('.cert-claim[data-kind="high_tech"] a').textContent()).toBe('高新证书.pdf');
    await expectAccessible(mine, 'portal/profile with a certificate');

    const staff = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await login(staff, t, officer);
    await staff.goto(`${t.url}/console/enterprises/${enterpriseId}`);
    const link = staff.locator('.cert-evidence a');
    expect(await link.textContent()).toBe('高新证书.pdf');
    const served = await staff.request.get(`${t.url}${await link.getAttribute('href')}`);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await served.body()).equals(PDF)).toBe(true);
    await expectAccessible(staff, 'console/enterprises/:id with a certificate');

    // 驳回 without a reason: the page again (400), the reason field marked
    staff.on('dialog', (d) => void d.accept());
    const reject = staff.locator('form[action$="/certifications/high_tech/reject"]');
    await Promise.all([staff.waitForLoadState('load'), reject.locator('button', { hasText: '驳回' }).click()]);
    await staff.locator('#note-high_tech-error').waitFor();
    expect(await staff.locator('#note-high_tech-error').textContent()).toContain('请填写驳回原因');
    expect(await staff.locator('#note-high_tech').getAttribute('aria-invalid')).toBe('true');
    await staff.fill('#note-high_tech', '证书已过有效期，请上传新证书');
    await Promise.all([
      staff.waitForURL(/done=rejected/),
      staff.locator('form[action$="/certifications/high_tech/reject"] button', { hasText: '驳回' }).click(),
    ]);
    expect(await staff.locator('.cert-evidence').count()).toBe(1);

    await mine.goto(`${t.url}/portal/profile`);
    expect(await mine.locator('.cert-claim[data-kind="high_tech"] .cert-reject-reason').textContent()).toContain(
      '驳回原因：证书已过有效期，请上传新证书',
    );
  }, 120_000);
});
