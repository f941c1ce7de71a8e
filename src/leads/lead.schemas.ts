import { z } from 'zod';
import { boolParam, listParam, orderParam, pageQuery } from '../platform/http/pagination.js';
import { usccSchema } from '../enterprises/enterprise.schemas.js';
import { projectCode } from '../projects/project.schemas.js';
import { email, isoDate, requiredText, text, yuan } from '../platform/validation/common.js';
import { industryCode, regionCode } from '../reference/codes.js';
import {
  LEAD_STAGES,
  leadSources,
  leadStages,
  PIPELINE,
  PRE_SIGNING,
  STAFF_LEAD_SOURCES,
  workActivityKinds,
  type LeadStage,
} from './lead.vocabulary.js';

const id = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

/**
 * A new lead: from a match (`matchId`: the enterprise and project come from it), or an enterprise
 * with a project (`projectId`) or a general interest in a region (`regionCode`); found through an
 * incentive (`incentiveId`, 政策找企业: the region defaults to the policy's within the caller's).
 * `source` says where the officer found it (default 手工录入; with `matchId` always 匹配推荐).
 * Without `ownerId` the bureau's assignment rules pick the owner.
 */
export const createLeadSchema = z
  .strictObject({
    matchId: id.optional(),
    enterpriseId: id.optional(),
    projectId: id.optional(),
    regionCode: regionCode.optional(),
    incentiveId: id.optional(),
    source: z.enum(STAFF_LEAD_SOURCES).optional(),
    ownerId: id.optional(),
    expectedInvestmentYuan: yuan.nullable().optional(),
    nextFollowUpOn: isoDate.nullable().optional(),
    note: text(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.matchId !== undefined) {
      for (const f of ['enterpriseId', 'projectId', 'regionCode', 'incentiveId'] as const) {
        if (v[f] !== undefined) ctx.addIssue({ code: 'custom', path: [f], message: '从匹配创建线索时，企业和项目取自匹配，不能另行填写' });
      }
      return;
    }
    if (v.source === 'match') ctx.addIssue({ code: 'custom', path: ['source'], message: '来源为匹配推荐时请填写 matchId' });
    if (v.enterpriseId === undefined) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '必填（或填写 matchId）' });
    if (v.projectId === undefined && v.regionCode === undefined && v.incentiveId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['projectId'],
        message: '请填写项目（projectId）、意向地区（regionCode）或扶持措施（incentiveId）',
      });
    }
    if (v.projectId !== undefined && v.regionCode !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: '有项目的线索地区取自项目，不能另行填写' });
    }
  });
export type CreateLeadInput = z.output<typeof createLeadSchema>;

/** An enterprise asks about a project or a policy without a match (主动咨询): one of the two, and what it wants to know. */
export const inquirySchema = z
  .strictObject({
    projectId: id.optional(),
    policyId: id.optional(),
    message: requiredText(1000),
  })
  .superRefine((v, ctx) => {
    if ((v.projectId === undefined) === (v.policyId === undefined))
      ctx.addIssue({ code: 'custom', path: ['projectId'], message: '请填写项目（projectId）或政策（policyId）中的一项' });
  });
export type InquiryInput = z.output<typeof inquirySchema>;

/**
 * A stage change. `at` is the date it happened (default today; never in the future, never before
 * the previous stage). Signing needs `amountYuan` (for an increase: the amount added); start and
 * production take theirs, defaulting to the previous milestone's. Losing needs `lostReason`.
 */
export const changeLeadStageSchema = z
  .strictObject({
    stage: z.enum(leadStages),
    at: isoDate.optional(),
    amountYuan: yuan.min(1).optional(),
    /** Signing without a project: the earlier signed lead of the same enterprise this signing increases (增资). */
    increaseOf: id.optional(),
    lostReason: requiredText(500).optional(),
    note: text(2000).default(''),
  })
  .superRefine((v, ctx) => {
    const milestone = v.stage === 'signed' || v.stage === 'started' || v.stage === 'producing';
    if (v.stage === 'signed' && v.amountYuan === undefined)
      ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: '签约须填写签约金额（元）' });
    if (!milestone && v.amountYuan !== undefined)
      ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: '只有签约、开工、投产阶段填写金额' });
    if (v.increaseOf !== undefined && v.stage !== 'signed')
      ctx.addIssue({ code: 'custom', path: ['increaseOf'], message: '只有签约时可以指明增资对应的线索' });
    if (v.stage === 'lost' && v.lostReason === undefined)
      ctx.addIssue({ code: 'custom', path: ['lostReason'], message: '标记流失须填写原因' });
    if (v.stage !== 'lost' && v.lostReason !== undefined)
      ctx.addIssue({ code: 'custom', path: ['lostReason'], message: '只有标记流失时填写原因' });
  });
export type ChangeLeadStageInput = z.output<typeof changeLeadStageSchema>;

export const reopenLeadSchema = z.strictObject({
  /** Default: the stage it was lost at. */
  stage: z.enum(PRE_SIGNING as [LeadStage, ...LeadStage[]]).optional(),
  reason: requiredText(500),
});
export type ReopenLeadInput = z.output<typeof reopenLeadSchema>;

/** ISO 8601 date-time with an offset (or Z), or a date (then Asia/Shanghai midnight). */
const moment = z
  .string()
  .trim()
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(s) &&
      !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00+08:00` : s)),
    '应为日期或带时区的时间，如 2026-01-05 或 2026-01-05T10:00:00+08:00',
  )
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00+08:00` : s));

export const addActivitySchema = z.strictObject({
  kind: z.enum(workActivityKinds),
  summary: requiredText(2000),
  /** When it happened (default now; not in the future). */
  at: moment.optional(),
  /** Also set (or clear, with null) the next follow-up date. */
  nextFollowUpOn: isoDate.nullable().optional(),
});
export type AddActivityInput = z.output<typeof addActivitySchema>;

export const updateLeadSchema = z
  .strictObject({
    nextFollowUpOn: isoDate.nullable().optional(),
    expectedInvestmentYuan: yuan.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '请至少修改一项');
export type UpdateLeadInput = z.output<typeof updateLeadSchema>;

export const assignLeadSchema = z.strictObject({
  ownerId: id,
  note: text(500).default(''),
});
export type AssignLeadInput = z.output<typeof assignLeadSchema>;

export const leadSorts = ['recent', 'followUp', 'created'] as const;
export type LeadSort = (typeof leadSorts)[number];

/** The lead list's filters (region and industry include their subtrees). */
export const leadFilterFields = {
  stage: listParam(z.enum(leadStages)),
  /** `me`, `none` (unassigned) or an officer's id. */
  owner: z
    .union([
      z.enum(['me', 'none']),
      z.coerce
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 1),
    ])
    .optional(),
  region: regionCode.optional(),
  industry: listParam(industryCode),
  source: listParam(z.enum(leadSources)),
  /** Open leads whose next follow-up is today or earlier. */
  followUpDue: boolParam.optional(),
  /** Leads before signing whose next follow-up was before today (已逾期). */
  overdue: boolParam.optional(),
  /** Leads before signing whose next follow-up is today (今日待跟进: the 工作台 card's count). */
  dueToday: boolParam.optional(),
  enterpriseId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  projectId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  /** Words of the enterprise's name, the project's title or the region. */
  q: text(100).optional(),
};

/** The list view's sortable columns (their SQL: LEAD_ORDER_SQL). */
export const leadOrders = ['enterprise', 'stage', 'owner', 'source', 'followUp', 'lastActivity', 'createdAt', 'expected'] as const;

export const listLeadsQuery = z.strictObject({
  ...pageQuery,
  ...leadFilterFields,
  /** Keyset paging: the `nextCursor` of the previous page (then `page` is ignored). Offset paging stops at 10,000 rows. */
  cursor: z.string().max(300).optional(),
  sort: z.enum(leadSorts).default('recent'),
  /** Column sort of the list view (offset paging only, not with `cursor`): enterprise, stage, owner, source, followUp, lastActivity, createdAt, expected. */
  order: orderParam(leadOrders),
});
export type ListLeadsQuery = z.output<typeof listLeadsQuery>;
export type LeadFilters = Pick<ListLeadsQuery, keyof typeof leadFilterFields>;

export const exportLeadsQuery = z.strictObject({
  ...leadFilterFields,
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  sort: z.enum(leadSorts).default('recent'),
});
export type ExportLeadsQuery = z.output<typeof exportLeadsQuery>;

export const assignmentRuleSchema = z
  .strictObject({
    userId: id,
    regionCode: regionCode.nullable().default(null),
    industryCode: industryCode.nullable().default(null),
    /** Admins: the bureau (bureau leads: always their own). */
    bureauId: id.optional(),
  })
  .refine((v) => v.regionCode !== null || v.industryCode !== null, { message: '地区和行业至少填写一项', path: ['regionCode'] });
export type AssignmentRuleInput = z.output<typeof assignmentRuleSchema>;

export const listRulesQuery = z.strictObject({
  bureauId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
});

/**
 * One row of a lead import: the enterprise by USCC, the project by its code (or a region of
 * interest), and the lead's history so far — each milestone with its date (and amount), validated
 * with the same field rules as the API. The import replays the history through the pipeline.
 */
export const importLeadRowSchema = z
  .strictObject({
    /** The bureau's own lead number (线索编号): with it, rows are identified by it; without it, by enterprise + project (or region). */
    ref: z.string().trim().min(1).max(60).optional(),
    uscc: usccSchema,
    projectCode: projectCode.optional(),
    regionCode: regionCode.optional(),
    ownerEmail: email.optional(),
    stage: z.enum(leadStages).default('new'),
    expectedInvestmentYuan: yuan.optional(),
    contactedOn: isoDate.optional(),
    negotiatingOn: isoDate.optional(),
    signedOn: isoDate.optional(),
    signedAmountYuan: yuan.min(1).optional(),
    startedOn: isoDate.optional(),
    startedAmountYuan: yuan.min(1).optional(),
    producingOn: isoDate.optional(),
    producingAmountYuan: yuan.min(1).optional(),
    lostOn: isoDate.optional(),
    lostReason: requiredText(500).optional(),
    nextFollowUpOn: isoDate.optional(),
    note: text(2000).optional(),
  })
  .superRefine((v, ctx) => {
    const need = (cond: boolean, path: string, message: string) => {
      if (cond) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    need(v.projectCode === undefined && v.regionCode === undefined, 'projectCode', '请填写项目编号或意向地区代码');
    need(v.projectCode !== undefined && v.regionCode !== undefined, 'regionCode', '有项目编号时地区取自项目，不能另行填写');
    const at = PIPELINE.indexOf(v.stage === 'lost' ? 'new' : v.stage);
    need(at >= 3 && !v.signedOn, 'signedOn', '已签约及之后的线索须填写签约日期');
    need(at >= 3 && v.signedAmountYuan === undefined, 'signedAmountYuan', '已签约及之后的线索须填写签约金额');
    need(at >= 4 && !v.startedOn, 'startedOn', '已开工及之后的线索须填写开工日期');
    need(at >= 5 && !v.producingOn, 'producingOn', '已投产的线索须填写投产日期');
    need(v.stage === 'lost' && !v.lostReason, 'lostReason', '已流失的线索须填写流失原因');
    need(v.stage !== 'lost' && (v.lostReason !== undefined || v.lostOn !== undefined), 'lostReason', '只有已流失的线索填写流失原因和日期');
    // no milestone beyond the stage, and dates in order
    const later: Array<[keyof typeof v, number]> = [
      ['contactedOn', 1],
      ['negotiatingOn', 2],
      ['signedOn', 3],
      ['signedAmountYuan', 3],
      ['startedOn', 4],
      ['startedAmountYuan', 4],
      ['producingOn', 5],
      ['producingAmountYuan', 5],
    ];
    const reach = v.stage === 'lost' ? 2 : at;
    for (const [f, i] of later) need(v[f] !== undefined && i > reach, f, `阶段为「${LEAD_STAGES[v.stage]}」时不应填写此项`);
    const dates = (['contactedOn', 'negotiatingOn', 'signedOn', 'startedOn', 'producingOn', 'lostOn'] as const).filter((f) => v[f]);
    for (let i = 1; i < dates.length; i++) {
      if ((v[dates[i]] as string) < (v[dates[i - 1]] as string)) need(true, dates[i], '各阶段日期应按先后顺序');
    }
  });
export type ImportLeadRow = z.output<typeof importLeadRowSchema>;
