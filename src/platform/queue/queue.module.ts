import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobSchedulers } from './job-schedulers.js';
import { QueueService } from './queue.service.js';
import { WorkerHost } from './worker-host.js';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [QueueService, WorkerHost, JobSchedulers],
  exports: [QueueService, WorkerHost, JobSchedulers],
})
export class QueueModule {}
