import { z } from 'zod';
import { apiSchema, enumOf, pageOf, timestamp, type Describes } from '../platform/http/openapi.js';
import { codeRefSchema } from '../reference/reference.schemas.js';
import { enterpriseResponse } from '../enterprises/enterprise.view.js';
import { ROLES } from '../access/actor.js';
import type { bureauView, userView } from './user.view.js';

/** The documented answers (OpenAPI) of the auth, accounts, admin and bureau routes. */

export const userResponse = apiSchema(
  'User',
  z.strictObject({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable().describe('staff: shown to enterprises on their leads'),
    role: enumOf(ROLES),
    roleLabel: z.string(),
    bureauId: z.number().int().nullable(),
    enterpriseId: z.number().int().nullable(),
    emailVerified: z.boolean(),
    active: z.boolean(),
    lastLoginAt: timestamp.nullable().optional().describe('absent in the answer that creates the user'),
  }),
);
export const userPageResponse = apiSchema('UserPage', pageOf(userResponse));

export const bureauResponse = apiSchema(
  'Bureau',
  z.strictObject({ id: z.number().int(), name: z.string(), region: codeRefSchema, idleLimitDays: z.number().int() }),
);
export const bureauListResponse = apiSchema('BureauList', z.strictObject({ items: z.array(bureauResponse) }));

export const loginResponse = apiSchema(
  'Login',
  z.strictObject({
    token: z.string().optional().describe('API clients (mode=token): send as `Authorization: Bearer <token>`'),
    tokenType: z.literal('Bearer').optional(),
    expiresAt: timestamp,
    user: userResponse,
    csrfToken: z.string().optional().describe('browsers (mode=cookie): send as `x-csrf-token` with unsafe methods'),
  }),
);

export const meResponse = apiSchema(
  'Me',
  z.strictObject({
    userId: z.number().int(),
    role: enumOf(ROLES),
    roleLabel: z.string(),
    email: z.string(),
    name: z.string(),
    bureauId: z.number().int().nullable(),
    regionScope: z.string().nullable().describe('staff: the region subtree they cover'),
    enterpriseId: z.number().int().nullable(),
    sessionKind: z.enum(['browser', 'api']).optional(),
    csrfToken: z.string().optional(),
  }),
);

export const signupResponse = apiSchema(
  'Signup',
  z.strictObject({ user: userResponse, enterprise: enterpriseResponse, verificationSent: z.literal(true) }),
);
export const verifiedResponse = apiSchema('EmailVerified', z.strictObject({ verified: z.literal(true), user: userResponse }));
export const passwordResetResponse = apiSchema('PasswordReset', z.strictObject({ reset: z.literal(true), user: userResponse }));
export const acceptedResponse = apiSchema('Accepted', z.strictObject({ accepted: z.literal(true) }));
export const sentResponse = apiSchema('InvitationSent', z.strictObject({ sent: z.literal(true) }));

export const authViewsChecked: [Describes<typeof userResponse, typeof userView>, Describes<typeof bureauResponse, typeof bureauView>] = [
  true,
  true,
];
