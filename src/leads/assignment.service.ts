import { requireRole } from '../access/access-policy.js';
import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { notFound, ProblemException, validationFailed } from '../platform/http/problem.js';
import { regions } from '../reference/regions.js';
import { candidatesFor, nextInRotation, type LeadTarget } from './assignment.js';
import { LeadAssignmentRule } from './assignment-rule.entity.js';
import type { AssignmentRuleInput } from './lead.schemas.js';

interface BureauRow {
  id: number;
  region_code: string;
}

export interface Assignment {
  bureauId: number | null;
  ownerId: number | null;
}

/** An officer who may own a lead in a region. */
export interface EligibleOwner {
  id: number;
  name: string;
  bureauId: number;
}

/**
 * Automatic assignment of new leads. The lead goes to the deepest bureau covering its region
 * that has active officers (尉氏县's bureau before 开封市's before 河南省's); inside it, the
 * bureau's rules pick the candidates (see assignment.ts) and a round-robin cursor per
 * (bureau, candidate pool) picks one. The cursor row is locked (FOR UPDATE) in the lead's
 * transaction, so concurrent leads are handed out one after another, never twice to the same
 * officer out of turn; the order is by user id, so it is deterministic.
 */
/** Who manages assignment rules (the route rule of /lead-assignment-rules). */
const RULE_MANAGERS = ['admin', 'bureau_lead'] as const;

@Injectable()
export class AssignmentService {
  constructor(private readonly dataSource: DataSource) {}

  async assign(m: EntityManager, lead: LeadTarget): Promise<Assignment> {
    const path = regions().path(lead.regionCode);
    const bureaus: BureauRow[] = await m.query(`SELECT id, region_code FROM bureau WHERE region_code = ANY($1::char(6)[]) ORDER BY id`, [
      path,
    ]);
    bureaus.sort((a, b) => path.indexOf(b.region_code) - path.indexOf(a.region_code) || a.id - b.id);
    for (const b of bureaus) {
      const officers: Array<{ id: number; role: string }> = await m.query(
        `SELECT id, role FROM app_user WHERE bureau_id = $1 AND active AND role IN ('officer', 'bureau_lead') ORDER BY id`,
        [b.id],
      );
      if (!officers.length) continue;
      const rules: Array<{ userId: number; regionCode: string | null; industryCode: string | null }> = await m.query(
        `SELECT user_id AS "userId", region_code AS "regionCode", industry_code AS "industryCode" FROM lead_assignment_rule WHERE bureau_id = $1`,
        [b.id],
      );
      const candidates = candidatesFor(lead, officers, rules);
      return { bureauId: b.id, ownerId: await this.rotate(m, b.id, candidates) };
    }
    return { bureauId: bureaus[0]?.id ?? null, ownerId: null };
  }

  /** Takes the next officer of the pool, holding the pool's cursor row until the transaction ends. */
  private async rotate(m: EntityManager, bureauId: number, candidates: number[]): Promise<number> {
    const key = createHash('sha1').update(candidates.join(',')).digest('hex');
    await m.query(
      `INSERT INTO lead_assignment_cursor (bureau_id, pool_key, last_user_id) VALUES ($1, $2, 0) ON CONFLICT (bureau_id, pool_key) DO NOTHING`,
      [bureauId, key],
    );
    const [row]: Array<{ last_user_id: number }> = await m.query(
      `SELECT last_user_id FROM lead_assignment_cursor WHERE bureau_id = $1 AND pool_key = $2 FOR UPDATE`,
      [bureauId, key],
    );
    const next = nextInRotation(candidates, row.last_user_id || null);
    await m.query(`UPDATE lead_assignment_cursor SET last_user_id = $3 WHERE bureau_id = $1 AND pool_key = $2`, [bureauId, key, next]);
    return next;
  }

  /** An officer (or bureau lead) who may own a lead in this region: active, of a bureau covering it. 400 otherwise. */
  async eligibleOwner(m: EntityManager, userId: number, regionCode: string, field = 'ownerId'): Promise<EligibleOwner> {
    const [u]: Array<{ id: number; name: string; bureau_id: number | null; role: string; active: boolean; region_code: string | null }> =
      await m.query(
        `SELECT u.id, u.name, u.bureau_id, u.role, u.active, b.region_code FROM app_user u LEFT JOIN bureau b ON b.id = u.bureau_id WHERE u.id = $1`,
        [userId],
      );
    if (!u || !u.active || (u.role !== 'officer' && u.role !== 'bureau_lead') || !u.bureau_id || !u.region_code) {
      throw validationFailed([{ field, code: 'not_an_officer', message: '负责人须是在职的招商专员或局负责人' }]);
    }
    if (!regions().isWithin(regionCode, u.region_code)) {
      throw validationFailed([{ field, code: 'outside_region', message: '负责人所在招商局的辖区不包含该线索的地区' }]);
    }
    return { id: u.id, name: u.name, bureauId: u.bureau_id };
  }

  // ---- rules (bureau leads manage their bureau's) ----

  private bureauOf(actor: Actor, requested: number | undefined): number {
    if (actor.role === 'admin') {
      if (!requested) throw validationFailed([{ field: 'bureauId', code: 'required', message: '管理员须指明招商局' }]);
      return requested;
    }
    if (actor.role !== 'bureau_lead' || !actor.bureauId)
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '只有局负责人可以管理分派规则');
    if (requested && requested !== actor.bureauId) throw notFound('招商局');
    return actor.bureauId;
  }

  async listRules(actor: Actor, bureauId: number | undefined) {
    requireRole(actor, RULE_MANAGERS);
    const id = this.bureauOf(actor, bureauId);
    const rows = await this.dataSource.query(
      `SELECT r.id, r.bureau_id AS "bureauId", r.user_id AS "userId", u.name AS "userName", r.region_code AS "regionCode", r.industry_code AS "industryCode", r.created_at AS "createdAt"
       FROM lead_assignment_rule r JOIN app_user u ON u.id = r.user_id WHERE r.bureau_id = $1 ORDER BY r.id`,
      [id],
    );
    return { items: rows };
  }

  async createRule(actor: Actor, input: AssignmentRuleInput) {
    requireRole(actor, RULE_MANAGERS);
    const bureauId = this.bureauOf(actor, input.bureauId);
    return this.dataSource.transaction(async (m) => {
      const [b]: BureauRow[] = await m.query(`SELECT id, region_code FROM bureau WHERE id = $1`, [bureauId]);
      if (!b) throw validationFailed([{ field: 'bureauId', code: 'unknown_bureau', message: '招商局不存在' }]);
      const [u]: Array<{ id: number }> = await m.query(
        `SELECT id FROM app_user WHERE id = $1 AND bureau_id = $2 AND active AND role IN ('officer', 'bureau_lead')`,
        [input.userId, bureauId],
      );
      if (!u) throw validationFailed([{ field: 'userId', code: 'not_an_officer', message: '须是本招商局在职的招商专员或局负责人' }]);
      if (input.regionCode && !regions().isWithin(input.regionCode, b.region_code)) {
        throw validationFailed([{ field: 'regionCode', code: 'outside_region', message: '超出本招商局的辖区' }]);
      }
      const dup = await m.query(
        `SELECT 1 FROM lead_assignment_rule WHERE bureau_id = $1 AND user_id = $2 AND region_code IS NOT DISTINCT FROM $3 AND industry_code IS NOT DISTINCT FROM $4`,
        [bureauId, input.userId, input.regionCode, input.industryCode],
      );
      if (dup.length) throw new ProblemException(HttpStatus.CONFLICT, 'duplicate-rule', '已有相同的分派规则');
      const rule = m.create(LeadAssignmentRule, {
        bureauId,
        userId: input.userId,
        regionCode: input.regionCode,
        industryCode: input.industryCode,
        createdBy: actor.userId,
      });
      await m.insert(LeadAssignmentRule, rule);
      return { id: rule.id, bureauId, userId: rule.userId, regionCode: rule.regionCode, industryCode: rule.industryCode };
    });
  }

  async deleteRule(actor: Actor, id: number): Promise<void> {
    requireRole(actor, RULE_MANAGERS);
    const [rule]: Array<{ bureau_id: number }> = await this.dataSource.query(`SELECT bureau_id FROM lead_assignment_rule WHERE id = $1`, [
      id,
    ]);
    if (!rule) throw notFound('分派规则');
    if (actor.role !== 'admin') {
      if (actor.bureauId !== rule.bureau_id) throw notFound('分派规则');
      if (actor.role !== 'bureau_lead') throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', '只有局负责人可以管理分派规则');
    }
    await this.dataSource.query(`DELETE FROM lead_assignment_rule WHERE id = $1`, [id]);
  }
}
