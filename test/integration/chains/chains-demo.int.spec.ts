import { ChainsService } from '../../../src/chains/chains.service.js';
import { ChainStatuses } from '../../../src/chains/chain-statuses.js';
import { registerEnterpriseSchema } from '../../../src/enterprises/enterprise.schemas.js';
import { EnterprisesService } from '../../../src/enterprises/enterprises.service.js';
import { makeUscc } from '../../../src/enterprises/uscc.js';
import { parseOrThrow } from '../../../src/platform/validation/zod-validation.js';
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

  it('stores each segment status as the map computes it, and announces a change so matching re-matches the region', async () => {
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
    const stored = async (chainId: number) =>
      (await t.dataSource.query(`SELECT id, status, presence FROM chain_segment WHERE chain_id = $1 ORDER BY position`, [
        chainId,
      ])) as Array<{
        id: number;
        status: string;
        presence: number;
      }>;
    const rows: Array<{ id: number }> = await t.dataSource.query(`SELECT id FROM chain ORDER BY id`);
    for (const { id } of rows) {
      const map = await chains.map(actor, id);
      expect(await stored(id)).toEqual(
        map.presence.map((p) => ({
          id: p.segmentId,
          status: p.status,
          presence: p.enterprises + p.signedLeads + p.startedLeads + p.producingLeads,
        })),
      );
    }
    const weishi = rows[0].id;
    const glass = (await chains.map(actor, weishi)).segments.find((s) => s.name === '汽车玻璃')!;
    expect((await stored(weishi)).find((s) => s.id === glass.id)!.status).toBe('gap');

    // a local glass maker registers: the quarter-hourly refresh finds 汽车玻璃 weak and announces it (project jobs in the outbox)
    const input = parseOrThrow(registerEnterpriseSchema, {
      uscc: makeUscc('410223', 41_999_001),
      name: '尉氏县明亮汽车玻璃有限公司',
      industryCodes: ['C3051'],
      homeRegionCode: '410223',
      targetRegionCodes: [],
      size: 'medium',
      certifications: [],
      description: '汽车玻璃深加工。',
      contacts: [{ name: '联系人', email: 'glass@example.com' }],
    });
    await t.dataSource.transaction((m) => t.get(EnterprisesService).register(input, m));
    const projects: Array<{ id: number }> = await t.dataSource.query(
      `SELECT id FROM project WHERE region_path @> ARRAY['410223']::char(6)[] AND status = 'published' AND stage <> 'closed'`,
    );
    expect(projects.length).toBeGreaterThan(0);
    const jobsBefore = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE job_name = 'matching.project'`);
    const refreshed = await t.get(ChainStatuses).refreshAll();
    expect(refreshed).toEqual({ chains: rows.length, changed: 1 });
    expect((await stored(weishi)).find((s) => s.id === glass.id)).toMatchObject({ status: 'weak', presence: 1 });
    const jobsAfter = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE job_name = 'matching.project'`);
    expect(jobsAfter[0].n - jobsBefore[0].n).toBe(projects.length);
    expect(await t.get(ChainStatuses).refreshAll()).toEqual({ chains: rows.length, changed: 0 }); // nothing moved: nothing announced
  });
});
