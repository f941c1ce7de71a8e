import { seedDemo } from '../../../src/demo/seed-demo.js';
import { demoArticles } from '../../../src/demo/demo-articles.js';
import { http, startTestApp, type TestApp } from '../../support/app.js';

describe('news demo data: the seed articles, published with their regions, industries and projects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('loads every seed article once (idempotent), linked to the demo projects that quote it; search finds 尉氏县 and 生猪', async () => {
    const first = await seedDemo(t.app);
    expect(first.articles).toEqual({ created: demoArticles.length, existing: 0 });
    const again = await seedDemo(t.app);
    expect(again.articles).toEqual({ created: 0, existing: demoArticles.length });
    expect(demoArticles.length).toBe(10);

    const list = async (q: string) =>
      (await http(t.url, 'GET', `/articles?${q}`)).body as { items: Array<{ id: number; title: string }>; total: number };
    expect((await list('pageSize=100')).total).toBe(10);
    const weishi = await list(`q=${encodeURIComponent('尉氏县')}`);
    expect(weishi.items[0].title).toBe('【尉氏县招商】2021年尉氏县政府工作报告');
    const pigs = await list(`q=${encodeURIComponent('生猪')}`);
    expect(pigs.items.map((i) => i.title)).toContain('【尉氏县招商】2021年尉氏县政府工作报告');
    // 开封市 includes 尉氏县 and the 开封 article; not 洛阳
    const kaifeng = (await list('region=410200')).items.map((i) => i.title);
    expect(kaifeng.sort()).toEqual(
      ['【尉氏县招商】2021年尉氏县政府工作报告', '【开封招商】开封固定资产投资增速14.4% 招商引资激活高质量发展引擎'].sort(),
    );

    const report = (await http(t.url, 'GET', `/articles/${weishi.items[0].id}`)).body as {
      relatedProjectIds: number[];
      region: { code: string };
    };
    expect(report.region.code).toBe('410223');
    const codes: Array<{ code: string }> = await t.dataSource.query(`SELECT code FROM project WHERE id = ANY($1::int[]) ORDER BY code`, [
      report.relatedProjectIds,
    ]);
    expect(codes.map((c) => c.code)).toEqual(expect.arrayContaining(['WS-2021-001', 'WS-2021-002']));
    const cbec = (await list('region=410173')).items.map((i) => i.title);
    expect(cbec).toEqual(['【河南招商】招商引资助力郑州航空港经济综合实验区跨境电商产业蓬勃发展']);
  });
});
