import { z } from 'zod';
import { apiSchema, timestamp } from '../platform/http/openapi.js';
import { codeRefSchema } from '../reference/reference.schemas.js';
import { FUNNEL_STAGES, figuresGroupings, type FiguresResult } from './figures.service.js';

/** The documented answers (OpenAPI) of GET /leads/figures and the assignment rules. */

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();
const reachable = ['contacted', 'negotiating', 'signed', 'started', 'producing', 'lost'] as const;
const stepped = ['contacted', 'negotiating', 'signed', 'started', 'producing'] as const;
const dwelling = ['new', 'contacted', 'negotiating', 'signed', 'started'] as const;
const byStage = <T extends z.ZodType>(stages: readonly string[], v: T) => z.strictObject(Object.fromEntries(stages.map((s) => [s, v])));

const funnelFigures = apiSchema(
  'FunnelFigures',
  z.strictObject({
    key: z.string(),
    label: z.string(),
    funnel: z.array(
      z.strictObject({
        stage: z.enum(FUNNEL_STAGES),
        label: z.string(),
        leads: count.describe('leads that reached the stage in the period'),
        projects: count.optional().describe('signed/started/producing: projects (a project counts once)'),
        increases: count.optional().describe('capital increases (增资扩产)'),
        amountYuan: z.number().optional(),
      }),
    ),
    conversion: z.strictObject({
      cohort: count.describe("the period's new leads"),
      reached: byStage(reachable, count),
      rates: byStage(reachable, rate),
      stepRates: byStage(stepped, rate),
    }),
    medianDays: byStage(dwelling, z.strictObject({ days: z.number().nullable(), moves: count })),
  }),
);

export const figuresResponse = apiSchema(
  'LeadFigures',
  z.strictObject({
    period: z.strictObject({ from: z.string(), to: z.string() }),
    scope: z.strictObject({
      region: codeRefSchema.nullable(),
      industry: z.array(z.string()).nullable(),
      owner: z.number().int().nullable(),
    }),
    groupBy: z.enum(figuresGroupings),
    total: funnelFigures,
    groups: z.array(funnelFigures),
  }),
);
// FiguresResult is an interface (not a view function): check it the same way
export const figuresChecked: FiguresResult extends z.input<typeof figuresResponse> ? true : never = true;

export const assignmentRuleResponse = apiSchema(
  'AssignmentRule',
  z.strictObject({
    id: z.number().int(),
    bureauId: z.number().int(),
    userId: z.number().int(),
    userName: z.string().optional(),
    regionCode: z.string().nullable(),
    industryCode: z.string().nullable(),
    createdAt: timestamp.optional(),
  }),
);
export const assignmentRuleListResponse = apiSchema('AssignmentRuleList', z.strictObject({ items: z.array(assignmentRuleResponse) }));

export const inquiryResponse = apiSchema(
  'LeadInquiry',
  z.strictObject({
    id: z.number().int().describe('the lead'),
    created: z.boolean(),
    bureau: z.string().nullable().describe('the bureau that will answer'),
    contact: z
      .strictObject({ name: z.string(), bureau: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
      .nullable()
      .describe('the officer who will call (null until one is assigned)'),
  }),
);
