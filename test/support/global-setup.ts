import pg from 'pg';

/**
 * Once per run: names the run and creates its (empty) template database. The first test file that
 * needs a database migrates the template under an advisory lock (see test-db.ts); every file then
 * clones it (CREATE DATABASE … TEMPLATE), so files run in parallel on isolated, migrated schemas.
 * (Jest loads this file outside its module system, so it imports no project code.)
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.IM_TEST_RUN) return; // the second project of the same run
  const run = `${Date.now().toString(36)}_${process.pid}`;
  process.env.IM_TEST_RUN = run;
  const server = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'im\\_t\\_%'`);
    const dayAgo = Date.now() - 24 * 3600_000;
    for (const { datname } of rows as Array<{ datname: string }>) {
      const ts = parseInt(datname.split('_')[2] ?? '', 36);
      if (Number.isFinite(ts) && ts < dayAgo) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    }
    await client.query(`CREATE DATABASE im_t_${run}_tpl`);
  } finally {
    await client.end();
  }
}
