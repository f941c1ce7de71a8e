import { Body, Param, type PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { notFound } from '../http/problem.js';
import { isDbId, MAX_DB_ID } from './common.js';
import { parseOrThrow } from './zod-validation.js';

export class ZodPipe<S extends z.ZodType> implements PipeTransform {
  constructor(
    private readonly schema: S,
    private readonly prefix = '',
  ) {}
  transform(value: unknown): z.output<S> {
    // the CSRF field of browser forms is transport, not data
    if (value && typeof value === 'object' && !Array.isArray(value) && '_csrf' in value) {
      const { _csrf: _, ...rest } = value as Record<string, unknown>;
      value = rest;
    }
    return parseOrThrow(this.schema, value, this.prefix);
  }
}

/** JSON Schema (OpenAPI 3.0 flavour) of a zod schema, for /docs. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

function methodDescriptor(target: object, key: string | symbol | undefined): PropertyDescriptor {
  return Object.getOwnPropertyDescriptor(target, key!)!;
}

/** Request body validated by a zod schema (unknown fields rejected when the schema is strict) and documented. */
export const ZodBody =
  (schema: z.ZodType): ParameterDecorator =>
  (target, key, index) => {
    Body(new ZodPipe(schema))(target, key, index);
    ApiBody({ schema: openApiSchema(schema) as never })(target, key!, methodDescriptor(target, key));
  };

/** Query string validated by a zod object schema; each property documented as a query parameter. */
export const ZodQuery =
  (schema: z.ZodObject): ParameterDecorator =>
  (target, key, index) => {
    Query(new ZodPipe(schema, ''))(target, key, index);
    const json = openApiSchema(schema) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: s as never })(target, key!, methodDescriptor(target, key));
    }
  };

const positiveId = z.coerce.number().int().min(1).max(2 ** 53 - 1);

/**
 * The pipe of every numeric path id: a non-numeric id is a 400 naming the parameter; a number no
 * row can have (above 2³¹−1, the integer columns' limit) is a 404 like any other unknown id.
 */
export class IdParamPipe implements PipeTransform {
  private readonly parse: ZodPipe<typeof positiveId>;
  constructor(private readonly name: string) {
    this.parse = new ZodPipe(positiveId, name);
  }
  transform(value: unknown): number {
    const id = this.parse.transform(value);
    if (!isDbId(id)) throw notFound('资源');
    return id;
  }
}

/** A numeric id path parameter (`:id` by default), parsed by {@link IdParamPipe}. */
export const IdParam =
  (name = 'id'): ParameterDecorator =>
  (target, key, index) => {
    Param(name, new IdParamPipe(name))(target, key, index);
    ApiParam({ name, schema: { type: 'integer', minimum: 1, maximum: MAX_DB_ID } })(target, key!, methodDescriptor(target, key));
  };
