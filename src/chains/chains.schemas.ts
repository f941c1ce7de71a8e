import { z } from 'zod';
import { pageQuery } from '../platform/http/pagination.js';
import { dbId, isoDate, requiredText } from '../platform/validation/common.js';
import { distinct, industryCode, regionCode } from '../reference/codes.js';
import { templateKeys } from './chain-templates.js';
import { segmentStatuses } from './chain.vocabulary.js';

const tier = z.enum(['upstream', 'midstream', 'downstream']);
const keyword = z.string().trim().min(1).max(20);

export const segmentInput = z.strictObject({
  name: requiredText(60),
  /** Left to right, 1-based; distinct within the chain. */
  position: z.number().int().min(1).max(100),
  industryCodes: distinct(industryCode, 20, 1),
  tier: tier.nullable().default(null),
  keywords: distinct(keyword, 10).default([]),
});

const segments = z
  .array(segmentInput)
  .min(1)
  .max(30)
  .superRefine((xs, ctx) => {
    const seen = new Set<number>();
    xs.forEach((s, i) => {
      if (seen.has(s.position)) ctx.addIssue({ code: 'custom', path: [i, 'position'], message: '环节位置重复' });
      seen.add(s.position);
    });
  });

const thresholdFields = {
  /** Presence (enterprises + landed leads) from which a segment is `strong` (default 3). */
  strongMin: z.number().int().min(2).max(1000),
  /** Presence from which a segment is `weak` rather than a `gap` (default 1). */
  weakMin: z.number().int().min(1).max(999),
};

const ids = z
  .array(dbId)
  .max(20)
  .transform((xs) => [...new Set(xs)]);

/**
 * POST /chains (staff of the region): `{name, regionCode, segments}`, or `{regionCode, templateKey}`
 * to adopt a template (name and segments then default to the template's).
 */
export const createChainSchema = z
  .strictObject({
    name: requiredText(100).optional(),
    regionCode,
    templateKey: z.enum(templateKeys).optional(),
    segments: segments.optional(),
    leaderUserId: dbId.nullable().default(null),
    anchorEnterpriseIds: ids.default([]),
    ...{ strongMin: thresholdFields.strongMin.default(3), weakMin: thresholdFields.weakMin.default(1) },
  })
  .superRefine((v, ctx) => {
    if (!v.templateKey && !v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写产业链名称（或选择模板）' });
    if (!v.templateKey && !v.segments) ctx.addIssue({ code: 'custom', path: ['segments'], message: '请填写产业链环节（或选择模板）' });
    if (v.strongMin <= v.weakMin) ctx.addIssue({ code: 'custom', path: ['strongMin'], message: 'strongMin 应大于 weakMin' });
  });
export type CreateChainInput = z.output<typeof createChainSchema>;

/** PATCH /chains/:id: any of name, 链长, 链主, thresholds; `segments` replaces the segment list. */
export const updateChainSchema = z
  .strictObject({
    name: requiredText(100),
    segments,
    leaderUserId: dbId.nullable(),
    anchorEnterpriseIds: ids,
    ...thresholdFields,
  })
  .partial();
export type UpdateChainInput = z.output<typeof updateChainSchema>;

export const listChainsQuery = z.strictObject({ ...pageQuery });
export type ListChainsQuery = z.output<typeof listChainsQuery>;

export const targetsQuery = z.strictObject({
  ...pageQuery,
  /** Only this segment (default: every gap and weak segment). */
  segmentId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
});
export type TargetsQuery = z.output<typeof targetsQuery>;

/** GET /chains/:id/targets/export: the ranked targets (first 5 000) as XLSX or CSV. */
export const targetsExportQuery = z.strictObject({
  segmentId: targetsQuery.shape.segmentId,
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});
export type TargetsExportQuery = z.output<typeof targetsExportQuery>;

/** POST /chains/:id/leads: a target becomes a lead (source 产业链招商). */
export const chainLeadSchema = z.strictObject({
  enterpriseId: dbId,
  /** The segment it should fill (default: its best gap or weak segment). */
  segmentId: dbId.optional(),
});
export type ChainLeadInput = z.output<typeof chainLeadSchema>;
export const chainLeadCreatedSchema = z.object({ id: z.number().int(), created: z.boolean(), reasons: z.array(z.string()) });

export const chainCreatedSchema = z.object({ id: z.number().int() });

const segmentSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  name: z.string(),
  tier: tier.nullable(),
  industryCodes: z.array(z.string()),
  keywords: z.array(z.string()),
});

export const chainSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  templateKey: z.string().nullable(),
  leaderUserId: z.number().int().nullable(),
  leaderName: z.string().nullable(),
  anchorEnterprises: z.array(z.object({ id: z.number().int(), name: z.string() })),
  strongMin: z.number().int(),
  weakMin: z.number().int(),
  segments: z.array(segmentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const chainListItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  templateKey: z.string().nullable(),
  segmentCount: z.number().int(),
});

export const chainPageSchema = z.object({
  items: z.array(chainListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const chainMapSchema = z.object({
  chainId: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  thresholds: z.object({ strongMin: z.number().int(), weakMin: z.number().int() }),
  /** The rule, in words (also in README). */
  rule: z.string(),
  segments: z.array(
    segmentSchema.extend({
      enterprises: z.number().int(),
      openProjects: z.number().int(),
      signedLeads: z.number().int(),
      startedLeads: z.number().int(),
      producingLeads: z.number().int(),
      status: z.enum(segmentStatuses),
      anchorEnterpriseIds: z.array(z.number().int()),
    }),
  ),
});

export const chainTargetSchema = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  segmentId: z.number().int(),
  segmentName: z.string(),
  status: z.enum(['gap', 'weak']),
  openness: z.enum(['region', 'province', 'none']),
  score: z.number().int(),
  reasons: z.array(z.string()),
});

export const chainTargetPageSchema = z.object({
  items: z.array(chainTargetSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const chainTemplateSchema = z.object({
  key: z.string(),
  name: z.string(),
  segments: z.array(z.object({ name: z.string(), tier: tier, industryCodes: z.array(z.string()), keywords: z.array(z.string()) })),
});
export const chainTemplateListSchema = z.object({ items: z.array(chainTemplateSchema) });

/** GET /chains/:id/figures: the period (Asia/Shanghai dates, inclusive; default 1 January of this year to today). */
export const chainFiguresQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type ChainFiguresQuery = z.output<typeof chainFiguresQuery>;
export const chainFiguresExportQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional(), format: z.enum(['csv', 'xlsx']).default('xlsx') })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type ChainFiguresExportQuery = z.output<typeof chainFiguresExportQuery>;

const milestoneSchema = z.object({
  stage: z.enum(['signed', 'started', 'producing']),
  label: z.string(),
  projects: z.number().int(),
  increases: z.number().int(),
  leads: z.number().int(),
  amountYuan: z.number(),
});
export const chainFiguresSchema = z.object({
  chainId: z.number().int(),
  name: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  /** The chain: leads with an industry in any segment, each once. */
  total: z.array(milestoneSchema),
  segments: z.array(z.object({ segmentId: z.number().int(), name: z.string(), milestones: z.array(milestoneSchema) })),
  /** 补链 leads (source 产业链招商) signed in the period. */
  chainLeadsSigned: z.number().int(),
  /** The agreements of the chain's leads signed in the period (the agreements module's figures, one definition). */
  agreements: z.object({
    total: z.number().int(),
    pledgedYuan: z.number(),
    capitalYuan: z.number(),
    capitalRate: z.number().nullable(),
    byStatus: z.object({ performing: z.number().int(), at_risk: z.number().int(), met: z.number().int(), breached: z.number().int() }),
    pledges: z.object({ met: z.number().int(), on_track: z.number().int(), at_risk: z.number().int(), breached: z.number().int() }),
    tranches: z.object({ released: z.number().int(), releasedYuan: z.number(), withheld: z.number().int(), withheldYuan: z.number() }),
    recovery: z.object({ cases: z.number().int(), dueYuan: z.number(), recoveredYuan: z.number() }),
  }),
});

/** GET /chains/figures: every chain of the region subtree (within the caller's scope) for the period. */
const chainsFiguresFields = { from: isoDate.optional(), to: isoDate.optional(), region: regionCode.optional() };
export const chainsFiguresQuery = z
  .strictObject(chainsFiguresFields)
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type ChainsFiguresQuery = z.output<typeof chainsFiguresQuery>;
export const chainsFiguresExportQuery = z
  .strictObject({ ...chainsFiguresFields, format: z.enum(['csv', 'xlsx']).default('xlsx') })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type ChainsFiguresExportQuery = z.output<typeof chainsFiguresExportQuery>;
export const chainsFiguresSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  /** The chains (by id; at most CHAINS_FIGURES_MAX), each with its segments. */
  items: z.array(chainFiguresSchema),
  /** Chains in the region subtree (more than items when capped). */
  total: z.number().int(),
});
