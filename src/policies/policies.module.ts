import { PoliciesQueries } from './policies.queries.js';
import { Module } from '@nestjs/common';
import { EligibilityService } from './eligibility/eligibility.service.js';
import { EnterpriseIncentivesController, IncentivesController, PoliciesController } from './policies.controller.js';
import { PoliciesService } from './policies.service.js';

@Module({
  controllers: [PoliciesController, IncentivesController, EnterpriseIncentivesController],
  providers: [PoliciesService, PoliciesQueries, EligibilityService],
  exports: [PoliciesService, PoliciesQueries, EligibilityService],
})
export class PoliciesModule {}
