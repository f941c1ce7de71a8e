import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc, projectBody } from '../support/factories.js';

/**
 * 产业链招商 over HTTP: a chain of 尉氏县 (own segments or a template), region-scoped (开封市 sees
 * and edits it, 洛阳市 gets 404 and may not create one for 尉氏), bad input a 400 naming the field,
 * the map's counts and statuses, targets outside the region with reasons naming the segment.
 */
describe('chains API', () => {
  let t: TestApp;
  let admin: TestActor;
  let weishi: TestActor;
  let kaifeng: TestActor;
  let luoyang: TestActor;
  let chainId: number;
  const ids: Record<string, number> = {};

  const enterprise = async (key: string, over: Record<string, unknown>) => {
    const r = await admin.call(
      'POST',
      '/enterprises',
      enterpriseBody({ uscc: nextUscc(String(over.homeRegionCode ?? '410223')), name: `${key}有限公司`, ...over }),
    );
    expect(r.status).toBe(201);
    ids[key] = r.body.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await actor(t, 'admin');
    weishi = await actor(t, 'officer', { region: '410223' });
    kaifeng = await actor(t, 'officer', { region: '410200' });
    luoyang = await actor(t, 'officer', { region: '410300' });
    // local (尉氏县): 3 in 零部件 (strong), 1 in 涂料 (weak), none in 汽车玻璃 (gap)
    for (const k of ['本地零部件甲', '本地零部件乙', '本地零部件丙'])
      await enterprise(k, { industryCodes: ['C3670'], homeRegionCode: '410223' });
    await enterprise('本地涂料', { industryCodes: ['C2641'], homeRegionCode: '410223' });
    // outside: a glass maker targeting 尉氏县, a paint maker targeting 河南省, a glass maker targeting nothing, a pig farm
    await enterprise('郑州汽车玻璃', { industryCodes: ['C3051'], homeRegionCode: '410102', targetRegionCodes: ['410223'] });
    await enterprise('洛阳涂料', { industryCodes: ['C2641'], homeRegionCode: '410302', targetRegionCodes: ['410000'] });
    await enterprise('上海玻璃', { industryCodes: ['C3051'], homeRegionCode: '310101', targetRegionCodes: [] });
    await enterprise('洛阳养猪', { industryCodes: ['A0313'], homeRegionCode: '410302', targetRegionCodes: ['410223'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const segments = [
    { name: '涂料', position: 1, industryCodes: ['C2641'], tier: 'upstream' },
    { name: '汽车玻璃', position: 2, industryCodes: ['C3051'], tier: 'upstream' },
    { name: '零部件', position: 3, industryCodes: ['C367'], tier: 'midstream' },
  ];

  it('creates a chain for staff of the region: 201 {id}', async () => {
    const r = await weishi.call('POST', '/chains', {
      name: '汽车零部件',
      regionCode: '410223',
      segments,
      anchorEnterpriseIds: [ids['本地涂料']],
      leaderUserId: weishi.userId,
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.any(Number) });
    chainId = r.body.id;
    const got = await weishi.call('GET', `/chains/${chainId}`);
    expect(got.status).toBe(200);
    expect(got.body.segments.map((s: { name: string }) => s.name)).toEqual(['涂料', '汽车玻璃', '零部件']);
    expect(got.body.anchorEnterprises).toEqual([{ id: ids['本地涂料'], name: '本地涂料有限公司' }]);
    expect(got.body.leaderUserId).toBe(weishi.userId);
  });

  it('answers bad input with a 400 naming the field, and writes nothing', async () => {
    const before = (await admin.call('GET', '/chains?pageSize=100')).body.total;
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { name: '链', regionCode: '410223', segments: [{ name: '甲', position: 1, industryCodes: ['C9999'] }] },
        'segments[0].industryCodes[0]',
      ],
      [{ regionCode: '410223', segments }, 'name'],
      [{ name: '链', regionCode: '999999', segments }, 'regionCode'],
      [{ name: '链', regionCode: '410223', segments: [segments[0], { ...segments[1], position: 1 }] }, 'segments[1].position'],
      [{ name: '链', regionCode: '410223', templateKey: 'nope' }, 'templateKey'],
      [{ name: '链', regionCode: '410223', segments, anchorEnterpriseIds: [ids['洛阳涂料']] }, 'anchorEnterpriseIds'],
      [{ name: '链', regionCode: '410223', segments, leaderUserId: luoyang.userId }, 'leaderUserId'],
      [{ name: '链', regionCode: '410223', segments, strongMin: 2, weakMin: 2 }, 'strongMin'],
    ];
    for (const [body, field] of cases) {
      const r = await weishi.call('POST', '/chains', body);
      expect({ field, status: r.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(r.body.errors)).toContain(`"${field}`);
    }
    expect((await admin.call('GET', '/chains?pageSize=100')).body.total).toBe(before);
    expect((await weishi.call('GET', `/chains/${chainId}/targets?segmentId=2147483647`)).status).toBe(400);
  });

  it('adopts a template', async () => {
    const r = await kaifeng.call('POST', '/chains', { regionCode: '410200', templateKey: 'tea' });
    expect(r.status).toBe(201);
    const got = (await kaifeng.call('GET', `/chains/${r.body.id}`)).body;
    expect(got.name).toBe('茶叶全产业链');
    expect(got.templateKey).toBe('tea');
    expect(got.segments[0]).toMatchObject({ position: 1, name: '茶叶种植', industryCodes: ['A0164'], tier: 'upstream' });
    const templates = (await weishi.call('GET', '/chains/templates')).body.items;
    expect(templates.map((x: { key: string }) => x.key)).toContain('tea');
  });

  it('is region-scoped: 开封市 sees and edits 尉氏 chains, 洛阳市 gets 404 and may not create one there', async () => {
    expect((await kaifeng.call('GET', '/chains')).body.items.map((c: { id: number }) => c.id)).toContain(chainId);
    expect((await weishi.call('GET', '/chains')).body.items.map((c: { regionCode: string }) => c.regionCode)).toEqual(['410223']);
    expect((await luoyang.call('GET', '/chains')).body).toMatchObject({ items: [], total: 0 });
    for (const path of [`/chains/${chainId}`, `/chains/${chainId}/map`, `/chains/${chainId}/targets`]) {
      expect((await luoyang.call('GET', path)).status).toBe(404);
    }
    expect((await luoyang.call('PATCH', `/chains/${chainId}`, { name: '改名' })).status).toBe(404);
    expect((await luoyang.call('POST', '/chains', { name: '链', regionCode: '410223', segments })).status).toBe(403);
    const patched = await kaifeng.call('PATCH', `/chains/${chainId}`, { name: '汽车零部件' });
    expect(patched.status).toBe(200);
    expect((await weishi.call('GET', '/chains/999999')).status).toBe(404);
  });

  it('maps the chain: local enterprises, open projects and landed leads per segment, status by the rule', async () => {
    const p = (
      await admin.call('POST', '/projects', projectBody({ regionCode: '410223', industryCodes: ['C3670'], title: '尉氏县零部件产业园' }))
    ).body;
    expect((await admin.call('POST', `/projects/${p.id}/publish`)).status).toBeLessThan(300);
    const lead = (await weishi.call('POST', '/leads', { enterpriseId: ids['郑州汽车玻璃'], projectId: p.id, ownerId: weishi.userId })).body;
    expect((await weishi.call('POST', `/leads/${lead.id}/stage`, { stage: 'signed', amountYuan: 10_000_000 })).status).toBe(200);
    // the signed project now follows its lead (已签约); a second one is still open, a draft does not count
    const open = (
      await admin.call('POST', '/projects', projectBody({ regionCode: '410223', industryCodes: ['C3670'], title: '尉氏县零部件二期' }))
    ).body;
    expect((await admin.call('POST', `/projects/${open.id}/publish`)).status).toBeLessThan(300);
    await admin.call('POST', '/projects', projectBody({ regionCode: '410223', industryCodes: ['C3670'], title: '尉氏县零部件草稿' }));

    const map = await weishi.call('GET', `/chains/${chainId}/map`);
    expect(map.status).toBe(200);
    const [paint, glass, parts] = map.body.segments;
    expect(paint).toMatchObject({
      name: '涂料',
      enterprises: 1,
      openProjects: 0,
      signedLeads: 0,
      status: 'weak',
      anchorEnterpriseIds: [ids['本地涂料']],
    });
    expect(glass).toMatchObject({ name: '汽车玻璃', enterprises: 0, signedLeads: 0, status: 'gap' });
    expect(parts).toMatchObject({ name: '零部件', enterprises: 3, openProjects: 1, signedLeads: 1, startedLeads: 0, status: 'strong' });
    expect(map.body.rule).toContain('≥ 3');
  });

  it('targets enterprises outside the region that fit a gap or weak segment, ranked, with reasons', async () => {
    const r = await weishi.call('GET', `/chains/${chainId}/targets`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    const [first, second, third] = r.body.items;
    expect(first).toMatchObject({
      enterpriseId: ids['郑州汽车玻璃'],
      segmentId: expect.any(Number),
      score: 100,
      status: 'gap',
      openness: 'region',
    });
    expect(first.reasons).toEqual([
      '可补齐尉氏县汽车零部件产业链「汽车玻璃」环节（本地暂无企业）',
      '主营「技术玻璃制品制造」，属于该环节',
      '有意向投资尉氏县',
    ]);
    expect(second).toMatchObject({ enterpriseId: ids['上海玻璃'], score: 60, openness: 'none' });
    expect(third).toMatchObject({ enterpriseId: ids['洛阳涂料'], status: 'weak', openness: 'province', score: 55 });
    expect(third.reasons[0]).toBe('可强链：尉氏县汽车零部件产业链「涂料」环节本地仅 1 家');
    const all = r.body.items.map((x: { enterpriseId: number }) => x.enterpriseId);
    for (const k of ['本地零部件甲', '本地涂料', '洛阳养猪']) expect(all).not.toContain(ids[k]);
    const paged = await weishi.call('GET', `/chains/${chainId}/targets?page=5&pageSize=1`);
    expect(paged.body).toMatchObject({ items: [], total: 3 });
    const only = await weishi.call('GET', `/chains/${chainId}/targets?segmentId=${first.segmentId}`);
    expect(only.body.items.map((x: { enterpriseId: number }) => x.enterpriseId)).toEqual([ids['郑州汽车玻璃'], ids['上海玻璃']]);
  });

  it('exports the targets as CSV (ranked, with reasons) and as XLSX', async () => {
    const csv = await weishi.call('GET', `/chains/${chainId}/targets/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe('排名,企业,企业ID,环节,环节状态,得分,理由');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('郑州汽车玻璃有限公司');
    expect(lines[1]).toContain('可补齐尉氏县汽车零部件产业链「汽车玻璃」环节（本地暂无企业）');
    const xlsx = await weishi.call('GET', `/chains/${chainId}/targets/export`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await luoyang.call('GET', `/chains/${chainId}/targets/export`)).status).toBe(404);
  });

  it('turns a target into a lead of the region with source 产业链招商, once; a non-target is a 400 naming enterpriseId', async () => {
    const target = ids['上海玻璃'];
    const r = await weishi.call('POST', `/chains/${chainId}/leads`, { enterpriseId: target });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: expect.any(Number), created: true });
    const lead = await weishi.call('GET', `/leads/${r.body.id}`);
    expect(lead.status).toBe(200);
    expect(JSON.stringify(lead.body)).toContain('可补齐尉氏县汽车零部件产业链「汽车玻璃」环节（本地暂无企业）');
    const [row] = await t.dataSource.query('SELECT source, region_code FROM lead WHERE id = $1', [r.body.id]);
    expect(row).toEqual({ source: 'chain', region_code: '410223' });
    const again = await weishi.call('POST', `/chains/${chainId}/leads`, { enterpriseId: target });
    expect(again.body).toMatchObject({ id: r.body.id, created: false });
    for (const k of ['本地涂料', '洛阳养猪']) {
      const no = await weishi.call('POST', `/chains/${chainId}/leads`, { enterpriseId: ids[k] });
      expect(no.status).toBe(400);
      expect(no.body.errors[0].field).toBe('enterpriseId');
    }
    expect((await luoyang.call('POST', `/chains/${chainId}/leads`, { enterpriseId: target })).status).toBe(404);
  });

  it('draws the console page: an SVG box per segment coloured by status, 链主 marked, the numbers, the targets with 新建线索', async () => {
    const page = await weishi.call('GET', `/console/chains/${chainId}`);
    expect(page.status).toBe(200);
    const html = String(page.body);
    expect(html).toContain('<svg');
    expect(html.match(/<g data-segment="\d+" data-status="(strong|weak|gap)">/g)).toHaveLength(3);
    expect(html).toContain('data-status="gap"');
    expect(html).toContain('弱 ★'); // 涂料 holds the 链主
    expect(html).toContain('郑州汽车玻璃有限公司');
    expect(html).toContain('新建线索');
    expect(html).toContain(`/console/enterprises?region=410223&amp;industry=C367`);
    expect((await luoyang.call('GET', `/console/chains/${chainId}`)).status).toBe(404);
    const list = await kaifeng.call('GET', '/console/chains');
    expect(String(list.body)).toContain('汽车零部件');
  });

  it('tags a project with the chain segment it serves (补链项目): shown on the project, checked against its region, kept across chain edits', async () => {
    const chain = (await weishi.call('GET', `/chains/${chainId}`)).body;
    const glass = chain.segments.find((s: { name: string }) => s.name === '汽车玻璃');
    const created = await weishi.call(
      'POST',
      '/projects',
      projectBody({ industryCodes: ['C3051'], title: '尉氏县汽车玻璃项目', chainSegmentId: glass.id }),
    );
    expect(created.status).toBe(201);
    expect(created.body.chainSegment).toEqual({ id: glass.id, chainId, chainLabel: '尉氏县汽车零部件产业链', name: '汽车玻璃' });
    // a chain of another region is refused, naming the field; so is an unknown segment; nothing is written
    const before = (await admin.call('GET', '/projects?includeDrafts=true&pageSize=100')).body.total;
    const elsewhere = await admin.call('POST', '/projects', projectBody({ regionCode: '410302', chainSegmentId: glass.id }));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'chainSegmentId', code: 'outside_region' })]);
    const unknown = await admin.call('POST', '/projects', projectBody({ chainSegmentId: 99_999_999 }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'chainSegmentId', code: 'unknown' })]);
    expect((await admin.call('GET', '/projects?includeDrafts=true&pageSize=100')).body.total).toBe(before);
    // moving the project out of the chain's region while tagged is refused too
    const moved = await kaifeng.call('PATCH', `/projects/${created.body.id}`, { regionCode: '410221' });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'chainSegmentId', code: 'outside_region' })]);
    // editing the chain's segments keeps the ids of the positions that stay: the tag still names it
    const edited = await weishi.call('PATCH', `/chains/${chainId}`, {
      segments: [...segments, { name: '动力电池', position: 4, industryCodes: ['C3841'] }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.segments.find((s: { name: string }) => s.name === '汽车玻璃').id).toBe(glass.id);
    const read = await weishi.call('GET', `/projects/${created.body.id}`);
    expect(read.body.chainSegment).toMatchObject({ id: glass.id, name: '汽车玻璃' });
    // untagging
    expect((await weishi.call('PATCH', `/projects/${created.body.id}`, { chainSegmentId: null })).body.chainSegment).toBeNull();
    // the console form offers the region's segments, and the project page shows the tag
    await weishi.call('PATCH', `/projects/${created.body.id}`, { chainSegmentId: glass.id });
    const form = await weishi.call('GET', `/console/projects/${created.body.id}/edit`);
    expect(String(form.body)).toContain(`<option value="${glass.id}" selected>汽车玻璃（缺链）</option>`);
    expect(String((await weishi.call('GET', `/console/projects/${created.body.id}`)).body)).toContain(
      '尉氏县汽车零部件产业链「汽车玻璃」环节',
    );
    await weishi.call('PATCH', `/chains/${chainId}`, { segments });
  });

  it('refuses enterprise users by role (403)', async () => {
    const ent = await actor(t, 'enterprise', { enterpriseId: ids['本地涂料'] });
    expect((await ent.call('GET', '/chains')).status).toBe(403);
    expect((await ent.call('GET', `/chains/${chainId}/map`)).status).toBe(403);
  });
});
