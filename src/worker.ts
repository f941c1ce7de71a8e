import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { configOrExit } from './main.js';

/** A worker-only process (no HTTP): runs every queue's worker and an outbox relay. Start as many as you like. */
async function main(): Promise<void> {
  const config = { ...(await configOrExit()), WORKERS: true };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'worker'), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log(`InvestMatch worker running (pid ${process.pid}, concurrency ${config.WORKER_CONCURRENCY})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
