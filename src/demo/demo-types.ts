import type { z } from 'zod';
import type { CertificationKind } from '../enterprises/enterprise.vocabulary.js';
import type { registerEnterpriseSchema } from '../enterprises/enterprise.schemas.js';
import type { incentiveSchema, createPolicySchema } from '../policies/policy.schemas.js';
import type { createProjectSchema } from '../projects/project.schemas.js';
import type { ProjectStage } from '../projects/project.vocabulary.js';

/**
 * The shape of the demo data (src/demo/demo-data.ts). Inputs are exactly what the public API
 * accepts (zod input types), plus keys that tie records together and the officer-side facts a
 * registration cannot set (verified certifications, stage history, publication).
 */
export type DemoIncentive = z.input<typeof incentiveSchema> & { key: string };

export type DemoPolicy = Omit<z.input<typeof createPolicySchema>, 'incentives'> & {
  key: string;
  incentives: DemoIncentive[];
  publish: boolean;
};

export type DemoProject = Omit<z.input<typeof createProjectSchema>, 'incentiveIds' | 'stage'> & {
  /** Incentive keys attached to the project. */
  incentiveKeys: string[];
  publish: boolean;
  /** Stages reached after creation, in order, with the date each was reached. */
  stages: Array<{ stage: Exclude<ProjectStage, 'planning'>; at: string; note?: string }>;
  /** Where the fact comes from in the seed (article title), for people reading the demo. */
  source: string;
};

export type DemoEnterprise = z.input<typeof registerEnterpriseSchema> & {
  /** Certifications an officer has verified (must also be claimed in `certifications`). */
  verified: CertificationKind[];
};

/** A labelled pair for the matching quality test: the project should (or should not) rank in the enterprise's top 3. */
export interface DemoExpectation {
  enterpriseUscc: string;
  projectCode: string;
  expected: 'top3' | 'not_top3';
  why: string;
}
