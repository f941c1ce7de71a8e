import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { FlowProducer, Queue, type JobsOptions } from 'bullmq';
import type { Cluster } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { bullConnection, isClusterClient, queuePrefix } from '../redis/redis-options.js';
import { DEFAULT_JOB_OPTIONS, jobDefinition, type JobRequest } from './job-definition.js';

const ADD_TIMEOUT_MS = 5000;

/**
 * While Redis is down BullMQ waits for its connection instead of failing; callers (the outbox relay
 * holding row locks) need a definite answer. A late completion after the timeout is harmless:
 * job ids are deterministic, so the retry adds nothing twice.
 */
function withTimeout<T>(p: Promise<T>, ms = ADD_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not accept the jobs within ${ms} ms`)), ms);
  });
  p.catch(() => undefined); // a late failure of the abandoned attempt is not unhandled
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Producer side of BullMQ. Connections do not queue commands while Redis is down: adding fails
 * at once, so callers (the outbox relay) can keep the job and try again later.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();
  private flows?: FlowProducer;
  /** Cluster clients handed to BullMQ (it does not close a client it was given). */
  private readonly clusterClients: Cluster[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The BullMQ key prefix: a hash tag on a Redis Cluster (see queuePrefix). */
  get prefix(): string {
    return queuePrefix(this.config);
  }

  connection() {
    const c = bullConnection(this.config, { enableOfflineQueue: false });
    if (isClusterClient(c)) this.clusterClients.push(c);
    return c;
  }

  queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection(), prefix: this.prefix });
      q.on('error', () => undefined); // surfaced to callers as rejected adds
      this.queues.set(name, q);
    }
    return q;
  }

  flowProducer(): FlowProducer {
    if (!this.flows) {
      this.flows = new FlowProducer({ connection: this.connection(), prefix: this.prefix });
      this.flows.on('error', () => undefined);
    }
    return this.flows;
  }

  /** BullMQ options for a request: the job type's defaults, its deterministic id, a delay. */
  optionsFor(req: JobRequest): JobsOptions {
    const def = jobDefinition(req.name);
    if (!def) throw new Error(`Unknown job "${req.name}"`);
    return {
      ...DEFAULT_JOB_OPTIONS,
      ...def.options,
      ...(req.jobId ? { jobId: req.jobId } : {}),
      ...(req.delayMs ? { delay: req.delayMs } : {}),
    };
  }

  async add(req: JobRequest): Promise<string> {
    const job = await withTimeout(this.queue(req.queue).add(req.name, req.payload, this.optionsFor(req)));
    return job.id!;
  }

  /** Adds many jobs, one round trip per queue. Jobs whose id already exists are left as they are. */
  async addBulk(reqs: JobRequest[]): Promise<void> {
    const byQueue = new Map<string, JobRequest[]>();
    for (const r of reqs) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
    await withTimeout(
      Promise.all(
        [...byQueue].map(([queue, rs]) =>
          this.queue(queue).addBulk(rs.map((r) => ({ name: r.name, data: r.payload, opts: this.optionsFor(r) }))),
        ),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    await this.flows?.close().catch(() => undefined);
    for (const c of this.clusterClients) c.disconnect();
  }
}
