import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { CertificationReviewQueries } from './certification-review.queries.js';
import { EnterprisesController } from './enterprises.controller.js';
import { EVIDENCE_MAX_BYTES, EnterprisesService } from './enterprises.service.js';

@Module({
  // Multer stops at twice the certificate limit; up to there the service answers 413 naming the field.
  imports: [MulterModule.register({ limits: { fileSize: 2 * EVIDENCE_MAX_BYTES, files: 1 } })],
  controllers: [EnterprisesController],
  providers: [EnterprisesService, CertificationReviewQueries],
  exports: [EnterprisesService, CertificationReviewQueries],
})
export class EnterprisesModule {}
