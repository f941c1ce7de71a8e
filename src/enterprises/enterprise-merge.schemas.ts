import { z } from 'zod';
import { apiSchema } from '../platform/http/openapi.js';
import { pageQuery } from '../platform/http/pagination.js';
import { requiredText } from '../platform/validation/common.js';
import { codeRefSchema } from '../reference/reference.schemas.js';
import type { DuplicatePair } from './enterprise-merge.service.js';
import { regionRef } from '../reference/refs.js';

/** GET /enterprises/duplicates. */
export const listDuplicatesQuery = z.strictObject({ ...pageQuery });
export type ListDuplicatesQuery = z.output<typeof listDuplicatesQuery>;

/** POST /enterprises/:id/merge: the record `duplicateId` is merged into `:id` (which stays). */
export const mergeEnterpriseSchema = z.strictObject({
  duplicateId: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
  reason: requiredText(500),
});
export type MergeEnterpriseInput = z.output<typeof mergeEnterpriseSchema>;

const side = z.strictObject({ id: z.number().int(), name: z.string(), uscc: z.string(), homeRegion: codeRefSchema });
export const duplicatePairResponse = apiSchema(
  'DuplicateEnterprisePair',
  z.strictObject({
    a: side,
    b: side,
    sameName: z.boolean().describe('the same name once 有限公司/股份/(集团)/spaces/full-width are set aside'),
    sharedContacts: z.array(z.string()).describe('shared contact phones (p:digits) and e-mails (e:address)'),
  }),
);
export const duplicatePageResponse = apiSchema(
  'DuplicateEnterprisePage',
  z.strictObject({
    items: z.array(duplicatePairResponse),
    total: z.number().int().min(0),
    totalExact: z.boolean().describe('false: total is a lower bound (more pages follow)'),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  }),
);
export const mergeResultResponse = apiSchema(
  'EnterpriseMergeResult',
  z.strictObject({ id: z.number().int(), mergedId: z.number().int(), moved: z.record(z.string(), z.number().int()) }),
);

export const duplicatePairView = (p: DuplicatePair) => ({
  a: { id: p.a.id, name: p.a.name, uscc: p.a.uscc, homeRegion: regionRef(p.a.homeRegionCode) },
  b: { id: p.b.id, name: p.b.name, uscc: p.b.uscc, homeRegion: regionRef(p.b.homeRegionCode) },
  sameName: p.sameName,
  sharedContacts: p.sharedContacts,
});
