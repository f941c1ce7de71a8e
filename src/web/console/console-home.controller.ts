import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessPolicy, staffScope } from '../../auth/access.js';
import type { AuthedRequest } from '../../auth/auth.guard.js';
import { StaffOnly } from '../../auth/decorators.js';
import { Clock } from '../../platform/clock/clock.js';
import { shanghaiDate } from '../../platform/format/units.js';
import { PROJECT_STAGES } from '../../projects/project.vocabulary.js';
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

/** Console home: the bureau's 三个一批 and trends as charts (with the same figures in tables), and what needs doing. */
@ApiExcludeController()
@Controller('console')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleHomeController {
  constructor(
    private readonly pages: Pages,
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
        leads: null,
      },
      { title: '工作台' },
    );
  }
}
