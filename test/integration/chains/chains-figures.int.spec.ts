import { startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';
import { enterpriseBody, nextUscc } from '../../support/factories.js';
import { ChainsService } from '../../../src/chains/chains.service.js';

/**
 * 三个一批 by chain and segment: the chain's figures are the leads module's figures of the chain's
 * region and the segments' codes (cross-checked against GET /leads/figures), a lead counts once in
 * the chain total even when it fits two segments, leads outside the chain's industries do not
 * count, and 补链 leads (source 产业链招商) signed this year are counted apart.
 */
describe('chain figures', () => {
  let t: TestApp;
  let officer: TestActor;
  let chainId: number;
  const segments = [
    { name: '涂料', position: 1, industryCodes: ['C2641'] },
    { name: '化工', position: 2, industryCodes: ['C26'] },
    { name: '整车', position: 3, industryCodes: ['C361'] },
  ];

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410223' });
    const ent = async (name: string, industryCodes: string[], home = '410102') =>
      (
        await admin.call(
          'POST',
          '/enterprises',
          enterpriseBody({ uscc: nextUscc(home), name, industryCodes, homeRegionCode: home, targetRegionCodes: ['410223'] }),
        )
      ).body.id as number;
    chainId = (await officer.call('POST', '/chains', { name: '汽车零部件', regionCode: '410223', segments })).body.id;
    const sign = async (leadId: number, amountYuan: number) =>
      expect((await officer.call('POST', `/leads/${leadId}/stage`, { stage: 'signed', amountYuan })).status).toBe(200);
    // a paint maker (fits 涂料 and 化工), a car maker, a food company (outside the chain)
    const paint = await officer.call('POST', '/leads', { enterpriseId: await ent('郑州涂料有限公司', ['C2641']), regionCode: '410223' });
    const car = await officer.call('POST', '/leads', { enterpriseId: await ent('郑州整车有限公司', ['C3611']), regionCode: '410223' });
    const food = await officer.call('POST', '/leads', { enterpriseId: await ent('郑州食品有限公司', ['C1351']), regionCode: '410223' });
    await sign(paint.body.id, 30_000_000);
    await sign(car.body.id, 500_000_000);
    await sign(food.body.id, 70_000_000);
    // a target of the 涂料 gap turned into a lead (source 产业链招商), signed
    const target = await ent('上海漆业有限公司', ['C2641'], '310101');
    const chainLead = await officer.call('POST', `/chains/${chainId}/leads`, { enterpriseId: target });
    expect(chainLead.status).toBe(201);
    await sign(chainLead.body.id, 20_000_000);
  }, 60_000);
  afterAll(async () => t?.close());

  it('counts per segment and for the chain what the leads figures count, and the 补链 leads apart', async () => {
    const res = await officer.call('GET', `/chains/${chainId}/figures`);
    expect(res.status).toBe(200);
    const f = res.body;
    const signed = (ms: Array<{ stage: string; projects: number; amountYuan: number }>) => ms.find((m) => m.stage === 'signed')!;
    expect(
      f.segments.map((s: { name: string; milestones: never[] }) => [
        s.name,
        signed(s.milestones).projects,
        signed(s.milestones).amountYuan,
      ]),
    ).toEqual([
      ['涂料', 2, 50_000_000],
      ['化工', 2, 50_000_000],
      ['整车', 1, 500_000_000],
    ]);
    // the paint leads fit two segments but count once in the chain; the food lead not at all
    expect([signed(f.total).projects, signed(f.total).amountYuan]).toEqual([3, 550_000_000]);
    expect(f.chainLeadsSigned).toBe(1);

    // the same numbers as the leads module's own figures for the region and the codes
    const leadsFigures = await officer.call('GET', `/leads/figures?region=410223&industry=C2641,C26,C361`);
    const fromLeads = leadsFigures.body.total.funnel.find((s: { stage: string }) => s.stage === 'signed');
    expect([fromLeads.projects, fromLeads.amountYuan]).toEqual([signed(f.total).projects, signed(f.total).amountYuan]);

    const csv = await fetch(`${t.url}/chains/${chainId}/figures/export?format=csv`, {
      headers: { authorization: `Bearer ${officer.token}` },
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('涂料');
    expect(text).toContain('全链合计');
    expect(text).toContain('补链线索（来源产业链招商）签约 1 条');

    const other = await actor(t, 'officer', { region: '410300' });
    expect((await other.call('GET', `/chains/${chainId}/figures`)).status).toBe(404);
    expect((await officer.call('GET', `/chains/${chainId}/figures?from=2026-05-01&to=2026-01-01`)).status).toBe(400);
  });

  it('tells the enterprise side which chain and segment a project of the region joins, why, and who the 链主 are', async () => {
    const admin = await actor(t, 'admin');
    const anchor = (
      await admin.call(
        'POST',
        '/enterprises',
        enterpriseBody({
          uscc: nextUscc('410223'),
          name: '立邦汽车漆（尉氏）有限公司',
          industryCodes: ['C3611'],
          homeRegionCode: '410223',
        }),
      )
    ).body.id;
    expect((await officer.call('PATCH', `/chains/${chainId}`, { anchorEnterpriseIds: [anchor] })).status).toBe(200);
    const chains = t.get(ChainsService);
    // 涂料: no local enterprise but the two paint leads signed above (weak): the project strengthens it; the enterprise's own industry lies in it
    const paint = await chains.forProject({ regionCode: '410223', industryCodes: ['C2641'] }, ['C2641', 'C1351']);
    expect(paint.map((c) => [c.segmentName, c.status])).toEqual([
      ['涂料', 'weak'],
      ['化工', 'weak'],
    ]);
    expect(paint[0].reasons).toEqual([
      '本项目属于尉氏县汽车零部件产业链「涂料」环节（本地弱链，属强链项目）',
      '贵企业主营「涂料制造」，正属于该环节',
    ]);
    expect(paint[0].anchors).toEqual(['立邦汽车漆（尉氏）有限公司']);
    // 整车: the local anchor and the car lead (weak); an enterprise outside the segment gets no second reason
    const car = await chains.forProject({ regionCode: '410223', industryCodes: ['C3611'] }, ['C1351']);
    expect(car.map((c) => [c.segmentName, c.status, c.reasons.length])).toEqual([['整车', 'weak', 1]]);
    // a project elsewhere, or of an industry in no segment, joins no chain
    expect(await chains.forProject({ regionCode: '410302', industryCodes: ['C2641'] }, [])).toEqual([]);
    expect(await chains.forProject({ regionCode: '410223', industryCodes: ['C1351'] }, [])).toEqual([]);
    // a gap: a segment with nothing local
    expect(
      (
        await officer.call('PATCH', `/chains/${chainId}`, {
          segments: [...segments, { name: '电池', position: 4, industryCodes: ['C384'] }],
        })
      ).status,
    ).toBe(200);
    const battery = await chains.forProject({ regionCode: '410223', industryCodes: ['C3841'] }, []);
    expect(battery.map((c) => [c.segmentName, c.status, c.reasons])).toEqual([
      ['电池', 'gap', ['本项目属于尉氏县汽车零部件产业链「电池」环节（本地缺链，属补链项目）']],
    ]);
  });
});
