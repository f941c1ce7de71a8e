import type pg from 'pg';
import { searchText } from '../src/platform/text/segmenter.js';
import { industries } from '../src/reference/industries.js';
import { regions } from '../src/reference/regions.js';

/**
 * Realistic synthetic data for the matching benchmark (and the reliability tests), from the real
 * GB/T 2260 / GB/T 4754 trees, deterministic for a seed:
 *  - enterprises: 1–3 industries at class level, skewed toward manufacturing (C, ≈50 %) and
 *    agriculture (A, ≈20 %), the second and third usually in the first one's division; 1–3 target
 *    regions (≈40 % province, ≈60 % city level, half of them in Henan); a home county (half in
 *    Henan); investment ranges, sizes, certifications, land needs and a description;
 *  - projects: 1–2 industries at class level, in a county (≈60 % in Henan), mostly open, with
 *    incentives of the policies that cover their region;
 *  - policies: Henan-wide, per Henan city and per other province, with conditions as data.
 */
export class Rng {
  constructor(private s: number) {}
  next(): number {
    // mulberry32
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const r = regions();
const t = industries();
const all = [...r.all()];
const HENAN = '410000';
const inHenan = (c: string) => c.startsWith('41');
const counties = all.filter((n) => n.level === 3 && !r.get(n.parent!)!.name.includes('直辖'));
const cities = all.filter((n) => n.level === 2 && !n.name.includes('直辖') && n.name !== '市辖区');
const provinces = all.filter((n) => n.level === 1);
const henanCounties = counties.filter((n) => inHenan(n.code)).map((n) => n.code);
const otherCounties = counties.filter((n) => !inHenan(n.code)).map((n) => n.code);
const henanCities = cities.filter((n) => inHenan(n.code)).map((n) => n.code);
const otherCities = cities.filter((n) => !inHenan(n.code)).map((n) => n.code);
const otherProvinces = provinces.filter((n) => n.code !== HENAN).map((n) => n.code);
const classes = [...t.all()].filter((n) => n.level === 4);
const classesOf = (section: string) => classes.filter((n) => n.code.startsWith(section)).map((n) => n.code);
const C = classesOf('C');
const A = classesOf('A');
const OTHER = classes.filter((n) => !/^[AC]/.test(n.code)).map((n) => n.code);
const inDivision = new Map<string, string[]>();
for (const c of classes) {
  const d = c.code.slice(0, 3);
  inDivision.set(d, [...(inDivision.get(d) ?? []), c.code]);
}

const PHRASES = [
  '推行“企业+合作社+基地+农户”模式',
  '建设标准化生产线和智能仓储',
  '与职业院校共建实训基地',
  '开展智能化改造和数字化转型',
  '布局冷链物流与区域分拨中心',
  '拓展跨境电商与进出口业务',
  '建设研发中心和检测实验室',
  '发展精深加工延伸产业链',
  '推进绿色低碳和清洁生产',
  '配套上下游企业集聚发展',
  '需要稳定的技术工人和管理人才',
  '关注标准地出让与拿地即开工',
  '寻求产业基金和融资增信支持',
  '计划设立区域总部和生产基地',
  '重视审批绿色通道和容缺办理',
  '具备自主知识产权和核心技术',
];

const industryClass = (rng: Rng) => (rng.chance(0.5) ? rng.pick(C) : rng.chance(0.4) ? rng.pick(A) : rng.pick(OTHER));
const name = (code: string) => t.get(code)!.name;

function related(rng: Rng, first: string, n: number): string[] {
  const out = new Set([first]);
  while (out.size < n) out.add(rng.chance(0.6) ? rng.pick(inDivision.get(first.slice(0, 3))!) : industryClass(rng));
  return [...out];
}

function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))) / 10_000) * 10_000;
}

export interface EnterpriseSeedRow {
  uscc: string;
  name: string;
  industry_codes: string[];
  industry_path: string[];
  home_region_code: string;
  home_region_path: string[];
  target_region_codes: string[];
  target_region_path: string[];
  investment_min_yuan: number | null;
  investment_max_yuan: number | null;
  size: string | null;
  verified_certifications: string[];
  pending_certifications: string[];
  need_land_mu: number | null;
  need_notes: string;
  description: string;
  search_text: string;
}

export function enterprise(rng: Rng, i: number): EnterpriseSeedRow {
  const codes = related(rng, industryClass(rng), rng.int(1, 3));
  const targets = new Set<string>();
  const nTargets = rng.int(1, 3);
  while (targets.size < nTargets) {
    const henan = rng.chance(0.5);
    targets.add(rng.chance(0.4) ? (henan ? HENAN : rng.pick(otherProvinces)) : henan ? rng.pick(henanCities) : rng.pick(otherCities));
  }
  const home = rng.chance(0.5) ? rng.pick(henanCounties) : rng.pick(otherCounties);
  const min = rng.chance(0.1) ? null : logUniform(rng, 10_000_000, 2_000_000_000);
  const max = min === null ? null : Math.round((min * (2 + rng.next() * 6)) / 10_000) * 10_000;
  const verified: string[] = [];
  const pending: string[] = [];
  const cert = (kind: string, p: number, q: number) => (rng.chance(p) ? verified.push(kind) : rng.chance(q) ? pending.push(kind) : 0);
  cert('industry_education_integration', 0.05, 0.03);
  cert('high_tech', 0.15, 0.05);
  cert('specialized_sme', 0.08, 0.03);
  if (codes[0].startsWith('A')) cert('agri_leading', 0.2, 0.05);
  const enterpriseName = `${r.get(home)!.name.replace(/(县|区|市)$/, '')}${['恒', '华', '瑞', '鼎', '宏', '嘉', '盛', '润'][i % 8]}${['达', '丰', '源', '信', '远', '泰'][i % 6]}${name(
    codes[0],
  )
    .replace(/[（(].*$/, '')
    .slice(0, 6)}有限公司`;
  const description = `公司主营${codes.map(name).join('、')}，${rng.pick(PHRASES)}，${rng.pick(PHRASES)}。`;
  const needNotes = rng.chance(0.5) ? rng.pick(PHRASES) : '';
  return {
    uscc: `B${String(i).padStart(17, '0')}`,
    name: enterpriseName,
    industry_codes: codes,
    industry_path: t.closure(codes),
    home_region_code: home,
    home_region_path: [...r.path(home)],
    target_region_codes: [...targets],
    target_region_path: r.closure(targets),
    investment_min_yuan: min,
    investment_max_yuan: max,
    size: rng.chance(0.1) ? null : rng.pick(['micro', 'small', 'medium', 'large']),
    verified_certifications: verified.sort(),
    pending_certifications: pending.sort(),
    need_land_mu: rng.chance(0.6) ? rng.int(10, 500) : null,
    need_notes: needNotes,
    description,
    search_text: searchText(enterpriseName, description, needNotes),
  };
}

export interface PolicySeed {
  title: string;
  region_code: string;
  incentives: Array<{ kind: string; title: string; conditions: unknown[]; granted_without_application: boolean }>;
}

export function policies(rng: Rng): PolicySeed[] {
  const out: PolicySeed[] = [];
  const conditionSets = (): unknown[][] => [
    [{ type: 'certification', anyOf: ['industry_education_integration'] }],
    [{ type: 'certification', anyOf: ['high_tech', 'specialized_sme'] }],
    [{ type: 'minInvestment', yuan: rng.pick([100_000_000, 300_000_000, 500_000_000]) }],
    [{ type: 'industry', anyOf: [rng.pick(['C13', 'C14', 'C34', 'C35', 'C38', 'C39', 'A01', 'A03', 'F52', 'I65'])] }],
    [{ type: 'enterpriseSize', anyOf: ['small', 'micro'] }],
    [{ type: 'needsLand', minMu: 50 }],
    [],
  ];
  const make = (region: string, n: number) => {
    const inc = Array.from({ length: n }, (_, k) => ({
      kind: rng.pick(['fast_track', 'subsidy', 'loan', 'land', 'credit', 'tax', 'talent']),
      title: `${r.displayName(region)}扶持措施${k + 1}`,
      conditions: rng.pick(conditionSets()),
      granted_without_application: rng.chance(0.1),
    }));
    out.push({ title: `${r.fullName(region)}招商引资优惠政策${out.length + 1}`, region_code: region, incentives: inc });
  };
  make(HENAN, 4);
  for (const c of henanCities) for (let k = rng.int(1, 2); k > 0; k--) make(c, rng.int(2, 3));
  for (const p of otherProvinces) make(p, 2);
  return out;
}

export interface ProjectSeedRow {
  code: string;
  title: string;
  description: string;
  region_code: string;
  region_path: string[];
  industry_codes: string[];
  industry_path: string[];
  total_investment_yuan: number;
  stage: string;
  status: string;
  search_text: string;
}

export function project(rng: Rng, i: number, opts: { region?: string; industries?: string[]; status?: string } = {}): ProjectSeedRow {
  const region = opts.region ?? (rng.chance(0.6) ? rng.pick(henanCounties) : rng.pick(otherCounties));
  const first = industryClass(rng);
  const codes =
    opts.industries ??
    (rng.chance(0.5)
      ? [first]
      : [...new Set([first, rng.chance(0.7) ? rng.pick(inDivision.get(first.slice(0, 3))!) : industryClass(rng)])]);
  const title = `${r.displayName(region)}${name(codes[0]).replace(/[（(].*$/, '')}产业园项目`;
  const description = `规划建设${codes.map(name).join('、')}项目，${rng.pick(PHRASES)}，${rng.pick(PHRASES)}，${rng.pick(PHRASES)}。`;
  const stageRoll = rng.next();
  return {
    code: `BP-${String(i).padStart(7, '0')}`,
    title,
    description,
    region_code: region,
    region_path: [...r.path(region)],
    industry_codes: codes,
    industry_path: t.closure(codes),
    total_investment_yuan: logUniform(rng, 50_000_000, 5_000_000_000),
    stage: stageRoll < 0.8 ? 'open' : stageRoll < 0.95 ? 'planning' : 'signed',
    status: opts.status ?? 'published',
    search_text: searchText(title, description, r.fullName(region), ...codes.map(name)),
  };
}

// ─── loading ─────────────────────────────────────────────────────────────────────────────

const ENTERPRISE_RECORD = `uscc text, name text, industry_codes varchar[], industry_path varchar[], home_region_code text, home_region_path char(6)[],
  target_region_codes char(6)[], target_region_path char(6)[], investment_min_yuan bigint, investment_max_yuan bigint, size text,
  verified_certifications varchar[], pending_certifications varchar[], need_land_mu numeric, need_notes text, description text, search_text text`;

export async function insertEnterprises(db: pg.ClientBase, rows: EnterpriseSeedRow[]): Promise<void> {
  await db.query(
    `INSERT INTO enterprise (uscc, name, industry_codes, industry_path, home_region_code, home_region_path, target_region_codes, target_region_path,
       investment_min_yuan, investment_max_yuan, size, verified_certifications, pending_certifications, need_land_mu, need_notes, description,
       contacts, search_text)
     SELECT uscc, name, industry_codes, industry_path, home_region_code, home_region_path, target_region_codes, target_region_path,
       investment_min_yuan, investment_max_yuan, size, verified_certifications, pending_certifications, need_land_mu, need_notes, description,
       '[{"name":"联系人","email":"contact@example.com"}]', search_text
     FROM json_to_recordset($1::json) AS x(${ENTERPRISE_RECORD})`,
    [JSON.stringify(rows)],
  );
}

export async function insertPolicies(db: pg.ClientBase, seeds: PolicySeed[]): Promise<Array<{ id: number; region_code: string }>> {
  const out: Array<{ id: number; region_code: string }> = [];
  for (const p of seeds) {
    const {
      rows: [pol],
    } = await db.query(
      `INSERT INTO policy (title, issuer, region_code, region_path, document_number, valid_from, status, published_at)
       VALUES ($1, '基准测试', $2, $3, '', '2023-01-01', 'published', now()) RETURNING id`,
      [p.title, p.region_code, [...r.path(p.region_code)]],
    );
    for (const i of p.incentives) {
      const {
        rows: [inc],
      } = await db.query(
        `INSERT INTO incentive (policy_id, kind, title, conditions, granted_without_application) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [pol.id, i.kind, i.title, JSON.stringify(i.conditions), i.granted_without_application],
      );
      out.push({ id: inc.id, region_code: p.region_code });
    }
  }
  return out;
}

/** Inserts projects and attaches up to 4 incentives whose policy region covers each. Returns their ids. */
export async function insertProjects(
  db: pg.ClientBase,
  rng: Rng,
  rows: ProjectSeedRow[],
  incentives: Array<{ id: number; region_code: string }>,
): Promise<number[]> {
  const { rows: ids } = await db.query(
    `INSERT INTO project (code, title, description, region_code, region_path, industry_codes, industry_path, total_investment_yuan, stage, status, published_at, search_text)
     SELECT code, title, description, region_code, region_path, industry_codes, industry_path, total_investment_yuan, stage, status,
            CASE WHEN status = 'published' THEN now() END, search_text
     FROM json_to_recordset($1::json) AS x(code text, title text, description text, region_code text, region_path char(6)[], industry_codes varchar[],
       industry_path varchar[], total_investment_yuan bigint, stage text, status text, search_text text)
     RETURNING id, region_code`,
    [JSON.stringify(rows)],
  );
  const pairs: Array<[number, number]> = [];
  for (const p of ids as Array<{ id: number; region_code: string }>) {
    const path = r.path(p.region_code);
    const covering = incentives.filter((i) => path.includes(i.region_code));
    const n = Math.min(covering.length, rng.int(0, 4));
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(rng.pick(covering).id);
    for (const c of chosen) pairs.push([p.id, c]);
  }
  if (pairs.length) {
    await db.query(`INSERT INTO project_incentive (project_id, incentive_id) SELECT * FROM unnest($1::int[], $2::int[])`, [
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    ]);
  }
  return (ids as Array<{ id: number }>).map((x) => x.id);
}

/** The enterprise table's secondary indexes (dropped for a bulk load, rebuilt after: much faster than row by row). */
export const ENTERPRISE_INDEXES = [
  'enterprise_industry_path_gin',
  'enterprise_home_region_path_gin',
  'enterprise_target_regions_gin',
  'enterprise_target_region_path_gin',
  'enterprise_verified_certs_gin',
  'enterprise_search_gin',
];

export async function dropEnterpriseIndexes(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'enterprise' AND indexname = ANY($1::text[])`,
    [ENTERPRISE_INDEXES],
  );
  for (const x of rows) await db.query(`DROP INDEX ${x.indexname}`);
  return rows.map((x: { indexdef: string }) => x.indexdef);
}

export async function createIndexes(db: pg.ClientBase, defs: string[]): Promise<void> {
  await db.query(`SET maintenance_work_mem = '512MB'`);
  for (const d of defs) await db.query(d);
  await db.query('ANALYZE enterprise');
}
