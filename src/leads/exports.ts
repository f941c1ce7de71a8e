import { shanghaiDate } from '../platform/format/units.js';
import { regions } from '../reference/regions.js';
import { writeCsv, writeXlsx, type CellOut } from '../platform/spreadsheet/spreadsheet.js';
import type { FiguresResult, FunnelFigures } from './figures.service.js';
import { LEAD_SOURCES, LEAD_STAGES } from './lead.vocabulary.js';
import type { LeadRow } from './lead.view.js';

const pct = (r: number | null) => (r === null ? null : Math.round(r * 10_000) / 100);
const wan = (yuan: number | undefined) => (yuan === undefined ? null : yuan / 10_000);

/** The figures as a table: one row per group (and the total), the 三个一批 columns in 万元. */
export function figuresTable(f: FiguresResult): { headers: string[]; rows: CellOut[][] } {
  const headers = [
    '分组',
    '新增线索',
    '已接洽',
    '考察洽谈',
    '签约线索',
    '签约项目（个）',
    '增资（个）',
    '签约金额（万元）',
    '开工项目（个）',
    '开工金额（万元）',
    '投产项目（个）',
    '投产金额（万元）',
    '流失',
    '本期新增线索签约率（%）',
    '新线索停留中位天数',
    '已接洽停留中位天数',
    '考察洽谈停留中位天数',
    '签约至开工中位天数',
    '开工至投产中位天数',
  ];
  const row = (g: FunnelFigures): CellOut[] => {
    const s = Object.fromEntries(g.funnel.map((x) => [x.stage, x]));
    return [
      g.label,
      s.new.leads,
      s.contacted.leads,
      s.negotiating.leads,
      s.signed.leads,
      s.signed.projects,
      s.signed.increases,
      wan(s.signed.amountYuan),
      s.started.projects,
      wan(s.started.amountYuan),
      s.producing.projects,
      wan(s.producing.amountYuan),
      s.lost.leads,
      pct(g.conversion.rates.signed),
      g.medianDays.new.days,
      g.medianDays.contacted.days,
      g.medianDays.negotiating.days,
      g.medianDays.signed.days,
      g.medianDays.started.days,
    ];
  };
  return { headers, rows: [...f.groups.map(row), row(f.total)] };
}

export async function figuresFile(f: FiguresResult, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const t = figuresTable(f);
  if (format === 'csv') return writeCsv(t.headers, t.rows);
  const title = `统计期间 ${f.period.from} 至 ${f.period.to}${f.scope.region ? `，${f.scope.region.name}` : ''}`;
  return writeXlsx([
    {
      name: '三个一批',
      headers: t.headers,
      rows: [...t.rows, [], [title]],
      widths: t.headers.map((h, i) => (i === 0 ? 24 : Math.max(10, h.length * 2))),
      numFmts: t.headers.map((h) => (h.includes('万元') ? '#,##0.####' : undefined)),
    },
  ]);
}

/**
 * Leads as a sheet with the lead import's columns (so a file can go out and come back), plus
 * names for people to read (ignored on import). Amounts in whole yuan.
 */
export const LEAD_EXPORT_HEADERS = [
  '线索编号',
  '统一社会信用代码',
  '企业名称',
  '项目编号',
  '项目名称',
  '意向地区代码',
  '地区',
  '负责人邮箱',
  '负责人',
  '阶段',
  '来源',
  '意向投资额（元）',
  '接洽日期',
  '考察洽谈日期',
  '签约日期',
  '签约金额（元）',
  '开工日期',
  '开工金额（元）',
  '投产日期',
  '投产金额（元）',
  '流失日期',
  '流失原因',
  '下次跟进日期',
  '创建日期',
  '最近跟进',
  '系统编号',
];

export type ExportRow = LeadRow & { uscc: string; owner_email: string | null; import_key: string | null };

const day = (d: Date | null) => (d ? shanghaiDate(d) : null);
const num = (v: string | number | null) => (v === null ? null : Number(v));

export function leadExportRow(r: ExportRow): CellOut[] {
  const ref = r.import_key?.startsWith('ref:') ? r.import_key.split(':').slice(2).join(':') : null;
  return [
    ref,
    r.uscc,
    r.enterprise_name,
    r.project_code,
    r.project_title,
    r.project_id ? null : r.region_code,
    regions().fullName(r.region_code),
    r.owner_email,
    r.owner_name,
    LEAD_STAGES[r.stage],
    LEAD_SOURCES[r.source],
    num(r.expected_investment_yuan),
    day(r.contacted_at),
    day(r.negotiating_at),
    day(r.signed_at),
    num(r.signed_amount_yuan),
    day(r.started_at),
    num(r.started_amount_yuan),
    day(r.producing_at),
    num(r.producing_amount_yuan),
    day(r.lost_at),
    r.lost_reason,
    r.next_follow_up_on,
    day(r.created_at),
    day(r.last_activity_at),
    r.id,
  ];
}

export async function leadsFile(rows: ExportRow[], format: 'csv' | 'xlsx'): Promise<Buffer> {
  const data = rows.map(leadExportRow);
  if (format === 'csv') return writeCsv(LEAD_EXPORT_HEADERS, data);
  return writeXlsx([
    {
      name: '线索',
      headers: LEAD_EXPORT_HEADERS,
      rows: data,
      numFmts: LEAD_EXPORT_HEADERS.map((h) => (h.includes('（元）') ? '#,##0' : undefined)),
    },
  ]);
}
