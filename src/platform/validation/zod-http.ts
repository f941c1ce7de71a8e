import { Body, Param, type PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { operationName, schemaRef } from '../http/openapi.js';
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

/**
 * Request body validated by a zod schema (unknown fields rejected when the schema is strict) and
 * documented as a named component (the schema's own name, else `<Controller><Method>Request`).
 */
export const ZodBody =
  (schema: z.ZodType): ParameterDecorator =>
  (target, key, index) => {
    Body(new ZodPipe(schema))(target, key, index);
    ApiBody({ schema: schemaRef(schema, `${operationName(target, key!)}Request`) as never, required: true })(
      target,
      key!,
      methodDescriptor(target, key),
    );
  };

/** A path parameter validated by a zod schema (an enum of kinds, a code) and documented. */
export const ZodParam =
  (name: string, schema: z.ZodType, description?: string, field = name): ParameterDecorator =>
  (target, key, index) => {
    Param(name, new ZodPipe(schema, field))(target, key, index);
    ApiParam({ name, schema: openApiSchema(schema) as never, ...(description ? { description } : {}) })(
      target,
      key!,
      methodDescriptor(target, key),
    );
  };

/** Query string validated by a zod object schema; each property documented as a query parameter. */
export const ZodQuery =
  (schema: z.ZodObject): ParameterDecorator =>
  (target, key, index) => {
    Query(new ZodPipe(schema, ''))(target, key, index);
    const json = openApiSchema(schema) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = s as { description?: string };
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: rest as never, ...(description ? { description } : {}) })(
        target,
        key!,
        methodDescriptor(target, key),
      );
    }
  };

const positiveId = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 53 - 1);

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

/** A numeric id path parameter (`:id` by default), parsed by {@link IdParamPipe} (its errors name `field`). */
export const IdParam =
  (name = 'id', field = name): ParameterDecorator =>
  (target, key, index) => {
    Param(name, new IdParamPipe(field))(target, key, index);
    ApiParam({ name, schema: { type: 'integer', minimum: 1, maximum: MAX_DB_ID } })(target, key!, methodDescriptor(target, key));
  };
