import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy, requireStaff, staffScope } from '../access/access-policy.js';
import type { Actor } from '../access/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../platform/clock/clock.js';
import { conflict, notFound, validationFailed } from '../platform/http/problem.js';
import { toPage, offsetOf, type Page } from '../platform/http/pagination.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { regions } from '../reference/regions.js';
import { EnterpriseMergeSteps, type EnterpriseMerge } from './enterprise-merge.js';
import { enterprisesChanged } from './enterprise.events.js';
import { syncCertificationArrays } from './enterprises.service.js';

export interface DuplicatePair {
  a: { id: number; name: string; uscc: string; homeRegionCode: string };
  b: { id: number; name: string; uscc: string; homeRegionCode: string };
  /** Why they look alike: the same normalised name, shared phones (p:…) and e-mails (e:…). */
  sameName: boolean;
  sharedContacts: string[];
}

/**
 * Likely duplicate enterprises and their merge (issue 17 item 8). Staff of the region only: both
 * records registered (home region) inside the caller's scope; admins anywhere. The merge is one
 * transaction: every module moves its own rows to the winner (`@OnEnterpriseMerge` steps), this
 * module moves the certifications (the better claim of a kind wins), leaves a redirect from the
 * loser's id (earlier redirects to the loser follow on), deletes the loser and audits it all.
 */
@Injectable()
export class EnterpriseMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly steps: EnterpriseMergeSteps,
  ) {}

  /**
   * Pairs (lower id first) in the caller's scope with the same normalised name or a shared contact
   * key. Index-driven: the outer walk is the home-region GIN (or the primary key), each probe the
   * name-key btree or the contact-keys GIN; `total` counts the pairs of the page's walk only when
   * the list is short, else it is a lower bound (`totalExact` false).
   */
  async duplicates(actor: Actor, q: { page: number; pageSize: number }): Promise<Page<DuplicatePair> & { totalExact: boolean }> {
    requireStaff(actor);
    const scope = staffScope(actor);
    const inScope = (alias: string) => (scope ? `${alias}.home_region_path @> ARRAY[$3]::char(6)[]` : 'true');
    const params: unknown[] = [q.pageSize + 1, offsetOf(q)];
    if (scope) params.push(scope);
    const rows: Array<{
      a_id: number;
      a_name: string;
      a_uscc: string;
      a_region: string;
      b_id: number;
      b_name: string;
      b_uscc: string;
      b_region: string;
      same_name: boolean;
      shared: string[];
    }> = await this.dataSource.query(
      `SELECT a.id AS a_id, a.name AS a_name, a.uscc AS a_uscc, a.home_region_code AS a_region,
                b.id AS b_id, b.name AS b_name, b.uscc AS b_uscc, b.home_region_code AS b_region,
                enterprise_name_key(a.name::text) = enterprise_name_key(b.name::text) AS same_name,
                ARRAY(SELECT unnest(enterprise_contact_keys(a.contacts)) INTERSECT SELECT unnest(enterprise_contact_keys(b.contacts)) ORDER BY 1) AS shared
           FROM enterprise a
           JOIN LATERAL (
             SELECT x.id FROM enterprise x WHERE enterprise_name_key(x.name::text) = enterprise_name_key(a.name::text) AND x.id > a.id
             UNION
             SELECT x.id FROM enterprise x WHERE enterprise_contact_keys(x.contacts) && enterprise_contact_keys(a.contacts) AND x.id > a.id
           ) d ON true
           JOIN enterprise b ON b.id = d.id
          WHERE ${inScope('a')} AND ${inScope('b')}
          ORDER BY a.id, b.id
          LIMIT $1 OFFSET $2`,
      params,
    );
    const more = rows.length > q.pageSize;
    const items = rows.slice(0, q.pageSize).map((r) => ({
      a: { id: r.a_id, name: r.a_name, uscc: r.a_uscc, homeRegionCode: r.a_region },
      b: { id: r.b_id, name: r.b_name, uscc: r.b_uscc, homeRegionCode: r.b_region },
      sameName: r.same_name,
      sharedContacts: r.shared,
    }));
    const total = offsetOf(q) + items.length + (more ? 1 : 0);
    return { ...toPage(items, total, q), totalExact: !more };
  }

  /** Merges `loserId` into `winnerId` (both registered in the caller's region); answers what moved. */
  async merge(
    actor: Actor,
    winnerId: number,
    loserId: number,
    reason: string,
  ): Promise<{ id: number; mergedId: number; moved: Record<string, number> }> {
    requireStaff(actor);
    if (winnerId === loserId) throw validationFailed([{ field: 'duplicateId', code: 'same_record', message: '不能与自身合并' }]);
    for (const [id, field] of [
      [winnerId, 'id'],
      [loserId, 'duplicateId'],
    ] as const) {
      try {
        await this.access.enterprise(actor, id, 'write');
      } catch (err) {
        if ((err as { status?: number }).status === 404 && field === 'duplicateId')
          throw validationFailed([{ field, code: 'unknown_enterprise', message: '要合并的企业不存在' }]);
        throw err;
      }
    }
    return this.dataSource.transaction(async (m) => {
      const locked: Array<{ id: number; uscc: string; name: string; home_region_code: string }> = await m.query(
        `SELECT id, uscc, name, home_region_code FROM enterprise WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`,
        [[winnerId, loserId]],
      );
      const winner = locked.find((e) => e.id === winnerId);
      const loser = locked.find((e) => e.id === loserId);
      if (!winner) throw notFound('企业');
      if (!loser)
        throw conflict('already-merged', '要合并的企业已不存在（可能刚被合并）', [
          { field: 'duplicateId', code: 'gone', message: '企业已不存在' },
        ]);
      const merge: EnterpriseMerge = { winnerId, loserId, actor, at: this.clock.now(), matchRemap: new Map(), moved: {} };
      for (const step of this.steps.list()) await step.run(m, merge);
      merge.moved.enterprise_certification = await this.moveCertifications(m, winnerId, loserId);
      await m.query(`UPDATE enterprise_redirect SET to_id = $2 WHERE to_id = $1`, [loserId, winnerId]);
      await m.query(
        `INSERT INTO enterprise_redirect (from_id, to_id, from_uscc, from_name, merged_at, merged_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [loserId, winnerId, loser.uscc, loser.name, merge.at, actor.userId],
      );
      await m.query(`DELETE FROM enterprise WHERE id = $1`, [loserId]);
      await this.events.emit(m, enterprisesChanged, { enterpriseIds: [winnerId] });
      const detail = { mergedId: loserId, mergedUscc: loser.uscc, mergedName: loser.name, reason, moved: merge.moved };
      await this.audit.record(m, {
        actor,
        action: 'enterprise.merged',
        target: { type: 'enterprise', id: winnerId, region: winner.home_region_code },
        detail,
      });
      await this.audit.record(m, {
        actor,
        action: 'enterprise.merged_away',
        target: {
          type: 'enterprise',
          id: loserId,
          region: regions().get(loser.home_region_code) ? loser.home_region_code : winner.home_region_code,
        },
        detail: { mergedInto: winnerId, winnerUscc: winner.uscc, reason },
      });
      return { id: winnerId, mergedId: loserId, moved: merge.moved };
    });
  }

  /** Where a merged record went (null: not merged). */
  async redirectOf(id: number, m: EntityManager = this.dataSource.manager): Promise<number | null> {
    const [r]: Array<{ to_id: number }> = await m.query(`SELECT to_id FROM enterprise_redirect WHERE from_id = $1`, [id]);
    return r?.to_id ?? null;
  }

  /** A kind both hold: the better claim stays (verified › claimed › rejected; the winner's on a tie); the rest move. */
  private async moveCertifications(m: EntityManager, winnerId: number, loserId: number): Promise<number> {
    await m.query(
      `DELETE FROM enterprise_certification w USING enterprise_certification l
        WHERE w.enterprise_id = $1 AND l.enterprise_id = $2 AND l.kind = w.kind
          AND (CASE l.status WHEN 'verified' THEN 3 WHEN 'claimed' THEN 2 ELSE 1 END) > (CASE w.status WHEN 'verified' THEN 3 WHEN 'claimed' THEN 2 ELSE 1 END)`,
      [winnerId, loserId],
    );
    await m.query(
      `DELETE FROM enterprise_certification l WHERE l.enterprise_id = $2 AND EXISTS (SELECT 1 FROM enterprise_certification w WHERE w.enterprise_id = $1 AND w.kind = l.kind)`,
      [winnerId, loserId],
    );
    const moved = await m.query(`UPDATE enterprise_certification SET enterprise_id = $1 WHERE enterprise_id = $2`, [winnerId, loserId]);
    await syncCertificationArrays(m, winnerId);
    return (moved as [unknown, number])[1] ?? 0;
  }
}
