import pg from 'pg';
import { Rng, enterprise, insertEnterprises, insertPolicies, insertProjects, policies, project } from '../../../bench/matching-data.js';
import {
  ENTERPRISE_CANDIDATES_WHERE,
  enterpriseCandidateParams,
  PROJECT_CANDIDATES_LATERAL,
  projectKeys,
} from '../../../src/matching/candidates.js';
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
import { regions } from '../../../src/reference/regions.js';
import { startTestApp, type TestApp } from '../../support/app.js';

/**
 * On generated data (real trees, the benchmark's distributions): the SQL candidate queries select
 * exactly the pairs the scorer accepts, and matching project by project or enterprise chunk by
 * chunk stores the same set of matches as scoring every pair.
 */
describe('matching candidates and paths agree on generated data', () => {
  let t: TestApp;
  let db: pg.Client;
  let engine: MatchingEngine;
  let projectIds: number[];
  let expected: Map<string, number>;

  beforeAll(async () => {
    t = await startTestApp();
    engine = t.get(MatchingEngine);
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    const rng = new Rng(7);
    const incentives = await insertPolicies(db, policies(rng));
    projectIds = await insertProjects(
      db,
      rng,
      Array.from({ length: 200 }, (_, i) => project(rng, i)),
      incentives,
    );
    await insertEnterprises(
      db,
      Array.from({ length: 1500 }, (_, i) => enterprise(rng, i)),
    );
    await db.query('ANALYZE');
    // every pair, scored: the reference
    const ctx = engine.context();
    const enterprises = (await db.query(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e`)).rows.map(toMatchEnterprise);
    const projects = (await db.query(`SELECT ${PROJECT_COLUMNS} FROM project p`)).rows;
    const incs = (await db.query(PROJECT_INCENTIVES_SQL, [projectIds])).rows;
    expected = new Map();
    for (const p of projects) {
      const profile = new ProjectProfile(toMatchProject(p, incs.filter((i) => i.project_id === p.id).map(toMatchIncentive)), ctx);
      for (const e of enterprises) {
        const ev = profile.evaluate(e);
        if (isMatch(ev, engine.scoring)) expected.set(`${e.id}:${p.id}`, ev.score);
      }
    }
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const stored = async () =>
    new Map<string, number>(
      (await db.query('SELECT enterprise_id, project_id, score FROM match WHERE withdrawn_at IS NULL')).rows.map((r) => [
        `${r.enterprise_id}:${r.project_id}`,
        r.score,
      ]),
    );

  it('generated a meaningful amount of matches', () => {
    expect(expected.size).toBeGreaterThan(500);
  });

  it('the project-side query (GIN on enterprise arrays) returns exactly the pairs the scorer accepts', async () => {
    const ctx = engine.context();
    const all = (await db.query(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e ORDER BY e.id`)).rows.map(toMatchEnterprise);
    for (const id of projectIds.slice(0, 30)) {
      const [row] = (await db.query(`SELECT ${PROJECT_COLUMNS} FROM project p WHERE id = $1`, [id])).rows;
      const p = toMatchProject(row, []);
      const got = (
        await db.query(
          `SELECT e.id FROM enterprise e WHERE ${ENTERPRISE_CANDIDATES_WHERE} ORDER BY e.id`,
          enterpriseCandidateParams(projectKeys(p, regions())),
        )
      ).rows.map((x) => x.id);
      const profile = new ProjectProfile(p, ctx);
      expect(got).toEqual(all.filter((e) => !profile.evaluate(e).excluded).map((e) => e.id));
    }
  });

  it('the enterprise-side query (GIN on project arrays) returns exactly the pairs the scorer accepts', async () => {
    const ctx = engine.context();
    const projects = (await db.query(`SELECT ${PROJECT_COLUMNS} FROM project p ORDER BY id`)).rows.map(
      (p) => new ProjectProfile(toMatchProject(p, []), ctx),
    );
    for (let id = 1; id <= 1500; id += 25) {
      const got = (
        await db.query(`SELECT p.id FROM enterprise e ${PROJECT_CANDIDATES_LATERAL} WHERE e.id = $1 ORDER BY p.id`, [id])
      ).rows.map((x) => x.id);
      const [e] = (await db.query(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE id = $1`, [id])).rows.map(toMatchEnterprise);
      expect(got).toEqual(projects.filter((p) => !p.evaluate(e).excluded).map((p) => p.project.id));
    }
  });

  it('matching every project stores exactly the matches of scoring every pair', async () => {
    for (const id of projectIds) await engine.matchProject(id);
    expect(await stored()).toEqual(expected);
  });

  it('matching enterprise chunks (the full re-match path) stores the same, and a re-run writes nothing', async () => {
    await db.query('DELETE FROM notification_event; DELETE FROM match;');
    for (let from = 1; from <= 1500; from += 400) await engine.matchEnterprises({ from, to: from + 399 });
    expect(await stored()).toEqual(expected);
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM notification_event WHERE type = 'match.new'`)).rows;
    expect(n).toBe(expected.size);
    let written = 0;
    for (let from = 1; from <= 1500; from += 400) written += (await engine.matchEnterprises({ from, to: from + 399 })).written;
    for (const id of projectIds.slice(0, 50)) written += (await engine.matchProject(id)).written;
    expect(written).toBe(0);
  });
});
