import type { ImportKindSpec } from './columns.js';
import { writeCsv, writeXlsx } from '../platform/spreadsheet/spreadsheet.js';

/** Columns offered in a template: one per field (万元 where there is a choice), informational ones left out. */
export function templateColumns(spec: ImportKindSpec) {
  const seen = new Set<string>();
  return spec.columns.filter((c) => {
    if (c.informational || seen.has(c.field)) return false;
    seen.add(c.field);
    return true;
  });
}

/** A template: the Chinese headers and an example row; the XLSX adds a sheet describing each column and its English alias. */
export async function templateFile(spec: ImportKindSpec, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const cols = templateColumns(spec);
  const headers = cols.map((c) => c.header);
  const example = cols.map((c) => c.example);
  if (format === 'csv') return writeCsv(headers, [example]);
  const help = spec.columns
    .filter((c) => !c.informational)
    .map((c) => [c.header, c.required ? '是' : '', (c.aliases ?? []).join('、'), c.example, c.note ?? '']);
  return writeXlsx([
    { name: '数据', headers, rows: [example], widths: cols.map((c) => Math.max(12, c.header.length * 2 + 4)) },
    { name: '填写说明', headers: ['列名', '必填', '英文列名（也可用）', '示例', '说明'], rows: help, widths: [22, 6, 28, 24, 60] },
  ]);
}
