import { Controller, Get, HttpCode, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor.js';
import { attachment, CSV_TYPE, XLSX_TYPE } from '../platform/spreadsheet/spreadsheet.js';
import { CurrentActor, StaffOnly } from '../access/decorators.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import {
  agreementFiguresExportQuery,
  agreementFiguresQuery,
  approveReleaseSchema,
  createAgreementSchema,
  listWarningsQuery,
  recordActualSchema,
  recoveryStepSchema,
  requestReleaseSchema,
  type AgreementFiguresExportQuery,
  type AgreementFiguresQuery,
  type ApproveReleaseInput,
  type CreateAgreementInput,
  type ListWarningsQuery,
  type RecordActualInput,
  type RecoveryStepInput,
  type RequestReleaseInput,
} from './agreements.schemas.js';
import { AgreementsService } from './agreements.service.js';

@ApiTags('agreements 投资协议')
@Controller()
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Post('leads/:id/agreement')
  @StaffOnly()
  @ApiOperation({
    summary:
      "The agreement of a signed lead: signing date, pledges (any subset) and incentive tranches with their release condition. Staff of the lead's region; answers 201 {id}; audited",
  })
  async create(@IdParam() id: number, @ZodBody(createAgreementSchema) body: CreateAgreementInput, @CurrentActor() actor: Actor) {
    return this.agreements.create(actor, id, body);
  }

  @Get('agreements/warnings')
  @StaffOnly()
  @ApiOperation({
    summary: '项目预警 that hold now, region-scoped, paged, filter by kind: items {agreementId, leadId, kind, since, pledge}',
  })
  async warnings(@ZodQuery(listWarningsQuery) q: ListWarningsQuery, @CurrentActor() actor: Actor) {
    return this.agreements.warnings(actor, q);
  }

  @Get('agreements/figures')
  @StaffOnly()
  @ApiOperation({
    summary:
      'Agreement figures by region subtree and signing period: agreements by status, 到资率, pledges by status, tranches released/withheld, recovery',
  })
  async figures(@ZodQuery(agreementFiguresQuery) q: AgreementFiguresQuery, @CurrentActor() actor: Actor) {
    return this.agreements.figures(actor, q);
  }

  @Get('agreements/figures/export')
  @StaffOnly()
  @ApiProduces(XLSX_TYPE, CSV_TYPE)
  @ApiOperation({ summary: 'The agreement figures as XLSX or CSV (same filters as /agreements/figures, plus format); audited' })
  async exportFigures(
    @ZodQuery(agreementFiguresExportQuery) q: AgreementFiguresExportQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { file, name } = await this.agreements.exportFigures(actor, q);
    res.setHeader('content-type', q.format === 'csv' ? CSV_TYPE : XLSX_TYPE);
    res.setHeader('content-disposition', attachment(name));
    return new StreamableFile(file);
  }

  @Get('agreements/:id')
  @ApiOperation({
    summary:
      "An agreement with each pledge's status as of now, tranches, actuals, warnings and the recovery case; its enterprise's users get a read-only view",
  })
  async get(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return this.agreements.get(actor, id);
  }

  @Post('agreements/:id/actuals')
  @StaffOnly()
  @ApiOperation({
    summary:
      'Record an actual (到资, 开工/竣工/投产/达产, annual output/tax, jobs) with date, source and a document or note; append-only (a correction names correctsId); audited',
  })
  async recordActual(@IdParam() id: number, @ZodBody(recordActualSchema) body: RecordActualInput, @CurrentActor() actor: Actor) {
    return this.agreements.recordActual(actor, id, body);
  }

  @Post('agreements/:id/tranches/:trancheId/release')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({ summary: "Ask for a releasable tranche's release (the first of four eyes); audited" })
  async requestRelease(
    @IdParam() id: number,
    @IdParam('trancheId') trancheId: number,
    @ZodBody(requestReleaseSchema) body: RequestReleaseInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.agreements.requestRelease(actor, id, trancheId, body);
  }

  @Post('agreements/:id/tranches/:trancheId/approve')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a requested release (another officer of the region than the requester); the tranche is released; audited',
  })
  async approveRelease(
    @IdParam() id: number,
    @IdParam('trancheId') trancheId: number,
    @ZodBody(approveReleaseSchema) body: ApproveReleaseInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.agreements.approveRelease(actor, id, trancheId, body);
  }

  @Post('agreements/:id/recovery')
  @StaffOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'A step of the recovery case (notified › agreed / recovered / waived) with reason and document; audited' })
  async recoveryStep(@IdParam() id: number, @ZodBody(recoveryStepSchema) body: RecoveryStepInput, @CurrentActor() actor: Actor) {
    return this.agreements.recordRecoveryStep(actor, id, body);
  }
}
