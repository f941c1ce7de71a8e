import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../http/public-route.js';
import { RedisClient } from '../redis/redis.module.js';
import { ZodResponse } from '../http/openapi.js';
import { healthResponse } from './health.responses.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly redis: RedisClient,
  ) {}

  @Get()
  // terminus documents itself only where require(esm) works (Node ≥ 22); the answer is documented from our zod schema
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Database and Redis reachability (503 when either is down)' })
  @ZodResponse(healthResponse)
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      async () => {
        const r = this.indicator.check('redis');
        let timer: NodeJS.Timeout | undefined;
        try {
          const pong = await Promise.race([
            this.redis.ping(),
            new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2000))),
          ]);
          return pong === 'PONG' ? r.up() : r.down({ message: String(pong) });
        } catch (err) {
          return r.down({ message: (err as Error).message });
        } finally {
          clearTimeout(timer);
        }
      },
    ]);
  }
}
