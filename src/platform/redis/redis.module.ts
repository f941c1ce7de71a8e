import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { createRedis } from './redis-options.js';

/**
 * The shared Redis client for the app's own use (health, rate limits): one Redis, a Sentinel-managed
 * master or a Cluster, as configured. It fails fast instead of queueing commands while Redis is
 * down. BullMQ makes its own connections.
 */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly client: Redis | Cluster;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = createRedis(config, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    this.client.on('error', () => undefined); // reconnects on its own; callers see failed commands
  }

  ping(): Promise<string> {
    return this.client.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
