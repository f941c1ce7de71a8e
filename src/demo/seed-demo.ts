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
import { Bureau } from '../accounts/bureau.entity.js';
import { User } from '../accounts/user.entity.js';
import { UsersService } from '../accounts/users.service.js';
import type { Actor } from '../access/actor.js';
import { LeadsService, logActivities } from '../leads/leads.service.js';
import { Clock } from '../platform/clock/clock.js';
import { shanghaiDate } from '../platform/format/units.js';
import { DEMO_PASSWORD, demoBureaus, demoUsers } from './demo-accounts.js';
import { demoEnterprises, demoPolicies, demoProjects } from './demo-data.js';
import { demoLeads } from './demo-leads.js';
import { demoArticles } from './demo-articles.js';
import { createArticleSchema } from '../news/news.schemas.js';
import { NewsQueries } from '../news/news.queries.js';
import { NewsService } from '../news/news.service.js';

export interface SeedReport {
  policies: { created: number; existing: number };
  projects: { created: number; existing: number };
  enterprises: { created: number; existing: number };
  users: { created: number; existing: number };
  leads: { created: number; existing: number };
  articles: { created: number; existing: number };
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
    leads: { created: 0, existing: 0 },
    articles: { created: 0, existing: 0 },
  };

  const incentiveIds = new Map<string, number>();
  for (const demo of demoPolicies) {
    const { key: _key, publish, incentives, ...fields } = demo;
    const input = parseOrThrow(
      createPolicySchema,
      { ...fields, incentives: incentives.map(({ key: _k, ...i }) => i) },
      `policy ${demo.key}`,
    );
    let policy = await ds.manager.findOne(Policy, {
      where: { title: input.title, documentNumber: input.documentNumber },
      relations: { incentives: true },
    });
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
        phone: u.phone ?? null,
        password: DEMO_PASSWORD,
        bureauId: u.bureau ? bureauIds.get(u.bureau)! : null,
        enterpriseId: enterprise?.id ?? null,
      },
      undefined,
      { emailVerified: true },
    );
    report.users.created++;
  }

  await seedLeads(app, report);
  await seedArticles(app, report);
  return report;
}

/**
 * The seed's articles as published 招商资讯 (by the platform admin), linked to the demo projects
 * that quote them; keyed by title, so a second run changes nothing.
 */
async function seedArticles(app: INestApplicationContext, report: SeedReport): Promise<void> {
  const ds = app.get(DataSource);
  const news = app.get(NewsService);
  const queries = app.get(NewsQueries);
  const [admin]: Array<{ id: number; email: string; name: string }> = await ds.query(
    `SELECT id, email, name FROM app_user WHERE role = 'admin' ORDER BY id LIMIT 1`,
  );
  if (!admin) throw new Error('demo articles: no admin user');
  const actor: Actor = {
    userId: admin.id,
    role: 'admin',
    email: admin.email,
    name: admin.name,
    bureauId: null,
    regionScope: null,
    enterpriseId: null,
  };
  for (const demo of demoArticles) {
    if (await queries.idByTitle(demo.title)) {
      report.articles.existing++;
      continue;
    }
    const codes = demoProjects.filter((p) => p.source === demo.title).map((p) => p.code);
    const related = codes.length ? await ds.manager.find(Project, { where: codes.map((code) => ({ code })), select: { id: true } }) : [];
    const input = parseOrThrow(
      createArticleSchema,
      { ...demo, relatedProjectIds: related.map((p) => p.id), status: 'published' },
      `article ${demo.title}`,
    );
    await news.create(actor, input);
    report.articles.created++;
  }
}

/** The demo's leads, worked by their officers through the leads service (dates relative to the app's clock). */
async function seedLeads(app: INestApplicationContext, report: SeedReport): Promise<void> {
  const ds = app.get(DataSource);
  const leads = app.get(LeadsService);
  const now = app.get(Clock).now();
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const dateAgo = (n: number) => shanghaiDate(daysAgo(n));
  for (const demo of demoLeads) {
    const [officer]: Array<{ id: number; email: string; name: string; role: Actor['role']; bureau_id: number; region_code: string }> =
      await ds.query(
        `SELECT u.id, u.email, u.name, u.role, u.bureau_id, b.region_code FROM app_user u JOIN bureau b ON b.id = u.bureau_id WHERE u.email = $1`,
        [demo.ownerEmail],
      );
    const enterprise = await app.get(EnterprisesService).findByUscc(demo.enterpriseUscc);
    const project = demo.projectCode ? await ds.manager.findOne(Project, { where: { code: demo.projectCode } }) : null;
    if (!officer || !enterprise || (demo.projectCode && !project))
      throw new Error(`demo lead ${demo.key}: unknown officer, enterprise or project`);
    const actor: Actor = {
      userId: officer.id,
      role: officer.role,
      email: officer.email,
      name: officer.name,
      bureauId: officer.bureau_id,
      regionScope: officer.region_code,
      enterpriseId: null,
    };
    const created = await ds.transaction(async (m) => {
      const lead = await leads.insert(m, {
        enterpriseId: enterprise.id,
        projectId: project?.id ?? null,
        regionCode: project ? null : demo.regionCode,
        source: 'manual',
        ownerId: officer.id,
        expectedInvestmentYuan: demo.expectedInvestmentYuan ?? null,
        nextFollowUpOn: demo.followUpInDays === undefined ? null : dateAgo(-demo.followUpInDays),
        note: demo.note,
        importKey: demo.key,
        createdAt: daysAgo(demo.createdDaysAgo),
        actor,
      });
      if (!lead.created) return false;
      for (const step of demo.steps) {
        await leads.changeStageIn(
          m,
          actor,
          lead.id,
          { stage: step.stage, at: dateAgo(step.daysAgo), amountYuan: step.amountYuan, lostReason: step.lostReason, note: step.note ?? '' },
          { audit: false },
        );
      }
      await logActivities(
        m,
        demo.activities.map((a) => ({
          leadId: lead.id,
          kind: a.kind,
          occurredAt: daysAgo(a.daysAgo),
          actorId: officer.id,
          summary: a.summary,
        })),
        now,
      );
      const last = Math.min(demo.createdDaysAgo, ...demo.steps.map((x) => x.daysAgo), ...demo.activities.map((x) => x.daysAgo));
      await m.query(`UPDATE lead SET last_activity_at = $2 WHERE id = $1`, [lead.id, daysAgo(last)]);
      return true;
    });
    if (created) report.leads.created++;
    else report.leads.existing++;
  }
}
