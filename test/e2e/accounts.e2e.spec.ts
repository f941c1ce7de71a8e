import { User } from '../../src/accounts/user.entity.js';
import { FakeClock } from '../../src/platform/clock/clock.js';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink.js';
import { answer, apiClient, type ApiClient } from '../support/api-client.js';
import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD, type TestActor } from '../support/auth.js';
import { enterpriseBody } from '../support/factories.js';

/**
 * Accounts end to end: enterprise sign-up with e-mail verification, password reset, invitations,
 * bureau leads managing their officers, admin role changes — with real mail through SMTP. JSON calls
 * go through the generated client (`anon`, each actor's `api`); pages, form posts and input the
 * document forbids go by hand (`post`, `http`, `call`).
 */
describe('accounts: sign-up, verification, password reset, invitations, user management', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let admin: TestActor;
  /** anonymously, through the generated client */
  let anon: ApiClient;
  const clock = new FakeClock(new Date());
  let ipSeq = 0;
  /** A fresh client address per call, so the per-IP limits only bite where a test wants them to. */
  const from = () => ({ 'x-forwarded-for': `192.0.2.${(++ipSeq % 250) + 1}` });
  /** By hand: bodies the document does not allow. */
  const post = (path: string, body: unknown, headers: Record<string, string> = from()) => http(t.url, 'POST', path, body, headers);
  const login = (email: string, password = TEST_PASSWORD, headers = from()) =>
    answer(anon.POST('/auth/login', { body: { email, password }, headers }));
  const signup = (body: ReturnType<typeof signupBody>, headers = from()) =>
    answer(anon.POST('/auth/signup', { body: body as never, headers }));
  const verifyEmail = (token: string) => answer(anon.POST('/auth/verify-email', { body: { token }, headers: from() }));
  const resendVerification = (email: string) => answer(anon.POST('/auth/verify-email/resend', { body: { email }, headers: from() }));
  const forgot = (email: string) => answer(anon.POST('/auth/password/forgot', { body: { email }, headers: from() }));
  const resetPassword = (token: string, password: string, headers = from()) =>
    answer(anon.POST('/auth/reset-password', { body: { token, password }, headers }));
  const me = (who: TestActor | string) => answer(apiClient(t.url, typeof who === 'string' ? who : who.token).GET('/auth/me'));

  const mailTo = async (address: string, subject: RegExp): Promise<ReceivedMail> => {
    await sink.waitFor((r) => r.some((m) => m.to.includes(address) && subject.test(m.subject)), 30_000, `${subject} to ${address}`);
    return sink.received.filter((m) => m.to.includes(address) && subject.test(m.subject)).at(-1)!;
  };
  /** The link in a mail's text part, as a path on this server. */
  const linkIn = (mail: ReceivedMail) => {
    const m = /https?:\/\/[^\s]+\/auth\/(verify-email|reset-password)\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!m) throw new Error(`no account link in: ${mail.text}`);
    return { path: `/auth/${m[1]}?token=${m[2]}`, token: m[2] };
  };

  const signupBody = (email: string, overrides: Record<string, unknown> = {}) => ({
    email,
    password: 'Kaifeng-Invest-2026',
    name: '王建国',
    enterprise: enterpriseBody(),
    ...overrides,
  });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ clock, env: { WORKERS: 'true', SMTP_URL: sink.url, MAIL_RATE_PER_SECOND: '1000' } });
    admin = await actor(t, 'admin');
    anon = apiClient(t.url);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  describe('enterprise sign-up (企业入驻 with an account)', () => {
    it('creates the enterprise and its user, e-mails a verification link, and allows login only once verified', async () => {
      const r = await signup(signupBody('founder@example.com'));
      expect(r.status).toBe(201);
      expect(r.body.user).toMatchObject({
        email: 'founder@example.com',
        role: 'enterprise',
        emailVerified: false,
        enterpriseId: r.body.enterprise.id,
      });
      expect(r.body.enterprise.certifications[0].status).toBe('claimed');

      const refused = await login('founder@example.com', 'Kaifeng-Invest-2026');
      expect(refused.status).toBe(403);
      expect(refused.body.type).toContain('email-unverified');

      const mail = await mailTo('founder@example.com', /验证您的邮箱/);
      expect(mail.html).toContain('验证邮箱');
      const { path, token } = linkIn(mail);
      // only a hash of the token is stored
      const stored = await t.dataSource.query(`SELECT token_hash FROM account_token WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [
        token,
      ]);
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(await t.dataSource.query('SELECT * FROM account_token'))).not.toContain(token);
      // once delivered, the message row no longer holds the link either
      let rows: Array<{ data: unknown }> = [];
      for (let i = 0; i < 50; i++) {
        rows = await t.dataSource.query(
          `SELECT data FROM notification WHERE template = 'account.verify-email' AND status = 'sent' AND recipient_email = 'founder@example.com'`,
        );
        if (rows.length) break;
        await new Promise((res) => setTimeout(res, 100));
      }
      expect(rows).toEqual([{ data: { redacted: true } }]);

      const page = await http(t.url, 'GET', path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.body).toContain('邮箱已验证');

      const ok = await login('founder@example.com', 'Kaifeng-Invest-2026');
      expect(ok.status).toBe(200);
      const own = await answer(
        apiClient(t.url, ok.body.token).GET('/enterprises/{id}', { params: { path: { id: r.body.enterprise.id } } }),
      );
      expect(own.status).toBe(200);
      expect(own.body.contacts).toHaveLength(1);

      // the link works once
      const again = await verifyEmail(token);
      expect(again.status).toBe(400);
      expect(again.body.errors[0]).toMatchObject({ field: 'token', code: 'invalid_or_expired' });

      const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE actor_user_id = $1 ORDER BY id`, [r.body.user.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual([
        'auth.signup',
        'auth.login_failed',
        'auth.email_verified',
        'auth.login',
      ]);
    });

    it.each([
      ['a role', { role: 'admin' }, 'role'],
      ['a verified flag', { emailVerified: true }, 'emailVerified'],
      [
        'a self-verified certification',
        { enterprise: enterpriseBody({ certifications: [{ kind: 'high_tech', status: 'verified' }] }) },
        'enterprise.certifications[0].status',
      ],
      ['a bureau', { bureauId: 1 }, 'bureauId'],
    ])('refuses mass assignment of %s (400 naming the field) and writes nothing', async (_what, extra, field) => {
      const body = signupBody(`mass-${ipSeq}@example.com`, extra);
      const r = await post('/auth/signup', body);
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await t.dataSource.manager.countBy(User, { email: body.email })).toBe(0);
    });

    it('refuses a weak password and a duplicate e-mail without leaving an enterprise behind', async () => {
      const weak = await signup(signupBody('weak@example.com', { password: 'short' }));
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0].field).toBe('password');
      const body = signupBody('founder@example.com'); // taken above
      const dup = await signup(body);
      expect(dup.status).toBe(409);
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM enterprise WHERE uscc = $1', [body.enterprise.uscc]);
      expect(n).toBe(0);
    });

    it('rate-limits sign-ups per client address (Redis), other addresses unaffected', async () => {
      const same = { 'x-forwarded-for': '198.51.100.77' };
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await signup(signupBody(`burst${i}@example.com`), same)).status);
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses[10]).toBe(429);
      expect(await t.dataSource.manager.countBy(User, { email: 'burst10@example.com' })).toBe(0);
      expect((await signup(signupBody('elsewhere@example.com'))).status).toBe(201);
    });

    it('expires verification links after 48 hours, and sends a new one on request', async () => {
      const r = await signup(signupBody('late@example.com'));
      expect(r.status).toBe(201);
      const { token } = linkIn(await mailTo('late@example.com', /验证您的邮箱/));
      clock.advance(49 * 3600_000);
      try {
        const expired = await verifyEmail(token);
        expect(expired.status).toBe(400);
        const page = await http(t.url, 'GET', `/auth/verify-email?token=${token}`);
        expect(page.status).toBe(400);
        expect(page.body).toContain('链接无效');
        expect((await resendVerification('late@example.com')).status).toBe(202);
        expect((await resendVerification('nobody-here@example.com')).status).toBe(202);
        await sink.waitFor((rs) => rs.filter((m) => m.to.includes('late@example.com')).length === 2);
        const fresh = linkIn(await mailTo('late@example.com', /验证您的邮箱/));
        expect(fresh.token).not.toBe(token);
        expect((await verifyEmail(fresh.token)).status).toBe(200);
      } finally {
        clock.advance(-49 * 3600_000);
      }
    });
  });

  describe('password reset by e-mailed single-use link', () => {
    let officer: TestActor;
    beforeAll(async () => {
      officer = await actor(t, 'officer', { region: '410223' });
    });

    it('answers the same for unknown addresses and sends nothing to them', async () => {
      const known = await forgot(officer.email);
      const unknown = await forgot('ghost@example.com');
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      await mailTo(officer.email, /重置密码/);
      expect(sink.received.some((m) => m.to.includes('ghost@example.com'))).toBe(false);
      // the message row (which holds the link) belongs to no region: officers listing their
      // region's notifications cannot read a colleague's reset link
      const rows = await t.dataSource.query(`SELECT region_path FROM notification WHERE template LIKE 'account.%'`);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r: { region_path: string[] }) => r.region_path.length === 0)).toBe(true);
      // and even an admin reading the message sees no link
      const [{ id }] = await t.dataSource.query(
        `SELECT id FROM notification WHERE template = 'account.password-reset' AND recipient_email = $1`,
        [officer.email],
      );
      const { token } = linkIn(await mailTo(officer.email, /重置密码/));
      const shown = await answer(admin.api.GET('/notifications/{id}', { params: { path: { id: Number(id) } } }));
      expect(shown.status).toBe(200);
      expect(JSON.stringify(shown.body)).not.toContain(token);
    });

    it('sets a new password once, ends every session, clears the failed-login back-off; older and used links are dead', async () => {
      const older = linkIn(await mailTo(officer.email, /重置密码/));
      expect((await forgot(officer.email)).status).toBe(202);
      await sink.waitFor((rs) => rs.filter((m) => m.to.includes(officer.email) && /重置密码/.test(m.subject)).length === 2);
      const newer = linkIn(await mailTo(officer.email, /重置密码/));
      expect(newer.token).not.toBe(older.token);
      // a client that failed 5 times is slowed down (issue 11 item 6: no account lock any more)
      const guesser = { 'x-forwarded-for': '192.0.2.251' };
      for (let i = 0; i < 5; i++) await login(officer.email, 'Wrong-password-1', guesser);
      expect((await login(officer.email, TEST_PASSWORD, guesser)).status).toBe(429);

      expect((await resetPassword(older.token, 'Brand-new-pass-1')).status).toBe(400);
      const form = await http(t.url, 'GET', newer.path);
      expect(form.status).toBe(200);
      expect(form.body).toContain('name="password"');
      const weak = await resetPassword(newer.token, 'weak');
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0].field).toBe('password');

      const r = await resetPassword(newer.token, 'Brand-new-pass-1', guesser);
      expect(r.status).toBe(200);
      expect((await login(officer.email, 'Brand-new-pass-1', guesser)).status).toBe(200);
      expect((await me(officer)).status).toBe(401); // the old session ended
      expect((await login(officer.email)).status).toBe(401);
      expect((await login(officer.email, 'Brand-new-pass-1')).status).toBe(200);
      expect((await resetPassword(newer.token, 'Another-pass-22')).status).toBe(400);
      const actions = (
        await t.dataSource.query(`SELECT action FROM audit_log WHERE target_type = 'user' AND target_id = $1 ORDER BY id`, [
          String(officer.userId),
        ])
      ).map((a: { action: string }) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining(['auth.password_reset_requested', 'auth.login_failed', 'auth.password_reset', 'auth.login']),
      );
    });

    it('expires reset links after one hour; the form post of a browser gets the form back with the reason', async () => {
      const o = await actor(t, 'officer', { region: '410223' });
      await forgot(o.email);
      const { token } = linkIn(await mailTo(o.email, /重置密码/));
      const weak = await http(t.url, 'POST', '/auth/reset-password', `token=${token}&password=weak`, {
        'content-type': 'application/x-www-form-urlencoded',
        ...from(),
      });
      expect(weak.status).toBe(400);
      expect(weak.body).toContain('密码至少 10 个字符');
      clock.advance(61 * 60_000);
      try {
        expect((await http(t.url, 'GET', `/auth/reset-password?token=${token}`)).status).toBe(400);
        expect((await resetPassword(token, 'Brand-new-pass-1')).status).toBe(400);
      } finally {
        clock.advance(-61 * 60_000);
      }
    });

    it('limits reset mails per address (3 an hour) so nobody can be mail-bombed', async () => {
      const o = await actor(t, 'officer', { region: '410223' });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await forgot(o.email)).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
    });

    it('lets a signed-in user change the password with the current one; other sessions end', async () => {
      const o = await actor(t, 'officer', { region: '410223' });
      const second = (await login(o.email)).body.token;
      const changePassword = (currentPassword: string, newPassword: string) =>
        answer(o.api.POST('/auth/password', { body: { currentPassword, newPassword } }));
      const wrong = await changePassword('Not-the-one-1', 'Changed-pass-99');
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0].field).toBe('currentPassword');
      expect((await changePassword(TEST_PASSWORD, 'Changed-pass-99')).status).toBe(204);
      expect((await me(o)).status).toBe(200);
      expect((await me(second)).status).toBe(401);
      expect((await login(o.email, 'Changed-pass-99')).status).toBe(200);
    });
  });

  describe('bureau leads manage their own officers; admins manage everyone', () => {
    let lead: TestActor;
    let otherLead: TestActor;
    const deactivate = (id: number) => answer(lead.api.POST('/bureau/users/{id}/deactivate', { params: { path: { id } } }));
    const patchUser = (
      who: TestActor,
      id: number,
      body: { role?: 'admin' | 'bureau_lead' | 'officer' | 'enterprise'; active?: boolean; bureauId?: number | null },
    ) => answer(who.api.PATCH('/admin/users/{id}', { params: { path: { id } }, body }));
    beforeAll(async () => {
      lead = await actor(t, 'bureau_lead', { region: '410223' });
      otherLead = await actor(t, 'bureau_lead', { region: '410300' });
    });

    it("invites an officer into the lead's bureau; the invitation link sets the password", async () => {
      const r = await answer(lead.api.POST('/bureau/users', { body: { email: 'new.officer@example.com', name: '新专员' } }));
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ role: 'officer', bureauId: lead.bureauId, emailVerified: false });
      const mail = await mailTo('new.officer@example.com', /邀请您加入/);
      expect(mail.text).toContain('招商专员');
      const { token } = linkIn(mail);
      expect((await login('new.officer@example.com')).status).toBe(401); // no password yet
      expect((await resetPassword(token, 'Officer-pass-2026')).status).toBe(200);
      const s = await login('new.officer@example.com', 'Officer-pass-2026');
      expect(s.status).toBe(200);
      expect(s.body.user.emailVerified).toBe(true);
      const listed = await answer(lead.api.GET('/bureau/users'));
      expect(listed.body.items.map((u: { email: string }) => u.email)).toContain('new.officer@example.com');
      expect(listed.body.items.every((u: { bureauId: number }) => u.bureauId === lead.bureauId)).toBe(true);
    });

    it('cannot choose the role or bureau of an invitee (400), nor reach /admin (403)', async () => {
      // fields the document does not allow, by hand
      for (const extra of [{ role: 'admin' }, { role: 'bureau_lead' }, { bureauId: otherLead.bureauId }]) {
        const r = await lead.call('POST', '/bureau/users', { email: `x${ipSeq++}@example.com`, name: '某人', ...extra });
        expect(r.status).toBe(400);
        expect(r.body.errors[0].field).toBe(Object.keys(extra)[0]);
      }
      expect(
        (
          await answer(
            lead.api.POST('/admin/users', { body: { email: 'y@example.com', name: '某人', role: 'admin', password: TEST_PASSWORD } }),
          )
        ).status,
      ).toBe(403);
      expect((await patchUser(lead, lead.userId, { role: 'admin' })).status).toBe(403);
    });

    it("deactivates and reactivates its officers only: other bureaus' users are 404, leads 403; sessions end at once", async () => {
      const mine = await actor(t, 'officer', { bureauId: lead.bureauId! });
      const theirs = await actor(t, 'officer', { bureauId: otherLead.bureauId! });
      const coLead = await actor(t, 'bureau_lead', { bureauId: lead.bureauId! });
      expect((await deactivate(theirs.userId)).status).toBe(404);
      expect((await deactivate(coLead.userId)).status).toBe(403);
      expect((await deactivate(lead.userId)).status).toBe(403);
      expect((await me(theirs)).status).toBe(200);

      const off = await deactivate(mine.userId);
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      expect((await me(mine)).status).toBe(401);
      expect((await login(mine.email)).status).toBe(403);
      expect((await answer(lead.api.POST('/bureau/users/{id}/activate', { params: { path: { id: mine.userId } } }))).body.active).toBe(
        true,
      );
      expect((await login(mine.email)).status).toBe(200);
      const actions = (
        await t.dataSource.query(`SELECT action, actor_user_id FROM audit_log WHERE target_type = 'user' AND target_id = $1 ORDER BY id`, [
          String(mine.userId),
        ])
      ).filter((a: { action: string }) => a.action.startsWith('user.'));
      expect(actions).toEqual([
        { action: 'user.deactivated', actor_user_id: lead.userId },
        { action: 'user.activated', actor_user_id: lead.userId },
      ]);
    });

    it('lets an admin change roles (audited, sessions end) but not demote or disable themselves', async () => {
      const o = await actor(t, 'officer', { bureauId: lead.bureauId! });
      const r = await patchUser(admin, o.userId, { role: 'bureau_lead' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ role: 'bureau_lead', bureauId: lead.bureauId });
      expect((await me(o)).status).toBe(401);
      const toEnterprise = await patchUser(admin, o.userId, { role: 'enterprise' });
      expect(toEnterprise.status).toBe(400);
      expect(toEnterprise.body.errors[0].field).toBe('enterpriseId');
      expect((await patchUser(admin, admin.userId, { active: false })).status).toBe(409);
      expect((await patchUser(admin, admin.userId, { role: 'officer', bureauId: lead.bureauId })).status).toBe(409);
      const [entry] = await t.dataSource.query(
        `SELECT actor_user_id, detail, region_code FROM audit_log WHERE action = 'user.role_changed' AND target_id = $1`,
        [String(o.userId)],
      );
      expect(entry).toMatchObject({
        actor_user_id: admin.userId,
        region_code: '410223',
        detail: { changed: { role: ['officer', 'bureau_lead'] } },
      });
      const listed = await answer(admin.api.GET('/admin/users', { params: { query: { role: 'bureau_lead', bureauId: lead.bureauId! } } }));
      expect(listed.body.items.map((u: { id: number }) => u.id)).toEqual(expect.arrayContaining([lead.userId, o.userId]));
    });

    it('creates users without a password as invitations', async () => {
      const r = await answer(
        admin.api.POST('/admin/users', { body: { email: 'invited.admin@example.com', name: '新管理员', role: 'admin' } }),
      );
      expect(r.status).toBe(201);
      const mail = await mailTo('invited.admin@example.com', /邀请您加入/);
      expect(mail.text).toContain('平台管理员');
    });
  });

  it('sends the security headers (helmet) on API and page answers', async () => {
    for (const path of ['/health', '/auth/me', '/auth/reset-password?token=nothing-valid-here']) {
      const r = await http(t.url, 'GET', path);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(r.headers.get('x-powered-by')).toBeNull();
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("object-src 'none'");
    }
  });
});
