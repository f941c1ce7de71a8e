import { changeLeadStageSchema } from '../leads/lead.schemas.js';
import { stageChangeProblem, type LeadStage } from '../leads/lead.vocabulary.js';
import { parseSafe } from '../platform/validation/zod-validation.js';
import { regions } from '../reference/regions.js';
import { demoBureaus, demoUsers } from './demo-accounts.js';
import { demoEnterprises, demoProjects } from './demo-data.js';
import { demoLeads } from './demo-leads.js';

describe('demo leads', () => {
  it('name known enterprises, published projects (or a region), and an officer whose bureau covers the lead', () => {
    const errors: string[] = [];
    const r = regions();
    for (const l of demoLeads) {
      if (!demoEnterprises.some((e) => e.uscc === l.enterpriseUscc)) errors.push(`${l.key}: unknown enterprise`);
      const project = demoProjects.find((p) => p.code === l.projectCode);
      if (l.projectCode && !project?.publish) errors.push(`${l.key}: project ${l.projectCode} unknown or a draft`);
      if (!!l.projectCode === !!l.regionCode) errors.push(`${l.key}: needs a project or a region, not both`);
      const region = project?.regionCode ?? l.regionCode ?? '';
      const owner = demoUsers.find((u) => u.email === l.ownerEmail);
      const bureau = demoBureaus.find((b) => b.key === owner?.bureau);
      if (!owner || (owner.role !== 'officer' && owner.role !== 'bureau_lead') || !bureau)
        errors.push(`${l.key}: owner is not a demo officer`);
      else if (!r.isWithin(region, bureau.regionCode)) errors.push(`${l.key}: ${region} is outside ${bureau.name}`);
    }
    const keys = demoLeads.map((l) => l.key);
    expect(keys.length).toBe(new Set(keys).size);
    expect(errors).toEqual([]);
  });

  it('move along the pipeline with valid inputs, dates in order and never in the future', () => {
    const errors: string[] = [];
    for (const l of demoLeads) {
      let stage: LeadStage = 'new';
      let last = l.createdDaysAgo;
      for (const s of l.steps) {
        const problem = stageChangeProblem(stage, s.stage);
        if (problem) errors.push(`${l.key}: ${stage} → ${s.stage}: ${problem}`);
        const input = parseSafe(changeLeadStageSchema, { stage: s.stage, amountYuan: s.amountYuan, lostReason: s.lostReason }, l.key);
        if (!input.ok) errors.push(`${l.key}: ${s.stage}: ${JSON.stringify(input.errors)}`);
        if (s.daysAgo > last || s.daysAgo < 0)
          errors.push(`${l.key}: ${s.stage} ${s.daysAgo} days ago is before the previous step or in the future`);
        last = s.daysAgo;
        stage = s.stage;
      }
      for (const a of l.activities)
        if (a.daysAgo > l.createdDaysAgo || a.daysAgo < 0) errors.push(`${l.key}: activity outside the lead's life`);
      const open = !['producing', 'lost'].includes(stage);
      if (open !== (l.followUpInDays !== undefined)) errors.push(`${l.key}: an open lead has a next follow-up, a closed one none`);
    }
    expect(errors).toEqual([]);
    // the console shows each 三个一批 milestone and a loss
    const reached = new Set(demoLeads.flatMap((l) => l.steps.map((s) => s.stage)));
    for (const s of ['contacted', 'negotiating', 'signed', 'started', 'producing', 'lost'] as const) expect(reached).toContain(s);
  });
});
