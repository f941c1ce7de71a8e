import { chainTemplate, SEGMENT_TIERS, type SegmentTier } from '../../chains/chain-templates.js';
import type { ChainDetail } from '../../chains/chains.service.js';
import { field, fields, integer, type ErrorMap, type FormBody } from './form-input.js';
import { codeChip, pickerModel, pickFrom, type PickerModel, type PickerOption } from './tree-picker.js';

/**
 * The console's chain form (create and edit), read into the API's chain schemas. Works without
 * JavaScript: every change of shape (adopt a template, add or remove a segment, add an industry
 * to a segment, look up a 链主) is a submit with its own `_action`, re-rendering the form with
 * what was typed. Segments are `s{i}.name`, `s{i}.position`, `s{i}.tier`, `s{i}.codes` (chips),
 * `s{i}.keywords` (separated by 、，, or spaces); one industry picker (`ind1…4`) adds its code to
 * the segment chosen in `indSegment`.
 */
export interface SegmentFormValues {
  name: string;
  position: string;
  tier: string;
  industryCodes: string[];
  keywords: string;
}

export interface ChainFormValues {
  name: string;
  regionCode: string;
  templateKey: string;
  leaderUserId: string;
  anchorEnterpriseIds: string[];
  strongMin: string;
  weakMin: string;
  segments: SegmentFormValues[];
  pickIndustry: string;
  indSegment: string;
  anchorQuery: string;
}

const MAX_SEGMENTS = 30;
export const emptySegment = (position: number): SegmentFormValues => ({
  name: '',
  position: String(position),
  tier: '',
  industryCodes: [],
  keywords: '',
});

export function emptyChainForm(regionCode = ''): ChainFormValues {
  return {
    name: '',
    regionCode,
    templateKey: '',
    leaderUserId: '',
    anchorEnterpriseIds: [],
    strongMin: '3',
    weakMin: '1',
    segments: [emptySegment(1)],
    pickIndustry: '',
    indSegment: '0',
    anchorQuery: '',
  };
}

export function chainFormValues(d: ChainDetail): ChainFormValues {
  const c = d.chain;
  return {
    ...emptyChainForm(c.regionCode),
    name: c.name,
    templateKey: c.templateKey ?? '',
    leaderUserId: c.leaderUserId ? String(c.leaderUserId) : '',
    anchorEnterpriseIds: c.anchorEnterpriseIds.map(String),
    strongMin: String(c.strongMin),
    weakMin: String(c.weakMin),
    segments: d.segments.map((s) => ({
      name: s.name,
      position: String(s.position),
      tier: s.tier ?? '',
      industryCodes: [...s.industryCodes],
      keywords: s.keywords.join('、'),
    })),
  };
}

/** The template's segments, positions 1…n, as form values. */
export function templateSegments(key: string): SegmentFormValues[] | null {
  const t = chainTemplate(key);
  return t
    ? t.segments.map((s, i) => ({
        name: s.name,
        position: String(i + 1),
        tier: s.tier,
        industryCodes: [...s.industryCodes],
        keywords: (s.keywords ?? []).join('、'),
      }))
    : null;
}

const splitKeywords = (s: string) => [
  ...new Set(
    s
      .split(/[、，,;；\s]+/)
      .map((k) => k.trim())
      .filter(Boolean),
  ),
];

function readSegments(body: FormBody): SegmentFormValues[] {
  const out: SegmentFormValues[] = [];
  for (let i = 0; i < MAX_SEGMENTS; i++) {
    if (body[`s${i}.name`] === undefined && body[`s${i}.position`] === undefined) continue;
    out.push({
      name: field(body, `s${i}.name`),
      position: field(body, `s${i}.position`),
      tier: field(body, `s${i}.tier`),
      industryCodes: [...new Set(fields(body, `s${i}.codes`).map((c) => c.toUpperCase()))],
      keywords: field(body, `s${i}.keywords`),
    });
  }
  return out;
}

export function readChainForm(body: FormBody, opts: { action: string; create: boolean }) {
  const errors: ErrorMap = {};
  const segments = readSegments(body);
  const pickIndustry = pickFrom('industries', 'ind', body);
  const indSegment = field(body, 'indSegment') || '0';
  const values: ChainFormValues = {
    name: field(body, 'name'),
    regionCode: opts.create ? pickFrom('regions', 'region', body) : field(body, 'regionCode'),
    templateKey: field(body, 'templateKey'),
    leaderUserId: field(body, 'leaderUserId'),
    anchorEnterpriseIds: [...new Set([...fields(body, 'anchorEnterpriseIds'), ...fields(body, 'addAnchor')])],
    strongMin: field(body, 'strongMin'),
    weakMin: field(body, 'weakMin'),
    segments,
    pickIndustry,
    indSegment,
    anchorQuery: field(body, 'anchorQuery'),
  };
  const action = opts.action;
  if (action === 'apply-template') {
    const from = templateSegments(values.templateKey);
    if (from) {
      values.segments = from;
      if (!values.name) values.name = chainTemplate(values.templateKey)!.name;
    } else errors.templateKey = ['请先选择一个模板'];
  } else if (action === 'add-segment' && segments.length < MAX_SEGMENTS) {
    const next = Math.max(0, ...segments.map((s) => Number(s.position) || 0)) + 1;
    values.segments = [...segments, emptySegment(next)];
  } else if (action.startsWith('remove-segment-')) {
    const i = Number(action.slice('remove-segment-'.length));
    values.segments = segments.filter((_, k) => k !== i);
  }
  // "添加" (or saving with a code still in the picker) puts the picked code into its segment
  if (pickIndustry && (action === 'add-industry' || action === 'save')) {
    const target = values.segments[Number(indSegment)];
    if (target && !target.industryCodes.includes(pickIndustry)) target.industryCodes.push(pickIndustry);
    values.pickIndustry = '';
  }
  const number = (name: 'strongMin' | 'weakMin') => {
    const n = integer(values[name]);
    if (!n.ok) errors[name] = [n.message];
    return n.ok ? (n.value ?? undefined) : undefined;
  };
  const input: Record<string, unknown> = {
    name: values.name || undefined,
    segments: values.segments.map((s) => {
      const position = integer(s.position);
      return {
        name: s.name,
        position: position.ok ? (position.value ?? undefined) : undefined,
        industryCodes: s.industryCodes,
        tier: s.tier && s.tier in SEGMENT_TIERS ? (s.tier as SegmentTier) : null,
        keywords: splitKeywords(s.keywords),
      };
    }),
    leaderUserId: values.leaderUserId ? Number(values.leaderUserId) : null,
    anchorEnterpriseIds: values.anchorEnterpriseIds.map(Number).filter((n) => Number.isInteger(n) && n > 0),
    strongMin: number('strongMin'),
    weakMin: number('weakMin'),
  };
  if (opts.create) {
    input.regionCode = values.regionCode || undefined;
    if (values.templateKey) input.templateKey = values.templateKey;
  }
  return { values, input, errors };
}

/** Schema paths → form fields: `segments[2].name` → `s2.name`, `regionCode` → `region`. */
export function chainFieldFor(path: string): string {
  if (path === 'regionCode') return 'region';
  const seg = /^segments\[(\d+)\]\.(name|position|tier|keywords|industryCodes)/.exec(path);
  if (seg) return `s${seg[1]}.${seg[2] === 'industryCodes' ? 'codes' : seg[2]}`;
  if (/^segments/.test(path)) return 'segments';
  if (/^anchorEnterpriseIds/.test(path)) return 'anchorEnterpriseIds';
  return path;
}

export const CHAIN_REQUIRED: Record<string, string> = {
  name: '请填写产业链名称（或选择模板）',
  region: '请选择产业链所在地区',
  segments: '请至少填写一个环节',
};

export interface ChainFormView {
  values: ChainFormValues;
  regionPicker: PickerModel;
  industryPicker: PickerModel;
  segments: Array<SegmentFormValues & { index: number; chips: PickerOption[] }>;
}

export function chainFormView(values: ChainFormValues): ChainFormView {
  return {
    values,
    regionPicker: pickerModel('regions', 'region', values.regionCode, '产业链所在地区'),
    industryPicker: pickerModel('industries', 'ind', values.pickIndustry, '选择行业'),
    segments: values.segments.map((s, index) => ({ ...s, index, chips: s.industryCodes.map((c) => codeChip('industries', c)) })),
  };
}
