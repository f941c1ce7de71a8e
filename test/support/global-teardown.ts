import pg from 'pg';

/** Drops this run's databases (template and per-file clones). Set KEEP_TEST_DB=1 to keep them. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.IM_TEST_RUN;
  if (!run || process.env.KEEP_TEST_DB) return;
  const server = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`im\\_t\\_${run}\\_%`]);
    for (const { datname } of rows as Array<{ datname: string }>) {
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
