import { certificationKinds, enterpriseSizes } from '../../enterprises/enterprise.vocabulary.js';
import type { Condition, ConditionType } from '../../policies/eligibility/conditions.js';
import type { Incentive } from '../../policies/incentive.entity.js';
import { checked, decimal, field, fields, wanToYuan, yuanToWan, type ErrorMap, type FormBody } from './form-input.js';
import { codeChip, pickerModel, pickFrom, type PickerModel, type PickerOption, type TreeKind } from './tree-picker.js';

/**
 * The incentive form with its eligibility conditions (the data the 政策计算器 and 政策找企业
 * evaluate): one row per condition, each typed; all rows must hold. Without JavaScript a new
 * row is added with "添加条件" (a round trip that saves nothing), codes with the row's picker.
 */
export const CONDITION_TYPES: Array<[ConditionType, string]> = [
  ['certification', '资质认定（已核验，任一）'],
  ['industry', '所属行业（任一子树）'],
  ['homeRegion', '注册地（任一地区）'],
  ['minInvestment', '最低投资额'],
  ['enterpriseSize', '企业规模（任一）'],
  ['needsLand', '有新增用地需求'],
];
const TYPES = new Set(CONDITION_TYPES.map(([t]) => t));

export interface ConditionRow {
  type: ConditionType;
  certs: string[];
  codes: string[];
  wan: string;
  sizes: string[];
  mu: string;
  /** Picker choice not yet added (industry / homeRegion rows). */
  pick: string;
}

export interface IncentiveFormValues {
  kind: string;
  title: string;
  description: string;
  grantedWithoutApplication: boolean;
  maxAmountWan: string;
  conditions: ConditionRow[];
  newType: string;
}

const treeOfRow = (t: ConditionType): TreeKind | null => (t === 'industry' ? 'industries' : t === 'homeRegion' ? 'regions' : null);

export function emptyIncentiveForm(): IncentiveFormValues {
  return { kind: 'subsidy', title: '', description: '', grantedWithoutApplication: false, maxAmountWan: '', conditions: [], newType: '' };
}

function rowOf(c: Condition): ConditionRow {
  const row: ConditionRow = { type: c.type, certs: [], codes: [], wan: '', sizes: [], mu: '', pick: '' };
  if (c.type === 'certification') row.certs = [...c.anyOf];
  if (c.type === 'industry' || c.type === 'homeRegion') row.codes = [...c.anyOf];
  if (c.type === 'minInvestment') row.wan = yuanToWan(c.yuan);
  if (c.type === 'enterpriseSize') row.sizes = [...c.anyOf];
  if (c.type === 'needsLand') row.mu = c.minMu == null ? '' : String(c.minMu);
  return row;
}

export function incentiveFormValues(i: Incentive): IncentiveFormValues {
  return {
    kind: i.kind,
    title: i.title,
    description: i.description,
    grantedWithoutApplication: i.grantedWithoutApplication,
    maxAmountWan: yuanToWan(i.maxAmountYuan),
    conditions: i.conditions.map(rowOf),
    newType: '',
  };
}

/**
 * Reads the posted form. Actions: `add-condition` appends a row of the chosen type,
 * `add-code-<i>` adds row i's picker choice to its codes (on save too), `refresh` reloads pickers.
 */
export function readIncentiveForm(body: FormBody, action: string) {
  const errors: ErrorMap = {};
  const count = Math.min(20, Math.max(0, Number(field(body, 'cond_count')) || 0));
  const rows: ConditionRow[] = [];
  for (let i = 0; i < count; i++) {
    const type = field(body, `cond_${i}_type`) as ConditionType;
    if (!TYPES.has(type) || checked(body, `cond_${i}_remove`)) continue;
    const tree = treeOfRow(type);
    const codes = [...new Set(fields(body, `cond_${i}_codes`).map((c) => (tree === 'industries' ? c.toUpperCase() : c)))];
    const pick = tree ? pickFrom(tree, `cond_${i}_p`, body) : '';
    const adding = action === `add-code-${i}` || action === 'save' || action === 'preview';
    if (pick && adding && !codes.includes(pick)) codes.push(pick);
    rows.push({
      type,
      certs: fields(body, `cond_${i}_certs`).filter((k) => (certificationKinds as string[]).includes(k)),
      codes,
      wan: field(body, `cond_${i}_wan`),
      sizes: fields(body, `cond_${i}_sizes`).filter((k) => (enterpriseSizes as string[]).includes(k)),
      mu: field(body, `cond_${i}_mu`),
      pick: adding ? '' : pick,
    });
  }
  const newType = field(body, 'new_cond_type');
  if (action === 'add-condition' && TYPES.has(newType as ConditionType)) {
    rows.push({ type: newType as ConditionType, certs: [], codes: [], wan: '', sizes: [], mu: '', pick: '' });
  }
  const values: IncentiveFormValues = {
    kind: field(body, 'kind'),
    title: field(body, 'title'),
    description: field(body, 'description'),
    grantedWithoutApplication: checked(body, 'grantedWithoutApplication'),
    maxAmountWan: field(body, 'maxAmountWan'),
    conditions: rows,
    newType: action === 'add-condition' ? '' : newType,
  };
  const max = wanToYuan(values.maxAmountWan);
  if (!max.ok) errors.maxAmountWan = [max.message];
  const conditions = rows.map((r, i) => {
    switch (r.type) {
      case 'certification':
        return { type: r.type, anyOf: r.certs };
      case 'industry':
      case 'homeRegion':
        return { type: r.type, anyOf: r.codes };
      case 'minInvestment': {
        const y = wanToYuan(r.wan);
        if (!y.ok) errors[`cond_${i}_wan`] = [y.message];
        return { type: r.type, yuan: y.ok ? (y.value ?? undefined) : undefined };
      }
      case 'enterpriseSize':
        return { type: r.type, anyOf: r.sizes };
      case 'needsLand': {
        const m = decimal(r.mu);
        if (!m.ok) errors[`cond_${i}_mu`] = [m.message];
        return m.ok && m.value != null ? { type: r.type, minMu: m.value } : { type: r.type };
      }
    }
  });
  const input = {
    kind: values.kind,
    title: values.title,
    description: values.description,
    grantedWithoutApplication: values.grantedWithoutApplication,
    conditions,
    maxAmountYuan: max.ok ? max.value : undefined,
  };
  return { values, input, errors };
}

/** `conditions[2].anyOf[0]` → the row's input; `maxAmountYuan` → maxAmountWan. */
export function incentiveFieldFor(path: string, values: IncentiveFormValues): string {
  if (path === 'maxAmountYuan') return 'maxAmountWan';
  const m = /^conditions\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!m) return path;
  const i = Number(m[1]);
  const row = values.conditions[i];
  if (!row) return 'conditions';
  if (m[2] === 'yuan') return `cond_${i}_wan`;
  if (m[2] === 'minMu') return `cond_${i}_mu`;
  return row.type === 'certification' ? `cond_${i}_certs` : row.type === 'enterpriseSize' ? `cond_${i}_sizes` : `cond_${i}_codes`;
}

export const INCENTIVE_REQUIRED: Record<string, string> = { title: '请填写措施名称', kind: '请选择措施类型' };

export interface ConditionRowView extends ConditionRow {
  index: number;
  label: string;
  chips: PickerOption[];
  picker: PickerModel | null;
}

export function incentiveFormView(values: IncentiveFormValues) {
  const labels = new Map(CONDITION_TYPES);
  return {
    values,
    rows: values.conditions.map((r, index): ConditionRowView => {
      const tree = treeOfRow(r.type);
      return {
        ...r,
        index,
        label: labels.get(r.type) ?? r.type,
        chips: tree ? r.codes.map((c) => codeChip(tree, c)) : [],
        picker: tree ? pickerModel(tree, `cond_${index}_p`, r.pick, tree === 'industries' ? '添加行业' : '添加地区') : null,
      };
    }),
    types: CONDITION_TYPES,
  };
}
