import { Injectable, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

/**
 * The JSON API's controllers, used by the page controllers as use cases: a form post that changes
 * something (publish a project, verify a certification, move a lead…) calls the same controller
 * method the API route calls — after validating the form with the same zod schema — so a page
 * applies exactly the API's object-level access rules and writes the same audit entries. Reads
 * use the services directly (pages need entities, not API views).
 */
@Injectable()
export class ApiControllers {
  private readonly cache = new Map<Type, unknown>();

  constructor(private readonly moduleRef: ModuleRef) {}

  get<T>(type: Type<T>): T {
    const cached = this.cache.get(type) as T | undefined;
    if (cached) return cached;
    const c = this.moduleRef.get(type, { strict: false });
    this.cache.set(type, c);
    return c;
  }
}
