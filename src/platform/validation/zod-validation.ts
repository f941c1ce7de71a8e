import { z } from 'zod';
import { validationFailed, type FieldError } from '../http/problem.js';
import { zhErrorMap } from './zod-zh.js';

/** `contacts[0].email` from zod's path array. */
export function fieldPath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(body)';
}

/** Flattens zod issues into the API's field errors; each unknown key becomes its own entry. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const iss of error.issues) {
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys)
        out.push({ field: fieldPath([...iss.path, key], prefix), code: 'unknown_field', message: '不允许的字段' });
    } else {
      // a custom rule may name its own code (`params: {code: 'uscc_check_digit'}`), so clients can tell rules apart
      const own = iss.code === 'custom' ? (iss.params as { code?: unknown } | undefined)?.code : undefined;
      out.push({ field: fieldPath(iss.path, prefix), code: typeof own === 'string' ? own : iss.code, message: iss.message });
    }
  }
  return out;
}

const NUL_MESSAGE = '不能包含空字符（U+0000）';

/**
 * Fields whose text holds U+0000. PostgreSQL text cannot store it (it would fail the query with a
 * 500), and no real name, title or address contains it, so it is refused before any schema runs.
 */
export function nulFieldErrors(input: unknown, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  const walk = (v: unknown, path: PropertyKey[], depth: number) => {
    if (out.length >= 20 || depth > 32) return;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) out.push({ field: fieldPath(path, prefix), code: 'nul_character', message: NUL_MESSAGE });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], depth + 1));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000'))
          out.push({ field: fieldPath([...path, k.replaceAll('\u0000', '\\u0000')], prefix), code: 'nul_character', message: NUL_MESSAGE });
        else walk(x, [...path, k], depth + 1);
      }
    }
  };
  walk(input, [], 0);
  return out;
}

/** Parses or throws a 400 problem naming each offending field (messages in Chinese). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const nul = nulFieldErrors(input, prefix);
  if (nul.length) throw validationFailed(nul);
  const r = schema.safeParse(input, { error: zhErrorMap });
  if (r.success) return r.data;
  throw validationFailed(fieldErrors(r.error, prefix));
}

/** Parses, returning field errors instead of throwing (imports, forms). */
export function parseSafe<S extends z.ZodType>(schema: S, input: unknown, prefix = '') {
  const nul = nulFieldErrors(input, prefix);
  if (nul.length) return { ok: false, errors: nul } as const;
  const r = schema.safeParse(input, { error: zhErrorMap });
  return r.success ? ({ ok: true, value: r.data } as const) : ({ ok: false, errors: fieldErrors(r.error, prefix) } as const);
}
