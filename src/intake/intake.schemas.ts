import { z } from 'zod';
import { pageQuery } from '../platform/http/pagination.js';
import { dbId, requiredText, text } from '../platform/validation/common.js';
import { industryCode, regionCode } from '../reference/codes.js';
import { MAX_TEXT_CHARS } from './document-text.js';
import { DOCUMENT_STATUSES } from './intake.vocabulary.js';

const sourceUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]);

/** `POST /intake/documents` as JSON: a document's text pasted or fetched elsewhere. */
export const submitTextSchema = z.strictObject({
  title: requiredText(300),
  text: z
    .string()
    .max(MAX_TEXT_CHARS)
    .refine((t) => t.trim().length > 0, '正文不能为空'),
  regionCode: regionCode.optional(),
  sourceUrl: sourceUrl.default(''),
});
export type SubmitTextInput = z.output<typeof submitTextSchema>;

/** The form fields that may come with a multipart upload (`file` is the file itself). */
export const uploadFieldsSchema = z.strictObject({
  title: text(300).optional(),
  regionCode: z.union([z.literal(''), regionCode]).optional(),
  sourceUrl: sourceUrl.optional(),
});
export type UploadFields = z.output<typeof uploadFieldsSchema>;

export const listDocumentsQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(Object.keys(DOCUMENT_STATUSES) as [keyof typeof DOCUMENT_STATUSES]).optional(),
});
export type ListDocumentsQuery = z.output<typeof listDocumentsQuery>;

/**
 * `POST /intake/drafts/:id/accept`: the reviewed fields, each optional (what is left out keeps the draft's value).
 * They are then validated by the very schema of the project or policy API (createProjectSchema, createPolicySchema,
 * incentiveSchema), so a draft is accepted only as a record the API would accept.
 */
export const acceptDraftSchema = z.strictObject({
  // project
  code: z.unknown().optional(),
  title: z.unknown().optional(),
  description: z.unknown().optional(),
  regionCode: z.unknown().optional(),
  industryCodes: z.unknown().optional(),
  investmentYuan: z.unknown().optional(),
  landAreaMu: z.unknown().optional(),
  stage: z.unknown().optional(),
  // policy
  issuer: z.unknown().optional(),
  validFrom: z.unknown().optional(),
  validTo: z.unknown().optional(),
  documentNumber: z.unknown().optional(),
  // incentive
  kind: z.unknown().optional(),
  maxAmountYuan: z.unknown().optional(),
  conditions: z.unknown().optional(),
  grantedWithoutApplication: z.unknown().optional(),
  /** Incentives: the (draft) policy to add it to; default the document's own policy, created when needed. */
  policyId: dbId.optional(),
});
export type AcceptDraftInput = z.output<typeof acceptDraftSchema>;

/** Admins extend the industry keyword table: "黄金梨" → ["A0151"]. */
export const addKeywordSchema = z.strictObject({
  keyword: requiredText(40).refine((k) => k.length >= 2, '关键词至少两个字'),
  codes: z.array(industryCode).min(1).max(5),
});
export type AddKeywordInput = z.output<typeof addKeywordSchema>;
