import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { FakeClock } from '../../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';
import { leadFixtures } from '../../support/lead-fixtures.js';

const midnight = (d: string) => new Date(`${d}T00:00:00+08:00`);

/**
 * The 三个一批 figures on a known dataset (dates in Asia/Shanghai), worked out by hand:
 *
 *   L1 尉氏县 project P (C1351), officer A: created 01-05, contacted 01-10, negotiating 01-20,
 *      signed 02-01 (5 亿), started 03-01 (4 亿), producing 06-01 (4 亿)
 *   L2 尉氏县 project P, officer B: created 01-06, signed 02-15 (1 亿) — an increase of P
 *   L3 尉氏县 region interest (A0313), officer A: created 01-07, contacted 01-08, lost 01-31
 *   L4 杞县 region interest (A0313), officer C: created 02-01, contacted 02-03, negotiating 02-10, signed 03-10 (2 亿)
 *   L5 杞县 region interest (A0313), officer C: created 2025-12-20, signed 01-15 (5000 万)
 */
describe('三个一批 figures', () => {
  let t: TestApp;
  let a: TestActor;
  let b: TestActor;
  let c: TestActor;
  let city: TestActor;
  const clock = new FakeClock(midnight('2025-12-20'));
  const L: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const fx = leadFixtures(t);
    a = await actor(t, 'officer', { region: '410223' });
    b = await actor(t, 'officer', { bureauId: a.bureauId! });
    c = await actor(t, 'officer', { region: '410221' });
    city = await actor(t, 'officer', { region: '410200' });
    // the clock jumps over months here: keep the test's API sessions alive
    await t.dataSource.query(`UPDATE session SET expires_at = '2100-01-01'`);
    const p = await fx.project({ industryCodes: ['C1351'] });
    const create = async (by: TestActor, on: string, body: Record<string, unknown>) => {
      clock.set(midnight(on));
      const e = await fx.enterprise();
      const r = await by.call('POST', '/leads', { enterpriseId: e.id, ownerId: by.userId, ...body });
      expect(r.status).toBe(201);
      return r.body.id as number;
    };
    L.L5 = await create(c, '2025-12-20', { regionCode: '410221' });
    L.L1 = await create(a, '2026-01-05', { projectId: p.id });
    L.L2 = await create(b, '2026-01-06', { projectId: p.id });
    L.L3 = await create(a, '2026-01-07', { regionCode: '410223' });
    L.L4 = await create(c, '2026-02-01', { regionCode: '410221' });
    clock.set(midnight('2026-07-01'));
    const go = async (by: TestActor, id: number, body: Record<string, unknown>) => {
      const r = await by.call('POST', `/leads/${id}/stage`, body);
      expect(r.status).toBe(200);
    };
    await go(a, L.L1, { stage: 'contacted', at: '2026-01-10' });
    await go(a, L.L1, { stage: 'negotiating', at: '2026-01-20' });
    await go(a, L.L1, { stage: 'signed', at: '2026-02-01', amountYuan: 500_000_000 });
    await go(a, L.L1, { stage: 'started', at: '2026-03-01', amountYuan: 400_000_000 });
    await go(a, L.L1, { stage: 'producing', at: '2026-06-01' });
    await go(b, L.L2, { stage: 'signed', at: '2026-02-15', amountYuan: 100_000_000 });
    await go(a, L.L3, { stage: 'contacted', at: '2026-01-08' });
    await go(a, L.L3, { stage: 'lost', at: '2026-01-31', lostReason: '企业转投外省' });
    await go(c, L.L4, { stage: 'contacted', at: '2026-02-03' });
    await go(c, L.L4, { stage: 'negotiating', at: '2026-02-10' });
    await go(c, L.L4, { stage: 'signed', at: '2026-03-10', amountYuan: 200_000_000 });
    await go(c, L.L5, { stage: 'signed', at: '2026-01-15', amountYuan: 50_000_000 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const figures = async (by: TestActor, query: string) => {
    const r = await by.call('GET', `/leads/figures?from=2026-01-01&to=2026-06-30&${query}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const stage = (f: { funnel: Array<{ stage: string }> }, s: string) =>
    f.funnel.find((x) => x.stage === s) as Record<string, unknown> | undefined;

  it('counts the funnel, projects once and increases by their amount, for a city', async () => {
    const f = await figures(city, 'region=410200');
    expect(f.scope.region).toEqual({ code: '410200', name: '河南省开封市' });
    const counts = Object.fromEntries(f.total.funnel.map((s: { stage: string; leads: number }) => [s.stage, s.leads]));
    expect(counts).toEqual({ new: 4, contacted: 5, negotiating: 4, signed: 4, started: 1, producing: 1, lost: 1 });
    expect(stage(f.total, 'signed')).toMatchObject({ projects: 3, increases: 1, amountYuan: 850_000_000 });
    expect(stage(f.total, 'started')).toMatchObject({ projects: 1, increases: 0, amountYuan: 400_000_000 });
    expect(stage(f.total, 'producing')).toMatchObject({ projects: 1, amountYuan: 400_000_000 });
  });

  it("converts the period's new leads and measures the median days per stage", async () => {
    const f = (await figures(city, 'region=410200')).total;
    expect(f.conversion).toEqual({
      cohort: 4,
      reached: { contacted: 4, negotiating: 3, signed: 3, started: 1, producing: 1, lost: 1 },
      rates: { contacted: 1, negotiating: 0.75, signed: 0.75, started: 0.25, producing: 0.25, lost: 0.25 },
      stepRates: { contacted: 1, negotiating: 0.75, signed: 1, started: 0.3333, producing: 1 },
    });
    expect(f.medianDays).toEqual({
      new: { days: 5, moves: 5 }, // 5, 40, 1, 2, 26
      contacted: { days: 8.5, moves: 2 }, // 10, 7
      negotiating: { days: 20, moves: 2 }, // 12, 28
      signed: { days: 28, moves: 1 },
      started: { days: 92, moves: 1 },
    });
  });

  it("narrows to the caller's scope, an industry, an officer and a period", async () => {
    const county = (await figures(a, '')).total; // 尉氏县 only: L1–L3
    expect(stage(county, 'new')).toMatchObject({ leads: 3 });
    expect(stage(county, 'signed')).toMatchObject({ projects: 1, increases: 1, amountYuan: 600_000_000 });
    // asking for the whole city from a county gives the county
    expect((await figures(a, 'region=410200')).scope.region.code).toBe('410223');
    expect(stage((await figures(city, 'industry=C13')).total, 'new')).toMatchObject({ leads: 2 });
    expect(stage((await figures(city, `owner=${c.userId}`)).total, 'signed')).toMatchObject({
      leads: 2,
      projects: 2,
      amountYuan: 250_000_000,
    });
    const q1 = (await city.call('GET', '/leads/figures?region=410200&from=2026-01-01&to=2026-01-31')).body.total;
    expect(stage(q1, 'signed')).toMatchObject({ leads: 1, amountYuan: 50_000_000 });
    expect(stage(q1, 'lost')).toMatchObject({ leads: 1 });
    const other = await actor(t, 'officer', { region: '410300' });
    expect((await other.call('GET', '/leads/figures?region=410200')).status).toBe(403);
    expect((await city.call('GET', '/leads/figures?from=2026-02-01&to=2026-01-01')).status).toBe(400);
  });

  it('groups by region, industry, officer and month', async () => {
    const byRegion = await figures(city, 'region=410200&groupBy=region');
    expect(byRegion.groups.map((g: { key: string; label: string }) => [g.key, g.label])).toEqual([
      ['410221', '河南省开封市杞县'],
      ['410223', '河南省开封市尉氏县'],
    ]);
    expect(stage(byRegion.groups[1], 'signed')).toMatchObject({ leads: 2, projects: 1, increases: 1, amountYuan: 600_000_000 });
    expect(stage(byRegion.groups[0], 'signed')).toMatchObject({ leads: 2, projects: 2, amountYuan: 250_000_000 });
    expect(stage(byRegion.total, 'signed')).toMatchObject({ projects: 3, amountYuan: 850_000_000 });

    const byIndustry = await figures(city, 'region=410200&groupBy=industry&industryLevel=1');
    expect(byIndustry.groups.map((g: { key: string; label: string }) => g.label)).toEqual(['A 农、林、牧、渔业', 'C 制造业']);

    const byOwner = await figures(city, 'region=410200&groupBy=owner');
    const owners = Object.fromEntries(
      byOwner.groups.map((g: { key: string; funnel: Array<{ stage: string; leads: number }> }) => [g.key, stage(g, 'new')!.leads]),
    );
    expect(owners).toEqual({ [String(a.userId)]: 2, [String(b.userId)]: 1, [String(c.userId)]: 1 });

    const byMonth = await figures(city, 'region=410200&groupBy=month');
    const signedByMonth = Object.fromEntries(byMonth.groups.map((g: { key: string }) => [g.key, stage(g as never, 'signed')]));
    expect(signedByMonth['2026-01']).toMatchObject({ leads: 1, amountYuan: 50_000_000 });
    expect(signedByMonth['2026-02']).toMatchObject({ leads: 2, projects: 1, increases: 1, amountYuan: 600_000_000 });
    expect(signedByMonth['2026-03']).toMatchObject({ leads: 1, amountYuan: 200_000_000 });
    expect(signedByMonth['2026-06']).toMatchObject({ leads: 0 });
    expect(
      stage(
        byMonth.groups.find((g: { key: string }) => g.key === '2026-06'),
        'producing',
      ),
    ).toMatchObject({ leads: 1, projects: 1, amountYuan: 400_000_000 });
  });

  it('exports the figures as CSV and XLSX (万元), and audits the export', async () => {
    const csv = await fetch(`${t.url}/leads/figures/export?format=csv&region=410200&from=2026-01-01&to=2026-06-30&groupBy=region`, {
      headers: { authorization: `Bearer ${city.token}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain(encodeURIComponent('三个一批'));
    const rows = parse(Buffer.from(await csv.arrayBuffer()).toString('utf8'), { bom: true }) as string[][];
    expect(rows[0].slice(0, 8)).toEqual([
      '分组',
      '新增线索',
      '已接洽',
      '考察洽谈',
      '签约线索',
      '签约项目（个）',
      '增资（个）',
      '签约金额（万元）',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['分组', '河南省开封市杞县', '河南省开封市尉氏县', '合计']);
    expect(rows[3].slice(1, 8)).toEqual(['4', '5', '4', '4', '3', '1', '85000']);

    const xlsx = await fetch(`${t.url}/leads/figures/export?format=xlsx&region=410200&from=2026-01-01&to=2026-06-30`, {
      headers: { authorization: `Bearer ${city.token}` },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('三个一批');
    expect(ws.getRow(2).getCell(1).value).toBe('合计');
    expect(ws.getRow(2).getCell(8).value).toBe(85000);
    expect(ws.getRow(2).getCell(10).value).toBe(40000);

    const audit = await t.dataSource.query(
      `SELECT actor_user_id, region_code, detail FROM audit_log WHERE action = 'lead.figures_exported' ORDER BY id`,
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actor_user_id: city.userId,
      region_code: '410200',
      detail: { format: 'csv', groupBy: 'region', period: { from: '2026-01-01', to: '2026-06-30' } },
    });
  });
});
