import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy, outsideRegion } from '../auth/access.js';
import { type Actor } from '../auth/actor.js';
import { CurrentActor, Roles, StaffOnly } from '../auth/decorators.js';
import { toPage } from '../platform/http/pagination.js';
import { IdParam, ZodBody, ZodParam, ZodQuery } from '../platform/validation/zod-http.js';
import {
  listEnterprisesQuery,
  registerEnterpriseSchema,
  reviewCertificationSchema,
  updateEnterpriseSchema,
  type ListEnterprisesQuery,
  type RegisterEnterpriseInput,
  type UpdateEnterpriseInput,
} from './enterprise.schemas.js';
import { enterpriseView } from './enterprise.view.js';
import { certificationKinds, type CertificationKind } from './enterprise.vocabulary.js';
import { EnterprisesService } from './enterprises.service.js';

const certificationKind = z.enum(certificationKinds);

@ApiTags('enterprises 企业')
@Controller('enterprises')
export class EnterprisesController {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @StaffOnly()
  @ApiOperation({ summary: 'Staff: record an enterprise registered in (or investing into) their region. Enterprises register themselves with POST /auth/signup.' })
  async register(@ZodBody(registerEnterpriseSchema) body: RegisterEnterpriseInput, @CurrentActor() actor: Actor) {
    if (!this.access.mayRecordEnterprise(actor, body.homeRegionCode, body.targetRegionCodes)) throw outsideRegion('homeRegionCode');
    const e = await this.audit.within(async (m) => {
      const created = await this.enterprises.register(body, m);
      return { result: created, audit: { actor, action: 'enterprise.created', target: { type: 'enterprise', id: created.id, region: created.homeRegionCode } } };
    });
    return enterpriseView(e, { contacts: true });
  }

  @Get()
  @StaffOnly()
  @ApiOperation({ summary: 'List enterprises (region/industry subtree, certification, size, text)' })
  async list(@ZodQuery(listEnterprisesQuery) q: ListEnterprisesQuery, @CurrentActor() actor: Actor) {
    const page = await this.enterprises.list(q, this.access.enterpriseListScope(actor));
    return toPage(page.items.map((e) => enterpriseView(e, { contacts: false })), page.total, page);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An enterprise (contacts for its own users and the staff covering it)' })
  async get(@IdParam() id: number, @CurrentActor() actor: Actor) {
    const { contacts } = await this.access.enterprise(actor, id, 'read');
    return enterpriseView(await this.enterprises.get(id), { contacts });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit the profile (the USCC cannot change; certification claims restart as 待核验)' })
  async update(@IdParam() id: number, @ZodBody(updateEnterpriseSchema) body: UpdateEnterpriseInput, @CurrentActor() actor: Actor) {
    await this.access.enterprise(actor, id, 'write');
    return enterpriseView(await this.enterprises.update(id, body, undefined, actor), { contacts: true });
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Admin: delete an enterprise (audited)' })
  async remove(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<void> {
    const e = await this.enterprises.get(id);
    await this.enterprises.remove(id);
    await this.audit.record(null, { actor, action: 'enterprise.deleted', target: { type: 'enterprise', id, region: e.homeRegionCode }, detail: { uscc: e.uscc, name: e.name } });
  }

  @Post(':id/certifications/:kind/verify')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Officer: verify a claimed certification (only verified ones count for eligibility)' })
  async verify(
    @IdParam() id: number,
    @ZodParam('kind', certificationKind, 'the certification claimed') kind: CertificationKind,
    @ZodBody(reviewCertificationSchema) body: { note?: string },
    @CurrentActor() actor: Actor,
  ) {
    return this.review(actor, id, kind, 'verified', body);
  }

  @Post(':id/certifications/:kind/reject')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Officer: reject a claimed certification' })
  async reject(
    @IdParam() id: number,
    @ZodParam('kind', certificationKind, 'the certification claimed') kind: CertificationKind,
    @ZodBody(reviewCertificationSchema) body: { note?: string },
    @CurrentActor() actor: Actor,
  ) {
    return this.review(actor, id, kind, 'rejected', body);
  }

  /** Only staff covering the enterprise's home region review its certifications; audited with the change. */
  private async review(actor: Actor, id: number, kind: CertificationKind, decision: 'verified' | 'rejected', body: { note?: string }) {
    const { contacts } = await this.access.enterprise(actor, id, 'write');
    const e = await this.audit.within(async (m) => {
      const reviewed = await this.enterprises.reviewCertification(id, kind, decision, { ...body, reviewerId: actor.userId }, m);
      const target = { type: 'enterprise', id, region: reviewed.homeRegionCode };
      return { result: reviewed, audit: { actor, action: `certification.${decision}`, target, detail: { kind, note: body.note ?? null } } };
    });
    return enterpriseView(e, { contacts });
  }
}
