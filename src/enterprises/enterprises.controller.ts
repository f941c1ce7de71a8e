import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { isStaff, ownsEnterprise, type Actor } from '../auth/actor.js';
import { CurrentActor, Public, Roles, StaffOnly } from '../auth/decorators.js';
import { notFound } from '../platform/http/problem.js';
import { toPage } from '../platform/http/pagination.js';
import { IdParam, ZodBody, ZodPipe, ZodQuery } from '../platform/validation/zod-http.js';
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

const kindParam = new ZodPipe(z.enum(certificationKinds), 'kind');

/** An enterprise user only ever sees its own enterprise (others answer 404); staff rules are applied by region. */
export function ensureMayRead(actor: Actor, enterpriseId: number): void {
  if (!ownsEnterprise(actor, enterpriseId) && !isStaff(actor)) throw notFound('企业');
}

@ApiTags('enterprises 企业')
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @Public()
  @ApiOperation({ summary: '企业入驻 (register an enterprise)' })
  async register(@ZodBody(registerEnterpriseSchema) body: RegisterEnterpriseInput) {
    return enterpriseView(await this.enterprises.register(body), { contacts: true });
  }

  @Get()
  @StaffOnly()
  @ApiOperation({ summary: 'List enterprises (region/industry subtree, certification, size, text)' })
  async list(@ZodQuery(listEnterprisesQuery) q: ListEnterprisesQuery) {
    const page = await this.enterprises.list(q);
    return toPage(page.items.map((e) => enterpriseView(e, { contacts: false })), page.total, page);
  }

  @Get(':id')
  async get(@IdParam() id: number, @CurrentActor() actor: Actor) {
    ensureMayRead(actor, id);
    return enterpriseView(await this.enterprises.get(id), { contacts: true });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit the profile (the USCC cannot change; certification claims restart as 待核验)' })
  async update(@IdParam() id: number, @ZodBody(updateEnterpriseSchema) body: UpdateEnterpriseInput, @CurrentActor() actor: Actor) {
    ensureMayRead(actor, id);
    return enterpriseView(await this.enterprises.update(id, body), { contacts: true });
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@IdParam() id: number): Promise<void> {
    await this.enterprises.remove(id);
  }

  @Post(':id/certifications/:kind/verify')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Officer: verify a claimed certification (only verified ones count for eligibility)' })
  async verify(
    @IdParam() id: number,
    @Param('kind', kindParam) kind: CertificationKind,
    @ZodBody(reviewCertificationSchema) body: { note?: string },
  ) {
    return enterpriseView(await this.enterprises.reviewCertification(id, kind, 'verified', body), { contacts: true });
  }

  @Post(':id/certifications/:kind/reject')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Officer: reject a claimed certification' })
  async reject(
    @IdParam() id: number,
    @Param('kind', kindParam) kind: CertificationKind,
    @ZodBody(reviewCertificationSchema) body: { note?: string },
  ) {
    return enterpriseView(await this.enterprises.reviewCertification(id, kind, 'rejected', body), { contacts: true });
  }
}
