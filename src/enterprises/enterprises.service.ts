import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { conflict, movedPermanently, notFound, ProblemException, validationFailed } from '../platform/http/problem.js';
import { checkFile, uploadedFileName, type FileKind } from '../platform/storage/file-kind.js';
import { FileStorage, type StoredFile } from '../platform/storage/file-storage.js';
import { offsetOf, orderSql, toPage, type Page } from '../platform/http/pagination.js';
import { isUniqueViolation } from '../platform/database/pg-errors.js';
import { matchesSearch, searchRank, tsQuery } from '../platform/database/search.js';
import { searchText } from '../platform/text/segmenter.js';
import { Clock } from '../platform/clock/clock.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { certificationReviewed, enterprisesChanged } from './enterprise.events.js';
import { insertEnterprises, type EnterpriseRecord } from './enterprise-bulk.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { AccessPolicy, outsideRegion, requireRole, requireStaff } from '../access/access-policy.js';
import type { Actor } from '../access/actor.js';
import { restateClaim, validUntilByKind } from './certification-claims.js';
import { EnterpriseCertification } from './enterprise-certification.entity.js';
import { Enterprise } from './enterprise.entity.js';
import {
  ENTERPRISE_ORDER_SQL,
  type ListEnterprisesQuery,
  type RegisterEnterpriseInput,
  type UpdateEnterpriseInput,
} from './enterprise.schemas.js';
import type { CertificationKind } from './enterprise.vocabulary.js';

/** Certificates: PDF or image, at most 10 MB, the type read from the bytes. */
export const EVIDENCE_KINDS: readonly FileKind[] = ['pdf', 'png', 'jpeg', 'webp'];
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const EVIDENCE_EXTENSIONS: Record<string, string> = { pdf: 'pdf', png: 'png', jpeg: 'jpg', webp: 'webp' };
const EVIDENCE_CONTENT_TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

const evidenceProblem = (status: HttpStatus, code: string, message: string) =>
  new ProblemException(status, `certificate-${code.replace(/_/g, '-')}`, message, [{ field: 'file', code, message }]);

/** Derived columns (closures over the national trees, search tokens) from the profile. */
export function derived(
  e: Pick<Enterprise, 'industryCodes' | 'homeRegionCode' | 'targetRegionCodes' | 'name' | 'description' | 'needNotes'>,
) {
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
    private readonly events: DomainEvents,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly storage: FileStorage,
  ) {}

  private readonly log = new Logger('Enterprises');

  // ── Operations (an actor's request: access check › one transaction › write › audit › events) ──

  /** Staff record an enterprise registered in (or investing into) their region. */
  async record(actor: Actor, input: RegisterEnterpriseInput): Promise<Enterprise> {
    requireStaff(actor);
    if (!this.access.mayRecordEnterprise(actor, input.homeRegionCode, input.targetRegionCodes)) throw outsideRegion('homeRegionCode');
    const id = await this.dataSource.transaction(async (m) => {
      const created = await this.register(input, m);
      await this.audit.record(m, {
        actor,
        action: 'enterprise.created',
        target: { type: 'enterprise', id: created.id, region: created.homeRegionCode },
      });
      return created.id;
    });
    return this.get(id);
  }

  /** One enterprise as the caller may see it (`contacts`: whether its contacts may be shown). */
  async read(actor: Actor | null, id: number): Promise<{ enterprise: Enterprise; contacts: boolean; write: boolean }> {
    // a record merged into another answers with the other's address (for those who may read that one)
    const [moved]: Array<{ to_id: number }> = await this.dataSource.query(`SELECT to_id FROM enterprise_redirect WHERE from_id = $1`, [id]);
    if (moved) {
      await this.access.enterprise(actor, moved.to_id, 'read');
      throw movedPermanently(id, moved.to_id, '该企业记录已合并到另一条记录');
    }
    const { contacts, write } = await this.access.enterprise(actor, id, 'read');
    return { enterprise: await this.get(id), contacts, write };
  }

  /** The enterprises the caller's bureau may see; `awaitingReview`: only those with claims to review. */
  async browse(actor: Actor, q: ListEnterprisesQuery, opts: { awaitingReview?: boolean } = {}): Promise<Page<Enterprise>> {
    requireStaff(actor);
    const scope = this.access.enterpriseListScope(actor);
    if (!opts.awaitingReview) return this.list(q, scope);
    const awaiting = 'cardinality(e.pending_certifications) > 0';
    return this.list(q, { where: scope ? `(${scope.where}) AND ${awaiting}` : awaiting, params: scope?.params ?? {} });
  }

  /** The profile edit (its own users, or staff of its home region). */
  async edit(actor: Actor, id: number, input: UpdateEnterpriseInput): Promise<Enterprise> {
    await this.access.enterprise(actor, id, 'write');
    return this.update(id, input, undefined, actor);
  }

  /**
   * An import's update of an existing enterprise (`mode=upsert`, inside the import's transaction;
   * the import checked the region): the profile edit with only the changed fields, audited with
   * their names; re-matched through the outbox like any edit.
   */
  async updateFromImport(m: EntityManager, actor: Actor, id: number, patch: UpdateEnterpriseInput, fields: string[]): Promise<void> {
    const e = await this.update(id, patch, m, actor);
    await this.audit.record(m, {
      actor,
      action: 'enterprise.updated',
      target: { type: 'enterprise', id, region: e.homeRegionCode },
      detail: { fields, via: 'import' },
    });
  }

  /** Admins delete an enterprise (audited with the USCC and name it had). */
  async delete(actor: Actor, id: number): Promise<void> {
    requireRole(actor, ['admin']);
    await this.dataSource.transaction(async (m) => {
      const e = await this.get(id, m);
      await m.delete(Enterprise, { id });
      const detail = { uscc: e.uscc, name: e.name };
      await this.audit.record(m, {
        actor,
        action: 'enterprise.deleted',
        target: { type: 'enterprise', id, region: e.homeRegionCode },
        detail,
      });
    });
  }

  /** Only staff covering the enterprise's home region review its certifications; audited with the change. */
  async review(actor: Actor, id: number, kind: CertificationKind, decision: 'verified' | 'rejected', note?: string): Promise<Enterprise> {
    requireStaff(actor);
    await this.access.enterprise(actor, id, 'write');
    // 驳回 tells the enterprise why: the reason is shown on its profile.
    if (decision === 'rejected' && !note?.trim())
      throw validationFailed([{ field: 'note', code: 'required', message: '请填写驳回原因（企业会看到）' }]);
    await this.dataSource.transaction(async (m) => {
      const reviewed = await this.reviewCertification(id, kind, decision, { note, reviewerId: actor.userId }, m);
      const target = { type: 'enterprise', id, region: reviewed.homeRegionCode };
      await this.audit.record(m, { actor, action: `certification.${decision}`, target, detail: { kind, note: note ?? null } });
      await this.events.emit(m, certificationReviewed, { enterpriseId: id, kind, decision, note });
    });
    return this.get(id);
  }

  // ── Writes without an actor (sign-up inside its own transaction, demo seeds, fixtures) ──

  /**
   * The enterprise attaches its certificate (PDF or image, ≤ 10 MB, type from its bytes) to a claim. The file is
   * stored first, then the claim points at it in one audited transaction (a claim that was 已驳回 or 已核验 goes back
   * to 待核验 with its new evidence); if that fails the new file is removed, and a replaced one is removed after.
   */
  async attachEvidence(
    actor: Actor,
    id: number,
    kind: CertificationKind,
    file: { buffer: Buffer; originalname?: string } | undefined,
  ): Promise<Enterprise> {
    if (actor.role !== 'enterprise' || actor.enterpriseId !== id) {
      await this.access.enterprise(actor, id, 'read');
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '只有企业自己可以上传认定证书');
    }
    if (!file) throw evidenceProblem(HttpStatus.BAD_REQUEST, 'required', '请选择证书文件（PDF 或图片，表单字段 file）');
    const checked = checkFile(file.buffer, EVIDENCE_KINDS, EVIDENCE_MAX_BYTES);
    if (!checked.ok) {
      const status =
        checked.problem.code === 'too_large'
          ? HttpStatus.PAYLOAD_TOO_LARGE
          : checked.problem.code === 'empty'
            ? HttpStatus.BAD_REQUEST
            : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      throw evidenceProblem(status, checked.problem.code, checked.problem.message);
    }
    const existing = await this.dataSource.manager.findOneBy(EnterpriseCertification, { enterpriseId: id, kind });
    if (!existing) throw notFound('该企业的这项认定申报');
    const key = `certificates/${id}/${kind}-${randomUUID()}.${EVIDENCE_EXTENSIONS[checked.kind]}`;
    const contentType = EVIDENCE_CONTENT_TYPES[checked.kind];
    await this.storage.put(key, file.buffer, contentType);
    let replaced: string | null = null;
    try {
      await this.dataSource.transaction(async (m) => {
        const cert = await m.findOne(EnterpriseCertification, { where: { enterpriseId: id, kind }, lock: { mode: 'pessimistic_write' } });
        if (!cert) throw notFound('该企业的这项认定申报');
        replaced = cert.evidenceKey;
        const reclaimed = cert.status !== 'claimed';
        await m.update(
          EnterpriseCertification,
          { id: cert.id },
          {
            evidenceKey: key,
            evidenceContentType: contentType,
            evidenceFileName: uploadedFileName(file.originalname).slice(0, 200) || `${kind}.${EVIDENCE_EXTENSIONS[checked.kind]}`,
            evidenceSize: file.buffer.length,
            evidenceUploadedAt: this.clock.now(),
            ...(reclaimed ? { status: 'claimed' as const, reviewedAt: null, reviewedBy: null } : {}),
          },
        );
        if (reclaimed) {
          await syncCertificationArrays(m, id);
          await this.events.emit(m, enterprisesChanged, { enterpriseIds: [id] });
        }
        const e = await m.findOneByOrFail(Enterprise, { id });
        await this.audit.record(m, {
          actor,
          action: 'certification.evidence_attached',
          target: { type: 'enterprise', id, region: e.homeRegionCode },
          detail: { kind, contentType, size: file.buffer.length, previousStatus: cert.status },
        });
      });
    } catch (err) {
      await this.storage.delete(key).catch(() => undefined);
      throw err;
    }
    if (replaced)
      await this.storage
        .delete(replaced)
        .catch((err: Error) => this.log.warn({ key: replaced, err: err.message }, 'could not remove a replaced certificate'));
    return this.get(id);
  }

  /** The certificate attached to a claim: for the enterprise itself and staff of its home region (and admins); anyone else 404. */
  async evidence(actor: Actor, id: number, kind: CertificationKind): Promise<StoredFile & { fileName: string }> {
    const access = await this.access.enterprise(actor, id, 'read');
    if (!access.write) throw notFound('认定证书');
    const cert = await this.dataSource.manager.findOneBy(EnterpriseCertification, { enterpriseId: id, kind });
    if (!cert?.evidenceKey) throw notFound('认定证书');
    const file = await this.storage.get(cert.evidenceKey);
    if (!file) throw notFound('认定证书');
    return { ...file, contentType: cert.evidenceContentType ?? file.contentType, fileName: cert.evidenceFileName ?? `${kind}` };
  }

  /** 企业入驻. Certifications arrive as claims; only an officer can verify them. */
  async register(input: RegisterEnterpriseInput, manager?: EntityManager): Promise<Enterprise> {
    const run = async (m: EntityManager) => {
      const { certifications, ...profile } = input;
      const e = m.create(Enterprise, {
        ...profile,
        ...derived(profile),
        pendingCertifications: certifications.map((c) => c.kind),
        verifiedCertifications: [],
        certificationsValidUntil: validUntilByKind(
          certifications.map((c) => ({ kind: c.kind, status: 'claimed', validUntil: c.validUntil ?? null })),
        ),
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
          certifications.map((c) => ({
            enterpriseId: e.id,
            kind: c.kind,
            certificateNo: c.certificateNo ?? null,
            validUntil: c.validUntil ?? null,
          })),
        );
      }
      await this.events.emit(m, enterprisesChanged, { enterpriseIds: [e.id] });
      return e.id;
    };
    const id = manager ? await run(manager) : await this.dataSource.transaction(run);
    return this.get(id, manager);
  }

  /** 企业入驻 in bulk (an import chunk, the caller's transaction): answers how many were created. */
  async registerMany(
    m: EntityManager,
    rows: ReadonlyArray<{ input: RegisterEnterpriseInput; record?: EnterpriseRecord }>,
  ): Promise<number> {
    const ids = await insertEnterprises(m, rows);
    if (ids.length) await this.events.emit(m, enterprisesChanged, { enterpriseIds: ids });
    return ids.length;
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<Enterprise> {
    const e = await manager.findOne(Enterprise, { where: { id }, relations: { certifications: true } });
    if (!e) throw notFound('企业');
    return e;
  }

  async find(id: number): Promise<Enterprise | null> {
    return this.dataSource.manager.findOne(Enterprise, { where: { id } });
  }

  /** How many enterprises have registered (the home page's figure). */
  async count(): Promise<number> {
    const [r]: Array<{ n: number }> = await this.dataSource.query(`SELECT count(*)::int AS n FROM enterprise`);
    return r.n;
  }

  /** The enterprises of these USCCs that exist, with their certifications (an import's upsert). */
  async findManyByUscc(usccs: string[], manager: EntityManager = this.dataSource.manager): Promise<Enterprise[]> {
    if (!usccs.length) return [];
    return manager.find(Enterprise, { where: { uscc: In(usccs) }, relations: { certifications: true } });
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
      await this.events.emit(m, enterprisesChanged, { enterpriseIds: [id] });
      return id;
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
    return this.get(id, manager);
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
      await syncCertificationArrays(m, id);
      await this.events.emit(m, enterprisesChanged, { enterpriseIds: [id] });
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
    return this.get(id, manager);
  }

  /**
   * The claims as the profile now states them (the rule: `restateClaim`): dropped ones go, new ones
   * start 待核验, unchanged ones keep their review, and a verified claim whose number or validity
   * changed goes back to 待核验 — audited, and back in the officers' review list.
   */
  private async restateCertifications(
    m: EntityManager,
    e: Enterprise,
    stated: UpdateEnterpriseInput['certifications'] & {},
    by: AuditActor | null,
  ) {
    const onFile = new Map(
      (await m.find(EnterpriseCertification, { where: { enterpriseId: e.id }, lock: { mode: 'pessimistic_write' } })).map((c) => [
        c.kind,
        c,
      ]),
    );
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
          detail: {
            kind: c.kind,
            changed: next.changed,
            before: { certificateNo: before.certificateNo, validUntil: before.validUntil },
            after: values,
          },
        });
      }
    }
    await syncCertificationArrays(m, e.id);
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
    if (tsq) qb.andWhere(matchesSearch('e'), { tsq });
    const order = orderSql(q.order, ENTERPRISE_ORDER_SQL);
    if (order) qb.addOrderBy(order.expr, order.dir, 'NULLS LAST');
    if (tsq) qb.addOrderBy(searchRank('e'), 'DESC');
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

/** Keeps the enterprise's verified/pending arrays (GIN-indexed, used by eligibility) and their validity in step with its certification rows. */
export async function syncCertificationArrays(m: EntityManager, id: number): Promise<void> {
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
