import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The real worker entry (src/worker.ts) in a child process, run from the TypeScript sources through
 * swc (see swc-hooks.mjs) — works from a clean clone, no build needed. Its output is kept for
 * failure messages.
 */
export class WorkerProcess {
  readonly output: string[] = [];
  private exit?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private constructor(readonly proc: ChildProcess) {}

  static start(env: Record<string, string>): WorkerProcess {
    const proc = spawn(process.execPath, ['--import', './test/integration/notifications/swc-register.mjs', 'src/worker.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const w = new WorkerProcess(proc);
    const keep = (b: Buffer) => {
      w.output.push(b.toString());
      if (w.output.length > 200) w.output.shift();
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    w.exit = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
    return w;
  }

  get pid(): number {
    return this.proc.pid!;
  }

  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exit!;
  }

  kill9(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.kill('SIGTERM');
    const t = setTimeout(() => this.kill9(), 10_000);
    await this.exit;
    clearTimeout(t);
  }
}

/** A private redis-server on a spare port (never the shared one), for tests that stop Redis. */
export class OwnRedis {
  private proc?: ChildProcess;
  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const r = new OwnRedis(await sparePort());
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 200; i++) {
      if (await this.ping()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** Stops it hard (nothing persisted: it comes back empty). */
  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });
  }

  async ping(): Promise<boolean> {
    const c = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
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
