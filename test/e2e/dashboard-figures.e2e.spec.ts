import { parse } from 'csv-parse/sync';
import { FakeClock } from '../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { leadFixtures } from '../support/lead-fixtures.js';

const midnight = (d: string) => new Date(`${d}T00:00:00+08:00`);

/**
 * Issue 11 item 12: the console dashboard states one definition of 三个一批 (by project, this year
 * so far) and shows the same numbers in its cards, its 三个一批 chart, its monthly chart and the
 * export it links to. The data set, worked out by hand (dates Asia/Shanghai, "today" 2026-06-30,
 * so the period is 2026-01-01 – 2026-06-30), as seen by an officer of 开封市:
 *
 *   L1 尉氏县 project P: signed 02-01 (5 亿, founds P), started 03-01 (4 亿), producing 06-01 (4 亿, the start's)
 *   L2 尉氏县 project P: signed 02-15 (1 亿) — an increase of P: no project, its amount only
 *   L3 尉氏县 region interest: contacted 01-08, lost 01-31
 *   L4 杞县 region interest: signed 03-10 (2 亿, founds its own project)
 *   L5 杞县 region interest: created 2025-12-20, signed 01-15 (5000 万)
 *   L6 洛阳市 (another city): signed 02-20 (9 亿) — not 开封's
 *
 *   cards:   已签约 3 个项目 85,000 万元（另有增资 1 次） · 已开工 1 个项目 40,000 万元 · 已投产 1 个项目 40,000 万元
 *   monthly: 01 signed 1 (5,000 万) · 02 signed 1 (60,000 万: P and its increase) · 03 signed 1 (20,000 万), started 1 ·
 *            06 producing 1 · 04, 05 nothing
 */
describe('console dashboard: 三个一批 cards, charts and export agree', () => {
  let t: TestApp;
  let city: TestActor;
  let luoyang: TestActor;
  let officer: TestActor;
  const clock = new FakeClock(midnight('2025-12-20'));
  const L: Record<string, number> = {};

  const page = async (who: TestActor) => {
    const res = await fetch(`${t.url}/console`, { headers: { authorization: `Bearer ${who.token}` } });
    expect(res.status).toBe(200);
    return res.text();
  };
  const cards = (html: string) =>
    Object.fromEntries(
      [
        ...html.matchAll(
          /data-figure="(\w+)" data-projects="(\d+)" data-amount-yuan="(\d+)"><span class="muted">[^<]*<\/span><strong>([^<]*)<\/strong><span>([^<]*)<\/span>/g,
        ),
      ].map((m) => [m[1], { projects: Number(m[2]), amountYuan: Number(m[3]), text: `${m[4]} ${m[5]}` }]),
    );
  const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1]);
  const tableRows = (html: string, id: string) => {
    const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html)![1];
    return [...table.matchAll(/<tr data-[a-z]+="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ key: m[1], cells: cells(m[2]) }));
  };
  const chartDesc = (html: string, title: string) => {
    const i = html.indexOf(title);
    expect(i).toBeGreaterThan(0);
    return /<desc id="[^"]+">([^<]*)<\/desc>/.exec(html.slice(i))![1];
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const fx = leadFixtures(t);
    officer = await actor(t, 'officer', { region: '410223' });
    const qixian = await actor(t, 'officer', { region: '410221' });
    luoyang = await actor(t, 'officer', { region: '410300' });
    city = await actor(t, 'officer', { region: '410200' });
    await t.dataSource.query(`UPDATE session SET expires_at = '2100-01-01'`);
    const p = await fx.project({ industryCodes: ['C1351'] });
    const create = async (by: TestActor, on: string, body: Record<string, unknown>) => {
      clock.set(midnight(on));
      const e = await fx.enterprise();
      const r = await by.call('POST', '/leads', { enterpriseId: e.id, ownerId: by.userId, ...body });
      expect(r.status).toBe(201);
      return r.body.id as number;
    };
    L.L5 = await create(qixian, '2025-12-20', { regionCode: '410221' });
    L.L1 = await create(officer, '2026-01-05', { projectId: p.id });
    L.L2 = await create(officer, '2026-01-06', { projectId: p.id });
    L.L3 = await create(officer, '2026-01-07', { regionCode: '410223' });
    L.L4 = await create(qixian, '2026-02-01', { regionCode: '410221' });
    L.L6 = await create(luoyang, '2026-02-02', { regionCode: '410300' });
    L.L7 = await create(officer, '2026-03-01', { regionCode: '410223' });
    clock.set(midnight('2026-06-30'));
    const go = async (by: TestActor, id: number, body: Record<string, unknown>) => {
      const r = await by.call('POST', `/leads/${id}/stage`, body);
      expect(r.status).toBe(200);
    };
    await go(officer, L.L1, { stage: 'signed', at: '2026-02-01', amountYuan: 500_000_000 });
    await go(officer, L.L1, { stage: 'started', at: '2026-03-01', amountYuan: 400_000_000 });
    await go(officer, L.L1, { stage: 'producing', at: '2026-06-01' });
    await go(officer, L.L2, { stage: 'signed', at: '2026-02-15', amountYuan: 100_000_000 });
    await go(officer, L.L3, { stage: 'contacted', at: '2026-01-08' });
    await go(officer, L.L3, { stage: 'lost', at: '2026-01-31', lostReason: '企业转投外省' });
    await go(qixian, L.L4, { stage: 'signed', at: '2026-03-10', amountYuan: 200_000_000 });
    await go(qixian, L.L5, { stage: 'signed', at: '2026-01-15', amountYuan: 50_000_000 });
    await go(luoyang, L.L6, { stage: 'signed', at: '2026-02-20', amountYuan: 900_000_000 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('states the definition and shows the hand-worked figures in the cards, in 万元 throughout', async () => {
    const html = await page(city);
    expect(html).toContain('按项目统计：本年 1 月 1 日至今天（北京时间）');
    expect(html).toContain('三个一批：签约、开工、投产（2026-01-01 至 2026-06-30）');
    const c = cards(html);
    expect(c).toEqual({
      signed: { projects: 3, amountYuan: 850_000_000, text: '3 个项目 85,000 万元' },
      started: { projects: 1, amountYuan: 400_000_000, text: '1 个项目 40,000 万元' },
      producing: { projects: 1, amountYuan: 400_000_000, text: '1 个项目 40,000 万元' },
    });
    expect(html).toContain('（另有增资 1 次）');
    // no card mixes 元 and 亿元 with 万元
    expect(Object.values(c).map((x) => x.text.replace(/^\d+ 个项目 [\d,]+ /, ''))).toEqual(['万元', '万元', '万元']);
  });

  it('the 三个一批 chart and its table, the monthly chart and its table, and the export say the same', async () => {
    const html = await page(city);
    const c = cards(html);
    // the 三个一批 chart (SVG description) and its table
    expect(chartDesc(html, '三个一批（按项目）</title>')).toBe('已签约 3（85,000 万元）；已开工 1（40,000 万元）；已投产 1（40,000 万元）');
    expect(tableRows(html, 'milestones-table').map((r) => r.cells)).toEqual([
      ['已签约', '3', '1', '85,000 万元'],
      ['已开工', '1', '0', '40,000 万元'],
      ['已投产', '1', '0', '40,000 万元'],
    ]);
    // the monthly table: every month of the period; its sums are the cards
    const months = tableRows(html, 'monthly-table');
    expect(months.map((m) => [m.key, ...m.cells.slice(1)])).toEqual([
      ['2026-01', '1', '5,000 万元', '0', '0'],
      ['2026-02', '1', '60,000 万元', '0', '0'],
      ['2026-03', '1', '20,000 万元', '1', '0'],
      ['2026-04', '0', '0 万元', '0', '0'],
      ['2026-05', '0', '0 万元', '0', '0'],
      ['2026-06', '0', '0 万元', '0', '1'],
    ]);
    const sum = (i: number) => months.reduce((n, m) => n + Number(m.cells[i]), 0);
    expect([sum(1), sum(3), sum(4)]).toEqual([c.signed.projects, c.started.projects, c.producing.projects]);
    expect(chartDesc(html, '每月签约项目数</title>')).toBe(
      '1月 1（5,000 万元）；2月 1（60,000 万元）；3月 1（20,000 万元）；4月 0；5月 0；6月 0',
    );
    expect(html).not.toContain('id="monthly-empty"');

    // the export the page links to: the same period, by month, with the same totals
    const link = /<a id="figures-export" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    const url = new URL(link, t.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'xlsx', from: '2026-01-01', to: '2026-06-30', groupBy: 'month' });
    url.searchParams.set('format', 'csv');
    const res = await fetch(url, { headers: { authorization: `Bearer ${city.token}` } });
    expect(res.status).toBe(200);
    const rows: string[][] = parse((await res.text()).replace(/^\uFEFF/, ''));
    const head = rows[0];
    const total = rows.find((r) => r[0] === '合计')!;
    const col = (name: string) => Number(total[head.indexOf(name)]);
    expect([col('签约项目（个）'), col('开工项目（个）'), col('投产项目（个）')]).toEqual([3, 1, 1]);
    expect([col('签约金额（万元）'), col('开工金额（万元）'), col('投产金额（万元）')]).toEqual([85_000, 40_000, 40_000]);
    expect(col('增资（个）')).toBe(1);
    const feb = rows.find((r) => r[0].includes('2026-02'))!;
    expect([Number(feb[head.indexOf('签约项目（个）')]), Number(feb[head.indexOf('签约金额（万元）')])]).toEqual([1, 60_000]);
  });

  it('after a signing, the cards, the 三个一批 chart and the monthly chart all move', async () => {
    const r = await officer.call('POST', `/leads/${L.L7}/stage`, { stage: 'signed', at: '2026-05-20', amountYuan: 30_000_000 });
    expect(r.status).toBe(200);
    const html = await page(city);
    expect(cards(html).signed).toEqual({ projects: 4, amountYuan: 880_000_000, text: '4 个项目 88,000 万元' });
    expect(chartDesc(html, '三个一批（按项目）</title>')).toMatch(/^已签约 4（88,000 万元）；/);
    expect(
      tableRows(html, 'monthly-table')
        .find((m) => m.key === '2026-05')!
        .cells.slice(1, 3),
    ).toEqual(['1', '3,000 万元']);
  });

  it('a region with nothing signed this year says why its monthly chart is empty', async () => {
    const other = await actor(t, 'officer', { region: '410500' });
    const html = await page(other);
    expect(cards(html).producing).toEqual({ projects: 0, amountYuan: 0, text: '0 个项目 0 万元' });
    expect(html).toContain('id="monthly-empty"');
    expect(html).toContain('还没有项目签约、开工或投产');
    // 洛阳's own figures hold only its own lead
    expect(cards(await page(luoyang)).signed).toEqual({ projects: 1, amountYuan: 900_000_000, text: '1 个项目 90,000 万元' });
  });
});
