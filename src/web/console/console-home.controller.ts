import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessPolicy, staffScope } from '../../auth/access.js';
import type { AuthedRequest } from '../../auth/auth.guard.js';
import { StaffOnly } from '../../auth/decorators.js';
import { Clock } from '../../platform/clock/clock.js';
import { shanghaiDate } from '../../platform/format/units.js';
import { figuresQuery, type FiguresResult } from '../../leads/figures.service.js';
import { LeadsController } from '../../leads/leads.controller.js';
import { formatYuan } from '../../platform/format/units.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { PROJECT_STAGES } from '../../projects/project.vocabulary.js';
import { ApiControllers } from '../api-controllers.js';
import { Pages } from '../pages.js';
import { barsSvg, funnelSvg } from '../view/charts.js';
import { regionName } from '../view/format.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

/** The last `n` months as YYYY-MM (Asia/Shanghai), oldest first. */
export function lastMonths(today: string, n: number): string[] {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

const FUNNEL = ['new', 'contacted', 'negotiating', 'signed', 'started', 'producing'] as const;

/** Console home: the bureau's 三个一批 and trends as charts (with the same figures in tables), and what needs doing. */
@ApiExcludeController()
@Controller('console')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleHomeController {
  constructor(
    private readonly pages: Pages,
    private readonly api: ApiControllers,
    private readonly access: AccessPolicy,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  async dashboard(@Req() req: AuthedRequest, @Res() res: Response) {
    const actor = req.actor!;
    const scope = staffScope(actor);
    const scopeSql = scope ? `AND p.region_path @> $1::char(6)[]` : '';
    const scopeParams = scope ? [[scope]] : [];
    const today = shanghaiDate(this.clock.now());
    const months = lastMonths(today, 12);

    // projects of the region by stage (published)
    const byStage: Array<{ stage: string; n: number; yuan: string }> = await this.dataSource.query(
      `SELECT p.stage, count(*)::int AS n, coalesce(sum(p.total_investment_yuan), 0)::text AS yuan FROM project p WHERE p.status = 'published' ${scopeSql} GROUP BY p.stage`,
      scopeParams,
    );
    const stageRow = (s: string) => byStage.find((r) => r.stage === s);
    const projectFunnel = (['open', 'signed', 'started', 'producing'] as const).map((s) => ({ stage: s, label: PROJECT_STAGES[s], value: stageRow(s)?.n ?? 0, yuan: Number(stageRow(s)?.yuan ?? 0) }));
    // projects reaching 签约/开工/投产 per month (stage history), last 12 months
    const trendRows: Array<{ month: string; to_stage: string; n: number }> = await this.dataSource.query(
      `SELECT to_char(c.changed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, c.to_stage, count(DISTINCT c.project_id)::int AS n
       FROM project_stage_change c JOIN project p ON p.id = c.project_id
       WHERE c.to_stage IN ('signed', 'started', 'producing') AND c.changed_at >= $${scope ? 2 : 1}::timestamptz ${scopeSql}
       GROUP BY 1, 2`,
      [...scopeParams, new Date(`${months[0]}-01T00:00:00+08:00`)],
    );
    const trend = (stage: string) => months.map((mo) => ({ label: `${Number(mo.slice(5))}月`, month: mo, value: trendRows.find((r) => r.month === mo && r.to_stage === stage)?.n ?? 0 }));
    const signedTrend = trend('signed');

    // to do: claimed certifications of enterprises registered in the region; recent matches with its projects
    const [pending] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM enterprise e WHERE cardinality(e.pending_certifications) > 0 ${scope ? 'AND e.home_region_path @> $1::char(6)[]' : ''}`,
      scopeParams,
    );
    const [recent] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM match m JOIN project p ON p.id = m.project_id WHERE m.created_at >= $${scope ? 2 : 1} AND m.withdrawn_at IS NULL ${scopeSql}`,
      [...scopeParams, new Date(this.clock.now().getTime() - 7 * 24 * 3600_000)],
    );
    const [interested] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM match m JOIN project p ON p.id = m.project_id WHERE m.status = 'interested' ${scopeSql}`,
      scopeParams,
    );

    this.pages.send(
      req,
      res,
      'console/dashboard',
      {
        scopeName: scope ? regionName(scope) : '全部地区',
        today,
        projectFunnel,
        projectFunnelSvg: funnelSvg(
          '本辖区已发布项目的阶段分布',
          projectFunnel.map((s) => ({ label: s.label, value: s.value })),
        ),
        signedTrend,
        signedTrendSvg: barsSvg('近 12 个月每月签约项目数', signedTrend),
        startedTrend: trend('started'),
        producingTrend: trend('producing'),
        todo: { pendingCertifications: pending.n as number, recentMatches: recent.n as number, interested: interested.n as number },
        leads: await this.leadFigures(req, today, months),
      },
      { title: '工作台' },
    );
  }

  /** 三个一批 from the leads: this year's funnel (leads, projects, amounts), conversion, median days, and the last 12 months. */
  private async leadFigures(req: AuthedRequest, today: string, months: string[]) {
    const leads = this.api.as(req.actor, LeadsController);
    const year = parseSafe(figuresQuery, { from: `${today.slice(0, 4)}-01-01`, to: today });
    const monthly = parseSafe(figuresQuery, { from: `${months[0]}-01`, to: today, groupBy: 'month' });
    if (!year.ok || !monthly.ok) throw new Error('internal figures query');
    const f: FiguresResult = await leads.getFigures(year.value, req.actor!);
    const byMonth: FiguresResult = await leads.getFigures(monthly.value, req.actor!);
    const stage = (r: FiguresResult['total'], s: string) => r.funnel.find((x) => x.stage === s);
    const funnel = FUNNEL.map((s) => {
      const x = stage(f.total, s);
      return { stage: s, label: x?.label ?? s, leads: x?.leads ?? 0, projects: x?.projects ?? null, increases: x?.increases ?? null, amountYuan: x?.amountYuan ?? null };
    });
    const trend = months.map((mo) => {
      const g = byMonth.groups.find((x) => x.key === mo);
      const signed = g ? stage(g, 'signed') : undefined;
      return { month: mo, label: `${Number(mo.slice(5))}月`, signed: signed?.leads ?? 0, amountYuan: signed?.amountYuan ?? 0, started: (g && stage(g, 'started')?.leads) || 0, producing: (g && stage(g, 'producing')?.leads) || 0 };
    });
    return {
      period: f.period,
      funnel,
      lost: stage(f.total, 'lost')?.leads ?? 0,
      conversion: f.total.conversion,
      medianDays: f.total.medianDays,
      funnelSvg: funnelSvg(
        `${f.period.from} 至 ${f.period.to} 线索漏斗（三个一批）`,
        funnel.map((x) => ({ label: x.label, value: x.leads, note: x.amountYuan ? formatYuan(x.amountYuan) : undefined })),
      ),
      trend,
      trendSvg: barsSvg(
        '近 12 个月每月签约线索数',
        trend.map((t) => ({ label: t.label, value: t.signed, note: t.amountYuan ? formatYuan(t.amountYuan) : undefined })),
      ),
    };
  }
}
