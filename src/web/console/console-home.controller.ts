import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgreementsQueries } from '../../agreements/agreements.queries.js';
import { chainFiguresView } from '../../chains/chain.view.js';
import { chainLabel } from '../../chains/chain.vocabulary.js';
import { ChainsService } from '../../chains/chains.service.js';
import { staffScope } from '../../access/access-policy.js';
import type { AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { CertificationReviewQueries } from '../../enterprises/certification-review.queries.js';
import { FiguresService, figuresQuery, type DashboardFigures } from '../../leads/figures.service.js';
import { LeadsService } from '../../leads/leads.service.js';
import { shanghaiDate } from '../../platform/format/units.js';
import { Clock } from '../../platform/clock/clock.js';
import { parseSafe } from '../../platform/validation/zod-validation.js';
import { errorMap, field, type ErrorMap, type FormBody } from '../forms/form-input.js';
import { pickerModel, pickFrom } from '../forms/tree-picker.js';
import { MatchCountsQueries } from '../../matching/match-counts.queries.js';
import { formatWan } from '../../platform/format/units.js';
import { Pages } from '../pages.js';
import { barsSvg, funnelSvg } from '../view/charts.js';
import { regionName } from '../view/format.js';
import { regions } from '../../reference/regions.js';
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
    private readonly leads: LeadsService,
    private readonly chains: ChainsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async dashboard(@Req() req: AuthedRequest, @Res() res: Response) {
    const actor = req.actor!;
    const scope = staffScope(actor);
    const q = req.query as FormBody;
    const chosen = periodOf(field(q, 'period'), field(q, 'from'), field(q, 'to'), shanghaiDate(this.clock.now()));
    const region = pickFrom('regions', 'region', q);
    // the filters through the figures' own schema (a bad date or an order problem is said beside the field)
    const parsed = parseSafe(figuresQuery, { from: chosen.from, to: chosen.to, ...(region ? { region } : {}) });
    const errors: ErrorMap = parsed.ok ? {} : errorMap(parsed.errors);
    const filters = parsed.ok ? { from: chosen.from, to: chosen.to, region: region || undefined } : {};
    const [d, pendingCertifications, matchCounts, followUps] = await Promise.all([
      this.figures.dashboard(actor, filters),
      this.certifications.pendingCount(actor),
      this.matches.dashboardCounts(actor),
      this.leads.followUpCounts(actor),
    ]);
    // 投资协议: warnings and tranches waiting (to do), the period's agreement figures (a card section of their own)
    // and by 产业链: the same 三个一批 per chain and segment (the leads figures with the segments' codes), the chains' agreements
    const same = { from: d.period.from, to: d.period.to, ...(filters.region ? { region: filters.region } : {}) };
    const [agreementTodo, agreementFigures, chainFigures] = await Promise.all([
      this.agreements.todo(actor),
      this.agreements.figures(actor, same),
      this.chains.figuresOverview(actor, same),
    ]);
    this.pages.send(
      req,
      res,
      'console/dashboard',
      {
        scopeName: scope ? regionName(scope) : '全部地区',
        today: d.period.to,
        todo: { pendingCertifications, ...matchCounts, agreements: agreementTodo, followUps },
        filters: { period: chosen.key, from: field(q, 'from'), to: field(q, 'to') },
        periods: PERIODS,
        regionPicker: pickerModel('regions', 'region', region || scope, '地区'),
        agreementFigures,
        chains: {
          total: chainFigures.total,
          exportQuery: same,
          items: chainFigures.items.map((f) => ({
            ...chainFiguresView(f),
            label: chainLabel(regions().displayName(f.chain.regionCode), f.chain.name),
          })),
        },
        figures: d,
        charts: charts(d),
      },
      { title: '工作台', errors, status: 200 },
    );
  }
}

const PERIODS = [
  ['year', '本年'],
  ['quarter', '本季度'],
  ['month', '本月'],
  ['last12', '近 12 个月'],
  ['lastYear', '上年'],
  ['custom', '自定义'],
] as const;

/** A named period (Asia/Shanghai dates) or the dates typed in. */
export function periodOf(key: string, from: string, to: string, today: string): { key: string; from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (key) {
    case 'quarter':
      return { key, from: `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`, to: today };
    case 'month':
      return { key, from: `${today.slice(0, 7)}-01`, to: today };
    case 'last12':
      return { key, from: m === 12 ? `${y}-01-01` : `${y - 1}-${pad(m + 1)}-01`, to: today };
    case 'lastYear':
      return { key, from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    case 'custom':
      if (from || to) return { key, from: from || `${y}-01-01`, to: to || today };
      return { key: 'year', from: `${y}-01-01`, to: today };
    default:
      return { key: 'year', from: `${y}-01-01`, to: today };
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
          d.months.map((m) => ({
            label: m.label,
            value: m.signed.projects,
            note: m.signed.amountYuan ? formatWan(m.signed.amountYuan) : undefined,
          })),
        )
      : null,
    leadFunnelSvg: funnelSvg(`${period} 线索漏斗（按线索）`, funnel),
    lost: d.total.funnel.find((f) => f.stage === 'lost')!.leads,
  };
}
