import { hostname } from 'node:os';
import type { ConnectionOptions } from 'bullmq';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

/** Connection settings shared by ioredis clients and BullMQ. */
export interface RedisConnectionSettings {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
}

/** Connection settings from a redis:// or rediss:// URL. */
export function redisConnectionOptions(redisUrl: string): RedisConnectionSettings {
  const u = new URL(redisUrl);
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db: Number.isFinite(db) ? db : 0,
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** Where a redis URL points, without credentials, for messages. */
export function redisTarget(redisUrl: string): string {
  const u = new URL(redisUrl);
  return `${u.hostname || '127.0.0.1'}:${u.port || 6379}`;
}

/** What of the configuration says which Redis the platform uses (see the README, "Redis Cluster and Sentinel"). */
export interface RedisTopologyConfig {
  REDIS_URL: string;
  /** "host:port,host:port…": seed nodes of a Redis Cluster (credentials and TLS from REDIS_URL). */
  REDIS_CLUSTER_NODES?: string;
  /** "host:port,host:port…": Sentinels that know the master named REDIS_SENTINEL_NAME. */
  REDIS_SENTINELS?: string;
  REDIS_SENTINEL_NAME: string;
  QUEUE_PREFIX: string;
}

export type RedisTopology =
  | { kind: 'single'; options: RedisConnectionSettings }
  | { kind: 'sentinel'; options: RedisOptions }
  | { kind: 'cluster'; nodes: Array<{ host: string; port: number }>; redisOptions: RedisOptions };

/** "host:port,host:port" → nodes; a bare host gets 6379. Throws on a malformed entry (config validation uses it). */
export function parseNodes(list: string): Array<{ host: string; port: number }> {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(s);
      const port = m?.[2] ? Number(m[2]) : 6379;
      if (!m || port < 1 || port > 65535) throw new Error(`"${s}" is not host:port`);
      return { host: m[1].replace(/^\[|\]$/g, ''), port };
    });
}

export function redisTopology(c: RedisTopologyConfig): RedisTopology {
  const base = redisConnectionOptions(c.REDIS_URL);
  const { host: _h, port: _p, db, ...auth } = base;
  if (c.REDIS_CLUSTER_NODES) return { kind: 'cluster', nodes: parseNodes(c.REDIS_CLUSTER_NODES), redisOptions: { ...auth } };
  if (c.REDIS_SENTINELS)
    return { kind: 'sentinel', options: { ...auth, db, sentinels: parseNodes(c.REDIS_SENTINELS), name: c.REDIS_SENTINEL_NAME } };
  return { kind: 'single', options: base };
}

/**
 * The key prefix of every BullMQ queue. On a Redis Cluster each of BullMQ's Lua scripts and a flow
 * (parent and children, possibly on several queues) touch many keys at once, which must all live in
 * one hash slot: the prefix is then a hash tag (`{im}`), so every queue of the platform shares the
 * slot. A QUEUE_PREFIX that already holds a tag (`{im}`, `app{im}`) is used as it is; without a
 * cluster an untagged prefix stays as configured (existing keys keep their names).
 */
export function queuePrefix(c: Pick<RedisTopologyConfig, 'QUEUE_PREFIX' | 'REDIS_CLUSTER_NODES'>): string {
  if (/\{[^{}]+\}/.test(c.QUEUE_PREFIX)) return c.QUEUE_PREFIX;
  return c.REDIS_CLUSTER_NODES ? `{${c.QUEUE_PREFIX}}` : c.QUEUE_PREFIX;
}

/** A new ioredis client (a Cluster when REDIS_CLUSTER_NODES is set) with these per-connection options. */
export function createRedis(c: RedisTopologyConfig, extra: RedisOptions = {}, cluster: ClusterOptions = {}): Redis | Cluster {
  const t = redisTopology(c);
  if (t.kind === 'cluster') {
    const { enableOfflineQueue, ...perNode } = extra;
    return new Cluster(t.nodes, {
      ...cluster,
      ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
      ...(extra.lazyConnect ? { lazyConnect: true } : {}),
      redisOptions: { ...t.redisOptions, ...perNode },
    });
  }
  return new Redis({ ...t.options, ...extra });
}

/**
 * The `connection` BullMQ is given: plain options for one Redis or a Sentinel set (BullMQ opens
 * its own connections from them), a Cluster client for a cluster (BullMQ cannot build one from
 * options; it duplicates it for its blocking connection). Whoever asks for a cluster client
 * closes it after the queue or worker that uses it.
 */
export function bullConnection(c: RedisTopologyConfig, extra: RedisOptions = {}): ConnectionOptions {
  const t = redisTopology(c);
  if (t.kind === 'cluster') {
    const { enableOfflineQueue, ...perNode } = extra;
    return new Cluster(t.nodes, {
      ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
      redisOptions: { ...t.redisOptions, ...perNode, maxRetriesPerRequest: null },
    }) as unknown as ConnectionOptions;
  }
  return { ...t.options, ...extra } as ConnectionOptions;
}

/** Whether BullMQ was handed a Cluster client (which its user must close). */
export function isClusterClient(c: ConnectionOptions): c is ConnectionOptions & Cluster {
  return c instanceof Cluster;
}

/** This process's name in BullMQ (a job's `processedBy`): WORKER_NAME, else host:pid. */
export function workerName(configured?: string): string {
  return configured || `${hostname()}:${process.pid}`;
}
