import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '../config/config.js';
import { redactLogLine, redactUrl } from './redact.js';

/**
 * Structured JSON logs (pino); request logs skip /health and assets. Credentials never reach a
 * line: request URLs lose their token-bearing query values, headers are not logged, and every
 * line passes {@link redactLogLine} before it is written (see redact.ts).
 */
export function loggingModule(config: AppConfig): DynamicModule {
  const options = {
    level: config.LOG_LEVEL,
    autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' || (req.url ?? '').startsWith('/assets/') },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: { method: string; url: string; id: unknown }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(String(req.url ?? '')),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    hooks: { streamWrite: redactLogLine },
    ...(config.LOG_PRETTY && !config.LOG_FILE ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
  };
  return LoggerModule.forRoot({
    pinoHttp: config.LOG_FILE ? [options, pino.destination({ dest: config.LOG_FILE, append: true, sync: true })] : options,
  });
}
