import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgreementsService } from '../agreements/agreements.service.js';
import type { AuthedRequest } from '../access/auth.guard.js';
import { Roles } from '../access/decorators.js';
import { Pages } from './pages.js';
import { WebExceptionFilter } from './web-exception.filter.js';

/** The enterprise portal: its own agreements, read-only — pledges with their status and the tranches to come. */
@ApiExcludeController()
@Controller('portal/agreements')
@Roles('enterprise')
@UseFilters(WebExceptionFilter)
export class PortalAgreementsController {
  constructor(
    private readonly pages: Pages,
    private readonly agreements: AgreementsService,
  ) {}

  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response) {
    const agreements = await this.agreements.ofEnterprise(req.actor!);
    this.pages.send(req, res, 'portal/agreements', { agreements }, { title: '我的投资协议' });
  }
}
