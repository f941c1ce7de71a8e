import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { QueueService } from '../platform/queue/queue.service.js';
import { sendJobId, sendNotificationJob } from './notification.jobs.js';

const BATCH = 500;

/**
 * The safety net under the queue: re-enqueues messages whose job is gone — a worker killed while
 * sending (its lease expired), a retry that could not be scheduled while Redis was down, jobs lost
 * with a Redis that restarted empty. The job id is the row's `notification-<id>-a<attempts>`, so
 * while the regular job still exists the re-enqueue is a no-op, and the row claim makes sure a
 * message is never sent by two jobs at once. Runs in every worker process (WORKERS=true).
 */
@Injectable()
export class NotificationRescuer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('NotificationRescuer');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS) return;
    this.stopped = false;
    this.schedule(0);
  }

  private get intervalMs(): number {
    return Math.max(250, Math.min(30_000, Math.floor(this.config.MAIL_RESCUE_AFTER_MS / 2)));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.rescueOnce()
        .catch((err) => this.log.debug({ err: (err as Error).message }, 'rescue pass failed; retrying later'))
        .finally(() => this.schedule(this.intervalMs));
    }, ms);
  }

  /** One pass; returns how many rows were handed to the queue again. */
  async rescueOnce(): Promise<number> {
    const rows: Array<{ id: string; attempts: number }> = await this.dataSource.query(
      `SELECT id, attempts FROM notification
       WHERE (status = 'sending' AND lease_until < now())
          OR (status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1::int / 1000.0))
       ORDER BY next_attempt_at LIMIT $2`,
      [this.config.MAIL_RESCUE_AFTER_MS, BATCH],
    );
    if (!rows.length) return 0;
    await this.queues.addBulk(rows.map((r) => sendNotificationJob.request({ id: Number(r.id) }, { jobId: sendJobId(Number(r.id), r.attempts) })));
    return rows.length;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
