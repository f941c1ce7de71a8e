import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from './actor.js';

export const PUBLIC_ROUTE = 'auth:public';
export const ROUTE_ROLES = 'auth:roles';

/**
 * Routes are closed by default: the global guard answers 401 to anonymous callers and 403 to
 * the wrong role. `@Public()` opens a route to everyone (the actor may still be present);
 * `@Roles(...)` limits it to roles. Object-level rules (region scope, own enterprise) are checked
 * in the services with the helpers of actor.ts.
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
export const Roles = (...roles: Role[]) => SetMetadata(ROUTE_ROLES, roles);
export const StaffOnly = () => Roles('admin', 'bureau_lead', 'officer');

/** The authenticated actor of the request, or null on a public route called anonymously. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => {
  const req = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  return req.actor ?? null;
});
