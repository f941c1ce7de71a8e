import { HttpStatus } from '@nestjs/common';

/** One offending input field: where (dotted path, e.g. `contacts[0].email`), what rule, and why in words. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details, the one error shape of the API. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  308: '已迁移',
  400: '请求无效',
  401: '未登录',
  403: '无权访问',
  404: '未找到',
  405: '方法不允许',
  409: '冲突',
  413: '请求体过大',
  415: '不支持的媒体类型',
  422: '无法处理',
  429: '请求过于频繁',
  500: '服务器内部错误',
  503: '服务暂不可用',
};

/** Thrown anywhere in the app to answer with a problem document. */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    detail?: string,
    readonly errors?: FieldError[],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? TITLES[status] ?? type);
  }

  body(instance?: string): ProblemBody {
    return {
      type: this.type.includes(':') ? this.type : `urn:investmatch:problem:${this.type}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const validationFailed = (errors: FieldError[], detail = '输入校验失败') =>
  new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', detail, errors);
export const notFound = (what: string) => new ProblemException(HttpStatus.NOT_FOUND, 'not-found', `${what}不存在`);
export const conflict = (type: string, detail: string, errors?: FieldError[]) =>
  new ProblemException(HttpStatus.CONFLICT, type, detail, errors);
export const forbidden = (detail = '无权执行此操作') => new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', detail);

export function statusTitle(status: number): string {
  return TITLES[status] ?? 'Error';
}

/**
 * The same problem with its fields named under `prefix`: an operation reused for a part of a larger
 * body (the enterprise of a sign-up) names the field as the caller sent it, in 400s and 409s alike.
 */
export function underField(err: unknown, prefix: string): unknown {
  if (!(err instanceof ProblemException) || !err.errors?.length) return err;
  const errors = err.errors.map((e) => ({ ...e, field: e.field === '(body)' ? prefix : `${prefix}.${e.field}` }));
  return new ProblemException(err.status, err.type, err.message, errors, err.extensions);
}

/**
 * The record now lives under another id (merged): 308 for the API (301 for pages), the Location
 * being the request's path with the old id's segment replaced by the new one.
 */
export const movedPermanently = (fromId: number, toId: number, detail = '该记录已合并，请使用新的地址') =>
  new ProblemException(308, 'moved-permanently', detail, undefined, { movedFrom: fromId, movedTo: toId });

/** The Location of a moved record for a request path (null when the problem is no move). */
export function movedLocation(originalUrl: string, problem: { status: number; movedFrom?: unknown; movedTo?: unknown }): string | null {
  if (problem.status !== 308 || typeof problem.movedFrom !== 'number' || typeof problem.movedTo !== 'number') return null;
  return originalUrl.replace(new RegExp(`/${problem.movedFrom}(?=[/?#]|$)`), `/${problem.movedTo}`);
}
