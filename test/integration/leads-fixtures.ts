import { EnterprisesService } from '../../src/enterprises/enterprises.service.js';
import { registerEnterpriseSchema } from '../../src/enterprises/enterprise.schemas.js';
import { parseOrThrow } from '../../src/platform/validation/zod-validation.js';
import { createProjectSchema } from '../../src/projects/project.schemas.js';
import { ProjectsService } from '../../src/projects/projects.service.js';
import type { TestApp } from '../support/app.js';
import { enterpriseBody, nextUscc, projectBody } from '../support/factories.js';

/** Test data for the leads tests, written through the real services. */
export function leadFixtures(t: TestApp) {
  let seq = 0;
  return {
    async enterprise(over: Record<string, unknown> = {}) {
      const input = parseOrThrow(registerEnterpriseSchema, enterpriseBody({ uscc: nextUscc('410223'), name: `测试企业${++seq}有限公司`, ...over }));
      return t.get(EnterprisesService).register(input);
    },
    async project(over: Record<string, unknown> = {}) {
      const input = parseOrThrow(createProjectSchema, projectBody({ code: `LT-${process.pid}-${++seq}`, ...over }));
      return t.get(ProjectsService).create(input);
    },
  };
}
