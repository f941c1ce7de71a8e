import { Module } from '@nestjs/common';
import { ChainsEnterpriseMerge } from './chains.enterprise-merge.js';
import { AgreementsModule } from '../agreements/agreements.module.js';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { ChainStatuses } from './chain-statuses.js';
import { ChainsController } from './chains.controller.js';
import { ChainLookups, ChainsQueries } from './chains.queries.js';
import { ChainsService } from './chains.service.js';

/** 产业链招商: chains as data, the chain map, gap-driven targets. */
@Module({
  imports: [LeadsModule, EnterprisesModule, ProjectsModule, AgreementsModule],
  controllers: [ChainsController],
  providers: [ChainsEnterpriseMerge, ChainsService, ChainsQueries, ChainLookups, ChainStatuses],
  exports: [ChainsService, ChainsQueries],
})
export class ChainsModule {}
