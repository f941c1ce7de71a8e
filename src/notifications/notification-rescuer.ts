import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { JobHandler } from '../platform/queue/job-handler.decorator.js';
import { QueueService } from '../platform/queue/queue.service.js';
import { MAIL_QUEUE, rescueNotificationsJob, sendJobId, sendNotificationJob } from './notification.jobs.js';

const BATCH = 500;

/**
 * The safety net under the queue: re-enqueues messages whose job is gone — a worker killed while
 * sending (its lease expired), a retry that could not be scheduled while Redis was down, jobs lost
 * with a Redis that restarted empty, a job taken by a worker that died before claiming its row.
 * A lost job is added again under its own id (`notification-<id>-a<attempts>`); a job that is
 * stuck or finished without sending gets a second one (`…-r<period>`). Queued jobs are left alone,
 * and the row claim makes sure a message is never sent by two jobs at once. A job scheduler runs
 * a pass every half rescue period (notification.jobs.ts); passes may overlap safely (job ids are
 * deterministic).
 */
@Injectable()
export class NotificationRescuer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  @JobHandler(rescueNotificationsJob)
  async tick(): Promise<number> {
    return this.rescueOnce();
  }

  /** One pass; returns how many rows were handed to the queue again. */
  async rescueOnce(): Promise<number> {
    const rows: Array<{ id: string; attempts: number }> = await this.dataSource.query(
      `SELECT n.id, n.attempts FROM notification_open o JOIN notification n ON n.id = o.notification_id
       WHERE (n.status = 'sending' AND n.lease_until < now())
          OR (n.status = 'pending' AND n.next_attempt_at < now() - make_interval(secs => $1::int / 1000.0))
       ORDER BY n.next_attempt_at LIMIT $2`,
      [this.config.MAIL_RESCUE_AFTER_MS, BATCH],
    );
    if (!rows.length) return 0;
    const queue = this.queues.queue(MAIL_QUEUE);
    const now = Date.now();
    const bucket = Math.floor(now / this.config.MAIL_RESCUE_AFTER_MS);
    const requests = [];
    for (const r of rows) {
      const id = Number(r.id);
      const regular = sendJobId(id, r.attempts);
      const job = await queue.getJob(regular);
      if (!job) {
        // lost (a Redis that came back empty, a retry that could not be scheduled): add it again
        requests.push(sendNotificationJob.request({ id }, { jobId: regular }));
        continue;
      }
      const state = await job.getState();
      if (state === 'waiting' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children') continue; // queued, will run
      if (state === 'active' && (job.processedOn ?? now) > now - this.config.MAIL_RESCUE_AFTER_MS) continue; // running right now
      // taken by a worker that died before claiming the row, or finished without sending it: a
      // second job (one per rescue period); the row claim keeps the two from both sending
      requests.push(sendNotificationJob.request({ id }, { jobId: `${regular}-r${bucket}` }));
    }
    if (requests.length) await this.queues.addBulk(requests);
    return requests.length;
  }
}
