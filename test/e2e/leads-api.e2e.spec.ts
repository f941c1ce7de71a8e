import { parse } from 'csv-parse/sync';
import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc, projectBody } from '../support/factories.js';

/**
 * The lead API as officers, bureau leads and enterprises use it: region scoping (another city's
 * officer gets 404 on the object, 403 on a region filter), the enterprise's read-only view, the
 * enterprise's interest becoming a lead exactly once, leads from matches, the filtered list with
 * offset and keyset paging, the export (audited) and the OpenAPI description.
 */
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
    ent = (await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(), name: '河南豫丰食品科技有限公司' }))).body;
    entUser = await actor(t, 'enterprise', { enterpriseId: ent.id });
    project = (
      await admin.call('POST', '/projects', projectBody({ code: `API-${++seq}`, title: '尉氏县冷链物流园', regionCode: '410223' }))
    ).body;
    await admin.call('POST', `/projects/${project.id}/publish`);
  });
  afterAll(async () => {
    await t?.close();
  });

  const newEnterprise = async (name = `测试企业${++seq}`) =>
    (await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(), name }))).body as { id: number };

  it('scopes leads by region: insiders up the tree see them, another city gets 404 (object) and 403 (filter)', async () => {
    const lead = (await weishi.call('POST', '/leads', { enterpriseId: ent.id, projectId: project.id })).body;
    expect(lead.region).toEqual({ code: '410223', name: '河南省开封市尉氏县' });
    expect((await kaifeng.call('GET', `/leads/${lead.id}`)).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', `/leads/${lead.id}`, undefined],
      ['PATCH', `/leads/${lead.id}`, { expectedInvestmentYuan: 1 }],
      ['POST', `/leads/${lead.id}/stage`, { stage: 'contacted' }],
      ['POST', `/leads/${lead.id}/activities`, { kind: 'note', summary: '越权' }],
      ['POST', `/leads/${lead.id}/reopen`, { reason: '越权' }],
    ] as const) {
      const r = await luoyang.call(method, path, body);
      expect({ path, status: r.status }).toEqual({ path, status: 404 });
    }
    expect((await luoyang.call('GET', '/leads?region=410223')).status).toBe(403);
    expect((await luoyang.call('GET', '/leads')).body.items).toEqual([]);
    expect((await luoyang.call('POST', '/leads', { enterpriseId: ent.id, regionCode: '410223' })).status).toBe(403);
    // a project outside the caller's region reads like an unknown one
    expect((await luoyang.call('POST', '/leads', { enterpriseId: ent.id, projectId: project.id })).body.errors[0]).toMatchObject({
      field: 'projectId',
      code: 'unknown_project',
    });
    // the enterprise sees its own lead, read-only, without the officers' notes
    const own = await entUser.call('GET', `/leads/${lead.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: lead.id, stage: 'new', stageLabel: '新线索', project: { title: '尉氏县冷链物流园' } });
    expect(own.body.timeline).toBeUndefined();
    expect((await entUser.call('POST', `/leads/${lead.id}/stage`, { stage: 'contacted' })).status).toBe(403);
    const otherEnt = await actor(t, 'enterprise', { enterpriseId: (await newEnterprise()).id });
    expect((await otherEnt.call('GET', `/leads/${lead.id}`)).status).toBe(404);
    expect((await otherEnt.call('GET', '/leads')).body.items).toEqual([]);
  });

  it("turns the enterprise's interest in a match into one lead (source interest), in the same transaction", async () => {
    const e = await newEnterprise('河南中原智造装备有限公司');
    const user = await actor(t, 'enterprise', { enterpriseId: e.id });
    const [{ id: matchId }] = await t.dataSource.query(
      `INSERT INTO match (enterprise_id, project_id, score) VALUES ($1, $2, 77) RETURNING id`,
      [e.id, project.id],
    );
    const first = await user.call('POST', `/matches/${matchId}/interest`);
    expect(first.status).toBe(200);
    const again = await user.call('POST', `/matches/${matchId}/interest`);
    expect(again.status).toBe(200);
    const leads = await t.dataSource.query(`SELECT id, source, owner_id, match_id FROM lead WHERE enterprise_id = $1`, [e.id]);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ source: 'interest', owner_id: weishi.userId, match_id: String(matchId) });
    const mine = await user.call('GET', '/leads');
    expect(mine.body.items.map((l: { id: number }) => l.id)).toEqual([leads[0].id]);
    // the officer's "from this match" finds the same lead
    const fromMatch = await weishi.call('POST', '/leads', { matchId: Number(matchId) });
    expect(fromMatch.status).toBe(200);
    expect(fromMatch.body).toMatchObject({ id: leads[0].id, source: 'interest', created: false });
  });

  it('makes a lead from a match an officer picked (source match), marking the match converted', async () => {
    const e = await newEnterprise();
    const [{ id: matchId }] = await t.dataSource.query(
      `INSERT INTO match (enterprise_id, project_id, score) VALUES ($1, $2, 66) RETURNING id`,
      [e.id, project.id],
    );
    expect((await luoyang.call('POST', '/leads', { matchId: Number(matchId) })).body.errors[0]).toMatchObject({
      field: 'matchId',
      code: 'unknown_match',
    });
    expect((await weishi.call('POST', '/leads', { matchId: Number(matchId), enterpriseId: e.id })).status).toBe(400);
    const r = await weishi.call('POST', '/leads', { matchId: Number(matchId), nextFollowUpOn: '2099-01-01' });
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
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const e = await newEnterprise(`分页测试企业${i}`);
      const r = await weishi.call('POST', '/leads', {
        enterpriseId: e.id,
        regionCode: '410223',
        ...(i % 2 ? { nextFollowUpOn: '2099-01-0' + (i + 1) } : {}),
      });
      ids.push(r.body.id);
      if (i < 3) await weishi.call('POST', `/leads/${r.body.id}/stage`, { stage: 'contacted' });
    }
    const all = await weishi.call('GET', '/leads?q=分页测试企业&pageSize=100');
    expect(all.body.total).toBe(7);
    expect(all.body.totalExact).toBe(true);
    const contacted = await weishi.call('GET', '/leads?q=分页测试企业&stage=contacted');
    expect(contacted.body.items.map((l: { id: number }) => l.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect((await weishi.call('GET', '/leads?q=分页测试企业&owner=me')).body.total).toBe(7);
    expect((await weishi.call('GET', '/leads?q=分页测试企业&owner=none')).body.total).toBe(0);
    expect((await weishi.call('GET', '/leads?q=分页测试企业&industry=A03')).body.total).toBe(7);
    expect((await weishi.call('GET', '/leads?q=分页测试企业&industry=C')).body.total).toBe(0);
    expect((await weishi.call('GET', '/leads?q=分页测试企业&source=manual,import')).body.total).toBe(7);
    expect((await kaifeng.call('GET', '/leads?q=分页测试企业&region=410223')).body.total).toBe(7);
    expect((await kaifeng.call('GET', '/leads?q=分页测试企业&region=410225')).body.total).toBe(0);

    for (const sort of ['recent', 'followUp', 'created']) {
      const offset: number[] = [];
      for (let page = 1; page <= 3; page++)
        offset.push(
          ...(await weishi.call('GET', `/leads?q=分页测试企业&sort=${sort}&pageSize=3&page=${page}`)).body.items.map(
            (l: { id: number }) => l.id,
          ),
        );
      const keyset: number[] = [];
      let cursor: string | null = null;
      do {
        const r: { body: { items: Array<{ id: number }>; nextCursor: string | null } } = await weishi.call(
          'GET',
          `/leads?q=分页测试企业&sort=${sort}&pageSize=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        keyset.push(...r.body.items.map((l) => l.id));
        cursor = r.body.nextCursor;
      } while (cursor);
      expect({ sort, keyset }).toEqual({ sort, keyset: offset });
      expect(new Set(keyset).size).toBe(7);
    }
    const byFollowUp = (await weishi.call('GET', '/leads?q=分页测试企业&sort=followUp&pageSize=3')).body.items.map(
      (l: { nextFollowUpOn: string }) => l.nextFollowUpOn,
    );
    expect(byFollowUp).toEqual(['2099-01-02', '2099-01-04', '2099-01-06']);

    expect((await weishi.call('GET', '/leads?cursor=not-a-cursor')).body.errors[0]).toMatchObject({
      field: 'cursor',
      code: 'invalid_cursor',
    });
    expect((await weishi.call('GET', '/leads?page=600&pageSize=20')).body.errors[0]).toMatchObject({ field: 'page', code: 'too_deep' });
    expect((await weishi.call('GET', '/leads?stage=won')).body.errors[0]).toMatchObject({ field: 'stage[0]' });
    expect((await weishi.call('GET', '/leads?unknown=1')).status).toBe(400);
  });

  it('lists follow-ups due (today or overdue) for open leads', async () => {
    const e = await newEnterprise('到期测试企业');
    const lead = (await weishi.call('POST', '/leads', { enterpriseId: e.id, regionCode: '410223' })).body;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await weishi.call('PATCH', `/leads/${lead.id}`, { nextFollowUpOn: today });
    const due = await weishi.call('GET', '/leads?followUpDue=true&q=到期测试企业');
    expect(due.body.items.map((l: { id: number }) => l.id)).toEqual([lead.id]);
    await weishi.call('POST', `/leads/${lead.id}/stage`, { stage: 'lost', lostReason: '无意向' });
    expect((await weishi.call('GET', '/leads?followUpDue=true&q=到期测试企业')).body.total).toBe(0);
  });

  it("exports the leads (the import's columns) and records the export in the audit log", async () => {
    const r = await fetch(`${t.url}/leads/export?format=csv&q=分页测试企业`, { headers: { authorization: `Bearer ${weishi.token}` } });
    expect(r.status).toBe(200);
    const rows = parse(Buffer.from(await r.arrayBuffer()).toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
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
    expect((await entUser.call('GET', '/leads/export')).status).toBe(403);
  });

  it("exports names a spreadsheet would run as formulas as text (prefixed with ')", async () => {
    for (const name of ['=HYPERLINK("http://evil.example","点击")', '+公式测试企业', '-公式测试企业', '@公式测试企业']) {
      const e = await newEnterprise(name);
      await weishi.call('POST', '/leads', { enterpriseId: e.id, regionCode: '410223' });
      const r = await fetch(`${t.url}/leads/export?format=csv&enterpriseId=${e.id}`, {
        headers: { authorization: `Bearer ${weishi.token}` },
      });
      const text = Buffer.from(await r.arrayBuffer()).toString('utf8');
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
