import { decimal, field, integer, wanToYuan, type ErrorMap, type FormBody, type Parsed } from './form-input.js';

/**
 * The console's 录入投资协议 form: pledges typed in 万元 / 亩, tranches as rows of repeated
 * fields (an empty row is skipped), read into POST /leads/:id/agreement's body so the page
 * validates exactly like the API; the API's field paths mapped back to the form's inputs.
 */
export interface TrancheRow {
  amountWan: string;
  incentiveId: string;
  condition: string;
  dueOn: string;
}
export interface AgreementFormValues {
  signedOn: string;
  investmentWan: string;
  landMu: string;
  intensityWan: string;
  taxWan: string;
  startBy: string;
  productionBy: string;
  reachOutputBy: string;
  jobs: string;
  tranches: TrancheRow[];
}

/** Rows the form shows when nothing was posted (JavaScript adds more; without it, post and add). */
export const BLANK_TRANCHES = 3;
const blankRow = (): TrancheRow => ({ amountWan: '', incentiveId: '', condition: '', dueOn: '' });

/** Every value of a repeated field, blanks kept, so the rows' columns stay aligned. */
function column(body: FormBody, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => (typeof s === 'string' ? s.trim() : ''));
}

export function agreementFormValues(body: FormBody | null, defaults: { signedOn: string }): AgreementFormValues {
  if (!body)
    return {
      signedOn: defaults.signedOn,
      investmentWan: '',
      landMu: '',
      intensityWan: '',
      taxWan: '',
      startBy: '',
      productionBy: '',
      reachOutputBy: '',
      jobs: '',
      tranches: Array.from({ length: BLANK_TRANCHES }, blankRow),
    };
  const cols = {
    amountWan: column(body, 'trancheAmountWan'),
    incentiveId: column(body, 'trancheIncentiveId'),
    condition: column(body, 'trancheCondition'),
    dueOn: column(body, 'trancheDueOn'),
  };
  const n = Math.min(50, Math.max(cols.amountWan.length, cols.incentiveId.length, cols.condition.length, cols.dueOn.length));
  const tranches = Array.from({ length: n }, (_, i) => ({
    amountWan: cols.amountWan[i] ?? '',
    incentiveId: cols.incentiveId[i] ?? '',
    condition: cols.condition[i] ?? '',
    dueOn: cols.dueOn[i] ?? '',
  }));
  const f = (name: string) => field(body, name);
  return {
    signedOn: f('signedOn'),
    investmentWan: f('investmentWan'),
    landMu: f('landMu'),
    intensityWan: f('intensityWan'),
    taxWan: f('taxWan'),
    startBy: f('startBy'),
    productionBy: f('productionBy'),
    reachOutputBy: f('reachOutputBy'),
    jobs: f('jobs'),
    tranches: tranches.length ? tranches : [blankRow()],
  };
}

const isBlank = (r: TrancheRow) => !r.amountWan && !r.incentiveId && !r.condition && !r.dueOn;

/** The form's values as the API's body, with the form's own parse errors (an amount that is not a number) and how API paths map back to inputs. */
export function agreementInput(v: AgreementFormValues): {
  input: Record<string, unknown>;
  errors: ErrorMap;
  fieldOf: (apiField: string) => string;
} {
  const errors: ErrorMap = {};
  // an input the form cannot read gets its own message and a stand-in value, so the schema still checks the rest (its refinements run only on a well-formed body)
  const take = <T>(name: string, p: Parsed<T | null>, standIn: T): T | undefined => {
    if (!p.ok) {
      errors[name] = [p.message];
      return standIn;
    }
    return p.value ?? undefined;
  };
  const pledges: Record<string, unknown> = {
    investmentYuan: take('investmentWan', wanToYuan(v.investmentWan), 1),
    landMu: take('landMu', decimal(v.landMu), 1),
    investmentIntensityYuanPerMu: take('intensityWan', wanToYuan(v.intensityWan), 1),
    annualTaxYuanPerMu: take('taxWan', wanToYuan(v.taxWan), 1),
    startBy: v.startBy || undefined,
    productionBy: v.productionBy || undefined,
    reachOutputBy: v.reachOutputBy || undefined,
    jobs: take('jobs', integer(v.jobs), 1),
  };
  const rowOf: number[] = [];
  const tranches = v.tranches.flatMap((r, i) => {
    if (isBlank(r)) return [];
    rowOf.push(i);
    const incentive = integer(r.incentiveId);
    return [
      {
        amountYuan: take(`tranche-${i}-amountWan`, wanToYuan(r.amountWan), 1),
        ...(incentive.ok && incentive.value != null ? { incentiveId: incentive.value } : {}),
        condition: r.condition || take<string>(`tranche-${i}-condition`, { ok: false, message: '请选择拨付条件' }, 'date'),
        dueOn: r.dueOn || take<string>(`tranche-${i}-dueOn`, { ok: false, message: '请填写约定拨付日期' }, '9999-12-31'),
      },
    ];
  });
  const PLEDGE_INPUTS: Record<string, string> = {
    investmentYuan: 'investmentWan',
    landMu: 'landMu',
    investmentIntensityYuanPerMu: 'intensityWan',
    annualTaxYuanPerMu: 'taxWan',
    startBy: 'startBy',
    productionBy: 'productionBy',
    reachOutputBy: 'reachOutputBy',
    jobs: 'jobs',
  };
  const TRANCHE_INPUTS: Record<string, string> = {
    amountYuan: 'amountWan',
    incentiveId: 'incentiveId',
    condition: 'condition',
    dueOn: 'dueOn',
  };
  const fieldOf = (f: string): string => {
    const p = /^pledges\.(\w+)$/.exec(f);
    if (p) return PLEDGE_INPUTS[p[1]] ?? '_pledges';
    if (f === 'pledges') return '_pledges';
    const t = /^tranches\[(\d+)\]\.(\w+)$/.exec(f);
    if (t) return `tranche-${rowOf[Number(t[1])] ?? 0}-${TRANCHE_INPUTS[t[2]] ?? 'amountWan'}`;
    if (f === 'tranches') return '_tranches';
    if (f === 'signedOn') return 'signedOn';
    return '_form';
  };
  return { input: { signedOn: v.signedOn || undefined, pledges, tranches }, errors, fieldOf };
}
