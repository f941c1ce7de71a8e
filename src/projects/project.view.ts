import { industryRef, regionRef } from '../enterprises/enterprise.view.js';
import { incentiveSummary } from '../policies/policy.view.js';
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
    contactInfo: p.contactInfo,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
export type ProjectView = ReturnType<typeof projectView>;
