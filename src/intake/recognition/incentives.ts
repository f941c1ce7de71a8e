import { CERTIFICATION_KINDS, type CertificationKind } from '../../enterprises/enterprise.vocabulary.js';
import type { Condition } from '../../policies/eligibility/conditions.js';
import type { IncentiveKind } from '../../policies/policy.vocabulary.js';
import { findAmounts } from './amounts.js';
import { industryCodesIn, type IndustryKeyword } from './industries.js';

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
  ['fast_track', /绿色通道|容缺|并联审批|简化审批|优化审批|审批流程|优先审批|全程代办|帮办代办/u],
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
const REPORTED = /发放|累计|共计|合计|完成|投入.{0,6}资金|兑现了|已|争取|了/u;
/** …unless the clause itself grants to someone: "对完成智能化改造…的企业给予资金奖补". */
const ADDRESSED_GRANT = /给予|享受|可申请|开辟|对.{1,30}的/u;

const CLAUSE = /[^。！？；;\n]+/gu;

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
    if (!/企业|项目|投资者|单位|人才|主体/u.test(quote) && !FUND.test(quote)) continue;
    const amounts = findAmounts(quote).filter((a) => a.currency === 'CNY');
    const ceiling = amounts.find((a) => a.qualifier === 'under') ?? (amounts.length === 1 ? amounts[0] : undefined);
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
