import { segmentStatus, targetScore, type Openness } from '../../../src/chains/chain.vocabulary.js';
import { industries } from '../../../src/reference/industries.js';
import { regions } from '../../../src/reference/regions.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';

/**
 * The chain map and the targets over generated enterprises (seeded), against a brute-force count
 * in TypeScript over the same rows: per segment the local enterprises and the status; the targets
 * are exactly the enterprises outside the region fitting a gap or weak segment (never a local one,
 * never one fitting no such segment), each under its best segment, with the rule's score.
 */
describe('chain map and targets over generated data', () => {
  let t: TestApp;
  let admin: TestActor;
  const r = regions();
  const ind = industries();
  const chainRegion = '410200'; // 开封市: its counties are local
  const homes = [
    ...r
      .children('410200')
      .map((c) => c.code)
      .slice(0, 3),
    '410302',
    '410102',
    '310101',
    '440305',
  ];
  const targetsPool: string[][] = [[], ['410223'], ['410200'], ['410000'], ['410300'], ['310000']];
  const codes = ['C2641', 'C2643', 'C3051', 'C3670', 'C2913', 'C3611', 'A0313', 'C1351', 'C264', 'C36'];
  const segments = [
    { name: '涂料', position: 1, industryCodes: ['C2641'] },
    { name: '汽车玻璃', position: 2, industryCodes: ['C3051'] },
    { name: '零部件', position: 3, industryCodes: ['C367', 'C2913'] },
    { name: '整车', position: 4, industryCodes: ['C361'] },
    { name: '电池', position: 5, industryCodes: ['C384'] },
  ];
  interface Gen {
    id: number;
    home: string;
    industryCodes: string[];
    targets: string[];
  }
  const gen: Gen[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await actor(t, 'admin');
    let seed = 20261201;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 400; i++) {
      const home = homes[rand(homes.length)];
      const industryCodes = [...new Set([codes[rand(codes.length)], ...(rand(3) === 0 ? [codes[rand(codes.length)]] : [])])];
      const targets = targetsPool[rand(targetsPool.length)];
      const uscc = `91${String(i).padStart(16, '0')}`;
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO enterprise (uscc, name, industry_codes, industry_path, home_region_code, home_region_path, target_region_codes, target_region_path)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [uscc, `生成企业${i}`, industryCodes, ind.closure(industryCodes), home, r.closure([home]), targets, r.closure(targets)],
      );
      gen.push({ id, home, industryCodes, targets });
    }
  });
  afterAll(async () => t?.close());

  const within = (code: string, segCodes: string[]) => segCodes.some((s) => ind.isWithin(code, s));
  const fits = (g: Gen, segCodes: string[]) => g.industryCodes.some((c) => within(c, segCodes));
  const local = (g: Gen) => r.isWithin(g.home, chainRegion);

  it('counts per segment what a brute force counts, and targets exactly the non-local enterprises fitting a gap or weak segment', async () => {
    const created = await admin.call('POST', '/chains', {
      name: '汽车零部件',
      regionCode: chainRegion,
      segments,
      strongMin: 40,
      weakMin: 1,
    });
    expect(created.status).toBe(201);
    const map = (await admin.call('GET', `/chains/${created.body.id}/map`)).body;
    const expected = segments.map((s) => {
      const enterprises = gen.filter((g) => local(g) && fits(g, s.industryCodes)).length;
      return { name: s.name, enterprises, status: segmentStatus({ enterprises, landed: 0 }, { strongMin: 40, weakMin: 1 }) };
    });
    expect(
      map.segments.map((s: { name: string; enterprises: number; status: string }) => ({
        name: s.name,
        enterprises: s.enterprises,
        status: s.status,
      })),
    ).toEqual(expected);
    // the generated data gives every status (otherwise the test proves less than it says)
    expect(new Set(expected.map((e) => e.status))).toEqual(new Set(['strong', 'weak', 'gap']));

    const open = map.segments
      .filter((s: { status: string }) => s.status !== 'strong')
      .sort((a: { status: string; position: number }, b: { status: string; position: number }) =>
        a.status === b.status ? a.position - b.position : a.status === 'gap' ? -1 : 1,
      );
    const openness = (g: Gen): Openness => {
      const path = r.closure(g.targets);
      if (path.includes(chainRegion) || g.targets.some((c) => r.path(chainRegion).slice(1).includes(c))) return 'region';
      return path.includes('410000') ? 'province' : 'none';
    };
    const want = gen
      .filter((g) => !local(g))
      .flatMap((g) => {
        const seg = open.find((s: { industryCodes: string[] }) => fits(g, s.industryCodes));
        return seg ? [{ enterpriseId: g.id, segmentId: seg.id, score: targetScore(seg.status, openness(g)) }] : [];
      })
      .sort((a, b) => b.score - a.score || a.enterpriseId - b.enterpriseId);
    expect(want.length).toBeGreaterThan(20);

    const got: Array<{ enterpriseId: number; segmentId: number; score: number }> = [];
    for (let page = 1; ; page++) {
      const res = (await admin.call('GET', `/chains/${created.body.id}/targets?page=${page}&pageSize=100`)).body;
      expect(res.total).toBe(want.length);
      got.push(
        ...res.items.map((x: { enterpriseId: number; segmentId: number; score: number }) => ({
          enterpriseId: x.enterpriseId,
          segmentId: x.segmentId,
          score: x.score,
        })),
      );
      if (res.items.length < 100) break;
    }
    expect(got).toEqual(want);
    const byId = new Map(gen.map((g) => [g.id, g]));
    expect(got.filter((x) => local(byId.get(x.enterpriseId)!))).toEqual([]);
  });
});
