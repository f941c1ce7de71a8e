import type { ProblemException } from '../../platform/http/problem.js';
import type { FieldError } from '../../platform/http/problem.js';

/**
 * Reading HTML form posts (application/x-www-form-urlencoded, parsed flat: a repeated name is an
 * array) into the shapes the API schemas expect, so a page validates exactly like the JSON API.
 * Amounts are typed in 万元 and converted exactly to whole yuan.
 */
export type FormBody = Record<string, string | string[] | undefined>;

/** The first value of a field, trimmed ('' when absent). */
export function field(body: FormBody | undefined, name: string): string {
  const v = body?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.trim() : '';
}

/** Every non-empty value of a repeated field (checkboxes, multi-selects, chips). */
export function fields(body: FormBody | undefined, name: string): string[] {
  const v = body?.[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A checkbox: present (any value but "false"/"0") means on. */
export const checked = (body: FormBody | undefined, name: string) => {
  const v = field(body, name);
  return v !== '' && v !== 'false' && v !== '0';
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Full-width digits and separators people type on Chinese keyboards → ASCII. */
export function normalizeNumber(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[,，\s]/g, '');
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * "1.5" 万元 → 15000 元, exactly (string arithmetic, no floating point); '' → null. At most four
 * decimals (1 元). The range itself is checked by the API schema.
 */
export function wanToYuan(input: string): Parsed<number | null> {
  const s = normalizeNumber(input);
  if (s === '') return { ok: true, value: null };
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, message: s.startsWith('-') ? '金额不能为负数' : '请输入数字金额（单位：万元）' };
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 4) return { ok: false, message: '金额最多精确到 0.0001 万元（1 元）' };
  const yuan = BigInt(m[1]) * 10_000n + BigInt((decimals || '0').padEnd(4, '0'));
  if (yuan > MAX_SAFE) return { ok: false, message: '金额不能超过 1 万亿元' };
  return { ok: true, value: Number(yuan) };
}

/** 15000 元 → "1.5" (万元), exact; null → ''. */
export function yuanToWan(yuan: number | null | undefined): string {
  if (yuan == null) return '';
  const negative = yuan < 0;
  const abs = BigInt(Math.abs(Math.trunc(yuan)));
  const whole = abs / 10_000n;
  const rest = (abs % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}

/** A decimal number (亩 and the like); '' → null. */
export function decimal(input: string): Parsed<number | null> {
  const s = normalizeNumber(input);
  if (s === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { ok: false, message: '请输入数字' };
  return { ok: true, value: Number(s) };
}

/** A whole number; '' → null. */
export function integer(input: string): Parsed<number | null> {
  const s = normalizeNumber(input);
  if (s === '') return { ok: true, value: null };
  if (!/^-?\d+$/.test(s)) return { ok: false, message: '请输入整数' };
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return { ok: false, message: '数字过大' };
  return { ok: true, value: n };
}

/** Field errors by form field name, for showing each message next to its input. */
export type ErrorMap = Record<string, string[]>;

/**
 * Groups the API's field errors (`investmentMaxYuan`, `contacts[0].email`) under the form's field
 * names. `rename` maps schema paths (or their prefixes) to form names; the rest keep their path.
 */
export function errorMap(errors: readonly FieldError[], rename: Record<string, string> | ((field: string) => string) = {}): ErrorMap {
  const out: ErrorMap = {};
  for (const e of errors) {
    let name = e.field;
    if (typeof rename === 'function') name = rename(name);
    else {
      for (const [from, to] of Object.entries(rename)) {
        if (name === from || name.startsWith(`${from}[`) || name.startsWith(`${from}.`)) {
          name = to + name.slice(from.length);
          break;
        }
      }
    }
    // array items belong to the list's input: industryCodes[2] → industryCodes
    const list = /^([A-Za-z]+)\[\d+\]$/.exec(name);
    if (list) name = list[1];
    (out[name] ??= []).includes(e.message) || out[name].push(e.message);
  }
  return out;
}

/** Merges error maps (form-level parse errors and schema errors). */
export function mergeErrors(...maps: ErrorMap[]): ErrorMap {
  const out: ErrorMap = {};
  for (const m of maps)
    for (const [k, v] of Object.entries(m)) out[k] = [...(out[k] ?? []), ...v.filter((x) => !(out[k] ?? []).includes(x))];
  return out;
}

/** A redirect target from a `next` parameter: only a local path (no scheme, no //host). */
export function safeNext(next: string | undefined | null, fallback: string): string {
  if (!next || typeof next !== 'string') return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n]/.test(next)) return fallback;
  return next;
}

const GENERIC_REQUIRED = new Set(['必填', '不能为空', '至少 1 项', '行政区划代码应为 6 位数字']);

/** Replaces the schema's generic "required" messages with a field's own wording ("请选择注册地"). */
export function withRequiredMessages(errors: ErrorMap, messages: Record<string, string>): ErrorMap {
  const out: ErrorMap = {};
  for (const [name, list] of Object.entries(errors)) {
    const mapped = list.map((m) => (GENERIC_REQUIRED.has(m) && messages[name] ? messages[name] : m));
    out[name] = [...new Set(mapped)];
  }
  return out;
}

/**
 * The form's own parse errors (an amount that is not a number) and the schema's: where the form
 * already explained a field, the schema's consequential "required" for it is left out.
 */
export function formAndSchemaErrors(form: ErrorMap, schema: ErrorMap): ErrorMap {
  const out: ErrorMap = { ...form };
  for (const [k, v] of Object.entries(schema)) if (!form[k]) out[k] = v;
  return out;
}

/** A refused write's reasons as form errors: its field errors, or its message at the top of the form. */
export function problemErrors(err: ProblemException, fieldFor: (f: string) => string): ErrorMap {
  return err.errors?.length ? errorMap(err.errors, fieldFor) : { _form: [err.message] };
}

/** The errors keyed in the form's order (the summary at the top lists them as the fields come); `_form` first, unknown names last. */
export function inFormOrder(errors: ErrorMap, order: readonly string[]): ErrorMap {
  const rank = (k: string) => (k === '_form' ? -1 : order.includes(k) ? order.indexOf(k) : order.length);
  const out: ErrorMap = {};
  for (const k of Object.keys(errors).sort((a, b) => rank(a) - rank(b))) out[k] = errors[k];
  return out;
}
