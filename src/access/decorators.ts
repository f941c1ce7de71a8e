import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { PUBLIC_ROUTE } from '../platform/http/public-route.js';
import type { Actor, Role } from './actor.js';

export { Public, PUBLIC_ROUTE } from '../platform/http/public-route.js';
export const ROUTE_ROLES = 'auth:roles';

/**
 * Routes are closed by default: the global guard answers 401 to anonymous callers and 403 to
 * the wrong role. `@Public()` opens a route to everyone (the actor may still be present);
 * `@Roles(...)` limits it to roles. Object-level rules (region scope, own enterprise) are checked
 * in the services with the helpers of actor.ts.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROUTE_ROLES, roles);
export const StaffOnly = () => Roles('admin', 'bureau_lead', 'officer');

/**
 * The access rule of a route: the method's own marking wins over its controller's (`@Public()` on a
 * method of a `@StaffOnly()` class is public). The guard enforces it; the OpenAPI document shows it.
 */
export function routeAccess(handler: object, controller: object): { public: boolean; roles?: Role[] } {
  const methodPublic = Reflect.getMetadata(PUBLIC_ROUTE, handler) as boolean | undefined;
  const methodRoles = Reflect.getMetadata(ROUTE_ROLES, handler) as Role[] | undefined;
  const roles = methodRoles ?? (methodPublic ? undefined : (Reflect.getMetadata(ROUTE_ROLES, controller) as Role[] | undefined));
  const isPublic =
    methodPublic ?? (methodRoles ? false : ((Reflect.getMetadata(PUBLIC_ROUTE, controller) as boolean | undefined) ?? false));
  return { public: isPublic && !roles, ...(roles ? { roles } : {}) };
}

/** The authenticated actor of the request, or null on a public route called anonymously. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => {
  const req = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  return req.actor ?? null;
});
