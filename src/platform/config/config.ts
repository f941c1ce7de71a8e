import { z } from 'zod';
import { parseNodes } from '../redis/redis-options.js';

/**
 * All configuration comes from environment variables, parsed once at start into a typed object.
 * A missing or malformed variable stops the process with one line naming it (see ConfigError).
 */
const bool = z.enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no']).transform((v) => ['true', '1', 'on', 'yes'].includes(v));

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    { message: `must be a URL with scheme ${protocols.join(' or ')}` },
  );

const port = z.coerce.number().int().min(1).max(65535);

const nodeList = z.string().refine(
  (v) => {
    try {
      return parseNodes(v).length > 0;
    } catch {
      return false;
    }
  },
  { message: 'must be host:port pairs separated by commas' },
);

const DEV_SECRET = 'dev-only-secret-change-me-dev-only-secret';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_BASE_URL: url(['http', 'https']).optional(),
    DATABASE_URL: url(['postgres', 'postgresql']).default('postgres://postgres@127.0.0.1:5432/investmatch'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: url(['redis', 'rediss']).default('redis://127.0.0.1:6379'),
    /** Redis Cluster seed nodes "host:port,…" (credentials/TLS from REDIS_URL) — or Sentinels and the master's name. */
    REDIS_CLUSTER_NODES: nodeList.optional(),
    REDIS_SENTINELS: nodeList.optional(),
    REDIS_SENTINEL_NAME: z.string().min(1).max(100).default('mymaster'),
    /** BullMQ key prefix; on a cluster it becomes a hash tag ({im}) unless it holds one (see queuePrefix). */
    QUEUE_PREFIX: z
      .string()
      .regex(
        /^(?:[a-zA-Z0-9_-]{1,40}|[a-zA-Z0-9_-]{0,20}\{[a-zA-Z0-9_-]{1,40}\}[a-zA-Z0-9_-]{0,20})$/,
        'must be 1-40 letters, digits, _ or -, optionally one {hash tag}',
      )
      .default('im'),
    /** This process's name in BullMQ (which worker ran a job); default host:pid. */
    WORKER_NAME: z
      .string()
      .regex(/^[a-zA-Z0-9_.:@-]{1,80}$/, 'must be 1-80 letters, digits or _ . : @ -')
      .optional(),
    WORKERS: bool.default(true),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** Matching (src/matching): factor weights "industry=30,region=20,…", the score a stored match needs, what a material rise is. */
    MATCH_WEIGHTS: z
      .string()
      .regex(
        /^\s*(industry|region|investment|incentives|text|stage)\s*=\s*\d+(\.\d+)?\s*(,\s*(industry|region|investment|incentives|text|stage)\s*=\s*\d+(\.\d+)?\s*)*$/,
        'must be factor=weight pairs, e.g. industry=30,region=20 (factors: industry, region, investment, incentives, text, stage)',
      )
      .optional(),
    MATCH_THRESHOLD: z.coerce.number().int().min(0).max(100).default(50),
    MATCH_MATERIAL_DELTA: z.coerce.number().int().min(1).max(100).default(10),
    /** Incremental matching jobs per process; full re-match chunks per process; enterprises per chunk. */
    MATCHING_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    MATCHING_FULL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    MATCHING_CHUNK_SIZE: z.coerce.number().int().min(1).max(100_000).default(1000),
    /** The nightly full re-match (cron with seconds, Asia/Shanghai), or "off". */
    MATCHING_SCHEDULE: z.string().min(1).default('0 30 2 * * *'),
    /** How long a matching job may go silent before another worker takes it over (ms). */
    MATCHING_LOCK_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
    SMTP_URL: url(['smtp', 'smtps']).default('smtp://127.0.0.1:1025'),
    MAIL_FROM: z.string().min(3).default('InvestMatch 招商撮合 <noreply@investmatch.example.com>'),
    /** Notifications (src/notifications): SMTP pool, global send rate, timeouts, retries, digests. */
    SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
    MAIL_RATE_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(100),
    MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    MAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
    MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    MAIL_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(3_600_000),
    MAIL_RESCUE_AFTER_MS: z.coerce.number().int().min(100).max(86_400_000).default(600_000),
    DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
    DIGEST_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
    OFFICER_ALERT_MIN_SCORE: z.coerce.number().int().min(0).max(100).default(80),
    NOTIFICATION_LINK_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** Leads and imports (src/leads, src/imports): the hour officers' reminders go out (Asia/Shanghai); upload limit; above this size an import runs as a job. */
    LEAD_REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(8),
    IMPORT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024)
      .default(64 * 1024 * 1024),
    IMPORT_SYNC_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(1024 * 1024 * 1024)
      .default(256 * 1024),
    /** Stored files (src/platform/storage): local disk (STORAGE_DIR) by default, or an S3-compatible bucket. */
    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    STORAGE_DIR: z.string().min(1).default('var/files'),
    S3_ENDPOINT: url(['http', 'https']).optional(),
    S3_REGION: z.string().min(1).max(40).default('us-east-1'),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')
      .optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style URLs (http://host/bucket/key), which MinIO and most self-hosted stores need. */
    S3_FORCE_PATH_STYLE: bool.default(true),
    SECRET_KEY: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRET),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: bool.default(false),
    /** Append the JSON log to this file instead of standard output (secrets are redacted either way). */
    LOG_FILE: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.REDIS_CLUSTER_NODES && c.REDIS_SENTINELS) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_SENTINELS'], message: 'cannot be set together with REDIS_CLUSTER_NODES' });
    }
    if (c.STORAGE_DRIVER === 's3' && !c.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'must be set when STORAGE_DRIVER=s3' });
    }
    if (c.NODE_ENV === 'production' && c.SECRET_KEY === DEV_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_KEY'], message: 'must be set in production' });
    }
  });

export type AppConfig = Readonly<
  Omit<z.infer<typeof schema>, 'PUBLIC_BASE_URL'> & {
    /** Base URL for links in e-mails and pages; defaults to http://localhost:PORT. */
    PUBLIC_BASE_URL: string;
  }
>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
  }
}

/** Parses the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in schema.shape && v !== undefined && v !== ''));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const got = env[variable];
    const shown = got === undefined ? 'unset' : variable.includes('SECRET') ? 'hidden' : JSON.stringify(got);
    throw new ConfigError(variable, `${issue.message} (got ${shown})`);
  }
  const c = parsed.data;
  return Object.freeze({ ...c, PUBLIC_BASE_URL: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '') });
}

/** Nest injection token for the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
