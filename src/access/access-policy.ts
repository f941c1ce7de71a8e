import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound, ProblemException, validationFailed } from '../platform/http/problem.js';
import { regions } from '../reference/regions.js';
import { coversRegion, isStaff, type Actor, type Role } from './actor.js';

/**
 * Object-level access: the one place that decides who may read or change what.
 *
 * The rule for the status code of a refusal (README "Access control"):
 *  - 401: not signed in, on a route that needs it (the global guard);
 *  - 403: the caller may see the object (it is public, or inside what they may read) but may not
 *         do this to it — or the role may never use the route (the guard);
 *  - 404: the caller may not even learn that the object exists (a draft outside their region,
 *         another enterprise, an enterprise no business of their bureau). Every action on such
 *         an object answers 404, exactly like an id that does not exist.
 *
 * Regions: staff scope is their bureau's GB/T 2260 subtree (admins: everywhere). Projects and
 * policies belong to their region; enterprises to their home region for writes (profile edits,
 * certification reviews), and are visible to a bureau that has business with them (see
 * `enterpriseScopeSql`).
 */
/** `write`: change it — or read what only staff covering it may read (a project's matches). */
export type Action = 'read' | 'write';

export interface EnterpriseAccess {
  /** Contacts (`contacts`) may be shown to the caller. */
  contacts: boolean;
  /** The caller may edit the profile and (staff) review certifications. */
  write: boolean;
}

export const denied = (detail = '无权执行此操作') => new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', detail);
export const outsideRegion = (field = 'regionCode') =>
  new ProblemException(HttpStatus.FORBIDDEN, 'outside-region', '只能在本辖区内操作', [
    { field, code: 'outside_region', message: '超出本招商局的辖区' },
  ]);

export const STAFF_ROLES: readonly Role[] = ['admin', 'bureau_lead', 'officer'];

/**
 * The route rule of an operation (what the global guard checks for @Roles/@StaffOnly), checked
 * again by the service that owns the operation, so a page calling it directly refuses exactly
 * what the API route refuses: 401 without an actor, 403 for another role.
 */
export function requireRole(actor: Actor | null | undefined, roles: readonly Role[]): asserts actor is Actor {
  if (!actor) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', '请先登录');
  if (!roles.includes(actor.role)) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '无权访问');
}

export const requireStaff: (actor: Actor | null | undefined) => asserts actor is Actor = (actor) => requireRole(actor, STAFF_ROLES);

/** Whether a write check passes: false when it refuses with 403 (the caller may see but not change); other refusals propagate. */
export async function permits(check: Promise<unknown>): Promise<boolean> {
  try {
    await check;
    return true;
  } catch (err) {
    if (err instanceof ProblemException && err.status === HttpStatus.FORBIDDEN) return false;
    throw err;
  }
}

/** `region_path @> {scope}` parameters for a staff member's scope (null: admin, no restriction). */
export function staffScope(actor: Actor | null | undefined): string | null {
  if (!actor || actor.role === 'admin') return null;
  return actor.regionScope ?? '000000'; // staff without a region see nothing regional
}

/**
 * SQL deciding which enterprises the bureau with region `scope` may see, and whose contacts.
 * `alias` is the enterprise table's alias; `param` names the query parameters.
 *  - contacts: registered (home region) in the scope; or matched with a project in the scope (a
 *    match row exists — this includes the enterprise's "interested" answer); or a lead of the
 *    enterprise lies in the scope (interest in the region, an officer's entry, an import);
 *  - visible (profile without contacts): the above, or it wants to invest in the scope (a target
 *    region inside the scope, or a target region containing it).
 * Index-driven: GIN on the path arrays, the lead level columns, the match project index. For one
 * enterprise the match/lead tests are EXISTS probes; for a list they run once (InitPlan arrays).
 */
export function enterpriseScopeSql(alias: string, scope: string, param = 'scope', one = false) {
  const level = regions().get(scope)?.level;
  const leadColumn = level === 1 ? 'province_code' : level === 2 ? 'city_code' : 'region_code';
  const homeIn = `${alias}.home_region_path @> CAST(:${param} AS char(6)[])`;
  const matchInScope = `FROM match m JOIN project p ON p.id = m.project_id WHERE p.region_path @> CAST(:${param} AS char(6)[])`;
  const leadInScope = `FROM lead l WHERE l.${leadColumn} = :${param}Code`;
  const related = one
    ? `EXISTS (SELECT 1 ${matchInScope} AND m.enterprise_id = ${alias}.id) OR EXISTS (SELECT 1 ${leadInScope} AND l.enterprise_id = ${alias}.id)`
    : `${alias}.id = ANY(ARRAY(SELECT m.enterprise_id ${matchInScope} UNION SELECT l.enterprise_id ${leadInScope}))`;
  const targets = `${alias}.target_region_path @> CAST(:${param} AS char(6)[]) OR ${alias}.target_region_codes && CAST(:${param}Path AS char(6)[])`;
  return {
    contacts: `(${homeIn} OR ${related})`,
    visible: `(${homeIn} OR ${targets} OR ${related})`,
    params: { [param]: [scope], [`${param}Code`]: scope, [`${param}Path`]: [...regions().path(scope)] } as Record<string, unknown>,
  };
}

@Injectable()
export class AccessPolicy {
  constructor(private readonly dataSource: DataSource) {}

  /** Staff may create/move things only into their own region (403 otherwise). */
  assertRegionWritable(actor: Actor, regionCode: string, field = 'regionCode'): void {
    if (!isStaff(actor) || !coversRegion(actor, regionCode)) throw outsideRegion(field);
  }

  /** Staff may record an enterprise registered in their region or wanting to invest there. */
  mayRecordEnterprise(actor: Actor, homeRegionCode: string, targetRegionCodes: string[]): boolean {
    if (actor.role === 'admin') return true;
    if (!isStaff(actor) || !actor.regionScope) return false;
    const r = regions();
    return (
      [homeRegionCode, ...targetRegionCodes].some((c) => r.isWithin(c, actor.regionScope!)) ||
      targetRegionCodes.some((c) => r.isWithin(actor.regionScope!, c))
    );
  }

  /**
   * A publishable object (project, policy): published ones are public; drafts exist only for
   * staff covering their region. Writing needs staff covering the region.
   */
  private decide(actor: Actor | null, obj: { regionCode: string; published: boolean }, action: Action, what: string): void {
    const inScope = isStaff(actor) && coversRegion(actor, obj.regionCode);
    if (!obj.published && !inScope) throw notFound(what);
    if (action === 'read') return;
    if (!actor) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', '请先登录');
    if (!inScope) throw denied(isStaff(actor) ? '该对象不在本招商局的辖区内，只能查看，不能修改' : '无权执行此操作');
  }

  async project(
    actor: Actor | null,
    id: number,
    action: Action,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ regionCode: string; published: boolean }> {
    const [row]: Array<{ region_code: string; status: string }> = await m.query('SELECT region_code, status FROM project WHERE id = $1', [
      id,
    ]);
    if (!row) throw notFound('项目');
    const obj = { regionCode: row.region_code, published: row.status === 'published' };
    this.decide(actor, obj, action, '项目');
    return obj;
  }

  async policy(
    actor: Actor | null,
    id: number,
    action: Action,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ regionCode: string; published: boolean }> {
    const [row]: Array<{ region_code: string; status: string }> = await m.query('SELECT region_code, status FROM policy WHERE id = $1', [
      id,
    ]);
    if (!row) throw notFound('政策');
    const obj = { regionCode: row.region_code, published: row.status === 'published' };
    this.decide(actor, obj, action, '政策');
    return obj;
  }

  /** An incentive follows its policy. */
  async incentive(
    actor: Actor | null,
    id: number,
    action: Action,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ regionCode: string; published: boolean; policyId: number }> {
    const [row]: Array<{ region_code: string; status: string; policy_id: number }> = await m.query(
      'SELECT p.region_code, p.status, p.id AS policy_id FROM incentive i JOIN policy p ON p.id = i.policy_id WHERE i.id = $1',
      [id],
    );
    if (!row) throw notFound('扶持措施');
    const obj = { regionCode: row.region_code, published: row.status === 'published', policyId: row.policy_id };
    this.decide(actor, obj, action, '扶持措施');
    return obj;
  }

  /**
   * Incentives the caller may attach to a project: ones it may read. Others answer exactly like
   * unknown ids (400 naming the field), so attaching cannot probe drafts of other regions.
   */
  async assertIncentivesReadable(actor: Actor, ids: number[] | undefined, field = 'incentiveIds'): Promise<void> {
    if (!ids?.length || actor.role === 'admin') return;
    const rows: Array<{ id: number; region_code: string; status: string }> = await this.dataSource.query(
      'SELECT i.id, p.region_code, p.status FROM incentive i JOIN policy p ON p.id = i.policy_id WHERE i.id = ANY($1::int[])',
      [ids],
    );
    const readable = new Set(rows.filter((r) => r.status === 'published' || coversRegion(actor, r.region_code)).map((r) => r.id));
    const bad = ids.map((id, i) => ({ id, i })).filter(({ id }) => !readable.has(id));
    if (bad.length)
      throw validationFailed(
        bad.map(({ id, i }) => ({ field: `${field}[${i}]`, code: 'unknown_incentive', message: `扶持措施 ${id} 不存在` })),
      );
  }

  /**
   * An enterprise: its own users see and edit it; admins everything; staff of a bureau that has
   * business with it see it (contacts only when it registered or matched there) and may edit or
   * review certifications only when it is registered in their region. Anyone else: 404.
   */
  async enterprise(
    actor: Actor | null,
    id: number,
    action: Action | 'contacts',
    m: EntityManager = this.dataSource.manager,
  ): Promise<EnterpriseAccess> {
    if (!actor) throw notFound('企业');
    if (actor.role === 'enterprise') {
      if (actor.enterpriseId !== id) throw notFound('企业');
      return { contacts: true, write: true };
    }
    const scope = staffScope(actor);
    if (scope === null) {
      const exists = await m.query('SELECT 1 FROM enterprise WHERE id = $1', [id]);
      if (!exists.length) throw notFound('企业');
      return { contacts: true, write: true };
    }
    const sql = enterpriseScopeSql('e', scope, 'scope', true);
    const row = await m
      .createQueryBuilder()
      .select(sql.visible, 'visible')
      .addSelect(sql.contacts, 'contacts')
      .addSelect('e.home_region_path @> CAST(:scope AS char(6)[])', 'home')
      .from('enterprise', 'e')
      .where('e.id = :id', { id, ...sql.params })
      .getRawOne<{ visible: boolean; contacts: boolean; home: boolean }>();
    if (!row?.visible) throw notFound('企业');
    const access = { contacts: row.contacts, write: row.home };
    if (action === 'write' && !access.write) throw denied('该企业不在本辖区注册，只能查看，不能修改或核验');
    if (action === 'contacts' && !access.contacts) throw denied('企业与本招商局尚无对接，不能查看联系方式');
    return access;
  }

  /** A WHERE fragment limiting an enterprise list to what the caller may see (null: no limit). */
  enterpriseListScope(actor: Actor, alias = 'e'): { where: string; params: Record<string, unknown> } | null {
    const scope = staffScope(actor);
    if (actor.role === 'enterprise') return { where: `${alias}.id = :ownEnterprise`, params: { ownEnterprise: actor.enterpriseId ?? 0 } };
    if (scope === null) return null;
    const sql = enterpriseScopeSql(alias, scope, 'visibleScope');
    return { where: sql.visible, params: sql.params };
  }

  /** Which published-or-draft filter a list of projects/policies gets: drafts only inside the caller's scope. */
  draftsWithin(actor: Actor | null, includeDrafts: boolean | undefined): { includeDrafts: boolean; draftsWithin?: string | null } {
    if (!includeDrafts || !isStaff(actor)) return { includeDrafts: false };
    return { includeDrafts: true, draftsWithin: staffScope(actor) };
  }
}
