import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { migrate } from '../src/cli/migrate.js';
import { loadConfig } from '../src/platform/config/config.js';
import { regions } from '../src/reference/regions.js';

/**
 * `npm run bench:api`: the lead list a county officer uses every day, on a platform holding
 * BENCH_LEADS leads (default 1,000,000) across Henan's regions — requests per second at full load
 * and the p99 latency at a fixed 200 req/s — against the same server's trivial route
 * (GET /auth/me: the same authentication, no query) in the same run.
 *
 * The data is generated in SQL in a scratch database (created, migrated, dropped unless
 * BENCH_KEEP_DB=1; reused when it already holds the asked size). The API runs as its own process
 * (the built dist/src/main.js, WORKERS=false) so the load generator does not share its event loop.
 *
 * Env: BENCH_LEADS (1000000), BENCH_DURATION (10 s per measurement), BENCH_ROUNDS (3), BENCH_CONNECTIONS (16),
 * BENCH_RATE (200), BENCH_COUNTY (410223, 尉氏县), BENCH_KEEP_DB, DATABASE_URL's server.
 * Writes bench/results/api.json.
 */
const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const COUNTY = process.env.BENCH_COUNTY ?? '410223';
const KEEP = process.env.BENCH_KEEP_DB === '1';
const root = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../' : '../', import.meta.url));
const RESULTS = `${root}bench/results`;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const log = (...a: unknown[]) => console.log(`[bench:api ${new Date().toISOString().slice(11, 19)}]`, ...a);

const STAGES: Array<[string, number]> = [
  ['new', 0.3],
  ['contacted', 0.25],
  ['negotiating', 0.15],
  ['signed', 0.1],
  ['started', 0.06],
  ['producing', 0.04],
  ['lost', 0.1],
];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Generates the platform's data in SQL: bureaus and officers per county and city, enterprises, projects, leads. */
async function seed(db: pg.Client): Promise<{ enterprises: number; projects: number; bureaus: number; officers: number }> {
  const r = regions();
  const henan = r.subtree('410000');
  const counties = henan.filter((c) => r.get(c)!.level === 3);
  const cities = henan.filter((c) => r.get(c)!.level === 2);
  const enterprises = Math.max(1000, Math.round(LEADS / 10));
  const projects = Math.max(100, counties.length * 20);

  await db.query(`CREATE TEMP TABLE bench_region AS SELECT * FROM unnest($1::char(6)[], $2::char(6)[], $3::int[]) AS t(code, city, n)`, [
    [...counties, ...cities],
    [...counties, ...cities].map((c) => r.path(c)[1] ?? null),
    [...counties, ...cities].map((_, i) => i),
  ]);
  const regionCount = counties.length + cities.length;
  log(`seeding ${regionCount} regions' bureaus (3 officers each), ${enterprises} enterprises, ${projects} projects`);
  await db.query(
    `INSERT INTO bureau (name, region_code, idle_limit_days) SELECT '招商局 ' || code, code, 14 FROM bench_region UNION ALL SELECT '河南省投资促进局', '410000', 14`,
  );
  await db.query(
    `INSERT INTO app_user (email, name, role, bureau_id, email_verified_at)
     SELECT 'officer-' || b.region_code || '-' || k || '@bench.example.com', '专员' || k, CASE WHEN k = 0 THEN 'bureau_lead' ELSE 'officer' END, b.id, now()
     FROM bureau b CROSS JOIN generate_series(0, 2) k`,
  );
  await db.query(
    `INSERT INTO enterprise (uscc, name, industry_codes, industry_path, home_region_code, home_region_path, target_region_codes, target_region_path, contacts, search_text)
     SELECT lpad(i::text, 18, 'B'), '河南测试企业' || i || '有限公司', ARRAY[ind[1 + i % 4]]::varchar(5)[], ARRAY[left(ind[1 + i % 4], 1), left(ind[1 + i % 4], 3), ind[1 + i % 4]]::varchar(5)[],
       br.code, ARRAY['410000', coalesce(br.city, br.code), br.code]::char(6)[], '{}', '{}', '[{"name":"联系人"}]', '河南 测试 企业 ' || i
     FROM generate_series(1, $1::int) i
     CROSS JOIN (SELECT ARRAY['C1351','C1311','A0313','C3821'] AS ind) x
     JOIN bench_region br ON br.n = i % $2::int`,
    [enterprises, regionCount],
  );
  await db.query(
    `INSERT INTO project (code, title, region_code, region_path, industry_codes, industry_path, total_investment_yuan, stage, status, search_text)
     SELECT 'BENCH-' || i, '测试项目' || i, br.code, ARRAY['410000', coalesce(br.city, br.code), br.code]::char(6)[], ARRAY['C1351']::varchar(5)[], ARRAY['C','C13','C135','C1351']::varchar(5)[],
       100000000, 'open', 'published', '测试 项目 ' || i
     FROM generate_series(1, $1::int) i JOIN bench_region br ON br.n = i % $2::int`,
    [projects, regionCount],
  );
  await db.query(`CREATE TEMP TABLE bench_officers AS SELECT bureau_id, array_agg(id ORDER BY id) AS ids FROM app_user GROUP BY bureau_id`);
  const [{ n: bureaus }] = (await db.query(`SELECT count(*)::int AS n FROM bureau`)).rows;
  const [{ n: officers }] = (await db.query(`SELECT count(*)::int AS n FROM app_user`)).rows;
  return { enterprises, projects, bureaus, officers };
}

async function seedLeads(db: pg.Client, enterprises: number, projects: number): Promise<void> {
  const stageCase = (() => {
    let acc = 0;
    const arms = STAGES.map(([s, p]) => {
      acc += p;
      return `WHEN u < ${round(acc, 4)} THEN '${s}'`;
    });
    return `CASE ${arms.join(' ')} ELSE 'lost' END`;
  })();
  const BATCH = 100_000;
  // a few generated pairs collide with the "one open lead per pair" indexes and are skipped: go on until there are LEADS
  let inserted = 0;
  for (let from = 1; inserted < LEADS;) {
    const to = from + Math.min(BATCH, LEADS - inserted) - 1;
    await db
      .query(
        `WITH src AS (
         SELECT i, ((i * 2654435761::bigint) % 1000003) / 1000003.0 AS u,
           1 + (i % $3::int) AS enterprise_id,
           CASE WHEN i % 5 < 3 THEN 1 + ((i / $3::int) * 7919 + i * 31) % $4::int END AS project_id,
           (i * 7) % 365 AS age_days, (i * 13) % 86400000 AS age_ms
         FROM generate_series($1::int, $2::int) i),
       placed AS (
         SELECT s.*, coalesce(p.region_code, br.code) AS region_code
         FROM src s LEFT JOIN project p ON p.id = s.project_id
         LEFT JOIN bench_region br ON s.project_id IS NULL AND br.n = (s.i / 3) % (SELECT count(*) FROM bench_region)),
       staged AS (
         SELECT pl.*, ${stageCase} AS stage, rr.path, b.id AS bureau_id, o.ids AS officers FROM placed pl
         JOIN region rr ON rr.code = pl.region_code
         LEFT JOIN bureau b ON b.region_code = pl.region_code LEFT JOIN bench_officers o ON o.bureau_id = b.id)
       INSERT INTO lead (enterprise_id, project_id, source, region_code, city_code, province_code, industry_codes, industry_path, bureau_id, owner_id,
         stage, stage_changed_at, lost_reason, lost_from_stage, signing_kind, signed_amount_yuan, started_amount_yuan, producing_amount_yuan,
         contacted_at, negotiating_at, signed_at, started_at, producing_at, lost_at, next_follow_up_on, last_activity_at, search_text, created_at)
       SELECT enterprise_id, project_id, (ARRAY['interest','match','manual','import'])[1 + i % 4], region_code, path[2], path[1],
         ARRAY['C1351']::varchar(5)[], ARRAY['C','C13','C135','C1351']::varchar(5)[], bureau_id,
         officers[1 + i % 3],
         stage, now() - make_interval(days => age_days), CASE WHEN stage = 'lost' THEN '企业另选他处' END, CASE WHEN stage = 'lost' THEN 'contacted' END,
         CASE WHEN stage IN ('signed','started','producing') THEN CASE WHEN project_id IS NULL THEN 'new' ELSE 'increase' END END,
         CASE WHEN stage IN ('signed','started','producing') THEN 100000000 END,
         CASE WHEN stage IN ('started','producing') THEN 80000000 END, CASE WHEN stage = 'producing' THEN 80000000 END,
         CASE WHEN stage <> 'new' THEN now() - make_interval(days => age_days + 30) END, NULL,
         CASE WHEN stage IN ('signed','started','producing') THEN now() - make_interval(days => age_days + 10) END,
         CASE WHEN stage IN ('started','producing') THEN now() - make_interval(days => age_days + 5) END,
         CASE WHEN stage = 'producing' THEN now() - make_interval(days => age_days) END,
         CASE WHEN stage = 'lost' THEN now() - make_interval(days => age_days) END,
         CASE WHEN stage NOT IN ('producing','lost') AND i % 2 = 0 THEN (current_date + (i % 60) - 20) END,
         date_trunc('milliseconds', now() - make_interval(days => age_days) - make_interval(secs => age_ms / 1000.0)),
         '河南 测试 企业 ' || enterprise_id, now() - make_interval(days => age_days + 40)
       FROM staged
       ON CONFLICT DO NOTHING`,
        [from, to, enterprises, projects],
      )
      .then((r) => (inserted += r.rowCount ?? 0));
    from = to + 1;
    log(`leads ${inserted.toLocaleString()} / ${LEADS.toLocaleString()}`);
  }
}

interface Measured {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
}

async function load(
  url: string,
  token: string,
  paths: string[],
  opts: { rate?: number; connections?: number; duration?: number } = {},
): Promise<Measured> {
  const result = await autocannon({
    url,
    connections: opts.connections ?? CONNECTIONS,
    duration: opts.duration ?? DURATION,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    headers: { authorization: `Bearer ${token}` },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    rps: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

async function main(): Promise<void> {
  const base = loadConfig();
  const server = new URL(base.DATABASE_URL);
  const dbName = `investmatch_bench_api_${LEADS}`;
  const dbUrl = new URL(server);
  dbUrl.pathname = `/${dbName}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(server), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const load0 = loadavg();
  const t0 = Date.now();
  let reused = false;
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [dbName])).rowCount;
  if (exists) {
    const probe = new pg.Client({ connectionString: dbUrl.toString() });
    await probe.connect();
    const ok = await probe
      .query(`SELECT value FROM bench_meta WHERE key = 'leads'`)
      .catch(() => ({ rows: [] as Array<{ value: string }> }));
    await probe.end();
    reused = ok.rows[0]?.value === 'complete';
    if (!reused) await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
  }
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  if (!reused) {
    await migrate('run', dbUrl.toString());
    await db.connect();
    const s = await seed(db);
    // the counts trigger would do one upsert per generated row: off while loading, then recounted in one go
    await db.query(`ALTER TABLE lead DISABLE TRIGGER USER`);
    await seedLeads(db, s.enterprises, s.projects);
    await db.query(`ALTER TABLE lead ENABLE TRIGGER USER`);
    await db.query(`TRUNCATE lead_count`);
    await db.query(
      `INSERT INTO lead_count (region_code, city_code, province_code, stage, owner_key, source, n)
       SELECT region_code, min(city_code), min(province_code), stage, coalesce(owner_id, 0), source, count(*) FROM lead GROUP BY region_code, stage, coalesce(owner_id, 0), source`,
    );
    log('VACUUM ANALYZE');
    await db.query('VACUUM ANALYZE');
    await db.query(`CREATE TABLE bench_meta (key text PRIMARY KEY, value text)`);
    await db.query(`INSERT INTO bench_meta VALUES ('leads', 'complete')`);
  } else {
    await migrate('run', dbUrl.toString()); // a database from an older run gets the newer migrations
    await db.connect();
    log(`reusing ${dbName}`);
  }
  const counts = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM lead) AS leads, (SELECT count(*)::int FROM enterprise) AS enterprises,
      (SELECT count(*)::int FROM project) AS projects, (SELECT count(*)::int FROM bureau) AS bureaus, (SELECT count(*)::int FROM app_user) AS officers,
      (SELECT count(*)::int FROM lead WHERE region_code = $1) AS county_leads`,
      [COUNTY],
    )
  ).rows[0];
  const sizes: Record<string, number> = counts;
  const seedSeconds = round((Date.now() - t0) / 1000);
  log('sizes', sizes, `(${reused ? 'reused' : `generated in ${seedSeconds} s`})`);

  // a county officer's API session
  const [{ id: officerId }] = (
    await db.query(
      `SELECT u.id FROM app_user u JOIN bureau b ON b.id = u.bureau_id WHERE b.region_code = $1 AND u.role = 'officer' ORDER BY u.id LIMIT 1`,
      [COUNTY],
    )
  ).rows;
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO session (token_hash, user_id, kind, last_seen_at, expires_at) VALUES ($1, $2, 'api', now(), now() + interval '1 day')`,
    [createHash('sha256').update(token).digest('hex'), officerId],
  );
  // what the list runs, for the record
  const plan = (
    await db.query(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) SELECT l.id, l.last_activity_at::text FROM lead l WHERE l.region_code = $1 AND l.stage = ANY($2::varchar[]) ORDER BY l.last_activity_at DESC, l.id DESC LIMIT 21 OFFSET 40`,
      [COUNTY, ['new', 'contacted', 'negotiating']],
    )
  ).rows.map((r: Record<string, string>) => r['QUERY PLAN']);

  const port = await freePort();
  const api: ChildProcess = spawn(process.execPath, [`${root}dist/src/main.js`], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKERS: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SECRET_KEY: randomBytes(24).toString('hex'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${token}` } })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      if (i > 600) throw new Error('the API did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const list = [
      '/leads?pageSize=20',
      '/leads?stage=new,contacted,negotiating&pageSize=20&page=3',
      '/leads?owner=me&sort=followUp&pageSize=20',
      '/leads?followUpDue=true&pageSize=20',
      '/leads?stage=signed,started,producing&source=interest,match&pageSize=20&page=2',
      '/leads?pageSize=20&page=10',
    ];
    // and a keyset page (the cursor of page 1)
    const first = await fetch(`${url}/leads?pageSize=20`, { headers: { authorization: `Bearer ${token}` } }).then(
      (r) => r.json() as Promise<{ nextCursor: string }>,
    );
    list.push(`/leads?pageSize=20&cursor=${first.nextCursor}`);
    const sample = await fetch(url + list[1], { headers: { authorization: `Bearer ${token}` } }).then(
      (r) => r.json() as Promise<{ total: number; items: unknown[] }>,
    );
    log(`county list: total ${sample.total}, page of ${sample.items.length}`);
    log('warm-up');
    await load(url, token, list, { duration: 3 });
    await load(url, token, ['/auth/me'], { duration: 3 });
    // the machine is shared: the two routes are measured alternately, ROUNDS times, and each round gives a ratio;
    // the result is the median round (by ratio), so a burst of someone else's work skews one round, not the result
    const rounds: Array<{ trivial: Measured; leadList: Measured; ratio: number }> = [];
    for (let i = 0; i < ROUNDS; i++) {
      const trivial = await load(url, token, ['/auth/me']);
      const leadList = await load(url, token, list);
      rounds.push({ trivial, leadList, ratio: round(leadList.rps / trivial.rps, 3) });
      log(
        `round ${i + 1}/${ROUNDS}: trivial ${trivial.rps} req/s, lead list ${leadList.rps} req/s (p99 ${leadList.p99Ms} ms), ratio ${rounds[i].ratio}`,
      );
    }
    const median = <T>(xs: T[], by: (x: T) => number) => [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)];
    const mid = median(rounds, (r) => r.ratio);
    const atRates: Measured[] = [];
    const trivialAtRates: Measured[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      atRates.push(await load(url, token, list, { rate: RATE }));
      // the trivial route at the same rate: what the machine's scheduling alone does to the tail
      trivialAtRates.push(await load(url, token, ['/auth/me'], { rate: RATE }));
      log(
        `at a fixed ${RATE} req/s, round ${i + 1}/${ROUNDS}: lead list p50 ${atRates[i].p50Ms} ms, p99 ${atRates[i].p99Ms} ms; trivial p50 ${trivialAtRates[i].p50Ms} ms, p99 ${trivialAtRates[i].p99Ms} ms`,
      );
    }
    const atRate = median(atRates, (m) => m.p99Ms);
    const trivialAtRate = median(trivialAtRates, (m) => m.p99Ms);
    const leadList = mid.leadList;
    const trivialRps = mid.trivial.rps;
    const out = {
      benchmark: 'GET /leads for a county officer vs GET /auth/me, same server, same run',
      date: new Date().toISOString(),
      leads: sizes.leads,
      sizes: { ...sizes, county: COUNTY, countyLeads: sizes.county_leads },
      leadList: {
        rps: leadList.rps,
        p99Ms: leadList.p99Ms,
        p50Ms: leadList.p50Ms,
        p99MsAtRate: atRate.p99Ms,
        p50MsAtRate: atRate.p50Ms,
        rate: RATE,
        rpsAtRate: atRate.rps,
        paths: list,
      },
      trivial: { path: '/auth/me', rps: trivialRps, p99MsAtRate: trivialAtRate.p99Ms, p50MsAtRate: trivialAtRate.p50Ms },
      ratio: mid.ratio,
      rounds: rounds.map((r) => ({
        trivialRps: r.trivial.rps,
        leadListRps: r.leadList.rps,
        leadListP99Ms: r.leadList.p99Ms,
        ratio: r.ratio,
      })),
      atRateRounds: atRates.map((m, i) => ({
        rps: m.rps,
        p50Ms: m.p50Ms,
        p99Ms: m.p99Ms,
        trivialP50Ms: trivialAtRates[i].p50Ms,
        trivialP99Ms: trivialAtRates[i].p99Ms,
      })),
      errors: [...rounds.flatMap((r) => [r.trivial, r.leadList]), ...atRates, ...trivialAtRates].reduce(
        (n, m) => n + m.errors + m.non2xx,
        0,
      ),
      goals: { ratio: '>= 0.4', p99MsAtRate: '<= 50' },
      met: { ratio: mid.ratio >= 0.4, p99AtRate: atRate.p99Ms <= 50 },
      settings: { connections: CONNECTIONS, durationSeconds: DURATION, rounds: ROUNDS, databasePoolSize: base.DATABASE_POOL_SIZE },
      plan,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memGb: round(totalmem() / 2 ** 30),
        loadavgBefore: load0.map((x) => round(x, 2)),
        loadavgAfter: loadavg().map((x) => round(x, 2)),
        node: process.version,
      },
      dataGeneration: reused ? 'reused' : { seconds: seedSeconds },
    };
    mkdirSync(RESULTS, { recursive: true });
    const file = `${RESULTS}/api.json`;
    writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
    log(`median ratio ${out.ratio} (goal ≥ 0.4), median p99 at ${RATE} req/s ${atRate.p99Ms} ms (goal ≤ 50) → ${file}`);
  } finally {
    await new Promise((r) => setTimeout(r, 1000)); // let the last requests of the load finish
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    await db.end();
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
