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
