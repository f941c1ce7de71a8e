import { UsersService } from '../../../src/accounts/users.service.js';
import { LeadsService } from '../../../src/leads/leads.service.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';
import { countsAgree, leadFixtures } from '../../support/lead-fixtures.js';

/**
 * Automatic assignment: the deepest bureau covering the lead's region, its rules (most specific
 * wins), round-robin by user id among the candidates — deterministic, and exact under concurrent
 * creation — and reassignment by the bureau lead (audited).
 */
describe('lead assignment', () => {
  let t: TestApp;
  let fx: ReturnType<typeof leadFixtures>;
  let lead: TestActor; // 尉氏县 bureau lead
  let officers: TestActor[];
  let bureauId: number;

  beforeAll(async () => {
    t = await startTestApp();
    fx = leadFixtures(t);
    lead = await actor(t, 'bureau_lead', { region: '410223' });
    bureauId = lead.bureauId!;
    officers = [];
    for (let i = 0; i < 3; i++) officers.push(await actor(t, 'officer', { bureauId }));
  });
  afterAll(async () => {
    await t?.close();
  });

  const ownerOf = async (leadId: number, by: TestActor = lead) =>
    (await by.call('GET', `/leads/${leadId}`)).body.owner?.id as number | undefined;
  const create = async (body: Record<string, unknown>, by: TestActor = lead) => {
    const r = await by.call('POST', '/leads', body);
    expect(r.status).toBe(201);
    return r.body.id as number;
  };

  it('round-robins among the officers, by id, and writes it on the timeline', async () => {
    const owners: number[] = [];
    for (let i = 0; i < 6; i++)
      owners.push((await ownerOf(await create({ enterpriseId: (await fx.enterprise()).id, regionCode: '410223' })))!);
    const ids = officers.map((o) => o.userId).sort((a, b) => a - b);
    expect(owners).toEqual([...ids, ...ids]);
    const id = await create({ enterpriseId: (await fx.enterprise()).id, regionCode: '410223' });
    const timeline = (await lead.call('GET', `/leads/${id}`)).body.timeline;
    expect(timeline.find((a: { kind: string }) => a.kind === 'assignment')).toMatchObject({
      by: null,
      toOwner: { id: ids[0] },
      details: { automatic: true, bureauId },
    });
  });

  it('gives each of many concurrent leads to the next officer: an even split, nobody twice in a row out of turn', async () => {
    const enterprises = [];
    for (let i = 0; i < 12; i++) enterprises.push(await fx.enterprise());
    const ids = await Promise.all(enterprises.map((e) => create({ enterpriseId: e.id, regionCode: '410223' })));
    const owners = await Promise.all(ids.map((id) => ownerOf(id)));
    const count = new Map<number, number>();
    for (const o of owners) count.set(o!, (count.get(o!) ?? 0) + 1);
    expect([...count.values()]).toEqual([4, 4, 4]);
    // in creation (id) order the owners still rotate strictly
    const byId = ids
      .map((id, i) => [id, owners[i]!] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, o]) => o);
    const sorted = officers.map((o) => o.userId).sort((a, b) => a - b);
    for (let i = 1; i < byId.length; i++) expect(byId[i]).toBe(sorted[(sorted.indexOf(byId[i - 1]) + 1) % sorted.length]);
  });

  it("follows the bureau's rules: the most specific matching rule wins; no rule, everyone", async () => {
    const [a, b, c] = officers;
    expect((await lead.call('POST', '/lead-assignment-rules', { userId: a.userId, industryCode: 'C' })).status).toBe(201);
    expect((await lead.call('POST', '/lead-assignment-rules', { userId: b.userId, industryCode: 'C13' })).status).toBe(201);
    expect((await lead.call('POST', '/lead-assignment-rules', { userId: b.userId, industryCode: 'C13' })).status).toBe(409);
    expect((await lead.call('POST', '/lead-assignment-rules', { userId: c.userId, regionCode: '410200' })).body.errors[0]).toMatchObject({
      field: 'regionCode',
      code: 'outside_region',
    });
    expect((await officers[0].call('POST', '/lead-assignment-rules', { userId: c.userId, industryCode: 'A' })).status).toBe(403);

    const food = await fx.project({ industryCodes: ['C1351'] });
    const pharma = await fx.project({ industryCodes: ['C2710'] });
    const farm = await fx.project({ industryCodes: ['A0313'] });
    const owner = async (projectId: number) => ownerOf(await create({ enterpriseId: (await fx.enterprise()).id, projectId }));
    expect(await owner(food.id)).toBe(b.userId);
    expect(await owner(food.id)).toBe(b.userId);
    expect(await owner(pharma.id)).toBe(a.userId);
    const farmOwners = [await owner(farm.id), await owner(farm.id), await owner(farm.id)];
    expect(new Set(farmOwners)).toEqual(new Set(officers.map((o) => o.userId)));

    const rules = (await lead.call('GET', '/lead-assignment-rules')).body.items;
    expect(rules).toHaveLength(2);
    for (const r of rules) expect((await lead.call('DELETE', `/lead-assignment-rules/${r.id}`)).status).toBe(204);
  });

  it('goes to the deepest bureau covering the region with officers; unassigned when there is none', async () => {
    const city = await actor(t, 'officer', { region: '410200' }); // 开封市
    // 兰考县 (410225) has no bureau: 开封市's takes it
    const lankao = await create({ enterpriseId: (await fx.enterprise()).id, regionCode: '410225' }, city);
    expect(await ownerOf(lankao, city)).toBe(city.userId);
    // a 尉氏县 lead created by the city officer still goes to 尉氏县's officers
    const weishi = await create({ enterpriseId: (await fx.enterprise()).id, regionCode: '410223' }, city);
    expect(officers.map((o) => o.userId)).toContain(await ownerOf(weishi, city));
    // nobody covers 洛阳市: the admin's lead waits for a bureau lead
    const admin = await actor(t, 'admin');
    const orphan = (await admin.call('POST', '/leads', { enterpriseId: (await fx.enterprise()).id, regionCode: '410300' })).body;
    expect(orphan.owner).toBeNull();
    expect((await admin.call('GET', '/leads?owner=none&region=410300')).body.items.map((l: { id: number }) => l.id)).toEqual([orphan.id]);
  });

  it('skips inactive officers', async () => {
    const b = await actor(t, 'bureau_lead', { region: '410221' }); // 杞县
    const o1 = await actor(t, 'officer', { bureauId: b.bureauId! });
    const o2 = await actor(t, 'officer', { bureauId: b.bureauId! });
    await t.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [o1.userId]);
    const owners = [];
    for (let i = 0; i < 3; i++)
      owners.push(await ownerOf(await create({ enterpriseId: (await fx.enterprise()).id, regionCode: '410221' }, b), b));
    expect(owners).toEqual([o2.userId, o2.userId, o2.userId]);
  });

  it('officers may take a lead themselves; only bureau leads assign to others and reassign (audited)', async () => {
    const [a, b] = officers;
    const mine = (await a.call('POST', '/leads', { enterpriseId: (await fx.enterprise()).id, regionCode: '410223', ownerId: a.userId }))
      .body;
    expect(mine.owner.id).toBe(a.userId);
    const refused = await a.call('POST', '/leads', { enterpriseId: (await fx.enterprise()).id, regionCode: '410223', ownerId: b.userId });
    expect(refused.status).toBe(403);

    expect((await a.call('POST', `/leads/${mine.id}/assign`, { ownerId: b.userId })).status).toBe(403);
    const other = await actor(t, 'officer', { region: '410300' });
    const bad = await lead.call('POST', `/leads/${mine.id}/assign`, { ownerId: other.userId });
    expect(bad.body.errors[0]).toMatchObject({ field: 'ownerId', code: 'outside_region' });
    const moved = await lead.call('POST', `/leads/${mine.id}/assign`, { ownerId: b.userId, note: '按产业链分工调整' });
    expect(moved.status).toBe(200);
    expect(moved.body.owner.id).toBe(b.userId);
    expect((await lead.call('POST', `/leads/${mine.id}/assign`, { ownerId: b.userId })).status).toBe(409);
    const timeline = (await lead.call('GET', `/leads/${mine.id}`)).body.timeline;
    expect(timeline[0]).toMatchObject({
      kind: 'assignment',
      by: { id: lead.userId },
      fromOwner: { id: a.userId },
      toOwner: { id: b.userId },
      summary: '按产业链分工调整',
    });
    const [audit] = await t.dataSource.query(
      `SELECT actor_user_id, detail FROM audit_log WHERE action = 'lead.reassigned' AND target_id = $1`,
      [String(mine.id)],
    );
    expect(audit).toMatchObject({ actor_user_id: lead.userId, detail: { fromOwnerId: a.userId, toOwnerId: b.userId } });
  });

  it('assignment is deterministic: the same rules and history give the same owner, from the service too', async () => {
    const svc = t.get(LeadsService);
    const users = t.get(UsersService);
    const b = await users.createBureau({ name: '通许县招商局', regionCode: '410222', idleLimitDays: 14 });
    const ids: number[] = [];
    for (let i = 0; i < 2; i++)
      ids.push(
        (
          await users.createUser({
            email: `tx-${i}-${Date.now()}@example.com`,
            name: `通许${i}`,
            role: 'officer',
            bureauId: b.id,
            enterpriseId: null,
          })
        ).id,
      );
    const owners: number[] = [];
    for (let i = 0; i < 4; i++) {
      const e = await fx.enterprise();
      const r = await t.dataSource.transaction((m) =>
        svc.insert(m, { enterpriseId: e.id, projectId: null, regionCode: '410222', source: 'manual', actor: null }),
      );
      const [row] = await t.dataSource.query(`SELECT owner_id, bureau_id FROM lead WHERE id = $1`, [r.id]);
      expect(row.bureau_id).toBe(b.id);
      owners.push(row.owner_id);
    }
    expect(owners).toEqual([ids[0], ids[1], ids[0], ids[1]]);
  });

  it('keeps the lead counts (list totals) exact through creation, reassignment and deactivation', async () => {
    const { kept, actual } = await countsAgree(t);
    expect(actual.length).toBeGreaterThan(3);
    expect(kept).toEqual(actual);
    const total = (await lead.call('GET', '/leads?pageSize=1')).body;
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM lead WHERE region_code = '410223'`);
    expect(total).toMatchObject({ total: n, totalExact: true });
    const mine = (await officers[1].call('GET', '/leads?owner=me&pageSize=1')).body.total;
    const [{ m }] = await t.dataSource.query(`SELECT count(*)::int AS m FROM lead WHERE owner_id = $1`, [officers[1].userId]);
    expect(mine).toBe(m);
  });
});
