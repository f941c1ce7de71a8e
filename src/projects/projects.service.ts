import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock.js';
import { shanghaiDate } from '../platform/format/units.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { projectChanged } from './project.events.js';
import { matchesSearch, searchRank, tsQuery } from '../platform/database/search.js';
import { isUniqueViolation } from '../platform/database/pg-errors.js';
import { offsetOf, orderSql, toPage, type Page } from '../platform/http/pagination.js';
import { conflict, notFound, ProblemException, validationFailed } from '../platform/http/problem.js';
import { searchText } from '../platform/text/segmenter.js';
import type { Incentive } from '../policies/incentive.entity.js';
import { findIncentives } from '../policies/incentive.reads.js';
import { policyValidity } from '../policies/policy.vocabulary.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy, permits, requireStaff } from '../access/access-policy.js';
import { isStaff, type Actor } from '../access/actor.js';
import { ChainSegmentsPort } from './chain-segments.port.js';
import { ProjectStageChange } from './project-stage-change.entity.js';
import { Project } from './project.entity.js';
import {
  PROJECT_ORDER_SQL,
  type ChangeStageInput,
  type CreateProjectInput,
  type ListProjectsQuery,
  type UpdateProjectInput,
} from './project.schemas.js';
import { stageChangeProblem } from './project.vocabulary.js';

/**
 * What the public may see of a project's incentives: those of published policies. (Staff editing a
 * project see every attached incentive; matching counts only published ones too.)
 */
export function withPublishedIncentives<T extends { incentives?: Incentive[] }>(p: T): T {
  return { ...p, incentives: p.incentives?.filter((i) => i.policy?.status === 'published') };
}

function derived(p: Pick<Project, 'regionCode' | 'industryCodes' | 'title' | 'description'>) {
  const t = industries();
  return {
    regionPath: [...regions().path(p.regionCode)],
    industryPath: t.closure(p.industryCodes),
    searchText: searchText(p.title, p.description, regions().fullName(p.regionCode), ...p.industryCodes.map((c) => t.get(c)?.name)),
  };
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly chainSegments: ChainSegmentsPort,
  ) {}

  // ── Operations (an actor's request: access check › one transaction › write › audit › events) ──

  /** Staff create a project in their own region (a draft until published). */
  async draft(actor: Actor, input: CreateProjectInput): Promise<Project> {
    requireStaff(actor);
    this.access.assertRegionWritable(actor, input.regionCode);
    await this.access.assertIncentivesReadable(actor, input.incentiveIds);
    return this.create(input, actor.userId);
  }

  /** 项目库: published projects; staff asking for drafts get those of their own region too. */
  async browse(actor: Actor | null, q: ListProjectsQuery): Promise<Page<Project>> {
    return this.list({ ...q, ...this.access.draftsWithin(actor, q.includeDrafts) });
  }

  async publishedCount(): Promise<number> {
    const [r]: Array<{ n: number }> = await this.dataSource.query(`SELECT count(*)::int AS n FROM project WHERE status = 'published'`);
    return r.n;
  }

  /** A published project, or a draft for staff covering it; the public sees only published incentives. */
  async read(actor: Actor | null, id: number): Promise<Project> {
    await this.access.project(actor, id, 'read');
    const p = await this.get(id);
    return isStaff(actor) ? p : withPublishedIncentives(p);
  }

  /** Whether the caller may change a project they may read (a project they may not read: 404). */
  async mayEdit(actor: Actor, id: number): Promise<boolean> {
    return isStaff(actor) && permits(this.access.project(actor, id, 'write'));
  }

  /** The project for its edit form: staff covering it. */
  async forEdit(actor: Actor, id: number): Promise<Project> {
    requireStaff(actor);
    await this.access.project(actor, id, 'write');
    return this.get(id);
  }

  async edit(actor: Actor, id: number, input: UpdateProjectInput): Promise<Project> {
    requireStaff(actor);
    await this.access.project(actor, id, 'write');
    if (input.regionCode) this.access.assertRegionWritable(actor, input.regionCode);
    await this.access.assertIncentivesReadable(actor, input.incentiveIds);
    return this.update(id, input);
  }

  /** Deletes a draft (published projects are closed instead); audited. */
  async delete(actor: Actor, id: number): Promise<void> {
    requireStaff(actor);
    const { regionCode } = await this.access.project(actor, id, 'write');
    await this.dataSource.transaction(async (m) => {
      await this.removeIn(m, id);
      await this.audit.record(m, { actor, action: 'project.deleted', target: { type: 'project', id, region: regionCode } });
    });
  }

  publish(actor: Actor, id: number): Promise<Project> {
    return this.changePublication(actor, id, true);
  }

  unpublish(actor: Actor, id: number): Promise<Project> {
    return this.changePublication(actor, id, false);
  }

  private async changePublication(actor: Actor, id: number, published: boolean): Promise<Project> {
    requireStaff(actor);
    await this.access.project(actor, id, 'write');
    await this.dataSource.transaction(async (m) => {
      const p = await this.setPublished(id, published, m);
      const action = published ? 'project.published' : 'project.unpublished';
      await this.audit.record(m, { actor, action, target: { type: 'project', id, region: p.regionCode } });
    });
    return this.get(id);
  }

  /** 签约/开工/投产 or close, recorded with its date; audited. */
  async advanceStage(actor: Actor, id: number, input: ChangeStageInput): Promise<Project> {
    requireStaff(actor);
    await this.access.project(actor, id, 'write');
    await this.dataSource.transaction(async (m) => {
      const before = await this.get(id, m);
      const after = await this.changeStage(id, input, actor.userId, m);
      const detail = { from: before.stage, to: after.stage, at: input.at ?? null, note: input.note };
      await this.audit.record(m, {
        actor,
        action: 'project.stage_changed',
        target: { type: 'project', id, region: after.regionCode },
        detail,
      });
    });
    return this.get(id);
  }

  // ── Writes without an actor (imports inside their transaction, demo seeds, fixtures) ──

  async create(input: CreateProjectInput, actorId: number | null = null, manager?: EntityManager): Promise<Project> {
    const run = async (m: EntityManager) => {
      const { incentiveIds, stage, stageSince, ...fields } = input;
      const incentives = await this.incentivesById(m, incentiveIds);
      await this.checkChainSegment(fields.chainSegmentId, fields.regionCode);
      const now = stageSince ? this.reachedAt(stageSince, 'stageSince') : this.clock.now();
      const p = m.create(Project, { ...fields, ...derived(fields), stage, stageChangedAt: now, status: 'draft' });
      try {
        await m.insert(Project, p);
      } catch (err) {
        if (isUniqueViolation(err, 'project_code_key')) {
          throw conflict('duplicate-project-code', '项目编号已存在', [{ field: 'code', code: 'duplicate', message: '项目编号已存在' }]);
        }
        throw err;
      }
      await m.insert(ProjectStageChange, { projectId: p.id, fromStage: null, toStage: stage, changedAt: now, changedBy: actorId });
      if (incentives.length)
        await m
          .createQueryBuilder()
          .relation(Project, 'incentives')
          .of(p.id)
          .add(incentives.map((i) => i.id));
      await this.events.emit(m, projectChanged, { projectId: p.id });
      return p.id;
    };
    const id = manager ? await run(manager) : await this.dataSource.transaction(run);
    return this.get(id, manager);
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<Project> {
    const p = await manager.findOne(Project, { where: { id }, relations: { stageChanges: true, incentives: { policy: true } } });
    if (!p) throw notFound('项目');
    await this.attachChainSegments([p]);
    return p;
  }

  async update(id: number, input: UpdateProjectInput, manager?: EntityManager): Promise<Project> {
    const run = async (m: EntityManager) => {
      const p = await m.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw notFound('项目');
      const { incentiveIds, ...fields } = input;
      Object.assign(p, fields);
      Object.assign(p, derived(p));
      if (fields.chainSegmentId !== undefined || fields.regionCode) await this.checkChainSegment(p.chainSegmentId, p.regionCode);
      await m.save(Project, p);
      if (incentiveIds) {
        const attached: Array<{ incentive_id: number }> = await m.query(
          'SELECT incentive_id FROM project_incentive WHERE project_id = $1',
          [id],
        );
        const incentives = await this.incentivesById(m, incentiveIds, new Set(attached.map((a) => a.incentive_id)));
        await m.query('DELETE FROM project_incentive WHERE project_id = $1', [id]);
        if (incentives.length)
          await m
            .createQueryBuilder()
            .relation(Project, 'incentives')
            .of(id)
            .add(incentives.map((i) => i.id));
      }
      await this.events.emit(m, projectChanged, { projectId: id });
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
    return this.get(id, manager);
  }

  async setPublished(id: number, published: boolean, manager?: EntityManager): Promise<Project> {
    const run = async (m: EntityManager) => {
      const p = await m.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw notFound('项目');
      if (published && p.stage === 'closed') throw conflict('project-closed', '已关闭的项目不能发布');
      p.status = published ? 'published' : 'draft';
      p.publishedAt = published ? (p.publishedAt ?? this.clock.now()) : null;
      await m.save(Project, p);
      await this.events.emit(m, projectChanged, { projectId: id });
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
    return this.get(id, manager);
  }

  /** Moves the project to a later stage (or closes it), recording when it was reached and by whom. */
  async changeStage(id: number, input: ChangeStageInput, actorId: number | null = null, manager?: EntityManager): Promise<Project> {
    const run = async (m: EntityManager) => {
      const p = await m.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw notFound('项目');
      const problem = stageChangeProblem(p.stage, input.stage);
      if (problem) {
        throw new ProblemException(HttpStatus.CONFLICT, 'invalid-stage-transition', problem, [
          { field: 'stage', code: 'invalid_transition', message: problem },
        ]);
      }
      const at = input.at ? this.reachedAt(input.at) : this.clock.now();
      if (at.getTime() < p.stageChangedAt.getTime() - 24 * 3600_000) {
        throw validationFailed([{ field: 'at', code: 'before_previous', message: '日期不能早于上一阶段的日期' }]);
      }
      await m.insert(ProjectStageChange, {
        projectId: id,
        fromStage: p.stage,
        toStage: input.stage,
        changedAt: at,
        changedBy: actorId,
        note: input.note,
      });
      p.stage = input.stage;
      p.stageChangedAt = at;
      await m.save(Project, p);
      await this.events.emit(m, projectChanged, { projectId: id });
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
    return this.get(id, manager);
  }

  /**
   * The project follows its leads (README "Agreements"): a lead's 签约 / 开工 / 投产 moves the
   * project to 已签约 / 已开工 / 已投产 when it is not there yet — forward only, never out of
   * 已关闭 — recorded in its stage history like any change, inside the caller's transaction.
   * Returns whether the stage moved.
   */
  async followLead(
    m: EntityManager,
    id: number,
    stage: 'signed' | 'started' | 'producing',
    at: Date,
    actorId: number | null,
  ): Promise<boolean> {
    const p = await m.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p || stageChangeProblem(p.stage, stage) !== null || p.stage === 'closed') return false;
    const changedAt = at.getTime() < p.stageChangedAt.getTime() ? p.stageChangedAt : at;
    await m.insert(ProjectStageChange, {
      projectId: id,
      fromStage: p.stage,
      toStage: stage,
      changedAt,
      changedBy: actorId,
      note: '随线索阶段推进',
    });
    p.stage = stage;
    p.stageChangedAt = changedAt;
    await m.save(Project, p);
    await this.events.emit(m, projectChanged, { projectId: id });
    return true;
  }

  /** A stage date (Asia/Shanghai midnight); never in the future. */
  private reachedAt(date: string, field = 'at'): Date {
    const at = new Date(`${date}T00:00:00+08:00`);
    if (at.getTime() > this.clock.now().getTime()) throw validationFailed([{ field, code: 'future', message: '日期不能晚于今天' }]);
    return at;
  }

  private async removeIn(m: EntityManager, id: number): Promise<void> {
    const p = await m.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p) throw notFound('项目');
    if (p.status === 'published') throw conflict('project-published', '已发布的项目不能删除，请改为关闭');
    await m.delete(Project, { id });
  }

  /** `draftsWithin`: with includeDrafts, only drafts in this region's subtree (the caller's scope; null/absent: all). */
  async list(q: ListProjectsQuery & { draftsWithin?: string | null }): Promise<Page<Project>> {
    const qb = this.dataSource.manager.createQueryBuilder(Project, 'p');
    if (!q.includeDrafts) qb.andWhere(`p.status = 'published'`);
    else if (q.draftsWithin)
      qb.andWhere(`(p.status = 'published' OR p.region_path @> CAST(:draftsWithin AS char(6)[]))`, { draftsWithin: [q.draftsWithin] });
    if (q.region) qb.andWhere('p.region_path @> CAST(:region AS char(6)[])', { region: [q.region] });
    if (q.industry) qb.andWhere('p.industry_path && CAST(:industry AS varchar[])', { industry: q.industry });
    if (q.stage) qb.andWhere('p.stage = ANY(CAST(:stages AS varchar[]))', { stages: q.stage });
    if (q.minInvestmentYuan != null) qb.andWhere('p.total_investment_yuan >= :minInv', { minInv: q.minInvestmentYuan });
    if (q.maxInvestmentYuan != null) qb.andWhere('p.total_investment_yuan <= :maxInv', { maxInv: q.maxInvestmentYuan });
    if (q.incentiveKind) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM project_incentive pi JOIN incentive i ON i.id = pi.incentive_id
                 WHERE pi.project_id = p.id AND i.kind = ANY(CAST(:kinds AS varchar[])))`,
        { kinds: q.incentiveKind },
      );
    }
    const tsq = tsQuery(q.q);
    if (q.q && !tsq) return toPage([], 0, q);
    if (tsq) qb.andWhere(matchesSearch('p'), { tsq });
    const order = orderSql(q.order, PROJECT_ORDER_SQL);
    if (order) qb.addOrderBy(order.expr, order.dir, 'NULLS LAST');
    if (tsq) qb.addOrderBy(searchRank('p'), 'DESC');
    if (q.sort === 'investment') qb.addOrderBy('p.total_investment_yuan', 'DESC');
    qb.addOrderBy('p.published_at', 'DESC', 'NULLS LAST').addOrderBy('p.id', 'DESC').offset(offsetOf(q)).limit(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    await this.attachIncentives(items);
    await this.attachChainSegments(items);
    return toPage(items, total, q);
  }

  /** 补链 tag: a segment of a chain whose region is the project's or lies above it; else a 400 naming `chainSegmentId`. */
  private async checkChainSegment(segmentId: number | null | undefined, regionCode: string): Promise<void> {
    if (!segmentId) return;
    const s = (await this.chainSegments.byId([segmentId])).get(segmentId);
    if (!s) throw validationFailed([{ field: 'chainSegmentId', code: 'unknown', message: '产业链环节不存在' }]);
    if (!regions().isWithin(regionCode, s.regionCode))
      throw validationFailed([
        { field: 'chainSegmentId', code: 'outside_region', message: `「${s.chainLabel}」不属于项目所在地区，不能标为其补链项目` },
      ]);
  }

  private async attachChainSegments(items: Project[]): Promise<void> {
    const tagged = items.filter((p) => p.chainSegmentId);
    const byId = await this.chainSegments.byId(tagged.map((p) => p.chainSegmentId!));
    for (const p of items) p.chainSegment = p.chainSegmentId ? (byId.get(p.chainSegmentId) ?? null) : null;
  }

  private async attachIncentives(items: Project[]): Promise<void> {
    if (!items.length) return;
    const rows: Array<{ project_id: number; incentive_id: number }> = await this.dataSource.query(
      'SELECT project_id, incentive_id FROM project_incentive WHERE project_id = ANY($1::int[])',
      [items.map((p) => p.id)],
    );
    const incentives = await findIncentives(this.dataSource.manager, [...new Set(rows.map((r) => r.incentive_id))], { withPolicy: true });
    const byId = new Map(incentives.map((i) => [i.id, i]));
    // lists are public: only incentives of published policies
    for (const p of items)
      p.incentives = withPublishedIncentives({
        incentives: rows.filter((r) => r.project_id === p.id).map((r) => byId.get(r.incentive_id)!),
      }).incentives;
  }

  /**
   * The incentives to attach, all known; one of a policy that has expired (已失效) only when the
   * project already has it (`attached`): an expired incentive is no new choice.
   */
  private async incentivesById(m: EntityManager, ids: number[], attached: ReadonlySet<number> = new Set()): Promise<Incentive[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const found = await findIncentives(m, unique, { withPolicy: true });
    const byId = new Map(found.map((i) => [i.id, i]));
    const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !byId.has(id));
    if (missing.length) {
      throw validationFailed(
        missing.map(({ id, i }) => ({ field: `incentiveIds[${i}]`, code: 'unknown_incentive', message: `扶持措施 ${id} 不存在` })),
      );
    }
    const today = shanghaiDate(this.clock.now());
    const expired = ids
      .map((id, i) => ({ i, incentive: byId.get(id)! }))
      .filter(({ incentive }) => !attached.has(incentive.id) && incentive.policy && policyValidity(incentive.policy, today) === 'expired');
    if (expired.length) {
      throw validationFailed(
        expired.map(({ i, incentive }) => ({
          field: `incentiveIds[${i}]`,
          code: 'expired_incentive',
          message: `扶持措施「${incentive.title}」所属政策已于 ${incentive.policy!.validTo} 失效，不能再选用`,
        })),
      );
    }
    return found;
  }
}
