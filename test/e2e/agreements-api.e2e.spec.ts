import { FakeClock } from '../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc, projectBody } from '../support/factories.js';

const DAY = 86_400_000;

/**
 * 投资协议 over HTTP: a signed lead gets its agreement (201 {id}); bad input is a 400 naming the
 * field with nothing written; another region gets 404 on every route; actuals make a tranche
 * releasable; release needs two officers (four-eyes); the enterprise reads its own agreement
 * read-only; the project follows its lead's 开工.
 */
describe('agreements API', () => {
  const clock = new FakeClock(new Date('2026-01-05T02:00:00Z'));
  let t: TestApp;
  let admin: TestActor;
  let weishi: TestActor; // 尉氏县 officer
  let weishi2: TestActor; // another officer of the same bureau
  let bureauLead: TestActor;
  let luoyang: TestActor;
  let luoyangLead: TestActor;
  let kaifeng: TestActor; // 开封市 (covers 尉氏县)
  let ent: { id: number };
  let entUser: TestActor;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await actor(t, 'admin');
    weishi = await actor(t, 'officer', { region: '410223' });
    weishi2 = await actor(t, 'officer', { bureauId: weishi.bureauId! });
    bureauLead = await actor(t, 'bureau_lead', { bureauId: weishi.bureauId! });
    luoyang = await actor(t, 'officer', { region: '410300' });
    luoyangLead = await actor(t, 'bureau_lead', { bureauId: luoyang.bureauId! });
    kaifeng = await actor(t, 'officer', { region: '410200' });
    ent = (await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(), name: '河南豫丰食品科技有限公司' }))).body;
    entUser = await actor(t, 'enterprise', { enterpriseId: ent.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A published project of 尉氏县 and a lead on it, signed today. */
  async function signedLead(): Promise<{ leadId: number; projectId: number }> {
    const p = (
      await admin.call('POST', '/projects', projectBody({ code: `AGR-${++seq}`, title: `尉氏县协议项目${seq}`, regionCode: '410223' }))
    ).body;
    await admin.call('POST', `/projects/${p.id}/publish`);
    const lead = (await weishi.call('POST', '/leads', { enterpriseId: ent.id, projectId: p.id, ownerId: weishi.userId })).body;
    const s = await weishi.call('POST', `/leads/${lead.id}/stage`, { stage: 'signed', amountYuan: 120_000_000 });
    expect(s.status).toBe(200);
    return { leadId: lead.id, projectId: p.id };
  }
  const body = (over: Record<string, unknown> = {}) => ({
    signedOn: '2026-01-05',
    pledges: { investmentYuan: 120_000_000, landMu: 60, startBy: '2026-04-01', productionBy: '2027-01-01', jobs: 150 },
    tranches: [
      { amountYuan: 2_000_000, condition: 'started', dueOn: '2026-05-01' },
      { amountYuan: 3_000_000, condition: 'producing', dueOn: '2027-03-01' },
    ],
    ...over,
  });
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  it('refuses bad input with a 400 naming the field, writing nothing', async () => {
    const { leadId } = await signedLead();
    const before = [await count('agreement'), await count('agreement_tranche')];
    const cases: Array<[Record<string, unknown>, string]> = [
      [body({ pledges: { investmentYuan: -1 } }), 'pledges.investmentYuan'],
      [body({ pledges: { productionBy: '2025-12-31' } }), 'pledges.productionBy'],
      [body({ tranches: [{ amountYuan: 1_000_000, dueOn: '2026-05-01' }] }), 'tranches[0].condition'],
      [body({ tranches: [{ amountYuan: -5, condition: 'started', dueOn: '2026-05-01' }] }), 'tranches[0].amountYuan'],
      [body({ tranches: [{ amountYuan: 5, condition: 'whenever', dueOn: '2026-05-01' }] }), 'tranches[0].condition'],
      [body({ pledges: { annualTaxYuanPerMu: 100_000 } }), 'pledges.landMu'],
      [body({ signedOn: '2026-02-01' }), 'signedOn'],
      [{ ...body(), status: 'met' }, 'status'],
    ];
    for (const [b, field] of cases) {
      const r = await weishi.call('POST', `/leads/${leadId}/agreement`, b);
      expect({ field, status: r.status }).toEqual({ field, status: 400 });
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect([await count('agreement'), await count('agreement_tranche')]).toEqual(before);
  });

  it("needs a signed lead of the caller's region: 409 before signing, 404 for another region", async () => {
    const p = (await admin.call('POST', '/projects', projectBody({ code: `AGR-${++seq}`, regionCode: '410223' }))).body;
    const lead = (await weishi.call('POST', '/leads', { enterpriseId: ent.id, projectId: p.id })).body;
    expect((await weishi.call('POST', `/leads/${lead.id}/agreement`, body())).status).toBe(409);
    const { leadId } = await signedLead();
    expect((await luoyang.call('POST', `/leads/${leadId}/agreement`, body())).status).toBe(404);
    expect((await entUser.call('POST', `/leads/${leadId}/agreement`, body())).status).toBe(403);
    const r = await weishi.call('POST', `/leads/${leadId}/agreement`, body());
    expect(r.status).toBe(201);
    expect(Object.keys(r.body)).toEqual(['id']);
    expect((await weishi.call('POST', `/leads/${leadId}/agreement`, body())).status).toBe(409);
  });

  it('scopes every route by region: a 洛阳 officer cannot read or change a 开封 agreement (404)', async () => {
    const { leadId } = await signedLead();
    const { id } = (await weishi.call('POST', `/leads/${leadId}/agreement`, body())).body;
    const [tranche] = (await weishi.call('GET', `/agreements/${id}`)).body.tranches;
    expect((await kaifeng.call('GET', `/agreements/${id}`)).status).toBe(200);
    for (const who of [luoyang, luoyangLead]) {
      for (const [method, path, b] of [
        ['GET', `/agreements/${id}`, undefined],
        ['POST', `/agreements/${id}/actuals`, { kind: 'started', occurredOn: '2026-01-05', source: '现场核查', note: '越权' }],
        ['POST', `/agreements/${id}/tranches/${tranche.id}/release`, {}],
        ['POST', `/agreements/${id}/tranches/${tranche.id}/approve`, {}],
        ['POST', `/agreements/${id}/recovery`, { step: 'notified', reason: '越权' }],
      ] as const) {
        const r = await who.call(method, path, b);
        expect({ path, status: r.status }).toEqual({ path, status: 404 });
      }
    }
    expect((await luoyang.call('GET', '/agreements/warnings?region=410223')).status).toBe(403);
    const other = await actor(t, 'enterprise', {
      enterpriseId: (await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc() }))).body.id,
    });
    expect((await other.call('GET', `/agreements/${id}`)).status).toBe(404);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM agreement_actual WHERE agreement_id = $1`, [id]))[0].n).toBe(0);
  });

  it('makes a tranche releasable from a recorded start, releases it only with a second officer, and moves the project', async () => {
    const { leadId, projectId } = await signedLead();
    const { id } = (await weishi.call('POST', `/leads/${leadId}/agreement`, body())).body;
    let a = (await weishi.call('GET', `/agreements/${id}`)).body;
    expect(a.pledges.map((p: { kind: string; status: string }) => [p.kind, p.status])).toEqual([
      ['start', 'on_track'],
      ['production', 'on_track'],
      ['investment', 'on_track'],
      ['jobs', 'on_track'],
    ]);
    expect(a.tranches.map((x: { state: string }) => x.state)).toEqual(['pending', 'pending']);
    const [first] = a.tranches;
    expect((await weishi.call('POST', `/agreements/${id}/tranches/${first.id}/release`, {})).status).toBe(409);

    clock.advance(20 * DAY);
    const bad = await weishi.call('POST', `/agreements/${id}/actuals`, {
      kind: 'started',
      occurredOn: '2026-01-20',
      amountYuan: 5,
      source: '现场核查',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amountYuan', 'document']);
    const rec = await weishi.call('POST', `/agreements/${id}/actuals`, {
      kind: 'started',
      occurredOn: '2026-01-20',
      source: '现场核查',
      document: '开工报告书 WS-2026-001',
    });
    expect(rec.status).toBe(201);
    a = (await weishi.call('GET', `/agreements/${id}`)).body;
    expect(a.pledges[0]).toMatchObject({ kind: 'start', status: 'met', actual: '2026-01-20' });
    expect(a.tranches.map((x: { state: string }) => x.state)).toEqual(['releasable', 'pending']);
    expect(a.actuals).toHaveLength(1);
    // the lead and its project followed the start
    expect((await weishi.call('GET', `/leads/${leadId}`)).body.stage).toBe('started');
    expect((await admin.call('GET', `/projects/${projectId}`)).body.stage).toBe('started');

    expect((await weishi.call('POST', `/agreements/${id}/tranches/${first.id}/release`, { note: '开工已核实' })).status).toBe(200);
    const self = await weishi.call('POST', `/agreements/${id}/tranches/${first.id}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.type).toMatch(/four-eyes/);
    const ok = await bureauLead.call('POST', `/agreements/${id}/tranches/${first.id}/approve`, {});
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ state: 'released', releasedOn: '2026-01-25' });
    expect((await weishi2.call('POST', `/agreements/${id}/tranches/${first.id}/approve`, {})).status).toBe(409);
    a = (await weishi.call('GET', `/agreements/${id}`)).body;
    expect(a.tranches[0]).toMatchObject({
      state: 'released',
      releasedYuan: 2_000_000,
      requestedBy: { id: weishi.userId },
      approvedBy: { id: bureauLead.userId },
    });
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE target_type = 'agreement' AND target_id = $1 ORDER BY id`, [
      String(id),
    ]);
    expect(audit.map((x: { action: string }) => x.action)).toEqual([
      'agreement.created',
      'agreement.actual_recorded',
      'agreement.release_requested',
      'agreement.tranche_released',
    ]);

    // the enterprise sees its own agreement read-only: pledges and tranches, not the officers' records
    const own = await entUser.call('GET', `/agreements/${id}`);
    expect(own.status).toBe(200);
    expect(own.body.tranches).toHaveLength(2);
    expect(own.body.actuals).toBeUndefined();
    expect(own.body.tranches[0].requestedBy).toBeUndefined();
    expect(
      (await entUser.call('POST', `/agreements/${id}/actuals`, { kind: 'started', occurredOn: '2026-01-20', source: 'x', note: 'x' }))
        .status,
    ).toBe(403);

    const figures = (await weishi.call('GET', '/agreements/figures')).body;
    expect(figures.tranches.releasedYuan).toBeGreaterThanOrEqual(2_000_000);
    const csv = await fetch(`${t.url}/agreements/figures/export?format=csv`, { headers: { authorization: `Bearer ${weishi.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text).toContain('指标,数值');
    expect(text).toContain(`已拨付金额（万元）,${figures.tranches.releasedYuan / 10_000}`);
    expect((await luoyang.call('GET', '/agreements/figures/export?format=csv&region=410223')).status).toBe(403);
    clock.set('2026-01-05T02:00:00Z');
  });
});
