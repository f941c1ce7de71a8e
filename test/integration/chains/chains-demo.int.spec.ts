import { ChainsService } from '../../../src/chains/chains.service.js';
import type { Actor } from '../../../src/access/actor.js';
import { demoChains, seedDemoChains } from '../../../src/demo/demo-chains.js';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { startTestApp, type TestApp } from '../../support/app.js';

describe('chain demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('loads three chains once (idempotent); each map has strong, weak and gap segments and targets naming a gap', async () => {
    await seedDemo(t.app);
    const first = await seedDemoChains(t.app);
    expect(first.chains).toEqual({ created: 3, existing: 0 });
    const again = await seedDemoChains(t.app);
    expect(again).toEqual({ chains: { created: 0, existing: 3 }, enterprises: { created: 0, existing: first.enterprises.created } });

    const [admin] = await t.dataSource.query(`SELECT id, email, name FROM app_user WHERE role = 'admin' ORDER BY id LIMIT 1`);
    const actor: Actor = {
      userId: admin.id,
      role: 'admin',
      email: admin.email,
      name: admin.name,
      bureauId: null,
      regionScope: null,
      enterpriseId: null,
    };
    const chains = t.get(ChainsService);
    const rows: Array<{ id: number; name: string; region_code: string }> = await t.dataSource.query(
      `SELECT id, name, region_code FROM chain ORDER BY id`,
    );
    expect(rows.map((r) => r.name)).toEqual(demoChains.map((c) => c.name));
    for (const row of rows) {
      const map = await chains.map(actor, row.id);
      expect({ chain: row.name, statuses: [...new Set(map.presence.map((p) => p.status))].sort() }).toEqual({
        chain: row.name,
        statuses: ['gap', 'strong', 'weak'],
      });
      expect(map.anchors).toHaveLength(1);
      const targets = await chains.targets(actor, row.id, { page: 1, pageSize: 20 });
      expect(targets.total).toBeGreaterThan(0);
      expect(targets.items[0].reasons[0]).toMatch(/^可(补齐|强链)/);
    }
    const weishi = await chains.targets(actor, rows[0].id, { page: 1, pageSize: 20 });
    expect(weishi.items[0].reasons[0]).toBe('可补齐尉氏县汽车零部件产业链「汽车玻璃」环节（本地暂无企业）');
  });
});
