import { z } from 'zod';
import { industryRef, regionRef } from '../reference/refs.js';
import { apiSchema, enumOf, timestamp, type Describes } from '../platform/http/openapi.js';
import { codeRefSchema } from '../reference/reference.schemas.js';
import {
  ACTIVITY_KINDS,
  LEAD_SOURCES,
  LEAD_STAGES,
  SIGNING_KINDS,
  type ActivityKind,
  type LeadSource,
  type LeadStage,
  type SigningKind,
} from './lead.vocabulary.js';

/** A lead row as the list and detail queries return it (snake_case columns of lead + names joined in). */
export interface LeadRow {
  id: number;
  enterprise_id: number;
  enterprise_name: string;
  project_id: number | null;
  project_code: string | null;
  project_title: string | null;
  match_id: string | number | null;
  source: LeadSource;
  region_code: string;
  industry_codes: string[];
  bureau_id: number | null;
  bureau_name: string | null;
  owner_id: number | null;
  owner_name: string | null;
  stage: LeadStage;
  stage_changed_at: Date;
  lost_reason: string | null;
  lost_from_stage: LeadStage | null;
  expected_investment_yuan: string | number | null;
  signing_kind: SigningKind | null;
  increase_of_lead_id: number | null;
  signed_amount_yuan: string | number | null;
  started_amount_yuan: string | number | null;
  producing_amount_yuan: string | number | null;
  contacted_at: Date | null;
  negotiating_at: Date | null;
  signed_at: Date | null;
  started_at: Date | null;
  producing_at: Date | null;
  lost_at: Date | null;
  next_follow_up_on: string | null;
  last_activity_at: Date;
  created_at: Date;
  sort_key?: string | null;
}

/** The columns of LeadRow, for SELECTs over `lead l` with e/p/u/b joined. */
export const LEAD_ROW_COLUMNS = `l.id, l.enterprise_id, e.name AS enterprise_name, l.project_id, p.code AS project_code, p.title AS project_title,
  l.match_id, l.source, l.region_code, l.industry_codes, l.bureau_id, b.name AS bureau_name, l.owner_id, u.name AS owner_name,
  l.stage, l.stage_changed_at, l.lost_reason, l.lost_from_stage, l.expected_investment_yuan, l.signing_kind, l.increase_of_lead_id,
  l.signed_amount_yuan, l.started_amount_yuan, l.producing_amount_yuan, l.contacted_at, l.negotiating_at, l.signed_at, l.started_at,
  l.producing_at, l.lost_at, l.next_follow_up_on::text AS next_follow_up_on, l.last_activity_at, l.created_at`;

export const LEAD_ROW_JOINS = `JOIN enterprise e ON e.id = l.enterprise_id LEFT JOIN project p ON p.id = l.project_id
  LEFT JOIN app_user u ON u.id = l.owner_id LEFT JOIN bureau b ON b.id = l.bureau_id`;

const num = (v: string | number | null) => (v === null || v === undefined ? null : Number(v));

function milestone(at: Date | null, amount: string | number | null) {
  return at ? { at, amountYuan: num(amount) } : null;
}

/** The lead's own columns a list item needs (read by the list index scan, before the names are looked up). */
export const LEAD_LIST_BASE = `l.id, l.enterprise_id, l.project_id, l.source, l.region_code, l.owner_id, l.stage, l.expected_investment_yuan, l.signing_kind,
  l.signed_amount_yuan, l.stage_changed_at, l.signed_at, l.started_at, l.producing_at, l.next_follow_up_on, l.last_activity_at, l.created_at`;

/**
 * A list item's columns over a page of LEAD_LIST_BASE rows aliased `l`, names looked up by scalar
 * subqueries — for the page's rows only, and cheap to plan (about 0.2 ms, where the same rows
 * through five joins take over 1 ms to plan).
 */
export const LEAD_LIST_COLUMNS = `l.id, l.enterprise_id, (SELECT e.name FROM enterprise e WHERE e.id = l.enterprise_id) AS enterprise_name,
  l.project_id, (SELECT p.code FROM project p WHERE p.id = l.project_id) AS project_code, (SELECT p.title FROM project p WHERE p.id = l.project_id) AS project_title,
  l.source, l.region_code, l.owner_id, (SELECT u.name FROM app_user u WHERE u.id = l.owner_id) AS owner_name,
  l.stage, l.expected_investment_yuan, l.signing_kind, l.signed_amount_yuan, l.stage_changed_at, l.signed_at, l.started_at, l.producing_at,
  l.next_follow_up_on::text AS next_follow_up_on, l.last_activity_at, l.created_at`;

export type LeadListRow = Pick<
  LeadRow,
  | 'id'
  | 'enterprise_id'
  | 'enterprise_name'
  | 'project_id'
  | 'project_code'
  | 'project_title'
  | 'source'
  | 'region_code'
  | 'owner_id'
  | 'owner_name'
  | 'stage'
  | 'expected_investment_yuan'
  | 'signing_kind'
  | 'signed_amount_yuan'
  | 'stage_changed_at'
  | 'signed_at'
  | 'started_at'
  | 'producing_at'
  | 'next_follow_up_on'
  | 'last_activity_at'
  | 'created_at'
  | 'sort_key'
>;

/** A lead in the list: enough to find it and see where it stands (GET /leads/:id has everything). */
export function leadListItem(r: LeadListRow) {
  return {
    id: r.id,
    enterprise: { id: r.enterprise_id, name: r.enterprise_name },
    project: r.project_id ? { id: r.project_id, code: r.project_code, title: r.project_title } : null,
    region: regionRef(r.region_code),
    source: r.source,
    sourceLabel: LEAD_SOURCES[r.source],
    stage: r.stage,
    stageLabel: LEAD_STAGES[r.stage],
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name } : null,
    expectedInvestmentYuan: num(r.expected_investment_yuan),
    signingKind: r.signing_kind,
    signed: milestone(r.signed_at, r.signed_amount_yuan),
    nextFollowUpOn: r.next_follow_up_on,
    lastActivityAt: r.last_activity_at,
    createdAt: r.created_at,
  };
}

/** What officers see of a lead. */
export function leadView(r: LeadRow) {
  return {
    id: r.id,
    enterprise: { id: r.enterprise_id, name: r.enterprise_name },
    project: r.project_id ? { id: r.project_id, code: r.project_code, title: r.project_title } : null,
    region: regionRef(r.region_code),
    industries: r.industry_codes.map(industryRef),
    matchId: num(r.match_id),
    source: r.source,
    sourceLabel: LEAD_SOURCES[r.source],
    stage: r.stage,
    stageLabel: LEAD_STAGES[r.stage],
    stageChangedAt: r.stage_changed_at,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name } : null,
    bureau: r.bureau_id ? { id: r.bureau_id, name: r.bureau_name } : null,
    expectedInvestmentYuan: num(r.expected_investment_yuan),
    signingKind: r.signing_kind,
    signingKindLabel: r.signing_kind ? SIGNING_KINDS[r.signing_kind] : null,
    increaseOfLeadId: r.increase_of_lead_id,
    contactedAt: r.contacted_at,
    negotiatingAt: r.negotiating_at,
    signed: milestone(r.signed_at, r.signed_amount_yuan),
    started: milestone(r.started_at, r.started_amount_yuan),
    producing: milestone(r.producing_at, r.producing_amount_yuan),
    lost: r.lost_at ? { at: r.lost_at, reason: r.lost_reason, fromStage: r.lost_from_stage } : null,
    nextFollowUpOn: r.next_follow_up_on,
    lastActivityAt: r.last_activity_at,
    createdAt: r.created_at,
  };
}
export type LeadView = ReturnType<typeof leadView>;

/** What the enterprise sees of its own lead: where it stands and who to talk to — no internal notes. */
export function enterpriseLeadView(
  r: LeadListRow,
  contact?: { name: string; bureau: string | null; phone: string | null; email: string | null },
) {
  return {
    id: r.id,
    project: r.project_id ? { id: r.project_id, code: r.project_code, title: r.project_title } : null,
    region: regionRef(r.region_code),
    stage: r.stage,
    stageLabel: LEAD_STAGES[r.stage],
    stageChangedAt: r.stage_changed_at,
    contact: r.owner_id
      ? { name: r.owner_name, bureau: contact?.bureau ?? null, phone: contact?.phone ?? null, email: contact?.email ?? null }
      : null,
    signedAt: r.signed_at,
    startedAt: r.started_at,
    producingAt: r.producing_at,
    createdAt: r.created_at,
  };
}

export interface ActivityRow {
  id: string | number;
  kind: ActivityKind;
  occurred_at: Date;
  actor_id: number | null;
  actor_name: string | null;
  summary: string;
  from_stage: LeadStage | null;
  to_stage: LeadStage | null;
  from_owner_id: number | null;
  from_owner_name: string | null;
  to_owner_id: number | null;
  to_owner_name: string | null;
  details: Record<string, unknown>;
  recorded_at: Date;
}

export function activityView(a: ActivityRow) {
  return {
    id: Number(a.id),
    kind: a.kind,
    kindLabel: ACTIVITY_KINDS[a.kind],
    at: a.occurred_at,
    by: a.actor_id ? { id: a.actor_id, name: a.actor_name } : null,
    summary: a.summary,
    ...(a.kind === 'stage_change' || a.kind === 'reopen'
      ? {
          fromStage: a.from_stage,
          fromStageLabel: a.from_stage ? LEAD_STAGES[a.from_stage] : null,
          toStage: a.to_stage,
          toStageLabel: a.to_stage ? LEAD_STAGES[a.to_stage] : null,
        }
      : {}),
    ...(a.kind === 'assignment' || a.kind === 'created'
      ? {
          fromOwner: a.from_owner_id ? { id: a.from_owner_id, name: a.from_owner_name } : null,
          toOwner: a.to_owner_id ? { id: a.to_owner_id, name: a.to_owner_name } : null,
        }
      : {}),
    details: a.details,
    recordedAt: a.recorded_at,
  };
}

// ---- the documented answers (OpenAPI), checked against the views above ----

const namedRef = z.strictObject({ id: z.number().int(), name: z.string().nullable() });
const projectRef = z.strictObject({ id: z.number().int(), code: z.string().nullable(), title: z.string().nullable() }).nullable();
const milestoneResponse = z.strictObject({ at: timestamp, amountYuan: z.number().nullable() }).nullable();
const stage = enumOf(LEAD_STAGES);

export const leadListItemResponse = apiSchema(
  'LeadListItem',
  z.strictObject({
    id: z.number().int(),
    enterprise: namedRef,
    project: projectRef,
    region: codeRefSchema,
    source: enumOf(LEAD_SOURCES),
    sourceLabel: z.string(),
    stage,
    stageLabel: z.string(),
    owner: namedRef.nullable(),
    expectedInvestmentYuan: z.number().nullable(),
    signingKind: enumOf(SIGNING_KINDS).nullable(),
    signed: milestoneResponse,
    nextFollowUpOn: z.string().nullable().describe('YYYY-MM-DD'),
    lastActivityAt: timestamp,
    createdAt: timestamp,
  }),
);

export const enterpriseLeadResponse = apiSchema(
  'EnterpriseLead',
  z
    .strictObject({
      id: z.number().int(),
      project: projectRef,
      region: codeRefSchema,
      stage,
      stageLabel: z.string(),
      stageChangedAt: timestamp,
      contact: z
        .strictObject({
          name: z.string().nullable(),
          bureau: z.string().nullable(),
          phone: z.string().nullable(),
          email: z.string().nullable(),
        })
        .nullable()
        .describe('the officer working the lead and how to reach them'),
      signedAt: timestamp.nullable(),
      startedAt: timestamp.nullable(),
      producingAt: timestamp.nullable(),
      createdAt: timestamp,
    })
    .describe('what an enterprise user sees of its own lead (no internal notes)'),
);

export const activityResponse = apiSchema(
  'LeadActivity',
  z.strictObject({
    id: z.number().int(),
    kind: enumOf(ACTIVITY_KINDS),
    kindLabel: z.string(),
    at: timestamp,
    by: namedRef.nullable(),
    summary: z.string(),
    fromStage: stage.nullable().optional(),
    fromStageLabel: z.string().nullable().optional(),
    toStage: stage.nullable().optional(),
    toStageLabel: z.string().nullable().optional(),
    fromOwner: namedRef.nullable().optional(),
    toOwner: namedRef.nullable().optional(),
    details: z.record(z.string(), z.unknown()),
    recordedAt: timestamp,
  }),
);

const leadFields = {
  id: z.number().int(),
  enterprise: namedRef,
  project: projectRef,
  region: codeRefSchema,
  industries: z.array(codeRefSchema),
  matchId: z.number().int().nullable(),
  source: enumOf(LEAD_SOURCES),
  sourceLabel: z.string(),
  stage,
  stageLabel: z.string(),
  stageChangedAt: timestamp,
  owner: namedRef.nullable(),
  bureau: namedRef.nullable(),
  expectedInvestmentYuan: z.number().nullable(),
  signingKind: enumOf(SIGNING_KINDS).nullable(),
  signingKindLabel: z.string().nullable(),
  increaseOfLeadId: z.number().int().nullable(),
  contactedAt: timestamp.nullable(),
  negotiatingAt: timestamp.nullable(),
  signed: milestoneResponse,
  started: milestoneResponse,
  producing: milestoneResponse,
  lost: z.strictObject({ at: timestamp, reason: z.string().nullable(), fromStage: stage.nullable() }).nullable(),
  nextFollowUpOn: z.string().nullable().describe('YYYY-MM-DD'),
  lastActivityAt: timestamp,
  createdAt: timestamp,
};
export const leadResponse = apiSchema('Lead', z.strictObject(leadFields));

/** GET /leads/:id: staff get the lead with its timeline, the enterprise's own users the read-only view. */
export const leadDetailResponse = apiSchema(
  'LeadDetail',
  z.union([z.strictObject({ ...leadFields, timeline: z.array(activityResponse) }), enterpriseLeadResponse]),
);
export const createdLeadResponse = apiSchema(
  'CreatedLead',
  z.strictObject({
    ...leadFields,
    created: z.boolean().describe('false: the existing lead was answered (200)'),
    timeline: z.array(activityResponse),
  }),
);

export const leadListResponse = apiSchema(
  'LeadList',
  z.strictObject({
    items: z.array(z.union([leadListItemResponse, enterpriseLeadResponse])).describe('enterprise users get EnterpriseLead items'),
    total: z.number().int(),
    totalExact: z.boolean().describe('false: total is capped (use nextCursor to read on)'),
    page: z.number().int(),
    pageSize: z.number().int(),
    nextCursor: z.string().nullable(),
  }),
);

export const leadViewsChecked: [
  Describes<typeof leadListItemResponse, typeof leadListItem>,
  Describes<typeof leadResponse, typeof leadView>,
  Describes<typeof enterpriseLeadResponse, typeof enterpriseLeadView>,
  Describes<typeof activityResponse, typeof activityView>,
] = [true, true, true, true];
