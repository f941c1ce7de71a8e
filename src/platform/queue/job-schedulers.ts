import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { scheduleDefinitions } from './job-definition.js';
import { QueueService } from './queue.service.js';

const RETRY_MS = 30_000;

/**
 * Registers every declared schedule (defineSchedule, beside the job in `<module>.jobs.ts`) as a
 * BullMQ job scheduler when a worker process starts (WORKERS=true): one registration path for
 * every kind of work caused by time. Upserting is idempotent, so every process may do it. It is
 * retried while Redis is down, and done again whenever a queue's connection becomes ready again —
 * a Redis that restarted empty has lost its schedulers too.
 */
@Injectable()
export class JobSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('JobSchedulers');
  private retry?: NodeJS.Timeout;
  private closed = false;
  private registering?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS) return;
    const queueNames = new Set([...scheduleDefinitions().values()].map((s) => s.job.queue));
    for (const name of queueNames)
      this.queues
        .queue(name)
        .getBackend()
        .on('ready', () => void this.registerAll());
    void this.registerAll();
  }

  /** Upserts (or, when switched off, removes) every schedule; on failure tries again in 30 s. Tests call it too. */
  registerAll(): Promise<void> {
    this.registering ??= this.register().finally(() => (this.registering = undefined));
    return this.registering;
  }

  private async register(): Promise<void> {
    clearTimeout(this.retry);
    if (this.closed) return;
    try {
      for (const s of scheduleDefinitions().values()) {
        const queue = this.queues.queue(s.job.queue);
        const repeat = s.repeat(this.config);
        if (!repeat) {
          await queue.removeJobScheduler(s.id);
          continue;
        }
        await queue.upsertJobScheduler(s.id, repeat, { name: s.job.name, data: {}, opts: this.queues.optionsFor(s.job.request({})) });
      }
    } catch (err) {
      if (this.closed) return;
      this.log.warn({ err: (err as Error).message }, 'could not register the job schedulers yet; retrying');
      this.retry = setTimeout(() => void this.registerAll(), RETRY_MS);
    }
  }

  onApplicationShutdown(): void {
    this.closed = true;
    clearTimeout(this.retry);
  }
}
