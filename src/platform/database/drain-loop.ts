import type { Logger } from '@nestjs/common';
import pg from 'pg';

const RECONNECT_MS = 2000;

export interface DrainLoopOptions {
  /** PostgreSQL channel whose NOTIFY wakes the loop (the writers send it on insert). */
  channel: string;
  databaseUrl: string;
  /** `application_name` of the listening connection (seen in pg_stat_activity). */
  applicationName: string;
  /** One pass: handles everything due. A throw counts as a failure (backoff, logged). */
  drain: () => Promise<unknown>;
  /** The poll between passes when nothing wakes the loop (also the first backoff step). */
  pollMs: number;
  /** The longest wait after consecutive failures (backoff doubles from pollMs). */
  maxBackoffMs?: number;
  log: Logger;
  /** What a failed pass means to the reader of the log ("rows kept, retrying with backoff"). */
  failureMessage: string;
}

/**
 * The one loop for consumers of a table that others write (the job outbox, notification events):
 * a pass runs when a NOTIFY on the channel arrives and otherwise every `pollMs` — the poll covers
 * a lost notification or a listener that is reconnecting. Concurrent wake-ups coalesce into one
 * more pass; consecutive failures back off exponentially up to `maxBackoffMs`. Rows must be
 * claimed by the pass itself (FOR UPDATE SKIP LOCKED), so any number of processes may run one.
 */
export class DrainLoop {
  private listener?: pg.Client;
  private timer?: NodeJS.Timeout;
  private reconnect?: NodeJS.Timeout;
  private stopped = true;
  private running?: Promise<void>;
  private again = false;
  private failures = 0;

  constructor(private readonly opts: DrainLoopOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.listen();
    this.kick();
  }

  /** Runs a pass now (or right after the running one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        this.timer = setTimeout(() => this.kick(), this.waitMs());
      }
    });
  }

  private waitMs(): number {
    const { pollMs, maxBackoffMs = pollMs } = this.opts;
    return this.failures ? Math.min(maxBackoffMs, pollMs * 2 ** this.failures) : pollMs;
  }

  private async pass(): Promise<void> {
    try {
      await this.opts.drain();
      if (this.failures) this.opts.log.log(`${this.opts.channel}: passes succeed again`);
      this.failures = 0;
    } catch (err) {
      this.failures++;
      if (this.failures === 1 || this.failures % 30 === 0) {
        this.opts.log.warn({ err: (err as Error).message, failures: this.failures }, this.opts.failureMessage);
      }
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.opts.databaseUrl, application_name: this.opts.applicationName });
    const retry = () => {
      if (!this.stopped) this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    client.on('notification', () => this.kick());
    client.on('error', () => {
      if (this.listener !== client) return; // failures while connecting are handled below
      this.listener = undefined;
      retry();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.opts.channel}`);
      if (this.stopped) throw new Error('stopped while connecting');
      this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
      retry();
    }
  }

  /** Stops waking, waits for the running pass, closes the listener. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.reconnect);
    await this.running;
    const l = this.listener;
    this.listener = undefined;
    await l?.end().catch(() => undefined);
  }
}
