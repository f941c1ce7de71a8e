import { parse } from 'csv-parse/sync';
import { answer } from '../support/api-client.js';
import type { paths } from '../support/api-schema.js';
import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc, projectBody } from '../support/factories.js';

/**
 * The lead API as officers, bureau leads and enterprises use it: region scoping (another city's
 * officer gets 404 on the object, 403 on a region filter), the enterprise's read-only view, the
 * enterprise's interest becoming a lead exactly once, leads from matches, the filtered list with
 * offset and keyset paging, the export (audited) and the OpenAPI description. Calls go through the
 * generated client (each actor's `api`); only input the document forbids goes by hand (`call`).
 */
type LeadsQuery = NonNullable<paths['/leads']['get']['parameters']['query']>;

describe('leads API', () => {
  let t: TestApp;
  let admin: TestActor;
  let weishi: TestActor; // 尉氏县 officer
  let kaifeng: TestActor; // 开封市 officer
  let luoyang: TestActor; // 洛阳市 officer
  let ent: { id: number; name: string };
  let entUser: TestActor;
  let project: { id: number };
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await actor(t, 'admin');
    weishi = await actor(t, 'officer', { region: '410223' });
    kaifeng = await actor(t, 'officer', { region: '410200' });
    luoyang = await actor(t, 'officer', { region: '410300' });
    ent = await newEnterprise('河南豫丰食品科技有限公司');
    entUser = await actor(t, 'enterprise', { enterpriseId: ent.id });
    const body = projectBody({ code: `API-${++seq}`, title: '尉氏县冷链物流园', regionCode: '410223' });
    project = (await answer(admin.api.POST('/projects', { body: body as never }))).body;
    await answer(admin.api.POST('/projects/{id}/publish', { params: { path: { id: project.id } } }));
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newEnterprise(name = `测试企业${++seq}`): Promise<{ id: number; name: string }> {
    return (await answer(admin.api.POST('/enterprises', { body: enterpriseBody({ uscc: nextUscc(), name }) as never }))).body;
  }
  const byId = (id: number) => ({ params: { path: { id } } });
  const ids = (r: { body: { items: Array<{ id: number }> } }) => r.body.items.map((l) => l.id);

  it('scopes leads by region: insiders up the tree see them, another city gets 404 (object) and 403 (filter)', async () => {
    const lead = (await answer(weishi.api.POST('/leads', { body: { enterpriseId: ent.id, projectId: project.id } }))).body;
    expect(lead.region).toEqual({ code: '410223', name: '河南省开封市尉氏县' });
    expect((await answer(kaifeng.api.GET('/leads/{id}', byId(lead.id)))).status).toBe(200);
    for (const [path, call] of [
      ['GET /leads/{id}', () => luoyang.api.GET('/leads/{id}', byId(lead.id))],
      ['PATCH /leads/{id}', () => luoyang.api.PATCH('/leads/{id}', { ...byId(lead.id), body: { expectedInvestmentYuan: 1 } })],
      ['POST /leads/{id}/stage', () => luoyang.api.POST('/leads/{id}/stage', { ...byId(lead.id), body: { stage: 'contacted' } })],
      [
        'POST /leads/{id}/activities',
        () => luoyang.api.POST('/leads/{id}/activities', { ...byId(lead.id), body: { kind: 'note', summary: '越权' } }),
      ],
      ['POST /leads/{id}/reopen', () => luoyang.api.POST('/leads/{id}/reopen', { ...byId(lead.id), body: { reason: '越权' } })],
    ] as const) {
      const r = await answer(call());
      expect({ path, status: r.status }).toEqual({ path, status: 404 });
    }
    expect((await answer(luoyang.api.GET('/leads', { params: { query: { region: '410223' } } }))).status).toBe(403);
    expect((await answer(luoyang.api.GET('/leads'))).body.items).toEqual([]);
    expect((await answer(luoyang.api.POST('/leads', { body: { enterpriseId: ent.id, regionCode: '410223' } }))).status).toBe(403);
    // a project outside the caller's region reads like an unknown one
    expect(
      (await answer(luoyang.api.POST('/leads', { body: { enterpriseId: ent.id, projectId: project.id } }))).body.errors[0],
    ).toMatchObject({
      field: 'projectId',
      code: 'unknown_project',
    });
    // the enterprise sees its own lead, read-only, without the officers' notes
    const own = await answer(entUser.api.GET('/leads/{id}', byId(lead.id)));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: lead.id, stage: 'new', stageLabel: '新线索', project: { title: '尉氏县冷链物流园' } });
    expect(own.body.timeline).toBeUndefined();
    expect((await answer(entUser.api.POST('/leads/{id}/stage', { ...byId(lead.id), body: { stage: 'contacted' } }))).status).toBe(403);
    const otherEnt = await actor(t, 'enterprise', { enterpriseId: (await newEnterprise()).id });
    expect((await answer(otherEnt.api.GET('/leads/{id}', byId(lead.id)))).status).toBe(404);
    expect((await answer(otherEnt.api.GET('/leads'))).body.items).toEqual([]);
  });

  it("turns the enterprise's interest in a match into one lead (source interest), in the same transaction", async () => {
    const e = await newEnterprise('河南中原智造装备有限公司');
    const user = await actor(t, 'enterprise', { enterpriseId: e.id });
    const [{ id: matchId }] = await t.dataSource.query(
      `INSERT INTO match (enterprise_id, project_id, score) VALUES ($1, $2, 77) RETURNING id`,
      [e.id, project.id],
    );
    const first = await answer(user.api.POST('/matches/{id}/interest', byId(Number(matchId))));
    expect(first.status).toBe(200);
    const again = await answer(user.api.POST('/matches/{id}/interest', byId(Number(matchId))));
    expect(again.status).toBe(200);
    const leads = await t.dataSource.query(`SELECT id, source, owner_id, match_id FROM lead WHERE enterprise_id = $1`, [e.id]);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ source: 'interest', owner_id: weishi.userId, match_id: String(matchId) });
    expect(ids(await answer(user.api.GET('/leads')))).toEqual([leads[0].id]);
    // the officer's "from this match" finds the same lead
    const fromMatch = await answer(weishi.api.POST('/leads', { body: { matchId: Number(matchId) } }));
    expect(fromMatch.status).toBe(200);
    expect(fromMatch.body).toMatchObject({ id: leads[0].id, source: 'interest', created: false });
  });

  it('makes a lead from a match an officer picked (source match), marking the match converted', async () => {
    const e = await newEnterprise();
    const [{ id: matchId }] = await t.dataSource.query(
      `INSERT INTO match (enterprise_id, project_id, score) VALUES ($1, $2, 66) RETURNING id`,
      [e.id, project.id],
    );
    expect((await answer(luoyang.api.POST('/leads', { body: { matchId: Number(matchId) } }))).body.errors[0]).toMatchObject({
      field: 'matchId',
      code: 'unknown_match',
    });
    expect((await answer(weishi.api.POST('/leads', { body: { matchId: Number(matchId), enterpriseId: e.id } }))).status).toBe(400);
    const r = await answer(weishi.api.POST('/leads', { body: { matchId: Number(matchId), nextFollowUpOn: '2099-01-01' } }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      source: 'match',
      sourceLabel: '匹配推荐',
      matchId: Number(matchId),
      enterprise: { id: e.id },
      project: { id: project.id },
      nextFollowUpOn: '2099-01-01',
    });
    const [m] = await t.dataSource.query(`SELECT status FROM match WHERE id = $1`, [matchId]);
    expect(m.status).toBe('converted');
  });

  it('lists with filters, offset pages and keyset pages that agree', async () => {
    const created: number[] = [];
    for (let i = 0; i < 7; i++) {
      const e = await newEnterprise(`分页测试企业${i}`);
      const r = await answer(
        weishi.api.POST('/leads', {
          body: { enterpriseId: e.id, regionCode: '410223', ...(i % 2 ? { nextFollowUpOn: '2099-01-0' + (i + 1) } : {}) },
        }),
      );
      created.push(r.body.id);
      if (i < 3) await answer(weishi.api.POST('/leads/{id}/stage', { ...byId(r.body.id), body: { stage: 'contacted' } }));
    }
    const q = '分页测试企业';
    const total = async (who: TestActor, query: LeadsQuery) =>
      (await answer(who.api.GET('/leads', { params: { query: { q, ...query } } }))).body.total;
    const all = await answer(weishi.api.GET('/leads', { params: { query: { q, pageSize: 100 } } }));
    expect(all.body.total).toBe(7);
    expect(all.body.totalExact).toBe(true);
    const contacted = await answer(weishi.api.GET('/leads', { params: { query: { q, stage: ['contacted'] } } }));
    expect(ids(contacted).sort()).toEqual(created.slice(0, 3).sort());
    expect(await total(weishi, { owner: 'me' })).toBe(7);
    expect(await total(weishi, { owner: 'none' })).toBe(0);
    expect(await total(weishi, { industry: ['A03'] })).toBe(7);
    expect(await total(weishi, { industry: ['C'] })).toBe(0);
    expect(await total(weishi, { source: ['manual', 'import'] })).toBe(7);
    // a comma-separated list, as a hand-written URL would send it, means the same
    expect((await weishi.call('GET', `/leads?q=${encodeURIComponent(q)}&source=manual,import`)).body.total).toBe(7);
    expect(await total(kaifeng, { region: '410223' })).toBe(7);
    expect(await total(kaifeng, { region: '410225' })).toBe(0);

    for (const sort of ['recent', 'followUp', 'created'] as const) {
      const offset: number[] = [];
      for (let page = 1; page <= 3; page++)
        offset.push(...ids(await answer(weishi.api.GET('/leads', { params: { query: { q, sort, pageSize: 3, page } } }))));
      const keyset: number[] = [];
      let cursor: string | undefined;
      do {
        const r = await answer(weishi.api.GET('/leads', { params: { query: { q, sort, pageSize: 3, ...(cursor ? { cursor } : {}) } } }));
        keyset.push(...ids(r));
        cursor = r.body.nextCursor ?? undefined;
      } while (cursor);
      expect({ sort, keyset }).toEqual({ sort, keyset: offset });
      expect(new Set(keyset).size).toBe(7);
    }
    const byFollowUp = (await answer(weishi.api.GET('/leads', { params: { query: { q, sort: 'followUp', pageSize: 3 } } }))).body.items.map(
      (l: { nextFollowUpOn: string }) => l.nextFollowUpOn,
    );
    expect(byFollowUp).toEqual(['2099-01-02', '2099-01-04', '2099-01-06']);

    expect((await answer(weishi.api.GET('/leads', { params: { query: { cursor: 'not-a-cursor' } } }))).body.errors[0]).toMatchObject({
      field: 'cursor',
      code: 'invalid_cursor',
    });
    expect((await answer(weishi.api.GET('/leads', { params: { query: { page: 600, pageSize: 20 } } }))).body.errors[0]).toMatchObject({
      field: 'page',
      code: 'too_deep',
    });
    // values and parameters the document does not allow, by hand
    expect((await weishi.call('GET', '/leads?stage=won')).body.errors[0]).toMatchObject({ field: 'stage[0]' });
    expect((await weishi.call('GET', '/leads?unknown=1')).status).toBe(400);
  });

  it('lists follow-ups due (today or overdue) for open leads', async () => {
    const e = await newEnterprise('到期测试企业');
    const lead = (await answer(weishi.api.POST('/leads', { body: { enterpriseId: e.id, regionCode: '410223' } }))).body;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await answer(weishi.api.PATCH('/leads/{id}', { ...byId(lead.id), body: { nextFollowUpOn: today } }));
    const due = () => answer(weishi.api.GET('/leads', { params: { query: { followUpDue: 'true', q: '到期测试企业' } } }));
    expect(ids(await due())).toEqual([lead.id]);
    await answer(weishi.api.POST('/leads/{id}/stage', { ...byId(lead.id), body: { stage: 'lost', lostReason: '无意向' } }));
    expect((await due()).body.total).toBe(0);
  });

  /** The export's CSV text, through the generated client (the body read as bytes, not JSON). */
  async function exportCsv(who: TestActor, query: { q?: string; enterpriseId?: number }): Promise<{ status: number; text: string }> {
    const { response, data } = await who.api.GET('/leads/export', {
      params: { query: { format: 'csv', ...query } },
      parseAs: 'arrayBuffer',
    });
    return { status: response.status, text: data ? Buffer.from(data).toString('utf8') : '' };
  }

  it("exports the leads (the import's columns) and records the export in the audit log", async () => {
    const r = await exportCsv(weishi, { q: '分页测试企业' });
    expect(r.status).toBe(200);
    const rows = parse(r.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({
      企业名称: '分页测试企业0',
      意向地区代码: '410223',
      地区: '河南省开封市尉氏县',
      阶段: '已接洽',
      来源: '手工录入',
    });
    const [audit] = await t.dataSource.query(`SELECT actor_user_id, region_code, detail FROM audit_log WHERE action = 'lead.exported'`);
    expect(audit).toMatchObject({
      actor_user_id: weishi.userId,
      region_code: '410223',
      detail: { format: 'csv', rows: 7, filters: { q: '分页测试企业' } },
    });
    expect((await answer(entUser.api.GET('/leads/export'))).status).toBe(403);
  });

  it("exports names a spreadsheet would run as formulas as text (prefixed with ')", async () => {
    for (const name of ['=HYPERLINK("http://evil.example","点击")', '+公式测试企业', '-公式测试企业', '@公式测试企业']) {
      const e = await newEnterprise(name);
      await answer(weishi.api.POST('/leads', { body: { enterpriseId: e.id, regionCode: '410223' } }));
      const { text } = await exportCsv(weishi, { enterpriseId: e.id });
      const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(rows.map((row) => row['企业名称'])).toEqual([`'${name}`]);
      expect(text).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await http(t.url, 'GET', '/docs/openapi.json')).body;
    for (const p of [
      '/leads',
      '/leads/{id}',
      '/leads/{id}/stage',
      '/leads/{id}/reopen',
      '/leads/{id}/assign',
      '/leads/{id}/activities',
      '/leads/figures',
      '/leads/figures/export',
      '/leads/export',
      '/lead-assignment-rules',
      '/imports/{kindOrId}',
      '/imports/templates/{kind}',
    ]) {
      expect(doc.paths[p]).toBeDefined();
    }
    const params = doc.paths['/leads'].get.parameters.map((x: { name: string }) => x.name);
    expect(params).toEqual(
      expect.arrayContaining(['stage', 'owner', 'region', 'industry', 'followUpDue', 'q', 'cursor', 'page', 'pageSize', 'sort']),
    );
    expect(doc.paths['/leads/{id}/stage'].post.requestBody).toBeDefined();
  });
});
