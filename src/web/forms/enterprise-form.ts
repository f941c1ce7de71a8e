import type { Enterprise } from '../../enterprises/enterprise.entity.js';
import {
  CERTIFICATION_KINDS,
  certificationKinds,
  notificationFrequencies,
  type CertificationKind,
} from '../../enterprises/enterprise.vocabulary.js';
import { checked, decimal, field, fields, integer, wanToYuan, yuanToWan, type ErrorMap, type FormBody } from './form-input.js';
import { codeChip, pickerModel, pickFrom, type PickerModel, type PickerOption } from './tree-picker.js';

/**
 * The enterprise profile form (企业入驻 and 企业资料): what the browser posts, read into the
 * shape of the API's registration/update schemas, and back into values for re-rendering the form
 * with its errors. Field names are flat (no bracket parsing needed); see partials/enterprise-fields.
 */
export const CONTACT_ROWS = 3;

export interface CertificationValue {
  kind: CertificationKind;
  label: string;
  claimed: boolean;
  certificateNo: string;
  validUntil: string;
  /** 待核验 / 已核验 / 未通过 for a saved claim (profile), null when new. */
  status: string | null;
  reviewNote: string | null;
}

export interface ContactValue {
  name: string;
  title: string;
  phone: string;
  email: string;
}

export interface EnterpriseFormValues {
  uscc: string;
  name: string;
  size: string;
  homeRegionCode: string;
  description: string;
  industryCodes: string[];
  targetRegionCodes: string[];
  investmentMinWan: string;
  investmentMaxWan: string;
  certifications: CertificationValue[];
  needLandMu: string;
  needWorkforce: string;
  needNotes: string;
  contacts: ContactValue[];
  notificationFrequency: string;
  /** Pickers' current (not yet added) choices, kept across a no-JS "load next level" round trip. */
  pickIndustry: string;
  pickTarget: string;
}

export function emptyEnterpriseForm(): EnterpriseFormValues {
  return {
    uscc: '',
    name: '',
    size: '',
    homeRegionCode: '',
    description: '',
    industryCodes: [],
    targetRegionCodes: [],
    investmentMinWan: '',
    investmentMaxWan: '',
    certifications: certificationKinds.map((kind) => ({
      kind,
      label: CERTIFICATION_KINDS[kind],
      claimed: false,
      certificateNo: '',
      validUntil: '',
      status: null,
      reviewNote: null,
    })),
    needLandMu: '',
    needWorkforce: '',
    needNotes: '',
    contacts: Array.from({ length: CONTACT_ROWS }, () => ({ name: '', title: '', phone: '', email: '' })),
    notificationFrequency: 'daily',
    pickIndustry: '',
    pickTarget: '',
  };
}

const STATUS_LABELS = { claimed: '待核验', verified: '已核验', rejected: '未通过' } as const;

/** The form as it shows a saved enterprise. */
export function enterpriseFormValues(e: Enterprise): EnterpriseFormValues {
  const v = emptyEnterpriseForm();
  const certs = new Map((e.certifications ?? []).map((c) => [c.kind, c]));
  const contacts = [...e.contacts, ...Array.from({ length: CONTACT_ROWS }, () => ({ name: '' }))].slice(
    0,
    Math.max(CONTACT_ROWS, e.contacts.length),
  );
  return {
    ...v,
    uscc: e.uscc,
    name: e.name,
    size: e.size ?? '',
    homeRegionCode: e.homeRegionCode,
    description: e.description,
    industryCodes: [...e.industryCodes],
    targetRegionCodes: [...e.targetRegionCodes],
    investmentMinWan: yuanToWan(e.investmentMinYuan),
    investmentMaxWan: yuanToWan(e.investmentMaxYuan),
    certifications: v.certifications.map((c) => {
      const saved = certs.get(c.kind);
      return saved
        ? {
            ...c,
            claimed: true,
            certificateNo: saved.certificateNo ?? '',
            validUntil: saved.validUntil ?? '',
            status: STATUS_LABELS[saved.status],
            reviewNote: saved.reviewNote,
          }
        : c;
    }),
    needLandMu: e.needLandMu == null ? '' : String(e.needLandMu),
    needWorkforce: e.needWorkforce == null ? '' : String(e.needWorkforce),
    needNotes: e.needNotes,
    contacts: contacts.map((c) => ({
      name: c.name ?? '',
      title: (c as ContactValue).title ?? '',
      phone: (c as ContactValue).phone ?? '',
      email: (c as ContactValue).email ?? '',
    })),
    notificationFrequency: e.notificationFrequency,
  };
}

export interface ReadEnterpriseForm {
  values: EnterpriseFormValues;
  /** API-shaped input (registerEnterpriseSchema / updateEnterpriseSchema). */
  input: Record<string, unknown>;
  /** Problems found before the schema (unparseable numbers). */
  errors: ErrorMap;
}

/**
 * Reads a posted profile. `action` "add-industry" / "add-target" adds the picker's choice to the
 * list (the no-JS way of adding a code); on save, a choice left in a picker is added as well.
 * `saved` supplies the certification statuses of the stored enterprise for re-rendering.
 */
export function readEnterpriseForm(body: FormBody, opts: { action: string; saved?: Enterprise | null }): ReadEnterpriseForm {
  const errors: ErrorMap = {};
  const saved = opts.saved ? enterpriseFormValues(opts.saved) : emptyEnterpriseForm();
  const pickIndustry = pickFrom('industries', 'ind', body);
  const pickTarget = pickFrom('regions', 'tgt', body);
  const industryCodes = [...new Set(fields(body, 'industryCodes').map((c) => c.toUpperCase()))];
  const targetRegionCodes = [...new Set(fields(body, 'targetRegionCodes'))];
  const adding = opts.action === 'add-industry' || opts.action === 'save';
  if (pickIndustry && adding && !industryCodes.includes(pickIndustry)) industryCodes.push(pickIndustry);
  const addingTarget = opts.action === 'add-target' || opts.action === 'save';
  if (pickTarget && addingTarget && !targetRegionCodes.includes(pickTarget)) targetRegionCodes.push(pickTarget);

  const values: EnterpriseFormValues = {
    uscc: field(body, 'uscc'),
    name: field(body, 'name'),
    size: field(body, 'size'),
    homeRegionCode: pickFrom('regions', 'home', body),
    description: field(body, 'description'),
    industryCodes,
    targetRegionCodes,
    investmentMinWan: field(body, 'investmentMinWan'),
    investmentMaxWan: field(body, 'investmentMaxWan'),
    certifications: saved.certifications.map((c) => ({
      ...c,
      claimed: checked(body, `cert_${c.kind}`),
      certificateNo: field(body, `certNo_${c.kind}`),
      validUntil: field(body, `certUntil_${c.kind}`),
    })),
    needLandMu: field(body, 'needLandMu'),
    needWorkforce: field(body, 'needWorkforce'),
    needNotes: field(body, 'needNotes'),
    contacts: Array.from({ length: Math.max(CONTACT_ROWS, saved.contacts.length) }, (_, i) => ({
      name: field(body, `contact${i}_name`),
      title: field(body, `contact${i}_title`),
      phone: field(body, `contact${i}_phone`),
      email: field(body, `contact${i}_email`),
    })),
    notificationFrequency: field(body, 'notificationFrequency') || 'daily',
    pickIndustry: adding ? '' : pickIndustry,
    pickTarget: addingTarget ? '' : pickTarget,
  };

  const money = (name: 'investmentMinWan' | 'investmentMaxWan') => {
    const r = wanToYuan(values[name]);
    if (!r.ok) errors[name] = [r.message];
    return r.ok ? r.value : undefined;
  };
  const land = decimal(values.needLandMu);
  if (!land.ok) errors.needLandMu = [land.message];
  const workforce = integer(values.needWorkforce);
  if (!workforce.ok) errors.needWorkforce = [workforce.message];

  const input: Record<string, unknown> = {
    name: values.name,
    industryCodes: values.industryCodes,
    // an unknown code is passed on, so the schema names it; nothing chosen is "required"
    homeRegionCode: values.homeRegionCode || field(body, 'home1') || undefined,
    targetRegionCodes: values.targetRegionCodes,
    investmentMinYuan: money('investmentMinWan'),
    investmentMaxYuan: money('investmentMaxWan'),
    size: values.size || null,
    certifications: values.certifications
      .filter((c) => c.claimed)
      .map((c) => ({
        kind: c.kind,
        ...(c.certificateNo ? { certificateNo: c.certificateNo } : {}),
        ...(c.validUntil ? { validUntil: c.validUntil } : {}),
      })),
    needLandMu: land.ok ? land.value : undefined,
    needWorkforce: workforce.ok ? workforce.value : undefined,
    needNotes: values.needNotes,
    description: values.description,
    contacts: values.contacts
      .filter((c) => c.name || c.title || c.phone || c.email)
      .map((c) => ({
        name: c.name,
        ...(c.title ? { title: c.title } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
        ...(c.email ? { email: c.email } : {}),
      })),
    notificationFrequency: (notificationFrequencies as string[]).includes(values.notificationFrequency)
      ? values.notificationFrequency
      : 'daily',
  };
  return { values, input, errors };
}

/**
 * Where an API field error belongs on the form: `investmentMaxYuan` → investmentMaxWan,
 * `certifications[1].validUntil` → certUntil_<kind of the second claim>, `contacts[0].email` →
 * contact0_email (contacts are numbered as posted, blank rows dropped).
 */
export function enterpriseFieldFor(path: string, values: EnterpriseFormValues): string {
  const p = path.replace(/^enterprise\./, '');
  if (p === 'homeRegionCode') return 'home';
  if (p === 'investmentMinYuan') return 'investmentMinWan';
  if (p === 'investmentMaxYuan') return 'investmentMaxWan';
  const list = /^(industryCodes|targetRegionCodes)(\[\d+\])?$/.exec(p);
  if (list) return list[1];
  const cert = /^certifications\[(\d+)\](?:\.(\w+))?$/.exec(p);
  if (cert) {
    const claimed = values.certifications.filter((c) => c.claimed);
    const c = claimed[Number(cert[1])];
    if (!c) return 'certifications';
    return cert[2] === 'certificateNo' ? `certNo_${c.kind}` : cert[2] === 'validUntil' ? `certUntil_${c.kind}` : `cert_${c.kind}`;
  }
  const contact = /^contacts\[(\d+)\](?:\.(\w+))?$/.exec(p);
  if (contact) {
    const filled = values.contacts.map((c, i) => ({ c, i })).filter(({ c }) => c.name || c.title || c.phone || c.email);
    const row = filled[Number(contact[1])]?.i ?? 0;
    return `contact${row}_${contact[2] ?? 'name'}`;
  }
  return p;
}

export interface EnterpriseFormView {
  values: EnterpriseFormValues;
  industryChips: PickerOption[];
  targetChips: PickerOption[];
  homePicker: PickerModel;
  industryPicker: PickerModel;
  targetPicker: PickerModel;
  sizes: Array<[string, string]>;
  frequencies: Array<[string, string]>;
}

/** Everything the enterprise-fields partial needs. */
export function enterpriseFormView(
  values: EnterpriseFormValues,
  sizes: Record<string, string>,
  frequencies: Record<string, string>,
): EnterpriseFormView {
  return {
    values,
    industryChips: values.industryCodes.filter((c) => c).map((c) => codeChip('industries', c)),
    targetChips: values.targetRegionCodes.filter((c) => c).map((c) => codeChip('regions', c)),
    homePicker: pickerModel('regions', 'home', values.homeRegionCode, '注册地（行政区划）'),
    industryPicker: pickerModel('industries', 'ind', values.pickIndustry, '添加行业（国民经济行业分类）'),
    targetPicker: pickerModel('regions', 'tgt', values.pickTarget, '添加投资意向地区'),
    sizes: Object.entries(sizes),
    frequencies: Object.entries(frequencies),
  };
}

export const ENTERPRISE_REQUIRED: Record<string, string> = {
  uscc: '请填写统一社会信用代码',
  name: '请填写企业名称',
  home: '请选择注册地',
  industryCodes: '请至少选择一个所属行业',
  contacts: '请至少填写一位联系人',
  contact0_name: '请填写联系人姓名',
  accountName: '请填写您的姓名',
  password: '请设置密码',
};
