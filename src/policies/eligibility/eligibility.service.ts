import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Enterprise } from '../../enterprises/enterprise.entity.js';
import { enterpriseQuery, findEnterprise, findEnterprisesWithCertifications } from '../../enterprises/enterprise.reads.js';
import { enterpriseView } from '../../enterprises/enterprise.view.js';
import { AccessPolicy, requireStaff } from '../../access/access-policy.js';
import type { Actor } from '../../access/actor.js';
import { Clock } from '../../platform/clock/clock.js';
import { shanghaiDate } from '../../platform/format/units.js';
import { offsetOf, toPage } from '../../platform/http/pagination.js';
import { notFound } from '../../platform/http/problem.js';
import { industries } from '../../reference/industries.js';
import { regions } from '../../reference/regions.js';
import { Incentive } from '../incentive.entity.js';
import type { EligibleEnterprisesQuery } from '../policy.schemas.js';
import { incentiveView } from '../policy.view.js';
import { POLICY_VALIDITY, policyValidity } from '../policy.vocabulary.js';
import type { Condition } from './conditions.js';
import { eligibilitySql } from './eligibility-sql.js';
import { CONDITION_LABELS } from './conditions.js';
import { ELIGIBILITY_STATUS_LABELS, evaluateEligibility, missingInformation, type EligibilityStatus } from './evaluate.js';

/** The calculator's verdicts: the evaluator's, and 已失效 for an incentive whose policy has expired. */
export type CalculatorStatus = EligibilityStatus | 'expired';
export const CALCULATOR_STATUS_LABELS: Record<CalculatorStatus, string> = {
  ...ELIGIBILITY_STATUS_LABELS,
  expired: POLICY_VALIDITY.expired,
};
const ORDER: Record<CalculatorStatus, number> = { eligible: 0, needs_info: 1, not_eligible: 2, expired: 3 };

@Injectable()
export class EligibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  /** 政策计算器 for an enterprise the caller may see. */
  async calculate(
    actor: Actor,
    enterpriseId: number,
    q: { page: number; pageSize: number; status?: CalculatorStatus; includeExpired?: boolean },
  ) {
    await this.access.enterprise(actor, enterpriseId, 'read');
    return this.forEnterprise(enterpriseId, q);
  }

  /** Each incentive attached to a project, evaluated for this enterprise investing there (a match's page). */
  async forProject(enterprise: Enterprise, project: { regionCode: string; totalInvestmentYuan: number; incentiveIds: number[] }) {
    const incentives = project.incentiveIds.length
      ? await this.dataSource.manager.find(Incentive, {
          where: { id: In(project.incentiveIds) },
          relations: { policy: true },
          order: { id: 'ASC' },
        })
      : [];
    const ctx = {
      regions: regions(),
      industries: industries(),
      today: this.today(),
      project: { regionCode: project.regionCode, totalInvestmentYuan: project.totalInvestmentYuan },
    };
    return incentives.map((i) => {
      const result = evaluateEligibility(enterprise, i as Incentive & { policy: NonNullable<Incentive['policy']> }, ctx);
      const expired = policyValidity(i.policy!, ctx.today) === 'expired';
      return { incentive: i, result, expired, missing: expired ? [] : missingInformation(result) };
    });
  }

  /** 政策找企业 for conditions being edited (not yet saved): counts and the first enterprises, within what the caller may see. */
  async preview(actor: Actor, conditions: readonly Condition[], policyRegion: string) {
    requireStaff(actor);
    const sql = eligibilitySql(conditions, policyRegion, regions(), this.today());
    const scope = this.access.enterpriseListScope(actor);
    const where = (x: string) => (scope ? `(${x}) AND ${scope.where}` : x);
    const params = { ...sql.params, ...(scope?.params ?? {}) };
    const query = (x: string) => enterpriseQuery(this.dataSource.manager).where(where(x), params);
    const eligible = await query(sql.eligible).getCount();
    const possible = await query(sql.possible).getCount();
    const first = await query(sql.eligible).orderBy('e.id', 'ASC').limit(10).getMany();
    return {
      eligible,
      needsInfo: possible - eligible,
      first: first.map((e) => ({ id: e.id, name: e.name, homeRegionCode: e.homeRegionCode })),
    };
  }

  /** One incentive evaluated for an enterprise the caller may see (the incentive readable by the caller too). */
  async evaluateOneFor(actor: Actor, enterpriseId: number, incentiveId: number) {
    await this.access.enterprise(actor, enterpriseId, 'read');
    await this.access.incentive(actor, incentiveId, 'read');
    return this.evaluateOne(enterpriseId, incentiveId);
  }

  /** 政策找企业 for staff: among the enterprises their bureau may see. */
  async findEligible(actor: Actor, incentiveId: number, q: EligibleEnterprisesQuery) {
    requireStaff(actor);
    await this.access.incentive(actor, incentiveId, 'read');
    return this.eligibleEnterprises(incentiveId, q, this.access.enterpriseListScope(actor));
  }

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  /**
   * 政策计算器: every published incentive whose policy covers a region the enterprise is in or
   * targets. Those of expired policies (已失效) are left out unless asked for, and then say so
   * (status `expired`) rather than "not eligible".
   */
  async forEnterprise(enterpriseId: number, q: { page: number; pageSize: number; status?: CalculatorStatus; includeExpired?: boolean }) {
    const e = await findEnterprise(this.dataSource.manager, enterpriseId);
    if (!e) throw notFound('企业');
    const r = regions();
    const around = r.closure([e.homeRegionCode, ...e.targetRegionCodes]);
    const incentives = await this.dataSource.manager
      .createQueryBuilder(Incentive, 'i')
      .innerJoinAndSelect('i.policy', 'p')
      .where(`p.status = 'published'`)
      .andWhere('(p.region_code = ANY(CAST(:around AS char(6)[])) OR p.region_path && CAST(:targets AS char(6)[]))', {
        around,
        targets: e.targetRegionCodes,
      })
      .getMany();
    const ctx = { regions: r, industries: industries(), today: this.today() };
    const all = incentives.map((i) => {
      const result = evaluateEligibility(e, i as Incentive & { policy: NonNullable<Incentive['policy']> }, ctx);
      const status: CalculatorStatus = policyValidity(i.policy!, ctx.today) === 'expired' ? 'expired' : result.status;
      return { incentive: i, result, status };
    });
    const counts: Record<CalculatorStatus, number> = { eligible: 0, needs_info: 0, not_eligible: 0, expired: 0 };
    for (const x of all) counts[x.status]++;
    const showExpired = q.includeExpired || q.status === 'expired';
    const evaluated = all
      .filter((x) => (q.status ? x.status === q.status : showExpired || x.status !== 'expired'))
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.incentive.id - b.incentive.id);
    const items = evaluated.slice(offsetOf(q), offsetOf(q) + q.pageSize).map(({ incentive, result, status }) => ({
      incentive: incentiveView(incentive),
      status,
      statusLabel: CALCULATOR_STATUS_LABELS[status],
      checks: result.checks,
      missing: status === 'expired' ? [] : missingInformation(result),
    }));
    return { ...toPage(items, evaluated.length, q), counts, today: ctx.today };
  }

  /**
   * One incentive evaluated for one enterprise, whatever the regions (so "not eligible: region"
   * can be read): the verdict, each condition's and the policy's checks with their reasons.
   */
  async evaluateOne(enterpriseId: number, incentiveId: number) {
    const e = await findEnterprise(this.dataSource.manager, enterpriseId);
    if (!e) throw notFound('企业');
    const incentive = await this.dataSource.manager.findOne(Incentive, { where: { id: incentiveId }, relations: { policy: true } });
    if (!incentive?.policy) throw notFound('扶持措施');
    const today = this.today();
    const result = evaluateEligibility(e, incentive as Incentive & { policy: NonNullable<Incentive['policy']> }, {
      regions: regions(),
      industries: industries(),
      today,
    });
    return {
      enterprise: { id: e.id, name: e.name },
      incentive: incentiveView(incentive),
      status: result.status,
      statusLabel: ELIGIBILITY_STATUS_LABELS[result.status],
      checks: result.checks.map((c) => ({ ...c, label: CONDITION_LABELS[c.condition] })),
      missing: missingInformation(result),
      today,
    };
  }

  /** 政策找企业: enterprises eligible for (or possibly eligible for) an incentive, selected in SQL. */
  /** `scope`: the enterprises the caller may see (AccessPolicy.enterpriseListScope), null for all. */
  async eligibleEnterprises(
    incentiveId: number,
    q: EligibleEnterprisesQuery,
    scope: { where: string; params: Record<string, unknown> } | null = null,
  ) {
    const incentive = await this.dataSource.manager.findOne(Incentive, { where: { id: incentiveId }, relations: { policy: true } });
    if (!incentive?.policy) throw notFound('扶持措施');
    const policy = incentive.policy;
    const today = this.today();
    const inForce = policy.validFrom <= today && (!policy.validTo || policy.validTo >= today);
    if (!inForce) return { ...toPage([], 0, q), policyInForce: false, today };
    const sql = eligibilitySql(incentive.conditions, policy.regionCode, regions(), today);
    const matching =
      q.status === 'eligible' ? sql.eligible : q.status === 'needs_info' ? `(${sql.possible}) AND NOT (${sql.eligible})` : sql.possible;
    const where = scope ? `(${matching}) AND ${scope.where}` : matching;
    const params = scope ? { ...sql.params, ...scope.params } : sql.params;
    const total = await enterpriseQuery(this.dataSource.manager).where(where, params).getCount();
    const ids: Array<{ id: number }> = await enterpriseQuery(this.dataSource.manager)
      .select('e.id', 'id')
      .where(where, params)
      .orderBy('e.id', 'ASC')
      .offset(offsetOf(q))
      .limit(q.pageSize)
      .getRawMany();
    const rows = await findEnterprisesWithCertifications(
      this.dataSource.manager,
      ids.map((r) => r.id),
    );
    const ctx = { regions: regions(), industries: industries(), today };
    const items = rows.map((e) => {
      const result = evaluateEligibility(e, incentive as Incentive & { policy: NonNullable<Incentive['policy']> }, ctx);
      return {
        enterprise: enterpriseView(e, { contacts: false }),
        status: result.status,
        checks: result.checks,
        missing: missingInformation(result),
      };
    });
    return { ...toPage(items, total, q), policyInForce: true, today };
  }
}
