import { registerEnterpriseSchema } from '../enterprises/enterprise.schemas.js';
import { isValidUscc } from '../enterprises/uscc.js';
import { parseSafe } from '../platform/validation/zod-validation.js';
import { evaluateEligibility, type EnterpriseFacts } from '../policies/eligibility/evaluate.js';
import { createPolicySchema } from '../policies/policy.schemas.js';
import { changeStageSchema, createProjectSchema } from '../projects/project.schemas.js';
import { stageChangeProblem, type ProjectStage } from '../projects/project.vocabulary.js';
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';
import { demoEnterprises, demoExpectations, demoPolicies, demoProjects } from './demo-data.js';
import type { DemoEnterprise, DemoPolicy, DemoProject } from './demo-types.js';

/** A fixed date for the eligibility stories, so the test does not change meaning as time passes. */
const DEMO_DAY = '2026-06-30';

const dupes = <T>(xs: T[]) => [...new Set(xs.filter((x, i) => xs.indexOf(x) !== i))];
const emailsIn = (s: string) => s.match(/[^\s/@]+@[^\s/]+/g) ?? [];

const policyInput = ({ key: _k, publish: _p, incentives, ...fields }: DemoPolicy) => ({
  ...fields,
  incentives: incentives.map(({ key: _ik, ...i }) => i),
});
const projectInput = ({ incentiveKeys: _i, publish: _p, stages: _s, source: _src, ...fields }: DemoProject) => ({
  ...fields,
  incentiveIds: [],
});
const enterpriseInput = ({ verified: _v, ...fields }: DemoEnterprise) => fields;

const policyOfIncentive = new Map(demoPolicies.flatMap((p) => p.incentives.map((i) => [i.key, p] as const)));
const enterpriseByUscc = new Map(demoEnterprises.map((e) => [e.uscc, e]));
const projectByCode = new Map(demoProjects.map((p) => [p.code, p]));

describe('demo data', () => {
  it('every policy, with its incentives, passes the create-policy schema', () => {
    const errors = demoPolicies.flatMap((p) => {
      const r = parseSafe(createPolicySchema, policyInput(p), `policy ${p.key}`);
      return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.message}`);
    });
    expect(errors).toEqual([]);
  });

  it('every project passes the create-project schema, and its stages move forward in date order', () => {
    const errors: string[] = [];
    const today = new Date().toISOString().slice(0, 10);
    for (const p of demoProjects) {
      const r = parseSafe(createProjectSchema, projectInput(p), `project ${p.code}`);
      if (!r.ok) errors.push(...r.errors.map((e) => `${e.field}: ${e.message}`));
      let stage: ProjectStage = 'open';
      let since = p.stageSince ?? '';
      if (p.stages.length && !p.stageSince) errors.push(`project ${p.code}: stages need stageSince (else the project is created today)`);
      for (const [i, s] of p.stages.entries()) {
        const rs = parseSafe(changeStageSchema, s, `project ${p.code}.stages[${i}]`);
        if (!rs.ok) errors.push(...rs.errors.map((e) => `${e.field}: ${e.message}`));
        const problem = stageChangeProblem(stage, s.stage);
        if (problem) errors.push(`project ${p.code}.stages[${i}]: ${problem}`);
        if (s.at < since) errors.push(`project ${p.code}.stages[${i}]: ${s.at} is before ${since}`);
        if (s.at > today) errors.push(`project ${p.code}.stages[${i}]: ${s.at} is in the future`);
        stage = s.stage;
        since = s.at;
      }
    }
    expect(errors).toEqual([]);
  });

  it('every enterprise passes the registration schema', () => {
    const errors = demoEnterprises.flatMap((e) => {
      const r = parseSafe(registerEnterpriseSchema, enterpriseInput(e), `enterprise ${e.name}`);
      return r.ok ? [] : r.errors.map((x) => `${x.field}: ${x.message}`);
    });
    expect(errors).toEqual([]);
  });

  it('identities are valid and unique', () => {
    const usccs = demoEnterprises.map((e) => e.uscc);
    expect(usccs.filter((u) => !isValidUscc(u))).toEqual([]);
    expect(dupes(usccs)).toEqual([]);
    expect(dupes(demoEnterprises.map((e) => e.name))).toEqual([]);
    expect(dupes(demoProjects.map((p) => p.code))).toEqual([]);
    expect(dupes(demoPolicies.map((p) => p.key))).toEqual([]);
    // The seeder finds a policy by title + document number, and an incentive by title within its policy.
    expect(dupes(demoPolicies.map((p) => `${p.title}|${p.documentNumber ?? ''}`))).toEqual([]);
    expect(demoPolicies.flatMap((p) => dupes(p.incentives.map((i) => i.title)).map((t) => `${p.key}: ${t}`))).toEqual([]);
    expect(dupes(demoPolicies.flatMap((p) => p.incentives.map((i) => i.key)))).toEqual([]);
  });

  it('every reference resolves: project incentives, expectation enterprises and projects', () => {
    const r = regions();
    const errors: string[] = [];
    for (const p of demoProjects) {
      if (dupes(p.incentiveKeys).length) errors.push(`project ${p.code}: incentive listed twice`);
      for (const k of p.incentiveKeys) {
        const policy = policyOfIncentive.get(k);
        if (!policy) errors.push(`project ${p.code}: unknown incentive ${k}`);
        else if (!policy.publish) errors.push(`project ${p.code}: incentive ${k} belongs to a draft policy`);
        else if (!r.isWithin(p.regionCode, policy.regionCode))
          errors.push(`project ${p.code}: incentive ${k} does not apply in ${p.regionCode}`);
      }
    }
    for (const x of demoExpectations) {
      if (!enterpriseByUscc.has(x.enterpriseUscc)) errors.push(`expectation: unknown enterprise ${x.enterpriseUscc}`);
      if (!projectByCode.has(x.projectCode)) errors.push(`expectation: unknown project ${x.projectCode}`);
      if (!x.why.trim()) errors.push(`expectation ${x.enterpriseUscc} × ${x.projectCode}: no reason`);
    }
    errors.push(
      ...dupes(demoExpectations.map((x) => `${x.enterpriseUscc} × ${x.projectCode}`)).map((d) => `expectation listed twice: ${d}`),
    );
    expect(errors).toEqual([]);
  });

  it('verified certifications are claimed; contacts are fictional; names are clean', () => {
    const errors: string[] = [];
    for (const e of demoEnterprises) {
      const claimed = new Set((e.certifications ?? []).map((c) => c.kind));
      for (const v of e.verified) if (!claimed.has(v)) errors.push(`${e.name}: verified ${v} is not claimed`);
      for (const c of e.contacts) if (c.email && !c.email.endsWith('@example.com')) errors.push(`${e.name}: ${c.email}`);
      if (/[<>&"']/.test(e.name)) errors.push(`${e.name}: markup in the name`);
    }
    for (const p of demoProjects) {
      for (const m of emailsIn(p.contactInfo ?? '')) if (!m.endsWith('@example.com')) errors.push(`${p.code}: ${m}`);
      if (/[<>]/.test(p.title)) errors.push(`${p.code}: markup in the title`);
    }
    expect(errors).toEqual([]);
  });

  it('covers what the demo shows: 尉氏县 projects, drafts, every pipeline stage, expired policies', () => {
    const published = demoProjects.filter((p) => p.publish);
    expect(published.filter((p) => p.regionCode === '410223').length).toBeGreaterThanOrEqual(5);
    expect(demoProjects.some((p) => !p.publish)).toBe(true);
    const current = new Set(demoProjects.map((p) => p.stages.at(-1)?.stage ?? 'open'));
    for (const s of ['open', 'signed', 'started', 'producing']) expect(current).toContain(s);
    expect(demoPolicies.some((p) => p.publish && p.validTo != null && p.validTo < DEMO_DAY)).toBe(true);
    expect(demoPolicies.flatMap((p) => p.incentives).some((i) => i.grantedWithoutApplication)).toBe(true);
  });

  it('labels matching expectations that the data supports on industry, region and investment', () => {
    const ind = industries();
    const reg = regions();
    /** The deepest GB/T 4754 level two industry lists share (4 = same class … 1 = same section, 0 = none). */
    const industryDepth = (a: readonly string[], b: readonly string[]) =>
      Math.max(
        0,
        ...a.flatMap((x) =>
          b.map((y) => {
            const c = ind.commonAncestor(x, y);
            return c ? ind.get(c)!.level : 0;
          }),
        ),
      );
    const regionFits = (e: DemoEnterprise, p: DemoProject) => (e.targetRegionCodes ?? []).some((t) => reg.isWithin(p.regionCode, t));
    const investmentFits = (e: DemoEnterprise, p: DemoProject) =>
      (e.investmentMinYuan ?? 0) <= p.totalInvestmentYuan && p.totalInvestmentYuan <= (e.investmentMaxYuan ?? Infinity);

    expect(demoExpectations.filter((x) => x.expected === 'top3').length).toBeGreaterThanOrEqual(8);
    expect(demoExpectations.filter((x) => x.expected === 'not_top3').length).toBeGreaterThanOrEqual(6);
    const errors: string[] = [];
    for (const x of demoExpectations) {
      const e = enterpriseByUscc.get(x.enterpriseUscc);
      const p = projectByCode.get(x.projectCode);
      if (!e || !p) continue; // reported above
      const pair = `${e.name} × ${p.code}`;
      const depth = industryDepth(e.industryCodes, p.industryCodes);
      if (x.expected === 'top3') {
        if (!p.publish) errors.push(`${pair}: project is a draft`);
        if (depth < 3) errors.push(`${pair}: industries share only level ${depth}`);
        if (!regionFits(e, p)) errors.push(`${pair}: project region outside the target regions`);
        if (!investmentFits(e, p)) errors.push(`${pair}: investment outside the enterprise's range`);
      } else {
        const fits = [depth >= 2, regionFits(e, p), investmentFits(e, p)].filter(Boolean).length;
        if (fits > 1) errors.push(`${pair}: labelled not_top3 but fits on ${fits} of industry, region, investment`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('tells the eligibility stories: granted without application, needs more information, expired', () => {
    const trees = { regions: regions(), industries: industries(), today: DEMO_DAY };
    const facts = (e: DemoEnterprise): EnterpriseFacts => {
      const claimed = (e.certifications ?? []).map((c) => c.kind);
      return {
        industryCodes: e.industryCodes,
        homeRegionCode: e.homeRegionCode,
        targetRegionCodes: e.targetRegionCodes ?? [],
        investmentMinYuan: e.investmentMinYuan ?? null,
        investmentMaxYuan: e.investmentMaxYuan ?? null,
        size: e.size ?? null,
        verifiedCertifications: e.verified,
        pendingCertifications: claimed.filter((k) => !e.verified.includes(k)),
        certificationsValidUntil: Object.fromEntries(
          (e.certifications ?? []).flatMap((c) => (c.validUntil ? [[c.kind, c.validUntil]] : [])),
        ),
        needLandMu: e.needLandMu ?? null,
      };
    };
    const status = (e: DemoEnterprise, incentiveKey: string) => {
      const policy = policyOfIncentive.get(incentiveKey)!;
      const incentive = policy.incentives.find((i) => i.key === incentiveKey)!;
      const conditions = parseSafe(createPolicySchema, policyInput(policy));
      if (!conditions.ok) throw new Error(`policy ${policy.key} does not parse`);
      const parsed = conditions.value.incentives[policy.incentives.indexOf(incentive)];
      return evaluateEligibility(facts(e), { conditions: parsed.conditions, policy: conditions.value }, trees).status;
    };
    const statuses = (key: string) => demoEnterprises.map((e) => status(e, key));
    const autoGranted = demoPolicies.filter((p) => p.publish).flatMap((p) => p.incentives.filter((i) => i.grantedWithoutApplication));

    // Some enterprise gets a 免申即享 benefit automatically.
    expect(autoGranted.some((i) => statuses(i.key).includes('eligible'))).toBe(true);
    // The 产教融合 package: some enterprises verified, some only claimed (needs more information).
    expect(statuses('cjrh-loan')).toContain('eligible');
    expect(statuses('cjrh-loan')).toContain('needs_info');
    // An expired policy helps nobody.
    const expired = demoPolicies.filter((p) => p.publish && p.validTo != null && p.validTo < DEMO_DAY);
    for (const p of expired) for (const i of p.incentives) expect(new Set(statuses(i.key))).toEqual(new Set(['not_eligible']));
  });
});
