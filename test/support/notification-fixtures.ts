import { randomInt } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { makeUscc } from '../../src/enterprises/uscc.js';
import { encodeVerdict } from '../../src/matching/scoring/stored.js';
import { regions } from '../../src/reference/regions.js';

type Db = DataSource | EntityManager;
let seq = 0;
const uniq = () => `${process.pid}${Date.now() % 100000}${++seq}`;

/** Minimal rows straight in SQL: these tests are about mail, not about registering or matching. */
export async function insertEnterprise(
  db: Db,
  o: { name?: string; region?: string; email?: string | null; frequency?: string; language?: string } = {},
): Promise<number> {
  const region = o.region ?? '410223';
  const contacts = o.email === null ? [{ name: '联系人' }] : [{ name: '王经理', email: o.email ?? `contact-${uniq()}@example.com` }];
  const [r] = await db.query(
    `INSERT INTO enterprise (uscc, name, home_region_code, home_region_path, contacts, notification_frequency, notification_language)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING id`,
    [
      makeUscc(region, randomInt(1e8)),
      o.name ?? '河南牧丰农牧科技有限公司',
      region,
      regions().path(region),
      JSON.stringify(contacts),
      o.frequency ?? 'daily',
      o.language ?? 'zh-CN',
    ],
  );
  return r.id;
}

export async function insertProject(db: Db, o: { title?: string; region?: string; investment?: number } = {}): Promise<number> {
  const region = o.region ?? '410223';
  const [r] = await db.query(
    `INSERT INTO project (code, title, region_code, region_path, total_investment_yuan, land_area_mu, status, published_at)
     VALUES ($1, $2, $3, $4, $5, 300, 'published', now()) RETURNING id`,
    [`N-${uniq()}`, o.title ?? '尉氏县生猪现代农业产业园', region, regions().path(region), o.investment ?? 500_000_000],
  );
  return r.id;
}

export async function insertIncentive(db: Db, o: { title?: string; granted?: boolean } = {}): Promise<number> {
  const [p] = await db.query(
    `INSERT INTO policy (title, issuer, region_code, region_path, document_number, valid_from, status)
     VALUES ('河南省产教融合型企业组合式激励政策', '河南省发展和改革委员会', '410000', '{410000}', '豫发改社会〔2023〕1号', '2023-01-01', 'published') RETURNING id`,
  );
  const [i] = await db.query(
    `INSERT INTO incentive (policy_id, kind, title, granted_without_application) VALUES ($1, 'fast_track', $2, $3) RETURNING id`,
    [p.id, o.title ?? '项目审批绿色通道', o.granted ?? true],
  );
  return i.id;
}

/**
 * A stored match as the engine stores it: a verdict (what each factor found) that reads as
 * "行业：同为「A0313 猪的饲养」", "地区：项目位于企业注册地…", "项目阶段：项目招商中".
 */
export async function insertMatch(
  db: Db,
  enterpriseId: number,
  projectId: number,
  o: { score?: number; incentiveIds?: number[] } = {},
): Promise<number> {
  const verdict = encodeVerdict({
    fits: [1, 0.6, 0.5, 0, 0, 1, 0],
    sections: {
      industry: { kind: 3, e: 'A0313', p: 'A0313', ca: null }, // IK.Same
      region: { kind: 1, at: '410223' }, // RK.HomeCounty
      investment: null,
      incentives: { attached: 0, unmet: 0 },
      text: [],
      stage: 'open',
      chain: { kind: 0, segment: 0, e: '' }, // CK.NoOpenSegment
    },
  });
  const [r] = await db.query(
    `INSERT INTO match (enterprise_id, project_id, score, verdict, eligible_incentive_ids)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [enterpriseId, projectId, o.score ?? 72, verdict, o.incentiveIds ?? []],
  );
  return Number(r.id);
}

export async function insertEvent(
  db: Db,
  type: string,
  e: { enterpriseId: number; projectId?: number | null; matchId?: number | null; incentiveId?: number | null; score?: number | null },
): Promise<void> {
  await db.query(
    `INSERT INTO notification_event (type, enterprise_id, project_id, match_id, incentive_id, score) VALUES ($1, $2, $3, $4, $5, $6)`,
    [type, e.enterpriseId, e.projectId ?? null, e.matchId ?? null, e.incentiveId ?? null, e.score ?? null],
  );
}
