import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { coversRegion, type Actor } from '../access/actor.js';
import { CurrentActor, Roles } from '../access/decorators.js';
import { listParam, offsetOf, pageQuery, toPage } from '../platform/http/pagination.js';
import { forbidden } from '../platform/http/problem.js';
import { dbIdQuery, isoDate } from '../platform/validation/common.js';
import { ZodQuery } from '../platform/validation/zod-http.js';
import { regionCode } from '../reference/codes.js';
import { regions } from '../reference/regions.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AUDIT_ACTIONS } from './audit.service.js';
import { ZodResponse } from '../platform/http/openapi.js';
import { auditPageResponse } from './audit.responses.js';

const action = z.string().regex(/^[a-z_]+(\.[a-z_]+)*\.?$/, '操作名称只能包含小写字母、下划线和点');

export const auditQuery = z.strictObject({
  ...pageQuery,
  /** Exact actions, or prefixes ending with a dot (`auth.`). */
  action: listParam(action),
  actorUserId: dbIdQuery.optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(64).optional(),
  /** Entries concerning this region's subtree. */
  region: regionCode.optional(),
  /** Asia/Shanghai dates, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
type AuditQuery = z.output<typeof auditQuery>;

export const auditView = (e: AuditEntry) => ({
  id: e.id,
  at: e.at,
  action: e.action,
  actionLabel: AUDIT_ACTIONS[e.action] ?? e.action,
  actor: e.actorUserId || e.actorEmail ? { userId: e.actorUserId, email: e.actorEmail, role: e.actorRole } : null,
  target: e.targetType ? { type: e.targetType, id: e.targetId } : null,
  region: e.regionCode ? { code: e.regionCode, name: regions().fullName(e.regionCode) } : null,
  detail: e.detail,
  ip: e.ip,
  userAgent: e.userAgent,
});

@ApiTags('audit 审计日志')
@Controller('audit')
@Roles('admin', 'bureau_lead')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first: admins see everything, bureau leads the entries concerning their region' })
  @ZodResponse(auditPageResponse)
  async list(@ZodQuery(auditQuery) q: AuditQuery, @CurrentActor() actor: Actor) {
    const qb = this.dataSource.manager.createQueryBuilder(AuditEntry, 'a');
    if (actor.role !== 'admin') {
      if (q.region && !coversRegion(actor, q.region)) throw forbidden('只能查看本辖区的审计日志');
      qb.andWhere('a.region_path @> CAST(:scope AS char(6)[])', { scope: [actor.regionScope] });
    }
    if (q.region) qb.andWhere('a.region_path @> CAST(:region AS char(6)[])', { region: [q.region] });
    if (q.action) {
      const exact = q.action.filter((a) => !a.endsWith('.'));
      const prefixes = q.action.filter((a) => a.endsWith('.')).map((p) => `${p.replace(/_/g, '\\_')}%`);
      const conds = [
        ...(exact.length ? ['a.action = ANY(CAST(:exact AS varchar[]))'] : []),
        ...prefixes.map((_, i) => `a.action LIKE :p${i}`),
      ];
      qb.andWhere(`(${conds.join(' OR ')})`, { exact, ...Object.fromEntries(prefixes.map((p, i) => [`p${i}`, p])) });
    }
    if (q.actorUserId) qb.andWhere('a.actor_user_id = :actorUserId', { actorUserId: q.actorUserId });
    if (q.targetType) qb.andWhere('a.target_type = :targetType', { targetType: q.targetType });
    if (q.targetId) qb.andWhere('a.target_id = :targetId', { targetId: q.targetId });
    if (q.from) qb.andWhere('a.at >= :from', { from: new Date(`${q.from}T00:00:00+08:00`) });
    if (q.to) qb.andWhere('a.at < :to', { to: new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 24 * 3600_000) });
    qb.orderBy('a.id', 'DESC').offset(offsetOf(q)).limit(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return toPage(items.map(auditView), total, q);
  }
}
