import { MatchingEngine } from '../../../src/matching/matching.engine.js';
import { MatchesService } from '../../../src/matching/matches.service.js';
import type { Actor } from '../../../src/access/actor.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { events, explainedMatchRows, matchingFixtures, matchingOutbox, matchRows } from '../../support/matching-fixtures.js';

/**
 * The engine against a real database: candidates from PostgreSQL, matches written once and only
 * when something changed, events in the same transaction, withdrawals, dismissals, stored
 * incentive eligibility with 免申即享 grants, and triggers in the outbox.
 */
describe('matching engine', () => {
  let t: TestApp;
  let engine: MatchingEngine;
  let f: ReturnType<typeof matchingFixtures>;
  let cjrh: { policyId: number; incentiveIds: number[] };
  let pigFarm: number;
  let dataCo: number;
  let pigPark: number;
  let dataPark: number;

  const enterpriseActor = (enterpriseId: number): Actor => ({
    userId: 1,
    role: 'enterprise',
    email: 'e@example.com',
    name: 'e',
    bureauId: null,
    regionScope: null,
    enterpriseId,
  });

  beforeAll(async () => {
    t = await startTestApp();
    engine = t.get(MatchingEngine);
    f = matchingFixtures(t);
    cjrh = await f.policy({
      incentives: [
        {
          kind: 'fast_track',
          title: '产教融合型企业项目审批“绿色通道”',
          conditions: [{ type: 'certification', anyOf: ['industry_education_integration'] }],
        },
        {
          kind: 'credit',
          title: '产教融合纳入信用评价、提供融资增信',
          grantedWithoutApplication: true,
          conditions: [{ type: 'certification', anyOf: ['industry_education_integration'] }],
        },
        { kind: 'subsidy', title: '高新技术企业研发补贴', conditions: [{ type: 'certification', anyOf: ['high_tech'] }] },
      ],
    });
    pigFarm = await f.enterprise(
      {
        name: '河南牧丰农牧科技有限公司',
        industryCodes: ['A0313', 'C1351'],
        homeRegionCode: '410221',
        targetRegionCodes: ['410223'],
        investmentMinYuan: 300_000_000,
        investmentMaxYuan: 1_000_000_000,
        certifications: [{ kind: 'industry_education_integration' }, { kind: 'high_tech' }],
        description: '集生猪养殖、饲料加工、生猪屠宰于一体，与职业院校共建畜牧兽医实训基地。',
      },
      ['industry_education_integration'],
    );
    dataCo = await f.enterprise({
      name: '北京数衡云智科技有限公司',
      industryCodes: ['I6550'],
      homeRegionCode: '110108',
      targetRegionCodes: ['410300'],
      certifications: [],
      description: '大数据处理与云计算服务。',
    });
    pigPark = await f.project({
      title: '尉氏县生猪现代农业产业园项目',
      description: '建设标准化生猪养殖基地、饲料加工、生猪屠宰及肉制品精深加工，欢迎与职业院校共建实训基地。',
      regionCode: '410223',
      industryCodes: ['A0313', 'C1353'],
      totalInvestmentYuan: 800_000_000,
      incentiveIds: cjrh.incentiveIds,
    });
    dataPark = await f.project({
      title: '洛阳大数据产业园',
      description: '数据中心与云计算',
      regionCode: '410305',
      industryCodes: ['I6550'],
      totalInvestmentYuan: 500_000_000,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes a trigger into the outbox in the transaction of each change', async () => {
    const jobs = await matchingOutbox(t.dataSource);
    expect(jobs.filter((j) => j.job_name === 'matching.enterprise').map((j) => j.payload.enterpriseId)).toEqual(
      expect.arrayContaining([pigFarm, dataCo]),
    );
    expect(jobs.filter((j) => j.job_name === 'matching.project').map((j) => j.payload.projectId)).toEqual(
      expect.arrayContaining([pigPark, dataPark]),
    );
    expect(jobs.filter((j) => j.job_name === 'matching.policy').map((j) => j.payload.policyId)).toContain(cjrh.policyId);
    // one job per change: ids carry the transaction
    expect(new Set(jobs.map((j) => j.job_id)).size).toBe(
      new Set(jobs.map((j) => `${j.job_name}${JSON.stringify(j.payload)}${j.job_id}`)).size,
    );
    // a refused change writes none
    const before = jobs.length;
    await expect(
      f.enterprise({ uscc: (await t.dataSource.query('SELECT uscc FROM enterprise WHERE id = $1', [pigFarm]))[0].uscc }),
    ).rejects.toThrow();
    expect(await matchingOutbox(t.dataSource)).toHaveLength(before);
  });

  it('matches a published project with the enterprises that fit, explained', async () => {
    const stats = await engine.matchProject(pigPark);
    expect(stats).toMatchObject({ candidates: 1, matches: 1, written: 1, events: 1 });
    const [m] = await explainedMatchRows(t, 'project_id = $1', [pigPark]);
    expect(m).toMatchObject({
      enterprise_id: pigFarm,
      status: 'new',
      eligible_incentive_ids: cjrh.incentiveIds.slice(0, 2),
      needs_info_incentive_ids: [cjrh.incentiveIds[2]],
    });
    expect(m.score).toBeGreaterThanOrEqual(80);
    expect(m.breakdown.map((b: { factor: string }) => b.factor)).toEqual([
      'industry',
      'region',
      'investment',
      'incentives',
      'text',
      'stage',
      'chain',
    ]);
    expect(m.reasons[0]).toBe('行业：同为「A0313 猪的饲养」');
    expect(await events(t.dataSource, 'match.new')).toEqual([
      expect.objectContaining({ enterprise_id: pigFarm, project_id: pigPark, match_id: m.id, score: m.score }),
    ]);
    // the data company wants 洛阳市: the data park (涧西区) is its one match
    expect(await engine.matchProject(dataPark)).toMatchObject({ candidates: 1, matches: 1, written: 1 });
    expect((await matchRows(t.dataSource, 'enterprise_id = $1', [dataCo])).map((r: { project_id: number }) => r.project_id)).toEqual([
      dataPark,
    ]);
  });

  it('finds the same matches from the enterprise side, and a re-run writes nothing', async () => {
    const before = await matchRows(t.dataSource);
    const again = await engine.matchEnterprises({ ids: [pigFarm, dataCo] });
    expect(again).toMatchObject({ matches: 2, written: 0, withdrawn: 0, events: 0 });
    const project = await engine.matchProject(pigPark);
    expect(project).toMatchObject({ matches: 1, written: 0, events: 0 });
    expect(await matchRows(t.dataSource)).toEqual(before);
    expect(await events(t.dataSource, 'match.new')).toHaveLength(2);
  });

  it('updates a match when the enterprise changes, announcing only a material rise', async () => {
    const [before] = await matchRows(t.dataSource, 'project_id = $1', [pigPark]);
    // a range that no longer contains 8 亿 (score falls): rewritten, no event
    await f.updateEnterprise(pigFarm, { investmentMinYuan: 50_000_000, investmentMaxYuan: 500_000_000 });
    expect(await engine.matchEnterprises({ ids: [pigFarm] })).toMatchObject({ written: 1, events: 0 });
    const [lower] = await explainedMatchRows(t, 'project_id = $1', [pigPark]);
    expect(lower.score).toBeLessThan(before.score);
    expect(lower.breakdown.find((b: { factor: string }) => b.factor === 'investment').reason).toBe(
      '项目总投资 8 亿元，高于计划投资 5000 万元–5 亿元（接近上限）',
    );
    // back: a rise of (before - lower) points over the announced score? no — announced is the first score
    await f.updateEnterprise(pigFarm, { investmentMinYuan: 300_000_000, investmentMaxYuan: 1_000_000_000 });
    expect(await engine.matchEnterprises({ ids: [pigFarm] })).toMatchObject({ written: 1, events: 0 });
    expect((await matchRows(t.dataSource, 'project_id = $1', [pigPark]))[0].score).toBe(before.score);
  });

  it('keeps a dismissed match dismissed unless its score rises materially', async () => {
    const svc = t.get(MatchesService);
    const [m] = await matchRows(t.dataSource, 'project_id = $1', [pigPark]);
    // lower the score first, then dismiss at that score
    await f.updateEnterprise(pigFarm, { investmentMinYuan: 50_000_000, investmentMaxYuan: 500_000_000, description: '生猪养殖。' });
    await engine.matchEnterprises({ ids: [pigFarm] });
    const [low] = await matchRows(t.dataSource, 'id = $1', [m.id]);
    await svc.dismiss(enterpriseActor(pigFarm), m.id);
    expect((await matchRows(t.dataSource, 'id = $1', [m.id]))[0]).toMatchObject({ status: 'dismissed', dismissed_score: low.score });
    // a small change: still dismissed, no event
    await f.updateEnterprise(pigFarm, { description: '生猪养殖、屠宰。' });
    await engine.matchEnterprises({ ids: [pigFarm] });
    const [small] = await matchRows(t.dataSource, 'id = $1', [m.id]);
    expect(small.status).toBe('dismissed');
    expect(small.score - low.score).toBeLessThan(10);
    const improvedBefore = (await events(t.dataSource, 'match.improved')).length;
    // a material rise: resurfaces as new, with a match.improved event
    await f.updateEnterprise(pigFarm, {
      investmentMinYuan: 300_000_000,
      investmentMaxYuan: 1_000_000_000,
      description: '集生猪养殖、饲料加工、生猪屠宰于一体，与职业院校共建畜牧兽医实训基地。',
    });
    await engine.matchEnterprises({ ids: [pigFarm] });
    const [risen] = await matchRows(t.dataSource, 'id = $1', [m.id]);
    expect(risen.score).toBeGreaterThanOrEqual(low.score + 10);
    expect(risen).toMatchObject({ status: 'new', dismissed_score: null, announced_score: risen.score });
    expect(await events(t.dataSource, 'match.improved')).toHaveLength(improvedBefore + 1);
  });

  it('withdraws matches of a closed project and never lists them; the row (and a dismissal) is kept', async () => {
    const closedProject = await f.project({
      title: '尉氏县肉制品加工项目',
      description: '生猪屠宰、肉制品加工',
      regionCode: '410223',
      industryCodes: ['C1351'],
      totalInvestmentYuan: 500_000_000,
    });
    await engine.matchProject(closedProject);
    const [m] = await matchRows(t.dataSource, 'project_id = $1', [closedProject]);
    expect(m.withdrawn_at).toBeNull();
    await f.stage(closedProject, 'closed');
    expect(await engine.matchProject(closedProject)).toMatchObject({ candidates: 0, withdrawn: 1 });
    const [after] = await matchRows(t.dataSource, 'project_id = $1', [closedProject]);
    expect(after.withdrawn_at).not.toBeNull();
    const list = await t.get(MatchesService).forEnterprise(enterpriseActor(pigFarm), pigFarm, { page: 1, pageSize: 20 });
    expect(list.items.map((i) => i.projectId)).not.toContain(closedProject);
    // withdrawing again changes nothing
    expect(await engine.matchProject(closedProject)).toMatchObject({ withdrawn: 0 });
  });

  it('withdraws a match when the enterprise changes its line of business, and restores it when it changes back', async () => {
    await f.updateEnterprise(pigFarm, { industryCodes: ['F5292'] });
    expect(await engine.matchEnterprises({ ids: [pigFarm] })).toMatchObject({ withdrawn: 1 });
    await f.updateEnterprise(pigFarm, { industryCodes: ['A0313', 'C1351'] });
    const back = await engine.matchEnterprises({ ids: [pigFarm] });
    expect(back).toMatchObject({ written: 1, events: 0 });
    const [m] = await matchRows(t.dataSource, 'project_id = $1', [pigPark]);
    expect(m.withdrawn_at).toBeNull();
  });

  it('stores enterprise × incentive eligibility and announces a 免申即享 grant once', async () => {
    const rows = await t.dataSource.query(
      `SELECT incentive_id, status, missing, granted_at IS NOT NULL AS granted FROM enterprise_incentive WHERE enterprise_id = $1 ORDER BY incentive_id`,
      [pigFarm],
    );
    expect(rows).toEqual([
      { incentive_id: cjrh.incentiveIds[0], status: 'eligible', missing: [], granted: false },
      { incentive_id: cjrh.incentiveIds[1], status: 'eligible', missing: [], granted: true },
      { incentive_id: cjrh.incentiveIds[2], status: 'needs_info', missing: ['已申报高新技术企业，待主管部门核验'], granted: false },
    ]);
    const granted = await events(t.dataSource, 'incentive.granted');
    expect(granted).toEqual([expect.objectContaining({ enterprise_id: pigFarm, incentive_id: cjrh.incentiveIds[1] })]);
    await engine.matchEnterprises({ ids: [pigFarm] });
    await engine.incentiveChanged(cjrh.incentiveIds[1]);
    expect(await events(t.dataSource, 'incentive.granted')).toHaveLength(1);
  });

  it('recomputes eligibility when an incentive changes, and re-matches the projects it is attached to', async () => {
    // the subsidy now requires an agricultural leader certification the pig farm has not claimed
    await f.updateIncentive(cjrh.incentiveIds[2], { conditions: [{ type: 'certification', anyOf: ['agri_leading'] }] });
    const { stats, projectIds } = await engine.incentiveChanged(cjrh.incentiveIds[2]);
    expect(projectIds).toEqual([pigPark]);
    expect(stats.eligibilityWritten).toBe(1);
    const rows = await t.dataSource.query(`SELECT incentive_id FROM enterprise_incentive WHERE enterprise_id = $1 ORDER BY incentive_id`, [
      pigFarm,
    ]);
    expect(rows.map((r: { incentive_id: number }) => r.incentive_id)).toEqual(cjrh.incentiveIds.slice(0, 2));
    await engine.matchProject(pigPark);
    const [m] = await explainedMatchRows(t, 'project_id = $1', [pigPark]);
    expect(m.needs_info_incentive_ids).toEqual([]);
    expect(m.breakdown.find((b: { factor: string }) => b.factor === 'incentives').reason).not.toContain('需补充信息');
  });

  it('never matches a draft, nor an enterprise outside the project region or industry', async () => {
    const draft = await f.project({ title: '尉氏县生猪养殖项目（草稿）', regionCode: '410223', industryCodes: ['A0313'] }, false);
    expect(await engine.matchProject(draft)).toMatchObject({ candidates: 0, matches: 0 });
    // a data park in 南阳 (outside the data company's 洛阳), a pig project in 洛阳 (its region, not its industry)
    const elsewhere = await f.project({ title: '南阳数据中心', regionCode: '411302', industryCodes: ['I6550'] });
    const otherIndustry = await f.project({ title: '洛阳生猪养殖项目', regionCode: '410305', industryCodes: ['A0313'] });
    expect(await engine.matchProject(elsewhere)).toMatchObject({ candidates: 0 });
    expect(await engine.matchProject(otherIndustry)).toMatchObject({ candidates: 0 });
    expect((await matchRows(t.dataSource, 'enterprise_id = $1', [dataCo])).map((r: { project_id: number }) => r.project_id)).toEqual([
      dataPark,
    ]);
  });
});
