import { regions } from '../reference/regions.js';

/**
 * Who is calling. Platform admins see everything; a bureau's officers (and its lead, who can also
 * assign leads and manage officers) see their bureau's region subtree; an enterprise user sees
 * its own enterprise. Anonymous callers are `null`.
 */
export const ROLES = { admin: '平台管理员', bureau_lead: '局负责人', officer: '招商专员', enterprise: '企业用户' } as const;
export type Role = keyof typeof ROLES;

export interface Actor {
  userId: number;
  role: Role;
  email: string;
  name: string;
  /** Officers and bureau leads: their bureau and its region (GB/T 2260 code, subtree included). */
  bureauId: number | null;
  regionScope: string | null;
  /** Enterprise users: their enterprise. */
  enterpriseId: number | null;
}

export const isStaff = (a: Actor | null | undefined): a is Actor =>
  !!a && (a.role === 'admin' || a.role === 'officer' || a.role === 'bureau_lead');
export const isAdmin = (a: Actor | null | undefined): a is Actor => a?.role === 'admin';

/** Whether a staff member's scope covers a region (admins: everywhere). */
export function coversRegion(a: Actor | null | undefined, regionCode: string): boolean {
  if (!a) return false;
  if (a.role === 'admin') return true;
  if ((a.role === 'officer' || a.role === 'bureau_lead') && a.regionScope) return regions().isWithin(regionCode, a.regionScope);
  return false;
}

/** Whether the actor acts for this enterprise (its own user) — staff rights are checked separately. */
export const ownsEnterprise = (a: Actor | null | undefined, enterpriseId: number) =>
  a?.role === 'enterprise' && a.enterpriseId === enterpriseId;
