import { SetMetadata } from '@nestjs/common';

/**
 * The metadata key that opens a route to anonymous callers. Routes are closed by default; the
 * access module's guard reads this key (and its own role rules), so platform routes such as
 * /health can be public without platform/ naming the access module.
 */
export const PUBLIC_ROUTE = 'auth:public';

/** Opens a route (or a controller) to everyone; the actor may still be present. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
