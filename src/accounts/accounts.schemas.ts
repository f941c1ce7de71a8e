import { z } from 'zod';
import { dbId, dbIdQuery, email, phone, requiredText } from '../platform/validation/common.js';
import { registerEnterpriseSchema, usccSchema } from '../enterprises/enterprise.schemas.js';
import { regionCode } from '../reference/codes.js';
import { passwordProblem } from './passwords.js';

export const password = z.string().superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.output<typeof loginSchema>;

export const createBureauSchema = z.strictObject({
  name: requiredText(100),
  regionCode,
  idleLimitDays: z.number().int().min(1).max(365).default(14),
});
export type CreateBureauInput = z.output<typeof createBureauSchema>;

const roles = ['admin', 'bureau_lead', 'officer', 'enterprise'] as const;

/** A role's required links: staff belong to a bureau, enterprise users to an enterprise, nobody to both. */
export function roleShapeProblems(u: { role: (typeof roles)[number]; bureauId: number | null; enterpriseId: number | null }) {
  const problems: Array<{ field: string; message: string }> = [];
  const staff = u.role === 'officer' || u.role === 'bureau_lead';
  if (staff && !u.bureauId) problems.push({ field: 'bureauId', message: '招商专员和局负责人必须属于一个招商局' });
  if (!staff && u.bureauId) problems.push({ field: 'bureauId', message: '只有招商专员和局负责人属于招商局' });
  if (u.role === 'enterprise' && !u.enterpriseId) problems.push({ field: 'enterpriseId', message: '企业用户必须关联一家企业' });
  if (u.role !== 'enterprise' && u.enterpriseId) problems.push({ field: 'enterpriseId', message: '只有企业用户关联企业' });
  return problems;
}

export const createUserSchema = z
  .strictObject({
    email,
    name: requiredText(50),
    role: z.enum(roles),
    /** Absent: the user is invited by e-mail and sets a password through the link. */
    password: password.optional(),
    bureauId: dbId.nullable().default(null),
    enterpriseId: dbId.nullable().default(null),
    /** Staff: the phone enterprises see on 我的线索. */
    phone: phone.nullable().default(null),
  })
  .superRefine((u, ctx) => {
    for (const p of roleShapeProblems(u)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });
export type CreateUserInput = z.output<typeof createUserSchema>;

/** Admin: change a user's name, role (with its bureau/enterprise link) or activation. */
export const updateUserSchema = z
  .strictObject({
    name: requiredText(50),
    role: z.enum(roles),
    bureauId: dbId.nullable(),
    enterpriseId: dbId.nullable(),
    active: z.boolean(),
    phone: phone.nullable(),
  })
  .partial()
  .refine((u) => Object.keys(u).length > 0, '请至少修改一项');
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const listUsersQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  role: z.enum(roles).optional(),
  bureauId: dbIdQuery.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Part of the e-mail or name. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type ListUsersQuery = z.output<typeof listUsersQuery>;

export const updateBureauSchema = z
  .strictObject({ name: requiredText(100), regionCode, idleLimitDays: z.number().int().min(1).max(365) })
  .partial()
  .refine((b) => Object.keys(b).length > 0, '请至少修改一项');
export type UpdateBureauInput = z.output<typeof updateBureauSchema>;

/** Bureau lead: invite an officer into the lead's own bureau (the role and bureau are not choosable). */
export const inviteOfficerSchema = z.strictObject({ email, name: requiredText(50) });
export type InviteOfficerInput = z.output<typeof inviteOfficerSchema>;

/** Bureau lead: the bureau's own settings (its region is the admin's to change). */
export const updateOwnBureauSchema = z.strictObject({ idleLimitDays: z.number().int().min(1).max(365) });

export const changePasswordSchema = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: password });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/** 企业入驻 with an account: the registration and the first user of the enterprise, in one request. */
export const signupSchema = z.strictObject({
  email,
  password,
  /** The account holder's name. */
  name: requiredText(50),
  enterprise: registerEnterpriseSchema,
  /**
   * The 用户协议 / 隐私政策 versions the applicant read and agreed to (GET /legal/terms, /legal/privacy);
   * recorded with the account. The 企业入驻 page always sends them; a stale version is refused.
   */
  consent: z.strictObject({ termsVersion: z.number().int().min(1), privacyVersion: z.number().int().min(1) }).optional(),
});
export type SignupInput = z.output<typeof signupSchema>;

/** 认领: sign-up for an enterprise already on record — the account only; the enterprise's record stays as staff keep it. */
export const claimSchema = z.strictObject({
  uscc: usccSchema,
  email,
  password,
  name: requiredText(50),
  consent: signupSchema.shape.consent,
});
export type ClaimInput = z.output<typeof claimSchema>;

/** An officer's decision on a 认领 (a refusal says why; the applicant is told by mail). */
export const claimDecisionSchema = z
  .strictObject({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(500).default('') })
  .superRefine((d, ctx) => {
    if (d.decision === 'reject' && !d.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写拒绝的原因（会告知申请人）' });
  });
export type ClaimDecisionInput = z.output<typeof claimDecisionSchema>;

export const tokenSchema = z.strictObject({ token: z.string().trim().min(10).max(100) });
export const emailOnlySchema = z.strictObject({ email: z.string().trim().toLowerCase().min(3).max(254) });
export const resetPasswordSchema = z.strictObject({ token: z.string().trim().min(10).max(100), password });
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;
