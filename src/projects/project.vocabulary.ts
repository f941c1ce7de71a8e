/** 谋划 › 招商中 › 已签约 › 已开工 › 已投产, or 已关闭. */
export const PROJECT_STAGES = {
  planning: '谋划',
  open: '招商中',
  signed: '已签约',
  started: '已开工',
  producing: '已投产',
  closed: '已关闭',
} as const;
export type ProjectStage = keyof typeof PROJECT_STAGES;
export const projectStages = Object.keys(PROJECT_STAGES) as [ProjectStage, ...ProjectStage[]];

const ORDER: ProjectStage[] = ['planning', 'open', 'signed', 'started', 'producing'];

/**
 * Stages only move forward (skipping is allowed: a project may be signed and started the same
 * day), or to closed from anywhere but closed. Closed is final.
 */
export function stageChangeProblem(from: ProjectStage, to: ProjectStage): string | null {
  if (from === to) return `项目已处于「${PROJECT_STAGES[to]}」阶段`;
  if (from === 'closed') return '项目已关闭，不能再变更阶段';
  if (to === 'closed') return null;
  return ORDER.indexOf(to) > ORDER.indexOf(from)
    ? null
    : `阶段只能向前推进：不能从「${PROJECT_STAGES[from]}」回到「${PROJECT_STAGES[to]}」`;
}

export const PROJECT_STATUSES = { draft: '草稿', published: '已发布' } as const;
export type ProjectStatus = keyof typeof PROJECT_STATUSES;
