import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { DiscoveryModule } from '@nestjs/core';
import { CertificationReviewQueries } from './certification-review.queries.js';
import { EnterpriseDuplicatesController } from './enterprise-duplicates.controller.js';
import { EnterpriseMergeSteps } from './enterprise-merge.js';
import { EnterpriseMergeService } from './enterprise-merge.service.js';
import { EnterpriseIndustryQueries } from './enterprise-industry.queries.js';
import { EnterprisesController } from './enterprises.controller.js';
import { EVIDENCE_MAX_BYTES, EnterprisesService } from './enterprises.service.js';

@Module({
  // Multer stops at twice the certificate limit; up to there the service answers 413 naming the field.
  imports: [MulterModule.register({ limits: { fileSize: 2 * EVIDENCE_MAX_BYTES, files: 1 } }), DiscoveryModule],
  // the duplicates routes first: /enterprises/duplicates before /enterprises/:id
  controllers: [EnterpriseDuplicatesController, EnterprisesController],
  providers: [EnterprisesService, CertificationReviewQueries, EnterpriseMergeSteps, EnterpriseMergeService, EnterpriseIndustryQueries],
  exports: [EnterprisesService, CertificationReviewQueries, EnterpriseMergeService, EnterpriseIndustryQueries],
})
export class EnterprisesModule {}
