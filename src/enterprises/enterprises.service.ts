import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, notFound } from '../platform/http/problem.js';
import { offsetOf, toPage, type Page } from '../platform/http/pagination.js';
import { isUniqueViolation } from '../platform/database/pg-errors.js';
import { matchesSearch, searchRank, tsQuery } from '../platform/database/search.js';
import { searchText } from '../platform/text/segmenter.js';
import { Clock } from '../platform/clock/clock.js';
import { OutboxService } from '../platform/outbox/outbox.service.js';
import { triggerEnterpriseMatching } from '../matching/matching.jobs.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { restateClaim, validUntilByKind } from './certification-claims.js';
import { EnterpriseCertification } from './enterprise-certification.entity.js';
import { Enterprise } from './enterprise.entity.js';
import type { ListEnterprisesQuery, RegisterEnterpriseInput, UpdateEnterpriseInput } from './enterprise.schemas.js';
import type { CertificationKind } from './enterprise.vocabulary.js';

/** Derived columns (closures over the national trees, search tokens) from the profile. */
export function derived(e: Pick<Enterprise, 'industryCodes' | 'homeRegionCode' | 'targetRegionCodes' | 'name' | 'description' | 'needNotes'>) {
  return {
    industryPath: industries().closure(e.industryCodes),
    homeRegionPath: [...regions().path(e.homeRegionCode)],
    targetRegionPath: regions().closure(e.targetRegionCodes),
    searchText: searchText(e.name, e.description, e.needNotes),
  };
}

@Injectable()
export class EnterprisesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** 企业入驻. Certifications arrive as claims; only an officer can verify them. */
  async register(input: RegisterEnterpriseInput, manager?: EntityManager): Promise<Enterprise> {
    const run = async (m: EntityManager) => {
      const { certifications, ...profile } = input;
      const e = m.create(Enterprise, {
        ...profile,
        ...derived(profile),
        pendingCertifications: certifications.map((c) => c.kind),
        verifiedCertifications: [],
        certificationsValidUntil: validUntilByKind(certifications.map((c) => ({ kind: c.kind, status: 'claimed', validUntil: c.validUntil ?? null }))),
      });
      try {
        await m.insert(Enterprise, e);
      } catch (err) {
        if (isUniqueViolation(err, 'enterprise_uscc_key')) {
          throw conflict('duplicate-uscc', '该统一社会信用代码已经入驻', [
            { field: 'uscc', code: 'duplicate', message: '该统一社会信用代码已经入驻' },
          ]);
        }
        throw err;
      }
      if (certifications.length) {
        await m.insert(
          EnterpriseCertification,
          certifications.map((c) => ({ enterpriseId: e.id, kind: c.kind, certificateNo: c.certificateNo ?? null, validUntil: c.validUntil ?? null })),
        );
      }
      await triggerEnterpriseMatching(this.outbox, m, e.id);
      return e.id;
    };
    const id = manager ? await run(manager) : await this.dataSource.transaction(run);
    return this.get(id, manager);
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<Enterprise> {
    const e = await manager.findOne(Enterprise, { where: { id }, relations: { certifications: true } });
    if (!e) throw notFound('企业');
    return e;
  }

  async findByUscc(uscc: string, manager: EntityManager = this.dataSource.manager): Promise<Enterprise | null> {
    return manager.findOne(Enterprise, { where: { uscc }, relations: { certifications: true } });
  }

  /** `by`: who edits (for the audit entry of a verified claim sent back to review). */
  async update(id: number, input: UpdateEnterpriseInput, manager?: EntityManager, by: AuditActor | null = null): Promise<Enterprise> {
    const run = async (m: EntityManager) => {
      const e = await m.findOne(Enterprise, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!e) throw notFound('企业');
      const { certifications, ...profile } = input;
      Object.assign(e, profile);
      if (e.investmentMinYuan != null && e.investmentMaxYuan != null && e.investmentMinYuan > e.investmentMaxYuan) {
        throw conflict('invalid-range', '最高投资额不能小于最低投资额', [
          { field: 'investmentMaxYuan', code: 'range', message: '最高投资额不能小于最低投资额' },
        ]);
      }
      Object.assign(e, derived(e));
      await m.save(Enterprise, e);
      if (certifications) await this.restateCertifications(m, e, certifications, by);
      await triggerEnterpriseMatching(this.outbox, m, id);
      return id;
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
    return this.get(id, manager);
  }

  async remove(id: number): Promise<void> {
    const r = await this.dataSource.manager.delete(Enterprise, { id });
    if (!r.affected) throw notFound('企业');
  }

  /** An officer's review of a claimed certification. */
  async reviewCertification(
    id: number,
    kind: CertificationKind,
    decision: 'verified' | 'rejected',
    review: { note?: string; reviewerId?: number | null },
    manager?: EntityManager,
  ): Promise<Enterprise> {
    const run = async (m: EntityManager) => {
      const cert = await m.findOne(EnterpriseCertification, { where: { enterpriseId: id, kind }, lock: { mode: 'pessimistic_write' } });
      if (!cert) {
        const exists = await m.exists(Enterprise, { where: { id } });
        throw notFound(exists ? '该企业的这项认定申报' : '企业');
      }
      cert.status = decision;
      cert.reviewedAt = this.clock.now();
      cert.reviewedBy = review.reviewerId ?? null;
      cert.reviewNote = review.note ?? null;
      await m.save(cert);
      await this.syncCertifications(m, id);
      await triggerEnterpriseMatching(this.outbox, m, id);
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
    return this.get(id, manager);
  }

  /**
   * The claims as the profile now states them (the rule: `restateClaim`): dropped ones go, new ones
   * start 待核验, unchanged ones keep their review, and a verified claim whose number or validity
   * changed goes back to 待核验 — audited, and back in the officers' review list.
   */
  private async restateCertifications(m: EntityManager, e: Enterprise, stated: UpdateEnterpriseInput['certifications'] & {}, by: AuditActor | null) {
    const onFile = new Map((await m.find(EnterpriseCertification, { where: { enterpriseId: e.id }, lock: { mode: 'pessimistic_write' } })).map((c) => [c.kind, c]));
    const kinds = stated.map((c) => c.kind);
    await m
      .createQueryBuilder()
      .delete()
      .from(EnterpriseCertification)
      .where('enterprise_id = :id', { id: e.id })
      .andWhere(kinds.length ? 'kind <> ALL(CAST(:kinds AS varchar[]))' : 'true', { kinds })
      .execute();
    for (const c of stated) {
      const before = onFile.get(c.kind);
      const next = restateClaim(before, c);
      const values = { certificateNo: c.certificateNo ?? null, validUntil: c.validUntil ?? null };
      if (!before) {
        await m.insert(EnterpriseCertification, { enterpriseId: e.id, kind: c.kind, ...values });
        continue;
      }
      const review = next.reclaimed ? { status: next.status, reviewedAt: null, reviewedBy: null, reviewNote: null } : {};
      if (next.changed.length) await m.update(EnterpriseCertification, { id: before.id }, { ...values, ...review });
      if (next.reclaimed) {
        await this.audit.record(m, {
          actor: by,
          action: 'certification.reclaimed',
          target: { type: 'enterprise', id: e.id, region: e.homeRegionCode },
          detail: { kind: c.kind, changed: next.changed, before: { certificateNo: before.certificateNo, validUntil: before.validUntil }, after: values },
        });
      }
    }
    await this.syncCertifications(m, e.id);
  }

  /** Keeps the enterprise's verified/pending arrays (GIN-indexed, used by eligibility) and their validity in step with the rows. */
  private async syncCertifications(m: EntityManager, id: number): Promise<void> {
    await m.query(
      `UPDATE enterprise e SET
         verified_certifications = coalesce((SELECT array_agg(kind ORDER BY kind) FROM enterprise_certification WHERE enterprise_id = e.id AND status = 'verified'), '{}'),
         pending_certifications = coalesce((SELECT array_agg(kind ORDER BY kind) FROM enterprise_certification WHERE enterprise_id = e.id AND status = 'claimed'), '{}'),
         certifications_valid_until = coalesce((SELECT jsonb_object_agg(kind, valid_until::text) FROM enterprise_certification
           WHERE enterprise_id = e.id AND status <> 'rejected' AND valid_until IS NOT NULL), '{}'),
         updated_at = now()
       WHERE id = $1`,
      [id],
    );
  }

  /** `scope`: the caller's visibility (AccessPolicy.enterpriseListScope), null for none. */
  async list(q: ListEnterprisesQuery, scope: { where: string; params: Record<string, unknown> } | null = null): Promise<Page<Enterprise>> {
    const qb = this.dataSource.manager.createQueryBuilder(Enterprise, 'e');
    if (scope) qb.andWhere(scope.where, scope.params);
    if (q.region) qb.andWhere('e.home_region_path @> CAST(:region AS char(6)[])', { region: [q.region] });
    if (q.targetRegion) {
      qb.andWhere('(e.target_region_path @> CAST(:tr AS char(6)[]) OR e.target_region_codes && CAST(:trPath AS char(6)[]))', {
        tr: [q.targetRegion],
        trPath: regions().path(q.targetRegion),
      });
    }
    if (q.industry) qb.andWhere('e.industry_path && CAST(:industry AS varchar[])', { industry: q.industry });
    if (q.certification) qb.andWhere('e.verified_certifications && CAST(:certs AS varchar[])', { certs: q.certification });
    if (q.size) qb.andWhere('e.size = ANY(CAST(:sizes AS varchar[]))', { sizes: q.size });
    const tsq = tsQuery(q.q);
    if (q.q && !tsq) return toPage([], 0, q);
    if (tsq) qb.andWhere(matchesSearch('e'), { tsq }).orderBy(searchRank('e'), 'DESC');
    qb.addOrderBy('e.id', 'DESC').offset(offsetOf(q)).limit(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    if (items.length) {
      const certs = await this.dataSource.manager
        .createQueryBuilder(EnterpriseCertification, 'c')
        .where('c.enterprise_id IN (:...ids)', { ids: items.map((e) => e.id) })
        .getMany();
      for (const e of items) e.certifications = certs.filter((c) => c.enterpriseId === e.id);
    }
    return toPage(items, total, q);
  }
}
