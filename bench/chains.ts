/**
 * `npm run bench:chains` — the chain map and the targets of a 10-segment chain (the 汽车及零部件
 * template, adopted by 尉氏县) over BENCH_ENTERPRISES (1,000,000) enterprises, with the floor measured
 * in the same run: the bare indexed counts of the same rows (per segment the local enterprises; the
 * non-local enterprises fitting the open segments). Goal: map and targets ≤ 200 ms p50 each.
 *
 * What is timed is what ChainsService does against the database for GET /chains/:id/map and
 * GET /chains/:id/targets (page 1 of 20): read the chain and its segments, the 链长 and 链主 lookups,
 * the presence per segment and, for targets, the ranked page with its total. The access check and
 * the HTTP layer (microseconds, no I/O) are not in it. Each query's plan is recorded: the run fails
 * if any reads enterprise, project or lead by a sequential scan.
 *
 * Data (deterministic): enterprises with 1–3 industry classes (≈50 % manufacturing), ≈4 % of them
 * with a class of the chain's segments; homes half in Henan counties (so ≈0.3 % in 尉氏县), 1–3
 * target regions; BENCH_PROJECTS projects, BENCH_LEADS leads (some landed in 尉氏县).
 * Writes bench/results/chains.json with the machine's load. BENCH_REUSE=1 keeps an earlier database
 * of the same size. Needs PostgreSQL (superuser: it creates BENCH_DB).
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { allMigrations } from '../migrations/index.js';
import { chainTemplate } from '../src/chains/chain-templates.js';
import { Chain, ChainSegment } from '../src/chains/chain.entity.js';
import { ChainLookups, ChainsQueries } from '../src/chains/chains.queries.js';
import { StaffQueries } from '../src/accounts/staff.queries.js';
import { EnterpriseIndustryQueries } from '../src/enterprises/enterprise-industry.queries.js';
import { allEntities } from '../src/entities.js';
import { LeadIndustryQueries } from '../src/leads/lead-industry.queries.js';
import { ProjectIndustryQueries } from '../src/projects/project-industry.queries.js';
import { SnakeNamingStrategy } from '../src/platform/database/snake-naming.strategy.js';
import { industries } from '../src/reference/industries.js';
import { regions } from '../src/reference/regions.js';
import { createIndexes, dropEnterpriseIndexes, Rng } from './matching-data.js';

const num = (name: string, dflt: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer (got ${v})`);
  return n;
};
const SIZES = {
  enterprises: num('BENCH_ENTERPRISES', 1_000_000),
  projects: num('BENCH_PROJECTS', 10_000),
  leads: num('BENCH_LEADS', 50_000),
  trials: num('BENCH_TRIALS', 40),
};
const SERVER = new URL(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const DB = process.env.BENCH_DB ?? 'im_bench_chains';
const dbUrl = (() => {
  const u = new URL(SERVER.toString());
  u.pathname = `/${DB}`;
  return u.toString();
})();
const CHAIN_REGION = '410223'; // 尉氏县
const BATCH = 5000;

const log = (...a: unknown[]) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const load = () => {
  const [one, five, fifteen] = os.loadavg();
  return { loadavg1: round(one), loadavg5: round(five), loadavg15: round(fifteen) };
};

const r = regions();
const t = industries();
const all = [...r.all()];
const counties = all.filter((n) => n.level === 3 && !r.get(n.parent!)!.name.includes('直辖'));
const henanCounties = counties.filter((n) => n.code.startsWith('41')).map((n) => n.code);
const otherCounties = counties.filter((n) => !n.code.startsWith('41')).map((n) => n.code);
const cities = all.filter((n) => n.level === 2 && !n.name.includes('直辖') && n.name !== '市辖区').map((n) => n.code);
const provinces = all.filter((n) => n.level === 1).map((n) => n.code);
const classes = [...t.all()].filter((n) => n.level === 4).map((n) => n.code);
const C = classes.filter((c) => c.startsWith('C'));
const template = chainTemplate('auto-parts')!;
/** Classes inside the chain's segments (a segment may name a group: every class under it). */
const chainClasses = [
  ...new Set(template.segments.flatMap((s) => s.industryCodes.flatMap((code) => classes.filter((c) => t.isWithin(c, code))))),
];

function enterpriseRow(rng: Rng, i: number) {
  const first = rng.chance(0.04) ? rng.pick(chainClasses) : rng.chance(0.5) ? rng.pick(C) : rng.pick(classes);
  const codes = new Set([first]);
  const n = rng.int(1, 3);
  while (codes.size < n)
    codes.add(rng.chance(0.6) ? rng.pick(classes.filter((c) => c.slice(0, 3) === first.slice(0, 3))) : rng.pick(classes));
  const targets = new Set<string>();
  const nt = rng.int(0, 3);
  while (targets.size < nt) targets.add(rng.chance(0.4) ? rng.pick(provinces) : rng.pick(cities));
  const home = rng.chance(0.5) ? rng.pick(henanCounties) : rng.pick(otherCounties);
  return {
    uscc: `C${String(i).padStart(17, '0')}`,
    name: `基准企业${i}`,
    industry_codes: [...codes],
    industry_path: t.closure([...codes]),
    home_region_code: home,
    home_region_path: [...r.path(home)],
    target_region_codes: [...targets],
    target_region_path: r.closure([...targets]),
  };
}

async function loadData(db: pg.Client, rng: Rng): Promise<void> {
  let t0 = performance.now();
  const defs = await dropEnterpriseIndexes(db);
  for (let i = 0; i < SIZES.enterprises; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, SIZES.enterprises - i) }, (_, k) => enterpriseRow(rng, i + k));
    await db.query(
      `INSERT INTO enterprise (uscc, name, industry_codes, industry_path, home_region_code, home_region_path, target_region_codes, target_region_path)
       SELECT uscc, name, industry_codes, industry_path, home_region_code, home_region_path, target_region_codes, target_region_path
         FROM json_to_recordset($1::json) AS x(uscc text, name text, industry_codes varchar[], industry_path varchar[], home_region_code text,
              home_region_path char(6)[], target_region_codes char(6)[], target_region_path char(6)[])`,
      [JSON.stringify(rows)],
    );
    if (i % 100_000 === 0 && i) log(`  … ${i} enterprises`);
  }
  await createIndexes(db, defs);
  log(`${SIZES.enterprises} enterprises in ${round((performance.now() - t0) / 1000, 1)} s (indexes rebuilt)`);

  t0 = performance.now();
  const projects = Array.from({ length: SIZES.projects }, (_, i) => {
    const region = rng.chance(0.05) ? CHAIN_REGION : rng.chance(0.6) ? rng.pick(henanCounties) : rng.pick(otherCounties);
    const codes = [rng.chance(0.1) ? rng.pick(chainClasses) : rng.pick(classes)];
    return {
      code: `CP-${i}`,
      title: `基准项目${i}`,
      region_code: region,
      region_path: [...r.path(region)],
      industry_codes: codes,
      industry_path: t.closure(codes),
      stage: rng.pick(['planning', 'open', 'open', 'signed']),
    };
  });
  await db.query(
    `INSERT INTO project (code, title, description, region_code, region_path, industry_codes, industry_path, total_investment_yuan, stage, status, published_at)
     SELECT code, title, '', region_code, region_path, industry_codes, industry_path, 100000000, stage, 'published', now()
       FROM json_to_recordset($1::json) AS x(code text, title text, region_code text, region_path char(6)[], industry_codes varchar[], industry_path varchar[], stage text)`,
    [JSON.stringify(projects)],
  );
  const leads = Array.from({ length: Math.min(SIZES.leads, SIZES.enterprises) }, (_, i) => {
    const region = rng.chance(0.05) ? CHAIN_REGION : rng.pick(henanCounties);
    const codes = [rng.chance(0.2) ? rng.pick(chainClasses) : rng.pick(classes)];
    const path = r.path(region);
    return {
      enterprise_id: i + 1, // one lead per enterprise: at most one open lead per enterprise and region
      region_code: region,
      city_code: path[1] ?? null,
      province_code: path[0],
      industry_codes: codes,
      industry_path: t.closure(codes),
      stage: rng.pick(['new', 'contacted', 'negotiating', 'signed', 'started', 'producing', 'lost']),
    };
  });
  for (let i = 0; i < leads.length; i += BATCH) {
    await db.query(
      `INSERT INTO lead (enterprise_id, source, region_code, city_code, province_code, industry_codes, industry_path, stage, stage_changed_at, last_activity_at)
       SELECT enterprise_id, 'manual', region_code, city_code, province_code, industry_codes, industry_path, stage, now(), now()
         FROM json_to_recordset($1::json) AS x(enterprise_id int, region_code text, city_code text, province_code text, industry_codes varchar[], industry_path varchar[], stage text)`,
      [JSON.stringify(leads.slice(i, i + BATCH))],
    );
  }
  await db.query('ANALYZE project; ANALYZE lead');
  log(`${SIZES.projects} projects, ${SIZES.leads} leads in ${round((performance.now() - t0) / 1000, 1)} s`);
}

/**
 * The chain's region, shaped so its map has every status (as a county's does): no local enterprise or
 * landed lead in the gap segments, one local enterprise in eight kept in the weak ones (their codes
 * replaced by a class outside the chain). Deterministic and idempotent, so a reused database gives
 * the same map.
 */
const GAP_SEGMENTS = ['涂料', '汽车玻璃', '发动机'];
const WEAK_SEGMENTS = ['车身及挂车', '汽车零部件及配件'];
async function shapeRegion(db: pg.Client): Promise<void> {
  const codesOf = (names: string[]) => template.segments.filter((s) => names.includes(s.name)).flatMap((s) => s.industryCodes);
  const gap = codesOf(GAP_SEGMENTS);
  const weak = codesOf(WEAK_SEGMENTS);
  const outside = classes.filter((c) => !chainClasses.includes(c));
  const within = (c: string, codes: string[]) => codes.some((x) => t.isWithin(c, x));
  const reshape = (id: number, codes: string[], keepWeak: boolean) =>
    codes.map((c, k) => (within(c, gap) || (within(c, weak) && !keepWeak) ? outside[(id * 7 + k * 13) % outside.length] : c));
  for (const [table, where] of [
    ['enterprise', `home_region_path @> ARRAY['${CHAIN_REGION}']::char(6)[]`],
    ['lead', `region_code = '${CHAIN_REGION}'`],
  ] as const) {
    const { rows } = await db.query(`SELECT id, industry_codes FROM ${table} WHERE ${where} AND industry_path && $1::varchar(5)[]`, [
      [...gap, ...weak],
    ]);
    for (const row of rows as Array<{ id: number; industry_codes: string[] }>) {
      const codes = [...new Set(reshape(row.id, row.industry_codes, table === 'enterprise' && row.id % 8 === 0))];
      if (codes.join() !== row.industry_codes.join())
        await db.query(`UPDATE ${table} SET industry_codes = $2, industry_path = $3 WHERE id = $1`, [row.id, codes, t.closure(codes)]);
    }
  }
  await db.query('ANALYZE enterprise; ANALYZE lead');
}

async function time(trials: number, f: () => Promise<unknown>): Promise<{ p50: number; p99: number; min: number; samples: number }> {
  for (let i = 0; i < 3; i++) await f(); // warm: plans cached, pages in shared buffers
  const xs: number[] = [];
  for (let i = 0; i < trials; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  return { p50: round(pct(xs, 50)), p99: round(pct(xs, 99)), min: round(Math.min(...xs)), samples: trials };
}

/** Sequential scans of the big tables in a plan (there must be none). */
async function seqScans(ds: DataSource, sql: string, params: unknown[]): Promise<string[]> {
  const [row] = await ds.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const found: string[] = [];
  const walk = (n: Record<string, unknown>) => {
    if (n['Node Type'] === 'Seq Scan' && ['enterprise', 'project', 'lead'].includes(String(n['Relation Name'])))
      found.push(String(n['Relation Name']));
    for (const c of (n.Plans as Array<Record<string, unknown>>) ?? []) walk(c);
  };
  walk(row['QUERY PLAN'][0].Plan);
  return found;
}

async function main() {
  const loadAtStart = load();
  const admin = new pg.Client({ connectionString: SERVER.toString() });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB])).rowCount;
  let reuse = false;
  if (exists && process.env.BENCH_REUSE === '1') {
    const probe = new pg.Client({ connectionString: dbUrl });
    await probe.connect();
    const n = Number((await probe.query(`SELECT count(*) FROM enterprise`).catch(() => ({ rows: [{ count: -1 }] }))).rows[0].count);
    await probe.end();
    reuse = n === SIZES.enterprises;
  }
  if (!reuse) {
    if (exists) await admin.query(`DROP DATABASE ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
  }
  await admin.end();
  const ds = await new DataSource({
    type: 'postgres',
    url: dbUrl,
    entities: allEntities,
    migrations: allMigrations,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: 2 },
  }).initialize();
  await ds.runMigrations({ transaction: 'each' });
  if (!reuse) {
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    await loadData(db, new Rng(20261208));
    await db.end();
  } else log(`reusing ${DB} (${SIZES.enterprises} enterprises)`);
  {
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    await shapeRegion(db);
    await db.end();
  }

  // the chain, as POST /chains {regionCode: 尉氏县, templateKey: auto-parts} writes it
  await ds.query(`DELETE FROM chain`);
  const anchors: Array<{ id: number }> = await ds.query(
    `SELECT id FROM enterprise WHERE home_region_path @> ARRAY[$1]::char(6)[] ORDER BY id LIMIT 2`,
    [CHAIN_REGION],
  );
  const chain = await ds.manager.save(
    ds.manager.create(Chain, {
      name: template.name,
      regionCode: CHAIN_REGION,
      regionPath: [...r.path(CHAIN_REGION)],
      templateKey: template.key,
      anchorEnterpriseIds: anchors.map((a) => a.id),
      strongMin: 10,
      weakMin: 1,
    }),
  );
  await ds.manager.insert(
    ChainSegment,
    template.segments.map((s, i) => ({
      chainId: chain.id,
      position: i + 1,
      name: s.name,
      tier: s.tier,
      industryCodes: s.industryCodes,
      keywords: s.keywords ?? [],
    })),
  );

  // the providers as Nest wires them (ChainsModule), over this run's DataSource
  const enterpriseQueries = new EnterpriseIndustryQueries(ds);
  const queries = new ChainsQueries(ds, enterpriseQueries, new ProjectIndustryQueries(ds), new LeadIndustryQueries(ds));
  const lookups = new ChainLookups(new StaffQueries(ds), enterpriseQueries);
  const readChain = async () => {
    const c = (await ds.manager.findOneBy(Chain, { id: chain.id }))!;
    const segments = await ds.manager.find(ChainSegment, { where: { chainId: c.id }, order: { position: 'ASC' } });
    await lookups.enterprises(c.anchorEnterpriseIds);
    return { c, segments };
  };
  const map = async () => {
    const { c, segments } = await readChain();
    return queries.presence(c, segments);
  };
  // as ChainsService: the ranking on the stored statuses, overlapped with counting the live presence (liveTargets)
  const targets = async () => {
    const { c, segments } = await readChain();
    return queries.liveTargets(c, segments, { page: 1, pageSize: 20 });
  };

  const { c, segments: before } = await readChain();
  const presence = await queries.presence(c, before);
  // the stored statuses, as ChainStatuses.settle leaves them after the chain is written
  for (const [i, s] of before.entries()) {
    const p = presence[i];
    await ds.manager.update(
      ChainSegment,
      { id: s.id },
      { status: p.status, presence: p.enterprises + p.signedLeads + p.startedLeads + p.producingLeads },
    );
  }
  const { segments } = await readChain();
  const firstPage = await queries.targets(c, segments, presence, { page: 1, pageSize: 20 });
  const open = segments.filter((s) => presence.find((p) => p.segmentId === s.id)!.status !== 'strong');
  const openCodes = [...new Set(open.flatMap((s) => s.industryCodes))];
  log(
    'segments:',
    presence
      .map((p, i) => `${segments[i].name} ${p.enterprises}+${p.signedLeads + p.startedLeads + p.producingLeads} ${p.status}`)
      .join(' | '),
  );
  log(`targets: ${firstPage.total} (page 1: ${firstPage.items.length})`);

  // the floor: bare indexed counts of the same rows, no ranking, no lateral lead counts
  const bareMapSql = `SELECT s.id, (SELECT count(*) FROM enterprise e WHERE e.home_region_path @> ARRAY[$1]::char(6)[] AND e.industry_path && s.industry_codes) FROM chain_segment s WHERE s.chain_id = $2`;
  const bareTargetsSql = `SELECT count(*) FROM enterprise e WHERE e.industry_path && $1::varchar(5)[] AND NOT e.home_region_path @> ARRAY[$2]::char(6)[]`;
  const bareMap = () => ds.query(bareMapSql, [CHAIN_REGION, chain.id]);
  const bareTargets = () => ds.query(bareTargetsSql, [openCodes, CHAIN_REGION]);

  const plans = {
    bareMap: await seqScans(ds, bareMapSql, [CHAIN_REGION, chain.id]),
    bareTargets: await seqScans(ds, bareTargetsSql, [openCodes, CHAIN_REGION]),
  };
  // the application's own SQL, captured from its calls, explained with the same parameters
  const captured: Array<{ sql: string; params: unknown[] }> = [];
  const original = ds.query.bind(ds);
  (ds as unknown as { query: typeof ds.query }).query = ((sql: string, params?: unknown[]) => {
    if (/FROM enterprise|FROM project|FROM lead/.test(sql)) captured.push({ sql, params: params ?? [] });
    return original(sql, params);
  }) as typeof ds.query;
  await targets();
  (ds as unknown as { query: typeof ds.query }).query = original;
  const appSeqScans = (await Promise.all(captured.map((q) => seqScans(ds, q.sql, q.params)))).flat();
  // the enterprise table must never be scanned whole; a small project or lead table may be, when the planner finds it cheaper
  if ([...appSeqScans, ...plans.bareMap, ...plans.bareTargets].includes('enterprise'))
    throw new Error(`sequential scan of enterprise: ${JSON.stringify({ appSeqScans, plans })}`);

  log('timing…');
  const loadBefore = load();
  const mapT = await time(SIZES.trials, map);
  const bareMapT = await time(SIZES.trials, bareMap);
  const targetsT = await time(SIZES.trials, targets);
  const bareTargetsT = await time(SIZES.trials, bareTargets);
  const loadAfter = load();
  const enterprises = Number((await ds.query(`SELECT count(*) FROM enterprise`))[0].count);
  const local = Number(
    (await ds.query(`SELECT count(*) FROM enterprise WHERE home_region_path @> ARRAY[$1]::char(6)[]`, [CHAIN_REGION]))[0].count,
  );

  const result = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      loadAtStart,
      loadWhileTiming: { before: loadBefore, after: loadAfter },
      note: 'a 2-core machine shared with other engineers running tests and benchmarks in parallel: the figures are upper bounds',
    },
    sizes: {
      ...SIZES,
      enterprises,
      localEnterprises: local,
      segments: segments.length,
      targets: firstPage.total,
      openSegments: open.length,
      openSegmentCodes: openCodes.length,
    },
    chain: {
      region: r.fullName(CHAIN_REGION),
      template: template.name,
      thresholds: { strongMin: c.strongMin, weakMin: c.weakMin },
      segments: presence.map((p, i) => ({
        name: segments[i].name,
        enterprises: p.enterprises,
        openProjects: p.openProjects,
        landedLeads: p.signedLeads + p.startedLeads + p.producingLeads,
        status: p.status,
      })),
    },
    goalMsP50: 200,
    map: { ...mapT, bareIndexedCount: bareMapT, ratioToBare: round(mapT.p50 / bareMapT.p50) },
    targets: { ...targetsT, bareIndexedCount: bareTargetsT, ratioToBare: round(targetsT.p50 / bareTargetsT.p50) },
    meetsGoal: mapT.p50 <= 200 && targetsT.p50 <= 200,
    plans: {
      queriesExplained: captured.length + 2,
      sequentialScans: appSeqScans,
      note: 'the run fails on a sequential scan of enterprise; project/lead ones are listed',
    },
  };
  writeFileSync(new URL('./results/chains.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  log(
    `map p50 ${mapT.p50} ms (p99 ${mapT.p99}; bare ${bareMapT.p50}, ×${result.map.ratioToBare}); targets p50 ${targetsT.p50} ms (p99 ${targetsT.p99}; bare ${bareTargetsT.p50}, ×${result.targets.ratioToBare}); load ${JSON.stringify(loadAfter)}`,
  );
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
