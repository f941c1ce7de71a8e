import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MERGE_ORDER, OnEnterpriseMerge, type EnterpriseMerge } from '../enterprises/enterprise-merge.js';
import { conflict } from '../platform/http/problem.js';
import { LeadsService } from './leads.service.js';

const OPEN = `('new', 'contacted', 'negotiating')`;

/**
 * Leads' part of merging two enterprise records: every lead (with its timeline) moves to the
 * winner — none is deleted. A lead whose match was dropped for the winner's points at the kept
 * match (unless that one already has its lead). Where both records have an open lead on the
 * same project (or, without one, the same region) — which the pipeline allows only once — the
 * loser's is closed as 已流失 with the reason, through the pipeline's own stage change (timeline,
 * counts, audit).
 */
@Injectable()
export class LeadsEnterpriseMerge {
  constructor(private readonly leads: LeadsService) {}

  @OnEnterpriseMerge({ order: MERGE_ORDER.leads, tables: ['lead'] })
  async moveLeads(m: EntityManager, merge: EnterpriseMerge): Promise<void> {
    for (const [dropped, kept] of merge.matchRemap) {
      await m.query(
        `UPDATE lead SET match_id = CASE WHEN EXISTS (SELECT 1 FROM lead k WHERE k.match_id = $2) THEN NULL ELSE $2 END WHERE match_id = $1`,
        [dropped, kept],
      );
    }
    const clashes: Array<{ loser_lead: number; winner_lead: number }> = await m.query(
      `SELECT l.id AS loser_lead, w.id AS winner_lead FROM lead l JOIN lead w
          ON w.enterprise_id = $1 AND w.stage IN ${OPEN}
         AND ((l.project_id IS NOT NULL AND w.project_id = l.project_id) OR (l.project_id IS NULL AND w.project_id IS NULL AND w.region_code = l.region_code))
        WHERE l.enterprise_id = $2 AND l.stage IN ${OPEN} ORDER BY l.id`,
      [merge.winnerId, merge.loserId],
    );
    for (const c of clashes) {
      const reason = `企业记录合并：与线索 #${c.winner_lead} 重复`;
      try {
        await this.leads.changeStageIn(m, merge.actor, c.loser_lead, { stage: 'lost', lostReason: reason, note: reason }, { audit: true });
      } catch {
        throw conflict(
          'merge-lead-clash',
          `两条企业记录在同一项目上都有进行中的线索（#${c.winner_lead}、#${c.loser_lead}），其中一条不在您的辖区：请先由负责的招商局处理`,
          [{ field: 'duplicateId', code: 'open_lead_clash', message: `线索 #${c.loser_lead} 与 #${c.winner_lead} 重复` }],
        );
      }
    }
    const [, n] = await m.query(`UPDATE lead SET enterprise_id = $1 WHERE enterprise_id = $2`, [merge.winnerId, merge.loserId]);
    merge.moved.lead = Number(n ?? 0);
    merge.moved.leadClosed = clashes.length;
  }
}
