import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { seedDemoChains } from '../demo/demo-chains.js';
import { seedDemo } from '../demo/seed-demo.js';
import { startApi } from '../main.js';
import { ConfigError, loadConfig } from '../platform/config/config.js';
import { checkDependencies } from '../platform/startup.js';
import { migrate } from './migrate.js';

const portOpen = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ host, port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

/**
 * `npm run demo`: the whole system on this machine with the demo data — migrates (creating the
 * database if needed), starts a local mail catcher when SMTP_URL points at localhost:1025 and
 * nothing listens there, starts the API with its workers, loads the demo data, prints the URLs.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const problem = await checkDependencies(config, { requireSchema: false });
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  await migrate('run', config.DATABASE_URL);

  let catcher: ChildProcess | undefined;
  let mailUi: string | undefined;
  const smtp = new URL(config.SMTP_URL);
  if (['127.0.0.1', 'localhost'].includes(smtp.hostname)) {
    const smtpPort = Number(smtp.port || 25);
    const webPort = Number(process.env.MAILDEV_WEB_PORT ?? 1080);
    mailUi = `http://127.0.0.1:${webPort}`;
    if (!(await portOpen('127.0.0.1', smtpPort))) {
      const bin = fileURLToPath(new URL('../../../node_modules/maildev/dist/bin/maildev.js', import.meta.url));
      catcher = spawn(
        process.execPath,
        [bin, '--smtp', String(smtpPort), '--web', String(webPort), '--ip', '127.0.0.1', '--web-ip', '127.0.0.1'],
        {
          stdio: 'ignore',
        },
      );
      for (let i = 0; i < 50 && !(await portOpen('127.0.0.1', smtpPort)); i++) await new Promise((r) => setTimeout(r, 100));
    }
  }
  const stopCatcher = () => catcher?.kill('SIGTERM');
  process.once('exit', stopCatcher);

  const app = await startApi(config);
  const report = await seedDemo(app);
  await seedDemoChains(app);
  const base = config.PUBLIC_BASE_URL;
  console.log(
    [
      '',
      'InvestMatch 招商撮合 demo is running:',
      `  app        ${base}/`,
      `  API docs   ${base}/docs`,
      `  health     ${base}/health`,
      `  projects   ${base}/projects?region=410200   (开封市, incl. 尉氏县)`,
      ...(mailUi ? [`  mail       ${mailUi}   (every e-mail the app sends lands here)`] : []),
      `  demo data  ${report.projects.created + report.projects.existing} projects, ${report.policies.created + report.policies.existing} policies, ${report.enterprises.created + report.enterprises.existing} enterprises, ${report.leads.created + report.leads.existing} leads, ${report.articles.created + report.articles.existing} articles`,
      `  log in as  admin@example.com, lead.weishi@example.com, officer.weishi@example.com, officer.luoyang@example.com,`,
      `             wang.jianguo@example.com (an enterprise) … — password ${DEMO_PASSWORD} (all accounts: README › Demo accounts)`,
      ...(mailUi
        ? [`  sign-up    ${base}/join — choose 即时 to get the match mail at once (the default daily digest comes next morning)`]
        : []),
      'Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
