import { MatchingEngine } from '../../src/matching/matching.engine.js';
import { FullRematchService } from '../../src/matching/full-rematch.service.js';
import { answer, apiClient } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { events, matchingFixtures } from '../support/matching-fixtures.js';

/**
 * The matching API over HTTP: an enterprise's matches best first with breakdown and reasons, a
 * project's matched enterprises for the officers of its region, interest and dismissal, and the
 * admin's full re-match with its progress. Calls go through the generated client (each actor's
 * `api`); only input the document forbids goes by hand (`call`).
 */
describe('matching API', () => {
  let t: TestApp;
  let f: ReturnType<typeof matchingFixtures>;
  let admin: TestActor;
  let kaifengOfficer: TestActor;
  let nanyangOfficer: TestActor;
  let farmUser: TestActor;
  let otherUser: TestActor;
  let farm: number;
  let other: number;
  const projects: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    f = matchingFixtures(t);
    const cjrh = await f.policy();
    farm = await f.enterprise(
      {
        name: '河南牧丰农牧科技有限公司',
        industryCodes: ['A0313', 'C1351'],
        homeRegionCode: '410221',
        targetRegionCodes: ['410200'],
        investmentMinYuan: 100_000_000,
        investmentMaxYuan: 1_000_000_000,
        description: '生猪养殖、屠宰及肉制品加工，与职业院校共建实训基地。',
      },
      ['industry_education_integration'],
    );
    other = await f.enterprise({
      name: '开封另一家农牧公司',
      industryCodes: ['A0313'],
      homeRegionCode: '410221',
      targetRegionCodes: ['410200'],
    });
    projects.best = await f.project({
      title: '尉氏县生猪现代农业产业园',
      description: '生猪养殖、屠宰及肉制品精深加工，共建实训基地',
      regionCode: '410223',
      industryCodes: ['A0313', 'C1351'],
      totalInvestmentYuan: 800_000_000,
      incentiveIds: cjrh.incentiveIds,
    });
    projects.second = await f.project({
      title: '杞县肉制品加工项目',
      description: '肉制品加工',
      regionCode: '410221',
      industryCodes: ['C1353'],
      totalInvestmentYuan: 300_000_000,
    });
    projects.third = await f.project({
      title: '兰考县畜牧养殖项目',
      description: '畜牧养殖',
      regionCode: '410225',
      industryCodes: ['A0311'],
      totalInvestmentYuan: 2_500_000_000,
    });
    const engine = t.get(MatchingEngine);
    for (const id of Object.values(projects)) await engine.matchProject(id);
    admin = await actor(t, 'admin');
    kaifengOfficer = await actor(t, 'officer', { region: '410200' });
    nanyangOfficer = await actor(t, 'officer', { region: '411300' });
    farmUser = await actor(t, 'enterprise', { enterpriseId: farm });
    otherUser = await actor(t, 'enterprise', { enterpriseId: other });
  });
  afterAll(async () => {
    await t?.close();
  });

  type MatchesQuery = { pageSize?: number; page?: number; minScore?: number; status?: Array<'new' | 'dismissed'> };
  const matchesOf = (who: TestActor, id: number, query: MatchesQuery = {}) =>
    answer(who.api.GET('/enterprises/{id}/matches', { params: { path: { id }, query } }));
  const projectMatches = (who: TestActor, id: number) => answer(who.api.GET('/projects/{id}/matches', { params: { path: { id } } }));
  const match = (who: TestActor, id: number) => answer(who.api.GET('/matches/{id}', { params: { path: { id } } }));
  const interest = (who: TestActor, id: number) => answer(who.api.POST('/matches/{id}/interest', { params: { path: { id } } }));
  const explain = (who: TestActor, id: number, projectId: number) =>
    answer(who.api.GET('/enterprises/{id}/matches/explain', { params: { path: { id }, query: { projectId } } }));
  const run = (id: number) => answer(admin.api.GET('/matching/runs/{id}', { params: { path: { id } } }));

  it("lists an enterprise's matches best first, paged, with breakdown, reasons and incentives", async () => {
    const r = await matchesOf(farmUser, farm, { pageSize: 2 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 3, page: 1, pageSize: 2, counts: { new: 3, dismissed: 0 } });
    expect(r.body.items).toHaveLength(2);
    const [first, second] = r.body.items;
    expect(first.project).toMatchObject({
      id: projects.best,
      title: '尉氏县生猪现代农业产业园',
      region: { code: '410223', name: '河南省开封市尉氏县' },
      stage: 'open',
      stageLabel: '招商中',
    });
    expect(first.score).toBeGreaterThanOrEqual(second.score);
    expect(first.breakdown).toHaveLength(7); // the six factors and 产业链 (weight 0: no chain in the region)
    expect(first.breakdown[0]).toMatchObject({
      factor: 'industry',
      label: '行业',
      fit: 1,
      weight: 30,
      points: 30,
      reason: '同为「A0313 猪的饲养」',
    });
    expect(first.reasons[0]).toBe('行业：同为「A0313 猪的饲养」');
    expect(first.eligibleIncentives).toEqual([
      expect.objectContaining({ title: '项目审批绿色通道', kind: 'fast_track', kindLabel: '审批绿色通道' }),
    ]);
    expect(first).toMatchObject({ status: 'new', statusLabel: '新匹配', withdrawn: false });
    const page2 = await matchesOf(farmUser, farm, { pageSize: 2, page: 2 });
    expect(page2.body.items.map((i: { project: { id: number } }) => i.project.id)).toEqual([
      [projects.best, projects.second, projects.third].find((id) => ![first.project.id, second.project.id].includes(id)),
    ]);
    const strong = await matchesOf(farmUser, farm, { minScore: first.score });
    expect(strong.body.items.every((i: { score: number }) => i.score >= first.score)).toBe(true);
  });

  it('shows an enterprise its own matches only, and staff those of their business', async () => {
    expect((await answer(apiClient(t.url).GET('/enterprises/{id}/matches', { params: { path: { id: farm } } }))).status).toBe(401);
    expect((await matchesOf(otherUser, farm)).status).toBe(404);
    expect((await matchesOf(kaifengOfficer, farm)).body.total).toBe(3);
    expect((await matchesOf(nanyangOfficer, farm)).status).toBe(404);
    expect((await matchesOf(admin, farm)).status).toBe(200);
  });

  it("lists a project's matched enterprises for the officers of its region", async () => {
    const r = await projectMatches(kaifengOfficer, projects.best);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { enterprise: { id: number } }) => i.enterprise.id)).toEqual(expect.arrayContaining([farm, other]));
    expect(r.body.items[0].enterprise).toMatchObject({
      id: farm,
      name: '河南牧丰农牧科技有限公司',
      homeRegion: { code: '410221' },
      certifications: [{ kind: 'industry_education_integration', label: '产教融合型企业' }],
    });
    expect(r.body.items[0].enterprise.contacts).toBeUndefined();
    expect((await projectMatches(nanyangOfficer, projects.best)).status).toBe(403);
    expect((await projectMatches(farmUser, projects.best)).status).toBe(403);
  });

  it('refuses malformed queries with a problem naming the field', async () => {
    // values the document does not allow, by hand
    const r = await farmUser.call('GET', `/enterprises/${farm}/matches?pageSize=500&status=maybe`);
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'status[0]']);
    expect((await farmUser.call('GET', `/enterprises/abc/matches`)).status).toBe(400);
  });

  it('records interest once, with a match.interested event', async () => {
    const list = await matchesOf(farmUser, farm);
    const id = list.body.items[0].id;
    const r = await interest(farmUser, id);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id, status: 'interested', statusLabel: '感兴趣' });
    expect((await interest(farmUser, id)).status).toBe(200);
    expect((await events(t.dataSource, 'match.interested')).filter((e: { match_id: number }) => e.match_id === id)).toHaveLength(1);
    expect((await interest(otherUser, id)).status).toBe(404);
    expect((await interest(kaifengOfficer, id)).status).toBe(403);
  });

  it('hides a dismissed match from the default list; it stays dismissed on a re-match', async () => {
    const list = await matchesOf(farmUser, farm);
    const target = list.body.items.find((i: { status: string }) => i.status === 'new');
    const r = await answer(farmUser.api.POST('/matches/{id}/dismiss', { params: { path: { id: target.id } } }));
    expect(r.body).toMatchObject({ status: 'dismissed', statusLabel: '不感兴趣' });
    const after = await matchesOf(farmUser, farm);
    expect(after.body.items.map((i: { id: number }) => i.id)).not.toContain(target.id);
    expect(after.body.counts.dismissed).toBe(1);
    const dismissed = await matchesOf(farmUser, farm, { status: ['dismissed'] });
    expect(dismissed.body.items.map((i: { id: number }) => i.id)).toEqual([target.id]);
    await t.get(MatchingEngine).matchEnterprises({ ids: [farm] });
    expect((await match(farmUser, target.id)).body.status).toBe('dismissed');
  });

  it('marks a match viewed when its enterprise opens it (not when staff do)', async () => {
    const list = await matchesOf(farmUser, farm, { status: ['new'] });
    const id = list.body.items[0].id;
    expect((await match(kaifengOfficer, id)).body.status).toBe('new');
    expect((await match(farmUser, id)).body).toMatchObject({ status: 'viewed', statusLabel: '已查看' });
  });

  it('explains why a project is, or is not, a match', async () => {
    const yes = await explain(farmUser, farm, projects.best);
    expect(yes.status).toBe(200);
    expect(yes.body).toMatchObject({ isMatch: true, threshold: 50, excluded: null, stored: { status: expect.any(String) } });
    expect(yes.body.verdict).toMatch(/达到 50 分的匹配门槛/);
    const nanyang = await f.project({
      title: '南阳生猪养殖项目',
      regionCode: '411302',
      industryCodes: ['A0313'],
      totalInvestmentYuan: 500_000_000,
    });
    const no = await explain(farmUser, farm, nanyang);
    expect(no.body).toMatchObject({ isMatch: false, stored: null, excluded: { factor: 'region' } });
    expect(no.body.verdict).toBe('项目所在地「河南省南阳市宛城区」不在意向投资地区（河南省开封市）内');
    expect(no.body.breakdown.find((b: { factor: string }) => b.factor === 'industry')).toMatchObject({ fit: 1, label: '行业' });
    expect((await explain(otherUser, farm, projects.best)).status).toBe(404);
    expect((await farmUser.call('GET', `/enterprises/${farm}/matches/explain`)).status).toBe(400); // projectId is required: by hand
  });

  it('lets an admin start a full re-match and follow its progress', async () => {
    expect((await answer(kaifengOfficer.api.POST('/matching/rematch'))).status).toBe(403);
    const r = await answer(admin.api.POST('/matching/rematch'));
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({
      status: 'pending',
      statusLabel: '排队中',
      jobId: `matching-run-${r.body.id}`,
      links: { self: `/matching/runs/${r.body.id}` },
    });
    // workers are off in this test: run the start job and the chunk jobs by hand
    const runs = t.get(FullRematchService);
    await runs.start({ id: r.body.jobId, data: { runId: r.body.id } } as never).catch(() => undefined); // the flow needs Redis workers; chunks exist
    const progress = await run(r.body.id);
    expect(progress.body).toMatchObject({ status: 'running', chunks: { total: 1, done: 0 }, enterprises: 2, progress: 0 });
    await runs.chunk({ data: { runId: r.body.id, chunkNo: 0 }, opts: { attempts: 1 }, attemptsMade: 0 } as never);
    const done = await run(r.body.id);
    expect(done.body).toMatchObject({ chunks: { total: 1, done: 1 }, progress: 100, pairsScored: 5, matchesWritten: 0 }); // 3 + 2 pairs, all already stored
    expect((await answer(admin.api.GET('/matching/runs'))).body.items[0].id).toBe(r.body.id);
  });
});
