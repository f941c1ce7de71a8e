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
      for (const key of iss.keys) out.push({ field: fieldPath([...iss.path, key], prefix), code: 'unknown_field', message: '不允许的字段' });
    } else {
      out.push({ field: fieldPath(iss.path, prefix), code: iss.code, message: iss.message });
    }
  }
  return out;
}

/** Parses or throws a 400 problem naming each offending field (messages in Chinese). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(input, { error: zhErrorMap });
  if (r.success) return r.data;
  throw validationFailed(fieldErrors(r.error, prefix));
}

/** Parses, returning field errors instead of throwing (imports, forms). */
export function parseSafe<S extends z.ZodType>(schema: S, input: unknown, prefix = '') {
  const r = schema.safeParse(input, { error: zhErrorMap });
  return r.success ? ({ ok: true, value: r.data } as const) : ({ ok: false, errors: fieldErrors(r.error, prefix) } as const);
}
