import { readdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { allMigrations } from '../../../migrations/index.js';
import { createTestDatabase, openDataSource, type TestDatabase } from '../../support/test-db.js';

describe('schema: migrations are the only source, and they agree with the entities', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    ds = await openDataSource(db.url);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('lists every migration file, in timestamp order', () => {
    const files = readdirSync(new URL('../../../migrations/', import.meta.url))
      .filter((f) => /^\d{13}-.*\.ts$/.test(f))
      .sort();
    expect(allMigrations.map((m) => m.name.replace(/^(\D+)(\d+)$/, '$2'))).toEqual(files.map((f) => f.slice(0, 13)));
  });

  it('goes up on an empty database, leaves no schema difference, goes down and up again', async () => {
    await ds.runMigrations({ transaction: 'each' });
    const diff = await ds.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);

    for (let i = 0; i < allMigrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const { rows } = { rows: await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`) };
    expect(rows).toEqual([]);

    await ds.runMigrations({ transaction: 'each' });
    const again = await ds.driver.createSchemaBuilder().log();
    expect(again.upQueries).toHaveLength(0);
  });

  it('holds complete reference trees', async () => {
    const [{ n: counties }] = await ds.query(`SELECT count(*)::int AS n FROM region WHERE level = 3`);
    expect(counties).toBeGreaterThan(2800);
    const levels = await ds.query(`SELECT level, count(*)::int AS n FROM industry GROUP BY level ORDER BY level`);
    expect(levels).toEqual([
      { level: 1, n: 20 },
      { level: 2, n: 97 },
      { level: 3, n: 473 },
      { level: 4, n: 1381 },
    ]);
    const [weishi] = await ds.query(`SELECT name, path FROM region WHERE code = '410223'`);
    expect(weishi).toEqual({ name: '尉氏县', path: ['410000', '410200', '410223'] });
  });
});
