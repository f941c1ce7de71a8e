import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { cellText, restoreNeutralised, UnreadableFile } from './spreadsheet.js';

/** One row of a file: its line (CSV) or row (XLSX) number, header = 1, and its cells as text. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A table read row by row: the header row first (`headers`), then the data rows. */
export interface TableStream {
  headers: string[];
  rows: AsyncGenerator<TableRow>;
  /** Bytes of the file consumed so far (for a progress estimate). */
  bytesRead(): number;
  /** Ends the reading early (the rest of the file is not read). */
  close(): Promise<void>;
}

/** How much of a CSV is looked at to tell UTF-8 from GB18030 (its first line is the Chinese header row). */
const SNIFF_BYTES = 256 * 1024;

/** A byte source: a whole buffer, or pieces (a stored file read slice by slice). */
export type ByteSource = Buffer | AsyncIterable<Buffer>;

function counted(source: ByteSource, count: (n: number) => void): AsyncGenerator<Buffer> {
  return (async function* () {
    if (Buffer.isBuffer(source)) {
      // a whole buffer in pieces, so the parsers never see more than one piece at a time
      for (let i = 0; i < source.length; i += 1 << 20) {
        const piece = source.subarray(i, i + (1 << 20));
        count(piece.length);
        yield piece;
      }
      return;
    }
    for await (const piece of source) {
      count(piece.length);
      yield piece;
    }
  })();
}

/**
 * CSV text from bytes, decoded as it streams: UTF-8 (BOM dropped), or GB18030/GBK — what Excel on a
 * Chinese Windows writes for "CSV" — when the first SNIFF_BYTES are not valid UTF-8 (the same rule
 * as decodeCsv, decided on the start of the file instead of all of it).
 */
async function* decodedCsv(bytes: AsyncGenerator<Buffer>): AsyncGenerator<string> {
  const head: Buffer[] = [];
  let size = 0;
  let rest: IteratorResult<Buffer> | null = null;
  while (size < SNIFF_BYTES) {
    const r = await bytes.next();
    if (r.done) {
      rest = r;
      break;
    }
    head.push(r.value);
    size += r.value.length;
  }
  const first = Buffer.concat(head);
  let decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    decoder.decode(first.subarray(0, Math.max(0, first.length - 4)), { stream: true }); // a character cut at the end is not an error
  } catch {
    decoder = new TextDecoder('gb18030');
  }
  const utf8 = decoder.encoding === 'utf-8';
  decoder = new TextDecoder(decoder.encoding, utf8 ? { fatal: true } : {});
  const decode = (b: Buffer, stream: boolean) => {
    try {
      return decoder.decode(b, { stream });
    } catch {
      throw new UnreadableFile('CSV 文件无法解析：编码不是 UTF-8（前面部分是 UTF-8，后面不是），请整份另存为 UTF-8 或 GBK');
    }
  };
  yield decode(first, true);
  if (!rest) for await (const piece of bytes) yield decode(piece, true);
  yield decode(Buffer.alloc(0), false);
}

async function csvStream(source: ByteSource): Promise<TableStream> {
  let read = 0;
  const text = Readable.from(decodedCsv(counted(source, (n) => (read += n))));
  const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, bom: true });
  text.on('error', (err) => parser.destroy(err));
  text.pipe(parser);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const fail = (err: unknown): never => {
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile(`CSV 文件无法解析：${(err as Error).message}`);
  };
  let first: IteratorResult<{ record: string[]; info: { lines: number } }>;
  try {
    first = await records.next();
  } catch (err) {
    return fail(err);
  }
  const headers = first.done ? [] : first.value.record.map((h) => h.trim());
  async function* rows(): AsyncGenerator<TableRow> {
    if (first.done) return;
    for (;;) {
      let r: IteratorResult<{ record: string[]; info: { lines: number } }>;
      try {
        r = await records.next();
      } catch (err) {
        return fail(err);
      }
      if (r.done) return;
      const { record, info } = r.value;
      if (record.some((c) => c.trim() !== '')) yield { line: info.lines, cells: record.map(restoreNeutralised) };
    }
  }
  return {
    headers,
    rows: rows(),
    bytesRead: () => read,
    close: async () => {
      text.destroy();
      parser.destroy();
    },
  };
}

/**
 * XLSX through exceljs's streaming reader: shared strings and styles (for dates) are kept, the
 * first worksheet's rows are read one at a time and never held together.
 */
async function xlsxStream(source: ByteSource): Promise<TableStream> {
  let read = 0;
  const input = Readable.from(counted(source, (n) => (read += n)));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const fail = (err: unknown): never => {
    throw new UnreadableFile(`XLSX 文件无法读取：${(err as Error).message}`);
  };
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<AsyncIterable<ExcelJS.Row>>;
  let sheetRows: AsyncIterator<ExcelJS.Row> | null = null;
  const nextRow = async (): Promise<ExcelJS.Row | null> => {
    try {
      if (!sheetRows) {
        const s = await sheets.next();
        if (s.done) return null;
        sheetRows = s.value[Symbol.asyncIterator]();
      }
      const r = await sheetRows.next();
      return r.done ? null : r.value;
    } catch (err) {
      return fail(err);
    }
  };
  const text = (row: ExcelJS.Row, width: number) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    return cells;
  };
  const head = await nextRow();
  let pending: ExcelJS.Row | null = null;
  let headers: string[] = [];
  if (head && head.number === 1) headers = text(head, head.cellCount).map((h) => h.trim());
  else pending = head;
  const width = headers.length;
  async function* rows(): AsyncGenerator<TableRow> {
    for (let row = pending ?? (await nextRow()); row; row = await nextRow()) {
      if (!row.hasValues) continue;
      const cells = text(row, Math.max(width, row.cellCount)).map(restoreNeutralised);
      if (cells.some((x) => x.trim() !== '')) yield { line: row.number, cells };
    }
    // only the first worksheet is read; the reader stops with the input
  }
  return {
    headers,
    rows: rows(),
    bytesRead: () => read,
    close: async () => {
      input.destroy();
    },
  };
}

/** Opens a CSV or XLSX for reading row by row (bounded memory whatever the file's size). */
export async function streamTable(source: ByteSource, format: 'csv' | 'xlsx'): Promise<TableStream> {
  return format === 'csv' ? csvStream(source) : xlsxStream(source);
}
