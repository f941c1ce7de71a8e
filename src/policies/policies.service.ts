import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { shanghaiDate } from '../platform/format/units.js';
import { Clock } from '../platform/clock/clock.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { incentiveChanged, incentivesRemoving, policyChanged } from './policy.events.js';
import { matchesSearch, searchRank, tsQuery } from '../platform/database/search.js';
import { offsetOf, orderSql, toPage, type Page } from '../platform/http/pagination.js';
import { conflict, notFound } from '../platform/http/problem.js';
import { searchText } from '../platform/text/segmenter.js';
import { regions } from '../reference/regions.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy, permits, requireStaff } from '../access/access-policy.js';
import { isStaff, type Actor } from '../access/actor.js';
import { Incentive } from './incentive.entity.js';
import { Policy } from './policy.entity.js';
import {
  POLICY_ORDER_SQL,
  type CreatePolicyInput,
  type IncentiveInput,
  type ListPoliciesQuery,
  type UpdateIncentiveInput,
  type UpdatePolicyInput,
} from './policy.schemas.js';

function policyDerived(
  p: Pick<Policy, 'regionCode' | 'title' | 'issuer' | 'sourceText' | 'documentNumber'>,
  incentives: Array<Pick<Incentive, 'title' | 'description'>>,
) {
  return {
    regionPath: [...regions().path(p.regionCode)],
    searchText: searchText(
      p.title,
      p.issuer,
      p.documentNumber,
      regions().fullName(p.regionCode),
      p.sourceText,
      ...incentives.flatMap((i) => [i.title, i.description]),
    ),
  };
}

@Injectable()
export class PoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  // ── Operations (an actor's request: access check › one transaction › write › audit › events) ──

  /** Staff create a policy for their own region, with its incentives (a draft until published). */
  async draft(actor: Actor, input: CreatePolicyInput): Promise<Policy> {
    requireStaff(actor);
    this.access.assertRegionWritable(actor, input.regionCode);
    return this.create(input);
  }

  /** The policy library: published policies; staff asking for drafts get those of their own region too. */
  async browse(actor: Actor | null, q: ListPoliciesQuery): Promise<Page<Policy>> {
    return this.list({ ...q, ...this.access.draftsWithin(actor, q.includeDrafts) });
  }

  async read(actor: Actor | null, id: number): Promise<Policy> {
    await this.access.policy(actor, id, 'read');
    return this.get(id);
  }

  /** Whether the caller may change a policy they may read (a policy they may not read: 404). */
  async mayEdit(actor: Actor, id: number): Promise<boolean> {
    return isStaff(actor) && permits(this.access.policy(actor, id, 'write'));
  }

  /** The policy for its edit forms (its own, or a new incentive's): staff covering it. */
  async forEdit(actor: Actor, id: number): Promise<Policy> {
    requireStaff(actor);
    await this.access.policy(actor, id, 'write');
    return this.get(id);
  }

  async edit(actor: Actor, id: number, input: UpdatePolicyInput): Promise<Policy> {
    requireStaff(actor);
    await this.access.policy(actor, id, 'write');
    if (input.regionCode) this.access.assertRegionWritable(actor, input.regionCode);
    return this.update(id, input);
  }

  async delete(actor: Actor, id: number): Promise<void> {
    requireStaff(actor);
    const { regionCode } = await this.access.policy(actor, id, 'write');
    await this.dataSource.transaction(async (m) => {
      await this.removeIn(m, id);
      await this.audit.record(m, { actor, action: 'policy.deleted', target: { type: 'policy', id, region: regionCode } });
    });
  }

  publish(actor: Actor, id: number): Promise<Policy> {
    return this.changePublication(actor, id, true);
  }

  unpublish(actor: Actor, id: number): Promise<Policy> {
    return this.changePublication(actor, id, false);
  }

  private async changePublication(actor: Actor, id: number, published: boolean): Promise<Policy> {
    requireStaff(actor);
    await this.access.policy(actor, id, 'write');
    await this.dataSource.transaction(async (m) => {
      const p = await this.setPublished(id, published, m);
      const action = published ? 'policy.published' : 'policy.unpublished';
      await this.audit.record(m, { actor, action, target: { type: 'policy', id, region: p.regionCode } });
    });
    return this.get(id);
  }

  async attachIncentive(actor: Actor, policyId: number, input: IncentiveInput): Promise<Incentive> {
    requireStaff(actor);
    await this.access.policy(actor, policyId, 'write');
    return this.addIncentive(policyId, input);
  }

  async readIncentive(actor: Actor | null, id: number): Promise<Incentive> {
    await this.access.incentive(actor, id, 'read');
    return this.getIncentive(id);
  }

  async mayEditIncentive(actor: Actor, id: number): Promise<boolean> {
    return isStaff(actor) && permits(this.access.incentive(actor, id, 'write'));
  }

  /** The incentive for its edit form: staff covering its policy. */
  async incentiveForEdit(actor: Actor, id: number): Promise<Incentive> {
    requireStaff(actor);
    await this.access.incentive(actor, id, 'write');
    return this.getIncentive(id);
  }

  async editIncentive(actor: Actor, id: number, input: UpdateIncentiveInput): Promise<Incentive> {
    requireStaff(actor);
    await this.access.incentive(actor, id, 'write');
    return this.updateIncentive(id, input);
  }

  async deleteIncentive(actor: Actor, id: number): Promise<void> {
    requireStaff(actor);
    await this.access.incentive(actor, id, 'write');
    await this.removeIncentive(id);
  }

  // ── Writes without an actor (demo seeds, fixtures) ──

  async create(input: CreatePolicyInput, manager?: EntityManager): Promise<Policy> {
    const run = async (m: EntityManager) => {
      const { incentives, ...fields } = input;
      const p = m.create(Policy, { ...fields, ...policyDerived(fields, incentives), status: 'draft' });
      await m.insert(Policy, p);
      if (incentives.length)
        await m.insert(
          Incentive,
          incentives.map((i) => ({ ...i, policyId: p.id })),
        );
      await this.events.emit(m, policyChanged, { policyId: p.id });
      return p.id;
    };
    const id = manager ? await run(manager) : await this.dataSource.transaction(run);
    return this.get(id, manager);
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<Policy> {
    const p = await manager.findOne(Policy, { where: { id }, relations: { incentives: true } });
    if (!p) throw notFound('政策');
    return p;
  }

  async update(id: number, input: UpdatePolicyInput, manager?: EntityManager): Promise<Policy> {
    const run = async (m: EntityManager) => {
      const p = await m.findOne(Policy, {
        where: { id },
        relations: { incentives: true },
        lock: { mode: 'pessimistic_write', tables: ['policy'] },
      });
      if (!p) throw notFound('政策');
      Object.assign(p, input);
      if (p.validTo && p.validTo < p.validFrom)
        throw conflict('invalid-validity', '失效日期不能早于生效日期', [
          { field: 'validTo', code: 'range', message: '失效日期不能早于生效日期' },
        ]);
      const incentives = p.incentives ?? [];
      delete p.incentives;
      Object.assign(p, policyDerived(p, incentives));
      await m.save(Policy, p);
      await this.events.emit(m, policyChanged, { policyId: id });
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
    return this.get(id, manager);
  }

  async setPublished(id: number, published: boolean, manager?: EntityManager): Promise<Policy> {
    const run = async (m: EntityManager) => {
      const p = await m.findOne(Policy, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw notFound('政策');
      p.status = published ? 'published' : 'draft';
      p.publishedAt = published ? (p.publishedAt ?? this.clock.now()) : null;
      await m.save(Policy, p);
      await this.events.emit(m, policyChanged, { policyId: id });
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
    return this.get(id, manager);
  }

  private async removeIn(m: EntityManager, id: number): Promise<void> {
    await this.events.emit(m, incentivesRemoving, { where: { policyId: id } });
    const r = await m.delete(Policy, { id });
    if (!r.affected) throw notFound('政策');
  }

  /** `draftsWithin`: with includeDrafts, only drafts in this region's subtree (the caller's scope; null/absent: all). */
  async list(q: ListPoliciesQuery & { draftsWithin?: string | null }): Promise<Page<Policy>> {
    const qb = this.dataSource.manager.createQueryBuilder(Policy, 'p');
    if (!q.includeDrafts) qb.andWhere(`p.status = 'published'`);
    else if (q.draftsWithin)
      qb.andWhere(`(p.status = 'published' OR p.region_path @> CAST(:draftsWithin AS char(6)[]))`, { draftsWithin: [q.draftsWithin] });
    if (q.region) qb.andWhere('p.region_path @> CAST(:region AS char(6)[])', { region: [q.region] });
    if (q.appliesTo) qb.andWhere('p.region_code = ANY(CAST(:appliesTo AS char(6)[]))', { appliesTo: regions().path(q.appliesTo) });
    if (q.validOn) qb.andWhere('p.valid_from <= :validOn AND (p.valid_to IS NULL OR p.valid_to >= :validOn)', { validOn: q.validOn });
    if (!q.includeExpired) qb.andWhere('(p.valid_to IS NULL OR p.valid_to >= :today)', { today: shanghaiDate(this.clock.now()) });
    if (q.incentiveKind || q.grantedWithoutApplication !== undefined) {
      const conds = ['i.policy_id = p.id'];
      if (q.incentiveKind) conds.push('i.kind = ANY(CAST(:kinds AS varchar[]))');
      if (q.grantedWithoutApplication !== undefined) conds.push('i.granted_without_application = :gwa');
      qb.andWhere(`EXISTS (SELECT 1 FROM incentive i WHERE ${conds.join(' AND ')})`, {
        kinds: q.incentiveKind,
        gwa: q.grantedWithoutApplication,
      });
    }
    const tsq = tsQuery(q.q);
    if (q.q && !tsq) return toPage([], 0, q);
    if (tsq) qb.andWhere(matchesSearch('p'), { tsq });
    const order = orderSql(q.order, POLICY_ORDER_SQL);
    if (order) qb.addOrderBy(order.expr, order.dir, 'NULLS LAST');
    if (tsq) qb.addOrderBy(searchRank('p'), 'DESC');
    qb.addOrderBy('p.valid_from', 'DESC').addOrderBy('p.id', 'DESC').offset(offsetOf(q)).limit(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    if (items.length) {
      const incentives = await this.dataSource.manager
        .createQueryBuilder(Incentive, 'i')
        .where('i.policy_id IN (:...ids)', { ids: items.map((p) => p.id) })
        .getMany();
      for (const p of items) p.incentives = incentives.filter((i) => i.policyId === p.id);
    }
    return toPage(items, total, q);
  }

  async addIncentive(policyId: number, input: IncentiveInput, manager?: EntityManager): Promise<Incentive> {
    const run = async (m: EntityManager) => {
      const policy = await m.findOne(Policy, { where: { id: policyId }, lock: { mode: 'pessimistic_write' } });
      if (!policy) throw notFound('政策');
      const i = m.create(Incentive, { ...input, policyId });
      await m.insert(Incentive, i);
      await this.refreshSearch(m, policyId);
      await this.events.emit(m, incentiveChanged, { incentiveId: i.id });
      return i.id;
    };
    const id = manager ? await run(manager) : await this.dataSource.transaction(run);
    return this.getIncentive(id, manager);
  }

  async getIncentive(id: number, manager: EntityManager = this.dataSource.manager): Promise<Incentive> {
    const i = await manager.findOne(Incentive, { where: { id }, relations: { policy: true } });
    if (!i) throw notFound('扶持措施');
    return i;
  }

  async updateIncentive(id: number, input: UpdateIncentiveInput, manager?: EntityManager): Promise<Incentive> {
    const run = async (m: EntityManager) => {
      const i = await m.findOne(Incentive, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!i) throw notFound('扶持措施');
      Object.assign(i, input);
      await m.save(Incentive, i);
      await this.refreshSearch(m, i.policyId);
      await this.events.emit(m, incentiveChanged, { incentiveId: id });
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
    return this.getIncentive(id, manager);
  }

  async removeIncentive(id: number): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const i = await m.findOne(Incentive, { where: { id } });
      if (!i) throw notFound('扶持措施');
      await this.events.emit(m, incentivesRemoving, { where: { incentiveIds: [id] } });
      await m.delete(Incentive, { id });
      await this.refreshSearch(m, i.policyId);
    });
  }

  private async refreshSearch(m: EntityManager, policyId: number): Promise<void> {
    const p = await m.findOne(Policy, { where: { id: policyId }, relations: { incentives: true } });
    if (!p) return;
    await m.update(Policy, { id: policyId }, { searchText: policyDerived(p, p.incentives ?? []).searchText });
  }
}
