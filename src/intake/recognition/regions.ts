import { regions } from '../../reference/regions.js';
import { Dictionary } from './matcher.js';

/**
 * Places named in a text, resolved to GB/T 2260 codes from the platform's own region tree. Full names
 * (尉氏县, 郑州航空港经济综合实验区) and short names (尉氏, 航空港区) go into one dictionary matcher (./matcher.ts);
 * jieba's POS tags are not used (it tags many counties as person names). A short name may belong to
 * several places (鼓楼 is a district in four cities), so candidates are resolved against the
 * document's province/city context, given or inferred from the unambiguous names in the text.
 */

export interface RegionMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly code: string;
  readonly level: number;
  readonly via: 'full' | 'short' | 'alias';
}

interface Candidate {
  readonly code: string;
  readonly level: number;
  readonly via: RegionMention['via'];
  /** A district (区) short name or a two-character full name: only trusted inside the context city/province. */
  readonly needsContext: 'city' | 'province' | null;
}

const ETHNIC =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|' +
  '土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|' +
  '赫哲|门巴|珞巴|基诺|各';
const ETHNIC_TAIL = new RegExp(`(?:(?:${ETHNIC})族)+$`, 'u');

/** Short names that are ordinary words ("合作", "安定", "中原") or brand names ("阿里"); never read as places. */
const NOT_A_PLACE = new Set(
  (
    '中原 城关 新华 和平 长安 高新 新城 老城 城中 城东 城西 城南 城北 东城 西城 南城 北城 向阳 红旗 前进 新兴 铁东 铁西 ' +
    '上街 江北 江南 河东 河西 城厢 海港 平安 永安 太平 东风 胜利 解放 山城 市中 阿里 白银 普洱 大理 大同 中山 东方 合作 ' +
    '安定 安宁 大方 新星 双河 白杨 长治 龙井 灯塔 兴国 万年 万安 永丰 太和 金沙 德安 江城 普陀 宝山 南山 北山 青山 ' +
    '吉利 牧野 华龙 和顺 永和 长寿 开平 新民 海城 凤城 东港 新都 金牛 成华 锦江 文山 红河 海南 海北 海西 海东 黄南 ' +
    '兴安 北海 黄山 新安 建安 安阳 文峰 卫东 源汇 开发 经济 示范 临港'
  ).split(/\s+/),
);

/** Everyday names of zones that GB/T 2260 spells out in full. */
const ALIASES: Record<string, string[]> = {
  '410173': ['航空港区', '郑州航空港区', '航空港实验区', '郑州航空港', '航空港经济综合实验区'],
};

function shortName(name: string, level: number): string | null {
  if (level === 1) {
    const s = name.replace(/(?:省|市|自治区)$/u, '').replace(ETHNIC_TAIL, '');
    return s !== name && s.length >= 2 ? s : null;
  }
  let s = name;
  if (/自治(?:州|县|旗)$/u.test(s)) s = s.slice(0, -3).replace(ETHNIC_TAIL, '');
  else if (/(?:地区)$/u.test(s)) s = s.slice(0, -2);
  else if (/[市县区旗盟]$/u.test(s)) s = s.slice(0, -1).replace(ETHNIC_TAIL, '');
  if (/(?:开发区|实验区|示范区|园区|聚集区)$/u.test(name)) return null;
  return s !== name && s.length >= 2 ? s : null;
}

/** "洛阳高新技术产业开发区" is said "洛阳高新区"; "郑州经济技术开发区" → "郑州经开区". */
function zoneAliases(name: string): string[] {
  const out: string[] = [];
  const m = /^(.+?)(?:市)?(高新技术产业开发区|经济技术开发区)$/u.exec(name);
  if (m) out.push(m[1] + (m[2] === '高新技术产业开发区' ? '高新区' : '经开区'));
  return out;
}

let automaton: Dictionary<Candidate[]> | undefined;

function matcher(): Dictionary<Candidate[]> {
  if (automaton) return automaton;
  const byPattern = new Map<string, Candidate[]>();
  const add = (pattern: string, c: Candidate) => {
    if (!pattern || NOT_A_PLACE.has(pattern)) return;
    const list = byPattern.get(pattern) ?? [];
    if (!list.some((x) => x.code === c.code)) list.push(c);
    byPattern.set(pattern, list);
  };
  for (const node of regions().all()) {
    if (node.name === '市辖区' || node.name === '县' || /直辖/.test(node.name)) continue;
    const district = node.level === 3 && /区$/u.test(node.name);
    add(node.name, { code: node.code, level: node.level, via: 'full', needsContext: node.name.length <= 2 ? 'province' : null });
    const short = shortName(node.name, node.level);
    if (short) {
      const needsContext = district ? 'city' : node.level === 3 ? 'province' : null;
      add(short, { code: node.code, level: node.level, via: 'short', needsContext });
    }
    for (const a of zoneAliases(node.name)) add(a, { code: node.code, level: node.level, via: 'alias', needsContext: null });
  }
  for (const [code, names] of Object.entries(ALIASES)) {
    const node = regions().get(code);
    if (node) for (const a of names) add(a, { code, level: node.level, via: 'alias', needsContext: null });
  }
  automaton = new Dictionary([...byPattern].map(([pattern, data]) => ({ pattern, data })));
  return automaton;
}

export interface RegionContext {
  /** The document's region (any level); its province and city decide between candidates. */
  readonly regionCode?: string | null;
}

function contextOf(code: string | null | undefined): { province: string | null; city: string | null } {
  if (!code || !regions().has(code)) return { province: null, city: null };
  const path = regions().path(code);
  return { province: path[0] ?? null, city: path[1] ?? null };
}

function resolve(cands: Candidate[], ctx: { province: string | null; city: string | null }): Candidate | null {
  const tree = regions();
  const allowed = cands.filter((c) => {
    if (c.needsContext === 'city') return ctx.city !== null && tree.isWithin(c.code, ctx.city);
    if (c.needsContext === 'province') return ctx.province !== null && tree.isWithin(c.code, ctx.province);
    return true;
  });
  if (allowed.length <= 1) return allowed[0] ?? null;
  const inCity = ctx.city ? allowed.filter((c) => tree.isWithin(c.code, ctx.city!)) : [];
  if (inCity.length === 1) return inCity[0];
  const inProvince = ctx.province ? allowed.filter((c) => tree.isWithin(c.code, ctx.province!)) : [];
  if (inProvince.length === 1) return inProvince[0];
  const pool = inCity.length ? inCity : inProvince.length ? inProvince : allowed;
  const full = pool.filter((c) => c.via !== 'short');
  if (full.length === 1) return full[0];
  const top = Math.min(...pool.map((c) => c.level));
  const highest = pool.filter((c) => c.level === top);
  // Still several places of the same rank (鼓楼区 with no context): better no region than a guess.
  return highest.length === 1 ? highest[0] : null;
}

/**
 * The city most of a text's unambiguous full names lie in (else its province): the context short names are
 * read against. A city needs a clear lead; a provincial article naming ten cities keeps the province.
 */
export function inferContext(text: string): string | null {
  const cities = new Map<string, number>();
  const provinces = new Map<string, number>();
  for (const m of matcher().matches(text)) {
    const cands = (m.data ?? []).filter((c) => c.via !== 'short' && c.needsContext === null);
    if (cands.length !== 1) continue;
    const [province, city] = regions().path(cands[0].code);
    provinces.set(province, (provinces.get(province) ?? 0) + 1);
    if (city) cities.set(city, (cities.get(city) ?? 0) + 1);
  }
  const top = (tally: Map<string, number>) => [...tally].sort((a, b) => b[1] - a[1])[0];
  const city = top(cities);
  const cityMentions = [...cities.values()].reduce((a, b) => a + b, 0);
  if (city && city[1] >= 2 && city[1] * 2 > cityMentions) return city[0];
  return top(provinces)?.[0] ?? null;
}

/** Words that contain a county's name without naming it: 示范县 (范县), "作为平原县" (a plain, not 平原县). */
const FALSE_FRIENDS: Array<[string, RegExp]> = [
  ['范县', /示$/u],
  ['平原县', /(?:为|是|个|的)$/u],
];

/** Every place named in `text`, left to right, each resolved to one code (unresolvable names are left out). */
export function recogniseRegions(text: string, context: RegionContext = {}): RegionMention[] {
  const ctx = contextOf(context.regionCode ?? inferContext(text));
  const out: RegionMention[] = [];
  for (const m of matcher().matches(text)) {
    const c = resolve(m.data ?? [], ctx);
    const before = text.slice(Math.max(0, m.start - 2), m.start);
    if (FALSE_FRIENDS.some(([name, re]) => m.pattern === name && re.test(before))) continue;
    if (c) out.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), code: c.code, level: c.level, via: c.via });
  }
  return out;
}

/**
 * A document's own region: the most specific place in its title ("2021年尉氏县政府工作报告" → 410223),
 * else the most often named place of its opening (the first 600 characters).
 */
export function recogniseDocumentRegion(title: string, text: string): string | null {
  const fromTitle = recogniseRegions(title, { regionCode: inferContext(title + '\n' + text.slice(0, 600)) });
  if (fromTitle.length) return deepest(fromTitle.map((m) => m.code));
  const opening = text.slice(0, 600);
  const found = recogniseRegions(opening);
  if (!found.length) return null;
  const tally = new Map<string, number>();
  for (const m of found) tally.set(m.code, (tally.get(m.code) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1] || regions().path(b[0]).length - regions().path(a[0]).length)[0][0];
}

function deepest(codes: string[]): string {
  return codes.reduce((a, b) => (regions().path(b).length > regions().path(a).length ? b : a));
}
