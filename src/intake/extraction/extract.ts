import { INCENTIVE_KINDS } from '../../policies/policy.vocabulary.js';
import { regions } from '../../reference/regions.js';
import { industries } from '../../reference/industries.js';
import { findIncentives } from '../recognition/incentives.js';
import { recogniseIndustries, type IndustryKeyword } from '../recognition/industries.js';
import { findProjectMentions, type ProjectMention, type StageHint } from '../recognition/projects.js';
import { recogniseDocumentRegion, recogniseRegions, type RegionMention } from '../recognition/regions.js';

/**
 * From a document's text to reviewable drafts. Pure: the same text gives the same drafts, no I/O.
 * Every field that comes from the text carries evidence — character offsets into the text and the
 * quote there — so the review page can highlight it and the accepted record can link back to it.
 */

export interface Evidence {
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

export interface ProjectDraftFields {
  title: string;
  regionCode: string | null;
  industryCodes: string[];
  investmentYuan: number | null;
  stage: StageHint | null;
  year: number | null;
}

export interface IncentiveDraftFields {
  kind: keyof typeof INCENTIVE_KINDS;
  title: string;
  description: string;
  maxAmountYuan: number | null;
  conditions: unknown[];
}

export interface PolicyDraftFields {
  title: string;
  issuer: string;
  regionCode: string | null;
  validFrom: string | null;
}

export type ExtractedDraft =
  | { kind: 'project'; fields: ProjectDraftFields; evidence: Evidence[]; confidence: number }
  | { kind: 'incentive'; fields: IncentiveDraftFields; evidence: Evidence[]; confidence: number }
  | { kind: 'policy'; fields: PolicyDraftFields; evidence: Evidence[]; confidence: number };

export interface ExtractionInput {
  readonly title: string;
  readonly text: string;
  readonly regionCode?: string | null;
}

export interface Extraction {
  readonly regionCode: string | null;
  readonly drafts: ExtractedDraft[];
}

const ev = (text: string, field: string, start: number, end: number): Evidence => ({ field, start, end, quote: text.slice(start, end) });

/** The key two mentions of one project share: "垃圾焚烧发电项目" and "垃圾焚烧发电厂建设" are one project. */
export function projectKey(title: string): string {
  return title.replace(/[“”"‘’《》（）()\s]/gu, '').replace(/(?:项目|工程|建设|厂)+$/u, '');
}

/** A phase or a line of one facility: "二期", "2号线" — two phases are two projects. */
const PHASE = /[一二三四五六七八九十\d]+期|\d+号线/gu;
const phasesOf = (key: string) => (key.match(PHASE) ?? []).join(',');

function sameProject(a: string, b: string): boolean {
  if (a === b) return true;
  // "华兰生物疫苗产业园项目建成投产" and "华兰生物疫苗产业园二期": the second phase is a project of its own.
  if (phasesOf(a) !== phasesOf(b)) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.includes(short);
}

function yearOf(title: string, text: string): number | null {
  const m = /(20\d\d)年/u.exec(title) ?? /(20\d\d)年/u.exec(text.slice(0, 200));
  return m ? Number(m[1]) : null;
}

function projectRegion(text: string, m: ProjectMention, places: RegionMention[], documentRegion: string | null) {
  const tree = regions();
  // A place inside the name ("洛宁抽水蓄能电站"), else one just before it in the sentence ("濮阳市的东站项目").
  // A place the partner comes from ("沈丘县与上海一家企业签约…") is not where the project is.
  const partner = (p: RegionMention) =>
    /(?:与|同|和|跟)$/u.test(text.slice(Math.max(0, p.start - 1), p.start)) ||
    /^[^与同和跟，,。；;]{0,6}?(?:企业|公司|客商|集团|商会)/u.test(text.slice(p.end, p.end + 10));
  // "禹州市与深圳一家新能源企业签约…项目": the place that signs with a partner hosts the project.
  const hosts = places.filter(
    (p) =>
      p.end <= m.start &&
      p.start >= m.sentence.start &&
      /^(?:与|同)/u.test(text.slice(p.end, p.end + 1)) &&
      /签约|签订|签署|合作|携手/u.test(text.slice(p.end, m.start)) &&
      !/[，,；;]/u.test(text.slice(p.end, m.start)),
  );
  const inside = places.filter((p) => p.start >= m.start && p.end <= m.end);
  const before = places.filter((p) => p.end <= m.start && p.start >= Math.max(m.sentence.start, m.start - 12) && !partner(p));
  // "…产业园项目落户许昌经济技术开发区": the site the sentence gives right after the name.
  const sited = places.filter(
    (p) =>
      p.start >= m.end &&
      p.start - m.end <= 6 &&
      /(?:落户|位于|落地|选址|坐落于|坐落在|建在|布局在|落户在)$/u.test(text.slice(m.end, p.start)),
  );
  const pick = inside.length
    ? inside
    : sited.length
      ? [sited[0]]
      : hosts.length
        ? [hosts[0]]
        : before.length
          ? [before[before.length - 1]]
          : [];
  if (pick.length) {
    const deepest = pick.reduce((a, b) => (tree.path(b.code).length > tree.path(a.code).length ? b : a));
    return { code: deepest.code, place: deepest as RegionMention | null };
  }
  return { code: documentRegion, place: null };
}

function projectIndustries(text: string, m: ProjectMention, extra: readonly IndustryKeyword[]) {
  const found = recogniseIndustries(text.slice(m.start, m.end), extra).map((i) => ({
    ...i,
    start: i.start + m.start,
    end: i.end + m.start,
  }));
  const codes = [...new Set(found.flatMap((i) => i.codes))];
  const tree = industries();
  return { codes: codes.filter((c) => !codes.some((o) => o !== c && tree.isWithin(o, c))).slice(0, 10), found };
}

function projectDrafts(input: ExtractionInput, documentRegion: string | null, extra: readonly IndustryKeyword[]) {
  const { text } = input;
  const places = recogniseRegions(text, { regionCode: documentRegion });
  const year = yearOf(input.title, text);
  const drafts: Array<{ key: string; draft: Extract<ExtractedDraft, { kind: 'project' }> }> = [];
  for (const m of findProjectMentions(text)) {
    if (m.kind !== 'project') continue;
    const region = projectRegion(text, m, places, documentRegion);
    const industry = projectIndustries(text, m, extra);
    const evidence: Evidence[] = [ev(text, 'title', m.start, m.end)];
    if (m.amount) evidence.push(ev(text, 'investmentYuan', m.amount.start, m.amount.end));
    if (region.place) evidence.push(ev(text, 'regionCode', region.place.start, region.place.end));
    for (const i of industry.found) evidence.push(ev(text, 'industryCodes', i.start, i.end));
    const key = projectKey(m.title);
    const same = drafts.find((d) => sameProject(d.key, key));
    if (same) {
      // A project named twice is one draft: the later mention adds evidence and fills what the first lacked.
      const f = same.draft.fields;
      f.investmentYuan ??= m.amount?.value ?? null;
      f.stage ??= m.stage;
      if (!f.industryCodes.length) f.industryCodes = industry.codes;
      if (m.amount && m.title.length > f.title.length) f.title = m.title;
      same.draft.evidence.push(...evidence.filter((e) => !same.draft.evidence.some((x) => x.start === e.start && x.field === e.field)));
      same.draft.confidence = Math.min(0.95, Math.max(same.draft.confidence, m.confidence) + 0.05);
      continue;
    }
    drafts.push({
      key,
      draft: {
        kind: 'project',
        fields: {
          title: m.title,
          regionCode: region.code,
          industryCodes: industry.codes,
          investmentYuan: m.amount?.value ?? null,
          stage: m.stage,
          year,
        },
        evidence,
        confidence: m.confidence,
      },
    });
  }
  return drafts.map((d) => d.draft);
}

const ISSUER = /[\p{Script=Han}]{2,16}?(?:人民政府|发展和改革委员会|委员会|办公厅|办公室|厅|局)/u;

function incentiveAndPolicyDrafts(
  input: ExtractionInput,
  documentRegion: string | null,
  extra: readonly IndustryKeyword[],
): ExtractedDraft[] {
  const { text } = input;
  const incentives = findIncentives(text, { title: input.title, extraKeywords: extra });
  const drafts: ExtractedDraft[] = incentives.map((i) => {
    const evidence = [ev(text, 'kind', i.start, i.end)];
    if (i.amount) evidence.push(ev(text, 'maxAmountYuan', i.amount.start, i.amount.end));
    for (const c of i.conditionEvidence) evidence.push(ev(text, 'conditions', c.start, c.end));
    return {
      kind: 'incentive' as const,
      fields: {
        kind: i.kind,
        title: `${INCENTIVE_KINDS[i.kind]}：${i.quote.length > 40 ? i.quote.slice(0, 40) + '…' : i.quote}`,
        description: i.quote,
        maxAmountYuan: i.maxAmountYuan,
        conditions: i.conditions,
      },
      evidence,
      confidence: i.confidence,
    };
  });
  if (!incentives.length) return drafts;
  // The document itself, as the policy those incentives belong to.
  const issuer = ISSUER.exec(text);
  const year = yearOf(input.title, text);
  const regionName = documentRegion ? regions().fullName(documentRegion) : '';
  drafts.unshift({
    kind: 'policy',
    fields: {
      title: input.title.replace(/^【[^】]*】/u, '').trim() || input.title,
      issuer: issuer ? issuer[0] : regionName ? `${regionName}人民政府` : '',
      regionCode: documentRegion,
      validFrom: year ? `${year}-01-01` : null,
    },
    evidence: issuer ? [ev(text, 'issuer', issuer.index, issuer.index + issuer[0].length)] : [],
    confidence: 0.5,
  });
  return drafts;
}

/** Drafts for one document: its projects (aggregates left out), the incentives it offers, and the policy they form. */
export function extractDrafts(input: ExtractionInput, options: { extraKeywords?: readonly IndustryKeyword[] } = {}): Extraction {
  const extra = options.extraKeywords ?? [];
  const regionCode =
    input.regionCode && regions().has(input.regionCode) ? input.regionCode : recogniseDocumentRegion(input.title, input.text);
  return {
    regionCode,
    drafts: [...projectDrafts(input, regionCode, extra), ...incentiveAndPolicyDrafts(input, regionCode, extra)],
  };
}
