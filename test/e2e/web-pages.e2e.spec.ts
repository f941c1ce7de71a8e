import { answer } from '../support/api-client.js';
import { EnterprisesService } from '../../src/enterprises/enterprises.service.js';
import { UsersService } from '../../src/accounts/users.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD } from '../support/auth.js';
import { enterpriseBody, nextUscc, policyBody, projectBody } from '../support/factories.js';

/** A tiny browser without JavaScript: keeps cookies, posts forms, follows nothing by itself. */
class NoJsBrowser {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string) {
    const res = await fetch(this.base + path, { headers: { cookie: this.cookieHeader() }, redirect: 'manual' });
    this.keep(res);
    return { status: res.status, location: res.headers.get('location'), headers: res.headers, html: await res.text() };
  }

  /** A form post as a browser sends it (same-origin Origin header, urlencoded, repeated names for lists). */
  async post(path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await fetch(this.base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), origin: this.base, ...headers },
      body,
      redirect: 'manual',
    });
    this.keep(res);
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  hasSession() {
    return this.cookies.has('im_session');
  }
}

/** The value of a hidden/input field in a page. */
const inputValue = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? null;
const csrfOf = (html: string) => inputValue(html, '_csrf');
/** The messages shown next to a field. */
const fieldErrors = (html: string, name: string) => {
  const m =
    new RegExp(`<span class="field-error" id="e-${name}">(.*?)</span></span>`).exec(html) ??
    new RegExp(`<span class="field-error" id="e-${name}">(.*?)</span>\\s*$`, 'm').exec(html);
  return m ? [...m[1].matchAll(/<span>(.*?)(?=<\/span>|$)/g)].map((x) => x[1]) : [];
};

/** Server-rendered pages over plain HTTP (no browser): rendering, escaping, access, forms without JavaScript. */
describe('web pages (HTTP, no JavaScript)', () => {
  let t: TestApp;
  let projectId: number;
  let enterpriseId: number;
  let enterpriseEmail: string;

  beforeAll(async () => {
    t = await startTestApp();
    const officer = await actor(t, 'officer', { region: '410200' });
    const policy = (await officer.call('POST', '/policies', policyBody({ regionCode: '410200' }))).body;
    await officer.call('POST', `/policies/${policy.id}/publish`);
    const p = (await officer.call('POST', '/projects', projectBody({ incentiveIds: [policy.incentives[0].id] }))).body;
    await officer.call('POST', `/projects/${p.id}/publish`);
    projectId = p.id;
    const draft = (await officer.call('POST', '/projects', projectBody({ title: '尚未发布的草稿项目' }))).body;
    expect(draft.status).toBe('draft');
    const e = await t
      .get(EnterprisesService)
      .register(
        (await import('../../src/enterprises/enterprise.schemas.js')).registerEnterpriseSchema.parse(
          enterpriseBody({ name: '<script>alert(1)</script>牧丰' }),
        ),
      );
    enterpriseId = e.id;
    const user = await actor(t, 'enterprise', { enterpriseId });
    enterpriseEmail = user.email;
  });
  afterAll(async () => {
    await t?.close();
  });

  // logins come from many test "clients" (the login rate limit is per address; trust proxy is loopback)
  let client = 0;
  const login = async (email: string, password = TEST_PASSWORD) => {
    const b = new NoJsBrowser(t.url);
    const r = await b.post('/login', { email, password }, { 'x-forwarded-for': `198.51.100.${++client % 250}` });
    expect(r.status).toBe(303);
    expect(b.hasSession()).toBe(true);
    return b;
  };

  it('renders the home page in Chinese with the latest projects', async () => {
    const r = await new NoJsBrowser(t.url).get('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html; charset=utf-8/);
    expect(r.html).toContain('<html lang="zh-CN">');
    expect(r.html).toContain('尉氏县生猪现代农业产业园');
    expect(r.html).toContain('5 亿元');
    expect(r.html).not.toContain('尚未发布的草稿项目');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.html).not.toMatch(/<script>(?!\s*<\/script>)/); // no inline scripts: the CSP would block them
  });

  it('filters the project library by region subtree, text and stage (GET forms, shareable URLs)', async () => {
    const b = new NoJsBrowser(t.url);
    expect((await b.get('/library/projects?region=410200')).html).toContain('尉氏县生猪现代农业产业园');
    expect((await b.get('/library/projects?region1=410000&region2=410200&region3=')).html).toContain('尉氏县生猪现代农业产业园');
    expect((await b.get('/library/projects?region=410300')).html).not.toContain('尉氏县生猪现代农业产业园');
    expect((await b.get(`/library/projects?q=${encodeURIComponent('生猪')}`)).html).toContain('尉氏县生猪现代农业产业园');
    expect((await b.get('/library/projects?stage=signed')).html).not.toContain('尉氏县生猪现代农业产业园');
    // a stale lower level (a city of another province) is ignored, not an error
    expect((await b.get('/library/projects?region1=410000&region2=110100')).status).toBe(200);
    // the no-JS cascade: choosing a province lists its cities in the next select
    const cascade = await b.get('/library/projects?region1=410000');
    expect(cascade.html).toMatch(/<option value="410200"[^>]*>开封市<\/option>/);
    const tooLong = await b.get(`/library/projects?q=${'很'.repeat(101)}`);
    expect(tooLong.status).toBe(200);
    expect(fieldErrors(tooLong.html, 'q')).toEqual(['长度不能超过 100 个字符']);
  });

  it('shows published projects and policies, and answers 404 pages for drafts and unknown ids', async () => {
    const b = new NoJsBrowser(t.url);
    const p = await b.get(`/library/projects/${projectId}`);
    expect(p.status).toBe(200);
    expect(p.html).toContain('300 亩');
    expect(p.html).toContain('项目审批绿色通道');
    const missing = await b.get('/library/projects/999999');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('页面不存在');
    expect((await b.get('/library/projects/abc')).status).toBe(404);
    const policies = await b.get('/library/policies');
    const id = /href="\/library\/policies\/(\d+)"/.exec(policies.html)![1];
    const policy = await b.get(`/library/policies/${id}`);
    expect(policy.html).toContain('经认定为产教融合型企业');
  });

  it('logs in with a form, redirects by role, and logs out by POST with the CSRF token', async () => {
    const anon = new NoJsBrowser(t.url);
    const closed = await anon.get('/portal/profile');
    expect(closed.status).toBe(303);
    expect(closed.location).toBe('/login?next=%2Fportal%2Fprofile');
    const wrong = await anon.post('/login', { email: enterpriseEmail, password: 'Wrong-password-1' });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('邮箱或密码错误');
    expect(inputValue(wrong.html, 'email')).toBe(enterpriseEmail);
    const ok = await anon.post('/login', { email: enterpriseEmail, password: TEST_PASSWORD, next: '/portal/profile' });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/portal/profile');
    // an open redirect is not possible through `next`
    const b = new NoJsBrowser(t.url);
    expect((await b.post('/login', { email: enterpriseEmail, password: TEST_PASSWORD, next: '//evil.example.com/' })).location).toBe(
      '/portal/matches',
    );
    const page = await anon.get('/portal/profile');
    const csrf = csrfOf(page.html)!;
    expect(csrf).toBeTruthy();
    expect((await anon.post('/logout', {})).status).toBe(403); // no token
    const out = await anon.post('/logout', { _csrf: csrf });
    expect(out.status).toBe(303);
    expect((await anon.get('/portal/profile')).status).toBe(303);
  });

  it('refuses a login form posted from another site (login CSRF)', async () => {
    const b = new NoJsBrowser(t.url);
    const r = await b.post('/login', { email: enterpriseEmail, password: TEST_PASSWORD }, { origin: 'https://evil.example.com' });
    expect(r.status).toBe(403);
    expect(b.hasSession()).toBe(false);
    // a foreign page with a no-referrer policy makes the browser send "Origin: null": refused too
    expect((await b.post('/login', { email: enterpriseEmail, password: TEST_PASSWORD }, { origin: 'null' })).status).toBe(403);
    expect(b.hasSession()).toBe(false);
    // our own pages ask browsers to send our origin on their posts
    expect((await b.get('/login')).html).toContain('<meta name="referrer" content="same-origin">');
  });

  it('escapes user values: an enterprise named <script> shows as text', async () => {
    const b = await login(enterpriseEmail);
    const r = await b.get('/portal/profile');
    expect(r.status).toBe(200);
    expect(r.html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;牧丰"');
    expect(r.html).not.toContain('<script>alert(1)</script>');
  });

  it('re-renders the profile form with Chinese errors next to the fields, and saves nothing', async () => {
    const b = await login(enterpriseEmail);
    const page = await b.get('/portal/profile');
    const csrf = csrfOf(page.html)!;
    const before = await t.get(EnterprisesService).get(enterpriseId);
    const r = await b.post('/portal/profile', {
      _csrf: csrf,
      name: '',
      home1: '410000',
      home2: '410200',
      home3: '410223',
      industryCodes: ['A0313'],
      investmentMinWan: '30000',
      investmentMaxWan: '5000',
      needLandMu: '十亩',
      contact0_name: '王经理',
      contact0_email: 'not-an-email',
    });
    expect(r.status).toBe(400);
    expect(fieldErrors(r.html, 'name')).toEqual(['请填写企业名称']);
    expect(fieldErrors(r.html, 'investmentMaxWan')).toEqual(['最高投资额不能小于最低投资额']);
    expect(fieldErrors(r.html, 'needLandMu')).toEqual(['请输入数字']);
    expect(fieldErrors(r.html, 'contact0_email')).toEqual(['不是有效的电子邮箱地址']);
    expect(r.html).toContain('role="alert"');
    expect(r.html).toContain('aria-invalid="true"');
    // what was typed is kept
    expect(inputValue(r.html, 'investmentMinWan')).toBe('30000');
    expect(inputValue(r.html, 'contact0_email')).toBe('not-an-email');
    const after = await t.get(EnterprisesService).get(enterpriseId);
    expect(after.name).toBe(before.name);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
  });

  it('refuses a form without the session CSRF token (403 page) and changes nothing', async () => {
    const b = await login(enterpriseEmail);
    const r = await b.post('/portal/profile', { name: '被篡改的名称', home1: '410000', industryCodes: ['A0313'], contact0_name: '王' });
    expect(r.status).toBe(403);
    expect(r.html).toContain('页面已过期');
    const bad = await b.post('/portal/profile', { _csrf: 'x'.repeat(43), name: '被篡改的名称' });
    expect(bad.status).toBe(403);
    expect((await t.get(EnterprisesService).get(enterpriseId)).name).not.toBe('被篡改的名称');
  });

  it('adds an industry and a target region without JavaScript (picker round trip), converts 万元 exactly, and saves', async () => {
    const b = await login(enterpriseEmail);
    const page = await b.get('/portal/profile');
    const csrf = csrfOf(page.html)!;
    const base = {
      _csrf: csrf,
      name: '河南牧丰农牧科技有限公司',
      size: 'medium',
      home1: '410000',
      home2: '410200',
      home3: '410223',
      industryCodes: ['A0313'],
      targetRegionCodes: ['410200'],
      investmentMinWan: '5000.5',
      investmentMaxWan: '30000',
      needLandMu: '120.5',
      contact0_name: '王经理',
      contact0_phone: '13800138000',
      cert_industry_education_integration: '1',
      notificationFrequency: 'instant',
    };
    // 1) choose a section, load its divisions (no JS: the "load next level" button)
    const step1 = await b.post('/portal/profile', { ...base, ind1: 'C', _action: 'refresh' });
    expect(step1.status).toBe(200);
    expect(step1.html).toMatch(/<option value="C13"[^>]*>C13 农副食品加工业<\/option>/);
    // 2) pick C13 and add it: a chip appears, nothing saved yet
    const step2 = await b.post('/portal/profile', { ...base, ind1: 'C', ind2: 'C13', _action: 'add-industry' });
    expect(step2.html).toMatch(/name="industryCodes" value="C13" checked/);
    expect((await t.get(EnterprisesService).get(enterpriseId)).industryCodes).toEqual(['A0313']);
    // 3) add 尉氏县 as a target region and save
    const saved = await b.post('/portal/profile', {
      ...base,
      industryCodes: ['A0313', 'C13'],
      tgt1: '410000',
      tgt2: '410200',
      tgt3: '410223',
      _action: 'save',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/portal/profile?done=saved');
    const e = await t.get(EnterprisesService).get(enterpriseId);
    expect(e.industryCodes).toEqual(['A0313', 'C13']);
    expect(e.targetRegionCodes).toEqual(['410200', '410223']);
    expect(e.investmentMinYuan).toBe(50_005_000);
    expect(e.investmentMaxYuan).toBe(300_000_000);
    expect(e.needLandMu).toBe(120.5);
    expect(e.notificationFrequency).toBe('instant');
    const shown = await b.get('/portal/profile?done=saved');
    expect(shown.html).toContain('已保存');
    expect(inputValue(shown.html, 'investmentMinWan')).toBe('5000.5');
    expect(shown.html).toContain('待核验'); // the claimed certification awaits an officer
  });

  it('signs an enterprise up through 企业入驻 (errors first, then the account awaiting e-mail verification)', async () => {
    const b = new NoJsBrowser(t.url);
    const form = await b.get('/join');
    expect(form.status).toBe(200);
    // required fields are marked, and the consent names the versions in force
    expect(form.html).toMatch(/<label for="email">[^<]*<span class="req" aria-hidden="true">\*<\/span><\/label>/);
    expect(form.html).toContain('href="/legal/terms"');
    expect(inputValue(form.html, 'termsVersion')).toBe('1');
    const uscc = nextUscc();
    const fields = {
      uscc,
      name: '开封新能源装备有限公司',
      home1: '410000',
      home2: '410200',
      industryCodes: ['C38'],
      contact0_name: '李总',
      accountName: '李总',
      email: `li-${uscc.slice(-6).toLowerCase()}@example.com`,
      password: 'short',
      passwordConfirm: 'short',
      agree: '1',
      termsVersion: inputValue(form.html, 'termsVersion')!,
      privacyVersion: inputValue(form.html, 'privacyVersion')!,
    };
    const bad = await b.post('/join', { ...fields, uscc: uscc.slice(0, 17) + (uscc.endsWith('0') ? '1' : '0') });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.html, 'uscc')).toEqual(['统一社会信用代码校验位错误']);
    expect(fieldErrors(bad.html, 'password')).toEqual(['密码至少 10 个字符']);
    expect(await t.get(EnterprisesService).findByUscc(uscc)).toBeNull();
    // an empty e-mail says 必填; the password twice; the consent box; the summary lists them in form order with their labels
    const { agree: _agree, ...unticked } = fields;
    const worse = await b.post('/join', {
      ...unticked,
      email: '',
      password: 'Kaifeng-2026-ok',
      passwordConfirm: 'Kaifeng-2026-no',
      name: '',
    });
    expect(worse.status).toBe(400);
    expect(fieldErrors(worse.html, 'email')).toEqual(['必填']);
    expect(fieldErrors(worse.html, 'passwordConfirm')).toEqual(['两次输入的密码不一致']);
    expect(fieldErrors(worse.html, 'consent')).toEqual(['请阅读并勾选同意用户协议和隐私政策']);
    const summary = /<div class="notice notice-error" role="alert" id="form-errors">([\s\S]*?)<\/div>/.exec(worse.html)?.[1] ?? '';
    const order = [...summary.matchAll(/href="#f-(\w+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['name', 'email', 'passwordConfirm', 'consent']);
    expect(summary).toContain('邮箱：必填');
    const ok = await b.post('/join', { ...fields, password: 'Kaifeng-2026-ok', passwordConfirm: 'Kaifeng-2026-ok' });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/join/done');
    expect(await t.get(EnterprisesService).findByUscc(uscc)).not.toBeNull();
    const user = await t.get(UsersService).findForLogin(fields.email);
    expect(user?.emailVerifiedAt).toBeNull();
    const [consent] = await t.dataSource.query(`SELECT terms_version, privacy_version, terms_accepted_at FROM app_user WHERE email = $1`, [
      fields.email,
    ]);
    expect(consent).toMatchObject({ terms_version: 1, privacy_version: 1 });
    expect(consent.terms_accepted_at).not.toBeNull();
    // until the e-mail is verified, login explains and offers to resend
    const login = await b.post('/login', { email: fields.email, password: 'Kaifeng-2026-ok' });
    expect(login.status).toBe(403);
    expect(login.html).toContain('邮箱尚未验证');
    expect(login.html).toContain('/verify-email/resend?email=');
    // the honeypot: a bot filling the hidden field gets the same answer and creates nothing
    const botUscc = nextUscc();
    const bot = await b.post('/join', {
      ...fields,
      uscc: botUscc,
      email: 'bot@example.com',
      password: 'Kaifeng-2026-ok',
      passwordConfirm: 'Kaifeng-2026-ok',
      website: 'http://spam.example.com',
    });
    expect(bot.status).toBe(303);
    expect(await t.get(EnterprisesService).findByUscc(botUscc)).toBeNull();
  });

  it('versions the 用户协议: an admin publishes an edit, sign-up with the old version is refused, the new one is recorded', async () => {
    const admin = await login((await actor(t, 'admin')).email);
    const page = await admin.get('/console/admin/legal');
    expect(page.status).toBe(200);
    expect(page.html).toContain('第 1 版');
    const csrf = csrfOf(page.html)!;
    expect((await admin.post('/console/admin/legal/terms', { _csrf: csrf, body: '   ' })).status).toBe(400);
    const saved = await admin.post('/console/admin/legal/terms', { _csrf: csrf, body: '第二版用户协议。\n\n新增一条。' });
    expect(saved.status).toBe(303);
    const shown = await new NoJsBrowser(t.url).get('/legal/terms');
    expect(shown.html).toContain('第 2 版');
    expect(shown.html).toContain('<p>新增一条。</p>');
    const [audit] = await t.dataSource.query(`SELECT detail FROM audit_log WHERE action = 'legal.published' ORDER BY id DESC LIMIT 1`);
    expect(audit.detail).toMatchObject({ kind: 'terms', version: 2 });
    // someone who read version 1 and submits after the change is asked to agree again
    const b = new NoJsBrowser(t.url);
    const uscc = nextUscc();
    const fields = {
      uscc,
      name: '开封协议测试有限公司',
      home1: '410000',
      home2: '410200',
      industryCodes: ['C38'],
      contact0_name: '赵总',
      accountName: '赵总',
      email: `zhao-${uscc.slice(-6).toLowerCase()}@example.com`,
      password: 'Kaifeng-2026-ok',
      passwordConfirm: 'Kaifeng-2026-ok',
      agree: '1',
      termsVersion: '1',
      privacyVersion: '1',
    };
    const stale = await b.post('/join', fields);
    expect(stale.status).toBe(400);
    expect(fieldErrors(stale.html, 'consent')[0]).toContain('已更新');
    expect(inputValue(stale.html, 'termsVersion')).toBe('2');
    expect((await b.post('/join', { ...fields, termsVersion: '2' })).status).toBe(303);
    const [u] = await t.dataSource.query(`SELECT terms_version FROM app_user WHERE email = $1`, [fields.email]);
    expect(u.terms_version).toBe(2);
    // staff may not edit the texts
    const officer = await login((await actor(t, 'officer', { region: '410200' })).email);
    expect((await officer.get('/console/admin/legal')).status).toBe(403);
  });

  describe('认领: signing up for an enterprise already on record', () => {
    // sign-ups are rate-limited per client: each post comes from a client of its own
    let joinClient = 0;
    const join = (b: NoJsBrowser, form: Record<string, string | string[]>) =>
      b.post('/join', form, { 'x-forwarded-for': `203.0.113.${++joinClient % 250}` });
    const claimFields = async (b: NoJsBrowser, uscc: string, email: string) => {
      const form = await b.get('/join');
      return {
        uscc,
        name: '随便填的名称',
        accountName: '新来的钱经理',
        email,
        password: 'Claim-2026-ok',
        passwordConfirm: 'Claim-2026-ok',
        agree: '1',
        termsVersion: inputValue(form.html, 'termsVersion')!,
        privacyVersion: inputValue(form.html, 'privacyVersion')!,
      };
    };
    const userOf = async (email: string) =>
      (await t.dataSource.query(`SELECT id, enterprise_id, role FROM app_user WHERE email = $1`, [email]))[0] as
        { id: number; enterprise_id: number; role: string } | undefined;

    it('offers 认领 instead of a 409, and the link mailed to the contact on record opens the account (once)', async () => {
      const officer = await actor(t, 'officer', { region: '410200' });
      const e = (
        await officer.call('POST', '/enterprises', enterpriseBody({ contacts: [{ name: '王经理', email: 'Wang.Record@example.com' }] }))
      ).body;
      const b = new NoJsBrowser(t.url);
      const fields = await claimFields(b, e.uscc, `qian-${e.id}@example.com`);
      const offered = await join(b, { ...fields, home1: '410000', industryCodes: ['C38'], contact0_name: '钱' });
      expect(offered.status).toBe(409);
      expect(offered.html).toContain('该企业已在平台登记，可以认领');
      expect(offered.html).toContain('value="claim"');
      const claimed = await join(b, { ...fields, _action: 'claim' });
      expect(claimed.status).toBe(200);
      expect(claimed.html).toContain('认领申请已提交');
      expect(claimed.html).toContain('wa***@example.com');
      expect(claimed.html).not.toContain('wang.record@example.com');
      // no account until someone confirms
      expect(await userOf(fields.email)).toBeUndefined();
      const [mail] = await t.dataSource.query(
        `SELECT recipient_email, data FROM notification WHERE template = 'account.claim-confirm' ORDER BY id DESC LIMIT 1`,
      );
      expect(mail.recipient_email).toBe('wang.record@example.com');
      const path: string = mail.data.path;
      expect(path).toMatch(/^\/join\/claim\?token=/);
      // opening the link only shows what is asked; the button confirms
      const shown = await b.get(path);
      expect(shown.status).toBe(200);
      expect(shown.html).toContain('新来的钱经理');
      expect(await userOf(fields.email)).toBeUndefined();
      const token = decodeURIComponent(path.split('token=')[1]);
      const done = await b.post('/join/claim', { token });
      expect(done.status).toBe(200);
      expect(done.html).toContain('已确认认领');
      const u = await userOf(fields.email);
      expect(u).toMatchObject({ enterprise_id: e.id, role: 'enterprise' });
      const [audit] = await t.dataSource.query(
        `SELECT target_id, detail FROM audit_log WHERE action = 'auth.claim_confirmed' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit.detail).toMatchObject({ userId: u!.id, confirmedBy: 'wang.record@example.com' });
      // the applicant's own address is verified as at sign-up
      const [verify] = await t.dataSource.query(
        `SELECT 1 FROM notification WHERE template = 'account.verify-email' AND recipient_email = $1`,
        [fields.email],
      );
      expect(verify).toBeTruthy();
      // the link works once
      expect((await b.post('/join/claim', { token })).status).toBe(400);
      expect((await b.get(path)).html).toContain('链接无效');
    });

    it('an officer of the region approves a claim; officers elsewhere neither see nor decide it', async () => {
      const officer = await actor(t, 'officer', { region: '410200' });
      const e = (await officer.call('POST', '/enterprises', enterpriseBody({ contacts: [{ name: '无邮箱联系人', phone: '13900000000' }] })))
        .body;
      const b = new NoJsBrowser(t.url);
      const fields = await claimFields(b, e.uscc, `sun-${e.id}@example.com`);
      const claimed = await join(b, { ...fields, _action: 'claim' });
      expect(claimed.status).toBe(200);
      expect(claimed.html).toContain('没有登记联系人邮箱');
      const [{ id: claimId }] = await t.dataSource.query(`SELECT id FROM enterprise_claim WHERE email = $1`, [fields.email]);
      const [inbox] = await t.dataSource.query(`SELECT link FROM inbox_message WHERE user_id = $1 AND kind = 'claim'`, [officer.userId]);
      expect(inbox.link).toBe('/console/enterprises/claims');

      const elsewhere = await login((await actor(t, 'officer', { region: '110100' })).email);
      const theirs = await elsewhere.get('/console/enterprises/claims');
      expect(theirs.status).toBe(200);
      expect(theirs.html).not.toContain(fields.email);
      const refused = await elsewhere.post(`/console/enterprises/claims/${claimId}`, { _csrf: csrfOf(theirs.html)!, decision: 'approve' });
      expect(refused.status).toBe(404);
      expect(await userOf(fields.email)).toBeUndefined();

      const staff = await login(officer.email);
      const list = await staff.get('/console/enterprises/claims');
      expect(list.html).toContain(fields.email);
      const approved = await staff.post(`/console/enterprises/claims/${claimId}`, { _csrf: csrfOf(list.html)!, decision: 'approve' });
      expect(approved.status).toBe(303);
      expect(await userOf(fields.email)).toMatchObject({ enterprise_id: e.id });
      const [audit] = await t.dataSource.query(
        `SELECT actor_user_id FROM audit_log WHERE action = 'auth.claim_approved' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit.actor_user_id).toBe(officer.userId);
      // decided once
      expect(
        (await staff.post(`/console/enterprises/claims/${claimId}`, { _csrf: csrfOf(list.html)!, decision: 'reject', reason: '晚了' }))
          .status,
      ).toBe(409);
    });

    it('a refusal needs a reason, tells the applicant, and opens nothing; a made-up link opens nothing either', async () => {
      const officer = await actor(t, 'officer', { region: '410200' });
      const e = (await officer.call('POST', '/enterprises', enterpriseBody())).body;
      const b = new NoJsBrowser(t.url);
      const fields = await claimFields(b, e.uscc, `zhou-${e.id}@example.com`);
      expect((await join(b, { ...fields, _action: 'claim' })).status).toBe(200);
      const [{ id: claimId }] = await t.dataSource.query(`SELECT id FROM enterprise_claim WHERE email = $1`, [fields.email]);
      const staff = await login(officer.email);
      const list = await staff.get('/console/enterprises/claims');
      const noReason = await staff.post(`/console/enterprises/claims/${claimId}`, { _csrf: csrfOf(list.html)!, decision: 'reject' });
      expect(noReason.status).toBe(400);
      expect(noReason.html).toContain('请填写拒绝的原因');
      const rejected = await staff.post(`/console/enterprises/claims/${claimId}`, {
        _csrf: csrfOf(list.html)!,
        decision: 'reject',
        reason: '企业联系人表示不认识申请人',
      });
      expect(rejected.status).toBe(303);
      expect(await userOf(fields.email)).toBeUndefined();
      const [mail] = await t.dataSource.query(
        `SELECT data FROM notification WHERE template = 'account.claim-rejected' AND recipient_email = $1`,
        [fields.email],
      );
      expect(mail.data.reason).toBe('企业联系人表示不认识申请人');
      // the mailed link of a refused claim no longer works
      expect((await b.post('/join/claim', { token: 'x'.repeat(43) })).status).toBe(400);
      const [row] = await t.dataSource.query(`SELECT status, token_hash FROM enterprise_claim WHERE id = $1`, [claimId]);
      expect(row).toEqual({ status: 'rejected', token_hash: null });
      // an unknown USCC is no claim
      const unknown = await join(b, { ...fields, uscc: nextUscc(), _action: 'claim' });
      expect(unknown.status).toBe(400);
      expect(fieldErrors(unknown.html, 'uscc')[0]).toContain('尚未登记');
    });
  });

  it('keeps enterprises out of the console and staff out of the portal', async () => {
    const b = await login(enterpriseEmail);
    expect((await b.get('/console')).status).toBe(403);
    const officer = await actor(t, 'officer', { region: '410200' });
    const staff = await login(officer.email);
    const r = await staff.get('/portal/matches');
    expect(r.status).toBe(403);
    expect(r.html).toContain('无权访问');
  });

  it("sends staff who open an old mail's /portal/matches/:id link to the console's equivalent; the enterprise keeps the page", async () => {
    const [{ id }] = await t.dataSource.query(`INSERT INTO match (enterprise_id, project_id, score) VALUES ($1, $2, 70) RETURNING id`, [
      enterpriseId,
      projectId,
    ]);
    const officer = await actor(t, 'officer', { region: '410200' });
    const staff = await login(officer.email);
    const before = await staff.get(`/portal/matches/${id}`);
    expect(before.status).toBe(303);
    expect(before.headers.get('location')).toBe(`/console/projects/${projectId}#match-${id}`);
    // once the match is a lead, the lead
    const lead = await answer(officer.api.POST('/leads', { body: { matchId: Number(id) } }));
    expect(lead.status).toBe(201);
    const after = await staff.get(`/portal/matches/${id}`);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe(`/console/leads/${lead.body.id}`);
    // another city's officer may not read the match: 404, as the API answers
    const luoyang = await login((await actor(t, 'officer', { region: '410300' })).email);
    expect((await luoyang.get(`/portal/matches/${id}`)).status).toBe(404);
    // the enterprise still gets its portal page
    const own = await (await login(enterpriseEmail)).get(`/portal/matches/${id}`);
    expect(own.status).toBe(200);
    expect(own.html).toContain('尉氏县生猪现代农业产业园');
  });

  it('console: an officer creates a project through the form (errors first), edits, publishes and moves its stage', async () => {
    const officer = await actor(t, 'officer', { region: '410200' });
    const b = await login(officer.email);
    const form = await b.get('/console/projects/new');
    expect(form.status).toBe(200);
    const csrf = csrfOf(form.html)!;
    const code = `WEB-${Date.now().toString(36)}`;
    const base = {
      _csrf: csrf,
      code,
      title: '开封汽车零部件产业园',
      region1: '410000',
      region2: '410200',
      region3: '410223',
      industryCodes: ['C36'],
      totalInvestmentWan: '',
      stage: 'open',
    };
    const bad = await b.post('/console/projects/new', base);
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.html, 'totalInvestmentWan')).toEqual(['请填写总投资额']);
    // a region outside the officer's scope is refused like the API refuses it
    const outside = await b.post('/console/projects/new', {
      ...base,
      region1: '410000',
      region2: '410300',
      region3: '',
      totalInvestmentWan: '80000',
    });
    expect(outside.status).toBe(403);
    expect(outside.html).toContain('超出本招商局的辖区');
    const ok = await b.post('/console/projects/new', { ...base, totalInvestmentWan: '80000', landAreaMu: '260' });
    expect(ok.status).toBe(303);
    const id = Number(/\/console\/projects\/(\d+)/.exec(ok.location!)![1]);
    const page = await b.get(`/console/projects/${id}`);
    expect(page.html).toContain('8 亿元');
    expect(page.html).toContain('草稿');
    expect((await b.post(`/console/projects/${id}/publish`, { _csrf: csrf })).status).toBe(303);
    expect((await new NoJsBrowser(t.url).get(`/library/projects/${id}`)).status).toBe(200);
    const signed = await b.post(`/console/projects/${id}/stage`, { _csrf: csrf, stage: 'signed', note: '已签订投资协议' });
    expect(signed.status).toBe(303);
    const back = await b.post(`/console/projects/${id}/stage`, { _csrf: csrf, stage: 'open' });
    expect(back.status).toBe(409);
    expect(back.html).toContain('阶段只能向前推进');
    const edit = await b.post(`/console/projects/${id}/edit`, {
      _csrf: csrf,
      title: '开封汽车零部件产业园（二期）',
      region1: '410000',
      region2: '410200',
      region3: '410223',
      industryCodes: ['C36'],
      totalInvestmentWan: '90000',
      _action: 'save',
    });
    expect(edit.status).toBe(303);
    const shown = await b.get(`/console/projects/${id}`);
    expect(shown.html).toContain('开封汽车零部件产业园（二期）');
    expect(shown.html).toContain('9 亿元');
    expect(shown.html).toContain('已签约');
    // an officer of another city sees it read-only and cannot change it
    const luoyang = await login((await actor(t, 'officer', { region: '410300' })).email);
    const ro = await luoyang.get(`/console/projects/${id}`);
    expect(ro.status).toBe(200);
    expect(ro.html).toContain('只能查看');
    expect(ro.html).not.toContain(`/console/projects/${id}/edit`);
    expect((await luoyang.get(`/console/projects/${id}/edit`)).status).toBe(403);
    const lcsrf = csrfOf(ro.html)!;
    expect((await luoyang.post(`/console/projects/${id}/unpublish`, { _csrf: lcsrf })).status).toBe(403);
    // drafts of another region do not exist for it
    const draft = (await officer.call('POST', '/projects', projectBody({ title: '开封的草稿' }))).body;
    expect((await luoyang.get(`/console/projects/${draft.id}`)).status).toBe(404);
  });

  it('console: edits eligibility conditions through the form (no JS), previews 政策找企业, saves, and verifies a certification', async () => {
    const officer = await actor(t, 'officer', { region: '410200' });
    const b = await login(officer.email);
    const csrf = csrfOf((await b.get('/console/policies/new')).html)!;
    const created = await b.post('/console/policies/new', {
      _csrf: csrf,
      title: '开封市农业产业化扶持办法',
      issuer: '开封市人民政府',
      region1: '410000',
      region2: '410200',
      validFrom: '2024-01-01',
      _action: 'save',
    });
    expect(created.status).toBe(303);
    const policyId = Number(/\/console\/policies\/(\d+)/.exec(created.location!)![1]);
    const base = { _csrf: csrf, kind: 'subsidy', title: '农业龙头企业奖补', maxAmountWan: '200' };
    // add a condition row (a round trip that saves nothing), then fill it
    const step1 = await b.post(`/console/policies/${policyId}/incentives/new`, {
      ...base,
      cond_count: '0',
      new_cond_type: 'industry',
      _action: 'add-condition',
    });
    expect(step1.status).toBe(200);
    expect(step1.html).toContain('name="cond_0_type" value="industry"');
    const step2 = await b.post(`/console/policies/${policyId}/incentives/new`, {
      ...base,
      cond_count: '1',
      cond_0_type: 'industry',
      cond_0_p1: 'A',
      new_cond_type: 'minInvestment',
      _action: 'add-condition',
    });
    expect(step2.html).toContain('name="cond_1_type" value="minInvestment"');
    const bad = await b.post(`/console/policies/${policyId}/incentives/new`, {
      ...base,
      cond_count: '2',
      cond_0_type: 'industry',
      cond_0_codes: 'A',
      cond_1_type: 'minInvestment',
      cond_1_wan: '-3',
      _action: 'save',
    });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.html, 'cond_1_wan')).toEqual(['金额不能为负数']);
    const preview = await b.post(`/console/policies/${policyId}/incentives/new`, {
      ...base,
      cond_count: '2',
      cond_0_type: 'industry',
      cond_0_codes: 'A',
      cond_1_type: 'minInvestment',
      cond_1_wan: '3000',
      _action: 'preview',
    });
    expect(preview.status).toBe(200);
    expect(preview.html).toMatch(/符合条件：<strong>\d+<\/strong> 家/);
    const saved = await b.post(`/console/policies/${policyId}/incentives/new`, {
      ...base,
      cond_count: '2',
      cond_0_type: 'industry',
      cond_0_codes: 'A',
      cond_1_type: 'minInvestment',
      cond_1_wan: '3000',
      _action: 'save',
    });
    expect(saved.status).toBe(303);
    const incentiveId = Number(/\/console\/incentives\/(\d+)/.exec(saved.location!)![1]);
    const stored = (await officer.call('GET', `/incentives/${incentiveId}`)).body;
    expect(stored.conditions.map((c: { type: string }) => c.type)).toEqual(['industry', 'minInvestment']);
    expect(stored.conditions[1].yuan).toBe(30_000_000);
    expect(stored.maxAmountYuan).toBe(2_000_000);
    const page = await b.get(`/console/incentives/${incentiveId}`);
    expect(page.html).toContain('所属行业属于A 农、林、牧、渔业');
    expect(page.html).toContain('政策找企业');

    // the enterprise of this file (registered in 尉氏县, claiming 产教融合) is reviewed by a 开封 officer
    const ent = await b.get(`/console/enterprises/${enterpriseId}`);
    expect(ent.status).toBe(200);
    expect(ent.html).toContain('河南牧丰农牧科技有限公司'); // renamed by the profile test above
    expect(ent.html).toContain('待核验');
    const verified = await b.post(`/console/enterprises/${enterpriseId}/certifications/industry_education_integration/verify`, {
      _csrf: csrf,
      note: '已核对',
    });
    expect(verified.status).toBe(303);
    expect((await t.get(EnterprisesService).get(enterpriseId)).verifiedCertifications).toEqual(['industry_education_integration']);
    // another city's officer: not their enterprise (404), and cannot review
    const luoyang = await login((await actor(t, 'officer', { region: '410300' })).email);
    expect((await luoyang.get(`/console/enterprises/${enterpriseId}`)).status).toBe(404);
    const lcsrf = csrfOf((await luoyang.get('/console')).html)!;
    expect(
      (await luoyang.post(`/console/enterprises/${enterpriseId}/certifications/industry_education_integration/reject`, { _csrf: lcsrf }))
        .status,
    ).toBe(404);
  });

  it('console: admins manage users and bureaus; the queue view is for admins only', async () => {
    const admin = await actor(t, 'admin');
    const b = await login(admin.email);
    const page = await b.get('/console/admin/users');
    expect(page.status).toBe(200);
    const csrf = csrfOf(page.html)!;
    const bad = await b.post('/console/admin/users', { _csrf: csrf, email: 'x', name: '', role: 'officer' });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.html, 'bureauId')).toEqual(['招商专员和局负责人必须属于一个招商局']);
    const bureaus = await b.post('/console/admin/bureaus', {
      _csrf: csrf,
      name: '兰考县招商局',
      region1: '410000',
      region2: '410200',
      region3: '410225',
      idleLimitDays: '10',
      _action: 'save',
    });
    expect(bureaus.status).toBe(303);
    const list = await b.get('/console/admin/bureaus');
    const bureauId = /<option value="(\d+)"[^>]*>兰考县招商局/.exec((await b.get('/console/admin/users')).html)?.[1];
    expect(list.html).toContain('兰考县招商局');
    expect(bureauId).toBeTruthy();
    const email = `lankao-${Date.now().toString(36)}@example.com`;
    const created = await b.post('/console/admin/users', {
      _csrf: csrf,
      email,
      name: '兰考专员',
      role: 'officer',
      bureauId: bureauId!,
      password: 'Lankao-2026-pass',
    });
    expect(created.status).toBe(303);
    expect((await b.get('/console/admin/users')).html).toContain(email);
    // Bull Board: admins see it; officers are refused; anonymous visitors go to the login page
    const board = await b.get('/console/queues');
    expect(board.status).toBe(200);
    expect(board.html).toContain('static/js/main');
    expect(board.html).not.toContain('fonts.googleapis.com');
    const api = await b.get('/console/queues/api/queues');
    expect(api.status).toBe(200);
    const officer = await login((await actor(t, 'officer', { region: '410200' })).email);
    expect((await officer.get('/console/queues')).status).toBe(403);
    expect((await officer.get('/console/queues/api/queues')).status).toBe(403);
    expect((await officer.get('/console/admin/users')).status).toBe(403);
    const anon = await new NoJsBrowser(t.url).get('/console/queues');
    expect(anon.status).toBe(303);
    expect(anon.location).toBe('/login?next=%2Fconsole%2Fqueues');
    // a write to the board from another site is refused even for an admin
    const foreign = await b.post('/console/queues/api/queues/pause', {}, { origin: 'https://evil.example.com' });
    expect(foreign.status).toBe(403);
  });

  it('console: the dashboard charts render as inline SVG with a data table, and the notification list loads', async () => {
    const officer = await actor(t, 'officer', { region: '410200' });
    const b = await login(officer.email);
    const home = await b.get('/console');
    expect(home.status).toBe(200);
    expect(home.html).toMatch(/<svg class="chart" role="img"/);
    expect(home.html).toContain('<table>');
    const n = await b.get('/console/notifications');
    expect(n.status).toBe(200);
    expect(n.html).toContain('我的通知设置');
  });

  it('console lists: sortable columns, page numbers and page size; the leads list view sorts by column', async () => {
    const admin = await actor(t, 'admin');
    const officer = await actor(t, 'officer', { region: '410203' });
    for (const name of ['乙字测试排序企业', '甲字测试排序企业', '丙字测试排序企业'])
      await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(), name, homeRegionCode: '410203' }));
    const b = await login(officer.email);
    const names = (html: string) => [...html.matchAll(/<a href="\/console\/enterprises\/\d+">([^<]*测试排序企业)<\/a>/g)].map((m) => m[1]);
    const asc = await b.get('/console/enterprises?q=测试排序企业&order=name');
    expect(asc.status).toBe(200);
    expect(names(asc.html)).toEqual([...names(asc.html)].sort());
    expect(asc.html).toMatch(
      /<th scope="col" aria-sort="ascending"><a class="sort-link" href="\/console\/enterprises\?q=[^"]*&amp;order=-name"/,
    );
    const desc = await b.get('/console/enterprises?q=测试排序企业&order=-name');
    expect(names(desc.html)).toEqual([...names(asc.html)].reverse());
    // two per page: page numbers, the size kept by the links, the size chooser
    const paged = await b.get('/console/enterprises?q=测试排序企业&order=name&pageSize=10');
    expect(paged.html).toContain('<select name="pageSize" data-autosubmit>');
    expect(paged.html).toMatch(/<option value="10" selected>10<\/option>/);
    // junk order and size fall back to the defaults, never a 500
    const junk = await b.get('/console/enterprises?order=drop%20table&pageSize=7&page=-1');
    expect(junk.status).toBe(200);
    expect((await officer.call('GET', '/enterprises?order=nope')).status).toBe(400);
    // the leads list view: one table, sortable by column, paged by number
    for (const e of (await admin.call('GET', '/enterprises?q=测试排序企业')).body.items)
      expect(
        (await officer.call('POST', '/leads', { enterpriseId: e.id, regionCode: '410203', expectedInvestmentYuan: 1_000_000 * e.id }))
          .status,
      ).toBe(201);
    const list = await b.get('/console/leads?view=list&order=-expected');
    expect(list.status).toBe(200);
    expect(list.html).toContain('aria-sort="descending"');
    const order = [...list.html.matchAll(/<a href="\/console\/leads\/\d+">([^<]*测试排序企业)<\/a>/g)].map((m) => m[1]);
    expect(order).toEqual(['丙字测试排序企业', '甲字测试排序企业', '乙字测试排序企业']);
    expect((await officer.call('GET', '/leads?order=stage&cursor=abc')).status).toBe(400);
    // the officer's lead page shows the enterprise's contacts (name, phone, e-mail)
    const leadId = /href="\/console\/leads\/(\d+)"/.exec(list.html)![1];
    const leadPage = await b.get(`/console/leads/${leadId}`);
    expect(leadPage.html).toMatch(
      /data-enterprise-contacts><ul class="plain"><li>王经理 · <a href="tel:13800138000">13800138000<\/a> · <a href="mailto:wang@example.com">wang@example.com<\/a>/,
    );
    // the board: filters fold away, every stage reachable from the jump links
    const board = await b.get('/console/leads');
    expect(board.html).toContain('<details class="board-filters"');
    for (const stage of ['producing', 'lost']) expect(board.html).toContain(`href="#col-${stage}" data-board-jump`);
  });

  it('console: works a lead without JavaScript — board, refused stage move with the reason next to the field, visit, signing, assignment', async () => {
    const lead = await actor(t, 'bureau_lead', { region: '410223' });
    const officer = await actor(t, 'officer', { bureauId: lead.bureauId! });
    const created = await lead.call('POST', '/leads', { enterpriseId, regionCode: '410223', ownerId: officer.userId });
    expect([200, 201]).toContain(created.status);
    const id = created.body.id;
    const b = await login(lead.email);
    const board = await b.get('/console/leads');
    expect(board.status).toBe(200);
    expect(board.html).toContain(`/console/leads/${id}`);
    const page = await b.get(`/console/leads/${id}`);
    const csrf = csrfOf(page.html)!;
    const noAmount = await b.post(`/console/leads/${id}/stage`, { _csrf: csrf, stage: 'signed' });
    expect(noAmount.status).toBe(400);
    expect(fieldErrors(noAmount.html, 'amountWan')).toEqual(['签约须填写签约金额（万元）']);
    const badAmount = await b.post(`/console/leads/${id}/stage`, { _csrf: csrf, stage: 'signed', amountWan: '三亿' });
    expect(fieldErrors(badAmount.html, 'amountWan')).toEqual(['请输入数字金额（单位：万元）']);
    expect((await b.post(`/console/leads/${id}/activities`, { _csrf: csrf, kind: 'visit', summary: '' })).status).toBe(400);
    expect((await b.post(`/console/leads/${id}/activities`, { _csrf: csrf, kind: 'visit', summary: '实地走访企业' })).status).toBe(303);
    const signed = await b.post(`/console/leads/${id}/stage`, { _csrf: csrf, stage: 'signed', amountWan: '12000.5' });
    expect(signed.status).toBe(303);
    const row = (await lead.call('GET', `/leads/${id}`)).body;
    expect(row.stage).toBe('signed');
    expect(row.signed.amountYuan).toBe(120_005_000);
    expect(row.timeline.map((a: { kind: string }) => a.kind)).toEqual(expect.arrayContaining(['visit', 'stage_change']));
    // back to 新线索 is refused by the pipeline, explained on the page
    const back = await b.post(`/console/leads/${id}/stage`, { _csrf: csrf, stage: 'new' });
    expect(back.status).toBe(409);
    expect(back.html).toContain('线索不能回到「新线索」阶段');
    // only bureau leads assign; an officer is refused
    const other = await actor(t, 'officer', { bureauId: lead.bureauId! });
    expect((await b.post(`/console/leads/${id}/assign`, { _csrf: csrf, ownerId: String(other.userId) })).status).toBe(303);
    expect((await lead.call('GET', `/leads/${id}`)).body.owner.id).toBe(other.userId);
    const asOfficer = await login(officer.email);
    const ocsrf = csrfOf((await asOfficer.get('/console')).html)!;
    expect((await asOfficer.post(`/console/leads/${id}/assign`, { _csrf: ocsrf, ownerId: String(officer.userId) })).status).toBe(403);
    // another city's officer: no such lead
    const luoyang = await login((await actor(t, 'officer', { region: '410300' })).email);
    expect((await luoyang.get(`/console/leads/${id}`)).status).toBe(404);
  });

  it('console: imports a CSV through the multipart form (CSRF field checked), and lists each bad row with line, column and reason', async () => {
    const officer = await actor(t, 'officer', { region: '410200' });
    const b = await login(officer.email);
    const csrf = csrfOf((await b.get('/console/import')).html)!;
    const csv = '统一社会信用代码,企业名称\n123,坏行企业\n';
    const send = async (withCsrf: boolean) => {
      const form = new FormData();
      if (withCsrf) form.set('_csrf', csrf);
      form.set('kind', 'enterprises');
      form.set('file', new Blob([csv], { type: 'text/csv' }), 'enterprises.csv');
      return fetch(`${t.url}/console/import`, { method: 'POST', body: form, redirect: 'manual', headers: { cookie: b.cookieHeader() } });
    };
    expect((await send(false)).status).toBe(403);
    const ok = await send(true);
    expect(ok.status).toBe(303);
    const jobPage = await b.get(ok.headers.get('location')!);
    expect(jobPage.status).toBe(200);
    expect(jobPage.html).toContain('未导入（文件有错误）');
    // the file lacks required columns: reported against the header line, nothing imported
    expect(jobPage.html).toContain('<td class="num">1</td><td>industryCodes</td><td>缺少必填列「行业代码」</td>');
    expect(await t.dataSource.query(`SELECT 1 FROM enterprise WHERE name = '坏行企业'`)).toEqual([]);
  });

  it('console: a bureau lead invites an officer and adds an assignment rule for the bureau', async () => {
    const lead = await actor(t, 'bureau_lead', { region: '410223' });
    const b = await login(lead.email);
    const page = await b.get('/console/bureau');
    expect(page.status).toBe(200);
    const csrf = csrfOf(page.html)!;
    const invitee = `invitee-${Date.now().toString(36)}@example.com`;
    expect((await b.post('/console/bureau/officers', { _csrf: csrf, email: invitee, name: '新专员' })).status).toBe(303);
    const after = await b.get('/console/bureau');
    expect(after.html).toContain(invitee);
    const officerId = /<option value="(\d+)"[^>]*>新专员<\/option>/.exec(after.html)![1];
    const noUser = await b.post('/console/bureau/rules', { _csrf: csrf, ruleIndustry1: 'C', _action: 'save' });
    expect(noUser.status).toBe(400);
    expect(fieldErrors(noUser.html, 'userId')).toEqual(['请选择负责人']);
    const rule = await b.post('/console/bureau/rules', {
      _csrf: csrf,
      ruleIndustry1: 'C',
      ruleIndustry2: 'C13',
      userId: officerId,
      _action: 'save',
    });
    expect(rule.status).toBe(303);
    expect((await b.get('/console/bureau')).html).toContain('C13 农副食品加工业');
    // officers have no bureau page
    const officer = await login((await actor(t, 'officer', { bureauId: lead.bureauId! })).email);
    expect((await officer.get('/console/bureau')).status).toBe(403);
  });

  it('serves the assets with caching by content hash, and page forms ignore fields they do not name (no mass assignment)', async () => {
    const b = new NoJsBrowser(t.url);
    const home = await b.get('/');
    const css = /href="(\/assets\/app\.css\?v=\w+)"/.exec(home.html)![1];
    const versioned = await b.get(css);
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await b.get('/assets/app.css')).headers.get('cache-control')).toBe('public, max-age=300');
    expect((await b.get('/assets/app.js')).headers.get('content-type')).toMatch(/javascript/);
    expect((await b.get('/favicon.ico')).headers.get('content-type')).toMatch(/svg/);
    // an enterprise cannot verify its own certification through the profile form
    const user = await login(enterpriseEmail);
    const csrf = csrfOf((await user.get('/portal/profile')).html)!;
    const r = await user.post('/portal/profile', {
      _csrf: csrf,
      name: '河南牧丰农牧科技有限公司',
      home1: '410000',
      home2: '410200',
      home3: '410223',
      industryCodes: ['A0313'],
      contact0_name: '王经理',
      cert_high_tech: '1',
      status: 'verified',
      verifiedCertifications: 'high_tech',
      cert_high_tech_status: 'verified',
      id: '1',
    });
    expect(r.status).toBe(303);
    const e = await t.get(EnterprisesService).get(enterpriseId);
    expect(e.verifiedCertifications).not.toContain('high_tech');
    expect(e.pendingCertifications).toContain('high_tech');
  });
});
