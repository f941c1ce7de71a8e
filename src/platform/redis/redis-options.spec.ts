import { Cluster } from 'ioredis';
import { ConfigError, loadConfig } from '../config/config.js';
import { bullConnection, isClusterClient, parseNodes, queuePrefix, redisTopology } from './redis-options.js';

describe('Redis topology from the configuration', () => {
  it('reads cluster seed nodes and Sentinels as host:port lists (a bare host is port 6379)', () => {
    expect(parseNodes('10.0.0.1:7000, redis-b:7001,redis-c')).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 7001 },
      { host: 'redis-c', port: 6379 },
    ]);
    expect(parseNodes('[::1]:7000')).toEqual([{ host: '::1', port: 7000 }]);
    expect(() => parseNodes('a:99999')).toThrow(/host:port/);
  });

  it('takes credentials and TLS for every cluster node and the Sentinel master from REDIS_URL', () => {
    const cluster = redisTopology({
      REDIS_URL: 'rediss://app:s%40cret@ignored:1/2',
      REDIS_CLUSTER_NODES: 'n1:7000,n2:7000',
      REDIS_SENTINEL_NAME: 'mymaster',
      QUEUE_PREFIX: 'im',
    });
    expect(cluster).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'n1', port: 7000 },
        { host: 'n2', port: 7000 },
      ],
      redisOptions: { username: 'app', password: 's@cret', tls: {} },
    });
    const sentinel = redisTopology({
      REDIS_URL: 'redis://:pw@ignored/3',
      REDIS_SENTINELS: 's1:26379,s2:26379',
      REDIS_SENTINEL_NAME: 'im-master',
      QUEUE_PREFIX: 'im',
    });
    expect(sentinel).toEqual({
      kind: 'sentinel',
      options: {
        password: 'pw',
        db: 3,
        sentinels: [
          { host: 's1', port: 26379 },
          { host: 's2', port: 26379 },
        ],
        name: 'im-master',
      },
    });
    expect(redisTopology({ REDIS_URL: 'redis://h:6380', REDIS_SENTINEL_NAME: 'mymaster', QUEUE_PREFIX: 'im' }).kind).toBe('single');
  });

  it('makes the queue prefix a hash tag on a cluster, keeps a configured tag, leaves a single Redis as it was', () => {
    expect(queuePrefix({ QUEUE_PREFIX: 'im' })).toBe('im');
    expect(queuePrefix({ QUEUE_PREFIX: 'im', REDIS_CLUSTER_NODES: 'n1:7000' })).toBe('{im}');
    expect(queuePrefix({ QUEUE_PREFIX: '{im}', REDIS_CLUSTER_NODES: 'n1:7000' })).toBe('{im}');
    expect(queuePrefix({ QUEUE_PREFIX: 'prod{im}' })).toBe('prod{im}');
  });

  it('hands BullMQ a Cluster client only for a cluster (options otherwise)', () => {
    const base = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_SENTINEL_NAME: 'mymaster', QUEUE_PREFIX: 'im' };
    const c = bullConnection({ ...base, REDIS_CLUSTER_NODES: '127.0.0.1:7000' });
    expect(c).toBeInstanceOf(Cluster);
    expect(isClusterClient(c)).toBe(true);
    (c as Cluster).disconnect();
    expect(isClusterClient(bullConnection(base))).toBe(false);
  });

  it('refuses malformed node lists, a prefix with two tags, and Cluster with Sentinel together', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:b' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:1', REDIS_SENTINELS: 'b:2' })).toThrow(/REDIS_SENTINELS/);
    expect(() => loadConfig({ QUEUE_PREFIX: '{a}{b}' })).toThrow(/QUEUE_PREFIX/);
    expect(loadConfig({ QUEUE_PREFIX: '{im}' }).QUEUE_PREFIX).toBe('{im}');
  });
});
