import 'reflect-metadata';
import { ConfigError, loadConfig } from '../platform/config/config.js';
import { allEntities } from '../entities.js';
import { createDataSource } from '../platform/database/data-source.js';

/** `migrate run | revert | show` on DATABASE_URL (creating the database first if it does not exist). */
export async function migrate(command: 'run' | 'revert' | 'show', databaseUrl = loadConfig().DATABASE_URL): Promise<void> {
  await ensureDatabase(databaseUrl);
  const ds = createDataSource({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 2 }, allEntities, 'investmatch-migrate');
  await ds.initialize();
  try {
    if (command === 'run') {
      const done = await ds.runMigrations({ transaction: 'each' });
      console.log(done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'schema is up to date');
    } else if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else {
      const pending = await ds.showMigrations();
      console.log(pending ? 'there are pending migrations' : 'schema is up to date');
    }
  } finally {
    await ds.destroy();
  }
}

/** Creates the target database when the server is reachable but the database is not there yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const pg = (await import('pg')).default;
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) throw new Error(`refusing to create database with name ${name}`);
      await client.query(`CREATE DATABASE ${name}`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const command = (process.argv[2] ?? 'run') as 'run' | 'revert' | 'show';
  if (!['run', 'revert', 'show'].includes(command)) {
    console.error('usage: migrate run|revert|show');
    process.exit(2);
  }
  migrate(command).catch((err) => {
    console.error(err instanceof ConfigError ? err.message : `migration failed: ${(err as Error).message}`);
    process.exit(1);
  });
}
