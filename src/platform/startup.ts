import pg from 'pg';
import { allMigrations } from '../../migrations/index.js';
import type { AppConfig } from './config/config.js';
import { createRedis, redisTarget } from './redis/redis-options.js';

/**
 * Before the app starts: PostgreSQL and Redis must answer, and the schema must be migrated.
 * Otherwise the process stops with one message saying what is missing and how to start it.
 */
export async function checkDependencies(config: AppConfig, opts: { requireSchema?: boolean } = {}): Promise<string | null> {
  const db = new URL(config.DATABASE_URL);
  const dbWhere = `${db.hostname}:${db.port || 5432}${db.pathname}`;
  // without the schema requirement (the demo creates the database), only the server must answer
  const probe = new URL(config.DATABASE_URL);
  if (opts.requireSchema === false) probe.pathname = '/postgres';
  const client = new pg.Client({ connectionString: probe.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    if (opts.requireSchema !== false) {
      const has = await client.query(`SELECT to_regclass('public.migrations') AS t`);
      const done = has.rows[0].t ? (await client.query('SELECT name FROM migrations')).rows.map((r: { name: string }) => r.name) : [];
      const pending = allMigrations.map((m) => m.name).filter((n) => !done.includes(n));
      if (pending.length) {
        return `Database ${dbWhere} is not migrated (${pending.length} pending). Run "npm run migration:run" (the demo command does it for you).`;
      }
    }
  } catch (err) {
    const e = err as { code?: string; message: string };
    if (e.code === '3D000') {
      return `Database ${dbWhere} does not exist. Create it with "createdb -h ${db.hostname} -U ${decodeURIComponent(db.username) || 'postgres'} ${db.pathname.slice(1)}" (the demo command does it for you).`;
    }
    return `Cannot reach PostgreSQL at ${dbWhere} (${e.code ?? e.message}). Start it with "docker compose up -d postgres", or the local service (e.g. "pg_ctlcluster 15 main start"), or set DATABASE_URL.`;
  } finally {
    await client.end().catch(() => undefined);
  }

  const redis = createRedis(
    config,
    { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 },
    { clusterRetryStrategy: () => null },
  );
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    const where = config.REDIS_CLUSTER_NODES
      ? `the cluster ${config.REDIS_CLUSTER_NODES}`
      : config.REDIS_SENTINELS
        ? `the Sentinels ${config.REDIS_SENTINELS}`
        : redisTarget(config.REDIS_URL);
    return `Cannot reach Redis at ${where} (${(err as Error).message}). Start it with "docker compose up -d redis", or the local service (e.g. "redis-server --daemonize yes"), or set REDIS_URL.`;
  } finally {
    redis.disconnect();
  }
  return null;
}
