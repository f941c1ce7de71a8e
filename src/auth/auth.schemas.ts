import { z } from 'zod';
import { email, requiredText } from '../platform/validation/common.js';
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

export const createUserSchema = z
  .strictObject({
    email,
    name: requiredText(50),
    role: z.enum(['admin', 'bureau_lead', 'officer', 'enterprise']),
    password: password.optional(),
    bureauId: z.number().int().min(1).nullable().default(null),
    enterpriseId: z.number().int().min(1).nullable().default(null),
  })
  .superRefine((u, ctx) => {
    const staff = u.role === 'officer' || u.role === 'bureau_lead';
    if (staff && !u.bureauId) ctx.addIssue({ code: 'custom', path: ['bureauId'], message: '招商专员和局负责人必须属于一个招商局' });
    if (!staff && u.bureauId) ctx.addIssue({ code: 'custom', path: ['bureauId'], message: '只有招商专员和局负责人属于招商局' });
    if (u.role === 'enterprise' && !u.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '企业用户必须关联一家企业' });
    if (u.role !== 'enterprise' && u.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '只有企业用户关联企业' });
  });
export type CreateUserInput = z.output<typeof createUserSchema>;
