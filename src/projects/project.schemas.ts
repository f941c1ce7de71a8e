import { z } from 'zod';
import { boolParam, listParam, orderParam, pageQuery } from '../platform/http/pagination.js';
import { dbId, isoDate, mu, requiredText, text, yuan } from '../platform/validation/common.js';
import { incentiveKinds } from '../policies/policy.vocabulary.js';
import { distinct, industryCode, regionCode } from '../reference/codes.js';
import { projectStages } from './project.vocabulary.js';

const projectFields = {
  title: requiredText(200),
  description: text(10_000),
  regionCode,
  industryCodes: distinct(industryCode, 10, 1),
  totalInvestmentYuan: yuan.min(1),
  landAreaMu: mu.nullable(),
  contactInfo: text(200),
  incentiveIds: z.array(dbId).max(50),
  /** 补链项目: the chain segment the project serves (a segment of a chain of the project's region or a region above it). */
  chainSegmentId: dbId.nullable(),
};

export const projectCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, '项目编号只能包含字母、数字和 . _ / -');

/** A new project starts as a draft in 谋划 or 招商中. */
export const createProjectSchema = z.strictObject({
  code: projectCode,
  ...projectFields,
  description: projectFields.description.default(''),
  landAreaMu: projectFields.landAreaMu.default(null),
  contactInfo: projectFields.contactInfo.default(''),
  incentiveIds: projectFields.incentiveIds.default([]),
  chainSegmentId: projectFields.chainSegmentId.default(null),
  stage: z.enum(['planning', 'open']).default('open'),
  /** Since when the project has been in that stage, if not today. */
  stageSince: isoDate.optional(),
});
export type CreateProjectInput = z.output<typeof createProjectSchema>;

/** Edits; the stage changes only through the stage endpoint, the code never. */
export const updateProjectSchema = z.strictObject(projectFields).partial();
export type UpdateProjectInput = z.output<typeof updateProjectSchema>;

export const changeStageSchema = z.strictObject({
  stage: z.enum(projectStages),
  /** When the stage was reached, if not today (e.g. the signing date). */
  at: isoDate.optional(),
  note: text(500).default(''),
});
export type ChangeStageInput = z.output<typeof changeStageSchema>;

/** The SQL of each `order` column of the project list. */
export const PROJECT_ORDER_SQL = {
  title: 'p.title',
  region: 'p.region_code',
  stage: 'p.stage',
  investment: 'p.total_investment_yuan',
  publishedAt: 'p.published_at',
} as const;

export const listProjectsQuery = z.strictObject({
  ...pageQuery,
  region: regionCode.optional(),
  industry: listParam(industryCode),
  stage: listParam(z.enum(projectStages)),
  incentiveKind: listParam(z.enum(incentiveKinds)),
  minInvestmentYuan: z.coerce.number().int().min(0).optional(),
  maxInvestmentYuan: z.coerce.number().int().min(0).optional(),
  q: text(100).optional(),
  /** Staff only: include drafts. */
  includeDrafts: boolParam.optional(),
  sort: z.enum(['newest', 'investment']).default('newest'),
  /** Column sort (the console's tables; before `sort`): title, region, stage, investment, publishedAt (`-` descending). */
  order: orderParam(['title', 'region', 'stage', 'investment', 'publishedAt']),
});
export type ListProjectsQuery = z.output<typeof listProjectsQuery>;
