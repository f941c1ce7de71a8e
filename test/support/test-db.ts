import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { allEntities } from '../../src/entities.js';
import { SnakeNamingStrategy } from '../../src/platform/database/snake-naming.strategy.js';
import { allMigrations } from '../../migrations/index.js';
import { adminQuery, databaseUrl, runId, serverUrl, templateName } from './databases.js';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Migrates the run's template once (the first caller does it, under an advisory lock). */
async function ensureTemplate(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl().toString() });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [templateName()]);
    const ds = await openDataSource(databaseUrl(templateName()));
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  } finally {
    await admin.end(); // releases the lock
  }
}

/** A fresh, fully migrated database for one test file (a clone of the run's template). */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  if (!opts.empty) await ensureTemplate();
  const name = `im_t_${runId()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(opts.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
  return {
    name,
    url: databaseUrl(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  };
}

/** A DataSource on a test database, with the app's entities and migrations. */
export async function openDataSource(url: string): Promise<DataSource> {
  const ds = new DataSource({
    type: 'postgres',
    url,
    entities: allEntities,
    migrations: allMigrations,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
  });
  return ds.initialize();
}
