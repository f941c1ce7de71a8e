import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor } from '../access/actor.js';
import { CurrentActor, Roles, StaffOnly } from '../access/decorators.js';
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
import { enterprisePageResponse, enterpriseResponse, enterpriseView } from './enterprise.view.js';
import { certificationKinds, type CertificationKind } from './enterprise.vocabulary.js';
import { EnterprisesService } from './enterprises.service.js';
import { ZodResponse } from '../platform/http/openapi.js';

const certificationKind = z.enum(certificationKinds);

@ApiTags('enterprises 企业')
@Controller('enterprises')
export class EnterprisesController {
  constructor(
private readonly enterprises: EnterprisesService) {}

  @Post()
  @StaffOnly()
  @ApiOperation({ summary: 'Staff: record an enterprise registered in (or investing into) their region. Enterprises register themselves with POST /auth/signup.' })
  @ZodResponse(enterpriseResponse)
  async register(@ZodBody(registerEnterpriseSchema) body: RegisterEnterpriseInput, @CurrentActor() actor: Actor) {
    return enterpriseView(await this.enterprises.record(actor, body), { contacts: true });
  }

  @Get()
  @StaffOnly()
  @ApiOperation({ summary: 'List enterprises (region/industry subtree, certification, size, text)' })
  @ZodResponse(enterprisePageResponse)
  async list(@ZodQuery(listEnterprisesQuery) q: ListEnterprisesQuery, @CurrentActor() actor: Actor) {
    const page = await this.enterprises.browse(actor, q);
    return toPage(page.items.map((e) => enterpriseView(e, { contacts: false })), page.total, page);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An enterprise (contacts for its own users and the staff covering it)' })
  @ZodResponse(enterpriseResponse)
  async get(@IdParam() id: number, @CurrentActor() actor: Actor) {
    const { enterprise, contacts } = await this.enterprises.read(actor, id);
    return enterpriseView(enterprise, { contacts });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit the profile (the USCC cannot change; certification claims restart as 待核验)' })
  @ZodResponse(enterpriseResponse)
  async update(@IdParam() id: number, @ZodBody(updateEnterpriseSchema) body: UpdateEnterpriseInput, @CurrentActor() actor: Actor) {
    return enterpriseView(await this.enterprises.edit(actor, id, body), { contacts: true });
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Admin: delete an enterprise (audited)' })
  async remove(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<void> {
    await this.enterprises.delete(actor, id);
  }

  @Post(':id/certifications/:kind/verify')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Officer: verify a claimed certification (only verified ones count for eligibility)' })
  @ZodResponse(enterpriseResponse)
  async verify(
    @IdParam() id: number,
    @ZodParam('kind', certificationKind, 'the certification claimed') kind: CertificationKind,
    @ZodBody(reviewCertificationSchema) body: { note?: string },
    @CurrentActor() actor: Actor,
  ) {
    return enterpriseView(await this.enterprises.review(actor, id, kind, 'verified', body.note), { contacts: true });
  }

  @Post(':id/certifications/:kind/reject')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Officer: reject a claimed certification' })
  @ZodResponse(enterpriseResponse)
  async reject(
    @IdParam() id: number,
    @ZodParam('kind', certificationKind, 'the certification claimed') kind: CertificationKind,
    @ZodBody(reviewCertificationSchema) body: { note?: string },
    @CurrentActor() actor: Actor,
  ) {
    return enterpriseView(await this.enterprises.review(actor, id, kind, 'rejected', body.note), { contacts: true });
  }
}
