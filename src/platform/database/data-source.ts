import { DataSource, type DataSourceOptions } from 'typeorm';
import { allMigrations } from '../../../migrations/index.js';
import type { AppConfig } from '../config/config.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export type EntityList = NonNullable<DataSourceOptions['entities']>;

/**
 * The one DataSource definition: used by the app, the migration CLI and the seed. Never
 * synchronizes. The entities are handed in by the composition root (src/entities.ts), so this
 * module names no domain module.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  entities: EntityList,
  applicationName = 'investmatch',
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities,
    migrations: allMigrations,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false, // errors are handled (or logged once by the problem filter); query logs would leak personal data
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName,
    extra: { connectionTimeoutMillis: 5000 },
  };
}

export function createDataSource(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  entities: EntityList,
  applicationName?: string,
): DataSource {
  return new DataSource(dataSourceOptions(config, entities, applicationName));
}
