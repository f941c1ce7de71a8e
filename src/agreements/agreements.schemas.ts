import { z } from 'zod';
import { pageQuery } from '../platform/http/pagination.js';
import { isoDate, mu, requiredText, text, yuan } from '../platform/validation/common.js';
import { regionCode } from '../reference/codes.js';
import { AMOUNT_ACTUALS, actualKinds, RECORDED_STEPS, trancheConditions, warningKinds } from './agreement.vocabulary.js';

const id = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
const bigId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const jobs = z.number().int('人数应为整数').min(0).max(10_000_000);

/** The pledges (any subset): money in whole yuan, land in 亩, dates YYYY-MM-DD. */
export const pledgesSchema = z.strictObject({
  investmentYuan: yuan.optional(),
  landMu: mu.optional(),
  investmentIntensityYuanPerMu: yuan.optional(),
  annualTaxYuanPerMu: yuan.optional(),
  startBy: isoDate.optional(),
  productionBy: isoDate.optional(),
  reachOutputBy: isoDate.optional(),
  jobs: jobs.optional(),
});

export const trancheSchema = z.strictObject({
  amountYuan: yuan.min(1, '拨付金额应大于 0'),
  /** The incentive (from the policy library) the tranche pays. */
  incentiveId: id.optional(),
  condition: z.enum(trancheConditions),
  dueOn: isoDate,
});

const DATE_FIELDS = ['startBy', 'productionBy', 'reachOutputBy'] as const;
const DATE_LABELS = { startBy: '开工日期', productionBy: '投产日期', reachOutputBy: '达产日期' } as const;

/** POST /leads/:id/agreement. */
export const createAgreementSchema = z
  .strictObject({
    signedOn: isoDate,
    pledges: pledgesSchema,
    tranches: z.array(trancheSchema).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    const p = v.pledges;
    if (!Object.values(p).some((x) => x !== undefined)) ctx.addIssue({ code: 'custom', path: ['pledges'], message: '至少填写一项承诺' });
    let previous: { field: (typeof DATE_FIELDS)[number]; on: string } | null = null;
    for (const f of DATE_FIELDS) {
      const on = p[f];
      if (!on) continue;
      if (on < v.signedOn)
        ctx.addIssue({ code: 'custom', path: ['pledges', f], message: `${DATE_LABELS[f]}不能早于签约日期（${v.signedOn}）` });
      else if (previous && on < previous.on) {
        ctx.addIssue({
          code: 'custom',
          path: ['pledges', f],
          message: `${DATE_LABELS[f]}不能早于${DATE_LABELS[previous.field]}（${previous.on}）`,
        });
      }
      previous = { field: f, on };
    }
    for (const f of ['investmentIntensityYuanPerMu', 'annualTaxYuanPerMu'] as const) {
      if (p[f] !== undefined && !p.landMu)
        ctx.addIssue({ code: 'custom', path: ['pledges', 'landMu'], message: '承诺投资强度或亩均税收时须填写用地面积（亩）' });
    }
    v.tranches.forEach((t, i) => {
      if (t.dueOn < v.signedOn)
        ctx.addIssue({ code: 'custom', path: ['tranches', i, 'dueOn'], message: `拨付日期不能早于签约日期（${v.signedOn}）` });
    });
  });
export type CreateAgreementInput = z.output<typeof createAgreementSchema>;

/** POST /agreements/:id/actuals: one fact, with its date, source and a document or note. Never overwritten; a correction names the entry it corrects. */
export const recordActualSchema = z
  .strictObject({
    kind: z.enum(actualKinds),
    occurredOn: isoDate,
    amountYuan: yuan.optional(),
    count: jobs.optional(),
    source: requiredText(200),
    document: text(500).default(''),
    note: text(2000).default(''),
    correctsId: bigId.optional(),
  })
  .superRefine((v, ctx) => {
    if (AMOUNT_ACTUALS.includes(v.kind) && v.amountYuan === undefined)
      ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: '须填写金额（元）' });
    if (!AMOUNT_ACTUALS.includes(v.kind) && v.amountYuan !== undefined)
      ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: '此类实绩不填写金额' });
    if (v.kind === 'jobs' && v.count === undefined) ctx.addIssue({ code: 'custom', path: ['count'], message: '须填写就业人数' });
    if (v.kind !== 'jobs' && v.count !== undefined) ctx.addIssue({ code: 'custom', path: ['count'], message: '只有就业人数填写人数' });
    if (!v.document && !v.note) ctx.addIssue({ code: 'custom', path: ['document'], message: '请附上证明文件或填写说明' });
  });
export type RecordActualInput = z.output<typeof recordActualSchema>;

/** Asking for a tranche's release (the first pair of eyes). */
export const requestReleaseSchema = z.strictObject({ note: text(2000).default('') });
export type RequestReleaseInput = z.output<typeof requestReleaseSchema>;

/** Approving a requested release (the second pair of eyes: another officer of the region). */
export const approveReleaseSchema = z.strictObject({ releasedOn: isoDate.optional(), note: text(2000).default('') });
export type ApproveReleaseInput = z.output<typeof approveReleaseSchema>;

/** A step of the recovery case, with its reason (and a document); `amountYuan` for agreed/recovered. */
export const recoveryStepSchema = z
  .strictObject({
    step: z.enum(RECORDED_STEPS),
    reason: requiredText(2000),
    document: text(500).default(''),
    amountYuan: yuan.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.step === 'recovered' && v.amountYuan === undefined)
      ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: '须填写追回金额（元）' });
    if ((v.step === 'notified' || v.step === 'waived') && v.amountYuan !== undefined)
      ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: '此步骤不填写金额' });
  });
export type RecoveryStepInput = z.output<typeof recoveryStepSchema>;

/** GET /agreements/warnings. */
export const listWarningsQuery = z.strictObject({
  kind: z.enum(warningKinds).optional(),
  region: regionCode.optional(),
  ...pageQuery,
});
export type ListWarningsQuery = z.output<typeof listWarningsQuery>;

/** GET /agreements/figures: by region subtree and signing period. */
export const agreementFiguresQuery = z.strictObject({
  region: regionCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Also the same figures per group: `region` (one level below the scope), `month` or `quarter` of the signing. */
  groupBy: z.enum(['none', 'region', 'month', 'quarter']).optional(),
});
export type AgreementFiguresQuery = z.output<typeof agreementFiguresQuery>;

export const agreementFiguresExportQuery = agreementFiguresQuery.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
export type AgreementFiguresExportQuery = z.output<typeof agreementFiguresExportQuery>;
