import { readFileSync } from 'node:fs';
import { industries } from '../../reference/industries.js';
import { Dictionary } from './matcher.js';

/**
 * Industries named in a text, as GB/T 4754 codes. Two sources: the standard's own names (a text rarely
 * says "涂料制造", so also their cores — "涂料" — when three characters or longer), and the kept keyword
 * table `industry-keywords.csv` (生猪 → A0313, 汽车漆 → C2641 …), reviewed like code. Admins add
 * keywords at run time through the intake API (`intake_industry_keywords`); they are passed in as `extra`.
 */

export interface IndustryKeyword {
  readonly keyword: string;
  readonly codes: readonly string[];
}

export interface IndustryMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly codes: readonly string[];
  readonly via: 'keyword' | 'name';
}

let table: IndustryKeyword[] | undefined;

/** The reviewed keyword table shipped with the code; every code in it is checked against GB/T 4754 on load. */
export function keywordTable(): readonly IndustryKeyword[] {
  if (!table) {
    const lines = readFileSync(new URL('./industry-keywords.csv', import.meta.url), 'utf8')
      .trim()
      .split(/\r?\n/);
    if (lines.shift() !== 'keyword,codes,note') throw new Error('industry-keywords.csv: unexpected header');
    table = lines.map((line) => {
      const [keyword, codes] = line.split(',');
      const list = codes.split('|');
      for (const c of list) if (!industries().has(c)) throw new Error(`industry-keywords.csv: ${keyword}: unknown code ${c}`);
      return { keyword, codes: list };
    });
  }
  return table;
}

const SUFFIX = /(?:制造|加工|种植|饲养|养殖|生产和供应|生产|服务|零售|批发|开采|冶炼|管理)$/u;

function nameEntries(): IndustryKeyword[] {
  const out: IndustryKeyword[] = [];
  for (const node of industries().all()) {
    if (node.level < 3 || /^其他|未列明|、|和|及/.test(node.name)) continue;
    out.push({ keyword: node.name, codes: [node.code] });
    const core = node.name.replace(SUFFIX, '');
    if (core !== node.name && core.length >= 3) out.push({ keyword: core, codes: [node.code] });
  }
  return out;
}

const cache = new Map<string, Dictionary<{ codes: readonly string[]; via: IndustryMention['via'] }>>();

function matcher(extra: readonly IndustryKeyword[]) {
  const key = extra.map((k) => `${k.keyword}=${k.codes.join('|')}`).join(',');
  let m = cache.get(key);
  if (!m) {
    const byPattern = new Map<string, { codes: readonly string[]; via: IndustryMention['via'] }>();
    for (const n of nameEntries()) byPattern.set(n.keyword, { codes: n.codes, via: 'name' });
    // Reviewed keywords win over the standard's names; an admin's keyword wins over the shipped one.
    for (const k of [...keywordTable(), ...extra]) byPattern.set(k.keyword, { codes: k.codes, via: 'keyword' });
    m = new Dictionary([...byPattern].map(([pattern, data]) => ({ pattern, data })));
    if (cache.size > 8) cache.clear();
    cache.set(key, m);
  }
  return m;
}

/** Every industry word in `text`, left to right, longest match first ("汽车漆" before "汽车"). */
export function recogniseIndustries(text: string, extra: readonly IndustryKeyword[] = []): IndustryMention[] {
  const out: IndustryMention[] = [];
  for (const m of matcher(extra).matches(text)) {
    if (!m.data) continue;
    out.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), codes: m.data.codes, via: m.data.via });
  }
  return out;
}

/** The distinct codes named in `text`, most specific first, without a code that is an ancestor of another. */
export function industryCodesIn(text: string, extra: readonly IndustryKeyword[] = []): string[] {
  const codes = new Set(recogniseIndustries(text, extra).flatMap((m) => m.codes));
  const tree = industries();
  return [...codes].filter((c) => ![...codes].some((o) => o !== c && tree.isWithin(o, c)));
}
