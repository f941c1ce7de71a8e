import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobRequest } from '../queue/job-definition.js';

/** Writes job requests into the outbox inside the caller's transaction. */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, ...requests: JobRequest[]): Promise<void> {
    if (!requests.length) return;
    const values: unknown[] = [];
    const rows = requests.map((r, i) => {
      values.push(r.queue, r.name, r.jobId ?? null, JSON.stringify(r.payload), r.delayMs ?? 0);
      const b = i * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::jsonb, now() + make_interval(secs => $${b + 5}::int / 1000.0))`;
    });
    await manager.query(`INSERT INTO outbox (queue, job_name, job_id, payload, available_at) VALUES ${rows.join(', ')}`, values);
  }
}
