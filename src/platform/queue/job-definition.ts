import type { Job, JobsOptions, WorkerOptions } from 'bullmq';
import type { AppConfig } from '../config/config.js';

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

/** A queue's worker settings, or how to read them from the configuration. */
export type QueueSettingsOf = QueueSettings | ((config: AppConfig) => QueueSettings);

/**
 * Work caused by time: a BullMQ job scheduler (registered in Redis, so one job per tick however
 * many worker processes run). `repeat` reads the configuration; `null` means switched off (the
 * scheduler is removed).
 */
export interface ScheduleDefinition {
  /** The scheduler's key in its job's queue. */
  readonly id: string;
  /** The job each tick adds (its payload is empty: what is due comes from the clock). */
  readonly job: JobDefinition<any>;
  readonly repeat: (config: AppConfig) => ScheduleRepeat | null;
}
export type ScheduleRepeat = { pattern: string; tz: string } | { every: number };

const definitions = new Map<string, JobDefinition<any>>();
const queues = new Map<string, QueueSettingsOf | undefined>();
const schedules = new Map<string, ScheduleDefinition>();

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
  if (!queues.has(def.queue)) queues.set(def.queue, undefined);
  return full;
}

/**
 * Per-queue worker settings (concurrency, a global rate limit, the lock), declared once beside the
 * queue's jobs in `<module>.jobs.ts`; settings that depend on the environment are a function of
 * the configuration, read when the workers start.
 */
export function defineQueue(name: string, settings: QueueSettingsOf): void {
  if (queues.get(name)) throw new Error(`Queue "${name}" has its settings declared twice`);
  queues.set(name, settings);
}

/** Declares a job scheduler (see ScheduleDefinition); ids are unique. */
export function defineSchedule(def: ScheduleDefinition): ScheduleDefinition {
  if (schedules.has(def.id)) throw new Error(`Schedule "${def.id}" is defined twice`);
  schedules.set(def.id, def);
  return def;
}

/** The settings of every queue that has jobs, resolved against the configuration. */
export function queueSettings(config: AppConfig): ReadonlyMap<string, QueueSettings> {
  return new Map([...queues].map(([name, s]) => [name, (typeof s === 'function' ? s(config) : s) ?? {}]));
}

/** Every queue that has jobs. */
export const queueNames = (): string[] => [...queues.keys()];
export const jobDefinitions = (): ReadonlyMap<string, JobDefinition<any>> => definitions;
export const scheduleDefinitions = (): ReadonlyMap<string, ScheduleDefinition> => schedules;
export const jobDefinition = (name: string): JobDefinition<any> | undefined => definitions.get(name);
