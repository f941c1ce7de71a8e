import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { seedDemoChains } from '../demo/demo-chains.js';
import { seedDemo } from '../demo/seed-demo.js';
import { configOrExit } from '../main.js';

/** `npm run seed:demo`: loads the demo data (idempotent) into DATABASE_URL. */
async function main(): Promise<void> {
  const config = { ...(await configOrExit()), WORKERS: false, LOG_LEVEL: 'warn' as const };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'seed'), { logger: ['error', 'warn'] });
  try {
    const r = await seedDemo(app);
    const c = await seedDemoChains(app);
    console.log(
      `demo chains: ${c.chains.created} new / ${c.chains.existing} existing, chain enterprises ${c.enterprises.created} / ${c.enterprises.existing}`,
    );
    console.log(
      `demo data: policies ${r.policies.created} new / ${r.policies.existing} existing, projects ${r.projects.created} / ${r.projects.existing}, enterprises ${r.enterprises.created} / ${r.enterprises.existing}, users ${r.users.created} / ${r.users.existing}, leads ${r.leads.created} / ${r.leads.existing}`,
    );
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
