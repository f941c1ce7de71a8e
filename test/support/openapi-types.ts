import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** The committed client types (test/support/api-schema.d.ts), generated from /docs/openapi.json. */
export const API_SCHEMA_FILE = fileURLToPath(new URL('./api-schema.d.ts', import.meta.url));

const HEADER = `/**
 * Generated from /docs/openapi.json by openapi-typescript — do not edit.
 * Regenerate: npm run openapi:types (test/e2e/openapi.e2e.spec.ts fails when this file is stale).
 */

`;

/** The TypeScript types of an OpenAPI document, exactly as committed. */
export async function apiTypesFrom(doc: Record<string, unknown>): Promise<string> {
  // defaultNonNullable off: a request field with a default (note: '') may be left out, so it must stay optional
  const ast = await openapiTS(doc as never, { alphabetize: true, defaultNonNullable: false });
  return HEADER + astToString(ast);
}
