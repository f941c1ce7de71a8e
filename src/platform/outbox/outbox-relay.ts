import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DrainLoop } from '../database/drain-loop.js';
import type { JobRequest } from '../queue/job-definition.js';
import { QueueService } from '../queue/queue.service.js';

const BATCH = 500;
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 10_000;
const KEEP_DISPATCHED = '3 days';

interface Row {
  id: string;
  queue: string;
  job_name: string;
  job_id: string | null;
  payload: Record<string, unknown>;
}

/**
 * Copies committed outbox rows to BullMQ. Woken by NOTIFY on insert and by a 1 s poll; rows are
 * claimed with FOR UPDATE SKIP LOCKED, so any number of relays (one per worker process) can run.
 * While Redis is down the rows stay and the relay backs off; nothing is lost or sent twice
 * (job ids are deterministic).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('OutboxRelay');
  private readonly loop: DrainLoop;
  private lastCleanup = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {
    this.loop = new DrainLoop({
      channel: 'outbox',
      databaseUrl: config.DATABASE_URL,
      applicationName: 'investmatch-outbox-listener',
      pollMs: POLL_MS,
      maxBackoffMs: MAX_BACKOFF_MS,
      log: this.log,
      failureMessage: 'outbox dispatch failed; rows kept, retrying with backoff',
      drain: async () => {
        await this.drainOnce();
        await this.cleanup();
      },
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.WORKERS) this.start();
  }

  start(): void {
    this.loop.start();
  }

  /** Runs a pass now (coalescing concurrent requests). */
  kick(): void {
    this.loop.kick();
  }

  /** Dispatches everything due; returns how many rows went to Redis. For tests and scripts. */
  async drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dispatchBatch();
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async dispatchBatch(): Promise<number> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const rows: Row[] = await m.query(
        `SELECT id, queue, job_name, job_id, payload FROM outbox
         WHERE dispatched_at IS NULL AND available_at <= now()
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (!rows.length) return { dispatched: 0 };
      const ids = rows.map((r) => r.id);
      const requests: JobRequest[] = rows.map((r) => ({
        name: r.job_name,
        queue: r.queue,
        payload: r.payload,
        jobId: r.job_id ?? `outbox-${r.id}`,
      }));
      try {
        await this.queues.addBulk(requests);
      } catch (error) {
        // recorded in this transaction (the rows are locked by it); they stay pending for the next pass
        await m.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`, [
          ids,
          String((error as Error).message).slice(0, 500),
        ]);
        return { dispatched: 0, error };
      }
      await m.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      return { dispatched: rows.length };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.dispatched;
  }

  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 10 * 60_000) return;
    this.lastCleanup = Date.now();
    await this.dataSource.query(
      `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE dispatched_at < now() - interval '${KEEP_DISPATCHED}' LIMIT 10000)`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }
}
