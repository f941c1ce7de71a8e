import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DigestMatchReasons } from '../notifications/digest-match-reasons.js';
import type { ScoreFactor } from './match.entity.js';
import { MatchingEngine } from './matching.engine.js';
import {
  ENTERPRISE_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_INCENTIVES_SQL,
  toMatchEnterprise,
  toMatchIncentive,
  toMatchProject,
  type EnterpriseRow,
  type IncentiveRow,
  type ProjectRow,
} from './rows.js';
import { ProjectProfile, type MatchResult } from './scoring/score.js';

/** The columns of a stored match its explanation is read from. */
export interface StoredMatch {
  enterprise_id: number;
  project_id: number;
  score: number;
  verdict: Buffer | null;
  eligible_incentive_ids: number[] | null;
  needs_info_incentive_ids: number[] | null;
}

export interface Explanation {
  breakdown: ScoreFactor[];
  reasons: string[];
}

/**
 * Spells out stored matches: each row's verdict (what its factors found) is revived against its
 * project (compiled once per project read) and its enterprise's facts, and explained by the same
 * `ProjectProfile.explain` that explains a fresh score — the text is exactly what it was when the
 * match was computed (test/integration/matching/match-verdicts.int.spec.ts). A row without a usable
 * verdict (written before verdicts existed) is explained by scoring the pair now.
 */
@Injectable()
export class MatchExplanations implements DigestMatchReasons {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: MatchingEngine,
  ) {}

  /** One explanation per row, in order (`m`: the caller's transaction, if any). */
  async explain(rows: readonly StoredMatch[], m: EntityManager = this.dataSource.manager): Promise<Explanation[]> {
    if (!rows.length) return [];
    const ctx = await this.engine.scoringContext();
    const enterpriseIds = [...new Set(rows.map((r) => r.enterprise_id))];
    const projectIds = [...new Set(rows.map((r) => r.project_id))];
    const enterprises: EnterpriseRow[] = await m.query(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.id = ANY($1::int[])`, [
      enterpriseIds,
    ]);
    const projects: ProjectRow[] = await m.query(`SELECT ${PROJECT_COLUMNS} FROM project p WHERE p.id = ANY($1::int[])`, [projectIds]);
    const incentives: IncentiveRow[] = await m.query(PROJECT_INCENTIVES_SQL, [projectIds]);
    const byEnterprise = new Map(enterprises.map((e) => [e.id, toMatchEnterprise(e)]));
    const profiles = new Map<number, { project: ReturnType<typeof toMatchProject>; reading: ProjectProfile; scoring?: ProjectProfile }>();
    for (const p of projects) {
      const project = toMatchProject(p, incentives.filter((i) => i.project_id === p.id).map(toMatchIncentive));
      // reading a verdict needs no text terms (the shared words are stored): no segmentation
      profiles.set(p.id, { project, reading: new ProjectProfile(project, ctx, { tokens: [], renderMemo: false }) });
    }
    return rows.map((r) => {
      const e = byEnterprise.get(r.enterprise_id);
      const p = profiles.get(r.project_id);
      if (!e || !p) return { breakdown: [], reasons: [] };
      const ev = r.verdict
        ? p.reading.revive(
            {
              score: r.score,
              verdict: r.verdict,
              eligibleIncentiveIds: r.eligible_incentive_ids ?? [],
              needsInfoIncentiveIds: r.needs_info_incentive_ids ?? [],
            },
            e,
          )
        : null;
      let result: MatchResult;
      if (ev) result = p.reading.explain(ev);
      else result = (p.scoring ??= new ProjectProfile(p.project, ctx, { renderMemo: false })).score(e);
      return { breakdown: result.breakdown, reasons: result.reasons };
    });
  }

  /** The highlights of matches by id (the digest builder's port). */
  async reasonsOf(m: EntityManager, matchIds: readonly string[]): Promise<Map<string, string[]>> {
    if (!matchIds.length) return new Map();
    const rows: Array<StoredMatch & { id: string }> = await m.query(
      `SELECT id, enterprise_id, project_id, score, verdict, coalesce(eligible_incentive_ids, '{}') AS eligible_incentive_ids,
              coalesce(needs_info_incentive_ids, '{}') AS needs_info_incentive_ids
       FROM match WHERE id = ANY($1::bigint[])`,
      [matchIds],
    );
    const explained = await this.explain(rows, m);
    return new Map(rows.map((r, i) => [String(r.id), explained[i].reasons]));
  }
}
