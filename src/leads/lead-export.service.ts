import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireStaff } from '../access/access-policy.js';
import type { Actor } from '../access/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../platform/clock/clock.js';
import { shanghaiDate } from '../platform/format/units.js';
import { validationFailed } from '../platform/http/problem.js';
import type { ExportRow } from './exports.js';
import { leadWhere, whereSql } from './lead-query.js';
import { FiguresService, type FiguresExportQuery, type FiguresResult } from './figures.service.js';
import type { ExportLeadsQuery } from './lead.schemas.js';
import { LEAD_ROW_COLUMNS, LEAD_ROW_JOINS } from './lead.view.js';

/** An export holds at most this many leads (narrow the filters for more). */
export const EXPORT_MAX_ROWS = 50_000;

/** The leads an export holds (the list's filters and scope, oldest first), recorded in the audit log. */
@Injectable()
export class LeadExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly figures: FiguresService,
  ) {}

  /** The 三个一批 figures for a file, recorded in the audit log. */
  async figuresFile(actor: Actor, q: FiguresExportQuery): Promise<FiguresResult> {
    requireStaff(actor);
    const f = await this.figures.figures(actor, q);
    await this.audit.record(null, {
      actor,
      action: 'lead.figures_exported',
      target: { type: 'lead_figures', region: f.scope.region?.code ?? actor.regionScope },
      detail: { format: q.format, period: f.period, groupBy: q.groupBy, industry: q.industry ?? null, owner: f.scope.owner },
    });
    return f;
  }

  async rows(actor: Actor, q: ExportLeadsQuery): Promise<ExportRow[]> {
    requireStaff(actor);
    const w = leadWhere(actor, q, shanghaiDate(this.clock.now()));
    if (w.empty) return [];
    return this.dataSource.transaction(async (m) => {
      const rows: ExportRow[] = await m.query(
        `SELECT ${LEAD_ROW_COLUMNS}, e.uscc, u.email AS owner_email, l.import_key FROM lead l ${LEAD_ROW_JOINS} ${whereSql(w)} ORDER BY l.id LIMIT ${EXPORT_MAX_ROWS + 1}`,
        w.params,
      );
      if (rows.length > EXPORT_MAX_ROWS) {
        throw validationFailed([{ field: '(query)', code: 'too_many', message: `一次最多导出 ${EXPORT_MAX_ROWS} 条线索，请缩小筛选范围` }]);
      }
      const { format, ...filters } = q;
      await this.audit.record(m, {
        actor,
        action: 'lead.exported',
        target: { type: 'lead', region: q.region ?? actor.regionScope },
        detail: { format, filters, rows: rows.length },
      });
      return rows;
    });
  }
}
