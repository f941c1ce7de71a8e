import { Controller, Delete, Get, HttpCode, Patch, Post, Put, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { type Actor } from '../access/actor.js';
import { CurrentActor, Roles, StaffOnly } from '../access/decorators.js';
import { toPage } from '../platform/http/pagination.js';
import { IdParam, ZodBody, ZodParam, ZodQuery } from '../platform/validation/zod-http.js';
import {
  listEnterprisesQuery,
  registerEnterpriseSchema,
  rejectCertificationSchema,
  reviewCertificationSchema,
  updateEnterpriseSchema,
  type ListEnterprisesQuery,
  type RegisterEnterpriseInput,
  type UpdateEnterpriseInput,
} from './enterprise.schemas.js';
import { enterprisePageResponse, enterpriseResponse, enterpriseView } from './enterprise.view.js';
import { certificationKinds, type CertificationKind } from './enterprise.vocabulary.js';
import { EnterprisesService } from './enterprises.service.js';
import { FileResponse, ZodResponse } from '../platform/http/openapi.js';

const certificationKind = z.enum(certificationKinds);

@ApiTags('enterprises 企业')
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @StaffOnly()
  @ApiOperation({
    summary:
      'Staff: record an enterprise registered in (or investing into) their region. Enterprises register themselves with POST /auth/signup.',
  })
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
    return toPage(
      page.items.map((e) => enterpriseView(e, { contacts: false })),
      page.total,
      page,
    );
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
    @ZodBody(rejectCertificationSchema) body: { note: string },
    @CurrentActor() actor: Actor,
  ) {
    return enterpriseView(await this.enterprises.review(actor, id, kind, 'rejected', body.note), { contacts: true });
  }

  @Put(':id/certifications/:kind/evidence')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file')) // size limit: MulterModule options in enterprises.module.ts; the 10 MB rule is the service's
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'the certificate: PDF, PNG, JPEG or WebP, at most 10 MB (type read from the bytes)',
        },
      },
    },
  })
  @ApiOperation({
    summary: 'Enterprise: attach its certificate to a claimed certification (a reviewed claim goes back to 待核验); audited',
  })
  @ZodResponse(enterpriseResponse)
  async attachEvidence(
    @IdParam() id: number,
    @ZodParam('kind', certificationKind, 'the certification claimed') kind: CertificationKind,
    @UploadedFile() file: { buffer: Buffer; originalname?: string } | undefined,
    @CurrentActor() actor: Actor,
  ) {
    return enterpriseView(await this.enterprises.attachEvidence(actor, id, kind, file), { contacts: true });
  }

  @Get(':id/certifications/:kind/evidence')
  @FileResponse('application/pdf', 'image/png', 'image/jpeg', 'image/webp')
  @ApiOperation({ summary: 'The attached certificate, with its content type: the enterprise itself and staff of its home region only' })
  async evidence(
    @IdParam() id: number,
    @ZodParam('kind', certificationKind, 'the certification claimed') kind: CertificationKind,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const file = await this.enterprises.evidence(actor, id, kind);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    return new StreamableFile(file.bytes);
  }
}
