import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc, policyBody, projectBody } from '../support/factories.js';

/**
 * The region rules themselves, positively and negatively: who inside the hierarchy may read and
 * write what (尉氏县 ⊂ 开封市 ⊂ 河南省; 洛阳市 and 南阳市 beside), when a bureau sees an enterprise's
 * contacts, who verifies certifications, and who reads which part of the audit log. The generated
 * matrix (access-matrix.e2e.spec.ts) checks that outsiders get nothing; this file checks that the
 * right insiders get what they need.
 */
describe('region-scoped access: the rules inside the hierarchy', () => {
  let t: TestApp;
  let admin: TestActor;
  let weishi: TestActor; // 尉氏县 officer
  let kaifeng: TestActor; // 开封市 officer
  let henan: TestActor; // 河南省 officer
  let luoyang: TestActor; // 洛阳市 officer
  let nanyang: TestActor; // 南阳市 officer
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await actor(t, 'admin');
    weishi = await actor(t, 'officer', { region: '410223' });
    kaifeng = await actor(t, 'officer', { region: '410200' });
    henan = await actor(t, 'officer', { region: '410000' });
    luoyang = await actor(t, 'officer', { region: '410300' });
    nanyang = await actor(t, 'officer', { region: '411300' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const newProject = async (by: TestActor, region = '410223', publish = false) => {
    const r = await by.call('POST', '/projects', projectBody({ code: `SC-${++seq}`, regionCode: region }));
    expect(r.status).toBe(201);
    if (publish) expect((await by.call('POST', `/projects/${r.body.id}/publish`)).status).toBe(200);
    return r.body.id as number;
  };

  describe('招商资讯 and 投稿', () => {
    it('a 尉氏县 submission is moderated by 尉氏县, 开封市 and 河南省 officers; 洛阳市 and 南阳市 get 404; the queues follow the regions', async () => {
      const submit = async () => {
        const r = await http(t.url, 'POST', '/articles/submissions', {
          title: `尉氏县投稿 ${++seq}`,
          body: '尉氏县招商动态',
          regionCode: '410223',
        });
        expect(r.status).toBe(400); // a guest must give a name and an address
        const s = await luoyang.call('POST', '/articles/submissions', {
          title: `尉氏县投稿 ${++seq}`,
          body: '尉氏县招商动态',
          regionCode: '410223',
        });
        expect(s.status).toBe(201);
        return s.body.id as number;
      };
      const queue = async (by: TestActor) =>
        ((await by.call('GET', '/articles/moderation?status=submitted&pageSize=100')).body.items as Array<{ id: number }>).map((i) => i.id);
      for (const [insider, action] of [
        [weishi, 'approve'],
        [kaifeng, 'reject'],
        [henan, 'approve'],
      ] as const) {
        const id = await submit();
        for (const outsider of [luoyang, nanyang]) {
          expect((await outsider.call('GET', `/articles/${id}`)).status).toBe(404);
          expect((await outsider.call('PATCH', `/articles/${id}`, { summary: '越权' })).status).toBe(404);
          expect(
            (await outsider.call('POST', `/articles/${id}/${action}`, action === 'reject' ? { reason: '越权' } : undefined)).status,
          ).toBe(404);
          expect(await queue(outsider)).not.toContain(id);
        }
        expect(await queue(insider)).toContain(id);
        const r = await insider.call('POST', `/articles/${id}/${action}`, action === 'reject' ? { reason: '与本地招商无关' } : undefined);
        expect(r.status).toBe(200);
        expect(r.body.status).toBe(action === 'approve' ? 'published' : 'rejected');
      }
      // a published 尉氏县 article: public, but 洛阳市 may not edit it (403)
      const published = ((await weishi.call('GET', '/articles/moderation?status=published')).body.items as Array<{ id: number }>)[0].id;
      expect((await http(t.url, 'GET', `/articles/${published}`)).status).toBe(200);
      expect((await luoyang.call('PATCH', `/articles/${published}`, { summary: '越权' })).status).toBe(403);
      expect((await kaifeng.call('PATCH', `/articles/${published}`, { summary: '开封市修改' })).status).toBe(200);
    });
  });

  describe('projects and policies', () => {
    it('a 尉氏县 project is writable by 尉氏县, 开封市 and 河南省 officers, not by 洛阳市 (403 published, 404 draft)', async () => {
      const published = await newProject(weishi, '410223', true);
      const draft = await newProject(weishi);
      for (const insider of [weishi, kaifeng, henan]) {
        expect((await insider.call('PATCH', `/projects/${published}`, { description: `由 ${insider.userId} 修改` })).status).toBe(200);
        expect((await insider.call('GET', `/projects/${draft}`)).status).toBe(200);
      }
      expect((await luoyang.call('PATCH', `/projects/${published}`, { description: '越权' })).status).toBe(403);
      expect((await luoyang.call('POST', `/projects/${published}/stage`, { stage: 'signed' })).status).toBe(403);
      expect((await luoyang.call('GET', `/projects/${published}`)).status).toBe(200); // public
      expect((await luoyang.call('GET', `/projects/${draft}`)).status).toBe(404);
      expect((await luoyang.call('PATCH', `/projects/${draft}`, { description: '越权' })).status).toBe(404);
      const p = await http(t.url, 'GET', `/projects/${published}`);
      expect(p.body.description).toBe(`由 ${henan.userId} 修改`);
    });

    it("creates only inside one's region, and cannot move a project out of it (403 naming regionCode)", async () => {
      const r = await weishi.call('POST', '/projects', projectBody({ code: `SC-${++seq}`, regionCode: '410200' }));
      expect(r.status).toBe(403);
      expect(r.body.errors[0]).toMatchObject({ field: 'regionCode', code: 'outside_region' });
      const mine = await newProject(kaifeng, '410223');
      const moved = await kaifeng.call('PATCH', `/projects/${mine}`, { regionCode: '410300' });
      expect(moved.status).toBe(403);
      expect((await kaifeng.call('PATCH', `/projects/${mine}`, { regionCode: '410221' })).status).toBe(200); // 杞县, still 开封市
      expect((await weishi.call('POST', '/policies', policyBody({ regionCode: '410000' }))).status).toBe(403);
      expect((await henan.call('POST', '/policies', policyBody({ regionCode: '410000' }))).status).toBe(201);
    });

    it("lists drafts only inside one's region; anonymous includeDrafts is ignored", async () => {
      const weishiDraft = await newProject(weishi);
      const luoyangDraft = await newProject(luoyang, '410300');
      const ids = async (by: TestActor | null) => {
        const r = by
          ? await by.call('GET', '/projects?includeDrafts=true&pageSize=100')
          : await http(t.url, 'GET', '/projects?includeDrafts=true&pageSize=100');
        return r.body.items.map((p: { id: number }) => p.id);
      };
      expect(await ids(kaifeng)).toContain(weishiDraft);
      expect(await ids(kaifeng)).not.toContain(luoyangDraft);
      expect(await ids(luoyang)).toContain(luoyangDraft);
      expect(await ids(luoyang)).not.toContain(weishiDraft);
      expect(await ids(null)).not.toContain(weishiDraft);
      expect(await ids(admin)).toEqual(expect.arrayContaining([weishiDraft, luoyangDraft]));
    });

    it("cannot attach another region's draft incentive to a project (answered like an unknown id)", async () => {
      const draft = (await luoyang.call('POST', '/policies', policyBody({ regionCode: '410300' }))).body;
      const r = await weishi.call('POST', '/projects', projectBody({ code: `SC-${++seq}`, incentiveIds: [draft.incentives[0].id] }));
      expect(r.status).toBe(400);
      expect(r.body.errors[0]).toMatchObject({ field: 'incentiveIds[0]', code: 'unknown_incentive' });
      await luoyang.call('POST', `/policies/${draft.id}/publish`);
      expect(
        (await weishi.call('POST', '/projects', projectBody({ code: `SC-${++seq}`, incentiveIds: [draft.incentives[0].id] }))).status,
      ).toBe(201);
    });
  });

  describe('enterprises: visibility, contacts, certifications', () => {
    let company: { id: number };
    let owner: TestActor;
    beforeAll(async () => {
      // registered in 尉氏县, wants to invest in 洛阳市
      company = (
        await admin.call('POST', '/enterprises', {
          ...enterpriseBody({ uscc: nextUscc('410223'), homeRegionCode: '410223', targetRegionCodes: ['410300'] }),
          certifications: [{ kind: 'high_tech' }, { kind: 'specialized_sme' }],
        })
      ).body;
      owner = await actor(t, 'enterprise', { enterpriseId: company.id });
    });

    it('shows contacts to bureaus of its home region, the profile alone to bureaus it targets, nothing to others', async () => {
      for (const insider of [weishi, kaifeng, henan]) {
        const r = await insider.call('GET', `/enterprises/${company.id}`);
        expect(r.status).toBe(200);
        expect(r.body.contacts).toHaveLength(1);
      }
      const targeted = await luoyang.call('GET', `/enterprises/${company.id}`);
      expect(targeted.status).toBe(200);
      expect(targeted.body.contacts).toBeUndefined();
      expect(JSON.stringify(targeted.body)).not.toContain('wang@example.com');
      expect((await nanyang.call('GET', `/enterprises/${company.id}`)).status).toBe(404);
      const listed = async (by: TestActor) =>
        (await by.call('GET', '/enterprises?pageSize=100')).body.items.map((e: { id: number }) => e.id);
      expect(await listed(luoyang)).toContain(company.id);
      expect(await listed(kaifeng)).toContain(company.id);
      expect(await listed(nanyang)).not.toContain(company.id);
    });

    it('shows contacts once the enterprise matched a project of the bureau, or has a lead there', async () => {
      const project = await newProject(luoyang, '410300', true);
      await t.dataSource.query(`INSERT INTO match (enterprise_id, project_id, score) VALUES ($1, $2, 70)`, [company.id, project]);
      expect((await luoyang.call('GET', `/enterprises/${company.id}`)).body.contacts).toHaveLength(1);

      expect((await nanyang.call('GET', `/enterprises/${company.id}`)).status).toBe(404);
      await t.dataSource.query(
        `INSERT INTO lead (enterprise_id, source, region_code, city_code, province_code, stage_changed_at, last_activity_at)
         VALUES ($1, 'manual', '411302', '411300', '410000', now(), now())`,
        [company.id],
      );
      const viaLead = await nanyang.call('GET', `/enterprises/${company.id}`);
      expect(viaLead.status).toBe(200);
      expect(viaLead.body.contacts).toHaveLength(1);
      expect((await nanyang.call('GET', '/enterprises?pageSize=100')).body.items.map((e: { id: number }) => e.id)).toContain(company.id);
    });

    it('lets only staff covering its home region edit it or review certifications; the review is recorded and audited', async () => {
      expect((await luoyang.call('PATCH', `/enterprises/${company.id}`, { description: '越权' })).status).toBe(403);
      expect((await luoyang.call('POST', `/enterprises/${company.id}/certifications/high_tech/verify`, {})).status).toBe(403);
      expect((await owner.call('POST', `/enterprises/${company.id}/certifications/high_tech/verify`, {})).status).toBe(403);
      const self = await owner.call('PATCH', `/enterprises/${company.id}`, { certifications: [{ kind: 'high_tech', status: 'verified' }] });
      expect(self.status).toBe(400);
      expect(self.body.errors[0].field).toBe('certifications[0].status');

      const r = await weishi.call('POST', `/enterprises/${company.id}/certifications/high_tech/verify`, { note: '已核对认定名单' });
      expect(r.status).toBe(200);
      expect(r.body.certifications.find((c: { kind: string }) => c.kind === 'high_tech').status).toBe('verified');
      // 驳回 needs a reason (the enterprise sees it)
      expect((await kaifeng.call('POST', `/enterprises/${company.id}/certifications/specialized_sme/reject`, {})).status).toBe(400);
      expect(
        (await kaifeng.call('POST', `/enterprises/${company.id}/certifications/specialized_sme/reject`, { note: '未在认定名单中' })).status,
      ).toBe(200);
      const [cert] = await t.dataSource.query(
        `SELECT reviewed_by FROM enterprise_certification WHERE enterprise_id = $1 AND kind = 'high_tech'`,
        [company.id],
      );
      expect(cert.reviewed_by).toBe(weishi.userId);
      const audit = await t.dataSource.query(
        `SELECT action, actor_user_id, region_code, detail FROM audit_log WHERE target_type = 'enterprise' AND target_id = $1 AND action LIKE 'certification.%' ORDER BY id`,
        [String(company.id)],
      );
      expect(audit).toEqual([
        {
          action: 'certification.verified',
          actor_user_id: weishi.userId,
          region_code: '410223',
          detail: { kind: 'high_tech', note: '已核对认定名单' },
        },
        {
          action: 'certification.rejected',
          actor_user_id: kaifeng.userId,
          region_code: '410223',
          detail: { kind: 'specialized_sme', note: '未在认定名单中' },
        },
      ]);
      expect((await owner.call('PATCH', `/enterprises/${company.id}`, { description: '自己修改' })).status).toBe(200);
    });

    it("filters 政策找企业 to the enterprises the caller's bureau may see", async () => {
      const policy = (
        await henan.call(
          'POST',
          '/policies',
          policyBody({ regionCode: '410000', incentives: [{ kind: 'subsidy', title: '全省补贴', conditions: [] }] }),
        )
      ).body;
      await henan.call('POST', `/policies/${policy.id}/publish`);
      const nanyangCompany = (
        await admin.call(
          'POST',
          '/enterprises',
          enterpriseBody({ uscc: nextUscc('411302'), homeRegionCode: '411302', targetRegionCodes: [] }),
        )
      ).body;
      const found = async (by: TestActor) =>
        (
          await by.call('GET', `/incentives/${policy.incentives[0].id}/eligible-enterprises?status=eligible_or_needs_info&pageSize=100`)
        ).body.items.map((i: { enterprise: { id: number } }) => i.enterprise.id);
      expect(await found(henan)).toEqual(expect.arrayContaining([company.id, nanyangCompany.id]));
      expect(await found(weishi)).toContain(company.id);
      expect(await found(weishi)).not.toContain(nanyangCompany.id);
      expect(await found(nanyang)).toContain(nanyangCompany.id);
    });
  });

  describe('the audit log', () => {
    let weishiLead: TestActor;
    let kaifengLead: TestActor;
    beforeAll(async () => {
      weishiLead = await actor(t, 'bureau_lead', { bureauId: weishi.bureauId! });
      kaifengLead = await actor(t, 'bureau_lead', { bureauId: kaifeng.bureauId! });
      const lp = await newProject(luoyang, '410300');
      await luoyang.call('POST', `/projects/${lp}/publish`);
      const wp = await newProject(weishi, '410223');
      await weishi.call('POST', `/projects/${wp}/publish`);
      await weishi.call('POST', `/projects/${wp}/stage`, { stage: 'signed', note: '签约仪式' });
    });

    const regionsOf = (items: Array<{ region: { code: string } | null }>) => [...new Set(items.map((i) => i.region?.code ?? null))];

    it("shows a bureau lead the entries of their region's subtree only; officers are refused", async () => {
      const w = await weishiLead.call('GET', '/audit?pageSize=100');
      expect(w.status).toBe(200);
      expect(w.body.items.length).toBeGreaterThan(0);
      expect(regionsOf(w.body.items)).toEqual(['410223']);
      const k = await kaifengLead.call('GET', '/audit?pageSize=100&action=project.');
      expect(regionsOf(k.body.items).every((c) => c !== null && c.startsWith('4102'))).toBe(true);
      expect(k.body.items.map((i: { action: string }) => i.action)).toEqual(
        expect.arrayContaining(['project.published', 'project.stage_changed']),
      );
      expect((await weishiLead.call('GET', '/audit?region=410300')).status).toBe(403);
      expect((await weishi.call('GET', '/audit')).status).toBe(403);
      const stage = k.body.items.find((i: { action: string }) => i.action === 'project.stage_changed');
      expect(stage).toMatchObject({
        actor: { userId: weishi.userId, role: 'officer' },
        target: { type: 'project' },
        detail: { from: 'open', to: 'signed', note: '签约仪式' },
      });
    });

    it('shows the admin everything, filtered by action prefix, actor, target and dates, newest first, paged', async () => {
      await http(
        t.url,
        'POST',
        '/auth/login',
        { email: weishi.email, password: 'Wrong-password-1' },
        { 'x-forwarded-for': '203.0.113.50', 'user-agent': 'matrix-test-agent' },
      );
      const failed = await admin.call('GET', `/audit?action=auth.login_failed&actorUserId=${weishi.userId}`);
      expect(failed.body.items[0]).toMatchObject({
        action: 'auth.login_failed',
        actionLabel: '登录失败',
        ip: '203.0.113.50',
        userAgent: 'matrix-test-agent',
        region: { code: '410223' },
      });
      const all = await admin.call('GET', '/audit?pageSize=5');
      expect(all.body.total).toBeGreaterThan(5);
      expect(all.body.items).toHaveLength(5);
      const ids = all.body.items.map((i: { id: number }) => i.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const page2 = await admin.call('GET', '/audit?pageSize=5&page=2');
      expect(page2.body.items[0].id).toBeLessThan(ids[4]);
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      expect((await admin.call('GET', `/audit?from=${today}&to=${today}&action=auth.`)).body.total).toBeGreaterThan(0);
      expect((await admin.call('GET', '/audit?from=2000-01-01&to=2000-01-02')).body.total).toBe(0);
      const bad = await admin.call('GET', '/audit?action=DROP%20TABLE');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('action[0]');
    });
  });
});
