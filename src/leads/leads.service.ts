import { markMatchConverted } from '../matching/match-status.js';
import { notifyInApp } from '../notifications/inbox.js';
import { matchInterested } from '../matching/match.events.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { requireRole, requireStaff } from '../access/access-policy.js';
import { createHash } from 'node:crypto';
import { HttpStatus, Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { AuditService, type AuditRecord } from '../audit/audit.service.js';
import { Clock } from '../platform/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { isUniqueViolation } from '../platform/database/pg-errors.js';
import { shanghaiDate } from '../platform/format/units.js';
import { offsetOf, orderSql, type Page } from '../platform/http/pagination.js';
import { conflict, notFound, ProblemException, validationFailed } from '../platform/http/problem.js';
import { searchText } from '../platform/text/segmenter.js';
import { PoliciesService } from '../policies/policies.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import { AssignmentService, type Assignment } from './assignment.service.js';
import { LeadActivity } from './lead-activity.entity.js';
import {
  applyCursor,
  countFromCounters,
  encodeCursor,
  LEAD_ORDER_SQL,
  leadWhere,
  ORDER,
  param,
  SORT_KEY,
  whereSql,
  type SqlWhere,
} from './lead-query.js';
import { assertMayAssign, assertMayRead, assertMayWork, regionLevels } from '../access/region-scope.js';
import type {
  AddActivityInput,
  AssignLeadInput,
  ChangeLeadStageInput,
  CreateLeadInput,
  InquiryInput,
  ListLeadsQuery,
  ReopenLeadInput,
  UpdateLeadInput,
} from './lead.schemas.js';
import {
  enterpriseLeadView,
  LEAD_LIST_BASE,
  LEAD_LIST_COLUMNS,
  LEAD_ROW_COLUMNS,
  LEAD_ROW_JOINS,
  type ActivityRow,
  type LeadListRow,
  type LeadRow,
} from './lead.view.js';
import { Lead } from './lead.entity.js';
import {
  LEAD_SOURCES,
  LEAD_STAGES,
  OPEN_STAGES,
  PRE_SIGNING,
  reopenProblem,
  stageChangeProblem,
  type LeadSource,
  type LeadStage,
  type SigningKind,
} from './lead.vocabulary.js';

const DAY = 24 * 3600_000;
/** Offset paging stops here (use the cursor beyond); counted totals (filters the lead_count table does not keep) stop here too. */
export const COUNT_CAP = 10_000;

export interface LeadPage<T> extends Page<T> {
  /** False when there are more than COUNT_CAP matching leads (total is then COUNT_CAP). */
  totalExact: boolean;
  /** Keyset paging: pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** What a new lead is about; everything else is derived. */
export interface NewLead {
  enterpriseId: number;
  projectId: number | null;
  /** Required without a project. */
  regionCode?: string | null;
  source: LeadSource;
  matchId?: number | null;
  /** An explicit owner (already checked by the caller); undefined: automatic assignment. */
  ownerId?: number;
  expectedInvestmentYuan?: number | null;
  nextFollowUpOn?: string | null;
  note?: string;
  importKey?: string | null;
  /** Back-dated creation (imports of existing 台账); default now. */
  createdAt?: Date;
  actor: Pick<Actor, 'userId' | 'email' | 'role'> | null;
}

/** Who works a lead, as the enterprise sees them. */
export interface LeadContact {
  name: string;
  bureau: string | null;
  phone: string | null;
  email: string | null;
}

/** A signed lead as the agreements module needs it. */
export interface SignedLead {
  id: number;
  stage: LeadStage;
  regionCode: string;
  enterpriseId: number;
  projectId: number | null;
  signedOn: string | null;
  /** The lead's industries with their ancestors. */
  industryPath: string[];
}

export interface CreatedLead {
  id: number;
  created: boolean;
}

type ActivityInput = Pick<LeadActivity, 'leadId' | 'kind' | 'occurredAt'> &
  Partial<Pick<LeadActivity, 'actorId' | 'summary' | 'fromStage' | 'toStage' | 'fromOwnerId' | 'toOwnerId' | 'details'>>;

/** Appends entries to leads' timelines; returns their ids. */
export async function logActivities(m: EntityManager, entries: ActivityInput[], recordedAt: Date): Promise<number[]> {
  if (!entries.length) return [];
  const values: unknown[] = [];
  const tuples = entries.map((a) => {
    const b = values.length;
    values.push(
      a.leadId,
      a.kind,
      a.occurredAt,
      a.actorId ?? null,
      a.summary ?? '',
      a.fromStage ?? null,
      a.toStage ?? null,
      a.fromOwnerId ?? null,
      a.toOwnerId ?? null,
      JSON.stringify(a.details ?? {}),
      recordedAt,
    );
    return `(${Array.from({ length: 11 }, (_, i) => `$${b + i + 1}`).join(', ')})`;
  });
  const rows: Array<{ id: string }> = await m.query(
    `INSERT INTO lead_activity (lead_id, kind, occurred_at, actor_id, summary, from_stage, to_stage, from_owner_id, to_owner_id, details, recorded_at)
     SELECT lead_id::int, kind, occurred_at::timestamptz, actor_id::int, summary, from_stage, to_stage, from_owner_id::int, to_owner_id::int, details::jsonb, recorded_at::timestamptz
     FROM (VALUES ${tuples.join(', ')}) AS v(lead_id, kind, occurred_at, actor_id, summary, from_stage, to_stage, from_owner_id, to_owner_id, details, recorded_at)
     RETURNING id`,
    values,
  );
  return rows.map((r) => Number(r.id));
}

const stageProblem = (message: string) =>
  new ProblemException(HttpStatus.CONFLICT, 'invalid-stage-transition', message, [{ field: 'stage', code: 'invalid_transition', message }]);

/**
 * Leads: creation (from an enterprise's interest, a match an officer picked, by hand or by
 * import — automatically assigned), the pipeline, the timeline, reassignment and the list.
 * Every change writes its timeline entry, and the sensitive ones (stage changes, reopening,
 * reassignment) an audit entry, in the same transaction.
 */
@Injectable()
export class LeadsService implements OnModuleInit, OnApplicationShutdown {
  /** The list's own small pool, whose sessions keep generic plans (see hotQuery). */
  private listPool?: pg.Pool;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly assignment: AssignmentService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projects: ProjectsService,
    private readonly policies: PoliciesService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    // the interest is a lead for the bureau, created once per match in the interest's transaction
    this.events.on(matchInterested, (m, p) => this.fromInterest(m, p.matchId, p.actor));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listPool?.end().catch(() => undefined);
  }

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  // ---------------------------------------------------------------- creation

  /**
   * POST /leads: by hand, or from a match an officer picked (source `match`). `source` `chain`:
   * the same by-hand lead, made from a 产业链招商 target (ChainsService).
   */
  async create(actor: Actor, input: CreateLeadInput, via: 'manual' | 'chain' = 'manual'): Promise<CreatedLead> {
    requireStaff(actor);
    const source: LeadSource = via === 'chain' ? 'chain' : input.incentiveId !== undefined ? 'policy' : (input.source ?? 'manual');
    // 政策找企业: the incentive the officer found the enterprise through (read access as for its page)
    const incentive = input.incentiveId !== undefined ? await this.incentiveTarget(actor, input.incentiveId) : null;
    return this.dataSource.transaction(async (m) => {
      if (input.matchId !== undefined) {
        const match = await this.matchTarget(m, input.matchId);
        if (!match || !regions().isWithin(match.regionCode, actor.role === 'admin' ? match.regionCode : (actor.regionScope ?? '000000'))) {
          throw validationFailed([{ field: 'matchId', code: 'unknown_match', message: '匹配不存在' }]);
        }
        const ownerId = input.ownerId !== undefined ? await this.checkedOwner(m, actor, input.ownerId, match.regionCode) : undefined;
        const r = await this.insert(m, {
          enterpriseId: match.enterpriseId,
          projectId: match.projectId,
          source: 'match',
          matchId: input.matchId,
          ownerId,
          expectedInvestmentYuan: input.expectedInvestmentYuan,
          nextFollowUpOn: this.followUpDate(input.nextFollowUpOn),
          note: input.note,
          actor,
        });
        if (r.created) await markMatchConverted(m, input.matchId, this.clock.now());
        return r;
      }
      const [enterprise] = await m.query(`SELECT id FROM enterprise WHERE id = $1`, [input.enterpriseId]);
      if (!enterprise) throw validationFailed([{ field: 'enterpriseId', code: 'unknown_enterprise', message: '企业不存在' }]);
      let regionCode = input.regionCode ?? (input.projectId === undefined ? (incentive?.regionCode ?? null) : null);
      if (input.projectId !== undefined) {
        const [p]: Array<{ region_code: string }> = await m.query(`SELECT region_code FROM project WHERE id = $1`, [input.projectId]);
        // a project outside the caller's region is answered like an unknown one
        if (!p || !this.covers(actor, p.region_code))
          throw validationFailed([{ field: 'projectId', code: 'unknown_project', message: '项目不存在' }]);
        regionCode = p.region_code;
      } else if (!this.covers(actor, regionCode!)) {
        throw new ProblemException(HttpStatus.FORBIDDEN, 'outside-region', '只能在本辖区内创建线索', [
          { field: 'regionCode', code: 'outside_region', message: '超出本招商局的辖区' },
        ]);
      }
      const ownerId = input.ownerId !== undefined ? await this.checkedOwner(m, actor, input.ownerId, regionCode!) : undefined;
      return this.insert(m, {
        enterpriseId: input.enterpriseId!,
        projectId: input.projectId ?? null,
        regionCode,
        source,
        ownerId,
        expectedInvestmentYuan: input.expectedInvestmentYuan,
        nextFollowUpOn: this.followUpDate(input.nextFollowUpOn),
        note: input.note ?? (incentive ? `政策找企业：${incentive.title}` : undefined),
        actor,
      });
    });
  }

  /** The incentive a 政策找企业 lead came from, and the region its lead goes to: the policy's, narrowed to the caller's. */
  private async incentiveTarget(actor: Actor, incentiveId: number): Promise<{ title: string; regionCode: string }> {
    let i;
    try {
      i = await this.policies.readIncentive(actor, incentiveId);
    } catch (err) {
      if (err instanceof ProblemException && err.status === 404)
        throw validationFailed([{ field: 'incentiveId', code: 'unknown_incentive', message: '扶持措施不存在' }]);
      throw err;
    }
    const policyRegion = i.policy?.regionCode ?? '';
    const scope = actor.role === 'admin' ? policyRegion : (actor.regionScope ?? '');
    const regionCode =
      scope && regions().isWithin(policyRegion, scope) ? policyRegion : scope && regions().isWithin(scope, policyRegion) ? scope : '';
    if (!regionCode) {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'outside-region', '该政策的适用地区不在本招商局辖区内', [
        { field: 'incentiveId', code: 'outside_region', message: '超出本招商局的辖区' },
      ]);
    }
    return { title: `${i.policy?.title ?? ''}·${i.title}`, regionCode };
  }

  /**
   * The enterprise said "interested" in a match: its lead, created once (source `interest`) inside
   * the caller's transaction. Calling it again for the same match returns the same lead.
   */
  async fromInterest(m: EntityManager, matchId: number, actor: Pick<Actor, 'userId' | 'email' | 'role'> | null): Promise<CreatedLead> {
    const match = await this.matchTarget(m, matchId);
    if (!match) throw notFound('匹配');
    return this.insert(m, {
      enterpriseId: match.enterpriseId,
      projectId: match.projectId,
      source: 'interest',
      matchId,
      actor,
      note: '企业在匹配结果中表示感兴趣',
    });
  }

  /**
   * POST /leads/inquiries: a signed-in enterprise asks about a published project or policy (主动咨询)
   * without a match. The lead (source `inquiry`, the message on its timeline) goes to the officer the
   * assignment rules pick; asking again while that lead is open returns it. The answer says who will call.
   */
  async inquire(actor: Actor, input: InquiryInput): Promise<CreatedLead & { contact: LeadContact | null; bureau: string | null }> {
    requireRole(actor, ['enterprise']);
    if (!actor.enterpriseId) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '账户未关联企业');
    // the library's own read rules: published only (an unpublished one is answered as unknown)
    let target: { projectId: number | null; regionCode: string; about: string };
    if (input.projectId !== undefined) {
      const p = await this.projects.read(actor, input.projectId);
      target = { projectId: p.id, regionCode: p.regionCode, about: `项目「${p.title}」` };
    } else {
      const p = await this.policies.read(actor, input.policyId!);
      target = { projectId: null, regionCode: p.regionCode, about: `政策「${p.title}」` };
    }
    const r = await this.dataSource.transaction((m) =>
      this.insert(m, {
        enterpriseId: actor.enterpriseId!,
        projectId: target.projectId,
        regionCode: target.regionCode,
        source: 'inquiry',
        note: `企业咨询${target.about}：${input.message}`,
        actor,
      }),
    );
    const [c]: Array<{ owner_name: string | null; owner_email: string | null; owner_phone: string | null; bureau_name: string | null }> =
      await this.dataSource.query(
        `SELECT u.name AS owner_name, u.email AS owner_email, u.phone AS owner_phone, b.name AS bureau_name
       FROM lead l LEFT JOIN app_user u ON u.id = l.owner_id LEFT JOIN bureau b ON b.id = l.bureau_id WHERE l.id = $1`,
        [r.id],
      );
    return {
      ...r,
      contact: c?.owner_name ? { name: c.owner_name, bureau: c.bureau_name, phone: c.owner_phone, email: c.owner_email } : null,
      bureau: c?.bureau_name ?? null,
    };
  }

  /**
   * 工作台's 今日待跟进 / 已逾期: leads before signing whose next follow-up is today / was earlier —
   * an officer's own, a bureau lead's or admin's whole scope. (A signed lead is followed through its agreement.)
   */
  async followUpCounts(actor: Actor): Promise<{ dueToday: number; overdue: number; mine: boolean }> {
    requireStaff(actor);
    const mine = actor.role === 'officer';
    const base = { page: 1, pageSize: 1, sort: 'recent', stage: [...PRE_SIGNING], ...(mine ? { owner: 'me' } : {}) } as ListLeadsQuery;
    // the same filters the card's links open on the board (dueToday=1, overdue=1), so the counts are what the board shows
    const [due, overdue] = await Promise.all([this.list(actor, { ...base, dueToday: true }), this.list(actor, { ...base, overdue: true })]);
    return { dueToday: due.total, overdue: overdue.total, mine };
  }

  /** The enterprise's own latest lead on a project (its 项目库 page shows where it stands and who to call), or null. */
  async ownLeadOn(actor: Actor, projectId: number): Promise<ReturnType<typeof enterpriseLeadView> | null> {
    if (actor.role !== 'enterprise' || !actor.enterpriseId) return null;
    const page = await this.list(actor, { page: 1, pageSize: 1, projectId, sort: 'recent' } as ListLeadsQuery);
    const r = page.items[0];
    if (!r) return null;
    return enterpriseLeadView(r, (await this.contactsOf([r.id])).get(r.id));
  }

  /** Who works each lead and how to reach them (for the enterprise's own view: 我的线索). */
  async contactsOf(leadIds: readonly number[]): Promise<Map<number, LeadContact>> {
    if (!leadIds.length) return new Map();
    const rows: Array<{ id: number; name: string; email: string; phone: string | null; bureau: string | null }> =
      await this.dataSource.query(
        `SELECT l.id, u.name, u.email, u.phone, b.name AS bureau
       FROM lead l JOIN app_user u ON u.id = l.owner_id LEFT JOIN bureau b ON b.id = coalesce(u.bureau_id, l.bureau_id) WHERE l.id = ANY($1::int[])`,
        [leadIds],
      );
    return new Map(rows.map((r) => [r.id, { name: r.name, bureau: r.bureau, phone: r.phone, email: r.email }]));
  }

  private async matchTarget(m: EntityManager, matchId: number) {
    const [row]: Array<{ enterprise_id: number; project_id: number; region_code: string }> = await m.query(
      `SELECT mt.enterprise_id, mt.project_id, p.region_code FROM match mt JOIN project p ON p.id = mt.project_id WHERE mt.id = $1`,
      [matchId],
    );
    return row ? { enterpriseId: row.enterprise_id, projectId: row.project_id, regionCode: row.region_code } : null;
  }

  private covers(actor: Actor, regionCode: string): boolean {
    if (actor.role === 'admin') return true;
    return (
      (actor.role === 'officer' || actor.role === 'bureau_lead') && !!actor.regionScope && regions().isWithin(regionCode, actor.regionScope)
    );
  }

  /** An explicitly chosen owner: officers may name themselves; bureau leads and admins any eligible officer. */
  private async checkedOwner(m: EntityManager, actor: Actor, ownerId: number, regionCode: string): Promise<number> {
    if (actor.role === 'officer' && ownerId !== actor.userId) {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '招商专员只能把线索分给自己；分派给他人请由局负责人操作', [
        { field: 'ownerId', code: 'forbidden', message: '只能填写自己' },
      ]);
    }
    return (await this.assignment.eligibleOwner(m, ownerId, regionCode)).id;
  }

  private followUpDate(d: string | null | undefined, field = 'nextFollowUpOn'): string | null | undefined {
    if (d && d < this.today()) throw validationFailed([{ field, code: 'past', message: '下次跟进日期不能早于今天' }]);
    return d;
  }

  /**
   * Inserts a lead unless its identity already exists — the match (one lead per match), an open
   * lead of the same enterprise on the same project (or region of interest), or the import key —
   * in which case that lead is returned with `created: false`. New leads are assigned and get
   * their first timeline entries.
   */
  async insert(m: EntityManager, n: NewLead): Promise<CreatedLead> {
    const [e]: Array<{ name: string; industry_codes: string[] }> = await m.query(
      `SELECT name, industry_codes FROM enterprise WHERE id = $1`,
      [n.enterpriseId],
    );
    if (!e) throw notFound('企业');
    let regionCode = n.regionCode ?? null;
    let industryCodes = e.industry_codes;
    let projectTitle: string | null = null;
    if (n.projectId !== null) {
      const [p]: Array<{ region_code: string; industry_codes: string[]; title: string }> = await m.query(
        `SELECT region_code, industry_codes, title FROM project WHERE id = $1`,
        [n.projectId],
      );
      if (!p) throw notFound('项目');
      regionCode = p.region_code;
      industryCodes = p.industry_codes.length ? p.industry_codes : e.industry_codes;
      projectTitle = p.title;
    }
    if (!regionCode) throw new Error('a lead needs a project or a region');
    const now = this.clock.now();
    const createdAt = n.createdAt ?? now;
    const values = {
      enterpriseId: n.enterpriseId,
      projectId: n.projectId,
      matchId: n.matchId ?? null,
      source: n.source,
      ...regionLevels(regionCode),
      industryCodes,
      industryPath: industries().closure(industryCodes),
      stage: 'new' as const,
      stageChangedAt: createdAt,
      expectedInvestmentYuan: n.expectedInvestmentYuan ?? null,
      nextFollowUpOn: n.nextFollowUpOn ?? null,
      lastActivityAt: createdAt,
      importKey: n.importKey ?? null,
      searchText: searchText(e.name, projectTitle, regions().fullName(regionCode)),
      createdBy: n.actor?.userId ?? null,
      createdAt,
    };
    // the same lead already? (cheap; the unique indexes decide for concurrent inserts)
    const before = await this.existing(m, n, regionCode);
    if (before) return { id: before, created: false };
    // the owner is picked before the insert, so round-robin turns follow the lead ids; a savepoint
    // gives the turn back if a concurrent insert of the same lead wins
    await m.query('SAVEPOINT lead_insert');
    const owner: Assignment =
      n.ownerId !== undefined
        ? { ownerId: n.ownerId, bureauId: await this.bureauOfUser(m, n.ownerId) }
        : await this.assignment.assign(m, { regionCode, industryPath: values.industryPath });
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(Lead)
      .values({ ...values, ownerId: owner.ownerId, bureauId: owner.bureauId })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id: number | undefined = inserted.raw[0]?.id;
    if (!id) {
      await m.query('ROLLBACK TO SAVEPOINT lead_insert');
      const existing = await this.existing(m, n, regionCode);
      if (existing) return { id: existing, created: false };
      throw new Error('lead insert was ignored but no existing lead was found');
    }
    await m.query('RELEASE SAVEPOINT lead_insert');
    const automatic = n.ownerId === undefined;
    if (owner.ownerId && owner.ownerId !== n.actor?.userId && n.source !== 'import') {
      const what = n.source === 'inquiry' ? '企业咨询' : n.source === 'interest' ? '企业感兴趣' : '新线索分派给您';
      const kind = n.source === 'inquiry' ? 'inquiry' : n.source === 'interest' ? 'interest' : 'assignment';
      await notifyInApp(m, [
        {
          userIds: [owner.ownerId],
          kind,
          title: `${what}：${e.name}`,
          body: projectTitle ?? regions().fullName(regionCode),
          link: `/console/leads/${id}`,
          dedupeKey: `lead-new:${id}`,
        },
      ]);
    }
    await logActivities(
      m,
      [
        {
          leadId: id,
          kind: 'created',
          occurredAt: createdAt,
          actorId: n.actor?.userId ?? null,
          summary: n.note ?? '',
          details: { source: n.source, sourceLabel: LEAD_SOURCES[n.source] },
        },
        {
          leadId: id,
          kind: 'assignment',
          occurredAt: createdAt,
          actorId: automatic ? null : (n.actor?.userId ?? null),
          toOwnerId: owner.ownerId,
          summary: !owner.ownerId ? '暂无可分派的招商专员，等待局负责人分派' : automatic ? '按分派规则自动分派' : '指定负责人',
          details: { automatic, bureauId: owner.bureauId },
        },
      ],
      now,
    );
    return { id, created: true };
  }

  private async bureauOfUser(m: EntityManager, userId: number): Promise<number | null> {
    const [u]: Array<{ bureau_id: number | null }> = await m.query(`SELECT bureau_id FROM app_user WHERE id = $1`, [userId]);
    return u?.bureau_id ?? null;
  }

  private async existing(m: EntityManager, n: NewLead, regionCode: string): Promise<number | null> {
    const probes: Array<[string, unknown[]]> = [];
    if (n.matchId) probes.push([`SELECT id FROM lead WHERE match_id = $1`, [n.matchId]]);
    if (n.importKey) probes.push([`SELECT id FROM lead WHERE import_key = $1`, [n.importKey]]);
    if (n.projectId !== null) {
      probes.push([
        `SELECT id FROM lead WHERE enterprise_id = $1 AND project_id = $2 AND stage = ANY($3::varchar[])`,
        [n.enterpriseId, n.projectId, PRE_SIGNING],
      ]);
    } else {
      probes.push([
        `SELECT id FROM lead WHERE enterprise_id = $1 AND project_id IS NULL AND region_code = $2 AND stage = ANY($3::varchar[])`,
        [n.enterpriseId, regionCode, PRE_SIGNING],
      ]);
    }
    for (const [sql, params] of probes) {
      const [row]: Array<{ id: number }> = await m.query(sql, params);
      if (row) return row.id;
    }
    return null;
  }

  // ---------------------------------------------------------------- reading

  private async row(m: EntityManager, id: number, lock = false): Promise<LeadRow> {
    if (lock) await m.query(`SELECT id FROM lead WHERE id = $1 FOR UPDATE`, [id]);
    const [r]: LeadRow[] = await m.query(`SELECT ${LEAD_ROW_COLUMNS} FROM lead l ${LEAD_ROW_JOINS} WHERE l.id = $1`, [id]);
    if (!r) throw notFound('线索');
    return r;
  }

  private ref = (r: LeadRow) => ({ id: r.id, regionCode: r.region_code, enterpriseId: r.enterprise_id });

  async get(actor: Actor, id: number): Promise<{ lead: LeadRow; activities: ActivityRow[] }> {
    const lead = await this.row(this.dataSource.manager, id);
    assertMayRead(actor, this.ref(lead));
    if (actor.role === 'enterprise') return { lead, activities: [] };
    return { lead, activities: await this.activities(this.dataSource.manager, id) };
  }

  /** Raw row without access checks, for services that already checked (imports, figures). */
  async rowFor(id: number, m: EntityManager = this.dataSource.manager): Promise<LeadRow> {
    return this.row(m, id);
  }

  async activities(m: EntityManager, leadId: number, limit = 500): Promise<ActivityRow[]> {
    return m.query(
      `SELECT a.id, a.kind, a.occurred_at, a.actor_id, ua.name AS actor_name, a.summary, a.from_stage, a.to_stage,
              a.from_owner_id, uf.name AS from_owner_name, a.to_owner_id, ut.name AS to_owner_name, a.details, a.recorded_at
       FROM lead_activity a LEFT JOIN app_user ua ON ua.id = a.actor_id LEFT JOIN app_user uf ON uf.id = a.from_owner_id
       LEFT JOIN app_user ut ON ut.id = a.to_owner_id
       WHERE a.lead_id = $1 ORDER BY a.occurred_at DESC, a.id DESC LIMIT $2`,
      [leadId, limit],
    );
  }

  /**
   * The paged list. Offset paging up to COUNT_CAP rows, keyset paging (`cursor`) beyond; the
   * total is counted up to COUNT_CAP (+1 to know it is more), an index-only scan for a county.
   */
  async list(actor: Actor, q: ListLeadsQuery): Promise<LeadPage<LeadListRow>> {
    const w = leadWhere(actor, q, this.today());
    const page = q.cursor ? 1 : q.page;
    if (w.empty) return { items: [], total: 0, totalExact: true, page, pageSize: q.pageSize, nextCursor: null };
    const offset = q.cursor ? 0 : offsetOf(q);
    if (offset + q.pageSize > COUNT_CAP) {
      throw validationFailed([{ field: 'page', code: 'too_deep', message: `按页码最多翻到第 ${COUNT_CAP} 条，之后请用 nextCursor 翻页` }]);
    }
    // the total: from the trigger-kept counts for the usual filters (exact), else counted up to the cap
    const counters = countFromCounters(actor, q, w);
    const countSql = counters ?? `SELECT count(*)::int AS n FROM (SELECT 1 FROM lead l ${whereSql(w)} LIMIT ${COUNT_CAP + 1}) c`;
    const exactCount = counters !== null;
    const order = orderSql(q.order, LEAD_ORDER_SQL);
    if (order && q.cursor)
      throw validationFailed([{ field: 'order', code: 'with_cursor', message: '按列排序时请用页码翻页（不能与 cursor 同用）' }]);
    if (q.cursor) applyCursor(w, q.sort, q.cursor);
    const orderBy = order ? `${order.expr} ${order.dir} NULLS LAST, l.id DESC` : ORDER[q.sort];
    const limit = param(w, q.pageSize + 1);
    const skip = param(w, offset);
    // one statement, one round trip: the page by the list index (names looked up for its rows only),
    // with the total as an InitPlan
    const sql = `SELECT ${LEAD_LIST_COLUMNS}, l.sort_key, (${countSql}) AS total_count
      FROM (SELECT ${LEAD_LIST_BASE}, ${SORT_KEY[q.sort]} AS sort_key FROM lead l ${whereSql(w)} ORDER BY ${orderBy} LIMIT ${limit}::int OFFSET ${skip}::int) l
      ORDER BY ${orderBy}`;
    // the common shape (region, stage, source, follow-up due; by last activity or creation) plans once; filters whose
    // best plan depends on the value or on the page (words, industries, an owner, the follow-up order) plan per call
    const generic = !q.q && !q.industry && q.owner === undefined && q.sort !== 'followUp' && !order;
    const rows = await this.hotQuery<LeadListRow & { total_count: number }>(sql, w.params, generic);
    // past the last row there is no row to carry the total (on page 1 it is 0)
    if (!rows.length && (q.cursor || offset > 0)) {
      const c: SqlWhere = { where: [], params: [], empty: false };
      const counted = countFromCounters(actor, q, c);
      const cw = counted ? c : leadWhere(actor, q, this.today());
      const only = counted ?? `SELECT count(*)::int AS n FROM (SELECT 1 FROM lead l ${whereSql(cw)} LIMIT ${COUNT_CAP + 1}) c`;
      rows.push(...((await this.hotQuery<{ total_count: number }>(`SELECT (${only}) AS total_count`, cw.params)) as never[]));
    }
    const n = rows[0]?.total_count ?? 0;
    const found = rows.filter((r) => r.id !== undefined && r.id !== null);
    const more = found.length > q.pageSize;
    const items = more ? found.slice(0, q.pageSize) : found;
    const last = items[items.length - 1];
    return {
      items,
      total: exactCount ? n : Math.min(n, COUNT_CAP),
      totalExact: exactCount || n <= COUNT_CAP,
      page,
      pageSize: q.pageSize,
      nextCursor: more && last && !order ? encodeCursor(q.sort, last.sort_key ?? null, last.id) : null,
    };
  }

  /**
   * The list is the officers' hot path: it runs as a named prepared statement (parsed once per
   * connection and statement text), without a TypeORM query runner. With `generic`, on a small pool
   * of its own whose sessions use generic plans (plan_cache_mode), so it is planned once too — for
   * the list's common shape, whose best plan is the same for every value (a county, a city, the
   * province: the ordered region index); PostgreSQL would otherwise re-plan it on every call,
   * because with LIMIT and OFFSET as parameters the generic plan's estimate never looks cheaper.
   */
  private async hotQuery<T>(text: string, values: unknown[], generic = false): Promise<T[]> {
    const name = `lead_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (generic) {
      this.listPool ??= new pg.Pool({
        connectionString: this.config.DATABASE_URL,
        max: Math.max(2, Math.ceil(this.config.DATABASE_POOL_SIZE / 2)),
        application_name: 'investmatch-lead-list',
        options: '-c plan_cache_mode=force_generic_plan',
      });
      this.listPool.on('error', () => undefined); // an idle connection's error (a restarted server) only drops it
      return (await this.listPool.query({ name, text, values })).rows as T[];
    }
    const pool = (
      this.dataSource.driver as unknown as {
        master: { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
      }
    ).master;
    return (await pool.query({ name, text, values })).rows;
  }

  // ---------------------------------------------------------------- working a lead

  /** Moves a lead along the pipeline (see lead.vocabulary.ts), recording the milestone's date and amount. */
  async changeStage(actor: Actor, id: number, input: ChangeLeadStageInput): Promise<LeadRow> {
    requireStaff(actor);
    return this.dataSource.transaction((m) => this.changeStageIn(m, actor, id, input, { audit: true }));
  }

  /**
   * An imported lead's history (the caller's transaction; the file is audited once): its stages
   * in order, each like a stage change, then when it was last worked on.
   */
  async replayHistory(
    m: EntityManager,
    actor: Actor,
    id: number,
    steps: ReadonlyArray<Omit<ChangeLeadStageInput, 'note'>>,
    lastActivityAt: Date | null,
  ): Promise<void> {
    for (const step of steps) await this.changeStageIn(m, actor, id, { ...step, note: '' } as ChangeLeadStageInput, { audit: false });
    if (lastActivityAt) await this.update(m, id, { last_activity_at: lastActivityAt });
  }

  /** The stage change inside the caller's transaction (imports replay a lead's history with it, audited once per file). */
  async changeStageIn(m: EntityManager, actor: Actor, id: number, input: ChangeLeadStageInput, opts: { audit: boolean }): Promise<LeadRow> {
    const lead = await this.row(m, id, true);
    assertMayWork(actor, this.ref(lead));
    const from = lead.stage;
    const to = input.stage;
    const problem = stageChangeProblem(from, to);
    if (problem) throw stageProblem(problem);
    const now = this.clock.now();
    const at = input.at ? this.reachedAt(input.at, lead.stage_changed_at) : now;
    const set: Record<string, unknown> = { stage: to, stage_changed_at: at, last_activity_at: now };
    const details: Record<string, unknown> = { at };
    if (to === 'contacted') set.contacted_at = at;
    if (to === 'negotiating') set.negotiating_at = at;
    if (to === 'signed') {
      const signing = await this.signingKind(m, actor, lead, input.increaseOf);
      Object.assign(set, {
        signed_at: at,
        signed_amount_yuan: input.amountYuan,
        signing_kind: signing.kind,
        increase_of_lead_id: signing.increaseOf,
      });
      Object.assign(details, { amountYuan: input.amountYuan, signingKind: signing.kind, increaseOf: signing.increaseOf });
    }
    if (to === 'started') {
      const amount = input.amountYuan ?? Number(lead.signed_amount_yuan);
      Object.assign(set, { started_at: at, started_amount_yuan: amount });
      details.amountYuan = amount;
    }
    if (to === 'producing') {
      const amount = input.amountYuan ?? Number(lead.started_amount_yuan ?? lead.signed_amount_yuan);
      Object.assign(set, { producing_at: at, producing_amount_yuan: amount });
      details.amountYuan = amount;
    }
    if (to === 'lost') {
      Object.assign(set, { lost_at: at, lost_reason: input.lostReason, lost_from_stage: from, next_follow_up_on: null });
      details.lostReason = input.lostReason;
    }
    if (to === 'producing') set.next_follow_up_on = null;
    // a milestone is the follow-up that was due: a planned date already reached is done, not overdue (a later one stays)
    if ((to === 'signed' || to === 'started') && lead.next_follow_up_on && lead.next_follow_up_on <= this.today())
      set.next_follow_up_on = null;
    await this.update(m, id, set);
    await logActivities(
      m,
      [
        {
          leadId: id,
          kind: 'stage_change',
          occurredAt: at,
          actorId: actor.userId,
          fromStage: from,
          toStage: to,
          summary: input.note,
          details,
        },
      ],
      now,
    );
    // the project follows its leads (README "Agreements"): through its service, in this transaction
    if (lead.project_id !== null && (to === 'signed' || to === 'started' || to === 'producing'))
      await this.projects.followLead(m, lead.project_id, to, at, actor.userId);
    if (opts.audit) await this.audit.record(m, this.auditOf(actor, 'lead.stage_changed', lead, { from, to, ...details }));
    return this.row(m, id);
  }

  /**
   * Count once: a signing on a project that already has its founding signing is an increase
   * (增资扩产) — only its amount counts, not a second project. The project row is locked so two
   * signings at once cannot both found it (and a unique index refuses it anyway). Without a
   * project, the officer names the earlier signed lead of the same enterprise (`increaseOf`).
   */
  private async signingKind(
    m: EntityManager,
    actor: Actor,
    lead: LeadRow,
    increaseOf: number | undefined,
  ): Promise<{ kind: SigningKind; increaseOf: number | null }> {
    if (lead.project_id !== null) {
      if (increaseOf !== undefined) {
        throw validationFailed([{ field: 'increaseOf', code: 'not_applicable', message: '项目线索是否为增资由系统按项目判断，无须填写' }]);
      }
      await m.query(`SELECT id FROM project WHERE id = $1 FOR UPDATE`, [lead.project_id]);
      const [founding]: Array<{ id: number }> = await m.query(
        `SELECT id FROM lead WHERE project_id = $1 AND signing_kind = 'new' AND id <> $2`,
        [lead.project_id, lead.id],
      );
      return founding ? { kind: 'increase', increaseOf: founding.id } : { kind: 'new', increaseOf: null };
    }
    if (increaseOf === undefined) return { kind: 'new', increaseOf: null };
    const [base]: Array<{
      id: number;
      enterprise_id: number;
      signing_kind: SigningKind | null;
      region_code: string;
      increase_of_lead_id: number | null;
    }> = await m.query(`SELECT id, enterprise_id, signing_kind, region_code, increase_of_lead_id FROM lead WHERE id = $1`, [increaseOf]);
    const bad = (message: string): never => {
      throw validationFailed([{ field: 'increaseOf', code: 'invalid_increase', message }]);
    };
    if (!base || base.id === lead.id || !this.covers(actor, base.region_code)) bad('对应的线索不存在');
    if (base!.enterprise_id !== lead.enterprise_id) bad('增资须对应同一企业已签约的线索');
    if (!base!.signing_kind) bad('对应的线索尚未签约');
    // an increase of an increase counts against the founding signing
    return { kind: 'increase', increaseOf: base!.signing_kind === 'increase' ? (base!.increase_of_lead_id ?? base!.id) : base!.id };
  }

  // ---------------------------------------------------------------- for agreements (issue 16)

  /**
   * The lead an agreement is made for, inside the caller's transaction: staff covering it (404
   * otherwise, like an unknown id), signed (409 before signing). The lead row is locked.
   */
  async signedLead(m: EntityManager, actor: Actor, id: number): Promise<SignedLead> {
    const lead = await this.row(m, id, true);
    assertMayWork(actor, this.ref(lead));
    if (!['signed', 'started', 'producing'].includes(lead.stage)) {
      throw conflict('lead-not-signed', `线索处于「${LEAD_STAGES[lead.stage]}」阶段；签约后才能录入投资协议`, [
        { field: 'stage', code: 'not_signed', message: '线索尚未签约' },
      ]);
    }
    return {
      id: lead.id,
      stage: lead.stage,
      regionCode: lead.region_code,
      enterpriseId: lead.enterprise_id,
      projectId: lead.project_id,
      signedOn: lead.signed_at ? shanghaiDate(lead.signed_at) : null,
      industryPath: industries().closure(lead.industry_codes),
    };
  }

  /**
   * A milestone recorded on the lead's agreement moves the lead along too (signed › started ›
   * producing), when it is the lead's next stage; otherwise nothing happens. Inside the caller's transaction.
   */
  async followMilestone(
    m: EntityManager,
    actor: Actor,
    id: number,
    stage: 'started' | 'producing',
    on: string,
    note: string,
  ): Promise<boolean> {
    const lead = await this.row(m, id, true);
    if (stageChangeProblem(lead.stage, stage) !== null) return false;
    if (on < shanghaiDate(lead.stage_changed_at) || on > this.today()) return false;
    await this.changeStageIn(m, actor, id, { stage, at: on, note }, { audit: true });
    return true;
  }

  /** Who hears about a lead's agreement warnings: its owner and the active bureau leads of its bureau. */
  async recipientsOf(m: EntityManager, leadIds: number[]): Promise<Map<number, number[]>> {
    if (!leadIds.length) return new Map();
    const rows: Array<{ id: number; owner_id: number | null; leads: number[] | null }> = await m.query(
      `SELECT l.id, l.owner_id,
         ARRAY(SELECT u.id FROM app_user u WHERE u.bureau_id = l.bureau_id AND u.role = 'bureau_lead' AND u.active ORDER BY u.id) AS leads
       FROM lead l WHERE l.id = ANY($1::int[])`,
      [leadIds],
    );
    return new Map(rows.map((r) => [r.id, [...new Set([...(r.owner_id ? [r.owner_id] : []), ...(r.leads ?? [])])]]));
  }

  /** A stage date (Asia/Shanghai midnight): not in the future, not before the previous stage's date. */
  private reachedAt(date: string, previous: Date): Date {
    const at = new Date(`${date}T00:00:00+08:00`);
    if (at.getTime() > this.clock.now().getTime()) throw validationFailed([{ field: 'at', code: 'future', message: '日期不能晚于今天' }]);
    if (date < shanghaiDate(previous)) {
      throw validationFailed([
        { field: 'at', code: 'before_previous', message: `日期不能早于上一阶段的日期（${shanghaiDate(previous)}）` },
      ]);
    }
    return at;
  }

  /** Reopening a lost lead: explicit, with a reason, on the timeline and in the audit log. */
  async reopen(actor: Actor, id: number, input: ReopenLeadInput): Promise<LeadRow> {
    requireStaff(actor);
    return this.mapUnique(() =>
      this.dataSource.transaction(async (m) => {
        const lead = await this.row(m, id, true);
        assertMayWork(actor, this.ref(lead));
        const to: LeadStage = input.stage ?? lead.lost_from_stage ?? 'new';
        const problem = reopenProblem(lead.stage, lead.lost_from_stage, to);
        if (problem) throw stageProblem(problem);
        const now = this.clock.now();
        await this.update(m, id, {
          stage: to,
          stage_changed_at: now,
          last_activity_at: now,
          lost_at: null,
          lost_reason: null,
          lost_from_stage: null,
        });
        const details = { reason: input.reason, lostReason: lead.lost_reason, lostAt: lead.lost_at };
        await logActivities(
          m,
          [
            {
              leadId: id,
              kind: 'reopen',
              occurredAt: now,
              actorId: actor.userId,
              fromStage: 'lost',
              toStage: to,
              summary: input.reason,
              details,
            },
          ],
          now,
        );
        await this.audit.record(m, this.auditOf(actor, 'lead.reopened', lead, { to, ...details }));
        return this.row(m, id);
      }),
    );
  }

  /** A reopened lead may collide with a newer open lead of the same enterprise and project. */
  private async mapUnique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err, 'lead_open_project_key') || isUniqueViolation(err, 'lead_open_region_key')) {
        throw conflict('duplicate-open-lead', '该企业在此项目（地区）上已有进行中的线索，请在那条线索上继续跟进', [
          { field: 'stage', code: 'duplicate_open_lead', message: '已有进行中的线索' },
        ]);
      }
      throw err;
    }
  }

  async addActivity(actor: Actor, id: number, input: AddActivityInput): Promise<ActivityRow> {
    requireStaff(actor);
    return this.dataSource.transaction(async (m) => {
      const lead = await this.row(m, id, true);
      assertMayWork(actor, this.ref(lead));
      const now = this.clock.now();
      const at = input.at ?? now;
      if (at.getTime() > now.getTime() + 5 * 60_000) throw validationFailed([{ field: 'at', code: 'future', message: '时间不能晚于现在' }]);
      if (at.getTime() < lead.created_at.getTime() - DAY)
        throw validationFailed([{ field: 'at', code: 'before_created', message: '时间不能早于线索的创建时间' }]);
      const set: Record<string, unknown> = { last_activity_at: new Date(Math.max(at.getTime(), lead.last_activity_at.getTime())) };
      if (input.nextFollowUpOn !== undefined) set.next_follow_up_on = this.followUpDate(input.nextFollowUpOn);
      await this.update(m, id, set);
      const [aid] = await logActivities(
        m,
        [
          {
            leadId: id,
            kind: input.kind,
            occurredAt: at,
            actorId: actor.userId,
            summary: input.summary,
            details: input.nextFollowUpOn !== undefined ? { nextFollowUpOn: input.nextFollowUpOn } : {},
          },
        ],
        now,
      );
      const [created] = (await this.activities(m, id, 500)).filter((x) => Number(x.id) === aid);
      return created;
    });
  }

  /** Follow-up date and expected investment; recorded on the timeline, but not "activity" (it does not reset idleness). */
  async updateLead(actor: Actor, id: number, input: UpdateLeadInput): Promise<LeadRow> {
    requireStaff(actor);
    return this.dataSource.transaction(async (m) => {
      const lead = await this.row(m, id, true);
      assertMayWork(actor, this.ref(lead));
      const set: Record<string, unknown> = {};
      const changes: string[] = [];
      if (input.nextFollowUpOn !== undefined) {
        if (input.nextFollowUpOn && !OPEN_STAGES.includes(lead.stage)) {
          throw conflict('lead-closed', `「${LEAD_STAGES[lead.stage]}」的线索无须再安排跟进`, [
            { field: 'nextFollowUpOn', code: 'closed', message: '线索已结束' },
          ]);
        }
        set.next_follow_up_on = this.followUpDate(input.nextFollowUpOn);
        changes.push(input.nextFollowUpOn ? `下次跟进日期：${input.nextFollowUpOn}` : '取消下次跟进日期');
      }
      if (input.expectedInvestmentYuan !== undefined) {
        set.expected_investment_yuan = input.expectedInvestmentYuan;
        changes.push('修改意向投资额');
      }
      await this.update(m, id, set);
      await logActivities(
        m,
        [
          {
            leadId: id,
            kind: 'update',
            occurredAt: this.clock.now(),
            actorId: actor.userId,
            summary: changes.join('；'),
            details: { ...input },
          },
        ],
        this.clock.now(),
      );
      return this.row(m, id);
    });
  }

  /** Reassignment by a bureau lead (or admin): the new owner must be an officer of a bureau covering the lead. */
  async assign(actor: Actor, id: number, input: AssignLeadInput): Promise<LeadRow> {
    requireRole(actor, ['admin', 'bureau_lead']);
    return this.dataSource.transaction(async (m) => {
      const lead = await this.row(m, id, true);
      assertMayAssign(actor, this.ref(lead));
      if (lead.owner_id === input.ownerId) {
        throw conflict('same-owner', '线索已由该负责人跟进', [{ field: 'ownerId', code: 'unchanged', message: '与当前负责人相同' }]);
      }
      const owner = await this.assignment.eligibleOwner(m, input.ownerId, lead.region_code);
      const now = this.clock.now();
      await this.update(m, id, { owner_id: owner.id, bureau_id: owner.bureauId, last_activity_at: now });
      await logActivities(
        m,
        [
          {
            leadId: id,
            kind: 'assignment',
            occurredAt: now,
            actorId: actor.userId,
            fromOwnerId: lead.owner_id,
            toOwnerId: owner.id,
            summary: input.note,
            details: { bureauId: owner.bureauId },
          },
        ],
        now,
      );
      await this.audit.record(
        m,
        this.auditOf(actor, 'lead.reassigned', lead, { fromOwnerId: lead.owner_id, toOwnerId: owner.id, note: input.note }),
      );
      const after = await this.row(m, id);
      if (owner.id !== actor.userId) {
        await notifyInApp(m, [
          {
            userIds: [owner.id],
            kind: 'assignment',
            title: `线索分派给您：${after.enterprise_name}`,
            body: input.note || (after.project_title ?? ''),
            link: `/console/leads/${id}`,
            dedupeKey: `lead-assigned:${id}:${now.getTime()}`,
          },
        ]);
      }
      return after;
    });
  }

  private async update(m: EntityManager, id: number, set: Record<string, unknown>): Promise<void> {
    const cols = Object.keys(set);
    if (!cols.length) return;
    await m.query(`UPDATE lead SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
      id,
      ...cols.map((c) => set[c]),
    ]);
  }

  private auditOf(actor: Actor, action: string, lead: LeadRow, detail: Record<string, unknown>): AuditRecord {
    return {
      actor,
      action,
      target: { type: 'lead', id: lead.id, region: lead.region_code },
      detail: { enterpriseId: lead.enterprise_id, projectId: lead.project_id, ...detail },
    };
  }
}
