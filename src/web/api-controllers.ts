import { HttpStatus, Injectable, type Type } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Actor, Role } from '../auth/actor.js';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '../auth/decorators.js';
import { ProblemException } from '../platform/http/problem.js';

/**
 * The JSON API's controllers, used by the page controllers as use cases: a form post that changes
 * something (publish a project, verify a certification, say 感兴趣…) calls the same controller
 * method the API route calls — after validating the form with the same zod schema — so a page
 * applies exactly the API's object-level access rules and writes the same audit entries. The
 * route-level rules (@Public/@Roles of that method and its class) are checked here the way the
 * global guard checks them, so a page cannot reach a method its caller could not call over HTTP.
 * Reads use the services directly (pages need entities, not API views).
 */
@Injectable()
export class ApiControllers {
  private readonly cache = new Map<Type, unknown>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly reflector: Reflector,
  ) {}

  private instance<T>(type: Type<T>): T {
    const cached = this.cache.get(type) as T | undefined;
    if (cached) return cached;
    const c = this.moduleRef.get(type, { strict: false });
    this.cache.set(type, c);
    return c;
  }

  /** The controller, each method guarded by its route's role rules for `actor`. */
  as<T extends object>(actor: Actor | null | undefined, type: Type<T>): T {
    const target = this.instance(type);
    return new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          this.assertAllowed(actor ?? null, type, value as (...a: unknown[]) => unknown);
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      },
    });
  }

  /** The global AuthGuard's route rule, for a direct call. */
  assertAllowed(actor: Actor | null, type: Type, handler: (...a: unknown[]) => unknown): void {
    const methodPublic = this.reflector.get<boolean | undefined>(PUBLIC_ROUTE, handler);
    const methodRoles = this.reflector.get<Role[] | undefined>(ROUTE_ROLES, handler);
    const roles = methodRoles ?? (methodPublic ? undefined : this.reflector.get<Role[] | undefined>(ROUTE_ROLES, type));
    const isPublic = methodPublic ?? (methodRoles ? false : (this.reflector.get<boolean | undefined>(PUBLIC_ROUTE, type) ?? false));
    if (isPublic && !roles) return;
    if (!actor) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', '请先登录');
    if (roles && !roles.includes(actor.role)) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '无权访问');
  }
}
