/**
 * What an article's text mentions, through the document-intake recognisers
 * (src/intake/recognition: regions by GB/T 2260 names read against the article's region,
 * exact Chinese amounts, industries by name and keyword, project mentions). The news service
 * offers these as suggestions; nothing is applied until the editor confirms it.
 */
import { regions } from '../reference/regions.js';
import { findAmounts, findProjectMentions, industryCodesIn, recogniseRegions, specificPart } from '../intake/recognition/index.js';

export interface Recognised {
  regionCodes: string[];
  industryCodes: string[];
  amounts: Array<{ text: string; yuan: number }>;
  /** Names of the projects the text speaks of (for matching against published projects). */
  projectNames: string[];
}

export function recogniseText(text: string, regionCode: string, max = 10): Recognised {
  const regionCodes = [...new Set(recogniseRegions(text, { regionCode }).map((m) => m.code))].slice(0, max);
  const industryCodes = industryCodesIn(text).slice(0, max);
  const amounts: Recognised['amounts'] = [];
  for (const a of findAmounts(text)) {
    if (a.currency !== 'CNY' || amounts.some((x) => x.text === a.text)) continue;
    amounts.push({ text: a.text, yuan: a.value });
    if (amounts.length >= max) break;
  }
  const projectNames = [
    ...new Set(
      findProjectMentions(text)
        .filter((m) => m.kind === 'project')
        .map((m) => m.name),
    ),
  ].slice(0, 50);
  return { regionCodes, industryCodes, amounts, projectNames };
}

/**
 * Published projects the text names: the title appears in the text, or a project mention and the
 * title share their specific part (the name without generic words such as 项目, 建设).
 */
export function mentionedProjects<T extends { id: number; title: string; regionCode: string }>(
  text: string,
  names: string[],
  candidates: T[],
): T[] {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const mentioned = names.map((n) => squash(specificPart(n))).filter((s) => s.length >= 4);
  const flat = squash(text);
  const flatSpecific = squash(specificPart(text));
  return candidates.filter((p) => {
    if (flat.includes(squash(p.title))) return true;
    // the title's own words, without its region (尉氏县…项目 is mentioned as …项目 in a 尉氏县 report)
    let own = squash(specificPart(p.title));
    for (const n of regions().names(p.regionCode)) own = own.replace(n, '').replace(n.slice(0, -1), '');
    return (
      own.length >= 4 &&
      (flat.includes(own) || flatSpecific.includes(own) || mentioned.some((m) => m.includes(own) || (m.length >= 6 && own.includes(m))))
    );
  });
}
