import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueService } from './queue.service.js';
import { WorkerHost } from './worker-host.js';

@Global()
@Module({ imports: [DiscoveryModule], providers: [QueueService, WorkerHost], exports: [QueueService, WorkerHost] })
export class QueueModule {}
