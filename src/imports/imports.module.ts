import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsProcessor } from './imports.processor.js';
import { ImportsService } from './imports.service.js';
import { EnterpriseImport } from './kinds/enterprises.js';
import { LeadImport } from './kinds/leads.js';
import { ProjectImport } from './kinds/projects.js';

/** CSV/XLSX imports of enterprises, projects and leads, with templates; large files run as a job. */
@Module({
  imports: [
    // uploads are held in memory (at most IMPORT_MAX_BYTES) and stored with the import record
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.IMPORT_MAX_BYTES, files: 1 } }),
      inject: [APP_CONFIG],
    }),
    EnterprisesModule,
    ProjectsModule,
    LeadsModule,
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsProcessor, EnterpriseImport, ProjectImport, LeadImport],
  exports: [ImportsService],
})
export class ImportsModule {}
