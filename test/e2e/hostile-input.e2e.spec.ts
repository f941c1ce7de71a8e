import { enterpriseBody, projectBody } from '../support/factories.js';
import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';

/**
 * Issue 11, items 7–9: inputs that used to answer 500 (a malformed session cookie, path ids above
 * 2³¹−1, U+0000 in strings). Each is answered as the client's mistake it is, in one place.
 */
describe('hostile input: bad cookies, out-of-range ids, NUL characters', () => {
  let t: TestApp;
  let admin: TestActor;
  let officer: TestActor;
  let company: TestActor;
  let paths: Array<{ method: string; path: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410200' });
    const e = (await admin.call('POST', '/enterprises', enterpriseBody())).body;
    company = await actor(t, 'enterprise', { enterpriseId: e.id });
    const doc = (await http(t.url, 'GET', '/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    paths = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('item 7: a malformed session cookie is no cookie', () => {
    const cookie = 'im_session=%E0%A4%A';

    it('answers anonymous routes as if there were no cookie', async () => {
      expect((await http(t.url, 'GET', '/health', undefined, { cookie })).status).toBe(200);
      expect((await http(t.url, 'GET', '/projects', undefined, { cookie })).status).toBe(200);
      expect((await http(t.url, 'GET', '/', undefined, { cookie })).status).toBe(200);
      expect((await http(t.url, 'GET', '/login', undefined, { cookie })).status).toBe(200);
    });

    it('answers closed routes with 401 (not 500), API and pages alike', async () => {
      expect((await http(t.url, 'GET', '/auth/me', undefined, { cookie })).status).toBe(401);
      expect((await http(t.url, 'POST', '/projects', projectBody(), { cookie })).status).toBe(401);
      const page = await fetch(`${t.url}/console`, { headers: { cookie }, redirect: 'manual' });
      expect(page.status).toBeLessThan(500);
    });

    it('every documented route survives it', async () => {
      for (const { method, path } of paths) {
        const r = await http(t.url, method, path.replace(/\{[^}]+\}/g, '1'), method === 'GET' ? undefined : {}, { cookie });
        expect({ method, path, status: r.status }).toEqual({ method, path, status: expect.any(Number) });
        expect(r.status).toBeLessThan(500);
      }
    });
  });

  describe('item 8: ids above 2^31-1 are unknown ids', () => {
    const big = '2147483648';

    it('GET /projects/2147483648 is a 404 like any unknown project', async () => {
      const r = await http(t.url, 'GET', `/projects/${big}`);
      expect(r.status).toBe(404);
      expect((await http(t.url, 'GET', '/projects/2147483647')).status).toBe(404);
    });

    it('the public pages answer 404 too', async () => {
      expect((await fetch(`${t.url}/projects/${big}`, { headers: { accept: 'text/html' } })).status).toBe(404);
      expect((await fetch(`${t.url}/policies/${big}`, { headers: { accept: 'text/html' } })).status).toBe(404);
    });

    it('no documented route with a path id answers 5xx, for any role', async () => {
      const withId = paths.filter((p) => /\{[^}]*[iI]d\}/.test(p.path));
      expect(withId.length).toBeGreaterThan(10);
      const failures: string[] = [];
      for (const who of [admin, officer, company]) {
        for (const { method, path } of withId) {
          const r = await who.call(method, path.replace(/\{[^}]*[iI]d\}/g, big), method === 'GET' || method === 'DELETE' ? undefined : {});
          if (r.status >= 500) failures.push(`${method} ${path} → ${r.status}`);
          if (method === 'GET' && ![400, 403, 404].includes(r.status)) failures.push(`${method} ${path} → ${r.status}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('ids in bodies and queries above the limit are a 400 naming the field', async () => {
      const r = await admin.call('POST', '/admin/users', { email: 'big@example.com', name: '大号', role: 'officer', bureauId: 2 ** 31 });
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain('bureauId');
      const q = await admin.call('GET', `/admin/users?bureauId=${big}`);
      expect(q.status).toBe(400);
      expect(q.body.errors[0].field).toBe('bureauId');
    });
  });

  describe('item 9: U+0000 in a string is a 400 naming the field', () => {
    it('on the auth routes', async () => {
      for (const [path, body] of [
        ['/auth/login', { email: 'a\u0000@example.com', password: 'x' }],
        ['/auth/password/forgot', { email: 'a\u0000@example.com' }],
        ['/auth/verify-email/resend', { email: 'a\u0000@example.com' }],
      ] as const) {
        const r = await http(t.url, 'POST', path, body);
        expect({ path, status: r.status }).toEqual({ path, status: 400 });
        expect(r.body.errors).toContainEqual(expect.objectContaining({ field: 'email', code: 'nul_character' }));
      }
    });

    it('in names, titles and nested fields', async () => {
      const e = await admin.call('POST', '/enterprises', enterpriseBody({ name: '牧丰\u0000农牧' }));
      expect(e.status).toBe(400);
      expect(e.body.errors).toContainEqual(expect.objectContaining({ field: 'name', code: 'nul_character' }));
      const p = await officer.call('POST', '/projects', projectBody({ title: '产业园\u0000' }));
      expect(p.status).toBe(400);
      expect(p.body.errors).toContainEqual(expect.objectContaining({ field: 'title', code: 'nul_character' }));
      const c = await admin.call('POST', '/enterprises', enterpriseBody({ contacts: [{ name: '王\u0000', phone: '13800138000' }] }));
      expect(c.status).toBe(400);
      expect(c.body.errors).toContainEqual(expect.objectContaining({ field: 'contacts[0].name', code: 'nul_character' }));
    });

    it('in query strings and form posts, even where no schema reads them', async () => {
      const q = await http(t.url, 'GET', '/projects?q=%00');
      expect(q.status).toBe(400);
      expect(q.body.errors[0]).toMatchObject({ field: 'q', code: 'nul_character' });
      const page = await fetch(`${t.url}/projects?q=%00`);
      expect(page.status).toBe(400);
      const form = await fetch(`${t.url}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=a%00%40example.com&password=x',
      });
      expect(form.status).toBe(400);
    });
  });

  describe('item 10: USCC as printed on a licence', () => {
    const signup = (uscc: string, email: string) =>
      http(
        t.url,
        'POST',
        '/auth/signup',
        { email, password: 'Correct-Horse-9', name: '张三', enterprise: enterpriseBody({ uscc }) },
        {
          'x-forwarded-for': `192.0.2.${Math.floor(Math.random() * 250) + 1}`,
        },
      );

    it('accepts spaces and dashes, stores the bare code, and finds the duplicate however it is written', async () => {
      const r = await signup('91 110000 600037341L', 'licence@example.com');
      expect(r.status).toBe(201);
      expect(r.body.enterprise.uscc).toBe('91110000600037341L');
      const dashed = await admin.call('POST', '/enterprises', enterpriseBody({ uscc: '91-110000-600037341l' }));
      expect(dashed.status).toBe(409);
      expect(dashed.body.errors).toEqual([expect.objectContaining({ field: 'uscc', code: 'duplicate' })]);
    });

    it('gives length, character set and check digit their own codes', async () => {
      const codeOf = async (uscc: string) => (await admin.call('POST', '/enterprises', enterpriseBody({ uscc }))).body.errors[0];
      expect(await codeOf('91 110000 600037341')).toMatchObject({ field: 'uscc', code: 'uscc_length' });
      expect(await codeOf('91 110000 60003734IO')).toMatchObject({ field: 'uscc', code: 'uscc_characters' });
      expect(await codeOf('91 110000 600037341A')).toMatchObject({ field: 'uscc', code: 'uscc_check_digit' });
    });

    it('names the field the same way in the 400 and the 409 of a sign-up', async () => {
      const bad = await signup('91110000600037341A', 'bad-check@example.com');
      expect(bad.status).toBe(400);
      const dup = await signup('91110000600037341L', 'dup@example.com');
      expect(dup.status).toBe(409);
      expect(bad.body.errors[0].field).toBe('enterprise.uscc');
      expect(dup.body.errors[0].field).toBe('enterprise.uscc');
    });
  });
});
