/**
 * Writes the live OpenAPI document (the app booted on a throw-away test database) to a file, and
 * regenerates the committed client types from it: `npm run openapi:types`.
 * Usage: node --import ./test/support/ts-register.mjs scripts/openapi-dump.ts [out.json]
 */
import { writeFile } from 'node:fs/promises';
import globalSetup from '../test/support/global-setup.js';
import globalTeardown from '../test/support/global-teardown.js';
import { startTestApp } from '../test/support/app.js';
import { API_SCHEMA_FILE, apiTypesFrom } from '../test/support/openapi-types.js';

await globalSetup();
const t = await startTestApp();
try {
  const doc = (await (await fetch(`${t.url}/docs/openapi.json`)).json()) as Record<string, unknown>;
  const out = process.argv[2];
  if (out) await writeFile(out, JSON.stringify(doc, null, 2) + '\n');
  else await writeFile(API_SCHEMA_FILE, await apiTypesFrom(doc));
  console.log(`wrote ${out ?? API_SCHEMA_FILE}`);
} finally {
  await t.close();
  await globalTeardown();
}
