import { z } from 'zod';
import { listParam, pageQuery } from '../platform/http/pagination.js';
import { email, isoDate, requiredText, text } from '../platform/validation/common.js';
import { distinct, industryCode, regionCode } from '../reference/codes.js';
import { markupProblem } from './article-markup.js';
import { articleStatuses } from './article.vocabulary.js';

/** 200 000 characters: the longest seed work report is 13 000. A larger body is a 400 naming `body`. */
export const MAX_BODY_CHARS = 200_000;

export const articleBody = z
  .string()
  .trim()
  .min(1)
  .max(MAX_BODY_CHARS)
  .superRefine((s, ctx) => {
    const problem = markupProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { reason: 'markup_bomb' } });
  });

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((s) => /^https?:\/\/[^\s<>"]+$/i.test(s), '来源链接应以 http:// 或 https:// 开头');

export const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((s) => !/[<>,"]/.test(s), '标签不能包含 < > , "');

const ids = z
  .array(
    z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
  )
  .max(30)
  .transform((xs) => [...new Set(xs)]);

const articleFields = {
  title: requiredText(200),
  summary: text(500),
  body: articleBody,
  source: text(100),
  sourceUrl: httpUrl.nullable(),
  author: text(100),
  /** The owning region (whose officers edit and moderate it). */
  regionCode,
  /** Further regions it is about (the owning one is always included). */
  regionCodes: distinct(regionCode, 10),
  industryCodes: distinct(industryCode, 10),
  tags: distinct(tag, 10),
  relatedProjectIds: ids,
  relatedPolicyIds: ids,
  /** Publication date shown on the article (default: when it is published). */
  publishedOn: isoDate.nullable(),
};

/** POST /articles (staff of the region): a draft, or published at once. */
export const createArticleSchema = z.strictObject({
  ...articleFields,
  summary: articleFields.summary.default(''),
  source: articleFields.source.default(''),
  sourceUrl: articleFields.sourceUrl.default(null),
  author: articleFields.author.default(''),
  regionCodes: articleFields.regionCodes.default([]),
  industryCodes: articleFields.industryCodes.default([]),
  tags: articleFields.tags.default([]),
  relatedProjectIds: articleFields.relatedProjectIds.default([]),
  relatedPolicyIds: articleFields.relatedPolicyIds.default([]),
  publishedOn: articleFields.publishedOn.default(null),
  status: z.enum(['draft', 'published']).default('draft'),
});
export type CreateArticleInput = z.output<typeof createArticleSchema>;

/** PATCH /articles/:id (staff of its region; also how a moderator edits a submission and confirms suggestions). */
export const updateArticleSchema = z.strictObject(articleFields).partial();
export type UpdateArticleInput = z.output<typeof updateArticleSchema>;

/**
 * POST /articles/submissions (投稿, anyone): signed-in users are the submitter; guests give a
 * name and an address, and the submission waits for the e-mailed confirmation link.
 */
export const submitArticleSchema = z.strictObject({
  title: articleFields.title,
  summary: articleFields.summary.default(''),
  body: articleFields.body,
  source: articleFields.source.default(''),
  sourceUrl: articleFields.sourceUrl.default(null),
  regionCode,
  industryCodes: articleFields.industryCodes.default([]),
  submitterName: text(100).default(''),
  submitterEmail: email.optional(),
});
export type SubmitArticleInput = z.output<typeof submitArticleSchema>;

export const confirmSubmissionSchema = z.strictObject({ token: z.string().min(10).max(100) });

export const rejectArticleSchema = z.strictObject({ reason: requiredText(500) });
export type RejectArticleInput = z.output<typeof rejectArticleSchema>;

export const listArticlesQuery = z.strictObject({
  ...pageQuery,
  /** Articles about this region or any region inside it. */
  region: regionCode.optional(),
  /** Articles of these industries or any inside them. */
  industry: listParam(industryCode),
  tag: tag.optional(),
  q: text(100).optional(),
});
export type ListArticlesQuery = z.output<typeof listArticlesQuery>;

/** GET /articles/moderation: the queue of the caller's region (staff). */
export const moderationQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(articleStatuses).optional(),
});
export type ModerationQuery = z.output<typeof moderationQuery>;

export const submissionCreatedSchema = z.object({ id: z.number().int(), status: z.literal('submitted') });

// ---- answers (OpenAPI)
const ref = z.object({ code: z.string(), name: z.string() });

export const articleSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  summary: z.string(),
  body: z.string().optional().describe('Markdown as written (absent in lists)'),
  bodyHtml: z.string().optional().describe('The body rendered and sanitised (absent in lists)'),
  source: z.string(),
  sourceUrl: z.string().nullable(),
  author: z.string(),
  region: ref.describe('The owning region (its officers edit and moderate)'),
  regions: z.array(ref),
  industries: z.array(ref),
  tags: z.array(z.string()),
  relatedProjectIds: z.array(z.number().int()),
  relatedPolicyIds: z.array(z.number().int()),
  status: z.enum(articleStatuses),
  statusLabel: z.string(),
  publishedAt: z.string().nullable(),
  origin: z.enum(['staff', 'submission']).optional().describe('Staff of the region only (also the fields below)'),
  rejectionReason: z.string().nullable().optional(),
  submitterName: z.string().optional(),
  confirmed: z.boolean().optional(),
  suggestions: z
    .object({
      regionCodes: z.array(z.string()),
      industryCodes: z.array(z.string()),
      amounts: z.array(z.object({ text: z.string(), yuan: z.number().int() })),
      projectIds: z.array(z.number().int()),
      tags: z.array(z.string()),
    })
    .optional()
    .describe('What the recognisers found and the article does not have yet, for the editor to confirm'),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

export const articlePageSchema = z.object({
  items: z.array(articleSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const confirmedSubmissionSchema = z.object({ id: z.number().int(), status: z.literal('submitted'), confirmed: z.literal(true) });
