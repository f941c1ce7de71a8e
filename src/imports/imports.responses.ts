import { z } from 'zod';
import { apiSchema, enumOf, pageOf, timestamp, type Describes } from '../platform/http/openapi.js';
import { IMPORT_KINDS, IMPORT_MODES, IMPORT_STATUSES, ROW_OUTCOMES } from './import-job.entity.js';
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
    mode: enumOf(IMPORT_MODES).describe(
      'create: new records only; upsert (enterprises): an existing USCC is updated with the columns the file names',
    ),
    modeLabel: z.string(),
    status: enumOf(IMPORT_STATUSES),
    statusLabel: z.string(),
    phase: z.enum(['validating', 'importing']).nullable(),
    progress: z.strictObject({ processedRows: z.number().int(), totalRows: z.number().int(), percent: z.number().int().min(0).max(100) }),
    created: z.number().int(),
    existing: z.number().int(),
    updated: z.number().int().describe('upsert: existing enterprises changed'),
    unchanged: z.number().int().describe('upsert: existing enterprises already as the file says'),
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
    rows: z
      .array(
        z.strictObject({
          line: z.number().int(),
          key: z.string().nullable().describe('USCC, project code or lead key'),
          outcome: enumOf(ROW_OUTCOMES),
          outcomeLabel: z.string(),
          fields: z.array(z.string()).optional().describe('an update: the fields that changed'),
        }),
      )
      .describe("each row's outcome (the first 1,000 rows; the counts are complete)"),
    rowsTruncated: z.boolean(),
    failure: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  }),
);
export const importPageResponse = apiSchema('ImportPage', pageOf(importResponse));

export const importViewChecked: Describes<typeof importResponse, typeof importView> = true;
