import { Module } from '@nestjs/common';
import { CertificationReviewQueries } from './certification-review.queries.js';
import { EnterprisesController } from './enterprises.controller.js';
import { EnterprisesService } from './enterprises.service.js';

@Module({
  controllers: [EnterprisesController],
  providers: [EnterprisesService, CertificationReviewQueries],
  exports: [EnterprisesService, CertificationReviewQueries],
})
export class EnterprisesModule {}
