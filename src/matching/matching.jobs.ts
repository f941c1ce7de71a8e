import type { EntityManager } from 'typeorm';
import type { OutboxService } from '../platform/outbox/outbox.service.js';
import { defineJob, defineQueue, defineSchedule } from '../platform/queue/job-definition.js';

/**
 * Matching jobs (payloads carry ids only). Incremental jobs run on `matching`; a full re-match
 * (a start job, one job per chunk of enterprise ids, a finishing parent) on `matching-full`, so
 * a long run never queues ahead of a project someone just published.
 */
export const MATCHING_QUEUE = 'matching';
export const MATCHING_FULL_QUEUE = 'matching-full';

/** An enterprise registered or changed: match it against published projects, refresh its eligibility. */
export const matchEnterpriseJob = defineJob<{ enterpriseId: number }>({ name: 'matching.enterprise', queue: MATCHING_QUEUE });
/** A project created, changed, published or moved to another stage: match it against enterprises. */
export const matchProjectJob = defineJob<{ projectId: number }>({ name: 'matching.project', queue: MATCHING_QUEUE });
/** An incentive changed: its stored eligibility, then the projects it is attached to. */
export const incentiveChangedJob = defineJob<{ incentiveId: number }>({ name: 'matching.incentive', queue: MATCHING_QUEUE });
/** A policy changed (region, validity, publication): each of its incentives as above. */
export const policyChangedJob = defineJob<{ policyId: number }>({ name: 'matching.policy', queue: MATCHING_QUEUE });

/** Starts a full re-match (POST /matching/rematch with a run id, or the nightly scheduler without one). */
export const fullRematchJob = defineJob<{ runId?: number }>({
  name: 'matching.full',
  queue: MATCHING_FULL_QUEUE,
  jobId: (p) => `matching-run-${p.runId ?? 'scheduled'}`,
});
/** One chunk of a full re-match. */
export const fullRematchChunkJob = defineJob<{ runId: number; chunkNo: number }>({
  name: 'matching.full.chunk',
  queue: MATCHING_FULL_QUEUE,
  jobId: (p) => `matching-run-${p.runId}-chunk-${p.chunkNo}`,
});
/** The parent of a run's chunks (a BullMQ flow): runs once all chunks are done and closes the run. */
export const fullRematchFinishJob = defineJob<{ runId: number }>({
  name: 'matching.full.finish',
  queue: MATCHING_FULL_QUEUE,
  jobId: (p) => `matching-run-${p.runId}-finish`,
});

/** The nightly full re-match at MATCHING_SCHEDULE (cron with seconds, Asia/Shanghai); `off` removes it. */
export const nightlyRematchSchedule = defineSchedule({
  id: 'matching-nightly',
  job: fullRematchJob,
  repeat: (config) => (config.MATCHING_SCHEDULE === 'off' ? null : { pattern: config.MATCHING_SCHEDULE, tz: 'Asia/Shanghai' }),
});

defineQueue(MATCHING_QUEUE, (config) => ({ concurrency: config.MATCHING_CONCURRENCY, lockDuration: config.MATCHING_LOCK_MS }));
defineQueue(MATCHING_FULL_QUEUE, (config) => ({ concurrency: config.MATCHING_FULL_CONCURRENCY, lockDuration: config.MATCHING_LOCK_MS }));

/**
 * The id of the writing transaction: triggers of one transaction share a job (registering an
 * enterprise and verifying its certification in one go is one job), and a change's job is never
 * mistaken for an earlier one still kept by BullMQ.
 */
async function txTag(m: EntityManager): Promise<string> {
  const [{ tx }] = await m.query('SELECT pg_current_xact_id()::text AS tx');
  return tx;
}

/** In the caller's transaction: the enterprise changed. */
export async function triggerEnterpriseMatching(outbox: OutboxService, m: EntityManager, enterpriseId: number): Promise<void> {
  await triggerEnterprisesMatching(outbox, m, [enterpriseId]);
}

/** In the caller's transaction: many enterprises registered at once (an import chunk), one job each. */
export async function triggerEnterprisesMatching(outbox: OutboxService, m: EntityManager, enterpriseIds: readonly number[]): Promise<void> {
  if (!enterpriseIds.length) return;
  const tx = await txTag(m);
  await outbox.enqueue(
    m,
    ...enterpriseIds.map((enterpriseId) =>
      matchEnterpriseJob.request({ enterpriseId }, { jobId: `match-enterprise-${enterpriseId}-tx${tx}` }),
    ),
  );
}

/** In the caller's transaction: the project changed (or was created, published, moved to another stage). */
export async function triggerProjectMatching(outbox: OutboxService, m: EntityManager, projectId: number): Promise<void> {
  await outbox.enqueue(m, matchProjectJob.request({ projectId }, { jobId: `match-project-${projectId}-tx${await txTag(m)}` }));
}

/** In the caller's transaction: an incentive was added or changed. */
export async function triggerIncentiveChanged(outbox: OutboxService, m: EntityManager, incentiveId: number): Promise<void> {
  await outbox.enqueue(m, incentiveChangedJob.request({ incentiveId }, { jobId: `match-incentive-${incentiveId}-tx${await txTag(m)}` }));
}

/** In the caller's transaction: a policy was created or changed. */
export async function triggerPolicyChanged(outbox: OutboxService, m: EntityManager, policyId: number): Promise<void> {
  await outbox.enqueue(m, policyChangedJob.request({ policyId }, { jobId: `match-policy-${policyId}-tx${await txTag(m)}` }));
}

/**
 * In the caller's transaction: a chain of the region changed (its segments' statuses, which the
 * chain factor reads): re-match the published, open projects in the chain's region subtree.
 */
export async function triggerProjectsInRegion(outbox: OutboxService, m: EntityManager, regionCode: string): Promise<void> {
  const rows: Array<{ id: number }> = await m.query(
    `SELECT id FROM project WHERE region_path @> ARRAY[$1]::char(6)[] AND status = 'published' AND stage <> 'closed'`,
    [regionCode],
  );
  if (!rows.length) return;
  const tx = await txTag(m);
  await outbox.enqueue(m, ...rows.map((r) => matchProjectJob.request({ projectId: r.id }, { jobId: `match-project-${r.id}-tx${tx}` })));
}

/**
 * In the caller's transaction, before incentives are deleted: re-match the projects they are
 * attached to (afterwards nothing would say which those were). Stored eligibility rows go with
 * the incentives (ON DELETE CASCADE).
 */
export async function triggerProjectsOfIncentives(
  outbox: OutboxService,
  m: EntityManager,
  where: { incentiveIds: number[] } | { policyId: number },
): Promise<void> {
  const rows: Array<{ project_id: number }> =
    'policyId' in where
      ? await m.query(
          `SELECT DISTINCT pi.project_id FROM project_incentive pi JOIN incentive i ON i.id = pi.incentive_id WHERE i.policy_id = $1`,
          [where.policyId],
        )
      : await m.query(`SELECT DISTINCT project_id FROM project_incentive WHERE incentive_id = ANY($1::int[])`, [where.incentiveIds]);
  if (!rows.length) return;
  const tx = await txTag(m);
  await outbox.enqueue(
    m,
    ...rows.map((r) => matchProjectJob.request({ projectId: r.project_id }, { jobId: `match-project-${r.project_id}-tx${tx}` })),
  );
}
