import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** A table read from a file: its header row and its data rows with their line (CSV) or row (XLSX) numbers. */
export interface Table {
  headers: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

export class UnreadableFile extends Error {}

/**
 * CSV text: UTF-8 (with or without BOM), or GB18030/GBK — what Excel on a Chinese Windows writes
 * when one chooses "CSV" — detected by the bytes not being valid UTF-8.
 */
export function decodeCsv(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

export function readCsv(buf: Buffer): Table {
  const text = decodeCsv(buf);
  let records: Array<{ record: string[]; line: number }>;
  try {
    if (!text.includes('"')) {
      // no quoted cell, so no cell spans lines: the n-th record is the n-th non-empty line (faster than info)
      const parsed = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
      const lines: number[] = [];
      for (let start = 0, line = 1; start < text.length; line++) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        if (end > start && !(end === start + 1 && text[start] === '\r')) lines.push(line);
        start = end + 1;
      }
      records = parsed.map((record, i) => ({ record, line: lines[i] }));
    } else {
      const parsed = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Array<{
        record: string[];
        info: { lines: number };
      }>;
      records = parsed.map((r) => ({ record: r.record, line: r.info.lines }));
    }
  } catch (err) {
    throw new UnreadableFile(`CSV 文件无法解析：${(err as Error).message}`);
  }
  const [head, ...rest] = records;
  if (!head) return { headers: [], rows: [] };
  return {
    headers: head.record.map((h) => h.trim()),
    rows: rest.filter((r) => r.record.some((c) => c.trim() !== '')).map((r) => ({ line: r.line, cells: r.record.map(restoreNeutralised) })),
  };
}

/** The text of a cell as a person sees it (dates as YYYY-MM-DD). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return String(v);
}

export async function readXlsx(buf: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as never);
  } catch (err) {
    throw new UnreadableFile(`XLSX 文件无法读取：${(err as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  const width = ws.getRow(1).cellCount;
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) headers.push(cellText(ws.getRow(1).getCell(c).value).trim());
  const rows: Table['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) cells.push(restoreNeutralised(cellText(row.getCell(c).value)));
    if (cells.some((x) => x.trim() !== '')) rows.push({ line: n, cells });
  });
  return { headers, rows };
}

export async function readTable(buf: Buffer, format: 'csv' | 'xlsx'): Promise<Table> {
  return format === 'csv' ? readCsv(buf) : readXlsx(buf);
}

/** The format of an upload, from its name (or content type); null when neither CSV nor XLSX. */
export function formatOf(fileName: string, mime?: string): 'csv' | 'xlsx' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (mime === 'text/csv') return 'csv';
  if (mime === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  return null;
}

export type CellOut = string | number | null | undefined;

/** What makes a spreadsheet read a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as it may leave in a CSV: one that a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`, `+…`, `-…`, `@…`, a leading TAB or CR) gets a leading `'`, OWASP's rule, so
 * Excel and WPS show it as text. Numbers are typed values, not text, and stay as they are.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse on reading, so a file this platform wrote comes back with the text it had. */
export function restoreNeutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

const csvCell = (c: CellOut): string | number => (c === null || c === undefined ? '' : typeof c === 'string' ? neutraliseFormula(c) : c);

/**
 * CSV with a UTF-8 BOM (so Excel shows the Chinese headers), CRLF line ends; every CSV the
 * platform writes goes through here, so no text cell leaves as a formula.
 */
export function writeCsv(headers: string[], rows: CellOut[][]): Buffer {
  const text = stringify([headers.map(csvCell), ...rows.map((r) => r.map(csvCell))], { record_delimiter: 'windows' });
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(text)]);
}

export interface SheetOut {
  name: string;
  headers: string[];
  rows: CellOut[][];
  /** Column widths in characters (default from the headers). */
  widths?: number[];
  /** Number formats per column (e.g. '#,##0.00' for 万元). */
  numFmts?: Array<string | undefined>;
}

/**
 * XLSX: text cells are written as strings (shared strings, never a `<f>` formula element — see
 * spreadsheet.spec.ts), so a name like `=HYPERLINK(…)` is shown as text without any prefix.
 */
export async function writeXlsx(sheets: SheetOut[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'InvestMatch 招商撮合';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.headers.map((h, i) => ({
      header: h,
      key: String(i),
      width: s.widths?.[i] ?? Math.max(10, Math.min(40, h.length * 2 + 4)),
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((c) => (c === undefined ? null : c)));
    s.numFmts?.forEach((f, i) => {
      if (f) ws.getColumn(i + 1).numFmt = f;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A Content-Disposition header with a Chinese file name (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Whole yuan as 万元, exactly (no floating point): 123456789 → "12345.6789". */
export function wanYuan(yuan: number | null | undefined): string | null {
  if (yuan === null || yuan === undefined) return null;
  const neg = yuan < 0;
  const s = String(Math.abs(yuan)).padStart(5, '0');
  const int = s.slice(0, -4).replace(/^0+(?=\d)/, '');
  const frac = s.slice(-4).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
