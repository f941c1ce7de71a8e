import { parse } from 'csv-parse/sync';
import { FakeClock } from '../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc } from '../support/factories.js';

const midnight = (d: string) => new Date(`${d}T00:00:00+08:00`);

/**
 * Issues 15 item 5 and 16 item 7: the console dashboard shows 三个一批 by 产业链 and segment and
 * the agreement figures for the chosen region and period, and GET /chains/figures, its export and
 * GET /agreements/figures say the same. The data set, worked out by hand ("today" 2026-06-30, the
 * period 2026-01-01 – 2026-06-30; 尉氏县 chain 汽车零部件: 涂料 C2641, 整车 C361):
 *
 *   paint  尉氏 lead, 涂料: signed 02-01 (5,000 万); agreement 02-01 {startBy 04-01}, a 300 万 tranche on 开工
 *          → the start pledge breached (no 开工), the tranche withheld, the agreement breached
 *   car    尉氏 lead, 整车: signed 03-10 (20,000 万), started 04-01 (20,000 万); agreement 03-10
 *          {investment 2 亿, productionBy 12-31}, 1 亿 in place 04-01, a 500 万 date tranche (04-01) released
 *          (four eyes) → two pledges on track, the agreement performing, 到资率 50 %
 *   补链   a 上海 paint maker turned into a lead from the chain's targets (source 产业链招商), signed 05-20 (3,000 万)
 *   food   尉氏 lead, C1351 (no segment): signed 03-15 (10,000 万); agreement 03-15 {investment 1 亿}, 1 亿 in place → met
 *   洛阳   a 洛阳 chain and a signed 洛阳 lead with its agreement: never in 开封's figures
 *
 *   chain row:   signed 3 projects 28,000 万 · started 1 · producing 0 · 补链 signed 1 · agreements 2 · 到资率 50 % · pledges at risk/breached 0 / 1
 *   segments:    涂料 signed 2 (8,000 万) · 整车 signed 1 (20,000 万), started 1 (20,000 万)
 *   agreements (开封): 3 · performing 1, met 1, breached 1 · pledged 3 亿, in place 2 亿 (66.7 %) ·
 *                pledges met 1, on track 2, breached 1 · released 1 (500 万) · withheld 1 (300 万)
 */
describe('console dashboard: 三个一批 by chain and segment, and the agreement figures', () => {
  let t: TestApp;
  let officer: TestActor;
  let officer2: TestActor;
  let city: TestActor;
  let luoyang: TestActor;
  let chainId: number;
  let luoyangChain: number;
  const L: Record<string, number> = {};
  const clock = new FakeClock(midnight('2026-01-10'));

  const page = async (who: TestActor, query = '') => {
    const res = await fetch(`${t.url}/console${query}`, { headers: { authorization: `Bearer ${who.token}` } });
    expect(res.status).toBe(200);
    return res.text();
  };
  const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>(?:<a [^>]*>)?([^<]*)(?:<\/a>)?<\/t[hd]>/g)].map((m) => m[1]);
  const chainRows = (html: string) => {
    const m = /<table id="chains-table">([\s\S]*?)<\/table>/.exec(html);
    if (!m) return [];
    return [...m[1].matchAll(/<tr data-chain="(\d+)">([\s\S]*?)<\/tr>/g)].map((r) => ({ id: Number(r[1]), cells: cells(r[2]) }));
  };
  const segmentRows = (html: string, id: number) => {
    const m = new RegExp(`<details class="data-table" data-chain-segments="${id}">([\\s\\S]*?)</details>`).exec(html)!;
    return [...m[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((r) => cells(r[1]));
  };
  const figure = (html: string, name: string) => new RegExp(`data-figure="${name}">([^<]*)<`).exec(html)![1];

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410223' });
    officer2 = await actor(t, 'officer', { bureauId: officer.bureauId! });
    city = await actor(t, 'officer', { region: '410200' });
    luoyang = await actor(t, 'officer', { region: '410300' });
    await t.dataSource.query(`UPDATE session SET expires_at = '2100-01-01'`);
    const ent = async (name: string, industryCodes: string[], home = '410223') =>
      (
        await admin.call(
          'POST',
          '/enterprises',
          enterpriseBody({ uscc: nextUscc(home), name, industryCodes, homeRegionCode: home, targetRegionCodes: ['410223'] }),
        )
      ).body.id as number;
    chainId = (
      await officer.call('POST', '/chains', {
        name: '汽车零部件',
        regionCode: '410223',
        segments: [
          { name: '涂料', position: 1, industryCodes: ['C2641'] },
          { name: '整车', position: 2, industryCodes: ['C361'] },
        ],
      })
    ).body.id;
    luoyangChain = (
      await luoyang.call('POST', '/chains', {
        name: '耐火材料',
        regionCode: '410300',
        segments: [{ name: '耐材', position: 1, industryCodes: ['C308'] }],
      })
    ).body.id;
    const lead = async (by: TestActor, enterpriseId: number, regionCode: string, nextFollowUpOn?: string) => {
      const r = await by.call('POST', '/leads', {
        enterpriseId,
        regionCode,
        ownerId: by.userId,
        ...(nextFollowUpOn ? { nextFollowUpOn } : {}),
      });
      expect(r.status).toBe(201);
      return r.body.id as number;
    };
    // 工作台: the paint lead's follow-up (01-20) passes before its signing, which clears it; two open leads, due today and overdue
    const paint = await lead(officer, await ent('尉氏涂料有限公司', ['C2641']), '410223', '2026-01-20');
    L.paint = paint;
    L.dueToday = await lead(officer, await ent('尉氏今日跟进有限公司', ['C1351']), '410223', '2026-06-30');
    L.overdue = await lead(officer, await ent('尉氏逾期跟进有限公司', ['C1351']), '410223', '2026-03-01');
    const car = await lead(officer, await ent('尉氏整车有限公司', ['C3611']), '410223');
    const food = await lead(officer, await ent('尉氏食品有限公司', ['C1351']), '410223');
    const ly = await lead(luoyang, await ent('洛阳耐材有限公司', ['C3089'], '410300'), '410300');
    const target = await ent('上海漆业有限公司', ['C2641'], '310101');
    const chainLead = await officer.call('POST', `/chains/${chainId}/leads`, { enterpriseId: target });
    expect(chainLead.status).toBe(201);
    L.chain = chainLead.body.id;

    clock.set(midnight('2026-06-30'));
    const go = async (by: TestActor, id: number, body: Record<string, unknown>) =>
      expect((await by.call('POST', `/leads/${id}/stage`, body)).status).toBe(200);
    await go(officer, paint, { stage: 'signed', at: '2026-02-01', amountYuan: 50_000_000 });
    await go(officer, car, { stage: 'signed', at: '2026-03-10', amountYuan: 200_000_000 });
    await go(officer, car, { stage: 'started', at: '2026-04-01', amountYuan: 200_000_000 });
    await go(officer, food, { stage: 'signed', at: '2026-03-15', amountYuan: 100_000_000 });
    await go(officer, chainLead.body.id, { stage: 'signed', at: '2026-05-20', amountYuan: 30_000_000 });
    await go(luoyang, ly, { stage: 'signed', at: '2026-02-20', amountYuan: 900_000_000 });

    const agree = async (by: TestActor, leadId: number, body: Record<string, unknown>) => {
      const r = await by.call('POST', `/leads/${leadId}/agreement`, { tranches: [], ...body });
      expect(r.status).toBe(201);
      return r.body.id as number;
    };
    const actual = async (id: number, b: Record<string, unknown>) =>
      expect((await officer.call('POST', `/agreements/${id}/actuals`, { source: '现场核查', note: '核实', ...b })).status).toBe(201);
    await agree(officer, paint, {
      signedOn: '2026-02-01',
      pledges: { startBy: '2026-04-01' },
      tranches: [{ amountYuan: 3_000_000, condition: 'started', dueOn: '2026-05-01' }],
    });
    const carA = await agree(officer, car, {
      signedOn: '2026-03-10',
      pledges: { investmentYuan: 200_000_000, productionBy: '2026-12-31' },
      tranches: [{ amountYuan: 5_000_000, condition: 'date', dueOn: '2026-04-01' }],
    });
    await actual(carA, { kind: 'capital', occurredOn: '2026-04-01', amountYuan: 100_000_000 });
    const tranche = (await officer.call('GET', `/agreements/${carA}`)).body.tranches[0];
    expect(tranche.state).toBe('releasable');
    expect((await officer.call('POST', `/agreements/${carA}/tranches/${tranche.id}/release`, {})).status).toBe(200);
    expect((await officer2.call('POST', `/agreements/${carA}/tranches/${tranche.id}/approve`, {})).status).toBe(200);
    const foodA = await agree(officer, food, { signedOn: '2026-03-15', pledges: { investmentYuan: 100_000_000 } });
    await actual(foodA, { kind: 'capital', occurredOn: '2026-04-10', amountYuan: 100_000_000 });
    await agree(luoyang, ly, { signedOn: '2026-02-20', pledges: { investmentYuan: 500_000_000 } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows each chain of the region with its 三个一批, 补链 leads and agreements, and each segment, as worked by hand', async () => {
    const html = await page(city);
    expect(html).toContain('按产业链：三个一批与投资协议（2026-01-01 至 2026-06-30）');
    // 开封 sees its 尉氏 chain only, never 洛阳's
    expect(chainRows(html)).toEqual([
      {
        id: chainId,
        cells: ['尉氏县汽车零部件产业链', '3', '28,000 万元', '1', '0', '1', '2', '50%', '0 / 1'],
      },
    ]);
    expect(segmentRows(html, chainId)).toEqual([
      ['涂料', '2', '8,000 万元', '0', '0 万元', '0', '0 万元'],
      ['整车', '1', '20,000 万元', '1', '20,000 万元', '0', '0 万元'],
      ['全链合计（每条线索只计一次）', '3', '28,000 万元', '1', '20,000 万元', '0', '0 万元'],
    ]);
    expect(chainRows(await page(luoyang)).map((r) => r.id)).toEqual([luoyangChain]);
  });

  it('the API and the export linked from the page say the same as the page, region-scoped', async () => {
    const html = await page(city);
    const api = await city.call('GET', '/chains/figures?from=2026-01-01&to=2026-06-30');
    expect(api.status).toBe(200);
    expect(api.body.total).toBe(1);
    const [f] = api.body.items;
    const signed = f.total.find((m: { stage: string }) => m.stage === 'signed');
    expect([f.chainId, signed.projects, signed.amountYuan, f.chainLeadsSigned]).toEqual([chainId, 3, 280_000_000, 1]);
    expect(f.agreements).toMatchObject({
      total: 2,
      pledgedYuan: 200_000_000,
      capitalYuan: 100_000_000,
      capitalRate: 0.5,
      byStatus: { performing: 1, at_risk: 0, met: 0, breached: 1 },
      pledges: { met: 0, on_track: 2, at_risk: 0, breached: 1 },
      tranches: { released: 1, releasedYuan: 5_000_000, withheld: 1, withheldYuan: 3_000_000 },
    });
    // the chain's own figures page agrees with the overview (one definition)
    const one = await city.call('GET', `/chains/${chainId}/figures`);
    expect(one.body).toEqual(f);

    const link = /<a id="chains-export" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    const url = new URL(link, t.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'xlsx', from: '2026-01-01', to: '2026-06-30' });
    url.searchParams.set('format', 'csv');
    const res = await fetch(url, { headers: { authorization: `Bearer ${city.token}` } });
    expect(res.status).toBe(200);
    const rows: string[][] = parse((await res.text()).replace(/^\uFEFF/, ''), { relax_column_count: true });
    const head = rows[0];
    const total = rows.find((r) => r[1]?.startsWith('全链合计'))!;
    const col = (r: string[], name: string) => r[head.indexOf(name)];
    expect([
      col(total, '产业链'),
      col(total, '签约项目'),
      col(total, '签约金额（万元）'),
      col(total, '补链线索签约'),
      col(total, '投资协议'),
      col(total, '到资率'),
    ]).toEqual(['尉氏县汽车零部件产业链', '3', '28000', '1', '2', '0.5']);
    expect(rows.filter((r) => r[0] === '尉氏县汽车零部件产业链').map((r) => [r[1], col(r, '签约项目')])).toEqual([
      ['涂料', '2'],
      ['整车', '1'],
      ['全链合计（每条线索只计一次）', '3'],
    ]);
    expect(
      Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'chain.figures_exported'`))[0].n),
    ).toBeGreaterThan(0);

    // another region's filter: 403 naming the field; bad dates: 400; 洛阳 sees only its own chain
    const outside = await luoyang.call('GET', '/chains/figures?region=410200');
    expect(outside.status).toBe(403);
    expect((await city.call('GET', '/chains/figures?from=2026-06-01&to=2026-01-01')).status).toBe(400);
    expect((await city.call('GET', '/chains/figures?region=abc')).status).toBe(400);
    expect((await luoyang.call('GET', '/chains/figures')).body.items.map((x: { chainId: number }) => x.chainId)).toEqual([luoyangChain]);
  });

  it('shows the agreement figures of the chosen region and period, the same as the API and its export', async () => {
    const html = await page(city);
    expect(html).toContain('投资协议履约（2026-01-01 至 2026-06-30 签约的协议）');
    expect([
      figure(html, 'agreements'),
      figure(html, 'capital-rate'),
      figure(html, 'pledges-met'),
      figure(html, 'pledges-breached'),
    ]).toEqual(['3', '66.7%', '1', '1']);
    expect(figure(html, 'tranches-released')).toBe('1');
    const api = (await city.call('GET', '/agreements/figures?from=2026-01-01&to=2026-06-30')).body;
    expect(api).toEqual({
      agreements: { total: 3, performing: 1, at_risk: 0, met: 1, breached: 1 },
      investment: { pledgedYuan: 300_000_000, capitalYuan: 200_000_000, capitalRate: 0.667 },
      pledges: { met: 1, on_track: 2, at_risk: 0, breached: 1 },
      tranches: { released: 1, releasedYuan: 5_000_000, withheld: 1, withheldYuan: 3_000_000 },
      recovery: { cases: 0, dueYuan: 0, recoveredYuan: 0 },
    });
    // by period and by region: each group the same definition, the groups summing to the total
    const byMonth = (await city.call('GET', '/agreements/figures?from=2026-01-01&to=2026-06-30&groupBy=month')).body;
    expect(byMonth.agreements.total).toBe(3);
    expect(
      byMonth.groups.map((g: { key: string; agreements: { total: number }; investment: { pledgedYuan: number } }) => [
        g.key,
        g.agreements.total,
        g.investment.pledgedYuan,
      ]),
    ).toEqual([
      ['2026-02', 1, 0],
      ['2026-03', 2, 300_000_000],
    ]);
    const byRegion = (await city.call('GET', '/agreements/figures?groupBy=region')).body;
    expect(
      byRegion.groups.map((g: { key: string; label: string; agreements: { total: number } }) => [g.key, g.label, g.agreements.total]),
    ).toEqual([['410223', '河南省开封市尉氏县', 3]]);
    expect((await city.call('GET', '/agreements/figures?groupBy=week')).status).toBe(400);
    const csv = await fetch(`${t.url}/agreements/figures/export?format=csv&groupBy=quarter&from=2026-01-01&to=2026-06-30`, {
      headers: { authorization: `Bearer ${city.token}` },
    });
    const sheet: string[][] = parse((await csv.text()).replace(/^\uFEFF/, ''), { relax_column_count: true });
    expect(sheet[0]).toEqual(['指标', '合计', '2026-Q1']);
    expect(sheet.find((r) => r[0] === '协议数')).toEqual(['协议数', '3', '3']);
    // the region filter reaches the agreement figures: 杞县 (inside 开封) has none; a period before the signings neither
    expect(figure(await page(city, '?region=410221'), 'agreements')).toBe('0');
    expect(figure(await page(city, '?period=custom&from=2026-01-01&to=2026-01-31'), 'agreements')).toBe('0');
    const narrowed = await page(city, '?period=custom&from=2026-03-01&to=2026-03-31');
    expect(figure(narrowed, 'agreements')).toBe('2');
    expect(chainRows(narrowed)[0].cells.slice(1, 3)).toEqual(['1', '20,000 万元']);
    const link = /<a id="agreements-export" href="([^"]+)"/.exec(narrowed)![1].replace(/&amp;/g, '&');
    expect(Object.fromEntries(new URL(link, t.url).searchParams)).toEqual({ format: 'xlsx', from: '2026-03-01', to: '2026-03-31' });
  });

  it('工作台: 今日待跟进 and 已逾期 count what the board they open shows; a signed lead is not overdue; 本局管理 shows each officer', async () => {
    const html = await page(officer);
    const todo = (name: string) => {
      const m = new RegExp(`<a href="([^"]+)" data-todo="${name}"[^>]*><strong[^>]*>(\\d+)</strong>`).exec(html)!;
      return { href: m[1].replace(/&amp;/g, '&'), n: Number(m[2]) };
    };
    expect(todo('due-today')).toEqual({ href: '/console/leads?dueToday=1&owner=me', n: 1 });
    expect(todo('overdue')).toEqual({ href: '/console/leads?overdue=1&owner=me', n: 1 });
    const board = async (href: string) => {
      const res = await fetch(`${t.url}${href}`, { headers: { authorization: `Bearer ${officer.token}` } });
      expect(res.status).toBe(200);
      return [...new Set([...(await res.text()).matchAll(/href="\/console\/leads\/(\d+)"/g)].map((m) => Number(m[1])))];
    };
    expect(await board(todo('due-today').href)).toEqual([L.dueToday]);
    expect(await board(todo('overdue').href)).toEqual([L.overdue]);
    // the paint lead's follow-up was due before it signed: the signing was that follow-up
    expect((await officer.call('GET', `/leads/${L.paint}`)).body.nextFollowUpOn).toBeNull();
    expect((await officer.call('GET', '/leads?overdue=true&pageSize=100')).body.items.map((x: { id: number }) => x.id)).toEqual([
      L.overdue,
    ]);

    // 本局管理: the bureau lead sees the officer's workload, the counts opening the same filtered board
    const chief = await actor(t, 'bureau_lead', { bureauId: officer.bureauId! });
    const res = await fetch(`${t.url}/console/bureau`, { headers: { authorization: `Bearer ${chief.token}` } });
    expect(res.status).toBe(200);
    const row = new RegExp(`<tr data-user="${officer.userId}">([\\s\\S]*?)</tr>`).exec(await res.text())![1];
    const chainOwned = (await officer.call('GET', `/leads/${L.chain}`)).body.owner?.id === officer.userId ? 1 : 0;
    // open: paint, car, food (signed/started), the two follow-up leads (new), and the 补链 lead if it is the officer's
    expect(cells(row).slice(1)).toEqual([String(5 + chainOwned), '1', '1', String(3 + chainOwned)]);
    expect(row).toContain(`href="/console/leads?owner=${officer.userId}&amp;dueToday=1"`);
    expect(row).toContain(`href="/console/leads?owner=${officer.userId}&amp;overdue=1"`);
  });
});
