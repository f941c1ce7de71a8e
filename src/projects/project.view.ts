import { z } from 'zod';
import { industryRef, regionRef } from '../reference/refs.js';
import { apiSchema, enumOf, pageOf, timestamp, type Describes } from '../platform/http/openapi.js';
import { codeRefSchema } from '../reference/reference.schemas.js';
import { incentiveSummary, incentiveSummaryResponse } from '../policies/policy.view.js';
import type { Project } from './project.entity.js';
import { PROJECT_STAGES, PROJECT_STATUSES } from './project.vocabulary.js';

export function projectView(p: Project) {
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    description: p.description,
    region: regionRef(p.regionCode),
    industries: p.industryCodes.map(industryRef),
    totalInvestmentYuan: p.totalInvestmentYuan,
    landAreaMu: p.landAreaMu,
    stage: p.stage,
    stageLabel: PROJECT_STAGES[p.stage],
    stageChangedAt: p.stageChangedAt,
    stageHistory: p.stageChanges
      ?.sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime() || a.id - b.id)
      .map((c) => ({ from: c.fromStage, to: c.toStage, toLabel: PROJECT_STAGES[c.toStage], at: c.changedAt, note: c.note })),
    status: p.status,
    statusLabel: PROJECT_STATUSES[p.status],
    publishedAt: p.publishedAt,
    incentives: p.incentives?.map(incentiveSummary),
    chainSegment: p.chainSegment
      ? { id: p.chainSegment.id, chainId: p.chainSegment.chainId, chainLabel: p.chainSegment.chainLabel, name: p.chainSegment.name }
      : null,
    contactInfo: p.contactInfo,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
export type ProjectView = ReturnType<typeof projectView>;

// ---- the documented answer (OpenAPI), checked against the view above ----

export const projectResponse = apiSchema(
  'Project',
  z.strictObject({
    id: z.number().int(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    region: codeRefSchema,
    industries: z.array(codeRefSchema),
    totalInvestmentYuan: z.number(),
    landAreaMu: z.number().nullable(),
    stage: enumOf(PROJECT_STAGES),
    stageLabel: z.string(),
    stageChangedAt: timestamp,
    stageHistory: z
      .array(
        z.strictObject({
          from: enumOf(PROJECT_STAGES).nullable(),
          to: enumOf(PROJECT_STAGES),
          toLabel: z.string(),
          at: timestamp,
          note: z.string(),
        }),
      )
      .optional(),
    status: enumOf(PROJECT_STATUSES),
    statusLabel: z.string(),
    publishedAt: timestamp.nullable(),
    incentives: z.array(incentiveSummaryResponse).optional(),
    /** 补链项目: the chain segment it serves, with the chain's label (e.g. 尉氏县汽车零部件产业链) and the segment's name. */
    chainSegment: z.strictObject({ id: z.number().int(), chainId: z.number().int(), chainLabel: z.string(), name: z.string() }).nullable(),
    contactInfo: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export const projectPageResponse = apiSchema('ProjectPage', pageOf(projectResponse));

export const projectViewChecked: Describes<typeof projectResponse, typeof projectView> = true;
