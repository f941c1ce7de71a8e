import { defineJob, defineQueue } from '../platform/queue/job-definition.js';

export const INTAKE_QUEUE = 'intake';

/** Reads a stored document's text into drafts (payload: the document's id). Deterministic, so one attempt suffices. */
export const extractDocumentJob = defineJob<{ documentId: number }>({
  name: 'intake.extract',
  queue: INTAKE_QUEUE,
  jobId: (p) => `intake-document-${p.documentId}`,
  options: { attempts: 3 },
});
defineQueue(INTAKE_QUEUE, { concurrency: 1, lockDuration: 5 * 60_000 });
