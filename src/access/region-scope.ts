import { HttpStatus } from '@nestjs/common';
import { coversRegion, isStaff, type Actor } from './actor.js';
import { notFound, ProblemException } from '../platform/http/problem.js';
import { regions } from '../reference/regions.js';

/** The three stored levels of a lead's region (see lead.entity.ts). */
export function regionLevels(regionCode: string): { regionCode: string; cityCode: string | null; provinceCode: string } {
  const path = regions().path(regionCode);
  return { regionCode, provinceCode: path[0], cityCode: path[1] ?? null };
}

/** The column holding a region of this code's level: a subtree filter is one equality on it. */
export function levelColumn(code: string, alias = 'l'): string {
  const level = regions().get(code)?.level;
  if (level === 1) return `${alias}.province_code`;
  if (level === 2) return `${alias}.city_code`;
  return `${alias}.region_code`;
}

/**
 * The region filter a list runs with: the caller's scope narrowed by the `region` asked for.
 * Null: no region restriction (admin without a filter). A filter disjoint from the scope is a 403.
 */
export function effectiveRegion(actor: Actor, requested: string | undefined, field = 'region'): string | null {
  const scope = actor.role === 'admin' ? null : actor.regionScope;
  if (isStaff(actor) && actor.role !== 'admin' && !scope) return '000000'; // staff without a bureau region see nothing
  if (!requested) return scope;
  if (!scope) return requested;
  const r = regions();
  if (r.isWithin(requested, scope)) return requested;
  if (r.isWithin(scope, requested)) return scope;
  throw new ProblemException(HttpStatus.FORBIDDEN, 'outside-region', '只能查看本辖区的线索', [
    { field, code: 'outside_region', message: '超出本招商局的辖区' },
  ]);
}

export interface LeadRef {
  id: number;
  regionCode: string;
  enterpriseId: number;
}

/**
 * Reading a lead: staff covering its region, or the enterprise's own users (read-only view).
 * Anyone else learns nothing — 404, like an id that does not exist.
 */
export function assertMayRead(actor: Actor, lead: LeadRef): void {
  if (actor.role === 'enterprise') {
    if (actor.enterpriseId !== lead.enterpriseId) throw notFound('线索');
    return;
  }
  if (!isStaff(actor) || !coversRegion(actor, lead.regionCode)) throw notFound('线索');
}

/** Working a lead (activities, stages, follow-ups): staff covering its region. */
export function assertMayWork(actor: Actor, lead: LeadRef): void {
  if (!isStaff(actor) || !coversRegion(actor, lead.regionCode)) throw notFound('线索');
}

/** Assigning: a bureau lead (or admin) covering the lead's region; an officer who may see it gets 403. */
export function assertMayAssign(actor: Actor, lead: LeadRef): void {
  assertMayWork(actor, lead);
  if (actor.role !== 'admin' && actor.role !== 'bureau_lead') {
    throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '只有局负责人可以分派线索');
  }
}
