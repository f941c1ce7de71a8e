import { z } from 'zod';
import { apiSchema } from '../platform/http/openapi.js';

/** A region (GB/T 2260) or industry (GB/T 4754) by code, with its name. */
export const codeRefSchema = apiSchema('CodeRef', z.strictObject({ code: z.string(), name: z.string() }));

/** A node of the region or industry tree. */
export const treeNodeSchema = apiSchema(
  'TreeNode',
  z.strictObject({
    code: z.string(),
    name: z.string(),
    fullName: z.string().describe('regions: the full name with the province and city, e.g. 河南省开封市尉氏县'),
    level: z.number().int(),
    levelLabel: z.string(),
    parent: z.string().nullable(),
    hasChildren: z.boolean(),
  }),
);

export const treeListSchema = apiSchema('TreeNodeList', z.strictObject({ items: z.array(treeNodeSchema) }));

export const treeDetailSchema = apiSchema(
  'TreeNodeDetail',
  treeNodeSchema.extend({ ancestors: z.array(treeNodeSchema), children: z.array(treeNodeSchema) }),
);
