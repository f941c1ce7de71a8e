import pg from 'pg';
import { Rng, enterprise, insertEnterprises, insertPolicies, insertProjects, policies, project } from '../../../bench/matching-data.js';
import { MatchExplanations } from '../../../src/matching/match-explanations.js';
import { MatchingEngine } from '../../../src/matching/matching.engine.js';
import {
  ENTERPRISE_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_INCENTIVES_SQL,
  toMatchEnterprise,
  toMatchIncentive,
  toMatchProject,
} from '../../../src/matching/rows.js';
import { isMatch, ProjectProfile } from '../../../src/matching/scoring/score.js';
import { startTestApp, type TestApp } from '../../support/app.js';

/**
 * A stored match keeps what its factors found (a verdict of small integers and codes), not its
 * text. On generated data (the benchmark's generator: thousands of pairs over the real GB/T trees,
 * every kind of industry and region verdict, incentives eligible / needing information / unmet),
 * every stored match read back through MatchExplanations is word for word — every factor's fit,
 * weight, points and reason, and the highlights — what scoring the pair afresh explains; and it
 * costs a few dozen bytes.
 */
describe('stored match verdicts', () => {
  let t: TestApp;
  let db: pg.Client;

  beforeAll(async () => {
    t = await startTestApp();
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    const rng = new Rng(20261208);
    const incentives = await insertPolicies(db, policies(rng));
    await insertProjects(
      db,
      rng,
      Array.from({ length: 400 }, (_, i) => project(rng, i)),
      incentives,
    );
    await insertEnterprises(
      db,
      Array.from({ length: 3000 }, (_, i) => enterprise(rng, i)),
    );
    await db.query('ANALYZE');
    const [{ lo, hi }] = (await db.query(`SELECT min(id) AS lo, max(id) AS hi FROM enterprise`)).rows;
    await t.get(MatchingEngine).matchEnterprises({ from: lo, to: hi });
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('read back equal to a fresh explanation of every pair', async () => {
    const engine = t.get(MatchingEngine);
    const ctx = engine.context();
    const stored = (
      await db.query(`SELECT id, enterprise_id, project_id, score, verdict, coalesce(eligible_incentive_ids, '{}') AS eligible_incentive_ids,
                coalesce(needs_info_incentive_ids, '{}') AS needs_info_incentive_ids FROM match WHERE withdrawn_at IS NULL ORDER BY id`)
    ).rows;
    expect(stored.length).toBeGreaterThan(1000);
    const read = await t.get(MatchExplanations).explain(stored);

    const enterprises = new Map(
      (await db.query(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e`)).rows.map((r) => [r.id, toMatchEnterprise(r)]),
    );
    const projects = (await db.query(`SELECT ${PROJECT_COLUMNS} FROM project p`)).rows;
    const incs = (await db.query(PROJECT_INCENTIVES_SQL, [projects.map((p) => p.id)])).rows;
    const profiles = new Map(
      projects.map((p) => [
        p.id,
        new ProjectProfile(toMatchProject(p, incs.filter((i) => i.project_id === p.id).map(toMatchIncentive)), ctx),
      ]),
    );

    const seen = { incentiveReasons: new Set<string>(), industryKinds: new Set<string>(), regionKinds: new Set<string>(), withWords: 0 };
    stored.forEach((m, i) => {
      const ev = profiles.get(m.project_id)!.evaluate(enterprises.get(m.enterprise_id)!);
      expect(isMatch(ev, engine.scoring)).toBe(true);
      const fresh = profiles.get(m.project_id)!.explain(ev);
      expect({ id: m.id, ...read[i] }).toEqual({ id: m.id, breakdown: fresh.breakdown, reasons: fresh.reasons });
      const [industry, region, , incentives, text] = fresh.breakdown;
      seen.industryKinds.add(industry.reason.replace(/「[^」]*」/g, '…'));
      seen.regionKinds.add(region.reason.replace(/「[^」]*」/g, '…'));
      seen.incentiveReasons.add(incentives.reason.replace(/[「（].*$/, '').replace(/\d+/g, 'n'));
      if (text.fit > 0) seen.withWords++;
    });
    // the data exercised what a verdict has to carry
    expect(seen.industryKinds.size).toBeGreaterThanOrEqual(2);
    expect(seen.regionKinds.size).toBeGreaterThanOrEqual(3);
    expect([...seen.incentiveReasons].some((r) => r.startsWith('可享受'))).toBe(true);
    expect([...seen.incentiveReasons].some((r) => r.includes('补充信息后可享受'))).toBe(true);
    expect([...seen.incentiveReasons].some((r) => r.includes('暂不符合条件'))).toBe(true);
    expect(seen.withWords).toBeGreaterThan(100);
  }, 120_000);

  it('costs a few dozen bytes a match', async () => {
    const [{ avg, max }] = (await db.query(`SELECT avg(octet_length(verdict))::float AS avg, max(octet_length(verdict)) AS max FROM match`))
      .rows;
    expect(avg).toBeLessThan(64);
    expect(max).toBeLessThan(126); // a one-byte varlena header: never TOASTed
  });
});
