import { findAmounts, type AmountMention } from './amounts.js';

/**
 * Project mentions in report or article text: "加快推进总投资14.85亿元的城区基础设施提升改造PPP项目",
 * "引进了立邦汽车漆、千味央厨等重大项目", "计划投资11亿元，开工建设三中迁建项目". Built from the way
 * these texts are written, not from any one text: a project is a noun phrase that ends in a project
 * head (项目, 工程, 产业园, 污水处理厂 …) or is listed before "等…项目", named by something specific
 * (a place, a company, a number such as 三中 or 220千伏), once the leading verbs and the generic words
 * (重点, 民生, 基础设施 …) are set aside. Counted or summed phrases ("98个项目", "一批项目",
 * "省重点项目完成投资59.5亿元") are aggregates and are reported as such, never as projects.
 */

export type StageHint = '谋划' | '签约' | '开工' | '投产';

export interface ProjectMention {
  readonly kind: 'project' | 'aggregate';
  /** Offsets of the name in the text (the project's own words, verbs stripped). */
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** The sentence the mention stands in (offsets), for evidence and context. */
  readonly sentence: { readonly start: number; readonly end: number };
  /** The amount that belongs to this project alone, if the sentence says one. */
  readonly amount: AmountMention | null;
  readonly stage: StageHint | null;
  /** 0–1: how sure the finder is that this is one specific project. */
  readonly confidence: number;
}

const HEAD =
  '项目|工程|产业园|工业园|园区|基地|电站|水库|水厂|处理厂|发电厂|电厂|工厂|厂区|生产线|医院|院区|学校|小学|中学|' +
  '综合体|小镇|大道|通道|枢纽|创新谷|科技城|物流园|中心|安置房|输变电|高铁|铁路|高速|机场|码头|港区|博物馆|体育馆';
const ENDS_IN_HEAD = new RegExp(`(?:${HEAD})$`, 'u');

/** Verbs and fillers that open a clause before the name: 加快推进, 开工建设, 引进了, 计划投资X亿元 … */
const LEADING = new RegExp(
  '^(?:' +
    [
      '年内', '今年', '全年', '力争', '确保', '计划', '着力', '全力', '加快', '加速', '持续', '积极', '大力', '强力', '全面', '重点',
      '推进', '推动', '实施', '启动', '开工', '建设', '新建', '续建', '改扩建', '扩建', '迁建', '建成', '完成', '引进', '招引',
      '签约', '落地', '谋划', '打造', '规划', '争取', '申报', '支持', '做好', '抓好', '加强', '开展', '布局', '筹建', '开建',
      '了', '的', '将', '已', '并', '和', '及', '与', '对', '把', '以', '是', '在', '有', '为', '好', '成功', '顺利', '正式',
      '总投资\\S*?[元亿万]的', '投资\\S*?[元亿万]的', '[一二三四五六七八九十]+是',
    ].join('|') +
    ')',
  'u',
);
const TRAILING = /(?:项目建设|建设|等一批|等|工作)$/u;

/** Words that say what kind of project, not which one; a name made only of these names no project. */
const GENERIC = new RegExp(
  '(?:' +
    [
      '省市', '省级', '市级', '县级', '国家级', '重点', '重大', '亿元以上', '招商', '扶贫', '民生', '产业', '基础设施', '公共服务', '设施',
      '乡村振兴', '农村', '城市', '城乡', '城区', '农村公路', '道路', '教育', '文化', '卫生', '供电', '供水', '供暖', '供热', '污水处理',
      '住房保障', '保障性', '高标准农田', '老旧小区', '改造', '提升', '提质', '升级', '整治', '新建', '在建', '续建', '储备', '前期',
      '示范', '试点', '一期', '二期', '三期', '新型', '智慧', '数字', '绿色', '生态', '环保', '水利', '交通', '能源', '工业', '农业',
      '服务业', '现代', '特色', '优势', '重要', '关键', '各类', '这些', '有关', '相关', '其他', '配套', '工程', '项目', '建设', '百城',
      '省', '市', '县', '区', '乡', '镇', '村', '类', '个', '批', '大', '新', '等', '的', '和', '与', '及', '、',
      HEAD,
    ].join('|') +
    ')',
  'gu',
);

/** A count or a collective: "98个项目", "一批", "307个亿元以上招商项目", "64个省市重点项目". */
const COUNTED = /(?:\d+|[一二两三四五六七八九十百千]+)(?:个|项|批|家)|一批|多个|若干|一系列|系列|等\d+/u;
/** Sums and statistics: the amount in such a sentence belongs to no one project. */
const TOTALS = /累计|合计|共计|总计|完成投资|完成固定资产投资|占年计划|GDP|生产总值|增加值|税收|财政|预算|收入|扶贫资金|专项资金|资金\d/u;

const SENTENCE = /[^。！？；!?;\n]+[。！？；!?;\n]?/gu;
const CLAUSE = /[^，,：:。！？；!?;\n]+/gu;

const STAGES: Array<[StageHint, RegExp]> = [
  ['投产', /投产|竣工|建成|投用|投入使用|达产|运营/u],
  ['开工', /开工|动工|开建|在建|施工|建设|推进|实施|启动|加快/u],
  ['签约', /签约|签订|引进|落地|招引|入驻|落户/u],
  ['谋划', /谋划|储备|规划|前期|申报|论证/u],
];

function stageOf(clause: string, sentence: string): StageHint | null {
  // The clause's own verb decides ("开工建设三中迁建项目"); else the sentence's.
  for (const scope of [clause, sentence]) {
    let best: { stage: StageHint; at: number } | null = null;
    for (const [stage, re] of STAGES) {
      const m = re.exec(scope);
      if (m && (!best || m.index < best.at)) best = { stage, at: m.index };
    }
    if (best) return best.stage;
  }
  return null;
}

function strip(name: string): { name: string; cut: number } {
  let s = name;
  let cut = 0;
  for (let guard = 0; guard < 12; guard++) {
    const m = LEADING.exec(s);
    if (!m || m[0].length === 0 || m[0].length >= s.length) break;
    s = s.slice(m[0].length);
    cut += m[0].length;
  }
  const t = TRAILING.exec(s);
  if (t && t.index > 0) s = s.slice(0, t.index);
  return { name: s, cut };
}

/** What is left of a name once the generic words are removed: the part that makes it one project. */
export function specificPart(name: string): string {
  return name.replace(/[“”"‘’《》（）()]/gu, '').replace(GENERIC, '').replace(/\d+(?:千伏|kV|KV)/u, (m) => m);
}

interface Piece {
  start: number;
  text: string;
}

/** Items of a list clause "A、B和C": the separators between project names. */
function listItems(clause: Piece): Piece[] {
  const out: Piece[] = [];
  const re = /[^、]+/gu;
  for (const m of clause.text.matchAll(re)) {
    // "A和B" inside an item splits only when both sides end like a project.
    const parts = m[0].split(/(?<=(?:项目|工程|厂|院|楼|园|中心|基地))(?:和|及|与)/u);
    let at = clause.start + m.index;
    for (const p of parts) {
      out.push({ start: at, text: p });
      at += p.length + (m[0].slice(at - clause.start - m.index + p.length).match(/^(?:和|及|与)/u)?.[0].length ?? 0);
    }
  }
  return out;
}

function moneyNear(sentence: Piece, amounts: AmountMention[]): AmountMention[] {
  return amounts.filter((a) => a.currency === 'CNY' && a.start >= sentence.start && a.end <= sentence.start + sentence.text.length);
}

/** Every project and aggregate mention in `text`, in order. */
export function findProjectMentions(text: string): ProjectMention[] {
  const amounts = findAmounts(text);
  const out: ProjectMention[] = [];
  for (const s of text.matchAll(SENTENCE)) {
    const sentence: Piece = { start: s.index, text: s[0] };
    const sentenceRange = { start: s.index, end: s.index + s[0].length };
    const found: Array<Omit<ProjectMention, 'amount' | 'confidence'> & { clauseStart: number; specific: string; listed: boolean }> = [];
    for (const c of s[0].matchAll(CLAUSE)) {
      const clause: Piece = { start: s.index + c.index, text: c[0] };
      // "A、B等重大项目" / "A、B等204个项目开工建设": the items before 等 are the projects.
      const etc = /^(.*?)等(.{0,12}?)(?:项目|工程|企业)/u.exec(clause.text);
      const items = etc ? listItems({ start: clause.start, text: etc[1] }) : listItems(clause);
      for (const item of items) {
        const { name, cut } = strip(item.text.replace(/\s+$/u, ''));
        if (name.length < 3 || name.length > 40) continue;
        if (!etc && !ENDS_IN_HEAD.test(name)) continue;
        const start = item.start + cut;
        const counted = COUNTED.test(name);
        const specific = specificPart(name);
        const kind = counted || specific.length < 2 ? 'aggregate' : 'project';
        found.push({
          kind, start, end: start + name.length, name, sentence: sentenceRange,
          stage: stageOf(clause.text, sentence.text), clauseStart: clause.start, specific, listed: Boolean(etc),
        });
      }
      if (etc && COUNTED.test(etc[2])) {
        const at = clause.start + etc[1].length + 1;
        found.push({
          kind: 'aggregate', start: at, end: clause.start + etc[0].length, name: clause.text.slice(at - clause.start, etc[0].length),
          sentence: sentenceRange, stage: null, clauseStart: clause.start, specific: '', listed: false,
        });
      }
    }
    const projects = found.filter((f) => f.kind === 'project');
    const money = TOTALS.test(sentence.text) ? [] : moneyNear(sentence, amounts);
    for (const f of found) {
      let amount: AmountMention | null = null;
      if (f.kind === 'project') {
        // "总投资14.85亿元的X项目" / "X项目，总投资5亿元": the amount right next to the name is its own.
        const adjacent = money.find(
          (a) => (a.end <= f.start && f.start - a.end <= 2) || (a.start >= f.end && a.start - f.end <= 6 && /投资/u.test(text.slice(f.end, a.start))),
        );
        // Otherwise a sentence with one project and one investment amount ("计划投资11亿元，开工建设三中迁建项目").
        const invested = money.filter((a) => /投资|资金|总额/u.test(text.slice(Math.max(sentence.start, a.start - 5), a.start)));
        amount = adjacent ?? (projects.length === 1 && invested.length === 1 ? invested[0] : null);
      }
      const confidence =
        f.kind === 'aggregate' ? 0.9 : Math.min(0.95, 0.5 + (amount ? 0.2 : 0) + (f.specific.length >= 3 ? 0.15 : 0) + (f.listed ? 0.1 : 0));
      const { clauseStart: _c, specific: _s, listed: _l, ...mention } = f;
      out.push({ ...mention, amount, confidence });
    }
  }
  return out;
}
