import { CERTIFICATION_KINDS, type CertificationKind } from '../../enterprises/enterprise.vocabulary.js';
import type { Condition } from '../../policies/eligibility/conditions.js';
import type { IncentiveKind } from '../../policies/policy.vocabulary.js';
import { findAmounts } from './amounts.js';
import { industryCodesIn, type IndustryKeyword } from './industries.js';
import { recogniseRegions } from './regions.js';
import type { EnterpriseSize } from '../../enterprises/enterprise.vocabulary.js';

/**
 * Incentive statements in policy texts and articles: "入库培育企业将在项目审批中享受“绿色通道”",
 * "对完成智能化改造…的企业给予资金奖补". A statement is a clause that grants something (给予, 享受,
 * 开辟, 可申请, 优先 …) of a kind the platform knows; who may have it (certification, industry,
 * minimum investment) becomes conditions in the eligibility schema the matcher already evaluates.
 */

export interface IncentiveMention {
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly kind: IncentiveKind;
  readonly maxAmountYuan: number | null;
  readonly amount: { start: number; end: number } | null;
  readonly conditions: Condition[];
  readonly conditionEvidence: Array<{ start: number; end: number }>;
  readonly confidence: number;
}

/** Kind cues in order of precedence: the first that matches names the clause's kind. */
const KINDS: Array<[IncentiveKind, RegExp]> = [
  ['fast_track', /绿色通道|容缺|并联审批|简化审批|优化审批|审批流程|优先审批|全程代办|帮办代办|审批模式|告知承诺|承诺制/u],
  ['credit', /信用|增信/u],
  ['loan', /贷款|贴息|信贷|融资|担保|基金/u],
  ['land', /用地|土地|标准地|厂房/u],
  ['tax', /税收优惠|减免|免征|减征|退税|税费/u],
  ['talent', /人才(?:引进|补贴|奖励|公寓|住房|津贴)|引进.{0,6}人才|安家费|购房补贴/u],
  ['subsidy', /奖补|补贴|补助|奖励|资金支持|以奖代补|专项资金|引导资金/u],
];

/** Words that grant: without one the clause reports or describes, it does not offer. */
const GRANT = /给予|享受|享有|开辟|可申请|优先|提供|支持|设立|建立|出资|实行|实施|简化|优化|予以|补贴|奖补|奖励|减免|纳入|出让|安排|保障/u;
/** A fund set up for enterprises is an offer even when the clause does not say to whom ("设立产业发展引导资金"). */
const FUND = /(?:设立|建立|出资).{0,16}(?:资金|基金|资金池)/u;
/** Past figures ("发放就业补贴2137万元", "累计…") are statistics, not offers. */
const REPORTED = /发放|累计|共计|合计|完成|投入.{0,6}资金|兑现|惠及|已|争取|了/u;
/** …unless the clause itself grants to someone: "对完成智能化改造…的企业给予资金奖补". */
const ADDRESSED_GRANT = /给予|享受|可申请|开辟|对.{1,30}的/u;

const CLAUSE = /[^。！？；;\n]+/gu;

const LAND_PRICE = /工业用地|出让底价|出让价|地价/u;
/** Words that settle an addressee in a place: "新落户郑州市", "在尉氏县注册", "入驻航空港区". */
const SETTLED = /落户|注册|在|入驻|位于|迁入/u;
/** Enterprise sizes (工信部联企业〔2011〕300号): 中小企业 are medium, small and micro ones. */
const SIZES: Array<[RegExp, EnterpriseSize[]]> = [
  [/中小微|中小/u, ['micro', 'small', 'medium']],
  [/小微/u, ['micro', 'small']],
  [/大型|大中型/u, ['large']],
];
const CERTIFIED_SME = /科技型中小企业|专精特新中小企业/gu;

const CERTIFICATIONS = (Object.entries(CERTIFICATION_KINDS) as Array<[CertificationKind, string]>).map(([kind, label]) => ({
  kind,
  words: [
    label,
    label.replace(/企业$/u, ''),
    ...(kind === 'high_tech' ? ['高新技术企业', '高企'] : []),
    ...(kind === 'specialized_sme' ? ['专精特新'] : []),
  ],
}));

function certificationsIn(text: string): Array<{ kind: CertificationKind; start: number; end: number }> {
  const out: Array<{ kind: CertificationKind; start: number; end: number }> = [];
  for (const c of CERTIFICATIONS) {
    for (const w of c.words) {
      const i = text.indexOf(w);
      if (i >= 0) {
        out.push({ kind: c.kind, start: i, end: i + w.length });
        break;
      }
    }
  }
  // "专精特新“小巨人”" also contains 专精特新: keep the more specific one.
  return out.some((c) => c.kind === 'little_giant') ? out.filter((c) => c.kind !== 'specialized_sme') : out;
}

/**
 * Every incentive offered in `text`. A certification named in the document's title ("河南108家产教融合型企业…")
 * applies to offers that name no certification of their own: the whole text is about those enterprises.
 */
export function findIncentives(
  text: string,
  options: { title?: string; extraKeywords?: readonly IndustryKeyword[] } = {},
): IncentiveMention[] {
  const subject = certificationsIn(options.title ?? '');
  const out: IncentiveMention[] = [];
  for (const m of text.matchAll(CLAUSE)) {
    const quote = m[0].trim();
    const start = m.index + m[0].indexOf(quote);
    if (quote.length < 6 || quote.length > 200) continue;
    const kind = KINDS.find(([, re]) => re.test(quote))?.[0];
    if (!kind || !GRANT.test(quote) || (REPORTED.test(quote) && !ADDRESSED_GRANT.test(quote))) continue;
    // A clause that only names a kind in passing ("加强政府信用建设") is not an offer: it must address enterprises or projects.
    // (A land price rule addresses whoever buys the land: "工业用地可按…确定出让底价".)
    if (!/企业|项目|投资者|单位|人才|主体/u.test(quote) && !FUND.test(quote) && !(kind === 'land' && LAND_PRICE.test(quote))) continue;
    const amounts = findAmounts(quote).filter((a) => a.currency === 'CNY');
    // The size of a fund ("设立总规模100亿元的…基金") is no one's ceiling.
    const offered = amounts.filter((a) => !/规模$/u.test(quote.slice(Math.max(0, a.start - 3), a.start)));
    const ceiling = offered.find((a) => a.qualifier === 'under') ?? (offered.length === 1 ? offered[0] : undefined);
    const conditions: Condition[] = [];
    const conditionEvidence: Array<{ start: number; end: number }> = [];
    const own = certificationsIn(quote);
    if (own.length) {
      conditions.push({ type: 'certification', anyOf: own.map((c) => c.kind) });
      for (const c of own) conditionEvidence.push({ start: start + c.start, end: start + c.end });
    } else if (subject.length) {
      conditions.push({ type: 'certification', anyOf: subject.map((c) => c.kind) });
    }
    // "对投资1亿元以上的项目" — a minimum investment.
    const min = amounts.find((a) => a.qualifier === 'over' && /投资/u.test(quote.slice(Math.max(0, a.start - 6), a.start)));
    if (min) {
      conditions.push({ type: 'minInvestment', yuan: min.value });
      conditionEvidence.push({ start: start + min.start, end: start + min.end });
    }
    // "对…食品加工企业" — an industry named as the addressee.
    const addressee = /对(.{2,30}?)(?:企业|项目)/u.exec(quote);
    const industries = addressee ? industryCodesIn(addressee[1], options.extraKeywords) : [];
    if (industries.length) conditions.push({ type: 'industry', anyOf: industries.slice(0, 10) });
    // "对新落户郑州市…的项目", "对在尉氏县注册的企业": where the addressee is settled.
    const settled = addressee
      ? recogniseRegions(addressee[1]).filter((p) => SETTLED.test(addressee[1].slice(Math.max(0, p.start - 4), p.start)))
      : [];
    if (settled.length) {
      conditions.push({ type: 'homeRegion', anyOf: [...new Set(settled.map((p) => p.code))] });
      const at = start + (addressee?.index ?? 0) + 1;
      for (const p of settled) conditionEvidence.push({ start: at + p.start, end: at + p.end });
    }
    // "对中小微制造业企业": the enterprise sizes (a certification such as 科技型中小企业 is not a size).
    const size = addressee ? SIZES.find(([re]) => re.test(addressee[1].replace(CERTIFIED_SME, ''))) : undefined;
    if (size) conditions.push({ type: 'enterpriseSize', anyOf: size[1] });
    if (kind === 'land' && /标准地|工业用地|用地/u.test(quote)) conditions.push({ type: 'needsLand' });
    const maxAmountYuan = ceiling && ceiling !== min ? ceiling.value : null;
    out.push({
      start,
      end: start + quote.length,
      quote,
      kind,
      maxAmountYuan,
      amount: ceiling && ceiling !== min ? { start: start + ceiling.start, end: start + ceiling.end } : null,
      conditions,
      conditionEvidence,
      confidence: 0.5 + (own.length || subject.length ? 0.2 : 0) + (/给予|享受|开辟|可申请/u.test(quote) ? 0.2 : 0),
    });
  }
  return out;
}
