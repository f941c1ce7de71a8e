import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireRole } from '../access/access-policy.js';
import type { Actor } from '../access/actor.js';
import { regions } from '../reference/regions.js';

export interface OfficerWorkload {
  userId: number;
  name: string;
  open: number;
  dueToday: number;
  overdue: number;
  signedThisYear: number;
}

export interface OwnerChoice {
  id: number;
  name: string;
  bureau: string;
}

/** Read models of leads that pages need. */
@Injectable()
export class LeadsQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Whom a lead in `regionCode` may be assigned to: officers of bureaus covering it (bureau leads: their own bureau). */
  async ownerChoices(actor: Actor, regionCode: string): Promise<OwnerChoice[]> {
    requireRole(actor, ['admin', 'bureau_lead']);
    const path = [...regions().path(regionCode)];
    const ownBureau = actor.role === 'bureau_lead';
    return this.dataSource.query(
      `SELECT u.id, u.name, b.name AS bureau FROM app_user u JOIN bureau b ON b.id = u.bureau_id
       WHERE u.active AND u.role IN ('officer', 'bureau_lead') AND b.region_code = ANY($1::char(6)[]) ${ownBureau ? 'AND u.bureau_id = $2' : ''}
       ORDER BY b.region_code DESC, u.name LIMIT 200`,
      ownBureau ? [path, actor.bureauId] : [path],
    );
  }

  /**
   * 本局管理: each officer's workload — open leads, follow-ups due today and overdue (before signing:
   * after it the agreement is followed instead), and signings this year. One grouped scan of the bureau's leads (lead_bureau index).
   */
  async workload(actor: Actor, today: string): Promise<OfficerWorkload[]> {
    requireRole(actor, ['bureau_lead']);
    const rows: Array<{ user_id: number; name: string; open: number; due_today: number; overdue: number; signed: number }> =
      await this.dataSource.query(
        `SELECT u.id AS user_id, u.name,
         count(l.id) FILTER (WHERE l.stage IN ('new', 'contacted', 'negotiating', 'signed', 'started'))::int AS open,
         count(l.id) FILTER (WHERE l.stage IN ('new', 'contacted', 'negotiating') AND l.next_follow_up_on = $2::date)::int AS due_today,
         count(l.id) FILTER (WHERE l.stage IN ('new', 'contacted', 'negotiating') AND l.next_follow_up_on < $2::date)::int AS overdue,
         count(l.id) FILTER (WHERE l.signed_at >= make_date(extract(year FROM $2::date)::int, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai')::int AS signed
       FROM app_user u LEFT JOIN lead l ON l.owner_id = u.id
       WHERE u.bureau_id = $1 AND u.active AND u.role IN ('officer', 'bureau_lead')
       GROUP BY u.id, u.name ORDER BY open DESC, u.name`,
        [actor.bureauId, today],
      );
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      open: r.open,
      dueToday: r.due_today,
      overdue: r.overdue,
      signedThisYear: r.signed,
    }));
  }
}
