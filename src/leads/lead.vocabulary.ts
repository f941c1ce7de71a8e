/**
 * 线索 (leads): stages, sources, activity kinds and the pipeline rules. Pure — no database.
 *
 * new 新线索 › contacted 已接洽 › negotiating 考察洽谈 › signed 已签约 › started 已开工 › producing 已投产,
 * or lost 已流失 (with a reason). Before signing a lead may skip forward (an officer may record a
 * signing that was negotiated off the platform); from signing on, each 三个一批 milestone needs its
 * own date and amount, so signed › started › producing is strictly sequential. Nothing moves
 * backwards; the only way back is reopening a lost lead, an explicit, logged action.
 */
export const LEAD_STAGES = {
  new: '新线索',
  contacted: '已接洽',
  negotiating: '考察洽谈',
  signed: '已签约',
  started: '已开工',
  producing: '已投产',
  lost: '已流失',
} as const;
export type LeadStage = keyof typeof LEAD_STAGES;
export const leadStages = Object.keys(LEAD_STAGES) as [LeadStage, ...LeadStage[]];

/** The pipeline in order (lost is off the line). */
export const PIPELINE: readonly LeadStage[] = ['new', 'contacted', 'negotiating', 'signed', 'started', 'producing'];
/** Stages before signing: a lead here may still be lost, and at most one such lead exists per enterprise × project. */
export const PRE_SIGNING: readonly LeadStage[] = ['new', 'contacted', 'negotiating'];
/** The 三个一批 milestones, each with a date and an amount. */
export const MILESTONES = ['signed', 'started', 'producing'] as const;
export type Milestone = (typeof MILESTONES)[number];
/** Stages that still need work (reminders, idle checks). */
export const OPEN_STAGES: readonly LeadStage[] = ['new', 'contacted', 'negotiating', 'signed', 'started'];

export const isPreSigning = (s: LeadStage) => PRE_SIGNING.includes(s);
export const isMilestone = (s: LeadStage): s is Milestone => (MILESTONES as readonly string[]).includes(s);
export const isOpen = (s: LeadStage) => OPEN_STAGES.includes(s);
export const stageIndex = (s: LeadStage) => PIPELINE.indexOf(s);

export const LEAD_SOURCES = {
  interest: '企业表达意向',
  match: '匹配推荐',
  manual: '手工录入',
  import: '批量导入',
  chain: '产业链招商',
  policy: '政策找企业',
  inquiry: '主动咨询',
} as const;
export type LeadSource = keyof typeof LEAD_SOURCES;
export const leadSources = Object.keys(LEAD_SOURCES) as [LeadSource, ...LeadSource[]];
/** Where an officer may say a lead made by hand came from (a match's lead is always 匹配推荐). */
export const STAFF_LEAD_SOURCES = ['manual', 'match', 'policy'] as const;
export type StaffLeadSource = (typeof STAFF_LEAD_SOURCES)[number];

/** What an officer logs by hand. */
export const WORK_ACTIVITY_KINDS = { call: '电话沟通', visit: '走访', meeting: '会谈', note: '备注' } as const;
export type WorkActivityKind = keyof typeof WORK_ACTIVITY_KINDS;
export const workActivityKinds = Object.keys(WORK_ACTIVITY_KINDS) as [WorkActivityKind, ...WorkActivityKind[]];

/** Everything on a lead's timeline: the officer's work and the system's record of changes. */
export const ACTIVITY_KINDS = {
  ...WORK_ACTIVITY_KINDS,
  created: '创建线索',
  stage_change: '阶段变更',
  assignment: '分派',
  reopen: '重新打开',
  update: '信息修改',
} as const;
export type ActivityKind = keyof typeof ACTIVITY_KINDS;

/** A signing that founds a project (counts as one project) or adds to one already signed (增资: only the amount counts). */
export const SIGNING_KINDS = { new: '新签约项目', increase: '增资扩产' } as const;
export type SigningKind = keyof typeof SIGNING_KINDS;

/** Why a stage change is refused, in words for the officer; null when it is allowed. */
export function stageChangeProblem(from: LeadStage, to: LeadStage): string | null {
  if (from === to) return `线索已处于「${LEAD_STAGES[to]}」阶段`;
  if (from === 'lost') return '线索已流失；如需继续跟进，请先重新打开';
  if (from === 'producing') return '线索已投产，流程已完成';
  if (to === 'new') return '线索不能回到「新线索」阶段';
  if (to === 'lost') return isPreSigning(from) ? null : '已签约的线索计入“三个一批”，不能标记为流失';
  const fi = stageIndex(from);
  const ti = stageIndex(to);
  if (ti < fi) return `阶段只能向前推进：不能从「${LEAD_STAGES[from]}」回到「${LEAD_STAGES[to]}」`;
  if (isPreSigning(from)) {
    return to === 'started' || to === 'producing' ? `须先签约，才能进入「${LEAD_STAGES[to]}」阶段` : null;
  }
  // signed › started › producing: one milestone at a time, each with its own date and amount
  return ti === fi + 1 ? null : `须先进入「${LEAD_STAGES[PIPELINE[fi + 1]]}」阶段`;
}

/** Where a lost lead may be reopened to: a stage before signing, no later than the one it was lost at. */
export function reopenProblem(stage: LeadStage, lostFrom: LeadStage | null, to: LeadStage): string | null {
  if (stage !== 'lost') return '只有已流失的线索可以重新打开';
  if (!isPreSigning(to)) return '只能重新打开到签约前的阶段（新线索、已接洽、考察洽谈）';
  if (lostFrom && stageIndex(to) > stageIndex(lostFrom)) return `不能重新打开到比流失前（「${LEAD_STAGES[lostFrom]}」）更靠后的阶段`;
  return null;
}
