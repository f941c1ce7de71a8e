import { createConfig, lintFromString } from '@redocly/openapi-core';
import { http, startTestApp, type TestApp } from '../support/app.js';

type Operation = {
  summary?: string;
  security?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The OpenAPI document at /docs/openapi.json: complete, and clean under Redocly's recommended rules. */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  let source: string;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })));

  beforeAll(async () => {
    t = await startTestApp();
    const r = await http<Doc>(t.url, 'GET', '/docs/openapi.json');
    expect(r.status).toBe(200);
    doc = r.body;
    source = JSON.stringify(r.body);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('passes `redocly lint` with the recommended rules: 0 errors', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warn');
    console.log(`redocly lint (recommended): ${errors.length} errors, ${warnings.length} warnings over ${operations().length} operations`);
    expect(errors.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it('declares bearer and cookie security, and every operation states its requirement (public ones: none)', () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'cookie']);
    for (const { path, method, op } of operations()) {
      expect([path, method, Array.isArray(op.security)]).toEqual([path, method, true]);
    }
    expect(doc.paths['/auth/login']!.post!.security).toEqual([]);
    expect(doc.paths['/regions']!.get!.security).toEqual([]);
    expect(doc.paths['/leads']!.get!.security).toEqual([{ bearer: [] }, { cookie: [] }]);
  });

  it('lists the problem responses of each operation as RFC 9457 problem documents', () => {
    const problem = (op: Operation, status: string) => op.responses[status]?.$ref;
    const stage = doc.paths['/leads/{id}/stage']!.post!;
    expect(['400', '401', '403', '404'].map((s) => problem(stage, s))).toEqual([
      '#/components/responses/BadRequest',
      '#/components/responses/Unauthorized',
      '#/components/responses/Forbidden',
      '#/components/responses/NotFound',
    ]);
    expect(problem(doc.paths['/auth/login']!.post!, '429')).toBe('#/components/responses/TooManyRequests');
    expect(problem(doc.paths['/auth/login']!.post!, '401')).toBe('#/components/responses/Unauthorized');
    expect(doc.components.schemas.Problem).toMatchObject({ type: 'object', required: ['type', 'title', 'status'] });
  });
});
