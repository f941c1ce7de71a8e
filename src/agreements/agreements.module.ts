import { Module } from '@nestjs/common';
import { AgreementsEnterpriseMerge } from './agreements.enterprise-merge.js';
import { LeadsModule } from '../leads/leads.module.js';
import { AgreementsController } from './agreements.controller.js';
import { AgreementsQueries } from './agreements.queries.js';
import { AgreementsService } from './agreements.service.js';

/** 投资协议 after the signing: pledges, actuals, tranches (four-eyes), warnings, recovery. */
@Module({
  imports: [LeadsModule],
  controllers: [AgreementsController],
  providers: [AgreementsEnterpriseMerge, AgreementsService, AgreementsQueries],
  exports: [AgreementsService, AgreementsQueries],
})
export class AgreementsModule {}
