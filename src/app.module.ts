import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module.js';
import { AccessModule } from './access/access.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { EnterprisesModule } from './enterprises/enterprises.module.js';
import { Clock } from './platform/clock/clock.js';
import type { AppConfig } from './platform/config/config.js';
import { ConfigModule } from './platform/config/config.module.js';
import { allEntities } from './entities.js';
import { dataSourceOptions } from './platform/database/data-source.js';
import { HealthModule } from './platform/health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { AgreementsModule } from './agreements/agreements.module.js';
import { ChainsModule } from './chains/chains.module.js';
import { LeadsModule } from './leads/leads.module.js';
import { loggingModule } from './platform/logging/logging.module.js';
import { MatchingModule } from './matching/matching.module.js';
import { OutboxModule } from './platform/outbox/outbox.module.js';
import { StorageModule } from './platform/storage/storage.module.js';
import { DomainEventsModule } from './platform/events/domain-events.js';
import { QueueModule } from './platform/queue/queue.module.js';
import { RedisModule } from './platform/redis/redis.module.js';
import { NewsModule } from './news/news.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PoliciesModule } from './policies/policies.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { WebModule } from './web/web.module.js';

@Module({ providers: [Clock], exports: [Clock] })
class ClockModule {}

/** The whole application; the API process and the worker process both start it (see main.ts, worker.ts). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, processName = 'api'): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config, allEntities, `investmatch-${processName}`), autoLoadEntities: false }),
        { module: ClockModule, global: true },
        RedisModule,
        QueueModule,
        OutboxModule,
        StorageModule,
        DomainEventsModule,
        HealthModule,
        AuditModule,
        AccessModule,
        AccountsModule,
        ReferenceModule,
        EnterprisesModule,
        ProjectsModule,
        PoliciesModule,
        MatchingModule,
        LeadsModule,
        AgreementsModule,
        ChainsModule,
        ImportsModule,
        IntakeModule,
        NotificationsModule,
        NewsModule,
        WebModule,
      ],
    };
  }
}
