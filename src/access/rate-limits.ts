import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { ProblemException } from '../platform/http/problem.js';
import { RedisClient } from '../platform/redis/redis.module.js';

interface Limit {
  points: number;
  duration: number;
}

/**
 * Login 20/min per IP; failed logins 5 per 15 min per account and client address, and 50 per hour
 * per account from everywhere (see AuthService.login for who that last one stops); sign-up 10/hour
 * per IP; e-mails on request (password reset, verification again) 10/hour per IP and 3/hour per
 * address (no mail bombing); using e-mailed tokens 30/hour per IP; article submissions 10/hour per
 * IP and 5/hour per account or address.
 */
const LIMITS = {
  'login-ip': { points: 20, duration: 60 },
  'login-fail': { points: 5, duration: 15 * 60 },
  'login-fail-account': { points: 50, duration: 3600 },
  'signup-ip': { points: 10, duration: 3600 },
  'reset-ip': { points: 10, duration: 3600 },
  'mail-account': { points: 3, duration: 3600 },
  'token-ip': { points: 30, duration: 3600 },
  // 投稿 (src/news): 10 submissions/hour per IP, 5 per account or guest address
  'news-submit-ip': { points: 10, duration: 3600 },
  'news-submit-account': { points: 5, duration: 3600 },
} satisfies Record<string, Limit>;
export type LimitName = keyof typeof LIMITS;

/** The failed-login counter of one address tried from one client. */
export const loginFailKey = (email: string, ip: string) => `${email}|${ip}`;

/**
 * Rate limits kept in Redis, so they hold across every API process. If Redis is unreachable, an
 * in-memory limiter with the same budget takes over in each process (degraded, never open).
 */
@Injectable()
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private limiter(name: LimitName): RateLimiterRedis {
    let l = this.limiters.get(name);
    if (!l) {
      const { points, duration } = LIMITS[name];
      l = new RateLimiterRedis({
        storeClient: this.redis.client,
        useRedisPackage: false,
        keyPrefix: `${this.config.QUEUE_PREFIX}:rl:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      });
      this.limiters.set(name, l);
    }
    return l;
  }

  /** Spends one point; a 429 problem (with retry-after seconds) when the budget is gone. */
  async consume(name: LimitName, key: string): Promise<void> {
    try {
      await this.limiter(name).consume(key);
    } catch (rej) {
      if (rej instanceof RateLimiterRes) throw tooMany(rej.msBeforeNext);
      throw rej;
    }
  }

  /** Whether the budget is spent, without spending (the 429 that consume would give, or null). */
  async exhausted(name: LimitName, key: string): Promise<ProblemException | null> {
    const res = await this.limiter(name).get(key);
    return res && res.consumedPoints >= LIMITS[name].points ? tooMany(res.msBeforeNext) : null;
  }

  /** Counts one event against the budget (a failed login) without refusing anything now. */
  async record(name: LimitName, key: string): Promise<void> {
    await this.limiter(name).penalty(key, 1);
  }

  async reset(name: LimitName, key: string): Promise<void> {
    await this.limiter(name)
      .delete(key)
      .catch(() => undefined);
  }
}

function tooMany(msBeforeNext: number): ProblemException {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'rate-limited', `尝试次数过多，请 ${retryAfter} 秒后再试`, undefined, {
    retryAfter,
  });
}
