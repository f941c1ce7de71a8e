/**
 * Money amounts in Chinese text, in exact integer yuan. "14.85亿元" is computed as 1485 × 10^6 on
 * BigInt, never as 14.85 × 1e8 in floating point (which gives 1484999999.9999998).
 */

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Record<string, bigint> = { 万: 10_000n, 亿: 100_000_000n };

/** Multipliers written after a number: 万, 亿, 万亿, 千万, 百万, 十万, 千亿 … (longest first). */
const MULTIPLIERS: Array<[string, bigint]> = [
  ['万亿', 1_000_000_000_000n],
  ['千亿', 100_000_000_000n],
  ['百亿', 10_000_000_000n],
  ['十亿', 1_000_000_000n],
  ['亿', 100_000_000n],
  ['千万', 10_000_000n],
  ['百万', 1_000_000n],
  ['十万', 100_000n],
  ['万', 10_000n],
  ['千', 1_000n],
];

/** A decimal string ("14.85", "1,200") as an exact fraction: digits and a power-of-ten divisor. */
function decimal(text: string): { digits: bigint; scale: number } | null {
  const clean = text.replace(/[,，]/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(clean);
  if (!m) return null;
  const frac = m[2] ?? '';
  return { digits: BigInt(m[1] + frac), scale: frac.length };
}

/** Chinese numerals to an integer: 二十 → 20, 三千五百 → 3500, 一亿二千万 → 120000000, 一二三 → 123. */
export function parseChineseInteger(text: string): bigint | null {
  const chars = [...text];
  if (chars.length === 0) return null;
  if (chars.every((c) => c in DIGIT)) return BigInt(chars.map((c) => DIGIT[c]).join(''));
  let yi = 0n;
  let wan = 0n;
  let section = 0n;
  let digit = 0n;
  let sawDigit = false;
  for (const c of chars) {
    if (c in DIGIT) {
      digit = BigInt(DIGIT[c]);
      sawDigit = true;
    } else if (c in SMALL_UNIT) {
      section += (sawDigit ? digit : 1n) * BigInt(SMALL_UNIT[c]);
      digit = 0n;
      sawDigit = false;
    } else if (c === '万') {
      wan = (wan + section + digit) * BIG_UNIT.万;
      section = digit = 0n;
      sawDigit = false;
    } else if (c === '亿') {
      yi = (yi + wan + section + digit) * BIG_UNIT.亿;
      wan = section = digit = 0n;
      sawDigit = false;
    } else return null;
  }
  return yi + wan + section + digit;
}

export interface AmountMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Exact integer amount in the currency's unit (yuan for 元). */
  readonly value: number;
  readonly currency: 'CNY' | 'USD' | 'EUR';
  /** "以上", "超", "近", "约", "多/余" — the amount is a bound or an estimate, not exact. */
  readonly qualifier: 'over' | 'about' | 'under' | null;
}

const CN_NUM = '零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟';
const NUMBER = `(?:\\d+(?:[,，]\\d{3})*(?:\\.\\d+)?|[${CN_NUM}]+)`;
const MULT = '(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)';
/** Measure words that make "6.2万亩" or "3万余人" a quantity, not money. */
const MEASURE = /[亩人吨户个家项台套辆座所条米千瓦度头只羽株次件份册张平方公里]/u;
const AMOUNT_RE = new RegExp(`(${NUMBER})(多|余)?(${MULT})?(多|余)?(元|美元|欧元|人民币)?(以上|以内|以下|左右)?`, 'gu');

/** Parse one amount such as "14.85亿元", "8484万元", "二十亿元", "1.2万亿" into exact integer yuan; null if not an amount. */
export function parseChineseAmount(text: string): number | null {
  const found = findAmounts(text.trim(), { bare: true });
  if (found.length !== 1 || found[0].start !== 0 || found[0].end !== text.trim().length) return null;
  return found[0].value;
}

function toValue(number: string, multiplier: string | undefined): bigint | null {
  let base: { digits: bigint; scale: number } | null = decimal(number);
  if (!base) {
    // Chinese numerals may carry their own 万/亿 ("一亿二千万"); a trailing multiplier applies on top.
    const n = parseChineseInteger(number);
    if (n === null) return null;
    base = { digits: n, scale: 0 };
  }
  const mult = multiplier ? MULTIPLIERS.find(([m]) => m === multiplier)![1] : 1n;
  const scaled = base.digits * mult;
  const divisor = 10n ** BigInt(base.scale);
  // Amounts in yuan are whole; a fraction of a yuan ("1.234567元") is rounded half up.
  return (scaled * 2n + divisor) / (divisor * 2n);
}

/**
 * Every amount of money in a text, with UTF-16 offsets. Money is a number with 元/美元 after it, or with
 * 亿/万亿 and no measure word after it ("投资10亿" is money; "6.2万亩", "3万余人", "1万吨" are not).
 * `bare: true` also accepts a plain multiplier without 元 ("8484万"), for parsing form input.
 */
export function findAmounts(text: string, options: { bare?: boolean } = {}): AmountMention[] {
  const out: AmountMention[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    const [whole, number, many1, multiplier, many2, currencyWord, bound] = m;
    const start = m.index;
    // A Chinese numeral run that is really a word ("一是", "十三五", "万人") is not money unless 元 follows.
    const chinese = !/\d/.test(number);
    if (!currencyWord) {
      const next = text.charAt(start + whole.length);
      const byMultiplier = multiplier !== undefined && multiplier.includes('亿') && !MEASURE.test(next);
      if (!byMultiplier && !(options.bare === true && (multiplier !== undefined || chinese || whole === text))) continue;
    }
    const value = toValue(number, multiplier);
    if (value === null || value <= 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) continue;
    const prefix = text.slice(Math.max(0, start - 8), start);
    const qualifier =
      bound === '以上' || many1 || many2 || /(?<!不)(超过|超|逾|突破)$/.test(prefix)
        ? 'over'
        : bound === '以内' || bound === '以下' || /(不超过|最高|最多|上限)[^，。；,;\d]{0,4}$/.test(prefix)
          ? 'under'
          : bound === '左右' || /(约|近|大约)$/.test(prefix)
            ? 'about'
            : null;
    const currency = currencyWord === '美元' ? 'USD' : currencyWord === '欧元' ? 'EUR' : 'CNY';
    const end = start + whole.length - (bound ? bound.length : 0);
    out.push({ start, end, text: text.slice(start, end), value: Number(value), currency, qualifier });
  }
  return out;
}
