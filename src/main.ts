import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig, type AppConfig } from './platform/config/config.js';
import { configureHttp } from './platform/http/configure-http.js';
import { checkDependencies } from './platform/startup.js';

/** Configuration or dependency problems stop the process with one line and exit code 1. */
export async function configOrExit(): Promise<AppConfig> {
  try {
    const config = loadConfig();
    const problem = await checkDependencies(config);
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
    return config;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/** Starts the HTTP API (with the queue workers and the outbox relay unless WORKERS=false). */
export async function startApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, 'api'), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  configureHttp(app, config);
  await app.listen(config.PORT, config.HOST);
  app
    .get(Logger)
    .log(
      `InvestMatch API on ${config.PUBLIC_BASE_URL} (docs: ${config.PUBLIC_BASE_URL}/docs, workers: ${config.WORKERS ? 'in process' : 'off'})`,
    );
  return app;
}

async function main(): Promise<void> {
  await startApi(await configOrExit());
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
