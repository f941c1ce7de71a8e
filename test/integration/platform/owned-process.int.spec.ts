import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import { eventually } from '../../support/worker-process.js';

/**
 * The Redis Cluster harness never leaves its redis-server processes behind: they die with the
 * process that started them, whether it exits without stopping them or is SIGKILLed (where no
 * handler of its own can run), and only they are signalled.
 */
interface Probe {
  pids: number[];
  ports: number[];
  dir: string;
}

function startProbe(args: string[] = []): Promise<{ probe: Probe; child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, ['--import', './test/support/ts-register.mjs', 'test/support/owned-process-probe.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /READY (.*)\n/.exec(out);
      if (m) resolve({ probe: JSON.parse(m[1]) as Probe, child });
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`probe exited (${code}) before it was ready: ${out}`)));
  });
}

/** Running: present in /proc and not a zombie (a killed child waits there until it is reaped). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function answers(port: number): Promise<boolean> {
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

/** Every node of the probe's cluster has stopped and none answers on its port. */
async function gone(probe: Probe): Promise<boolean> {
  if (probe.pids.some(running)) return false;
  for (const port of probe.ports) if (await answers(port)) return false;
  return true;
}

describe('the Redis Cluster harness cleans up its own processes', () => {
  it('a SIGKILLed test process takes its cluster nodes with it', async () => {
    const { probe, child } = await startProbe();
    try {
      expect(probe.pids).toHaveLength(3);
      for (const pid of probe.pids) expect(running(pid)).toBe(true);
      for (const port of probe.ports) expect(await answers(port)).toBe(true);
      child.kill('SIGKILL');
      await eventually(async () => gone(probe), 15_000, 'the cluster nodes to die with the test process');
    } finally {
      child.kill('SIGKILL');
      rmSync(probe.dir, { recursive: true, force: true }); // no handler runs on SIGKILL: the directory is this test's to remove
    }
  }, 90_000);

  it('a test process that exits without stopping its cluster stops its nodes and removes their directory', async () => {
    const { probe, child } = await startProbe(['--exit']);
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    await eventually(async () => gone(probe), 15_000, 'the cluster nodes to stop at exit');
    expect(existsSync(probe.dir)).toBe(false);
  }, 90_000);
});
