import { writeCsv, writeXlsx, type CellOut } from '../platform/spreadsheet/spreadsheet.js';
import type { AgreementFigures } from './agreements.queries.js';

/**
 * The agreement figures as a sheet: one row per figure (amounts in 万元, exact), the same definitions as the
 * dashboard; with groups (groupBy region / month / quarter) a column per group after the total.
 */
export function agreementFiguresTable(f: AgreementFigures): { headers: string[]; rows: CellOut[][] } {
  const columns = [f, ...(f.groups ?? [])].map(figureColumn);
  const rows = columns[0].map((r, i) => [r[0], ...columns.map((c) => c[i][1])]);
  return { headers: ['指标', ...(f.groups ? ['合计', ...f.groups.map((g) => g.label)] : ['数值'])], rows };
}

function figureColumn(f: Omit<AgreementFigures, 'groups'>): CellOut[][] {
  const wan = (y: number) => y / 10_000;
  return [
    ['协议数', f.agreements.total],
    ['履约中', f.agreements.performing],
    ['有风险', f.agreements.at_risk],
    ['已履约', f.agreements.met],
    ['已违约', f.agreements.breached],
    ['承诺投资（万元）', wan(f.investment.pledgedYuan)],
    ['到位资金（万元）', wan(f.investment.capitalYuan)],
    ['到资率', f.investment.capitalRate],
    ['承诺·已履约', f.pledges.met],
    ['承诺·正常推进', f.pledges.on_track],
    ['承诺·有风险', f.pledges.at_risk],
    ['承诺·已违约', f.pledges.breached],
    ['已拨付期数', f.tranches.released],
    ['已拨付金额（万元）', wan(f.tranches.releasedYuan)],
    ['暂缓拨付期数', f.tranches.withheld],
    ['暂缓拨付金额（万元）', wan(f.tranches.withheldYuan)],
    ['追回案件', f.recovery.cases],
    ['应追回（万元）', wan(f.recovery.dueYuan)],
    ['已追回（万元）', wan(f.recovery.recoveredYuan)],
  ];
}

export async function agreementFiguresFile(f: AgreementFigures, format: 'csv' | 'xlsx', title: string): Promise<Buffer> {
  const t = agreementFiguresTable(f);
  if (format === 'csv') return writeCsv(t.headers, t.rows);
  return writeXlsx([
    {
      name: '投资协议履约',
      headers: t.headers,
      rows: [...t.rows, [], [title]],
      widths: [24, ...t.headers.slice(1).map(() => 16)],
      numFmts: [undefined, ...t.headers.slice(1).map(() => '#,##0.####')],
    },
  ]);
}
