import { spawnSync, type ChildProcess } from 'node:child_process';
import { spawnOwned } from './owned-process.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A spare port whose cluster-bus port (port + 10000) is spare as well. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const p = 20_000 + Math.floor(Math.random() * 20_000);
    if (taken.has(p) || taken.has(p + 10_000)) continue;
    if ((await portFree(p)) && (await portFree(p + 10_000))) {
      taken.add(p);
      return p;
    }
  }
  throw new Error('no spare port pair for a cluster node');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Node directories of clusters not stopped yet: removed at exit too (the nodes die with this process, see owned-process.ts). */
const liveDirs = new Set<string>();
process.on('exit', () => {
  for (const d of liveDirs) rmSync(d, { recursive: true, force: true });
});

/** CRC16/XMODEM, what Redis Cluster hashes keys with. */
function crc16(buf: Buffer): number {
  let crc = 0;
  for (const b of buf) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The hash slot of a key (its {hash tag} when it has one). */
export function keySlot(key: string): number {
  const open = key.indexOf('{');
  if (open >= 0) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) key = key.slice(open + 1, close);
  }
  return crc16(Buffer.from(key)) % 16384;
}

/**
 * A private Redis Cluster of three masters (no replicas) on spare loopback ports, each node a
 * `redis-server --cluster-enabled yes` of this test's own with its own directory (AOF on, fsync
 * always: a node killed and started again comes back with its data, as a production node with
 * persistence does). Only these processes are ever stopped; they die with the process that started
 * them, however it ends (owned-process.ts), and their directory is removed at the end or at exit.
 */
export class PrivateRedisCluster {
  private readonly procs = new Map<number, ChildProcess>();
  private constructor(
    readonly ports: number[],
    readonly dir: string,
  ) {}

  static async start(masters = 3): Promise<PrivateRedisCluster> {
    const taken = new Set<number>();
    const ports: number[] = [];
    for (let i = 0; i < masters; i++) ports.push(await clusterPort(taken));
    const c = new PrivateRedisCluster(ports, mkdtempSync(join(tmpdir(), 'im-redis-cluster-')));
    liveDirs.add(c.dir);
    try {
      for (const p of ports) await c.startNode(p);
      const create = spawnSync(
        'redis-cli',
        ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
      await c.waitHealthy();
      return c;
    } catch (err) {
      await c.stop();
      throw err;
    }
  }

  /** REDIS_CLUSTER_NODES for the platform. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  async startNode(port: number): Promise<void> {
    const proc = spawnOwned(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        `nodes-${port}.conf`,
        '--cluster-node-timeout',
        '3000',
        '--dir',
        this.dir,
        '--dbfilename',
        `dump-${port}.rdb`,
        '--appendonly',
        'yes',
        '--appendfilename',
        `appendonly-${port}.aof`,
        '--appenddirname',
        `aof-${port}`,
        '--appendfsync',
        'always',
        '--save',
        '',
        '--daemonize',
        'no',
      ],
      { stdio: 'ignore' },
    );
    this.procs.set(port, proc);
    for (let i = 0; i < 200; i++) {
      if (await this.ping(port)) return;
      if (proc.exitCode !== null) break;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${port}`);
  }

  /** SIGKILL of one node (only a process this harness started). */
  async killNode(port: number): Promise<void> {
    const p = this.procs.get(port);
    this.procs.delete(port);
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });
  }

  /** The node that serves a slot now. */
  async ownerOf(slot: number): Promise<number> {
    const c = new Redis({ port: this.ports[0], host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      const slots = (await c.call('CLUSTER', 'SLOTS')) as Array<[number, number, [string, number]]>;
      const hit = slots.find(([lo, hi]) => slot >= lo && slot <= hi);
      if (!hit) throw new Error(`slot ${slot} is not served`);
      return Number(hit[2][1]);
    } finally {
      c.disconnect();
    }
  }

  /** Every node answers and says cluster_state:ok. */
  async waitHealthy(timeoutMs = 30_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const states = await Promise.all(this.ports.map((p) => this.info(p)));
      if (states.every((s) => s?.includes('cluster_state:ok'))) return;
      if (Date.now() - started > timeoutMs) throw new Error(`cluster not healthy: ${states.map((s) => s?.split('\n')[0]).join(' | ')}`);
      await sleep(200);
    }
  }

  /** Keys stored on one node (SCAN of that node alone). */
  async keysOn(port: number, match: string): Promise<string[]> {
    const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      const out: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await c.scan(cursor, 'MATCH', match, 'COUNT', 1000);
        cursor = next;
        out.push(...keys);
      } while (cursor !== '0');
      return out;
    } finally {
      c.disconnect();
    }
  }

  async stop(): Promise<void> {
    for (const port of [...this.procs.keys()]) await this.killNode(port);
    rmSync(this.dir, { recursive: true, force: true });
    liveDirs.delete(this.dir);
  }

  private async info(port: number): Promise<string | null> {
    const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on('error', () => undefined);
    try {
      await c.connect();
      return String(await c.call('CLUSTER', 'INFO'));
    } catch {
      return null;
    } finally {
      c.disconnect();
    }
  }

  private async ping(port: number): Promise<boolean> {
    const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on('error', () => undefined);
    try {
      await c.connect();
      return (await c.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      c.disconnect();
    }
  }
}
