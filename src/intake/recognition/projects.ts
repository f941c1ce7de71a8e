import { findAmounts, type AmountMention } from './amounts.js';
import { judgeProject } from './project-test.js';
import { recogniseRegions } from './regions.js';

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
  /**
   * project: one specific project; aggregate: a count or a sum of projects; generic: a kind of work, no one project;
   * programme: named like a project but an activity, a campaign or a programme (see project-test.ts).
   */
  readonly kind: 'project' | 'aggregate' | 'generic' | 'programme';
  /** Offsets of the name in the text (the project's own words, verbs stripped). */
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** The project's name as a title: the name, completed by a list's shared head ("洛吉" + "快速通道"). */
  readonly title: string;
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
  '综合体|小镇|大道|通道|枢纽|创新谷|科技城|物流园|中心|安置房|输变电|高铁|铁路|高速|机场|码头|港区|博物馆|体育馆|' +
  '改扩建|迁建|扩建|号线|车场|幼儿园|图书馆|文化馆|体育场|科技馆|学院|大学';
const ENDS_IN_HEAD = new RegExp(`(?:${HEAD})(?:[一二三四五六七八九]期(?:工程|项目)?)?$`, 'u');
/** What a clause says about a project right after its name: "前坪水库下闸蓄水", "洛宁抽水蓄能电站全面转入…". */
const PREDICATE =
  '建设|建成|开工|动工|完工|竣工|投产|投用|投入|通车|贯通|蓄水|下闸|试运行|运行|运营|转入|纳入|加快|全面|顺利|正式|成功|' +
  '落地|签约|具备|启动|实施|推进|获批|开通|开行|开业|整体|已|即将|主体|批量|前期|完成|达产|上线|落户|正|' +
  // adverbs before the predicate, and the project's own figures: "…改扩建工程早日开工", "…项目投资18.5亿元", "…项目总投资3.6亿元"
  '早日|尽快|如期|按期|按时|力争|预计|计划|投资|总投资|占地|位于|坐落|由|将|年内|于|同日|同期|同步|当天|当日|陆续|相继|先后|均|也';
/** Verbs inside a phrase: what precedes the last of them is the action, what follows the (candidate) name. */
const INNER_VERB = new RegExp(
  '^.*(?:推进|谋划|实施|推动|开展|解决|支持|破解|梳理|包装|上传|吸引|紧盯|针对|围绕|协调|整合|构建|打造|引导|鼓励|申报|' +
    '培育|聚焦|抓好|做好|强化|优化|加强|加快|提前|储备|布局|引进|落实|促进|带动|争取|突出|签约|签订|签下|以(?![上下内来后前])|对|把|将)',
  'u',
);
/** After 等, a category rather than a kind of project: "文旅融合、物流仓储等领域项目", "…等省级以上试点示范项目". */
const CATEGORY = /领域|方面|行业|类|环节|产业|业态|示范|试点|以上|资源|要素|方式|措施|手段|渠道|机制|政策|支持|保障/u;
/** Names of activities, not of projects: "技术改造", "产能升级". */
const ACTIVITY = /(?:改造|升级|提升|创新|转型|发展|融合|治理|整治|管理|服务|申报|建设)$/u;
/** The name ends at the first project head followed by what is said about it (or by nothing). */
const PHASE = '(?:[一二三四五六七八九]期(?:工程|项目)?)?';
const NAME_THEN_PREDICATE = new RegExp(`^(.*?(?:${HEAD}|(?<![阶手])段)${PHASE})(?=$|${PREDICATE})`, 'u');

/** Verbs and fillers that open a clause before the name: 加快推进, 开工建设, 引进了, 计划投资X亿元 … */
const LEADING = new RegExp(
  '^(?:' +
    [
      '年内',
      '今年',
      '全年',
      '力争',
      '确保',
      '计划',
      '着力',
      '全力',
      '加快',
      '加速',
      '持续',
      '积极',
      '大力',
      '强力',
      '全面',
      '重点',
      '深入',
      '深化',
      '扎实',
      '统筹',
      '加大',
      '继续',
      '进一步',
      '同时',
      '推进',
      '推动',
      '实施',
      '启动',
      '开工',
      '建设',
      '新建',
      '续建',
      '改扩建',
      '扩建',
      '迁建',
      '建成',
      '完成',
      '引进',
      '招引',
      '签约',
      '落地',
      '谋划',
      '打造',
      '规划',
      '争取',
      '申报',
      '支持',
      '做好',
      '抓好',
      '加强',
      '开展',
      '布局',
      '筹建',
      '开辟',
      '开建',
      '了',
      '的',
      '将',
      '已',
      '并',
      '和',
      '及',
      '与',
      '对',
      '把',
      '以',
      '是',
      '在',
      '有',
      '为',
      '好',
      '成功',
      '顺利',
      '正式',
      '总投资\\S*?[元亿万]的',
      '投资\\S*?[元亿万]的',
      '[一二三四五六七八九十]+是',
    ].join('|') +
    ')',
  'u',
);
const TRAILING = /(?:项目建设|建设|等一批|等|工作)$/u;
/** A phrase that opens with one of these is about doing something, not naming a project ("找准项目", "入选…产业园"). */
const NOT_A_NAME =
  /^(?:找准|围绕|符合|聚焦|依托|带动|提高|增强|坚持|坚决|查处|实现|利用|发挥|形成|包括|属于|通过|作为|成为|抓好|做好|提升|争创|创建|培育|鼓励|引导)|入选|荣获|获批|被评为|评为|晋升|产业中心$|之城$|绿色通道|直通车|快车道|高地$|洼地$/u;

/** Words that say what kind of project, not which one; a name made only of these names no project. */
const GENERIC = new RegExp(
  '(?:' +
    [
      '省市',
      '省级',
      '市级',
      '县级',
      '国家级',
      '重点',
      '重大',
      '亿元以上',
      '招商',
      '扶贫',
      '民生',
      '产业',
      '基础设施',
      '公共服务',
      '设施',
      '乡村振兴',
      '农村',
      '城市',
      '城乡',
      '城区',
      '农村公路',
      '道路',
      '教育',
      '文化',
      '卫生',
      '供电',
      '供水',
      '供暖',
      '供热',
      '污水处理',
      '住房保障',
      '保障性',
      '高标准农田',
      '老旧小区',
      '改造',
      '提升',
      '提质',
      '升级',
      '整治',
      '新建',
      '在建',
      '续建',
      '储备',
      '前期',
      '示范',
      '试点',
      '一期',
      '二期',
      '三期',
      '新型',
      '智慧',
      '数字',
      '绿色',
      '生态',
      '环保',
      '水利',
      '交通',
      '能源',
      '工业',
      '农业',
      '服务业',
      '现代',
      '特色',
      '智能',
      '智能化',
      '标准化',
      '规模化',
      '高端',
      '先进',
      '优势',
      '重要',
      '关键',
      '各类',
      '这些',
      '有关',
      '相关',
      '其他',
      '配套',
      '工程',
      '项目',
      '建设',
      '百城',
      '停车场',
      '公厕',
      '中转站',
      '农田',
      '管网',
      '厂房',
      '宿舍',
      '路灯',
      '立交',
      '快速',
      '生产',
      '技术',
      '产能',
      '义务教育',
      '寄宿制',
      '公办',
      '民办',
      '普惠性',
      '优质',
      '领域',
      // a project's status or date says which group, not which project: "年底前应竣工项目", "2022年新开工项目", "新落户…项目"
      '新开工',
      '开工',
      '竣工',
      '投产',
      '签约',
      '落户',
      '新落户',
      '年底前',
      '年内',
      '当年',
      '年度',
      '今年',
      '明年',
      '列入',
      '计划',
      '应',
      '拟',
      '待',
      // a sector names a class of projects: "制造业项目", "先进制造业项目"
      '先进制造业',
      '制造业',
      '全',
      '保障',
      '人民',
      '中医',
      '主体',
      '配套',
      '附属',
      '省',
      '市',
      '县',
      '区',
      '乡',
      '镇',
      '村',
      '类',
      '个',
      '批',
      '大',
      '新',
      '等',
      '的',
      '和',
      '与',
      '及',
      '、',
      ...HEAD.split('|'),
    ]
      .sort((a, b) => b.length - a.length)
      .join('|') +
    ')',
  'gu',
);

/** A count or a collective: "98个项目", "一批", "307个亿元以上招商项目", "64个省市重点项目". */
const COUNTED = /(?:\d+|[一二两三四五六七八九十百千]+)(?:个|项|批|家|所|座|条|套|处)|一批|多个|若干|一系列|系列|等\d+/u;
/** A count of partners, not of projects: "与深圳一家新能源企业签约…项目", "联合3家高校共建…". */
const PARTNER_COUNT = /(?:\d+|[一二两三四五六七八九十百千]+)家\p{Script=Han}{0,10}?(?:企业|公司|集团|单位|机构|银行|高校|院所|客商)/gu;
const counts = (s: string) => COUNTED.test(s.replace(PARTNER_COUNT, ''));
/** A count right after the name: "寄宿制学校98所". */
const COUNT_AFTER =
  /^(?:落地|开工|签约|建成|投产|竣工|完成|实施|达到|共|累计)?(?:\d+|[一二两三四五六七八九十百千]+)(?:个|项|批|家|所|座|条|套|处)/u;
/** Sums and statistics: the amount in such a sentence belongs to no one project. */
const TOTALS = /累计|合计|共计|总计|完成投资|完成固定资产投资|占年计划|GDP|生产总值|增加值|税收|财政|预算|收入|扶贫资金|专项资金|资金\d/u;

/** A clause that lists what a project consists of. */
const COMPONENTS = /^(?:主要|重点)?(?:建设内容|建设规模|主要建设|主要包括|主要生产|主要产品|包括|涵盖|配套建设|分为)/u;
/** A sentence that grants to a class ("对…的制造业项目…给予奖励"): the phrase after 对 names who may have it. */
const ADDRESSEE = /^(?:对|针对|凡|对于)/u;
const GRANTS = /给予|奖励|补助|补贴|贴息|奖补|实行|享受|开辟|优先|予以|免征|减免|挂图作战|明确/u;

const ETC = new RegExp(`^(.*?)等(.{0,12}?(?:${HEAD}))`, 'u');

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

const GENERIC_ADJECTIVE = /^(?:一批|重大|重点|优质|知名|大型|新)+/u;

/** The name up to its first head that is followed by a predicate or by nothing, else null. */
function headed(text: string): string | null {
  const m = NAME_THEN_PREDICATE.exec(text);
  return m ? m[1] : ENDS_IN_HEAD.test(text) ? text : null;
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
  // A phase or a line of one facility is specific even when every word is generic: "机场二期改扩建", "地铁1号线".
  // So is the new campus of one institution: "市中医院新院区", "县一中新校区".
  if (/[一二三四五六七八九]期|\d+号线|新院区|新校区/u.test(name) && !/第.批/u.test(name)) return name;
  let bare = name.replace(/[“”"‘’《》（）()]/gu, '');
  // Places say where, not which: "开封“8712”重点项目" is a programme of 开封.
  for (const place of recogniseRegions(bare).reverse()) bare = bare.slice(0, place.start) + bare.slice(place.end);
  const rest = bare.replace(/\d{2,4}年(?:[上下]半年|度)?/gu, '').replace(GENERIC, '');
  // Digits alone ("“8712”重点项目") name a programme, not a project; "220千伏胡陈" keeps its Han part.
  return /\p{Script=Han}{2}|[A-Za-z]{3}/u.test(rest) ? rest : '';
}

interface Piece {
  start: number;
  text: string;
}

/** Items of a list clause "A、B和C": the separators between project names. */
function listItems(clause: Piece): Piece[] {
  const out: Piece[] = [];
  // A quoted slogan is one item: "“人人持证、技能河南”建设工程".
  const re = /(?:[“"‘][^”"’]*[”"’]|[^、“"‘])+/gu;
  for (const m of clause.text.matchAll(re)) {
    // "A和B" inside an item splits only when both sides end like a project.
    const parts = m[0].split(/(?<=(?:项目|工程|厂|院|楼|园|中心|基地|[一二三四五六七八九]期))(?:和|及|与)/u).flatMap(sharedHeadPair);
    let at = clause.start + m.index;
    for (const p of parts) {
      out.push({ start: at, text: p });
      at += p.length + (m[0].slice(at - clause.start - m.index + p.length).match(/^(?:和|及|与)/u)?.[0].length ?? 0);
    }
  }
  return out;
}

/** "建设城北和城南幼儿园": a short bare name before 和 shares the head of the name after it — two items. */
function sharedHeadPair(part: string): string[] {
  const m = /^(.+?)(和|及|与)(.{2,20})$/u.exec(part);
  if (!m || !ENDS_IN_HEAD.test(m[3]) || headed(m[1]) !== null) return [part];
  const bare = strip(m[1]).name;
  return bare.length >= 2 && bare.length <= 4 && /^\p{Script=Han}+$/u.test(bare) ? [m[1], m[3]] : [part];
}

function moneyNear(sentence: Piece, amounts: AmountMention[]): AmountMention[] {
  return amounts.filter((a) => a.currency === 'CNY' && a.start >= sentence.start && a.end <= sentence.start + sentence.text.length);
}

interface Candidate {
  start: number;
  name: string;
  headed: boolean;
  specific: string;
  kind: ProjectMention['kind'];
}

/** One list item as a possible project name: verbs stripped, cut after an inner verb or 的, classified. */
function candidateIn(text: string, item: Piece): Candidate | null {
  let { name, cut } = strip(item.text.replace(/\s+$/u, ''));
  const headedName = headed(name);
  if (headedName !== null) name = headedName;
  const countedWhole = counts(name);
  // "开封精准谋划储备项目", "符合…需要的重大项目", "濮阳市的东站项目": the name is what follows the last verb or 的.
  const inner = INNER_VERB.exec(name);
  const of = name.lastIndexOf('的');
  const at = Math.max(inner && inner[0].length < name.length - 1 ? inner[0].length : 0, of >= 0 && of < name.length - 2 ? of + 1 : 0);
  if (at > 0) {
    const rest = strip(name.slice(at));
    cut += at + rest.cut;
    name = rest.name;
  }
  // "推动招商引资和项目建设", "尉州大道改造提升和乡村绿化工程": when what precedes 和 is no project, the name is what follows.
  const and = /^(.+?)(?:和|与|及)(.+)$/u.exec(name);
  if (and && headed(and[1]) === null) {
    cut += and[1].length + 1;
    name = and[2];
  }
  if (name.length < 2 || name.length > 40 || NOT_A_NAME.test(name)) return null;
  const start = item.start + cut;
  const counted = countedWhole || counts(name) || COUNT_AFTER.test(text.slice(start + name.length, start + name.length + 10));
  const specific = specificPart(name);
  return {
    start,
    name,
    specific,
    headed: headedName !== null || ENDS_IN_HEAD.test(name),
    kind: counted ? 'aggregate' : specific.length < 2 ? 'generic' : 'project',
  };
}

/** Every project and aggregate mention in `text`, in order. */
export function findProjectMentions(text: string): ProjectMention[] {
  const candidate = (item: Piece, _listed: boolean) => candidateIn(text, item);
  const amounts = findAmounts(text);
  const places = recogniseRegions(text);
  const out: ProjectMention[] = [];
  for (const s of text.matchAll(SENTENCE)) {
    const sentence: Piece = { start: s.index, text: s[0] };
    const sentenceRange = { start: s.index, end: s.index + s[0].length };
    const found: Array<
      Omit<ProjectMention, 'amount' | 'confidence'> & { clauseStart: number; clauseEnd: number; specific: string; listed: boolean }
    > = [];
    for (const c of s[0].matchAll(CLAUSE)) {
      const clause: Piece = { start: s.index + c.index, text: c[0] };
      // "…项目投资18.5亿元，主要建设再生铝、再生铜生产线": the parts of the project just named, not projects.
      if (COMPONENTS.test(clause.text)) continue;
      // "A、B等重大项目" / "A、B等204个项目开工建设": the items before 等 are the projects, with or without a head.
      const etc = ETC.exec(clause.text);
      // "A、B等全线贯通": a list before 等, each item still has to end like a project.
      const list = etc ? null : /^(.*?)等/u.exec(clause.text);
      const items = etc
        ? listItems({ start: clause.start, text: etc[1] })
        : listItems({ start: clause.start, text: list ? list[1] : clause.text });
      const candidates = items.map((item) => candidate(item, Boolean(etc)));
      // "A、B和C项目建设", "济洛西、尧栾西高速尧栾段建成通车": when the list's last item is a project, the items before it share its
      // head; after "等…领域项目" the items are categories.
      const last = candidates[candidates.length - 1];
      const shared = candidates.length > 1 && last !== null && last.headed && last.kind === 'project';
      const categories = etc !== null && CATEGORY.test(etc[2]);
      // "一批产业转型、基础设施、民生保障项目": one counted item makes the whole list a collective.
      const countedList = candidates.length > 1 && items.some((i) => COUNTED.test(i.text.split(/[和与及]/u)[0]) && !headed(i.text));
      for (const c of candidates) {
        if (!c) continue;
        if (!etc && !c.headed && !(shared && c.name.length <= 12)) continue;
        if (c.name.length < 3 && !etc && !shared) continue;
        const kind = countedList
          ? 'aggregate'
          : categories && c.kind === 'project'
            ? 'generic'
            : !etc && !c.headed && ACTIVITY.test(c.name)
              ? 'generic'
              : c.kind;
        const etcKind = etc && !c.headed && ACTIVITY.test(c.name) ? 'generic' : kind;
        // "洛吉、洛新等快速通道": the list's head completes a bare item's name.
        // "城北和城南幼儿园": a bare item before the list's headed last item takes that item's head.
        const head =
          etc && !c.headed
            ? etc[2].replace(GENERIC_ADJECTIVE, '')
            : shared && !c.headed && last
              ? (new RegExp(`(?:${HEAD})$`, 'u').exec(last.name)?.[0] ?? '')
              : '';
        found.push({
          kind: etcKind,
          start: c.start,
          end: c.start + c.name.length,
          name: c.name,
          title: c.name + (COUNTED.test(head) ? '' : head),
          sentence: sentenceRange,
          stage: stageOf(clause.text, sentence.text),
          clauseStart: clause.start,
          clauseEnd: clause.start + clause.text.length,
          specific: c.specific,
          listed: Boolean(etc || shared),
        });
      }
      if (etc && COUNTED.test(etc[2])) {
        const at = clause.start + etc[1].length + 1;
        found.push({
          kind: 'aggregate',
          start: at,
          end: clause.start + etc[0].length,
          name: clause.text.slice(at - clause.start, etc[0].length),
          title: '',
          sentence: sentenceRange,
          stage: null,
          clauseStart: clause.start,
          clauseEnd: clause.start + clause.text.length,
          specific: '',
          listed: false,
        });
      }
    }
    const projects = found.filter((f) => f.kind === 'project');
    // Sums and statistics spend the amounts of their own clause: "X项目总投资二十亿元，今年将完成投资8亿元" keeps the first.
    const totalled = [...sentence.text.matchAll(CLAUSE)]
      .filter((c) => TOTALS.test(c[0]))
      .map((c) => ({ start: sentence.start + c.index, end: sentence.start + c.index + c[0].length }));
    const money = moneyNear(sentence, amounts).filter((a) => !totalled.some((c) => a.start >= c.start && a.end <= c.end));
    const judged = found.map((f) => {
      let amount: AmountMention | null = null;
      if (f.kind === 'project') {
        // "总投资14.85亿元的X项目" / "X项目，总投资5亿元": the amount right next to the name is its own.
        const adjacent = money.find(
          (a) =>
            (a.end <= f.start &&
              /^的?$/u.test(text.slice(a.end, f.start)) &&
              /投资/u.test(text.slice(Math.max(0, a.start - 4), a.start))) ||
            (a.start >= f.end && a.start - f.end <= 6 && /投资/u.test(text.slice(f.end, a.start))),
        );
        // Otherwise a sentence with one project and one investment amount ("计划投资11亿元，开工建设三中迁建项目").
        const invested = money.filter((a) => /投资|资金|总额/u.test(text.slice(Math.max(sentence.start, a.start - 5), a.start)));
        // A sentence that also counts things ("新建14所中小学校") spends its amount on more than this one project.
        const countsOthers = counts(sentence.text.slice(0, f.start - sentence.start) + sentence.text.slice(f.end - sentence.start));
        amount = adjacent ?? (projects.length === 1 && invested.length === 1 && !countsOthers ? invested[0] : null);
      }
      const clause = text.slice(f.clauseStart, f.clauseEnd);
      // "对新落户郑州市、固定资产投资5亿元以上的制造业项目…给予奖励": a class the sentence grants to, not a project.
      if (f.kind === 'project' && ADDRESSEE.test(clause) && GRANTS.test(sentence.text))
        return { f, amount: null, verdict: { project: false, reason: 'addressee' } as const };
      const verdict =
        f.kind === 'project'
          ? judgeProject({
              name: f.name,
              clause,
              before: text.slice(f.clauseStart, f.start),
              after: text.slice(f.end, f.clauseEnd),
              hasAmount: amount !== null,
              hasPlace: places.some((p) => p.start >= f.start && p.end <= f.end),
            })
          : null;
      return { f, amount, verdict };
    });
    for (const { f, amount: own, verdict } of judged) {
      let amount = own;
      let kind = f.kind;
      if (verdict && !verdict.project) {
        // "凯盛“新洛玻”、忠旺高端铝精深加工等项目": items of one list are of one kind — a name the test cannot bound on its own
        // is a project when a sibling in the same list is one.
        const sibling =
          verdict.reason === 'unbounded' &&
          f.listed &&
          judged.some((o) => o.f !== f && o.f.clauseStart === f.clauseStart && o.f.listed && o.verdict?.project === true);
        if (!sibling) {
          kind = 'programme';
          amount = null;
        }
      }
      const confidence =
        kind !== 'project' ? 0.9 : Math.min(0.95, 0.5 + (amount ? 0.2 : 0) + (f.specific.length >= 3 ? 0.15 : 0) + (f.listed ? 0.1 : 0));
      const { clauseStart: _c, clauseEnd: _e, specific: _s, listed: _l, ...mention } = f;
      out.push({ ...mention, kind, amount, confidence });
    }
  }
  return out;
}
