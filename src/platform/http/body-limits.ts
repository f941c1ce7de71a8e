/**
 * Routes whose request bodies may exceed the global 1 MB cap (long texts that are validated field
 * by field, so an oversized one is a 400 naming the field rather than a bare 413). A module
 * registers its path prefixes when it is loaded; configureHttp installs the parsers.
 */
const larger = new Map<string, string>();

export function allowLargerBodies(pathPrefix: string, limit: string): void {
  larger.set(pathPrefix, limit);
}

export const largerBodyRoutes = (): ReadonlyMap<string, string> => larger;
