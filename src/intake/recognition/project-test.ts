/**
 * "Is this a project?" — the test a phrase that already looks like a named project (a specific name
 * ending in a project head) must still pass. A project (招商项目) is one bounded undertaking: it
 * is built or run somewhere, by someone, for a sum, and moves through stages. Reports and
 * articles name many things the same way that are not that:
 *   - activities and campaigns: "“万人助万企”活动", "百日攻坚行动", "蓝天保卫战", "招商洽谈会";
 *   - programmes: a policy line under a project-like head, "名校长名教师培养工程", "“四水同治”工程",
 *     "“菜篮子”工程", "企业上市倍增计划" — they act on people or on a whole sector, not on one site
 *     (a physical object in the name can still make one: "某某河道综合治理工程");
 *   - parts of a project: "主体工程", "一期工程" alone.
 * (Counts and sums — "98个项目", "完成投资59.5亿元" — are aggregates, told apart before this test.)
 *
 * The rule, in order:
 *   1. A name that says it is an activity (行动, 活动, 攻坚, 保卫战, 洽谈会 …) is none; one that brands
 *      itself with a quoted slogan before an abstract head ("“四水同治”工程") is a programme, and so is
 *      one that acts on people (培养, 人才, 帮扶, 计划 …) unless an owner or its own amount bounds it.
 *      A name that covers every place of a kind ("农村电网改造工程", "中小学校舍安全工程") is a programme
 *      too, unless its own amount, a phase (一期), an owner or a place makes it one undertaking.
 *   2. A physical head (厂, 电站, 水库, 医院, 大道, 产业园 …) is bounded by what it is.
 *   3. An abstract head (项目, 工程, 中心, 基地) needs one piece of bounding evidence: an investment of
 *      its own, a physical object or a product in its name (污水管网, 年产10万吨面粉), an owner or a
 *      site (有限公司, a place), or a verb that only an undertaking takes (开工, 竣工, 签约, 投产 …, or
 *      建设 with the name as its object).
 */

export type ProjectVerdict =
  | { readonly project: true; readonly evidence: BoundingEvidence }
  | { readonly project: false; readonly reason: 'activity' | 'programme' | 'unbounded' };

export type BoundingEvidence = 'physical-head' | 'amount' | 'phase' | 'object' | 'owner' | 'site' | 'stage';

export interface ProjectCandidate {
  /** The name, as found (verbs stripped). */
  readonly name: string;
  /** The clause around the name (for the verbs that act on it). */
  readonly clause: string;
  /** What precedes the name in its clause (the verbs that act on it: "建设", "实施"). */
  readonly before: string;
  /** What follows the name in the clause, up to the clause's end ("活动", "行动" after a name). */
  readonly after: string;
  /** The name has an investment amount of its own. */
  readonly hasAmount: boolean;
  /** A place (GB/T 2260) is named inside the name. */
  readonly hasPlace: boolean;
}

/** Words that make a name an activity or a campaign: nothing is built, something is done for a while. */
const ACTIVITY_WORD =
  /行动|活动|攻坚|战役|保卫战|攻坚战|会战|竞赛|评比|评选|大会|洽谈会|推介会|博览会|交易会|论坛|峰会|年会|招商周|宣传月|服务月|项目建设年|工作$|专项$/u;
/** Words that make a name a programme that acts on people or on a whole sector: no one site could hold it. */
const PROGRAMME_WORD =
  /计划|培养|培训|引育|人才(?!公寓|大厦|社区|小区|港|城)|名师|名校长|帮扶|结对|持证|回故乡|回归|倍增|上市|菜篮子|创建|助企|暖心|民心|安心|放心|满意|示范(?:工程|项目)$/u;
/** Words of a programme that a physical object in the name can still turn into one undertaking ("河道综合治理工程"). */
const SOFT_PROGRAMME_WORD = /振兴|同治|提质|整治|治理|惠民|文明|平安|清洁|美丽|巩固|提升工程$/u;
/** A quoted slogan before an abstract head: "“四水同治”工程", "“双招双引”项目". */
const SLOGAN_THEN_HEAD = /[“"‘][^”"’]{2,24}[”"’]\p{Script=Han}{0,6}(?:工程|项目|行动|活动|计划)$/u;
/** A name that covers every place of a kind names many sites, not one: "乡村道路畅通工程", "中小学校舍安全工程". */
const COLLECTIVE = /^(?:农村|乡村|城乡|城镇|全域|全县|全市|全省|全区|中小学|中小企业|各类|各地|村庄|农户|老旧|危房|新一轮)/u;

/** Heads that name a thing that is built, whatever precedes them. */
const PHYSICAL_HEAD =
  /(?:产业园|工业园|园区|电站|水库|水厂|处理厂|发电厂|电厂|工厂|厂区|生产线|医院|院区|学校|小学|中学|综合体|小镇|大道|通道|枢纽|科技城|物流园|安置房|输变电|高铁|铁路|高速|机场|码头|港区|博物馆|体育馆|号线|车场|幼儿园|图书馆|文化馆|体育场|科技馆|迁建|改扩建|扩建|厂|站|馆|桥|路)(?:[一二三四五六七八九]期)?$/u;

/** Physical objects and products inside a name: what an undertaking builds or makes. */
const OBJECT =
  /路|桥|隧道|站|厂|场|馆|院|校|园|库|渠|堤|坝|闸|管|基地|中心|线路|变电|电网|光伏|风电|储能|充电|港|仓|楼|房|塔|井|泵|河(?![南北])|湖|水系|广场|枢纽|机场|铁路|公路|大道|车间|生产线|年产|万吨|千伏|兆瓦|万千瓦|MW|GW|加工|制造|装备|材料|芯片|电子|汽车|食品|纺织|化工|医药|冷链|物流|数据中心|算力|调蓄|引黄|供水|污水|垃圾|焚烧|热电|燃气|天然气|氢|锂|铝|钢|石化|PPP|EPC/u;
/** Who runs it: an enterprise named in the name. */
const OWNER = /有限公司|有限责任公司|股份|集团|公司|企业(?!上市)|控股|实业|科技(?!创新)|[A-Za-z]{2,}/u;
/** Verbs only an undertaking takes: programmes are 实施ed and 推进ed too, but never 开工ed or 签约ed. */
const STAGE_VERB =
  /开工|动工|开建|竣工|建成|完工|封顶|投产|达产|投用|投入使用|通车|贯通|并网|蓄水|下闸|试运行|签约|签订|落地|落户|入驻|引进|招引|迁建|新建|续建|改扩建|扩建|主体完工/u;

/** The name is what is built: "建设天地人车智慧环保项目", "…中心项目建设" (programmes are 实施ed, not built). */
const BUILT = /(?:建设|新建|兴建|筹建|续建|开建)了?$/u;

/** Whether `c` names one bounded undertaking, and why (see the rule above). */
export function judgeProject(c: ProjectCandidate): ProjectVerdict {
  const name = c.name;
  if (
    ACTIVITY_WORD.test(name) ||
    /^(?:建设|集中签约|集中开工|观摩)?(?:活动|行动|攻坚|专项行动|大会|系列活动|工作|会战|评比)/u.test(c.after)
  )
    return { project: false, reason: 'activity' };
  if (SLOGAN_THEN_HEAD.test(name)) return { project: false, reason: 'programme' };
  // A programme word keeps a name a programme unless an owner or an amount of its own makes it one
  // undertaking ("某某有限公司员工培训中心项目").
  const programme = PROGRAMME_WORD.test(name);
  if (programme && !c.hasAmount && !OWNER.test(name)) return { project: false, reason: 'programme' };
  if (c.hasAmount) return { project: true, evidence: 'amount' };
  // A phase is a stretch of one undertaking: "农村污水治理一期工程".
  if (/[一二三四五六七八九]期/u.test(name)) return { project: true, evidence: 'phase' };
  if (COLLECTIVE.test(name) && !OWNER.test(name) && !c.hasPlace) return { project: false, reason: 'programme' };
  if (PHYSICAL_HEAD.test(name)) return { project: true, evidence: 'physical-head' };
  if (programme && !OWNER.test(name)) return { project: false, reason: 'programme' };
  if (OBJECT.test(name)) return { project: true, evidence: 'object' };
  if (SOFT_PROGRAMME_WORD.test(name)) return { project: false, reason: 'programme' };
  if (OWNER.test(name)) return { project: true, evidence: 'owner' };
  if (STAGE_VERB.test(c.clause) || BUILT.test(c.before) || /^(?:项目)?建设/u.test(c.after)) return { project: true, evidence: 'stage' };
  if (c.hasPlace) return { project: true, evidence: 'site' };
  return { project: false, reason: 'unbounded' };
}
