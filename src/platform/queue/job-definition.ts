import type { Job, JobsOptions, WorkerOptions } from 'bullmq';

/**
 * A job type: its unique name, the queue it runs on, how its id is derived from its payload
 * (deterministic ids make enqueueing idempotent) and its retry/retention options.
 * Payloads carry ids only — never addresses or other personal data.
 */
export interface JobDefinition<P extends object = object> {
  readonly name: string;
  readonly queue: string;
  readonly jobId?: (payload: P) => string;
  readonly options?: JobsOptions;
  /** Builds a request to enqueue this job (directly or through the outbox). */
  request(payload: P, extra?: { jobId?: string; delayMs?: number }): JobRequest<P>;
}

export interface JobRequest<P extends object = object> {
  readonly name: string;
  readonly queue: string;
  readonly payload: P;
  readonly jobId?: string;
  readonly delayMs?: number;
}

export type PayloadOf<D> = D extends JobDefinition<infer P> ? P : never;
export type JobOf<D> = Job<PayloadOf<D>>;

export interface QueueSettings {
  /** Jobs of this queue a worker process runs at once; defaults to WORKER_CONCURRENCY. */
  concurrency?: number;
  /** A rate limit that holds across all workers of the queue (kept in Redis by BullMQ). */
  limiter?: WorkerOptions['limiter'];
  /** How long a job may run before its lock expires and another worker may take it (ms). */
  lockDuration?: number;
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 20000 },
};

const definitions = new Map<string, JobDefinition<any>>();
const queues = new Map<string, QueueSettings>();

/** Declares a job type. Names are unique across the application; a duplicate fails at import time. */
export function defineJob<P extends object>(def: {
  name: string;
  queue: string;
  jobId?: (payload: P) => string;
  options?: JobsOptions;
}): JobDefinition<P> {
  if (definitions.has(def.name)) throw new Error(`Job "${def.name}" is defined twice`);
  if (!/^[a-z][a-z0-9.-]*$/.test(def.name)) throw new Error(`Job name "${def.name}" must be lower-case dotted`);
  const full: JobDefinition<P> = {
    ...def,
    request: (payload, extra) => ({
      name: def.name,
      queue: def.queue,
      payload,
      jobId: extra?.jobId ?? def.jobId?.(payload),
      delayMs: extra?.delayMs,
    }),
  };
  definitions.set(def.name, full);
  if (!queues.has(def.queue)) queues.set(def.queue, {});
  return full;
}

/** Per-queue worker settings (concurrency, a global rate limit). */
export function defineQueue(name: string, settings: QueueSettings): void {
  queues.set(name, { ...queues.get(name), ...settings });
}

export const jobDefinitions = (): ReadonlyMap<string, JobDefinition<any>> => definitions;
export const queueSettings = (): ReadonlyMap<string, QueueSettings> => queues;
export const jobDefinition = (name: string): JobDefinition<any> | undefined => definitions.get(name);
