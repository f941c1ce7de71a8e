import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { registerEnterpriseSchema } from '../enterprises/enterprise.schemas.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { parseOrThrow } from '../platform/validation/zod-validation.js';
import { Policy } from '../policies/policy.entity.js';
import { createPolicySchema } from '../policies/policy.schemas.js';
import { PoliciesService } from '../policies/policies.service.js';
import { Project } from '../projects/project.entity.js';
import { createProjectSchema } from '../projects/project.schemas.js';
import { ProjectsService } from '../projects/projects.service.js';
import { Bureau } from '../auth/bureau.entity.js';
import { User } from '../auth/user.entity.js';
import { UsersService } from '../auth/users.service.js';
import { DEMO_PASSWORD, demoBureaus, demoUsers } from './demo-accounts.js';
import { demoEnterprises, demoPolicies, demoProjects } from './demo-data.js';

export interface SeedReport {
  policies: { created: number; existing: number };
  projects: { created: number; existing: number };
  enterprises: { created: number; existing: number };
  users: { created: number; existing: number };
}

/**
 * Loads the demo data through the same services (and validation) as the API. Records are keyed by
 * their natural identity (policy document number + title, project code, USCC); what already
 * exists is left alone, so running the seed twice changes nothing.
 */
export async function seedDemo(app: INestApplicationContext): Promise<SeedReport> {
  const ds = app.get(DataSource);
  const policies = app.get(PoliciesService);
  const projects = app.get(ProjectsService);
  const enterprises = app.get(EnterprisesService);
  const report: SeedReport = {
    policies: { created: 0, existing: 0 },
    projects: { created: 0, existing: 0 },
    enterprises: { created: 0, existing: 0 },
    users: { created: 0, existing: 0 },
  };

  const incentiveIds = new Map<string, number>();
  for (const demo of demoPolicies) {
    const { key: _key, publish, incentives, ...fields } = demo;
    const input = parseOrThrow(createPolicySchema, { ...fields, incentives: incentives.map(({ key: _k, ...i }) => i) }, `policy ${demo.key}`);
    let policy = await ds.manager.findOne(Policy, { where: { title: input.title, documentNumber: input.documentNumber }, relations: { incentives: true } });
    if (policy) report.policies.existing++;
    else {
      policy = await ds.transaction(async (m) => {
        const p = await policies.create(input, m);
        return publish ? policies.setPublished(p.id, true, m) : p;
      });
      report.policies.created++;
    }
    for (const i of incentives) {
      const found = policy.incentives?.find((x) => x.title === i.title);
      if (!found) throw new Error(`demo incentive ${i.key} not found on policy ${demo.key}`);
      incentiveIds.set(i.key, found.id);
    }
  }

  for (const demo of demoProjects) {
    const { incentiveKeys, publish, stages, source: _source, ...fields } = demo;
    if (await ds.manager.exists(Project, { where: { code: fields.code } })) {
      report.projects.existing++;
      continue;
    }
    const ids = incentiveKeys.map((k) => {
      const id = incentiveIds.get(k);
      if (!id) throw new Error(`demo project ${fields.code}: unknown incentive ${k}`);
      return id;
    });
    const input = parseOrThrow(createProjectSchema, { ...fields, incentiveIds: ids }, `project ${fields.code}`);
    await ds.transaction(async (m) => {
      const p = await projects.create(input, null, m);
      for (const s of stages) await projects.changeStage(p.id, { stage: s.stage, at: s.at, note: s.note ?? '' }, null, m);
      if (publish) await projects.setPublished(p.id, true, m);
    });
    report.projects.created++;
  }

  for (const demo of demoEnterprises) {
    const { verified, ...fields } = demo;
    const input = parseOrThrow(registerEnterpriseSchema, fields, `enterprise ${fields.uscc}`);
    if (await enterprises.findByUscc(input.uscc)) {
      report.enterprises.existing++;
      continue;
    }
    await ds.transaction(async (m) => {
      const e = await enterprises.register(input, m);
      for (const kind of verified) await enterprises.reviewCertification(e.id, kind, 'verified', { note: '演示数据：已核对认定名单' }, m);
    });
    report.enterprises.created++;
  }

  const users = app.get(UsersService);
  const bureauIds = new Map<string, number>();
  for (const b of demoBureaus) {
    const found = await ds.manager.findOne(Bureau, { where: { name: b.name, regionCode: b.regionCode } });
    bureauIds.set(b.key, found?.id ?? (await users.createBureau({ name: b.name, regionCode: b.regionCode, idleLimitDays: 14 })).id);
  }
  for (const u of demoUsers) {
    if (await ds.manager.exists(User, { where: { email: u.email } })) {
      report.users.existing++;
      continue;
    }
    const enterprise = u.enterpriseUscc ? await enterprises.findByUscc(u.enterpriseUscc) : null;
    await users.createUser(
      {
        email: u.email,
        name: u.name,
        role: u.role,
        password: DEMO_PASSWORD,
        bureauId: u.bureau ? bureauIds.get(u.bureau)! : null,
        enterpriseId: enterprise?.id ?? null,
      },
      undefined,
      { emailVerified: true },
    );
    report.users.created++;
  }
  return report;
}
