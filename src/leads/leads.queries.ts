import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireRole } from '../access/access-policy.js';
import type { Actor } from '../access/actor.js';
import { regions } from '../reference/regions.js';

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
}
