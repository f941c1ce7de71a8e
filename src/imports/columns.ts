import type { FieldError } from '../platform/http/problem.js';

/**
 * How a spreadsheet column becomes an API field. Headers are Chinese, with English aliases (the
 * API's field names); cells are text and are turned into the field's type here — the API's zod
 * schema then validates the assembled object exactly as it validates a request body.
 */
export type ColumnType =
  | { type: 'text' }
  | { type: 'int' }
  /** Whole yuan. */
  | { type: 'yuan' }
  /** 万元, converted exactly to whole yuan (up to 4 decimals). */
  | { type: 'wanyuan' }
  | { type: 'decimal' }
  | { type: 'date' }
  /** Several values separated by 、，,；; or spaces. */
  | { type: 'list' }
  /** A code or its Chinese label. */
  | { type: 'enum'; labels: Record<string, string> }
  /** Several codes or labels; with `as`, each becomes an object `{ [as]: code }` (certification claims). */
  | { type: 'enumList'; labels: Record<string, string>; as?: string };

export interface ColumnSpec {
  /** The API field (dotted path: `contacts[0].name`). */
  field: string;
  header: string;
  aliases?: string[];
  col: ColumnType;
  /** For the template: required, an example, a note. */
  required?: boolean;
  /** A column our own exports add for people to read (names next to codes); ignored on import. */
  informational?: boolean;
  example: string;
  note?: string;
}

export interface ImportKindSpec {
  columns: ColumnSpec[];
  /** Fields that must have a column (else the file is refused at once, instead of one error per row). */
  requiredFields: string[];
}

/** Header text as compared: no spaces, half-width brackets, lower case. */
export function normalizeHeader(h: string): string {
  return h.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/\*+$/, '').toLowerCase();
}

/** Columns people add to their sheets that carry no data. */
const IGNORED = new Set(['序号', 'no', 'no.', '#', '行号', '备注说明']);

export interface HeaderMap {
  /** Column index → spec (null: ignored column). */
  byIndex: Array<ColumnSpec | null>;
  errors: FieldError[];
}

export function mapHeaders(headers: string[], spec: ImportKindSpec): HeaderMap {
  const lookup = new Map<string, ColumnSpec>();
  for (const c of spec.columns) for (const h of [c.header, ...(c.aliases ?? [])]) lookup.set(normalizeHeader(h), c);
  const errors: FieldError[] = [];
  const seenFields = new Map<string, string>();
  const byIndex = headers.map((h) => {
    const n = normalizeHeader(h);
    if (!n || IGNORED.has(n)) return null;
    const c = lookup.get(n);
    if (!c) {
      errors.push({ field: '(header)', code: 'unknown_column', message: `未知的列「${h}」` });
      return null;
    }
    if (c.informational) return null;
    const prior = seenFields.get(c.field);
    if (prior) {
      errors.push({ field: c.field, code: 'duplicate_column', message: `列「${h}」与「${prior}」是同一项，只能保留一列` });
      return null;
    }
    seenFields.set(c.field, h);
    return c;
  });
  for (const f of spec.requiredFields) {
    if (!seenFields.has(f)) {
      const c = spec.columns.find((x) => x.field === f);
      errors.push({ field: f, code: 'missing_column', message: `缺少必填列「${c?.header ?? f}」` });
    }
  }
  return { byIndex, errors };
}

const LIST_SPLIT = /[、，,；;\s]+/;

/** 万元 text → whole yuan, exactly; null when not a number with at most 4 decimals. */
export function parseWanYuan(s: string): number | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(s.replace(/,/g, ''));
  if (!m) return null;
  const v = Number(m[2]) * 10_000 + Number((m[3] ?? '').padEnd(4, '0'));
  return Number.isSafeInteger(v) ? (m[1] ? -v : v) : null;
}

function fromLabel(labels: Record<string, string>, s: string): string | undefined {
  if (s in labels) return s;
  const hit = Object.entries(labels).find(([, label]) => label === s || label.replace(/[“”"]/g, '') === s.replace(/[“”"]/g, ''));
  return hit?.[0];
}

/** A cell's value for its field, or an error message. Empty cells are `undefined` (the schema's default applies). */
export function coerce(raw: string, col: ColumnType): { ok: true; value: unknown } | { ok: false; message: string } {
  const s = raw.trim();
  if (s === '') return { ok: true, value: undefined };
  switch (col.type) {
    case 'text':
      return { ok: true, value: s };
    case 'int':
    case 'yuan': {
      const t = s.replace(/,/g, '');
      if (!/^-?\d+(\.0+)?$/.test(t)) return { ok: false, message: col.type === 'yuan' ? '应为整数金额（单位：元）' : '应为整数' };
      return { ok: true, value: Number(t.replace(/\.0+$/, '')) };
    }
    case 'wanyuan': {
      const v = parseWanYuan(s);
      return v === null ? { ok: false, message: '应为金额（单位：万元，最多 4 位小数）' } : { ok: true, value: v };
    }
    case 'decimal': {
      const t = s.replace(/,/g, '');
      return /^-?\d+(\.\d+)?$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, message: '应为数字' };
    }
    case 'date': {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
      if (!m) return { ok: false, message: '应为日期，格式 YYYY-MM-DD' };
      return { ok: true, value: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` };
    }
    case 'list':
      return { ok: true, value: s.split(LIST_SPLIT).filter(Boolean) };
    case 'enum': {
      const code = fromLabel(col.labels, s);
      return code ? { ok: true, value: code } : { ok: false, message: `必须是以下之一：${Object.values(col.labels).join('、')}` };
    }
    case 'enumList': {
      const parts = s.split(LIST_SPLIT).filter(Boolean);
      const codes = parts.map((p) => fromLabel(col.labels, p));
      const bad = parts.filter((_, i) => !codes[i]);
      if (bad.length) return { ok: false, message: `无法识别「${bad.join('、')}」，可填：${Object.values(col.labels).join('、')}` };
      return { ok: true, value: col.as ? codes.map((c) => ({ [col.as!]: c })) : codes };
    }
  }
}

const pathCache = new Map<string, Array<string | number>>();

/** `contacts[0].name` → ['contacts', 0, 'name'] (parsed once per path). */
function pathParts(path: string): Array<string | number> {
  let parts = pathCache.get(path);
  if (!parts) {
    parts = path
      .split(/\.|\[(\d+)\]/)
      .filter((p) => p !== undefined && p !== '')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    pathCache.set(path, parts);
  }
  return parts;
}

/** Sets a dotted path (`contacts[0].name`) on an object. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = pathParts(path);
  let cur = target as Record<string | number, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    if (cur[key] === undefined) cur[key] = typeof parts[i + 1] === 'number' ? [] : {};
    cur = cur[key] as Record<string | number, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

/** The object a row stands for, and the cells that could not be read. */
export function assemble(cells: string[], map: HeaderMap): { input: Record<string, unknown>; errors: FieldError[] } {
  const input: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  map.byIndex.forEach((c, i) => {
    if (!c) return;
    const r = coerce(cells[i] ?? '', c.col);
    if (!r.ok) errors.push({ field: c.field, code: 'invalid_cell', message: r.message });
    else if (r.value !== undefined) setPath(input, c.field, r.value);
  });
  return { input, errors };
}
