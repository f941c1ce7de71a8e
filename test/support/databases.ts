import pg from 'pg';

/** The PostgreSQL server tests use (TEST_DATABASE_URL, else the local default), minus the db name. */
export function serverUrl(): URL {
  const u = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  u.pathname = '/postgres';
  return u;
}

export function databaseUrl(name: string): string {
  const u = serverUrl();
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl().toString() });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Test databases are named im_t_<run>_…; the run id comes from global setup. */
export const runId = () => {
  const id = process.env.IM_TEST_RUN;
  if (!id) throw new Error('IM_TEST_RUN is not set: run integration tests through jest (global setup)');
  return id;
};
export const templateName = () => `im_t_${runId()}_tpl`;
