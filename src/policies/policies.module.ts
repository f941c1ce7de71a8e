import { Module } from '@nestjs/common';
import { EligibilityService } from './eligibility/eligibility.service.js';
import { EnterpriseIncentivesController, IncentivesController, PoliciesController } from './policies.controller.js';
import { PoliciesService } from './policies.service.js';

@Module({
  controllers: [PoliciesController, IncentivesController, EnterpriseIncentivesController],
  providers: [PoliciesService, EligibilityService],
  exports: [PoliciesService, EligibilityService],
})
export class PoliciesModule {}
