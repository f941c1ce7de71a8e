import type { DataSource } from 'typeorm';
import { registerEnterpriseSchema, updateEnterpriseSchema } from '../../src/enterprises/enterprise.schemas.js';
import { EnterprisesService } from '../../src/enterprises/enterprises.service.js';
import { MatchExplanations } from '../../src/matching/match-explanations.js';
import type { CertificationKind } from '../../src/enterprises/enterprise.vocabulary.js';
import { OutboxRelay } from '../../src/platform/outbox/outbox-relay.js';
import { parseOrThrow } from '../../src/platform/validation/zod-validation.js';
import { createPolicySchema, incentiveSchema, updateIncentiveSchema } from '../../src/policies/policy.schemas.js';
import { PoliciesService } from '../../src/policies/policies.service.js';
import { changeStageSchema, createProjectSchema, updateProjectSchema } from '../../src/projects/project.schemas.js';
import { ProjectsService } from '../../src/projects/projects.service.js';
import type { TestApp } from './app.js';
import { enterpriseBody, policyBody, projectBody } from './factories.js';

/**
 * Builds matching scenarios through the real services (validation, derived columns, triggers):
 * what the API would do, without going through HTTP.
 */
export function matchingFixtures(t: TestApp) {
  const enterprises = t.get(EnterprisesService);
  const projects = t.get(ProjectsService);
  const policies = t.get(PoliciesService);
  return {
    async enterprise(overrides: Record<string, unknown> = {}, verified: CertificationKind[] = []) {
      const e = await enterprises.register(parseOrThrow(registerEnterpriseSchema, enterpriseBody(overrides)));
      for (const kind of verified) await enterprises.reviewCertification(e.id, kind, 'verified', {});
      return e.id;
    },
    async updateEnterprise(id: number, patch: Record<string, unknown>) {
      await enterprises.update(id, parseOrThrow(updateEnterpriseSchema, patch));
    },
    async project(overrides: Record<string, unknown> = {}, publish = true) {
      const p = await projects.create(parseOrThrow(createProjectSchema, projectBody(overrides)));
      if (publish) await projects.setPublished(p.id, true);
      return p.id;
    },
    async updateProject(id: number, patch: Record<string, unknown>) {
      await projects.update(id, parseOrThrow(updateProjectSchema, patch));
    },
    async stage(id: number, stage: string) {
      await projects.changeStage(id, parseOrThrow(changeStageSchema, { stage }));
    },
    async unpublish(id: number) {
      await projects.setPublished(id, false);
    },
    /** A published policy; returns its incentive ids in order. */
    async policy(overrides: Record<string, unknown> = {}) {
      const p = await policies.create(parseOrThrow(createPolicySchema, policyBody(overrides)));
      await policies.setPublished(p.id, true);
      return { policyId: p.id, incentiveIds: (p.incentives ?? []).sort((a, b) => a.id - b.id).map((i) => i.id) };
    },
    async addIncentive(policyId: number, body: Record<string, unknown>) {
      return (await policies.addIncentive(policyId, parseOrThrow(incentiveSchema, body))).id;
    },
    async updateIncentive(id: number, patch: Record<string, unknown>) {
      await policies.updateIncentive(id, parseOrThrow(updateIncentiveSchema, patch));
    },
    async removeIncentive(id: number) {
      await policies.removeIncentive(id);
    },
  };
}

/** Outbox rows written for matching jobs, oldest first. */
export async function matchingOutbox(
  ds: DataSource,
): Promise<Array<{ job_name: string; job_id: string; payload: Record<string, number> }>> {
  return ds.query(`SELECT job_name, job_id, payload FROM outbox WHERE queue IN ('matching', 'matching-full') ORDER BY id`);
}

export async function matchRows(ds: DataSource, where = 'true', params: unknown[] = []) {
  return ds.query(
    `SELECT id::int, enterprise_id, project_id, score, status, fingerprint, withdrawn_at, updated_at, announced_score, dismissed_score,
            coalesce(eligible_incentive_ids, '{}') AS eligible_incentive_ids, coalesce(needs_info_incentive_ids, '{}') AS needs_info_incentive_ids, verdict
     FROM match WHERE ${where} ORDER BY enterprise_id, project_id`,
    params,
  );
}

/** matchRows with each match's breakdown and reasons, spelled out as every reader of matches gets them (MatchExplanations). */
export async function explainedMatchRows(t: TestApp, where = 'true', params: unknown[] = []) {
  const rows = await matchRows(t.dataSource, where, params);
  const explained = await t.get(MatchExplanations).explain(rows);
  return rows.map((r: object, i: number) => ({ ...r, ...explained[i] }));
}

export async function events(ds: DataSource, type?: string) {
  return ds.query(
    `SELECT type, enterprise_id, project_id, match_id::int, incentive_id, score FROM notification_event ${type ? 'WHERE type = $1' : ''} ORDER BY id`,
    type ? [type] : [],
  );
}

/** Dispatches the outbox to BullMQ now (tests with workers). */
export const relayNow = (t: TestApp) => t.get(OutboxRelay).drainOnce();
