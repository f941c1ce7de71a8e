import { regionRef } from '../reference/refs.js';
import { ROLES } from '../access/actor.js';
import type { Bureau } from './bureau.entity.js';
import type { User } from './user.entity.js';

export function userView(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone ?? null,
    role: u.role,
    roleLabel: ROLES[u.role],
    bureauId: u.bureauId,
    enterpriseId: u.enterpriseId,
    emailVerified: !!u.emailVerifiedAt,
    active: u.active,
    lastLoginAt: u.lastLoginAt,
  };
}

export const bureauView = (b: Bureau) => ({ id: b.id, name: b.name, region: regionRef(b.regionCode), idleLimitDays: b.idleLimitDays });
