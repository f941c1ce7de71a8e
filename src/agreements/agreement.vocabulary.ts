/**
 * 投资协议 (agreements): pledges, actuals, tranches, warnings and recovery cases — names and
 * labels. Pure — no database. The rules that use them live beside this file (pledge-status.ts,
 * tranche-release.ts, clawback.ts, warnings.ts) and are stated in README "Agreements".
 */

/** What an agreement pledges; each is evaluated against the recorded actuals. */
export const PLEDGE_KINDS = {
  investment: '固定资产投资',
  intensity: '投资强度',
  tax: '亩均税收',
  jobs: '带动就业',
  start: '开工日期',
  production: '投产日期',
  reach_output: '达产日期',
} as const;
export type PledgeKind = keyof typeof PLEDGE_KINDS;
export const pledgeKinds = Object.keys(PLEDGE_KINDS) as [PledgeKind, ...PledgeKind[]];
/** Pledges that are a date (met by the actual of that milestone, on or before it). */
export const DATE_PLEDGES: readonly PledgeKind[] = ['start', 'production', 'reach_output'];

export const PLEDGE_STATUSES = { met: '已履约', on_track: '正常推进', at_risk: '有风险', breached: '已违约' } as const;
export type PledgeStatus = keyof typeof PLEDGE_STATUSES;
export const pledgeStatuses = Object.keys(PLEDGE_STATUSES) as [PledgeStatus, ...PledgeStatus[]];

/** An agreement as a whole: breached if any pledge is, met when all are, at risk if any is. */
export const AGREEMENT_STATUSES = { performing: '履约中', at_risk: '有风险', met: '已履约', breached: '已违约' } as const;
export type AgreementStatus = keyof typeof AGREEMENT_STATUSES;
export const agreementStatuses = Object.keys(AGREEMENT_STATUSES) as [AgreementStatus, ...AgreementStatus[]];

/** What officers record (到资, milestones, annual figures, jobs); append-only, corrections are new entries. */
export const ACTUAL_KINDS = {
  capital: '资金到位（到资）',
  started: '开工',
  completed: '竣工',
  producing: '投产',
  reached_output: '达产',
  annual_output: '年产值',
  annual_tax: '年税收',
  jobs: '就业人数',
} as const;
export type ActualKind = keyof typeof ACTUAL_KINDS;
export const actualKinds = Object.keys(ACTUAL_KINDS) as [ActualKind, ...ActualKind[]];
/** Actuals that are a milestone date (no amount). */
export const MILESTONE_ACTUALS: readonly ActualKind[] = ['started', 'completed', 'producing', 'reached_output'];
/** Actuals carrying an amount in yuan. */
export const AMOUNT_ACTUALS: readonly ActualKind[] = ['capital', 'annual_output', 'annual_tax'];

/** What releases a tranche. */
export const TRANCHE_CONDITIONS = {
  started: '开工后拨付',
  producing: '投产后拨付',
  reached_output: '达产后拨付',
  date: '到期拨付',
} as const;
export type TrancheCondition = keyof typeof TRANCHE_CONDITIONS;
export const trancheConditions = Object.keys(TRANCHE_CONDITIONS) as [TrancheCondition, ...TrancheCondition[]];

/** pending › releasable › requested (one officer asked) › released (another approved); or withheld (its pledge breached). */
export const TRANCHE_STATES = {
  pending: '未满足条件',
  releasable: '可拨付',
  requested: '待复核',
  released: '已拨付',
  withheld: '暂缓拨付',
} as const;
export type TrancheState = keyof typeof TRANCHE_STATES;
export const trancheStates = Object.keys(TRANCHE_STATES) as [TrancheState, ...TrancheState[]];

/** 项目预警. */
export const WARNING_KINDS = {
  not_started: '签约未开工',
  not_producing: '开工未投产',
  below_output: '投产未达产',
  capital_behind: '到资滞后',
} as const;
export type WarningKind = keyof typeof WARNING_KINDS;
export const warningKinds = Object.keys(WARNING_KINDS) as [WarningKind, ...WarningKind[]];

/** A recovery case: opened › notified › agreed / recovered / waived (agreed › recovered / waived). */
export const RECOVERY_STEPS = {
  opened: '已立案',
  notified: '已告知',
  agreed: '已达成还款安排',
  recovered: '已追回',
  waived: '已免于追回',
} as const;
export type RecoveryStep = keyof typeof RECOVERY_STEPS;
export const recoverySteps = Object.keys(RECOVERY_STEPS) as [RecoveryStep, ...RecoveryStep[]];
/** Steps an officer records (opening is the system's, on the breach). */
export const RECORDED_STEPS = ['notified', 'agreed', 'recovered', 'waived'] as const;
export type RecordedStep = (typeof RECORDED_STEPS)[number];

const NEXT: Record<RecoveryStep, readonly RecoveryStep[]> = {
  opened: ['notified', 'waived'],
  notified: ['agreed', 'recovered', 'waived'],
  agreed: ['recovered', 'waived'],
  recovered: [],
  waived: [],
};

/** Why a recovery step is refused, in words for the officer; null when it is allowed. */
export function recoveryStepProblem(from: RecoveryStep, to: RecoveryStep): string | null {
  if (NEXT[from].includes(to)) return null;
  if (!NEXT[from].length) return `追回案件已「${RECOVERY_STEPS[from]}」，已办结`;
  return `「${RECOVERY_STEPS[from]}」之后只能是：${NEXT[from].map((s) => RECOVERY_STEPS[s]).join('、')}`;
}

/** Every audit action of this module, with its label (the audit log's AUDIT_ACTIONS must carry each; a spec holds them equal). */
export const AGREEMENT_AUDIT_ACTIONS = {
  'agreement.created': '录入投资协议',
  'agreement.actual_recorded': '登记协议实绩',
  'agreement.release_requested': '申请拨付扶持资金',
  'agreement.tranche_released': '复核通过并拨付扶持资金',
  'agreement.tranche_withheld': '承诺违约，暂缓拨付扶持资金',
  'agreement.recovery_opened': '违约追回立案',
  'agreement.recovery_step': '追回案件办理',
  'agreement.figures_exported': '导出投资协议履约统计',
} as const;
export type AgreementAuditAction = keyof typeof AGREEMENT_AUDIT_ACTIONS;
