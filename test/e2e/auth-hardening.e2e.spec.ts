import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AccountTokensService } from '../../src/accounts/account-tokens.service.js';
import { enterpriseBody } from '../support/factories.js';
import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD } from '../support/auth.js';

/**
 * Issue 11, items 1, 5 and 6: login CSRF on the API's anonymous routes, secrets in the logs,
 * and account enumeration / lock-out of an owner by strangers.
 */
describe('auth hardening: Origin on anonymous routes, redacted logs, failed-login back-off', () => {
  let t: TestApp;
  const logFile = join(tmpdir(), `investmatch-log-${randomBytes(4).toString('hex')}.jsonl`);

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_FILE: logFile, LOG_LEVEL: 'info' } });
    t.app.useLogger(t.app.get(Logger)); // as main.ts does: Nest's own logs go through pino too
  });
  afterAll(async () => {
    await t?.close();
    if (existsSync(logFile)) rmSync(logFile);
  });

  let n = 0;
  const ip = () => `198.18.${Math.floor(++n / 250)}.${(n % 250) + 1}`;

  describe('item 1: anonymous routes that set a cookie or send mail refuse other sites', () => {
    const form = (body: Record<string, string>) => new URLSearchParams(body).toString();
    const post = (path: string, body: string, headers: Record<string, string>) =>
      fetch(t.url + path, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip(), ...headers },
      });

    it('POST /auth/login?mode=cookie from another Origin (or null) sets no cookie', async () => {
      const user = await actor(t, 'officer');
      for (const origin of ['http://evil.example', 'null']) {
        const r = await post('/auth/login?mode=cookie', form({ email: user.email, password: TEST_PASSWORD }), { origin });
        expect({ origin, status: r.status }).toEqual({ origin, status: 403 });
        expect(r.headers.get('set-cookie')).toBeNull();
        expect((await r.json()).type).toContain('csrf');
      }
      const viaReferer = await post('/auth/login?mode=cookie', form({ email: user.email, password: TEST_PASSWORD }), {
        referer: 'http://evil.example/x',
      });
      expect(viaReferer.status).toBe(403);
      // our own origin, and clients that are not browsers (no Origin), still log in
      const own = await post('/auth/login?mode=cookie', form({ email: user.email, password: TEST_PASSWORD }), { origin: t.url });
      expect(own.status).toBe(200);
      expect(own.headers.get('set-cookie')).toMatch(/im_session=/);
      expect(
        (await http(t.url, 'POST', '/auth/login?mode=cookie', { email: user.email, password: TEST_PASSWORD }, { 'x-forwarded-for': ip() }))
          .status,
      ).toBe(200);
    });

    it('sign-up, forgot-password and resend-verification refuse other sites before anything is sent', async () => {
      const before = Number((await t.dataSource.query(`SELECT count(*) FROM outbox`))[0].count);
      const evil = { origin: 'http://evil.example' };
      expect((await post('/auth/password/forgot', form({ email: 'victim@example.com' }), evil)).status).toBe(403);
      expect((await post('/auth/verify-email/resend', form({ email: 'victim@example.com' }), { origin: 'null' })).status).toBe(403);
      const signup = { email: 'victim@example.com', password: TEST_PASSWORD, name: '受害者', enterprise: enterpriseBody() };
      const s = await http(t.url, 'POST', '/auth/signup', signup, { ...evil, 'x-forwarded-for': ip() });
      expect(s.status).toBe(403);
      expect(Number((await t.dataSource.query(`SELECT count(*) FROM outbox`))[0].count)).toBe(before);
      expect((await t.dataSource.query(`SELECT 1 FROM app_user WHERE email = 'victim@example.com'`)).length).toBe(0);
      // the same calls from our own pages are accepted
      expect((await post('/auth/password/forgot', form({ email: 'victim@example.com' }), { origin: t.url })).status).toBe(202);
    });
  });

  describe('item 6: failed logins slow the guesser, never lock the owner out, and say nothing about the account', () => {
    const login = (email: string, password: string, from: string) =>
      http(t.url, 'POST', '/auth/login', { email, password }, { 'x-forwarded-for': from });

    it('answers a real account and an unknown one alike, 401 then 429, and the owner still logs in', async () => {
      const victim = await actor(t, 'officer');
      const stranger = ip();
      const real: Array<{ status: number; type: string }> = [];
      const unknown: Array<{ status: number; type: string }> = [];
      for (let i = 0; i < 7; i++) {
        const a = await login(victim.email, 'Wrong-password-1', stranger);
        const b = await login(`nobody-${victim.userId}@example.com`, 'Wrong-password-1', stranger);
        real.push({ status: a.status, type: a.body.type });
        unknown.push({ status: b.status, type: b.body.type });
      }
      expect(real).toEqual(unknown);
      expect(real.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
      // the guesser is slowed even with the right password …
      const slowed = await login(victim.email, TEST_PASSWORD, stranger);
      expect(slowed.status).toBe(429);
      expect(slowed.body.retryAfter).toBeGreaterThan(0);
      // … the owner, elsewhere, is not locked out
      expect((await login(victim.email, TEST_PASSWORD, ip())).status).toBe(200);
    });

    it('past the account-wide budget only known clients get in; the reset link always works and clears it', async () => {
      const victim = await actor(t, 'officer');
      const home = ip();
      expect((await login(victim.email, TEST_PASSWORD, home)).status).toBe(200); // the owner's usual client
      for (let i = 0; i < 10; i++) {
        const from = ip();
        for (let k = 0; k < 5; k++) expect((await login(victim.email, 'Wrong-password-1', from)).status).toBe(401);
      }
      const newClient = ip();
      expect((await login(victim.email, TEST_PASSWORD, newClient)).status).toBe(429);
      expect((await login(`nobody-x-${victim.userId}@example.com`, TEST_PASSWORD, newClient)).status).toBe(401);
      expect((await login(victim.email, TEST_PASSWORD, home)).status).toBe(200);
      const { token } = await t.dataSource.transaction((m) => t.get(AccountTokensService).issue(m, victim.userId, 'reset_password'));
      const reset = await http(
        t.url,
        'POST',
        '/auth/reset-password',
        { token, password: 'Another-Horse-7' },
        { 'x-forwarded-for': newClient },
      );
      expect(reset.status).toBe(200);
      expect((await login(victim.email, 'Another-Horse-7', newClient)).status).toBe(200);
    });
  });

  describe('item 5: no token, cookie or bearer reaches the log', () => {
    it('redacts token query parameters and credential headers in every line', async () => {
      const secrets = Array.from({ length: 6 }, (_, i) => `S3cret${i}${randomBytes(6).toString('hex')}`);
      const [verify, reset, unsub, settings, bearer, cookie] = secrets;
      await http(t.url, 'GET', `/auth/verify-email?token=${verify}`);
      await http(t.url, 'GET', `/auth/reset-password?x=1&token=${reset}`);
      await http(t.url, 'GET', `/notifications/unsubscribe?token=${unsub}`);
      await http(t.url, 'GET', `/notifications/settings?token=${settings}&lang=zh`);
      await http(t.url, 'GET', '/auth/me', undefined, { authorization: `Bearer ${bearer}` });
      await http(t.url, 'GET', '/auth/me', undefined, { cookie: `im_session=${cookie}` });
      await new Promise((r) => setTimeout(r, 200));
      const log = readFileSync(logFile, 'utf8');
      // the requests were logged …
      expect(log).toContain('/auth/verify-email?token=[REDACTED]');
      expect(log).toContain('/notifications/settings?token=[REDACTED]&lang=zh');
      // … and no secret is in any line
      for (const s of secrets) expect(log).not.toContain(s);
    });
  });
});
