import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A worker-only process (`src/worker.ts`, what `npm run start:worker` runs), started from the
 * TypeScript sources, for tests that kill workers. Resolves once the worker says it is running.
 */
export class WorkerProcess {
  private output = '';
  private constructor(readonly proc: ChildProcess) {}

  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<WorkerProcess> {
    const proc = spawn(process.execPath, ['--import', './test/support/ts-register.mjs', 'src/worker.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const w = new WorkerProcess(proc);
    const collect = (chunk: Buffer) => {
      w.output = (w.output + chunk.toString()).slice(-20_000);
    };
    proc.stdout!.on('data', collect);
    proc.stderr!.on('data', collect);
    const started = Date.now();
    while (!w.output.includes('worker running')) {
      if (proc.exitCode !== null) throw new Error(`worker exited (${proc.exitCode}): ${w.output}`);
      if (Date.now() - started > timeoutMs) {
        proc.kill('SIGKILL');
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

  /** Sends a signal and waits for the process to end. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.kill(signal);
    });
  }
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 60_000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
