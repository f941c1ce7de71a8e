import { join } from 'node:path';
import { tmpdir } from 'node:os';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { Clock, FakeClock } from '../../src/platform/clock/clock.js';
import { loadConfig, type AppConfig } from '../../src/platform/config/config.js';
import { configureHttp } from '../../src/platform/http/configure-http.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  clock: FakeClock | Clock;
  get<T>(token: { new (...args: never[]): T } | string | symbol): T;
  close(): Promise<void>;
}

/**
 * The real application on a fresh database (cloned from the migrated template) and a Redis key
 * prefix of its own, listening on a free port. Workers are off unless asked for.
 */
export async function startTestApp(opts: { env?: Record<string, string>; clock?: FakeClock; db?: TestDatabase } = {}): Promise<TestApp> {
  const db = opts.db ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `imt-${randomBytes(4).toString('hex')}`,
    WORKERS: 'false',
    PORT: '3999',
    STORAGE_DIR: join(tmpdir(), `investmatch-files-${randomBytes(4).toString('hex')}`),
    ...opts.env,
    DATABASE_URL: db.url,
  });
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, 'test')] });
  if (opts.clock) builder = builder.overrideProvider(Clock).useValue(opts.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: ['error', 'warn'] });
  configureHttp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    config,
    db,
    dataSource: app.get(DataSource),
    clock: opts.clock ?? app.get(Clock),
    get: (token) => app.get(token as never),
    close: async () => {
      await app.close();
      await clearQueuePrefix(config);
      if (!opts.db) await db.drop();
    },
  };
}

/** Removes a test's BullMQ keys from the shared Redis. */
export async function clearQueuePrefix(config: AppConfig): Promise<void> {
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // a test that stopped its own Redis has nothing to clear
  } finally {
    redis.disconnect();
  }
}

/** JSON over HTTP with the status, for readable assertions. */
export async function http<T = any>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}
