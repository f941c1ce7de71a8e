import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Processes a test or benchmark starts (redis-server nodes, …) that must never outlive it.
 *
 * - A normal exit (also `process.exit`, jest's `--forceExit`) SIGKILLs every one still running.
 * - A crash or a kill of this process (SIGKILL included, where no handler runs) takes them with
 *   it: on Linux each is started through `setpriv --pdeathsig KILL`, so the kernel sends it SIGKILL
 *   when its parent dies.
 *
 * Only the processes started here are ever signalled: by their pid, never by name.
 */
const owned = new Set<ChildProcess>();
let hooked = false;

const PDEATHSIG = process.platform === 'linux' && spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const c of owned) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
}

/** `spawn`, for a process that dies with this one. */
export function spawnOwned(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  hook();
  const proc = PDEATHSIG ? spawn('setpriv', ['--pdeathsig', 'KILL', '--', command, ...args], options) : spawn(command, args, options);
  owned.add(proc);
  proc.once('exit', () => owned.delete(proc));
  return proc;
}

/** The owned processes still running (their pids), for a test to check that nothing is left behind. */
export function ownedPids(): number[] {
  return [...owned].filter((c) => c.exitCode === null && c.signalCode === null).map((c) => c.pid!);
}
