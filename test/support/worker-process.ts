import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Exit = { code: number | null; signal: NodeJS.Signals | null };

/**
 * A worker-only process (`src/worker.ts`, what `npm run start:worker` runs), started from the
 * TypeScript sources through swc (ts-register.mjs) — works from a clean clone, no build — for tests
 * that kill workers. Its last output is kept for failure messages.
 */
export class WorkerProcess {
  private output = '';
  private readonly exit: Promise<Exit>;

  private constructor(readonly proc: ChildProcess) {
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    proc.stdout!.on('data', collect);
    proc.stderr!.on('data', collect);
    this.exit = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Spawns the worker and returns at once (for a worker that may die before it says it runs). */
  static spawn(env: Record<string, string>): WorkerProcess {
    const proc = spawn(process.execPath, ['--import', './test/support/ts-register.mjs', 'src/worker.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new WorkerProcess(proc);
  }

  /** Spawns the worker and resolves once it says it is running. */
  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<WorkerProcess> {
    const w = WorkerProcess.spawn({ LOG_LEVEL: 'info', ...env });
    const started = Date.now();
    while (!w.output.includes('worker running')) {
      if (w.proc.exitCode !== null) throw new Error(`worker exited (${w.proc.exitCode}): ${w.output}`);
      if (Date.now() - started > timeoutMs) {
        await w.kill('SIGKILL');
        throw new Error(`worker did not start: ${w.output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return w;
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get log(): string {
    return this.output;
  }

  exited(): Promise<Exit> {
    return this.exit;
  }

  /** Sends a signal (if the process still runs) and waits for it to end. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill(signal);
    await this.exit;
  }

  /** SIGTERM (a graceful shutdown), SIGKILL if it has not ended after 10 s. */
  async stop(): Promise<void> {
    const hard = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    try {
      await this.kill('SIGTERM');
    } finally {
      clearTimeout(hard);
    }
  }
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 60_000,
  what = 'condition',
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
