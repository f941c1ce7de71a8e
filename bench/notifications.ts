import 'reflect-metadata';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { migrate } from '../src/cli/migrate.js';
import { makeUscc } from '../src/enterprises/uscc.js';
import type { MatchDigestData } from '../src/notifications/digest-data.js';
import { NotificationLinks } from '../src/notifications/links.js';
import { poolOptions } from '../src/notifications/mail-transport.js';
import { messageIdFor, NotificationsService, type EnqueueInput } from '../src/notifications/notifications.service.js';
import { matchDigestTemplate } from '../src/notifications/templates/match-digest.js';
import { renderMessage } from '../src/notifications/templates/registry.js';
import { loadConfig, type AppConfig } from '../src/platform/config/config.js';
import { regions } from '../src/reference/regions.js';

/**
 * `npm run bench:notifications`: N match e-mails (default 10,000) through the whole pipeline —
 * notification rows + outbox in PostgreSQL → relay → BullMQ (with the global limiter) → sender job
 * (claim, send-time preference check, render, pooled SMTP, record) → a local SMTP sink in its own
 * process — against raw pooled nodemailer rendering and sending the same messages to the same sink
 * in the same run, with nothing else (measured before and after the pipeline; the mean is the baseline).
 *
 * Env: BENCH_MESSAGES (10000), BENCH_WARMUP (300), MAIL_CONCURRENCY (128), SMTP_POOL_SIZE (5),
 * MAIL_RATE_PER_SECOND (100000: the limiter stays in the path but does not cap), DATABASE_URL's
 * server (a scratch database is created and dropped), REDIS_URL (a private key prefix).
 * Writes bench/results/notifications.json.
 */
const N = Number(process.env.BENCH_MESSAGES ?? 10_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** CPU time (ms) a local process has used so far (Linux /proc; 0 elsewhere). */
async function pidCpuMs(pid: number): Promise<number> {
  const { readFileSync } = await import('node:fs');
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time (ms) PostgreSQL spent in the backends serving this database (Linux /proc; 0 elsewhere). */
async function backendCpuMs(ds: DataSource): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const pids: Array<{ pid: number }> = await ds.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  let ticks = 0;
  for (const { pid } of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // not on this machine (remote database) or gone
    }
  }
  return ticks * 10;
}
const here = fileURLToPath(new URL('.', import.meta.url));

interface SinkStats {
  count: number;
  distinct: number;
  duplicates: number;
  firstAt: number;
  lastAt: number;
  cpuMs: number;
}

class Sink {
  private waiters = new Map<string, (m: any) => void>();
  private constructor(
    private readonly proc: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<Sink> {
    // run the sink from the same kind of file as this script: TypeScript through the loader, or compiled JS
    const file = import.meta.url.endsWith('.ts') ? 'notifications-sink.ts' : 'notifications-sink.js';
    const proc = fork(new URL(file, import.meta.url), [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve) => proc.once('message', (m: any) => resolve(m.port)));
    const s = new Sink(proc, port);
    proc.on('message', (m: any) => {
      const w = s.waiters.get(m.type);
      s.waiters.delete(m.type);
      w?.(m);
    });
    return s;
  }

  private ask<T>(type: string): Promise<T> {
    return new Promise((resolve) => {
      this.waiters.set(type, resolve);
      this.proc.send({ type });
    });
  }

  stats = () => this.ask<SinkStats>('stats');
  reset = () => this.ask('reset');

  async until(n: number, timeoutMs = 600_000): Promise<SinkStats> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = await this.stats();
      if (s.count >= n) return s;
      if (Date.now() > deadline) throw new Error(`sink received ${s.count} of ${n}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  stop(): void {
    this.proc.send({ type: 'stop' });
  }
}

function digestData(i: number): MatchDigestData {
  const inc = (k: number) => ({
    id: k,
    title: ['项目审批绿色通道', '产教融合型企业财政奖补', '固定资产投资贷款贴息'][k % 3],
    kind: (['fast_track', 'subsidy', 'loan'] as const)[k % 3],
    policyTitle: '河南省产教融合型企业组合式激励政策',
    documentNumber: '豫发改社会〔2023〕1号',
    grantedWithoutApplication: k % 3 === 0,
  });
  return {
    period: 'daily',
    enterpriseName: `河南测试企业${i}有限公司`,
    matches: [0, 1, 2].map((k) => ({
      id: i * 3 + k + 1,
      score: 90 - k * 7,
      improved: k === 2,
      projectTitle: ['尉氏县生猪现代农业产业园', '开封市冷链物流园', '洛阳智能制造产业园'][k],
      region: regions().fullName(['410223', '410200', '410300'][k]),
      investmentYuan: [500_000_000, 120_000_000, 2_300_000_000][k],
      landMu: [300, 85.5, null][k],
      reasons: ['行业相符：生猪养殖 × 屠宰加工', '投资规模在意向范围内', '项目所在地是意向投资地区'],
      incentives: [inc(k), inc(k + 1)],
    })),
    incentives: i % 4 === 0 ? [inc(0)] : [],
  };
}

async function main(): Promise<void> {
  const base = loadConfig();
  const dbName = `im_bench_notif_${Date.now().toString(36)}`;
  const dbUrl = new URL(base.DATABASE_URL);
  dbUrl.pathname = `/${dbName}`;
  const prefix = `imb-${randomBytes(3).toString('hex')}`;
  const load0 = loadavg();
  const sink = await Sink.start();
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    SECRET_KEY: process.env.SECRET_KEY ?? randomBytes(32).toString('hex'),
    DATABASE_URL: dbUrl.toString(),
    QUEUE_PREFIX: prefix,
    WORKERS: 'true',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    MAIL_CONCURRENCY: process.env.MAIL_CONCURRENCY ?? '128',
    MAIL_RATE_PER_SECOND: process.env.MAIL_RATE_PER_SECOND ?? '100000',
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const config: AppConfig = loadConfig(env);
  console.log(
    `notifications benchmark: ${N} messages, database ${dbName}, sink :${sink.port}, pool ${config.SMTP_POOL_SIZE}, concurrency ${config.MAIL_CONCURRENCY}`,
  );
  await migrate('run', config.DATABASE_URL);

  // recipients: N enterprises (the sender resolves each one's contact address and preferences)
  const admin = new pg.Client({ connectionString: config.DATABASE_URL });
  await admin.connect();
  const ids: number[] = [];
  for (let off = 0; off < N; off += 5000) {
    const n = Math.min(5000, N - off);
    const usccs = Array.from({ length: n }, (_, k) => makeUscc('410223', 10_000_000 + off + k));
    const rows = await admin.query(
      `INSERT INTO enterprise (uscc, name, home_region_code, home_region_path, contacts, notification_frequency)
       SELECT u, '河南测试企业' || (${off} + n) || '有限公司', '410223', '{410000,410200,410223}',
              jsonb_build_array(jsonb_build_object('name', '联系人', 'email', 'bench-' || (${off} + n) || '@example.com')), 'daily'
       FROM unnest($1::char(18)[]) WITH ORDINALITY AS x(u, n) ORDER BY n RETURNING id`,
      [usccs],
    );
    ids.push(...rows.rows.map((r: { id: number }) => r.id));
  }
  await admin.end();

  // raw pooled nodemailer: the same messages, rendered beforehand, to the same sink
  const links = new NotificationLinks(config, { now: () => new Date() } as never);
  // what a sender without the pipeline does: render the template, send it over the pooled transport
  const message = (i: number) => {
    const key = `bench-raw:${i}`;
    const unsubscribeUrl = links.unsubscribeUrl({ kind: 'enterprise', id: ids[i % N] }, 'match');
    const r = renderMessage('match-digest', digestData(i) as never, {
      lang: 'zh-CN',
      baseUrl: config.PUBLIC_BASE_URL,
      recipientName: `河南测试企业${i}有限公司`,
      unsubscribeUrl,
      preferencesUrl: links.preferencesUrl({ kind: 'enterprise', id: ids[i % N] }),
    });
    return {
      to: { name: `河南测试企业${i}有限公司`, address: `bench-${i}@example.com` },
      ...r,
      messageId: messageIdFor(key, config.MAIL_FROM),
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'X-InvestMatch-Notification': String(i),
      },
    };
  };
  const datas = Array.from({ length: N + WARMUP }, (_, i) => i);
  const rawRun = async (from: number, count: number) => {
    const transport = nodemailer.createTransport(poolOptions(config), { from: config.MAIL_FROM });
    await sink.reset();
    const sinkCpu0 = (await sink.stats()).cpuMs;
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    await Promise.all(
      datas.slice(from, from + count).map(async (i) => {
        const deadline = new AbortController();
        const timer = setTimeout(() => deadline.abort(), config.MAIL_SEND_TIMEOUT_MS);
        await transport.sendMail({ ...message(i), signal: deadline.signal }).finally(() => clearTimeout(timer));
      }),
    );
    const s = await sink.until(count);
    const ms = Date.now() - t0;
    transport.close();
    const cpu = process.cpuUsage(cpu0);
    return {
      ms,
      perSecond: Math.round((count / ms) * 1000 * 10) / 10,
      received: s.count,
      cpuMsPerMessage: { sender: round3((cpu.user + cpu.system) / 1000 / count), sink: round3((s.cpuMs - sinkCpu0) / count) },
    };
  };
  const skipRaw = process.env.BENCH_RAW === '0'; // profiling the pipeline alone
  if (!skipRaw) await rawRun(N, WARMUP); // warm-up: JIT, connections
  const raw1 = skipRaw ? { ms: 1, perSecond: 1, received: 0, cpuMsPerMessage: { sender: 0, sink: 0 } } : await rawRun(0, N);
  console.log(`raw nodemailer (before): ${raw1.perSecond}/s`);

  const input = (i: number, key: string): EnqueueInput<unknown> => ({
    template: matchDigestTemplate as never,
    recipient: { enterpriseId: ids[i % N] },
    data: digestData(i),
    dedupeKey: key,
    category: 'match',
  });

  /**
   * The pipeline, deployed two ways: everything in one process (WORKERS=true: relay, workers,
   * sender — like the API process of the demo), or an API-like process that only enqueues
   * (WORKERS=false) plus one worker process (src/worker.ts: relay and sender), as `npm run
   * start:worker` runs it.
   */
  async function pipelineRun(mode: 'in-process' | 'worker-process', tag: string) {
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot(mode === 'in-process' ? config : { ...config, WORKERS: false }, 'bench'),
      { logger: ['error', 'warn'] },
    );
    await app.init();
    let worker: ChildProcess | undefined;
    if (mode === 'worker-process') {
      const ts = import.meta.url.endsWith('.ts');
      const entry = fileURLToPath(new URL(ts ? '../src/worker.ts' : '../src/worker.js', import.meta.url));
      worker = spawn(process.execPath, [...process.execArgv, entry], {
        env: { ...env, WORKERS: 'true' },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
    }
    const ds = app.get(DataSource);
    const svc = app.get(NotificationsService);
    const procCpuMs = () => (worker?.pid ? pidCpuMs(worker.pid) : 0);
    try {
      // warm-up through the pipeline too (and: the worker process is up)
      await sink.reset();
      await ds.transaction((m) =>
        svc.enqueueMany(
          m,
          Array.from({ length: WARMUP }, (_, i) => input(i, `${tag}-warm:${i}`)),
        ),
      );
      await sink.until(WARMUP);
      await new Promise((r) => setTimeout(r, 500));

      await sink.reset();
      const sinkCpu0 = (await sink.stats()).cpuMs;
      const pgCpu0 = await backendCpuMs(ds);
      const workerCpu0 = await procCpuMs();
      const cpu0 = process.cpuUsage();
      const t0 = Date.now();
      for (let off = 0; off < N; off += 1000) {
        const n = Math.min(1000, N - off);
        await ds.transaction((m) =>
          svc.enqueueMany(
            m,
            Array.from({ length: n }, (_, k) => input(off + k, `${tag}:${off + k}`)),
          ),
        );
      }
      const enqueueMs = Date.now() - t0;
      const s = await sink.until(N);
      const deliveredMs = Date.now() - t0;
      let recordedMs = 0;
      for (;;) {
        const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key LIKE $1 AND status = 'sent'`, [
          `${tag}:%`,
        ]);
        if (n >= N) {
          recordedMs = Date.now() - t0;
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      const cpu = process.cpuUsage(cpu0);
      const workerCpu = (await procCpuMs()) - workerCpu0;
      const pgCpu = (await backendCpuMs(ds)) - pgCpu0;
      const statuses = await ds.query(`SELECT status, count(*)::int AS n FROM notification WHERE dedupe_key LIKE $1 GROUP BY 1`, [
        `${tag}:%`,
      ]);
      const [updates] = await ds.query(
        `SELECT n_tup_upd::int AS updates, n_tup_hot_upd::int AS hot FROM pg_stat_user_tables WHERE relname = 'notification'`,
      );
      const processMs = (cpu.user + cpu.system) / 1000;
      return {
        perSecond: Math.round((N / deliveredMs) * 1000 * 10) / 10,
        deliveredMs,
        allRecordedSentMs: recordedMs,
        enqueueMs,
        sinkReceived: s.count,
        sinkDuplicates: s.duplicates,
        cpuMsPerMessage:
          mode === 'in-process'
            ? { pipelineProcess: round3(processMs / N), postgres: round3(pgCpu / N), sink: round3((s.cpuMs - sinkCpu0) / N) }
            : {
                enqueueingProcess: round3(processMs / N),
                workerProcess: round3(workerCpu / N),
                postgres: round3(pgCpu / N),
                sink: round3((s.cpuMs - sinkCpu0) / N),
              },
        statuses,
        notificationRowUpdatesSoFar: updates,
      };
    } finally {
      if (worker) {
        worker.kill('SIGTERM');
        await new Promise((r) => worker!.once('exit', r));
      }
      await app.close();
    }
  }

  const inProcess = await pipelineRun('in-process', 'bench');
  console.log(`pipeline, one process: ${inProcess.perSecond}/s`);
  const workerProcess = await pipelineRun('worker-process', 'bench-w');
  console.log(`pipeline, API + one worker process: ${workerProcess.perSecond}/s`);

  const raw2 = skipRaw ? raw1 : await rawRun(0, N);
  console.log(`raw nodemailer (after): ${raw2.perSecond}/s`);
  sink.stop();

  const rawPerSecond = Math.round(((raw1.perSecond + raw2.perSecond) / 2) * 10) / 10;
  const perSecond = inProcess.perSecond;
  const result = {
    messages: N,
    perSecond,
    rawPerSecond,
    ratioToRaw: Math.round((perSecond / rawPerSecond) * 1000) / 1000,
    goal: { perSecond: 300, ratioToRaw: 0.7 },
    /** The headline figures are the one-process deployment; the API + worker process one is below. */
    pipeline: inProcess,
    pipelineWithWorkerProcess: { ...workerProcess, ratioToRaw: Math.round((workerProcess.perSecond / rawPerSecond) * 1000) / 1000 },
    raw: { before: raw1, after: raw2 },
    settings: {
      smtpPoolSize: config.SMTP_POOL_SIZE,
      mailConcurrency: config.MAIL_CONCURRENCY,
      limiterPerSecond: config.MAIL_RATE_PER_SECOND,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      template: 'match-digest (3 matches, reasons, incentives), enterprise recipients resolved at send time',
      where:
        'pipeline: relay, BullMQ workers and sender in the benchmark process (headline), or in one src/worker.ts process with the benchmark only enqueueing; SMTP sink in its own process; PostgreSQL and Redis local',
    },
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      loadavgBefore: load0.map((x) => Math.round(x * 100) / 100),
      loadavgAfter: loadavg().map((x) => Math.round(x * 100) / 100),
      node: process.version,
    },
    at: new Date().toISOString(),
  };
  mkdirSync(`${here}/results`, { recursive: true });
  writeFileSync(`${here}/results/notifications.json`, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));

  // clean up: the scratch database and the Redis keys
  const cleanup = new pg.Client({ connectionString: base.DATABASE_URL.replace(/\/[^/]*$/, '/postgres') });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await cleanup.end();
  const { Redis } = await import('ioredis');
  const redis = new Redis(config.REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
