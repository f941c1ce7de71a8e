import { demoEnterprises, demoExpectations, demoProjects } from '../../../src/demo/demo-data.js';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { seedDemoChains } from '../../../src/demo/demo-chains.js';
import type { Actor } from '../../../src/access/actor.js';
import { createChainSchema } from '../../../src/chains/chains.schemas.js';
import { ChainsService } from '../../../src/chains/chains.service.js';
import { parseOrThrow } from '../../../src/platform/validation/zod-validation.js';
import { FACTOR_LABELS, type Factor } from '../../../src/matching/scoring/config.js';
import { MatchingEngine } from '../../../src/matching/matching.engine.js';
import { MatchExplanations } from '../../../src/matching/match-explanations.js';
import type { ScoreFactor } from '../../../src/matching/match.entity.js';
import { FakeClock } from '../../../src/platform/clock/clock.js';
import { formatYuan, formatYuanRange } from '../../../src/platform/format/units.js';
import { evaluateEligibility } from '../../../src/policies/eligibility/evaluate.js';
import { PROJECT_STAGES } from '../../../src/projects/project.vocabulary.js';
import { industries } from '../../../src/reference/industries.js';
import { regions } from '../../../src/reference/regions.js';
import { startTestApp, type TestApp } from '../../support/app.js';

/**
 * The labelled set from the seed articles (src/demo/demo-data.ts `demoExpectations`): each
 * expected pair ranks in the enterprise's top 3, each non-pair does not; and every reason the
 * engine shows, for every stored match of the demo, is checked against the facts it names
 * (with the demo chains, so the chain factor's reasons are checked too).
 */
describe('matching quality on the demo data', () => {
  let t: TestApp;
  const ids = { enterprise: new Map<string, number>(), project: new Map<string, number>() };

  interface Stored {
    id: number;
    enterprise_id: number;
    project_id: number;
    score: number;
    breakdown: ScoreFactor[];
    reasons: string[];
    eligible_incentive_ids: number[];
    needs_info_incentive_ids: number[];
  }
  let matches: Stored[];

  beforeAll(async () => {
    t = await startTestApp({ clock: new FakeClock(new Date('2026-06-01T02:00:00Z')) });
    await seedDemo(t.app);
    await seedDemoChains(t.app); // the three demo chains …
    // … and 开封市 adopting the 肉制品 template, over the demo's 尉氏 and 开封 food projects: the chain factor has gaps and weak segments to name
    const [admin] = await t.dataSource.query(`SELECT id, email, name FROM app_user WHERE role = 'admin' ORDER BY id LIMIT 1`);
    const admin_: Actor = {
      userId: admin.id,
      role: 'admin',
      email: admin.email,
      name: admin.name,
      bureauId: null,
      regionScope: null,
      enterpriseId: null,
    };
    await t.get(ChainsService).create(admin_, parseOrThrow(createChainSchema, { regionCode: '410200', templateKey: 'meat-products' }));
    for (const r of await t.dataSource.query(`SELECT id, uscc FROM enterprise`)) ids.enterprise.set(r.uscc, r.id);
    for (const r of await t.dataSource.query(`SELECT id, code FROM project`)) ids.project.set(r.code, r.id);
    const engine = t.get(MatchingEngine);
    for (const id of ids.project.values()) await engine.matchProject(id);
    await engine.matchEnterprises({ ids: [...ids.enterprise.values()] }); // the other path agrees (writes nothing)
    // the stored matches as every reader gets them: breakdown and reasons spelled out from what they store
    const stored = await t.dataSource.query(
      `SELECT id::int, enterprise_id, project_id, score, verdict, coalesce(eligible_incentive_ids, '{}') AS eligible_incentive_ids,
              coalesce(needs_info_incentive_ids, '{}') AS needs_info_incentive_ids FROM match WHERE withdrawn_at IS NULL`,
    );
    const explained = await t.get(MatchExplanations).explain(stored);
    matches = stored.map((m: Stored, i: number) => ({ ...m, ...explained[i] }));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const ranking = (enterpriseId: number) =>
    matches
      .filter((m) => m.enterprise_id === enterpriseId)
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .map((m) => m.project_id);

  it('stores a sensible number of matches for the demo', () => {
    expect(matches.length).toBeGreaterThanOrEqual(demoExpectations.filter((x) => x.expected === 'top3').length);
    expect(new Set(matches.map((m) => m.enterprise_id)).size).toBeGreaterThan(demoEnterprises.length / 2);
  });

  it.each(demoExpectations.map((x) => [x.expected, x.enterpriseUscc, x.projectCode, x.why] as const))(
    '%s: %s ↔ %s (%s)',
    (expected, uscc, code) => {
      const rank = ranking(ids.enterprise.get(uscc)!).indexOf(ids.project.get(code)!);
      if (expected === 'top3') {
        expect(rank).toBeGreaterThanOrEqual(0);
        expect(rank).toBeLessThan(3);
      } else {
        expect(rank === -1 || rank >= 3).toBe(true);
      }
    },
  );

  it('shows only true reasons', async () => {
    const r = regions();
    const t4754 = industries();
    const enterprises = new Map<number, any>((await t.dataSource.query(`SELECT * FROM enterprise`)).map((e: { id: number }) => [e.id, e]));
    const projects = new Map<number, any>((await t.dataSource.query(`SELECT * FROM project`)).map((p: { id: number }) => [p.id, p]));
    const incentiveRows = await t.dataSource.query(
      `SELECT i.id, i.title, i.conditions, p.region_code, p.valid_from::text AS valid_from, p.valid_to::text AS valid_to FROM incentive i JOIN policy p ON p.id = i.policy_id`,
    );
    const incentives = new Map<number, any>(incentiveRows.map((i: { id: number }) => [i.id, i]));
    const attached = await t.dataSource.query(`SELECT project_id, incentive_id FROM project_incentive`);
    const codesIn = (s: string) => [...s.matchAll(/「([A-T]\d{0,4}) [^」]+」/g)].map((m) => m[1]);
    const regionsIn = (s: string) => [...s.matchAll(/「([^」]+)」/g)].map((m) => m[1]);
    const facts = (e: any) => ({
      industryCodes: e.industry_codes,
      homeRegionCode: e.home_region_code,
      targetRegionCodes: e.target_region_codes,
      investmentMinYuan: e.investment_min_yuan === null ? null : Number(e.investment_min_yuan),
      investmentMaxYuan: e.investment_max_yuan === null ? null : Number(e.investment_max_yuan),
      size: e.size,
      verifiedCertifications: e.verified_certifications,
      pendingCertifications: e.pending_certifications,
      certificationsValidUntil: e.certifications_valid_until,
      needLandMu: e.need_land_mu === null ? null : Number(e.need_land_mu),
    });
    const chainRows = await t.dataSource.query(
      `SELECT c.name AS chain, c.region_code, s.name, s.status, s.industry_codes FROM chain c JOIN chain_segment s ON s.chain_id = c.id`,
    );
    const open = (p: any) => chainRows.filter((s: any) => s.status !== 'strong' && r.path(p.region_code).includes(s.region_code));
    let checked = 0;
    let chainReasons = 0;
    for (const m of matches) {
      const e = enterprises.get(m.enterprise_id);
      const p = projects.get(m.project_id);
      const factor = (f: Factor) => m.breakdown.find((b) => b.factor === f)!;

      // industry: every code named is the enterprise's or the project's, and the relation holds
      const ind = factor('industry').reason;
      const named = codesIn(ind);
      expect(named.length).toBeGreaterThan(0);
      if (ind.startsWith('同为')) expect(e.industry_codes.includes(named[0]) && p.industry_codes.includes(named[0])).toBe(true);
      else {
        const [ec, pc, common] = named;
        expect(e.industry_codes).toContain(ec);
        expect(p.industry_codes).toContain(pc);
        if (ind.includes('属于项目招商行业')) expect(t4754.isWithin(ec, pc)).toBe(true);
        if (ind.includes('涵盖')) expect(t4754.isWithin(pc, ec)).toBe(true);
        if (ind.includes('同属')) expect(t4754.isWithin(ec, common) && t4754.isWithin(pc, common)).toBe(true);
      }

      // region: the project's place, inside a target (or the home) the enterprise gave
      const reg = factor('region').reason;
      const places = regionsIn(reg);
      expect(places[0]).toBe(r.fullName(p.region_code));
      if (reg.includes('意向投资地') && !reg.includes('不在意向投资地区内')) {
        const target = e.target_region_codes.find((c: string) => r.fullName(c) === (places[1] ?? places[0]));
        expect(target).toBeDefined();
        expect(r.isWithin(p.region_code, target)).toBe(true);
      } else {
        expect(reg).toMatch(/注册地/);
        expect(r.isWithin(p.region_code, r.path(e.home_region_code)[1])).toBe(true);
      }

      // investment: the amounts are the project's and the enterprise's, and the comparison is right
      const inv = factor('investment').reason;
      const total = Number(p.total_investment_yuan);
      const min = e.investment_min_yuan === null ? null : Number(e.investment_min_yuan);
      const max = e.investment_max_yuan === null ? null : Number(e.investment_max_yuan);
      expect(inv).toContain(`项目总投资 ${formatYuan(total)}`);
      if (min !== null || max !== null) expect(inv).toContain(formatYuanRange(min, max));
      if (inv.includes('之内')) expect((min === null || total >= min) && (max === null || total <= max)).toBe(true);
      if (inv.includes('低于计划投资')) expect(total < min!).toBe(true);
      if (inv.includes('高于计划投资')) expect(total > max!).toBe(true);

      // incentives: eligible / needs-info as the evaluator says on this project, and named by title
      const onProject = attached.filter((a: any) => a.project_id === p.id).map((a: any) => incentives.get(a.incentive_id));
      const ctx = {
        regions: r,
        industries: t4754,
        today: '2026-06-01',
        project: { regionCode: p.region_code, totalInvestmentYuan: total },
      };
      const status = (i: any) =>
        evaluateEligibility(
          facts(e),
          { conditions: i.conditions, policy: { regionCode: i.region_code, validFrom: i.valid_from, validTo: i.valid_to } },
          ctx,
        ).status;
      for (const id of m.eligible_incentive_ids) expect(status(incentives.get(id))).toBe('eligible');
      for (const id of m.needs_info_incentive_ids) expect(status(incentives.get(id))).toBe('needs_info');
      const others = onProject.filter((i: any) => !m.eligible_incentive_ids.includes(i.id) && !m.needs_info_incentive_ids.includes(i.id));
      for (const i of others) expect(status(i)).toBe('not_eligible');
      const incReason = factor('incentives').reason;
      for (const id of m.eligible_incentive_ids.slice(0, 3)) expect(incReason).toContain(`「${incentives.get(id).title}」`);

      // text: each shared word is in both texts
      const text = factor('text').reason;
      if (factor('text').fit > 0) {
        for (const w of regionsIn(text)) {
          expect(`${e.name}\n${e.description}\n${e.need_notes}`.toLowerCase()).toContain(w);
          expect(`${p.title}\n${p.description}`.toLowerCase()).toContain(w);
        }
      }

      // stage: the project's
      expect(factor('stage').reason).toContain(PROJECT_STAGES[p.stage as keyof typeof PROJECT_STAGES]);

      // chain: the segment named is a gap / weak one of a chain over the project's region, and the enterprise code named lies in it
      const ch = factor('chain');
      const segmentsHere = open(p);
      const fitsIn = (s: any) => e.industry_codes.some((c: string) => s.industry_codes.some((sc: string) => t4754.isWithin(c, sc)));
      if (ch.fit > 0) {
        const [, code, , , label, segment, kind] =
          /^企业主营「([A-T]\d{0,4}) ([^」]+)」，可(补齐|强化)(.+)「([^」]+)」环节（本地(缺链|弱链)）$/.exec(ch.reason)!;
        expect(e.industry_codes).toContain(code);
        const s = segmentsHere.find(
          (x: any) => x.name === segment && label === `${r.displayName(x.region_code)}${x.chain}${x.chain.endsWith('链') ? '' : '产业链'}`,
        );
        expect(s).toBeDefined();
        expect(s.status).toBe(kind === '缺链' ? 'gap' : 'weak');
        expect(ch.fit).toBe(kind === '缺链' ? 1 : 0.6);
        expect(s.industry_codes.some((sc: string) => t4754.isWithin(code, sc))).toBe(true);
        // the best segment: a weak one only when no gap fits
        if (kind === '弱链') expect(segmentsHere.filter((x: any) => x.status === 'gap').some(fitsIn)).toBe(false);
        expect(m.reasons).toContain(`产业链：${ch.reason}`);
        chainReasons++;
      } else if (segmentsHere.length) {
        expect(ch.reason).toBe('企业所属行业不在项目所在地区产业链的缺链、弱链环节');
        expect(segmentsHere.some(fitsIn)).toBe(false);
      } else {
        expect(ch).toMatchObject({ reason: '项目所在地区的产业链暂无缺链、弱链环节', weight: 0 });
      }

      // the highlights are the strongest factors, word for word
      for (const h of m.reasons) {
        const [label, ...rest] = h.split('：');
        const f = (Object.keys(FACTOR_LABELS) as Factor[]).find((k) => FACTOR_LABELS[k] === label)!;
        expect(factor(f).reason).toBe(rest.join('：'));
        expect(factor(f).fit).toBeGreaterThanOrEqual(0.5);
      }
      // and the points add up: the score is rounded (0.5), each shown weight too (0.05 each; 100/110 shares are not whole)
      expect(Math.abs(m.breakdown.reduce((s, b) => s + b.fit * b.weight, 0) - m.score)).toBeLessThanOrEqual(
        0.5 + 0.05 * m.breakdown.length,
      );
      checked++;
    }
    expect(checked).toBe(matches.length);
    expect(chainReasons).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(30);
  });

  it('never matches the demo projects that are drafts or closed', () => {
    const hidden = demoProjects
      .filter((p) => !p.publish || p.stages.some((s) => s.stage === 'closed'))
      .map((p) => ids.project.get(p.code)!);
    expect(hidden.length).toBeGreaterThan(0);
    expect(matches.filter((m) => hidden.includes(m.project_id))).toEqual([]);
  });
});
