import { Redis } from 'ioredis';
import { Bureau } from '../../src/accounts/bureau.entity.js';
import { User } from '../../src/accounts/user.entity.js';
import { FakeClock } from '../../src/platform/clock/clock.js';
import { enterpriseBody, projectBody } from '../support/factories.js';
import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD, type TestActor } from '../support/auth.js';

describe('authentication: sessions, bearer tokens, cookies + CSRF, lockout, rate limits', () => {
  let t: TestApp;
  let officer: TestActor;
  const clock = new FakeClock(new Date());

  beforeAll(async () => {
    t = await startTestApp({ clock });
    officer = await actor(t, 'officer', { region: '410200' });
  });
  afterAll(async () => {
    await t?.close();
  });

  let n = 0;
  const login = (
    email: string,
    password: string,
    mode = 'token',
    headers: Record<string, string> = { 'x-forwarded-for': `198.51.100.${++n % 250}` },
  ) => http(t.url, 'POST', `/auth/login?mode=${mode}`, { email, password }, headers);

  it('closes every non-public route to anonymous callers (401) and wrong roles (403)', async () => {
    expect((await http(t.url, 'GET', '/enterprises')).status).toBe(401);
    expect((await http(t.url, 'POST', '/projects', projectBody())).status).toBe(401);
    expect((await http(t.url, 'POST', '/enterprises', enterpriseBody())).status).toBe(401); // enterprises sign up with an account instead
    const admin = await actor(t, 'admin');
    const company = (await admin.call('POST', '/enterprises', enterpriseBody())).body;
    const user = await actor(t, 'enterprise', { enterpriseId: company.id });
    expect((await user.call('GET', '/enterprises')).status).toBe(403);
    expect((await user.call('POST', '/admin/bureaus', { name: 'x', regionCode: '410200' })).status).toBe(403);
    expect((await user.call('GET', `/enterprises/${company.id}`)).status).toBe(200);
    const other = (await admin.call('POST', '/enterprises', enterpriseBody())).body;
    expect((await user.call('GET', `/enterprises/${other.id}`)).status).toBe(404);
  });

  it('logs in with a bearer token, answers /auth/me, and logs out', async () => {
    const r = await login(officer.email, TEST_PASSWORD);
    expect(r.status).toBe(200);
    expect(r.body.tokenType).toBe('Bearer');
    const auth = { authorization: `Bearer ${r.body.token}` };
    const me = await http(t.url, 'GET', '/auth/me', undefined, auth);
    expect(me.body).toMatchObject({ role: 'officer', regionScope: '410200', email: officer.email });
    expect((await http(t.url, 'POST', '/auth/logout', undefined, auth)).status).toBe(204);
    expect((await http(t.url, 'GET', '/auth/me', undefined, auth)).status).toBe(401);
  });

  it('stores only a hash of the token and argon2id password hashes', async () => {
    const r = await login(officer.email, TEST_PASSWORD);
    const rows = await t.dataSource.query(`SELECT token_hash FROM session WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [
      r.body.token,
    ]);
    expect(rows).toHaveLength(1);
    const [{ password_hash }] = await t.dataSource.query('SELECT password_hash FROM app_user WHERE id = $1', [officer.userId]);
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('uses an httpOnly cookie for browsers and requires the CSRF token on writes', async () => {
    const r = await login(officer.email, TEST_PASSWORD, 'cookie');
    const setCookie = r.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/im_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0];
    expect((await http(t.url, 'GET', '/auth/me', undefined, { cookie })).status).toBe(200);
    const body = projectBody();
    const noToken = await http(t.url, 'POST', '/projects', body, { cookie });
    expect(noToken.status).toBe(403);
    expect(noToken.body.type).toContain('csrf');
    const ok = await http(t.url, 'POST', '/projects', body, { cookie, 'x-csrf-token': r.body.csrfToken });
    expect(ok.status).toBe(201);
  });

  it('refuses a wrong password with the same answer as an unknown account', async () => {
    const wrong = await login(officer.email, 'Wrong-password-1');
    const nobody = await login('nobody@example.com', 'Wrong-password-1');
    expect(wrong.status).toBe(401);
    expect(nobody.status).toBe(401);
    expect(wrong.body.detail).toBe(nobody.body.detail);
  });

  it('slows a client after 5 failures on an account (429) without locking the account (issue 11 item 6)', async () => {
    const victim = await actor(t, 'officer', { bureauId: officer.bureauId! });
    const from = { 'x-forwarded-for': '10.0.0.9' };
    for (let i = 0; i < 5; i++) expect((await login(victim.email, 'Wrong-password-1', 'token', from)).status).toBe(401);
    expect((await login(victim.email, TEST_PASSWORD, 'token', from)).status).toBe(429);
    expect((await login(victim.email, TEST_PASSWORD)).status).toBe(200); // the owner, from elsewhere
  });

  it('rate-limits logins per client address in Redis (429 with retryAfter), other clients unaffected', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await login(`nobody${i}@example.com`, 'Wrong-password-1', 'token', from)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const limited = await login(officer.email, TEST_PASSWORD, 'token', from);
    expect(limited.status).toBe(429);
    expect(limited.body.retryAfter).toBeGreaterThan(0);
    const redis = new Redis(t.config.REDIS_URL);
    const keys = await redis.keys(`${t.config.QUEUE_PREFIX}:rl:login-ip*`);
    redis.disconnect();
    expect(keys.length).toBeGreaterThan(0); // the limiter state lives in the shared Redis, so it holds across processes
    expect((await login(officer.email, TEST_PASSWORD, 'token', { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
  });

  it('denies disabled accounts', async () => {
    const gone = await actor(t, 'officer', { bureauId: officer.bureauId! });
    await t.dataSource.manager.update(User, { id: gone.userId }, { active: false });
    expect((await gone.call('GET', '/auth/me')).status).toBe(401);
    expect((await login(gone.email, TEST_PASSWORD)).status).toBe(403);
  });

  it('validates admin-created users and bureaus', async () => {
    const admin = await actor(t, 'admin');
    const noBureau = await admin.call('POST', '/admin/users', {
      email: 'x@example.com',
      name: '张三',
      role: 'officer',
      password: TEST_PASSWORD,
    });
    expect(noBureau.status).toBe(400);
    expect(noBureau.body.errors[0].field).toBe('bureauId');
    const weak = await admin.call('POST', '/admin/users', { email: 'y@example.com', name: '李四', role: 'admin', password: 'short' });
    expect(weak.body.errors[0].field).toBe('password');
    const bureau = await admin.call('POST', '/admin/bureaus', { name: '尉氏县招商局', regionCode: '410223' });
    expect(bureau.status).toBe(201);
    expect(await t.dataSource.manager.countBy(Bureau, { regionCode: '410223' })).toBeGreaterThan(0);
    const dup = await admin.call('POST', '/admin/users', { email: officer.email, name: '重复', role: 'admin' });
    expect(dup.status).toBe(409);
  });
});
