import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { DigestBuilder } from './digest-builder.js';

const TICK_MS = 30_000;

/**
 * Every 30 s (in every worker process) builds the digests that are due: daily ones after
 * DIGEST_HOUR:00 Asia/Shanghai, weekly ones after that hour on DIGEST_WEEKDAY, instant ones that an
 * earlier pass could not build. Concurrent passes are safe (items are locked while a digest is built).
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('DigestScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly builder: DigestBuilder,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS) return;
    this.stopped = false;
    this.schedule(1000);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.builder
        .buildDue()
        .catch((err) => this.log.warn({ err: (err as Error).message }, 'digest pass failed; retrying on the next tick'))
        .finally(() => this.schedule(TICK_MS));
    }, ms);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
