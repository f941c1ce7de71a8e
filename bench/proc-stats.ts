/** Per-process figures from /proc (Linux), shared by the benchmarks: CPU-seconds, resident memory, PostgreSQL's processes. */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Node's options of a worker as a user starts it out of the box (`npm run start:worker`, the same in
 * docker-compose.yml): the flags between `node` and the entry point of package.json's script.
 */
export function startWorkerNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const [node, ...rest] = pkg.scripts['start:worker'].split(/\s+/);
  if (node !== 'node') throw new Error(`start:worker does not start node: ${pkg.scripts['start:worker']}`);
  return rest.filter((x) => x.startsWith('--'));
}

const TICK = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** CPU-seconds (user + system) a process has used, from /proc/<pid>/stat; null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK; // utime, stime (fields 14 and 15)
  } catch {
    return null;
  }
}

/** Resident set size of a process (VmRSS), or its high-water mark (VmHWM), in MB; 0 once it is gone. */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** The machine's postgres processes that are not among `backends` (checkpointer, walwriter …): shared by every database. */
export function postgresAuxPids(backends: Set<number>): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres' && !backends.has(Number(d))) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

/**
 * CPU-seconds of the PostgreSQL backends connected to one database over a window: `begin()`,
 * `sample()` while the work runs (a backend that exits between samples keeps its last reading),
 * `total()` after. A backend present at `begin()` counts from its reading then, a later one from
 * its start. `query` runs SQL on the bench's own connection (itself excluded).
 */
export class BackendCpu {
  private readonly base = new Map<number, number>();
  private readonly last = new Map<number, number>();
  constructor(
    private readonly query: (sql: string, params: unknown[]) => Promise<{ rows: Array<{ pid: number }> }>,
    private readonly db: string,
  ) {}
  private async readings(): Promise<Map<number, number>> {
    const { rows } = await this.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [this.db]);
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      const c = cpuSeconds(pid);
      if (c !== null) out.set(pid, c);
    }
    return out;
  }
  async begin(): Promise<void> {
    this.base.clear();
    this.last.clear();
    for (const [pid, c] of await this.readings()) this.base.set(pid, c);
  }
  async sample(): Promise<void> {
    for (const [pid, c] of await this.readings()) this.last.set(pid, c);
  }
  total(): number {
    let s = 0;
    for (const [pid, c] of this.last) s += c - (this.base.get(pid) ?? 0);
    return s;
  }
}
