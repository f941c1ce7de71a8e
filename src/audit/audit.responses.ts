import { z } from 'zod';
import { apiSchema, pageOf, timestamp } from '../platform/http/openapi.js';
import { codeRefSchema } from '../reference/reference.schemas.js';

/** The documented answer (OpenAPI) of GET /audit. */
export const auditEntryResponse = apiSchema(
  'AuditEntry',
  z.strictObject({
    id: z.number().int(),
    at: timestamp,
    action: z.string().describe('e.g. lead.stage_changed'),
    actionLabel: z.string(),
    actor: z.strictObject({ userId: z.number().int().nullable(), email: z.string().nullable(), role: z.string().nullable() }).nullable(),
    target: z.strictObject({ type: z.string(), id: z.string().nullable() }).nullable(),
    region: codeRefSchema.nullable(),
    detail: z.record(z.string(), z.unknown()).describe('what changed, by action'),
    ip: z.string(),
    userAgent: z.string(),
  }),
);
export const auditPageResponse = apiSchema('AuditPage', pageOf(auditEntryResponse));
