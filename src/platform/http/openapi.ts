import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  type INestApplication,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  StreamableFile,
} from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import { z } from 'zod';
import { statusTitle } from './problem.js';

/**
 * The OpenAPI document is built from the same zod schemas that validate the API:
 *  - `@ZodBody`/`@ZodQuery`/`@ZodParam`/`@IdParam` (validation/zod-http.ts) document the inputs;
 *  - `@ZodResponse(schema)` documents the answer (and lets the test app check real answers against it);
 *  - named schemas (`apiSchema('Lead', schema)`, or a name derived from the operation) become
 *    `components.schemas`, referenced by `$ref`;
 *  - `completeDocument` adds, for every operation, its security requirement (from the route's access
 *    rule, see ROUTE_ACCESS) and its problem responses: 400 when it takes input, 401/403 unless public,
 *    404 when it has path parameters, plus those named by `@ApiProblems` (409, 413, 429, …).
 */

/** Every schema that appears in `components.schemas`, by name. */
export const apiSchemas = z.registry<{ id: string }>();
const byName = new Map<string, z.ZodType>();

/** Names a schema: it becomes `components.schemas.<name>` and is referenced wherever it is used. */
export function apiSchema<S extends z.ZodType>(name: string, schema: S): S {
  const existing = apiSchemas.get(schema)?.id;
  if (existing === name) return schema;
  if (existing) throw new Error(`OpenAPI: schema already named ${existing}, not ${name}`);
  if (byName.has(name)) throw new Error(`OpenAPI: two different schemas named ${name}`);
  apiSchemas.add(schema, { id: name });
  byName.set(name, schema);
  return schema;
}

/** `$ref` to a schema, naming it `fallback` (made unique) if it has no name yet. */
export function schemaRef(schema: z.ZodType, fallback: string): { $ref: string } {
  let name = apiSchemas.get(schema)?.id;
  if (!name) {
    name = fallback;
    for (let i = 2; byName.has(name); i++) name = `${fallback}${i}`;
    apiSchema(name, schema);
  }
  return { $ref: `#/components/schemas/${name}` };
}

/** `LeadsController.changeStage` → `LeadsChangeStage`. */
export function operationName(target: object, key: string | symbol): string {
  const cls = (target as { constructor: { name: string } }).constructor.name.replace(/Controller$/, '');
  const method = String(key);
  return cls + method.charAt(0).toUpperCase() + method.slice(1);
}

export const ZOD_RESPONSE = 'openapi:zod-response';
const API_PROBLEMS = 'openapi:problems';

export interface ZodResponseMeta {
  status: number;
  schema: z.ZodType;
}

/**
 * The JSON answer of an operation, documented from its zod schema (status: the route's success status
 * unless given; an operation that answers two ways, e.g. 201 and 200, lists each).
 */
export function ZodResponse(schema: z.ZodType, opts: { status?: number | number[]; description?: string } = {}): MethodDecorator {
  return (target, key, descriptor) => {
    const statuses = Array.isArray(opts.status) ? opts.status : [opts.status ?? defaultStatus(target, descriptor)];
    const ref = schemaRef(schema, `${operationName(target, key)}Response`);
    const metas: ZodResponseMeta[] = [];
    for (const status of statuses) {
      ApiResponse({ status, description: opts.description ?? successText(status), content: { 'application/json': { schema: ref } } })(
        target,
        key,
        descriptor,
      );
      metas.push({ status, schema });
    }
    SetMetadata(ZOD_RESPONSE, metas)(target, key, descriptor);
  };
}

/** A file download (XLSX/CSV …): the answer is the file itself. */
export function FileResponse(...types: string[]): MethodDecorator {
  return applyDecorators(
    ApiProduces(...types),
    ApiResponse({
      status: 200,
      description: '文件',
      content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
    }),
  );
}

/** A page for people (the signed links in e-mails): HTML for each status given. */
export function HtmlResponse(statuses: Record<number, string>): MethodDecorator {
  return applyDecorators(
    ...Object.entries(statuses).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, content: { 'text/html': { schema: { type: 'string' } } } }),
    ),
  );
}

/** The signed or single-use `?token=` of an e-mailed link. */
export const TokenQuery = (description: string) =>
  ApiQuery({ name: 'token', required: true, description, schema: { type: 'string', minLength: 1, maxLength: 2048 } });

/** Problem responses beyond the ones every operation gets from its shape (see completeDocument). */
export const ApiProblems = (...statuses: number[]) => SetMetadata(API_PROBLEMS, statuses);

function defaultStatus(target: object, descriptor: PropertyDescriptor): number {
  const code = Reflect.getMetadata('__httpCode__', descriptor.value) as number | undefined;
  if (code) return code;
  const method = Reflect.getMetadata(METHOD_METADATA, descriptor.value) as number | undefined;
  return method === 1 /* RequestMethod.POST */ ? 201 : 200;
}

function successText(status: number): string {
  return { 200: 'OK', 201: '已创建', 202: '已受理', 204: '无内容' }[status] ?? 'OK';
}

/** RFC 9457 problem document, the one error shape of the API. */
export const problemSchema = apiSchema(
  'Problem',
  z
    .object({
      type: z.string().describe('urn:investmatch:problem:<kind>'),
      title: z.string(),
      status: z.number().int(),
      detail: z.string().optional(),
      instance: z.string().optional(),
      errors: z
        .array(
          z.object({
            field: z.string().describe('dotted path of the offending input, e.g. `contacts[0].email`'),
            code: z.string(),
            message: z.string(),
          }),
        )
        .optional(),
    })
    .describe('RFC 9457 problem details (application/problem+json)'),
);

/** Who may call a route, as the access module's guard decides it. */
export interface RouteAccess {
  public: boolean;
  roles?: readonly string[];
}

/** Provided by the access module: the access rule of a route, and the session cookie's name. */
export const ROUTE_ACCESS = Symbol('RouteAccess');
export interface RouteAccessDescriber {
  cookieName: string;
  describe(handler: object, controller: object): RouteAccess;
}

const PROBLEM_RESPONSES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
};

const PROBLEM_TEXT: Record<number, string> = {
  400: '输入无效：errors 逐项列出字段（field）、规则（code）与原因（message）',
  401: '未登录，或令牌/会话无效',
  403: '无权访问（角色或辖区不符）',
  404: '对象不存在（或不在调用者可见范围内）',
  409: '与现有数据冲突（重复、状态不允许）',
  413: '请求体或文件过大',
  415: '不支持的媒体类型',
  429: '请求过于频繁，稍后再试（Retry-After）',
  503: '依赖的服务暂不可用',
};

/**
 * OpenAPI 3.0 spellings Redocly's rules want: a nullable reference keeps a `type` beside `nullable`,
 * and a lone `allOf: [$ref]` (zod's way to attach nothing to a reference) is the reference itself.
 */
function tidy(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(tidy);
  const o = node as Record<string, unknown>;
  for (const v of Object.values(o)) tidy(v);
  const allOf = o.allOf as unknown[] | undefined;
  if (allOf?.length === 1 && Object.keys(o).length === 1) {
    delete o.allOf;
    Object.assign(o, allOf[0]);
  } else if (o.nullable === true && o.type === undefined && (allOf || o.anyOf || o.oneOf)) {
    o.type = 'object';
  }
}

interface Handler {
  controller: object;
  handler: object;
}

/** operationId (swagger's default `<Controller>_<method>`) → the route's class and handler. */
function handlersByOperation(app: INestApplication): Map<string, Handler> {
  const out = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as { name: string; prototype: Record<string, unknown> } | null;
      if (!cls?.prototype) continue;
      for (const key of Object.getOwnPropertyNames(cls.prototype)) {
        const fn = cls.prototype[key];
        if (typeof fn !== 'function' || key === 'constructor' || Reflect.getMetadata(PATH_METADATA, fn) === undefined) continue;
        out.set(`${cls.name}_${key}`, { controller: cls, handler: fn });
      }
    }
  }
  return out;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

type Operation = {
  operationId?: string;
  summary?: string;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
};

/** Components, security and problem responses of every operation (see the top of this file). */
export function completeDocument(app: INestApplication, doc: OpenAPIObject): OpenAPIObject {
  const access = app.get<RouteAccessDescriber>(ROUTE_ACCESS, { strict: false });
  const handlers = handlersByOperation(app);
  const { schemas } = z.toJSONSchema(apiSchemas, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
    tidy(s);
  }

  const used = new Set<number>();
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const h = op.operationId ? handlers.get(op.operationId) : undefined;
      if (!h) throw new Error(`OpenAPI: no handler found for operation ${op.operationId}`);
      const rule = access.describe(h.handler, h.controller);
      op.security = rule.public ? [] : [{ bearer: [] }, { cookie: [] }];
      const problems = new Set<number>();
      if (op.requestBody || op.parameters?.length) problems.add(400);
      if (!rule.public) problems.add(401).add(403);
      if (op.parameters?.some((p) => p.in === 'path')) problems.add(404);
      for (const s of (Reflect.getMetadata(API_PROBLEMS, h.handler) as number[] | undefined) ?? []) problems.add(s);
      for (const s of [...problems].sort()) {
        op.responses[String(s)] ??= { $ref: `#/components/responses/${PROBLEM_RESPONSES[s]}` };
        used.add(s);
      }
      if (rule.roles?.length && !rule.public) {
        const note = `Roles: ${rule.roles.join(', ')}.`;
        (op as { description?: string }).description = [(op as { description?: string }).description, note].filter(Boolean).join('\n\n');
      }
    }
  }

  const responses: Record<string, unknown> = {};
  for (const s of [...used].sort()) {
    responses[PROBLEM_RESPONSES[s]!] = {
      description: `${statusTitle(s)}：${PROBLEM_TEXT[s]}`,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  doc.components = {
    ...doc.components,
    schemas: { ...(doc.components?.schemas ?? {}), ...schemas } as never,
    responses: responses as never,
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: 'API clients: the token answered by POST /auth/login (`Authorization: Bearer <token>`).',
      },
      cookie: {
        type: 'apiKey',
        in: 'cookie',
        name: access.cookieName,
        description: 'Browsers: the session cookie set by the login page; unsafe methods also need the CSRF token (`x-csrf-token`).',
      },
    },
  };
  return doc;
}

/** A point in time as the API writes it (a Date becomes an ISO 8601 string in JSON). */
export const timestamp = z.iso.datetime({ offset: true });

/** The paged list answer `{items, total, page, pageSize}` of a named item schema. */
export function pageOf<S extends z.ZodType>(item: S) {
  return z.strictObject({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

/** What JSON makes of a value: Dates become strings (for checking a view function against its schema). */
export type Wire<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/**
 * Compile-time check that a view function answers what its schema describes:
 * `const ok: Describes<typeof leadSchema, typeof leadView> = true` fails to type-check when a field's
 * type differs or a field the schema requires is missing (extra fields are caught at run time: the
 * schemas are strict and the test app parses every answer, see ResponseSchemaInterceptor).
 */
export type Describes<S extends z.ZodType, F extends (...args: never[]) => unknown> = Wire<ReturnType<F>> extends z.input<S> ? true : never;

/** The documented schema of a handler's answer with the status it is sent with (undefined: undocumented). */
export function responseSchemaFor(handler: object, status: number): z.ZodType | undefined {
  const metas = Reflect.getMetadata(ZOD_RESPONSE, handler) as ZodResponseMeta[] | undefined;
  return metas?.find((m) => m.status === status)?.schema;
}

/**
 * Test-mode guard against drift: every JSON answer of a route with `@ZodResponse` is parsed with the
 * documented schema before it leaves; a mismatch is a 500 naming the operation and the fields.
 */
@Injectable()
export class ResponseSchemaInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const handler = ctx.getHandler();
    const metas = Reflect.getMetadata(ZOD_RESPONSE, handler) as ZodResponseMeta[] | undefined;
    if (!metas?.length) return next.handle();
    const res = ctx.switchToHttp().getResponse<{ statusCode: number }>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (body === undefined || body instanceof StreamableFile) return body;
        const explicit = res.statusCode !== 200 ? metas.find((m) => m.status === res.statusCode) : undefined;
        const meta = explicit ?? metas.find((m) => m.status === defaultStatus(ctx.getClass().prototype, { value: handler })) ?? metas[0]!;
        const r = meta.schema.safeParse(JSON.parse(JSON.stringify(body)));
        if (!r.success) {
          const where = `${ctx.getClass().name}.${handler.name}`;
          const issues = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
          throw new Error(`answer of ${where} does not match its documented schema: ${issues.join('; ')}`);
        }
        return body;
      }),
    );
  }
}

/** The keys of a vocabulary record (`{ draft: '草稿', … }`) as a zod enum. */
export function enumOf<T extends Record<string, unknown>>(vocabulary: T) {
  return z.enum(Object.keys(vocabulary) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]]);
}
