import { z } from 'zod';
import { apiSchema, enumOf, pageOf, timestamp, type Describes } from '../platform/http/openapi.js';
import { IMPORT_KINDS, IMPORT_STATUSES } from './import-job.entity.js';
import type { importView } from './imports.service.js';

/** The documented answer (OpenAPI) of the import routes. */
export const importResponse = apiSchema(
  'Import',
  z.strictObject({
    id: z.number().int(),
    kind: enumOf(IMPORT_KINDS),
    kindLabel: z.string(),
    format: z.enum(['csv', 'xlsx']),
    fileName: z.string(),
    validOnly: z.boolean(),
    status: enumOf(IMPORT_STATUSES),
    statusLabel: z.string(),
    phase: z.enum(['validating', 'importing']).nullable(),
    progress: z.strictObject({ processedRows: z.number().int(), totalRows: z.number().int(), percent: z.number().int().min(0).max(100) }),
    created: z.number().int(),
    existing: z.number().int(),
    invalidRows: z.number().int(),
    errorCount: z.number().int(),
    errors: z
      .array(
        z.strictObject({
          line: z.number().int().describe('line (CSV) or row (XLSX), header = 1'),
          field: z.string(),
          column: z.string().nullable(),
          code: z.string(),
          message: z.string(),
        }),
      )
      .describe('the first 1,000 field errors'),
    errorsTruncated: z.boolean(),
    failure: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  }),
);
export const importPageResponse = apiSchema('ImportPage', pageOf(importResponse));

export const importViewChecked: Describes<typeof importResponse, typeof importView> = true;
