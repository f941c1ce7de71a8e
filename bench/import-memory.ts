/**
 * `npm run bench:import-memory` — a worker's memory during a 64 MB import, with the settings a user
 * gets (no NODE_OPTIONS; the node flags of `npm run start:worker`, i.e. its heap cap): the built application
 * (tsc, as `npm run build`) runs `dist/src/worker.js` as its own process; this process uploads a CSV of BENCH_IMPORT_MB (63) MB
 * of enterprises through ImportsService (stored, then run by the worker's job: read from PostgreSQL
 * 1 MB at a time, streamed row by row) and samples the worker's resident set (VmRSS, and VmHWM at
 * the end). Writes bench/results/import-memory.json.
 */
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { allMigrations } from '../migrations/index.js';
import { AppModule } from '../src/app.module.js';
import type { Actor } from '../src/access/actor.js';
import { allEntities } from '../src/entities.js';
import { makeUscc } from '../src/enterprises/uscc.js';
import { ImportsService } from '../src/imports/imports.service.js';
import { loadConfig } from '../src/platform/config/config.js';
import { SnakeNamingStrategy } from '../src/platform/database/snake-naming.strategy.js';
import { writeCsv } from '../src/platform/spreadsheet/spreadsheet.js';
import { regions } from '../src/reference/regions.js';
import { startWorkerNodeFlags } from './proc-stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MB = Number(process.env.BENCH_IMPORT_MB ?? 63);
const SERVER = new URL(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const DB = 'im_bench_import_memory';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `imimport-${randomBytes(3).toString('hex')}`;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (...a: unknown[]) => console.log(`[bench:import-memory ${new Date().toISOString().slice(11, 19)}]`, ...a);
/** As `npm run start:worker` starts a worker (its heap cap): the settings a user gets. */
const WORKER_FLAGS = startWorkerNodeFlags();
const children = new Set<ChildProcess>();
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** The application as `npm run build` compiles it (tsc + the assets nest-cli.json lists), in a private directory. */
function build(): string {
  const out = `${os.tmpdir()}/investmatch-import-memory-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (!existsSync(`${out}/src/worker.js`)) throw new Error('build failed');
  const nest = JSON.parse(readFileSync(`${ROOT}nest-cli.json`, 'utf8')) as {
    sourceRoot: string;
    compilerOptions: { assets?: Array<{ include: string }> };
  };
  const files = (readdirSync(`${ROOT}${nest.sourceRoot}`, { recursive: true }) as string[]).map((f) => f.replaceAll('\\', '/'));
  for (const a of nest.compilerOptions.assets ?? []) {
    const re = new RegExp(
      `^${a.include
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '(.*/)?')
        .replace(/\*\*/g, '.*')
        .replace(/(?<!\.)\*/g, '[^/]*')}$`,
    );
    for (const f of files.filter((x) => re.test(x)))
      cpSync(`${ROOT}${nest.sourceRoot}/${f}`, `${out}/${nest.sourceRoot}/${f}`, { recursive: true });
  }
  writeFileSync(`${out}/package.json`, JSON.stringify({ type: 'module' }));
  symlinkSync(`${ROOT}node_modules`, `${out}/node_modules`);
  process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  return out;
}

const HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '行业代码',
  '注册地区划代码',
  '意向投资地区代码',
  '最低投资额（万元）',
  '最高投资额（万元）',
  '企业规模',
  '资质认定',
  '用地需求（亩）',
  '企业简介',
  '联系人',
  '联系电话',
  '联系邮箱',
];

async function main(): Promise<void> {
  const load0 = os.loadavg().map((x) => round(x, 2));
  const dist = build();
  log('built', dist);
  const admin = new pg.Client({ connectionString: SERVER.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  const dbUrl = Object.assign(new URL(SERVER.toString()), { pathname: `/${DB}` }).toString();
  const ds = await new DataSource({
    type: 'postgres',
    url: dbUrl,
    entities: allEntities,
    migrations: allMigrations,
    namingStrategy: new SnakeNamingStrategy(),
  }).initialize();
  await ds.runMigrations({ transaction: 'each' });
  const [bureau] = await ds.query(`INSERT INTO bureau (name, region_code) VALUES ('河南省投资促进局', '410000') RETURNING id`);
  const [user] = await ds.query(
    `INSERT INTO app_user (email, name, role, bureau_id) VALUES ('bench@example.com', '导入专员', 'officer', $1) RETURNING id`,
    [bureau.id],
  );
  await ds.destroy();
  const actor: Actor = {
    userId: user.id,
    email: 'bench@example.com',
    name: '导入专员',
    role: 'officer',
    bureauId: bureau.id,
    regionScope: '410000',
    enterpriseId: null,
  };

  const counties = regions()
    .subtree('410000')
    .filter((c) => regions().get(c)!.level === 3);
  const rows: string[][] = [];
  let bytes = 0;
  for (let k = 0; bytes < MB * 2 ** 20 - 4096; k++) {
    const home = counties[k % counties.length];
    const row = [
      makeUscc(home, 20_000_000 + k),
      `河南${['中原', '豫丰', '嵩岳', '黄河', '伏牛'][k % 5]}${k}号科技有限公司`,
      ['C1351', 'C1311 A0313', 'C3821'][k % 3],
      home,
      counties[(k * 7) % counties.length],
      String(1000 + (k % 50) * 100),
      String(20_000 + (k % 50) * 1000),
      ['小型', '中型', '大型'][k % 3],
      ['', '高新技术企业', '产教融合型企业'][k % 3],
      String(50 + (k % 200)),
      '专业从事农副食品精深加工与冷链物流，拟在中原地区扩大产能。',
      '王经理',
      `138${String(10_000_000 + k).slice(0, 8)}`,
      `contact${k}@example.com`,
    ];
    bytes += Buffer.byteLength(row.join(',')) + 2;
    rows.push(row);
  }
  const file = writeCsv(HEADERS, rows);
  rows.length = 0;
  log(`CSV: ${(file.length / 2 ** 20).toFixed(1)} MiB`);

  const worker = spawn(process.execPath, [...WORKER_FLAGS, `${dist}/src/worker.js`], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      SECRET_KEY: randomBytes(24).toString('hex'),
      DATABASE_URL: dbUrl,
      REDIS_URL,
      QUEUE_PREFIX: PREFIX,
      MATCHING_SCHEDULE: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(worker);
  let out = '';
  worker.stdout!.on('data', (c) => (out = (out + c).slice(-10_000)));
  worker.stderr!.on('data', (c) => (out = (out + c).slice(-10_000)));
  await sleep(8000);
  if (worker.exitCode !== null) throw new Error(`worker exited: ${out}`);
  const idleRss = status(worker.pid!, 'VmRSS');

  const config = loadConfig({
    DATABASE_URL: dbUrl,
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    WORKERS: 'false',
    LOG_LEVEL: 'warn',
    IMPORT_SYNC_MAX_BYTES: '1024',
  });
  const ctx = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'bench'), { logger: ['error', 'warn'] });
  await ctx.init();
  const imports = ctx.get(ImportsService);
  const t0 = performance.now();
  const { job } = await imports.upload(actor, 'enterprises', { buffer: file, originalname: 'enterprises.csv', size: file.length }, false);
  let peak = 0;
  let j = job;
  for (;;) {
    peak = Math.max(peak, status(worker.pid!, 'VmRSS'));
    j = await imports.get(actor, job.id);
    if (['completed', 'rejected', 'failed'].includes(j.status)) break;
    if (worker.exitCode !== null) throw new Error(`worker died: ${out}`);
    await sleep(200);
  }
  const seconds = (performance.now() - t0) / 1000;
  const hwm = status(worker.pid!, 'VmHWM');
  const result = {
    benchmark:
      'a worker process (built dist/src/worker.js, default settings: no NODE_OPTIONS, the node flags of npm run start:worker) running one CSV import job of enterprises',
    workerNodeFlags: WORKER_FLAGS,
    fileMiB: round(file.length / 2 ** 20),
    rows: j.totalRows,
    status: j.status,
    created: j.createdCount,
    seconds: round(seconds),
    workerIdleRssMb: idleRss,
    workerPeakRssMb: Math.max(peak, hwm),
    goal: { workerPeakRssMb: '<= 512' },
    met: Math.max(peak, hwm) <= 512,
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadavgBefore: load0,
      loadavgAfter: os.loadavg().map((x) => round(x, 2)),
      note: 'a 2-core machine shared with other engineers working in parallel',
    },
    generatedAt: new Date().toISOString(),
  };
  log(result);
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/import-memory.json`, `${JSON.stringify(result, null, 2)}\n`);
  await ctx.close();
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
