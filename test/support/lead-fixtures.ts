import { EnterprisesService } from '../../src/enterprises/enterprises.service.js';
import { registerEnterpriseSchema } from '../../src/enterprises/enterprise.schemas.js';
import { parseOrThrow } from '../../src/platform/validation/zod-validation.js';
import { createProjectSchema } from '../../src/projects/project.schemas.js';
import { ProjectsService } from '../../src/projects/projects.service.js';
import type { TestApp } from './app.js';
import { enterpriseBody, nextUscc, projectBody } from './factories.js';

/** Test data for the leads tests, written through the real services. */
export function leadFixtures(t: TestApp) {
  let seq = 0;
  return {
    async enterprise(over: Record<string, unknown> = {}) {
      const input = parseOrThrow(
        registerEnterpriseSchema,
        enterpriseBody({ uscc: nextUscc('410223'), name: `测试企业${++seq}有限公司`, ...over }),
      );
      return t.get(EnterprisesService).register(input);
    },
    async project(over: Record<string, unknown> = {}) {
      const input = parseOrThrow(createProjectSchema, projectBody({ code: `LT-${process.pid}-${++seq}`, ...over }));
      return t.get(ProjectsService).create(input);
    },
  };
}

/** The trigger-kept lead_count rows equal a fresh count of the lead table. */
export async function countsAgree(t: TestApp): Promise<{ kept: unknown[]; actual: unknown[] }> {
  const actual = await t.dataSource.query(
    `SELECT region_code, stage, coalesce(owner_id, 0) AS owner_key, source, count(*)::int AS n FROM lead GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  );
  const kept = await t.dataSource.query(`SELECT region_code, stage, owner_key, source, n FROM lead_count WHERE n <> 0 ORDER BY 1, 2, 3, 4`);
  return { kept, actual };
}
