import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import type { Actor } from '../src/access/actor.js';
import { migrate } from '../src/cli/migrate.js';
import { EnterpriseCertification } from '../src/enterprises/enterprise-certification.entity.js';
import { Enterprise } from '../src/enterprises/enterprise.entity.js';
import { registerEnterpriseSchema } from '../src/enterprises/enterprise.schemas.js';
import { derived, EnterprisesService } from '../src/enterprises/enterprises.service.js';
import { makeUscc } from '../src/enterprises/uscc.js';
import { assemble, mapHeaders } from '../src/imports/columns.js';
import { ENTERPRISE_COLUMNS } from '../src/imports/kinds/enterprises.js';
import { ImportsService } from '../src/imports/imports.service.js';
import { readCsv, writeCsv } from '../src/platform/spreadsheet/spreadsheet.js';
import { loadConfig } from '../src/platform/config/config.js';
import { parseSafe } from '../src/platform/validation/zod-validation.js';
import { regions } from '../src/reference/regions.js';

/**
 * `npm run bench:import`: BENCH_ROWS enterprises (default 100,000) from a CSV through the real
 * import (read, every row validated with the API's schema, region check, duplicates, existing
 * USCCs, bulk write with certifications and matching triggers, in one transaction) — against a
 * row-by-row ORM save of the same kind of rows measured in the same run on a sample
 * (BENCH_ORM_SAMPLE, default 2,000) and extrapolated: TypeORM `manager.save()` of each entity and
 * its certifications, one transaction per row (the naive importer), and, for reference, the
 * API's own EnterprisesService.register per row.
 *
 * Env: BENCH_ROWS, BENCH_ORM_SAMPLE, DATABASE_URL's server (a scratch database is created and
 * dropped). Writes bench/results/import.json.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SAMPLE = Number(process.env.BENCH_ORM_SAMPLE ?? 2_000);
const root = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../' : '../', import.meta.url));
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const log = (...a: unknown[]) => console.log(`[bench:import ${new Date().toISOString().slice(11, 19)}]`, ...a);

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
const INDUSTRIES = ['C1351', 'C1311 A0313', 'C3821', 'C2710', 'G5951', 'C1351 C1352'];
const SIZES = ['小型', '中型', '大型', '微型'];
const CERTS = ['', '高新技术企业', '产教融合型企业', '专精特新中小企业 高新技术企业', ''];

function rows(n: number, offset: number, counties: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const k = offset + i;
    const home = counties[k % counties.length];
    out.push([
      makeUscc(home, 10_000_000 + k),
      `河南${['中原', '豫丰', '嵩岳', '黄河', '伏牛'][k % 5]}${k}号科技有限公司`,
      INDUSTRIES[k % INDUSTRIES.length],
      home,
      counties[(k * 7) % counties.length],
      String(1000 + (k % 50) * 100),
      String(20_000 + (k % 50) * 1000),
      SIZES[k % 4],
      CERTS[k % CERTS.length],
      String(50 + (k % 200)),
      '专业从事农副食品精深加工与冷链物流，拟在中原地区扩大产能。',
      '王经理',
      `138${String(10_000_000 + (k % 89_999_999)).slice(0, 8)}`,
      `contact${k}@example.com`,
    ]);
  }
  return out;
}

async function main(): Promise<void> {
  const base = loadConfig();
  const dbName = `investmatch_bench_import_${process.pid}`;
  const server = new URL(base.DATABASE_URL);
  const dbUrl = Object.assign(new URL(server), { pathname: `/${dbName}` }).toString();
  const admin = new pg.Client({ connectionString: Object.assign(new URL(server), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const load0 = loadavg();
  const counties = regions()
    .subtree('410000')
    .filter((c) => regions().get(c)!.level === 3);
  await migrate('run', dbUrl);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: dbUrl,
    WORKERS: 'false',
    LOG_LEVEL: 'warn',
    IMPORT_SYNC_MAX_BYTES: String(1024 ** 3),
    IMPORT_MAX_BYTES: String(1024 ** 3),
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'bench'), { logger: ['error', 'warn'] });
  try {
    const ds = app.get(DataSource);
    const [bureau] = await ds.query(`INSERT INTO bureau (name, region_code) VALUES ('河南省投资促进局', '410000') RETURNING id`);
    const [user] = await ds.query(
      `INSERT INTO app_user (email, name, role, bureau_id) VALUES ('bench@example.com', '导入专员', 'officer', $1) RETURNING id`,
      [bureau.id],
    );
    const actor: Actor = {
      userId: user.id,
      email: 'bench@example.com',
      name: '导入专员',
      role: 'officer',
      bureauId: bureau.id,
      regionScope: '410000',
      enterpriseId: null,
    };

    const file = writeCsv(HEADERS, rows(ROWS, 0, counties));
    log(`CSV: ${ROWS.toLocaleString()} enterprises, ${(file.length / 2 ** 20).toFixed(1)} MiB`);

    // the same kind of rows, parsed and validated the same way, for the row-by-row baselines
    const sample = readCsv(writeCsv(HEADERS, rows(SAMPLE * 2, ROWS, counties)));
    const map = mapHeaders(sample.headers, ENTERPRISE_COLUMNS);
    const inputs = sample.rows.map((r) => {
      const p = parseSafe(registerEnterpriseSchema, assemble(r.cells, map).input);
      if (!p.ok) throw new Error(JSON.stringify(p.errors));
      return p.value;
    });
    /** TypeORM manager.save() of each entity and its certifications, one transaction per row (the naive importer). */
    const ormSave = async (batch: typeof inputs): Promise<number> => {
      const t = process.hrtime.bigint();
      for (const input of batch) {
        await ds.transaction(async (m) => {
          const { certifications, ...profile } = input;
          const e = await m.save(
            Enterprise,
            m.create(Enterprise, {
              ...profile,
              ...derived(profile),
              pendingCertifications: certifications.map((c) => c.kind),
              verifiedCertifications: [],
            }),
          );
          for (const c of certifications)
            await m.save(EnterpriseCertification, m.create(EnterpriseCertification, { enterpriseId: e.id, kind: c.kind }));
        });
      }
      return Number(process.hrtime.bigint() - t) / 1e9;
    };
    // half of the ORM sample before the import and half after, so both see the same machine
    const half = Math.floor(SAMPLE / 2);
    const ormBefore = await ormSave(inputs.slice(0, half));

    // the real import (as POST /imports/enterprises processes it)
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const { job } = await app
      .get(ImportsService)
      .upload(actor, 'enterprises', { buffer: file, originalname: 'enterprises.csv', size: file.length }, false);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const nodeCpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (job.status !== 'completed' || job.createdCount !== ROWS)
      throw new Error(
        `import did not complete: ${JSON.stringify({ status: job.status, created: job.createdCount, errors: job.errors.slice(0, 3) })}`,
      );
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM enterprise`);
    log(
      `import: ${seconds.toFixed(2)} s (${Math.round(ROWS / seconds).toLocaleString()} rows/s, Node CPU ${nodeCpuSeconds.toFixed(2)} s), ${n} enterprises in the database`,
    );

    const ormAfter = await ormSave(inputs.slice(half, SAMPLE));
    const ormPerRow = (ormBefore + ormAfter) / SAMPLE;
    const serviceRows = inputs.slice(SAMPLE, SAMPLE * 2);
    const t2 = process.hrtime.bigint();
    for (const input of serviceRows) await app.get(EnterprisesService).register(input);
    const servicePerRow = Number(process.hrtime.bigint() - t2) / 1e9 / SAMPLE;
    const ormSecondsEstimated = ormPerRow * ROWS;
    const serviceSecondsEstimated = servicePerRow * ROWS;
    log(
      `ORM save: ${(ormPerRow * 1000).toFixed(2)} ms/row → ${ormSecondsEstimated.toFixed(0)} s for ${ROWS.toLocaleString()}; EnterprisesService.register: ${(servicePerRow * 1000).toFixed(2)} ms/row`,
    );

    const out = {
      benchmark: 'POST /imports/enterprises (CSV) vs row-by-row ORM save, same run, same database',
      date: new Date().toISOString(),
      rows: ROWS,
      fileMiB: round(file.length / 2 ** 20),
      seconds: round(seconds),
      rowsPerSecond: Math.round(ROWS / seconds),
      /** CPU time of this Node process during the import (PostgreSQL works in parallel in its own process). */
      nodeCpuSeconds: round(nodeCpuSeconds),
      ormSampleRows: SAMPLE,
      ormMsPerRow: round(ormPerRow * 1000, 3),
      ormMsPerRowBeforeAfter: [round((ormBefore / half) * 1000, 3), round((ormAfter / (SAMPLE - half)) * 1000, 3)],
      ormSecondsEstimated: round(ormSecondsEstimated, 1),
      speedupVsOrm: round(ormSecondsEstimated / seconds, 1),
      serviceRegisterMsPerRow: round(servicePerRow * 1000, 3),
      serviceRegisterSecondsEstimated: round(serviceSecondsEstimated, 1),
      speedupVsServiceRegister: round(serviceSecondsEstimated / seconds, 1),
      goals: { seconds: '<= 15', speedupVsOrm: '>= 20' },
      met: { seconds: seconds <= 15, speedupVsOrm: ormSecondsEstimated / seconds >= 20 },
      notes:
        'import = read + per-row zod validation (registerEnterpriseSchema) + region check + duplicate/existing detection + bulk INSERT … jsonb_to_recordset with certifications and outbox matching triggers, one transaction; ORM = manager.save() of the entity and each certification, one transaction per row (sample, extrapolated)',
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memGb: round(totalmem() / 2 ** 30, 1),
        loadavgBefore: load0.map((x) => round(x)),
        loadavgAfter: loadavg().map((x) => round(x)),
        node: process.version,
      },
    };
    mkdirSync(`${root}bench/results`, { recursive: true });
    writeFileSync(`${root}bench/results/import.json`, JSON.stringify(out, null, 2) + '\n');
    log(`${out.seconds} s (goal ≤ 15), ${out.speedupVsOrm}× the ORM (goal ≥ 20) → bench/results/import.json`);
  } finally {
    await app.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
