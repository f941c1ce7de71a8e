/**
 * TEMPORARY ADAPTER — replace with src/intake/recognition/ when that lands on main.
 *
 * What an article's text mentions: regions (GB/T 2260 names), industries (GB/T 4754 names),
 * amounts (万元/亿元) and — given candidate projects — project titles. The news service turns
 * these into suggestions the editor confirms; nothing is applied without the editor.
 */
import { industries } from '../reference/industries.js';
import { regions } from '../reference/regions.js';

export interface Recognised {
  regionCodes: string[];
  industryCodes: string[];
  amounts: Array<{ text: string; yuan: number }>;
}

let regionNames: Array<{ name: string; code: string }> | null = null;
let industryNames: Array<{ name: string; code: string }> | null = null;

/** Region names worth looking for: full names, and city names without 市 (“洛阳”, “开封”). Longest first. */
function regionLexicon() {
  if (!regionNames) {
    const out = new Map<string, string>();
    for (const r of regions().all()) {
      if (r.name.length < 2 || /^(市辖区|县|省直辖县级行政区划)$/.test(r.name)) continue;
      if (!out.has(r.name)) out.set(r.name, r.code);
      const short = r.name.replace(/(市|省|自治区|特别行政区)$/, '');
      if (r.level <= 2 && short.length >= 2 && short !== r.name && !out.has(short)) out.set(short, r.code);
    }
    regionNames = [...out].map(([name, code]) => ({ name, code })).sort((a, b) => b.name.length - a.name.length);
  }
  return regionNames;
}

function industryLexicon() {
  if (!industryNames) {
    industryNames = [...industries().all()]
      .filter((i) => i.name.length >= 3 && !/其他/.test(i.name))
      .map((i) => ({ name: i.name.replace(/业$/, ''), code: i.code }))
      .filter((i) => i.name.length >= 3)
      .sort((a, b) => b.name.length - a.name.length);
  }
  return industryNames;
}

const UNIT: Record<string, number> = { 亿元: 100_000_000, 万元: 10_000 };
const AMOUNT = /(\d+(?:\.\d+)?)\s*(亿元|万元)/g;

export function recogniseText(text: string, max = 10): Recognised {
  const regionCodes: string[] = [];
  let rest = text;
  for (const { name, code } of regionLexicon()) {
    if (!rest.includes(name)) continue;
    if (!regionCodes.includes(code)) regionCodes.push(code);
    rest = rest.split(name).join(' '); // 尉氏县 is not also 尉氏
    if (regionCodes.length >= max) break;
  }
  const industryCodes: string[] = [];
  for (const { name, code } of industryLexicon()) {
    if (text.includes(name) && !industryCodes.includes(code)) industryCodes.push(code);
    if (industryCodes.length >= max) break;
  }
  const amounts: Recognised['amounts'] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const yuan = Math.round(Number(m[1]) * UNIT[m[2]]);
    if (Number.isSafeInteger(yuan) && !amounts.some((a) => a.text === m[0])) amounts.push({ text: m[0], yuan });
    if (amounts.length >= max) break;
  }
  // in text order is not needed; the owning region's ancestors mentioned too (河南) are kept
  return { regionCodes, industryCodes, amounts };
}

/** Project titles the text names: exactly, or their distinctive part (the title without its region prefix). */
export function mentionedProjects<T extends { id: number; title: string; regionCode: string }>(text: string, candidates: T[]): T[] {
  const r = regions();
  return candidates.filter((p) => {
    if (text.includes(p.title)) return true;
    const names = r.names(p.regionCode);
    let core = p.title;
    for (const n of names) core = core.replace(n, '');
    core = core.replace(/^[（(]?\s*|项目$/g, '').trim();
    return core.length >= 6 && text.includes(core);
  });
}
