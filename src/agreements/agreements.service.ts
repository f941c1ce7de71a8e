import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { coversRegion, isStaff, type Actor } from '../access/actor.js';
import { AuditService, type AuditRecord } from '../audit/audit.service.js';
import { LeadsService } from '../leads/leads.service.js';
import { regionLevels } from '../access/region-scope.js';
import { notifyInApp } from '../notifications/inbox.js';
import { NotificationsService, type EnqueueInput } from '../notifications/notifications.service.js';
import { Clock } from '../platform/clock/clock.js';
import { shanghaiDate } from '../platform/format/units.js';
import { conflict, notFound, ProblemException, validationFailed } from '../platform/http/problem.js';
import { JobHandler } from '../platform/queue/job-handler.decorator.js';
import { regions } from '../reference/regions.js';
import type { Page } from '../platform/http/pagination.js';
import { agreementView, warningItem, type AgreementView } from './agreement.view.js';
import { AgreementsQueries, type AgreementFigures } from './agreements.queries.js';
import { agreementWarningTemplate, type AgreementWarningData } from './agreement-templates.js';
import {
  PLEDGE_KINDS,
  recoveryStepProblem,
  type AgreementAuditAction,
  WARNING_KINDS,
  type AgreementStatus,
  type RecoveryStep,
  type TrancheState,
} from './agreement.vocabulary.js';
import { agreementsDailyJob } from './agreements.jobs.js';
import { agreementFiguresFile } from './agreement-exports.js';
import type {
  AgreementFiguresExportQuery,
  AgreementFiguresQuery,
  ApproveReleaseInput,
  CreateAgreementInput,
  ListWarningsQuery,
  RecordActualInput,
  RecoveryStepInput,
  RequestReleaseInput,
} from './agreements.schemas.js';
import { clawback } from './clawback.js';
import { evaluatePledges, Facts, type ActualEntry, type PledgeEvaluation, type PledgeTerms } from './pledge-status.js';
import { agreementStatus, trancheState } from './tranche-release.js';
import { warningsOf } from './warnings.js';

const BATCH = 200;

interface AgreementRow {
  id: number;
  lead_id: number;
  enterprise_id: number;
  region_code: string;
  signed_on: string;
  terms: PledgeTerms;
  status: AgreementStatus;
}

export interface Evaluation {
  status: AgreementStatus;
  pledges: PledgeEvaluation[];
  /** Warnings raised by this evaluation (each notified once). */
  raised: number;
  cleared: number;
  caseOpened: boolean;
}

export interface DailyRun {
  date: string;
  agreements: number;
  raised: number;
  cleared: number;
  casesOpened: number;
}

const actualEntry = (r: {
  id: string | number;
  kind: ActualEntry['kind'];
  occurred_on: string;
  amount_yuan: string | null;
  count: number | null;
  corrects_id: string | null;
}): ActualEntry => ({
  id: Number(r.id),
  kind: r.kind,
  occurredOn: r.occurred_on,
  amountYuan: r.amount_yuan === null ? null : Number(r.amount_yuan),
  count: r.count,
  correctsId: r.corrects_id === null ? null : Number(r.corrects_id),
});

/**
 * 投资协议 after the signing (issue 16): the agreement on a signed lead, the actuals recorded
 * against it, tranche releases under four-eyes, recovery cases, and the evaluation that keeps
 * pledge statuses, tranche states and warnings true — on every write and daily (a BullMQ job
 * scheduler). Each operation: access check › one transaction › write › audit › events.
 * Leads are read and moved only through LeadsService; mail goes through NotificationsService.
 */
@Injectable()
export class AgreementsService {
  private readonly log = new Logger('Agreements');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly leads: LeadsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly queries: AgreementsQueries,
  ) {}

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  // ---------------------------------------------------------------- the daily evaluation (agreements.jobs.ts schedules it)

  @JobHandler(agreementsDailyJob)
  async handleDaily(): Promise<DailyRun> {
    return this.runDaily();
  }

  /** Evaluates every agreement, paged by primary key, each in its own short transaction. */
  async runDaily(): Promise<DailyRun> {
    const date = this.today();
    const out: DailyRun = { date, agreements: 0, raised: 0, cleared: 0, casesOpened: 0 };
    let after = 0;
    for (;;) {
      const ids: Array<{ id: number }> = await this.dataSource.query(`SELECT id FROM agreement WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [
        after,
      ]);
      if (!ids.length) break;
      for (const { id } of ids) {
        const e = await this.dataSource.transaction(async (m) => this.evaluate(m, (await this.lockRow(m, id))!, date));
        out.agreements++;
        out.raised += e.raised;
        out.cleared += e.cleared;
        out.casesOpened += Number(e.caseOpened);
      }
      after = ids[ids.length - 1].id;
    }
    if (out.raised || out.casesOpened) this.log.log(out, 'agreements evaluated');
    return out;
  }

  // ---------------------------------------------------------------- operations

  /** POST /leads/:id/agreement: staff of the lead's region, on a signed lead; one agreement per lead. */
  async create(actor: Actor, leadId: number, input: CreateAgreementInput): Promise<{ id: number }> {
    return this.dataSource.transaction(async (m) => {
      const lead = await this.leads.signedLead(m, actor, leadId);
      const today = this.today();
      if (input.signedOn > today) throw validationFailed([{ field: 'signedOn', code: 'future', message: '签约日期不能晚于今天' }]);
      const [existing] = await m.query(`SELECT id FROM agreement WHERE lead_id = $1`, [leadId]);
      if (existing)
        throw conflict('agreement-exists', '该线索已录入投资协议', [
          { field: 'leadId', code: 'exists', message: `已有协议 #${existing.id}` },
        ]);
      await this.assertIncentives(
        m,
        actor,
        input.tranches.map((t) => t.incentiveId),
      );
      const terms = Object.fromEntries(Object.entries(input.pledges).filter(([, v]) => v !== undefined)) as PledgeTerms;
      const levels = regionLevels(lead.regionCode);
      const [{ id }]: Array<{ id: number }> = await m.query(
        `INSERT INTO agreement (lead_id, enterprise_id, project_id, region_code, city_code, province_code, signed_on, terms, pledged_investment_yuan, created_by, industry_path)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          leadId,
          lead.enterpriseId,
          lead.projectId,
          levels.regionCode,
          levels.cityCode,
          levels.provinceCode,
          input.signedOn,
          JSON.stringify(terms),
          terms.investmentYuan ?? null,
          actor.userId,
          lead.industryPath,
        ],
      );
      for (const [i, t] of input.tranches.entries()) {
        await m.query(
          `INSERT INTO agreement_tranche (agreement_id, position, amount_yuan, incentive_id, condition, due_on) VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, i + 1, t.amountYuan, t.incentiveId ?? null, t.condition, t.dueOn],
        );
      }
      const row = (await this.lockRow(m, id))!;
      const e = await this.evaluate(m, row, today);
      await this.audit.record(
        m,
        this.auditOf(actor, 'agreement.created', row, { leadId, terms, tranches: input.tranches, status: e.status }),
      );
      return { id };
    });
  }

  /** POST /agreements/:id/actuals: one fact, never overwriting an earlier one; re-evaluates the agreement. */
  async recordActual(actor: Actor, id: number, input: RecordActualInput): Promise<{ id: number; status: AgreementStatus }> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.forWork(m, actor, id);
      const today = this.today();
      if (input.occurredOn > today) throw validationFailed([{ field: 'occurredOn', code: 'future', message: '日期不能晚于今天' }]);
      if (input.occurredOn < row.signed_on)
        throw validationFailed([{ field: 'occurredOn', code: 'before_signing', message: `日期不能早于签约日期（${row.signed_on}）` }]);
      if (input.correctsId !== undefined) {
        const [c] = await m.query(`SELECT kind FROM agreement_actual WHERE id = $1 AND agreement_id = $2`, [input.correctsId, id]);
        if (!c) throw validationFailed([{ field: 'correctsId', code: 'unknown_actual', message: '要更正的实绩不存在' }]);
        if (c.kind !== input.kind) throw validationFailed([{ field: 'kind', code: 'kind_mismatch', message: '更正须与原实绩为同一类别' }]);
      }
      const [{ id: actualId }] = await m.query(
        `INSERT INTO agreement_actual (agreement_id, kind, occurred_on, amount_yuan, count, source, document, note, corrects_id, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          id,
          input.kind,
          input.occurredOn,
          input.amountYuan ?? null,
          input.count ?? null,
          input.source,
          input.document,
          input.note,
          input.correctsId ?? null,
          actor.userId,
          this.clock.now(),
        ],
      );
      // a 开工 / 投产 recorded here moves the lead (and through it the project) when it is the next stage
      if (input.kind === 'started' || input.kind === 'producing') {
        await this.leads.followMilestone(
          m,
          actor,
          row.lead_id,
          input.kind,
          input.occurredOn,
          `投资协议 #${id} 登记${input.kind === 'started' ? '开工' : '投产'}`,
        );
      }
      const e = await this.evaluate(m, row, today);
      await this.audit.record(m, this.auditOf(actor, 'agreement.actual_recorded', row, { actualId: Number(actualId), ...input }));
      return { id: Number(actualId), status: e.status };
    });
  }

  /** The first pair of eyes: an officer of the region asks for a releasable tranche's release. */
  async requestRelease(actor: Actor, id: number, trancheId: number, input: RequestReleaseInput): Promise<{ state: TrancheState }> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.forWork(m, actor, id);
      await this.evaluate(m, row, this.today());
      const t = await this.tranche(m, id, trancheId);
      if (t.state !== 'releasable') throw this.trancheProblem(t.state, '只有「可拨付」的分期可以申请拨付');
      await m.query(`UPDATE agreement_tranche SET state = 'requested', requested_by = $2, requested_at = $3 WHERE id = $1`, [
        trancheId,
        actor.userId,
        this.clock.now(),
      ]);
      await this.audit.record(
        m,
        this.auditOf(actor, 'agreement.release_requested', row, { trancheId, amountYuan: Number(t.amount_yuan), note: input.note }),
      );
      return { state: 'requested' as const };
    });
  }

  /** The second pair of eyes: another officer (or the bureau lead) of the region approves; the tranche is released. */
  async approveRelease(
    actor: Actor,
    id: number,
    trancheId: number,
    input: ApproveReleaseInput,
  ): Promise<{ state: TrancheState; releasedOn: string }> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.forWork(m, actor, id);
      const today = this.today();
      await this.evaluate(m, row, today);
      const t = await this.tranche(m, id, trancheId);
      if (t.state !== 'requested') throw this.trancheProblem(t.state, '只有「待复核」的分期可以批准拨付');
      if (t.requested_by === actor.userId) {
        throw new ProblemException(HttpStatus.FORBIDDEN, 'four-eyes', '拨付须由另一名工作人员复核：申请人不能批准自己的申请', [
          { field: 'trancheId', code: 'same_officer', message: '申请人不能自己批准' },
        ]);
      }
      const releasedOn = input.releasedOn ?? today;
      if (releasedOn > today) throw validationFailed([{ field: 'releasedOn', code: 'future', message: '拨付日期不能晚于今天' }]);
      await m.query(
        `UPDATE agreement_tranche SET state = 'released', approved_by = $2, released_on = $3, released_yuan = amount_yuan WHERE id = $1`,
        [trancheId, actor.userId, releasedOn],
      );
      await this.evaluate(m, row, today);
      await this.audit.record(
        m,
        this.auditOf(actor, 'agreement.tranche_released', row, {
          trancheId,
          amountYuan: Number(t.amount_yuan),
          releasedOn,
          requestedBy: t.requested_by,
          note: input.note,
        }),
      );
      return { state: 'released' as const, releasedOn };
    });
  }

  /** A step of the recovery case (notified › agreed / recovered / waived), with its reason; audited. */
  async recordRecoveryStep(actor: Actor, id: number, input: RecoveryStepInput): Promise<{ step: RecoveryStep }> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.forWork(m, actor, id);
      const [c]: Array<{ id: number; step: RecoveryStep; amount_due_yuan: string; recovered_yuan: string }> = await m.query(
        `SELECT id, step, amount_due_yuan, recovered_yuan FROM agreement_recovery_case WHERE agreement_id = $1 FOR UPDATE`,
        [id],
      );
      if (!c) throw conflict('no-recovery-case', '该协议没有追回案件', [{ field: 'step', code: 'no_case', message: '没有追回案件' }]);
      const problem = recoveryStepProblem(c.step, input.step);
      if (problem)
        throw new ProblemException(HttpStatus.CONFLICT, 'invalid-step', problem, [
          { field: 'step', code: 'invalid_transition', message: problem },
        ]);
      const recovered = input.step === 'recovered' ? Number(c.recovered_yuan) + (input.amountYuan ?? 0) : Number(c.recovered_yuan);
      await m.query(
        `INSERT INTO agreement_recovery_step (case_id, step, at, actor_id, reason, document, amount_yuan) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [c.id, input.step, this.clock.now(), actor.userId, input.reason, input.document, input.amountYuan ?? null],
      );
      await m.query(`UPDATE agreement_recovery_case SET step = $2, recovered_yuan = $3 WHERE id = $1`, [c.id, input.step, recovered]);
      await this.audit.record(m, this.auditOf(actor, 'agreement.recovery_step', row, { caseId: c.id, from: c.step, ...input }));
      return { step: input.step };
    });
  }

  /**
   * GET /agreements/:id: staff of its region, or its enterprise's users (read-only: pledges and
   * tranches, without the officers' records); anyone else 404. Pledge statuses as of now.
   */
  async get(actor: Actor, id: number): Promise<AgreementView> {
    const row = await this.lockRow(this.dataSource.manager, id, false);
    if (!row || !this.mayRead(actor, row)) throw notFound('协议');
    const actuals = await this.actuals(this.dataSource.manager, id);
    const pledges = evaluatePledges(row.terms, actuals, row.signed_on, this.today());
    const [h, tranches, actualRows, warnings, c] = await Promise.all([
      this.queries.header(id),
      this.queries.tranches(id),
      this.queries.actuals(id),
      this.queries.activeWarnings(id),
      this.queries.recoveryCase(id),
    ]);
    // tranche states as of now too (the stored ones are the last evaluation's, for lists and figures)
    const facts = new Facts(actuals, row.terms.landMu ?? null);
    const today = this.today();
    const live = tranches.map((t) => ({
      ...t,
      state: trancheState(
        { condition: t.condition, dueOn: t.due_on, releasedOn: t.released_on, requestedBy: t.requested_by },
        facts,
        pledges,
        today,
      ),
    }));
    return agreementView(h!, pledges, live, actualRows, warnings, c, { staff: actor.role !== 'enterprise' });
  }

  /** The enterprise user's own agreements (its portal), read-only views. */
  async ofEnterprise(actor: Actor): Promise<AgreementView[]> {
    if (actor.role !== 'enterprise' || !actor.enterpriseId) return [];
    const ids = await this.queries.ofEnterprise(actor.enterpriseId);
    return Promise.all(ids.map((id) => this.get(actor, id)));
  }

  /** The agreement of a lead, if any (the lead page links to it), for those who may read the agreement. */
  async idOfLead(actor: Actor, leadId: number): Promise<number | null> {
    const id = await this.queries.byLead(leadId);
    if (id === null) return null;
    const row = await this.lockRow(this.dataSource.manager, id, false);
    return row && this.mayRead(actor, row) ? id : null;
  }

  /** GET /agreements/warnings: the warnings that hold now in the caller's region (403 for a region outside it). */
  async warnings(actor: Actor, q: ListWarningsQuery): Promise<Page<ReturnType<typeof warningItem>>> {
    const page = await this.queries.warnings(actor, q);
    return { ...page, items: page.items.map(warningItem) };
  }

  /** The console's to-do counts (warnings holding now, tranches to release or approve) in the caller's region. */
  async todo(actor: Actor): Promise<{ warnings: number; releasable: number; requested: number }> {
    return this.queries.todo(actor);
  }

  /** GET /agreements/figures/export: the figures as a file (audited). */
  async exportFigures(actor: Actor, q: AgreementFiguresExportQuery): Promise<{ file: Buffer; name: string }> {
    const f = await this.queries.figures(actor, q);
    const period = `${q.from ?? '始'}_${q.to ?? this.today()}`;
    await this.audit.record(null, {
      actor,
      action: 'agreement.figures_exported' satisfies AgreementAuditAction,
      target: { type: 'agreement_figures', region: q.region ?? actor.regionScope },
      detail: { ...q },
    });
    return {
      file: await agreementFiguresFile(f, q.format, `签约期间 ${period.replace('_', ' 至 ')}`),
      name: `投资协议履约_${period}.${q.format}`,
    };
  }

  /** GET /agreements/figures. */
  async figures(actor: Actor, q: AgreementFiguresQuery): Promise<AgreementFigures> {
    return this.queries.figures(actor, q);
  }

  /**
   * The same figures, one set per group of industry codes (a chain, or each of its segments):
   * an agreement counts in a group when its lead's industries (as at the signing) fall under any
   * of the group's codes — each group on its own, so an agreement may count in two segments.
   * For the chains module (by-chain breakdown); same region scope and period as `figures`.
   */
  async figuresByIndustries<K extends string | number>(
    actor: Actor,
    q: AgreementFiguresQuery,
    groups: ReadonlyArray<{ key: K; industryCodes: readonly string[] }>,
  ): Promise<Map<K, AgreementFigures>> {
    const out = new Map<K, AgreementFigures>();
    for (const g of groups) out.set(g.key, await this.queries.figures(actor, q, { industryCodes: g.industryCodes }));
    return out;
  }

  mayRead(actor: Actor, row: { region_code: string; enterprise_id: number }): boolean {
    if (actor.role === 'enterprise') return actor.enterpriseId === row.enterprise_id;
    return isStaff(actor) && coversRegion(actor, row.region_code);
  }

  // ---------------------------------------------------------------- evaluation

  /**
   * Brings the stored states up to date as of `today` (the agreement row locked by the caller):
   * pledge statuses, tranche states (withheld on a breach), the agreement's status and capital,
   * a recovery case on a breach after a release (once), and the warnings — each raised once per
   * episode, mailed to the lead's owner and bureau lead(s) through the notifications service.
   */
  async evaluate(m: EntityManager, row: AgreementRow, today: string): Promise<Evaluation> {
    const actuals = await this.actuals(m, row.id);
    const facts = new Facts(actuals, row.terms.landMu ?? null);
    const pledges = evaluatePledges(row.terms, actuals, row.signed_on, today);
    for (const p of pledges) {
      await m.query(
        `INSERT INTO agreement_pledge (agreement_id, kind, target, due_on, status, status_since) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (agreement_id, kind) DO UPDATE SET target = EXCLUDED.target, due_on = EXCLUDED.due_on, status = EXCLUDED.status,
           status_since = CASE WHEN agreement_pledge.status = EXCLUDED.status THEN agreement_pledge.status_since ELSE EXCLUDED.status_since END`,
        [row.id, p.kind, p.target, p.dueOn, p.status, today],
      );
    }
    const tranches: Array<{
      id: number;
      condition: 'started' | 'producing' | 'reached_output' | 'date';
      due_on: string;
      released_on: string | null;
      requested_by: number | null;
      state: TrancheState;
      released_yuan: string | null;
    }> = await m.query(
      `SELECT id, condition, due_on::text AS due_on, released_on::text AS released_on, requested_by, state, released_yuan FROM agreement_tranche WHERE agreement_id = $1 ORDER BY position`,
      [row.id],
    );
    for (const t of tranches) {
      const state = trancheState(
        { condition: t.condition, dueOn: t.due_on, releasedOn: t.released_on, requestedBy: t.requested_by },
        facts,
        pledges,
        today,
      );
      if (state === t.state) continue;
      // a withheld tranche forgets an open request (it would need asking again)
      await m.query(
        `UPDATE agreement_tranche SET state = $2${state === 'withheld' ? ', requested_by = NULL, requested_at = NULL' : ''} WHERE id = $1`,
        [t.id, state],
      );
      if (state === 'withheld') {
        const breached = pledges.filter((p) => p.status === 'breached').map((p) => p.kind);
        await this.audit.record(m, this.auditOf(null, 'agreement.tranche_withheld', row, { trancheId: t.id, from: t.state, breached }));
      }
    }
    const status = agreementStatus(pledges);
    await m.query(`UPDATE agreement SET status = $2, capital_yuan = $3, evaluated_on = $4 WHERE id = $1`, [
      row.id,
      status,
      facts.capital(today),
      today,
    ]);
    const releasedYuan = tranches.reduce((s, t) => s + (t.released_on ? Number(t.released_yuan ?? 0) : 0), 0);
    const caseOpened = status === 'breached' && releasedYuan > 0 ? await this.openCase(m, row, releasedYuan, pledges) : false;
    const w = await this.updateWarnings(m, row, actuals, today);
    return { status, pledges, caseOpened, ...w };
  }

  /** One recovery case per agreement, at the first breach after a release; the amount due by the clawback formula. */
  private async openCase(m: EntityManager, row: AgreementRow, releasedYuan: number, pledges: PledgeEvaluation[]): Promise<boolean> {
    const basis = clawback(releasedYuan, pledges);
    if (!basis.pledge || basis.amountDueYuan <= 0) return false;
    const now = this.clock.now();
    const [c]: Array<{ id: number }> = await m.query(
      `INSERT INTO agreement_recovery_case (agreement_id, released_yuan, shortfall, pledge, amount_due_yuan, step, opened_at) VALUES ($1, $2, $3, $4, $5, 'opened', $6)
       ON CONFLICT (agreement_id) DO NOTHING RETURNING id`,
      [row.id, releasedYuan, basis.shortfall.toFixed(4), basis.pledge, basis.amountDueYuan, now],
    );
    if (!c) return false;
    const reason = `「${PLEDGE_KINDS[basis.pledge]}」违约：已拨付 ${releasedYuan} 元 × 差额比例 ${basis.shortfall.toFixed(4)}`;
    await m.query(`INSERT INTO agreement_recovery_step (case_id, step, at, actor_id, reason) VALUES ($1, 'opened', $2, NULL, $3)`, [
      c.id,
      now,
      reason,
    ]);
    await this.audit.record(m, this.auditOf(null, 'agreement.recovery_opened', row, { caseId: c.id, ...basis }));
    return true;
  }

  private async updateWarnings(
    m: EntityManager,
    row: AgreementRow,
    actuals: ActualEntry[],
    today: string,
  ): Promise<{ raised: number; cleared: number }> {
    const findings = warningsOf(row.terms, actuals, row.signed_on, today);
    const states: Array<{ kind: string; active: boolean; episode: number }> = await m.query(
      `SELECT kind, active, episode FROM agreement_warning WHERE agreement_id = $1`,
      [row.id],
    );
    const now = this.clock.now();
    const raised: Array<{
      kind: (typeof findings)[number]['kind'];
      since: string;
      pledge: (typeof findings)[number]['pledge'];
      episode: number;
    }> = [];
    for (const f of findings) {
      const s = states.find((x) => x.kind === f.kind);
      if (s?.active) continue;
      const since = f.since ?? today;
      const episode = (s?.episode ?? 0) + 1;
      await m.query(
        `INSERT INTO agreement_warning (agreement_id, kind, pledge, since, active, episode, raised_at) VALUES ($1, $2, $3, $4, true, $5, $6)
         ON CONFLICT (agreement_id, kind) DO UPDATE SET pledge = EXCLUDED.pledge, since = EXCLUDED.since, active = true, episode = EXCLUDED.episode,
           raised_at = EXCLUDED.raised_at, cleared_at = NULL`,
        [row.id, f.kind, f.pledge, since, episode, now],
      );
      raised.push({ ...f, since, episode });
    }
    const gone = states.filter((s) => s.active && !findings.some((f) => f.kind === s.kind)).map((s) => s.kind);
    if (gone.length)
      await m.query(`UPDATE agreement_warning SET active = false, cleared_at = $3 WHERE agreement_id = $1 AND kind = ANY($2::varchar[])`, [
        row.id,
        gone,
        now,
      ]);
    if (raised.length) await this.notify(m, row, raised);
    return { raised: raised.length, cleared: gone.length };
  }

  /**
   * Mail (category reminder) and a 消息中心 message to the lead's owner and bureau lead(s); the
   * dedupe keys name the episode, so nothing is sent twice for the same state.
   */
  private async notify(
    m: EntityManager,
    row: AgreementRow,
    raised: Array<{ kind: keyof typeof WARNING_KINDS; since: string; pledge: keyof typeof PLEDGE_KINDS; episode: number }>,
  ): Promise<void> {
    const recipients = (await this.leads.recipientsOf(m, [row.lead_id])).get(row.lead_id) ?? [];
    if (!recipients.length) return;
    const [h]: Array<{ enterprise_name: string; project_title: string | null }> = await m.query(
      `SELECT e.name AS enterprise_name, p.title AS project_title FROM agreement a JOIN enterprise e ON e.id = a.enterprise_id LEFT JOIN project p ON p.id = a.project_id WHERE a.id = $1`,
      [row.id],
    );
    const [pl]: Array<{ due: Record<string, string> }> = await m.query(
      `SELECT coalesce(json_object_agg(kind, due_on::text), '{}') AS due FROM agreement_pledge WHERE agreement_id = $1`,
      [row.id],
    );
    const inputs: Array<EnqueueInput<AgreementWarningData>> = raised.flatMap((w) =>
      recipients.map((userId) => ({
        template: agreementWarningTemplate,
        recipient: { userId },
        data: {
          agreementId: row.id,
          leadId: row.lead_id,
          enterpriseName: h.enterprise_name,
          projectTitle: h.project_title,
          region: regions().fullName(row.region_code),
          kind: w.kind,
          kindLabel: WARNING_KINDS[w.kind],
          pledgeLabel: PLEDGE_KINDS[w.pledge],
          since: w.since,
          dueOn: pl.due[w.pledge] ?? null,
        },
        dedupeKey: `agreement-warning:${row.id}:${w.kind}:${w.episode}:${userId}`,
        category: 'reminder' as const,
        regionCode: row.region_code,
      })),
    );
    await this.notifications.enqueueMany(m, inputs as Array<EnqueueInput<unknown>>);
    // and into their 消息中心 (the console's inbox), in the same transaction, keyed by the same episode
    await notifyInApp(
      m,
      raised.map((w) => ({
        userIds: recipients,
        kind: 'agreement_warning' as const,
        title: `项目预警：${h.enterprise_name} · ${WARNING_KINDS[w.kind]}`,
        body:
          `${h.project_title ? `项目「${h.project_title}」 · ` : ''}${regions().fullName(row.region_code)} · 相关承诺：${PLEDGE_KINDS[w.pledge]}` +
          `${pl.due[w.pledge] ? `（约定 ${pl.due[w.pledge]}）` : ''}，自 ${w.since} 起`,
        link: `/console/agreements/${row.id}`,
        dedupeKey: `agreement-warning:${row.id}:${w.kind}:${w.episode}`,
      })),
    );
  }

  // ---------------------------------------------------------------- helpers

  private async lockRow(m: EntityManager, id: number, lock = true): Promise<AgreementRow | null> {
    const [r]: AgreementRow[] = await m.query(
      `SELECT id, lead_id, enterprise_id, region_code, signed_on::text AS signed_on, terms, status FROM agreement WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return r ?? null;
  }

  /** Changing an agreement: staff covering its region; anyone else 404, like an unknown id. */
  private async forWork(m: EntityManager, actor: Actor, id: number): Promise<AgreementRow> {
    const row = await this.lockRow(m, id);
    if (!row || !isStaff(actor) || !coversRegion(actor, row.region_code)) throw notFound('协议');
    return row;
  }

  private async actuals(m: EntityManager, id: number): Promise<ActualEntry[]> {
    const rows = await m.query(
      `SELECT id, kind, occurred_on::text AS occurred_on, amount_yuan, count, corrects_id FROM agreement_actual WHERE agreement_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map(actualEntry);
  }

  private async tranche(m: EntityManager, id: number, trancheId: number) {
    const [t]: Array<{ id: number; state: TrancheState; amount_yuan: string; requested_by: number | null }> = await m.query(
      `SELECT id, state, amount_yuan, requested_by FROM agreement_tranche WHERE id = $1 AND agreement_id = $2 FOR UPDATE`,
      [trancheId, id],
    );
    if (!t) throw notFound('拨付分期');
    return t;
  }

  private trancheProblem(state: TrancheState, message: string) {
    return new ProblemException(HttpStatus.CONFLICT, 'invalid-tranche-state', message, [
      { field: 'trancheId', code: `state_${state}`, message },
    ]);
  }

  /** Incentives a tranche pays: ones the caller may read (others answer like unknown ids). */
  private async assertIncentives(m: EntityManager, actor: Actor, ids: Array<number | undefined>): Promise<void> {
    const wanted = ids.map((id, i) => ({ id, i })).filter((x): x is { id: number; i: number } => x.id !== undefined);
    if (!wanted.length) return;
    const rows: Array<{ id: number; region_code: string; status: string }> = await m.query(
      `SELECT i.id, p.region_code, p.status FROM incentive i JOIN policy p ON p.id = i.policy_id WHERE i.id = ANY($1::int[])`,
      [wanted.map((w) => w.id)],
    );
    const ok = new Set(rows.filter((r) => r.status === 'published' || coversRegion(actor, r.region_code)).map((r) => r.id));
    const bad = wanted.filter((w) => !ok.has(w.id));
    if (bad.length)
      throw validationFailed(
        bad.map((b) => ({ field: `tranches[${b.i}].incentiveId`, code: 'unknown_incentive', message: `扶持措施 ${b.id} 不存在` })),
      );
  }

  private auditOf(actor: Actor | null, action: AgreementAuditAction, row: AgreementRow, detail: Record<string, unknown>): AuditRecord {
    return {
      actor,
      action,
      target: { type: 'agreement', id: row.id, region: row.region_code },
      detail: { leadId: row.lead_id, enterpriseId: row.enterprise_id, ...detail },
    };
  }
}
