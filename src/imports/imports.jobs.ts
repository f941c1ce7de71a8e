import { defineJob, defineQueue } from '../platform/queue/job-definition.js';

export const IMPORTS_QUEUE = 'imports';

/** Processes a stored upload (payload: the import's id). One at a time per process; a large file may take a while. */
export const runImportJob = defineJob<{ importId: number }>({
  name: 'imports.run',
  queue: IMPORTS_QUEUE,
  jobId: (p) => `import-${p.importId}`,
  options: { attempts: 3 },
});
defineQueue(IMPORTS_QUEUE, { concurrency: 1, lockDuration: 10 * 60_000 });
