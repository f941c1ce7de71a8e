import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Cluster } from 'ioredis';
import { bullConnection, isClusterClient, queuePrefix, workerName } from '../redis/redis-options.js';
import { jobDefinitions, queueSettings } from './job-definition.js';
import { JOB_HANDLER } from './job-handler.decorator.js';

type Handler = (job: Job) => Promise<unknown>;

/**
 * Finds every @JobHandler at start, refuses to start if a job type has no handler or two, and
 * (when WORKERS is on) runs one BullMQ worker per queue. On shutdown the workers finish their
 * in-flight jobs before the process exits; a killed process's jobs are retried after their lock expires.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('WorkerHost');
  private readonly handlers = new Map<string, Handler>();
  private readonly workers: Worker[] = [];
  private readonly clusterClients: Cluster[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    this.collectHandlers();
    if (this.config.WORKERS) this.startWorkers();
  }

  /** Job names that have a handler (for tests and the queue view). */
  handledJobs(): string[] {
    return [...this.handlers.keys()].sort();
  }

  running(): readonly Worker[] {
    return this.workers;
  }

  private collectHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isNotMetatype) continue;
      const proto = Object.getPrototypeOf(instance);
      if (!proto) continue;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const name = this.reflector.get<string | undefined>(JOB_HANDLER, proto[method]);
        if (!name) continue;
        if (this.handlers.has(name)) throw new Error(`Job "${name}" has two handlers`);
        this.handlers.set(name, (job) => (instance[method] as Handler).call(instance, job));
      }
    }
    const missing = [...jobDefinitions().keys()].filter((n) => !this.handlers.has(n));
    if (missing.length) throw new Error(`Jobs without a handler: ${missing.join(', ')}`);
  }

  private startWorkers(): void {
    const queues = new Set([...jobDefinitions().values()].map((d) => d.queue));
    const resolved = queueSettings(this.config);
    for (const queue of queues) {
      const settings = resolved.get(queue) ?? {};
      const connection = bullConnection(this.config);
      if (isClusterClient(connection)) this.clusterClients.push(connection);
      const worker = new Worker(
        queue,
        async (job: Job) => {
          const handler = this.handlers.get(job.name);
          if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}"`);
          return handler(job);
        },
        {
          connection,
          prefix: queuePrefix(this.config),
          name: workerName(this.config.WORKER_NAME),
          concurrency: settings.concurrency ?? this.config.WORKER_CONCURRENCY,
          ...(settings.limiter ? { limiter: settings.limiter } : {}),
          ...(settings.lockDuration ? { lockDuration: settings.lockDuration } : {}),
        },
      );
      worker.on('failed', (job, err) =>
        this.log.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed'),
      );
      worker.on('error', (err) => this.log.debug({ queue, err: err.message }, 'worker connection error'));
      this.workers.push(worker);
    }
    this.log.log(`workers running for queues: ${[...queues].join(', ') || '(none)'}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close().catch(() => undefined)));
    for (const c of this.clusterClients) c.disconnect();
  }
}
