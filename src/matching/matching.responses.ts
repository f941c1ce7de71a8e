import { z } from 'zod';
import { apiSchema, enumOf, timestamp, type Describes } from '../platform/http/openapi.js';
import { PROJECT_STAGES } from '../projects/project.vocabulary.js';
import { codeRefSchema } from '../reference/reference.schemas.js';
import { MATCH_STATUSES } from './match.vocabulary.js';
import type { runView } from './matching.controller.js';

/** The documented answers (OpenAPI) of the matching routes. */

const factor = z.strictObject({
  factor: z.string(),
  fit: z.number().min(0).max(1),
  weight: z.number(),
  points: z.number(),
  reason: z.string(),
  label: z.string().optional(),
});
const incentiveRef = z.strictObject({
  id: z.number().int(),
  title: z.string().optional(),
  kind: z.string().optional(),
  kindLabel: z.string().optional(),
  grantedWithoutApplication: z.boolean().optional(),
});

const matchFields = {
  id: z.number().int(),
  enterpriseId: z.number().int(),
  projectId: z.number().int(),
  score: z.number().int().min(0).max(100),
  status: enumOf(MATCH_STATUSES),
  statusLabel: z.string(),
  statusChangedAt: timestamp,
  reasons: z.array(z.string()),
  breakdown: z.array(factor),
  eligibleIncentives: z.array(incentiveRef),
  needsInfoIncentives: z.array(incentiveRef),
  withdrawn: z.boolean(),
  withdrawnAt: timestamp.nullable(),
  computedAt: timestamp,
  createdAt: timestamp,
};
const matchProject = z.strictObject({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  region: codeRefSchema,
  industries: z.array(codeRefSchema),
  totalInvestmentYuan: z.number(),
  stage: enumOf(PROJECT_STAGES),
  stageLabel: z.string(),
});
const matchEnterprise = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  industries: z.array(codeRefSchema),
  homeRegion: codeRefSchema,
  size: z.string().nullable(),
  sizeLabel: z.string().nullable(),
  certifications: z.array(z.strictObject({ kind: z.string(), label: z.string() })).describe('verified ones'),
  investmentMinYuan: z.number().nullable(),
  investmentMaxYuan: z.number().nullable(),
});

/** A match as the enterprise sees it (with the project); GET /matches/:id and the interest/dismiss answers. */
export const matchResponse = apiSchema('Match', z.strictObject({ ...matchFields, project: matchProject }));
const counts = z.record(z.string(), z.number().int()).describe('matches by status');
const paged = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), counts };
export const enterpriseMatchesResponse = apiSchema('EnterpriseMatches', z.strictObject({ items: z.array(matchResponse), ...paged }));
export const projectMatchesResponse = apiSchema(
  'ProjectMatches',
  z.strictObject({ items: z.array(z.strictObject({ ...matchFields, enterprise: matchEnterprise })), ...paged }),
);

export const matchExplanationResponse = apiSchema(
  'MatchExplanation',
  z.strictObject({
    enterpriseId: z.number().int(),
    project: z.strictObject({
      id: z.number().int(),
      title: z.string(),
      region: codeRefSchema,
      stage: enumOf(PROJECT_STAGES),
      stageLabel: z.string(),
      status: z.string(),
    }),
    score: z.number().int(),
    threshold: z.number().int(),
    isMatch: z.boolean(),
    verdict: z.string(),
    excluded: z.strictObject({ factor: z.string(), reason: z.string() }).nullable(),
    breakdown: z.array(factor),
    reasons: z.array(z.string()),
    eligibleIncentives: z.array(incentiveRef),
    needsInfoIncentives: z.array(incentiveRef),
    stored: z
      .strictObject({ id: z.number().int(), score: z.number().int(), status: z.string(), statusLabel: z.string(), withdrawn: z.boolean() })
      .nullable(),
  }),
);

const runFields = {
  id: z.number().int(),
  jobId: z.string(),
  trigger: z.enum(['manual', 'scheduled']),
  status: z.enum(['pending', 'running', 'completed', 'failed']),
  statusLabel: z.string(),
  progress: z.number().min(0).max(100),
  chunks: z.strictObject({ total: z.number().int(), done: z.number().int(), failed: z.number().int(), size: z.number().int() }),
  enterprises: z.number().int(),
  pairsScored: z.number().int(),
  matchesWritten: z.number().int(),
  matchesWithdrawn: z.number().int(),
  eventsWritten: z.number().int(),
  eligibilityWritten: z.number().int(),
  error: z.string().nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  seconds: z.number().nullable(),
};
export const matchingRunResponse = apiSchema('MatchingRun', z.strictObject(runFields));
export const matchingRunListResponse = apiSchema('MatchingRunList', z.strictObject({ items: z.array(matchingRunResponse) }));
export const rematchResponse = apiSchema('RematchStarted', z.strictObject({ ...runFields, links: z.strictObject({ self: z.string() }) }));

export const runViewChecked: Describes<typeof matchingRunResponse, typeof runView> = true;
