import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgreementsQueries } from '../../agreements/agreements.queries.js';
import { staffScope } from '../../access/access-policy.js';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { CertificationReviewQueries } from '../../enterprises/certification-review.queries.js';
import { FiguresService, type DashboardFigures } from '../../leads/figures.service.js';
import { MatchCountsQueries } from '../../matching/match-counts.queries.js';
import { formatWan } from '../../platform/format/units.js';
import { Pages } from '../pages.js';
import { barsSvg, funnelSvg } from '../view/charts.js';
import { regionName } from '../view/format.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

const FUNNEL = ['new', 'contacted', 'negotiating', 'signed', 'started', 'producing'] as const;

/**
 * Console home: the bureau's 三个一批 (one definition — FiguresService.dashboard — for the cards, both
 * charts and the export link, each chart with its figures in a table) and what needs doing.
 */
@ApiExcludeController()
@Controller('console')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleHomeController {
  constructor(
    private readonly pages: Pages,
    private readonly figures: FiguresService,
    private readonly certifications: CertificationReviewQueries,
    private readonly matches: MatchCountsQueries,
    private readonly agreements: AgreementsQueries,
  ) {}

  @Get()
  async dashboard(@Req() req: AuthedRequest, @Res() res: Response) {
    const actor = req.actor!;
    const scope = staffScope(actor);
    const [d, pendingCertifications, matchCounts] = await Promise.all([
      this.figures.dashboard(actor),
      this.certifications.pendingCount(actor),
      this.matches.dashboardCounts(actor),
    ]);
    // 投资协议: warnings and tranches waiting (to do), the period's agreement figures (a card section of their own)
    const [agreementTodo, agreementFigures] = await Promise.all([this.agreements.todo(actor), this.agreements.figures(actor, { from: d.period.from, to: d.period.to })]);
    this.pages.send(
      req,
      res,
      'console/dashboard',
      {
        scopeName: scope ? regionName(scope) : '全部地区',
        today: d.period.to,
        todo: { pendingCertifications, ...matchCounts, agreements: agreementTodo },
        agreementFigures,
        figures: d,
        charts: charts(d),
      },
      { title: '工作台' },
    );
  }
}

/** The dashboard's charts, drawn from the same figures as its cards. */
function charts(d: DashboardFigures) {
  const period = `${d.period.from} 至 ${d.period.to}`;
  const funnel = FUNNEL.map((s) => {
    const x = d.total.funnel.find((f) => f.stage === s)!;
    return { label: x.label, value: x.leads };
  });
  return {
    milestonesSvg: funnelSvg(
      `${period} 三个一批（按项目）`,
      d.milestones.map((m) => ({ label: m.label, value: m.projects, note: formatWan(m.amountYuan) })),
    ),
    monthlySvg: d.any
      ? barsSvg(
          `${period} 每月签约项目数`,
          d.months.map((m) => ({ label: m.label, value: m.signed.projects, note: m.signed.amountYuan ? formatWan(m.signed.amountYuan) : undefined })),
        )
      : null,
    leadFunnelSvg: funnelSvg(`${period} 线索漏斗（按线索）`, funnel),
    lost: d.total.funnel.find((f) => f.stage === 'lost')!.leads,
  };
}
