import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { notFound } from '../platform/http/problem.js';
import { OutboxService } from '../platform/outbox/outbox.service.js';
import { QueueService } from '../platform/queue/queue.service.js';
import { MatchingEngine, type MatchStats } from './matching.engine.js';
import { fullRematchChunkJob, fullRematchFinishJob, fullRematchJob, MATCHING_FULL_QUEUE } from './matching.jobs.js';
import { MatchingRun, MatchingRunChunk, type RunTrigger } from './matching-run.entity.js';

/**
 * The full re-match: every enterprise against every published project, so that time-dependent
 * facts (a policy coming into force or expiring) and anything a lost trigger missed are caught
 * up. A run is split into chunks of enterprise ids, each its own job (a BullMQ flow: the chunks
 * are children of a finishing job), so any number of worker processes share it; a chunk whose
 * worker dies is taken over when its lock expires and simply runs again — the writes are
 * idempotent, so nothing is missed or doubled. Progress is kept in matching_run(_chunk). The
 * nightly run is a job scheduler (matching.jobs.ts).
 */
@Injectable()
export class FullRematchService {
  private readonly log = new Logger('FullRematch');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
    private readonly engine: MatchingEngine,
  ) {}

  /** POST /matching/rematch: a run row and its start job, in one transaction. */
  async request(requestedBy: number | null): Promise<{ run: MatchingRun; jobId: string }> {
    return this.dataSource.transaction(async (m) => {
      const run = m.create(MatchingRun, {
        trigger: 'manual' as RunTrigger,
        requestedBy,
        chunkSize: this.config.MATCHING_CHUNK_SIZE,
        status: 'pending',
      });
      await m.insert(MatchingRun, run);
      const req = fullRematchJob.request({ runId: run.id });
      await this.outbox.enqueue(m, req);
      return { run: (await m.findOneBy(MatchingRun, { id: run.id }))!, jobId: req.jobId! };
    });
  }

  async get(id: number): Promise<MatchingRun> {
    const run = await this.dataSource.manager.findOneBy(MatchingRun, { id });
    if (!run) throw notFound('匹配任务');
    return run;
  }

  async list(limit = 20): Promise<MatchingRun[]> {
    return this.dataSource.manager.find(MatchingRun, { order: { id: 'DESC' }, take: limit });
  }

  async failedChunks(runId: number): Promise<number> {
    return this.dataSource.manager.countBy(MatchingRunChunk, { runId, status: 'failed' });
  }

  /** The start job: splits the enterprises into chunks (once) and adds the flow (once). */
  async start(job: Job<{ runId?: number }>): Promise<void> {
    const runId = job.data.runId ?? (await this.scheduledRun(job.id!));
    const run = await this.dataSource.manager.findOneBy(MatchingRun, { id: runId });
    if (!run || run.status === 'completed' || run.status === 'failed') return;
    await this.dataSource.transaction(async (m) => {
      const [locked] = await m.query(`SELECT chunks_total FROM matching_run WHERE id = $1 FOR UPDATE`, [runId]);
      await m.query(`UPDATE matching_run SET status = 'running', started_at = coalesce(started_at, now()) WHERE id = $1`, [runId]);
      if (locked.chunks_total > 0) return;
      const ranges: Array<{ lo: number; hi: number; n: number }> = await m.query(
        `SELECT min(id) AS lo, max(id) AS hi, count(*)::int AS n
         FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / $1 AS k FROM enterprise) t GROUP BY k ORDER BY k`,
        [run.chunkSize],
      );
      if (ranges.length) {
        await m.query(
          `INSERT INTO matching_run_chunk (run_id, chunk_no, from_enterprise_id, to_enterprise_id)
           SELECT $1, n, lo, hi FROM unnest($2::int[], $3::int[], $4::int[]) AS t(n, lo, hi)`,
          [runId, ranges.map((_, i) => i), ranges.map((r) => r.lo), ranges.map((r) => r.hi)],
        );
      }
      await m.query(`UPDATE matching_run SET chunks_total = $2, enterprises = $3 WHERE id = $1`, [
        runId,
        ranges.length,
        ranges.reduce((s, r) => s + r.n, 0),
      ]);
    });
    const chunks = await this.dataSource.manager.find(MatchingRunChunk, { where: { runId }, order: { chunkNo: 'ASC' } });
    if (!chunks.length) {
      await this.complete(runId);
      return;
    }
    const finish = fullRematchFinishJob.request({ runId });
    if (await this.queues.queue(MATCHING_FULL_QUEUE).getJob(finish.jobId!)) return; // added before a crash
    await this.queues.flowProducer().add({
      name: finish.name,
      queueName: MATCHING_FULL_QUEUE,
      data: finish.payload,
      opts: this.queues.optionsFor(finish),
      children: chunks
        .filter((c) => c.status !== 'done')
        .map((c) => {
          const req = fullRematchChunkJob.request({ runId, chunkNo: c.chunkNo });
          return {
            name: req.name,
            queueName: MATCHING_FULL_QUEUE,
            data: req.payload,
            opts: { ...this.queues.optionsFor(req), failParentOnFailure: true },
          };
        }),
    });
    this.log.log({ runId, chunks: chunks.length }, 'full re-match started');
  }

  private async scheduledRun(jobKey: string): Promise<number> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `INSERT INTO matching_run (trigger, job_key, chunk_size) VALUES ('scheduled', $1, $2)
       ON CONFLICT (job_key) DO UPDATE SET job_key = EXCLUDED.job_key RETURNING id`,
      [jobKey, this.config.MATCHING_CHUNK_SIZE],
    );
    return rows[0].id;
  }

  /** One chunk: match its enterprises, then record it done (once) and add its figures to the run. */
  async chunk(job: Job<{ runId: number; chunkNo: number }>): Promise<MatchStats | null> {
    const { runId, chunkNo } = job.data;
    const chunk = await this.dataSource.manager.findOneBy(MatchingRunChunk, { runId, chunkNo });
    if (!chunk || chunk.status === 'done') return null;
    await this.dataSource.query(
      `UPDATE matching_run_chunk SET status = 'running', attempts = attempts + 1, started_at = now() WHERE run_id = $1 AND chunk_no = $2`,
      [runId, chunkNo],
    );
    try {
      const stats = await this.engine.matchEnterprises({ from: chunk.fromEnterpriseId, to: chunk.toEnterpriseId });
      await this.dataSource.transaction(async (m) => {
        const [, updated]: [unknown[], number] = await m.query(
          `UPDATE matching_run_chunk SET status = 'done', finished_at = now(), pairs_scored = $3, matches_written = $4, matches_withdrawn = $5,
             events_written = $6, eligibility_written = $7
           WHERE run_id = $1 AND chunk_no = $2 AND status <> 'done' RETURNING chunk_no`,
          [
            runId,
            chunkNo,
            stats.candidates,
            stats.written,
            stats.withdrawn,
            stats.events + stats.eligibilityEvents,
            stats.eligibilityWritten,
          ],
        );
        if (!updated) return; // recorded by an earlier attempt that died before BullMQ heard of it
        await m.query(
          `UPDATE matching_run SET chunks_done = chunks_done + 1, pairs_scored = pairs_scored + $2, matches_written = matches_written + $3,
             matches_withdrawn = matches_withdrawn + $4, events_written = events_written + $5, eligibility_written = eligibility_written + $6
           WHERE id = $1`,
          [runId, stats.candidates, stats.written, stats.withdrawn, stats.events + stats.eligibilityEvents, stats.eligibilityWritten],
        );
      });
      return stats;
    } catch (err) {
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= attempts) {
        await this.dataSource.query(`UPDATE matching_run_chunk SET status = 'failed' WHERE run_id = $1 AND chunk_no = $2`, [
          runId,
          chunkNo,
        ]);
        await this.dataSource.query(
          `UPDATE matching_run SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status <> 'completed'`,
          [runId, `chunk ${chunkNo}: ${String((err as Error).message).slice(0, 500)}`],
        );
      }
      throw err;
    }
  }

  /** The flow's parent: all chunks are done. */
  async finish(job: Job<{ runId: number }>): Promise<void> {
    await this.complete(job.data.runId);
  }

  private async complete(runId: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE matching_run SET status = 'completed', finished_at = now() WHERE id = $1 AND status IN ('pending', 'running')`,
      [runId],
    );
    this.log.log({ runId }, 'full re-match completed');
  }
}
