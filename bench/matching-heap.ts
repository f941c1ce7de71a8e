/**
 * Where a matching worker's memory goes: runs the full re-match's unit of work (MatchingEngine.
 * matchEnterprises over chunks of 1,000 enterprise ids, two at a time, as a worker with
 * MATCHING_FULL_CONCURRENCY=2 does) in a child process, once with Node's default heap limit and
 * once per cap in BENCH_HEAP_CAPS_MB (default 256 and 384), and reports peak RSS, peak heap, the
 * heap still live after a full GC, and the time. No BullMQ, no notifications: only the matching.
 *
 * Needs the database `npm run bench:matching` leaves behind (BENCH_DB, default im_bench_matching),
 * with its matches stored (the chunks then write nothing: the steady state, which still peaks high).
 * Writes bench/results/matching-heap.json.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import v8 from 'node:v8';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SERVER = new URL(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const DB = process.env.BENCH_DB ?? 'im_bench_matching';
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 30);
const CAPS = (process.env.BENCH_HEAP_CAPS_MB ?? '256,384').split(',').map(Number);
const mb = (x: number) => Math.round(x / 1e5) / 10;

async function probe(): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module.js');
  const { MatchingEngine } = await import('../src/matching/matching.engine.js');
  const { loadConfig } = await import('../src/platform/config/config.js');
  const url = new URL(SERVER.toString());
  url.pathname = `/${DB}`;
  const config = loadConfig({ DATABASE_URL: url.toString(), WORKERS: 'false', LOG_LEVEL: 'warn', QUEUE_PREFIX: 'bench-heap' });
  const ctx = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'bench'), { logger: ['error', 'warn'] });
  await ctx.init();
  const engine = ctx.get(MatchingEngine);
  const idleRss = process.memoryUsage().rss;
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const t = performance.now();
  let next = 0;
  let pairs = 0;
  let written = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < CHUNKS) {
        const c = next++;
        const s = await engine.matchEnterprises({ from: c * 1000 + 1, to: (c + 1) * 1000 });
        pairs += s.candidates;
        written += s.written + s.eligibilityWritten;
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  sample();
  clearInterval(timer);
  (globalThis as { gc?: () => void }).gc?.();
  const live = process.memoryUsage().heapUsed;
  await ctx.close();
  console.log(
    JSON.stringify({
      chunks: CHUNKS,
      pairsScored: pairs,
      rowsWritten: written,
      seconds: Math.round(seconds * 100) / 100,
      idleRssMb: mb(idleRss),
      peakRssMb: mb(peak.rss),
      peakHeapUsedMb: mb(peak.heapUsed),
      liveHeapAfterGcMb: mb(live),
      heapLimitMb: mb(v8.getHeapStatistics().heap_size_limit),
    }),
  );
}

function run(cap: number | null): Record<string, unknown> {
  const flags = [
    '--expose-gc',
    ...(cap ? [`--max-old-space-size=${cap}`] : []),
    '--import',
    './test/support/ts-register.mjs',
    fileURLToPath(import.meta.url),
    '--probe',
  ];
  const r = spawnSync(process.execPath, flags, {
    cwd: fileURLToPath(new URL('../', import.meta.url)),
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`probe (cap ${cap ?? 'none'}) failed:\n${r.stdout}\n${r.stderr}`);
  return { maxOldSpaceSizeMb: cap ?? "Node's default", ...JSON.parse(line) };
}

if (process.argv.includes('--probe')) {
  await probe();
} else {
  const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
  const out = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAtStart: load() },
    database: DB,
    runs: [] as Array<Record<string, unknown>>,
  };
  for (const cap of [null, ...CAPS]) {
    const r = run(cap);
    console.log(r);
    out.runs.push(r);
  }
  (out.machine as Record<string, unknown>).loadAtEnd = load();
  writeFileSync(new URL('./results/matching-heap.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
  console.log('→ bench/results/matching-heap.json');
}
