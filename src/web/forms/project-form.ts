import type { Project } from '../../projects/project.entity.js';
import { decimal, field, fields, wanToYuan, yuanToWan, type ErrorMap, type FormBody } from './form-input.js';
import { codeChip, pickerModel, pickFrom, type PickerModel, type PickerOption } from './tree-picker.js';

/** The project form of the console (create and edit), read into the API's project schemas. */
export interface ProjectFormValues {
  code: string;
  title: string;
  description: string;
  regionCode: string;
  industryCodes: string[];
  totalInvestmentWan: string;
  landAreaMu: string;
  contactInfo: string;
  incentiveIds: string[];
  /** 补链项目: the chain segment served ('' none) */
  chainSegmentId: string;
  stage: string;
  stageSince: string;
  pickIndustry: string;
}

export function emptyProjectForm(regionCode = ''): ProjectFormValues {
  return {
    code: '',
    title: '',
    description: '',
    regionCode,
    industryCodes: [],
    totalInvestmentWan: '',
    landAreaMu: '',
    contactInfo: '',
    incentiveIds: [],
    chainSegmentId: '',
    stage: 'open',
    stageSince: '',
    pickIndustry: '',
  };
}

export function projectFormValues(p: Project): ProjectFormValues {
  return {
    code: p.code,
    title: p.title,
    description: p.description,
    regionCode: p.regionCode,
    industryCodes: [...p.industryCodes],
    totalInvestmentWan: yuanToWan(p.totalInvestmentYuan),
    landAreaMu: p.landAreaMu == null ? '' : String(p.landAreaMu),
    contactInfo: p.contactInfo,
    incentiveIds: (p.incentives ?? []).map((i) => String(i.id)),
    chainSegmentId: p.chainSegmentId ? String(p.chainSegmentId) : '',
    stage: p.stage,
    stageSince: '',
    pickIndustry: '',
  };
}

export function readProjectForm(body: FormBody, opts: { action: string; create: boolean }) {
  const errors: ErrorMap = {};
  const pickIndustry = pickFrom('industries', 'ind', body);
  const industryCodes = [...new Set(fields(body, 'industryCodes').map((c) => c.toUpperCase()))];
  const adding = opts.action === 'add-industry' || opts.action === 'save';
  if (pickIndustry && adding && !industryCodes.includes(pickIndustry)) industryCodes.push(pickIndustry);
  const values: ProjectFormValues = {
    code: field(body, 'code'),
    title: field(body, 'title'),
    description: field(body, 'description'),
    regionCode: pickFrom('regions', 'region', body),
    industryCodes,
    totalInvestmentWan: field(body, 'totalInvestmentWan'),
    landAreaMu: field(body, 'landAreaMu'),
    contactInfo: field(body, 'contactInfo'),
    incentiveIds: fields(body, 'incentiveIds'),
    chainSegmentId: field(body, 'chainSegmentId'),
    stage: field(body, 'stage') || 'open',
    stageSince: field(body, 'stageSince'),
    pickIndustry: adding ? '' : pickIndustry,
  };
  const total = wanToYuan(values.totalInvestmentWan);
  if (!total.ok) errors.totalInvestmentWan = [total.message];
  const land = decimal(values.landAreaMu);
  if (!land.ok) errors.landAreaMu = [land.message];
  const input: Record<string, unknown> = {
    title: values.title,
    description: values.description,
    regionCode: values.regionCode || field(body, 'region1') || undefined,
    industryCodes: values.industryCodes,
    totalInvestmentYuan: total.ok ? (total.value ?? undefined) : undefined,
    landAreaMu: land.ok ? land.value : undefined,
    contactInfo: values.contactInfo,
    incentiveIds: values.incentiveIds.map(Number).filter((n) => Number.isInteger(n) && n > 0),
    chainSegmentId: values.chainSegmentId ? Number(values.chainSegmentId) : null,
  };
  if (opts.create) {
    input.code = values.code;
    input.stage = values.stage;
    if (values.stageSince) input.stageSince = values.stageSince;
  }
  return { values, input, errors };
}

export function projectFieldFor(path: string): string {
  if (path === 'regionCode') return 'region';
  if (path === 'totalInvestmentYuan') return 'totalInvestmentWan';
  const list = /^(industryCodes|incentiveIds)(\[\d+\])?$/.exec(path);
  if (list) return list[1];
  return path;
}

export const PROJECT_REQUIRED: Record<string, string> = {
  code: '请填写项目编号',
  title: '请填写项目名称',
  region: '请选择项目所在地区',
  industryCodes: '请至少选择一个行业',
  totalInvestmentWan: '请填写总投资额',
};

export interface ProjectFormView {
  values: ProjectFormValues;
  regionPicker: PickerModel;
  industryPicker: PickerModel;
  industryChips: PickerOption[];
}

export function projectFormView(values: ProjectFormValues): ProjectFormView {
  return {
    values,
    regionPicker: pickerModel('regions', 'region', values.regionCode, '项目所在地区'),
    industryPicker: pickerModel('industries', 'ind', values.pickIndustry, '添加行业'),
    industryChips: values.industryCodes.map((c) => codeChip('industries', c)),
  };
}
