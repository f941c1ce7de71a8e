import { AGREEMENT_SCHEDULER_ID, AGREEMENTS_QUEUE } from '../../../src/agreements/agreements.jobs.js';
import { AgreementsService } from '../../../src/agreements/agreements.service.js';
import { FakeClock } from '../../../src/platform/clock/clock.js';
import { JobSchedulers } from '../../../src/platform/queue/job-schedulers.js';
import { QueueService } from '../../../src/platform/queue/queue.service.js';
import { SessionsService } from '../../../src/access/sessions.service.js';
import { http, startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';
import { enterpriseBody, nextUscc } from '../../support/factories.js';

/**
 * The daily evaluation on a fake clock over a hand-worked set of agreements (all signed
 * 2026-01-05 in 尉氏县, owner 尉氏 officer, one bureau lead):
 *  A  startBy 2026-02-01, no start until 2026-02-05  → 签约未开工 raised on 2026-02-02, once; cleared by the start
 *  B  investment 1000 万 by 2026-07-05, 300 万 in place → 到资滞后 on 2026-04-10 (plan 52 %, 80 % of it 420 万); cleared by 300 万 more
 *  C  startBy 2026-03-01 never met; a date tranche released in January (four-eyes), two pending tranches
 *     → on 2026-03-02 both pending tranches withheld and one recovery case (100 万 × shortfall 1)
 * Each warning reaches the owner and the bureau lead once (two messages), never twice for the same state.
 */
describe('agreements: the daily evaluation', () => {
  const clock = new FakeClock(new Date('2026-01-05T02:00:00Z'));
  let t: TestApp;
  let svc: AgreementsService;
  let admin: TestActor;
  let officer: TestActor;
  let officer2: TestActor;
  let lead: TestActor;
  const ids: Record<'A' | 'B' | 'C', number> = { A: 0, B: 0, C: 0 };
  const day = (d: string) => clock.set(`${d}T02:00:00Z`);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    svc = t.get(AgreementsService);
    admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410223' });
    officer2 = await actor(t, 'officer', { bureauId: officer.bureauId! });
    lead = await actor(t, 'bureau_lead', { bureauId: officer.bureauId! });
    const make = async (pledges: Record<string, unknown>, tranches: unknown[] = []) => {
      const e = (await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc() }))).body;
      const l = (await officer.call('POST', '/leads', { enterpriseId: e.id, regionCode: '410223', ownerId: officer.userId })).body;
      expect((await officer.call('POST', `/leads/${l.id}/stage`, { stage: 'signed', amountYuan: 10_000_000 })).status).toBe(200);
      const r = await officer.call('POST', `/leads/${l.id}/agreement`, { signedOn: '2026-01-05', pledges, tranches });
      expect(r.status).toBe(201);
      return r.body.id as number;
    };
    ids.A = await make({ startBy: '2026-02-01' });
    ids.B = await make({ investmentYuan: 10_000_000, productionBy: '2026-07-05' });
    ids.C = await make({ startBy: '2026-03-01', productionBy: '2026-12-01' }, [
      { amountYuan: 1_000_000, condition: 'date', dueOn: '2026-01-10' },
      { amountYuan: 2_000_000, condition: 'date', dueOn: '2026-06-01' },
      { amountYuan: 500_000, condition: 'started', dueOn: '2026-04-01' },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A fresh session per call: the fake clock jumps months, past any session's lifetime. */
  const as = async (who: TestActor, method: string, path: string, body?: unknown) => {
    const { token } = await t.get(SessionsService).create(who.userId, 'api');
    return http(t.url, method, path, body, { authorization: `Bearer ${token}` });
  };
  const messages = async (id: number) =>
    (
      await t.dataSource.query(
        `SELECT recipient_user_id AS "to", data->>'kind' AS kind FROM notification WHERE template = 'agreement.warning' AND (data->>'agreementId')::int = $1 ORDER BY id`,
        [id],
      )
    ).map((r: { to: number; kind: string }) => `${r.kind}→${r.to === officer.userId ? 'owner' : r.to === lead.userId ? 'lead' : r.to}`);
  /** The 消息中心 messages of an agreement's warnings: kind→recipient, with the link they open. */
  const inbox = async (id: number) =>
    (
      await t.dataSource.query(
        `SELECT user_id, title, link FROM inbox_message WHERE kind = 'agreement_warning' AND link = $1 ORDER BY id`,
        [`/console/agreements/${id}`],
      )
    ).map(
      (r: { user_id: number; title: string }) =>
        `${r.title}→${r.user_id === officer.userId ? 'owner' : r.user_id === lead.userId ? 'lead' : r.user_id}`,
    );
  const warnings = async (q = '') => (await as(officer, 'GET', `/agreements/warnings${q}`)).body;
  const actual = (id: number, b: Record<string, unknown>) =>
    as(officer, 'POST', `/agreements/${id}/actuals`, { source: '现场核查', note: '核实', ...b });

  it('registers a daily job scheduler', async () => {
    await t.get(JobSchedulers).registerAll();
    const s = await t.get(QueueService).queue(AGREEMENTS_QUEUE).getJobScheduler(AGREEMENT_SCHEDULER_ID);
    expect(s).toMatchObject({ key: AGREEMENT_SCHEDULER_ID, pattern: '0 20 6 * * *', tz: 'Asia/Shanghai' });
  });

  it('raises each warning once per state, to the owner and the bureau lead, and none after the actual is recorded', async () => {
    // C's January tranche: releasable on its date; four-eyes release
    day('2026-01-12');
    const c = (await as(officer, 'GET', `/agreements/${ids.C}`)).body;
    expect(c.tranches.map((x: { state: string }) => x.state)).toEqual(['releasable', 'pending', 'pending']);
    expect((await as(officer, 'POST', `/agreements/${ids.C}/tranches/${c.tranches[0].id}/release`, {})).status).toBe(200);
    expect((await as(officer2, 'POST', `/agreements/${ids.C}/tranches/${c.tranches[0].id}/approve`, {})).status).toBe(200);
    day('2026-01-20');
    expect(await svc.runDaily()).toMatchObject({ agreements: 3, raised: 0 });

    // A: 签约未开工 the day after startBy, once
    day('2026-02-01');
    expect((await svc.runDaily()).raised).toBe(0);
    day('2026-02-02');
    expect((await svc.runDaily()).raised).toBe(1);
    expect(await messages(ids.A)).toEqual(['not_started→owner', 'not_started→lead']);
    // the same two people find it in their 消息中心 (the console's inbox), once each
    const aInbox = await inbox(ids.A);
    expect(aInbox).toHaveLength(2);
    expect(aInbox[0]).toMatch(/^项目预警：.+ · 签约未开工→owner$/);
    expect(aInbox[1]).toMatch(/→lead$/);
    const unread = await as(lead, 'GET', '/inbox?unread=true');
    expect(unread.status).toBe(200);
    expect(JSON.stringify(unread.body)).toContain(`/console/agreements/${ids.A}`);
    expect((await warnings()).items).toEqual([
      expect.objectContaining({
        agreementId: ids.A,
        leadId: expect.any(Number),
        kind: 'not_started',
        since: '2026-02-02',
        pledge: 'start',
      }),
    ]);
    day('2026-02-03');
    expect((await svc.runDaily()).raised).toBe(0);
    expect(await messages(ids.A)).toHaveLength(2);
    expect(await inbox(ids.A)).toHaveLength(2);

    day('2026-02-05');
    expect((await actual(ids.A, { kind: 'started', occurredOn: '2026-02-05' })).status).toBe(201);
    expect((await warnings('?kind=not_started')).items).toEqual([]);
    day('2026-02-06');
    expect((await svc.runDaily()).raised).toBe(0);
    expect(await messages(ids.A)).toHaveLength(2);
    // started late: the start pledge is breached; nothing to recover (nothing was released)
    const a = (await as(officer, 'GET', `/agreements/${ids.A}`)).body;
    expect([a.status, a.pledges[0].status, a.recoveryCase]).toEqual(['breached', 'breached', null]);

    // B: 300 万 in place
    expect((await actual(ids.B, { kind: 'capital', occurredOn: '2026-02-01', amountYuan: 3_000_000 })).status).toBe(201);

    // C: the start never came — the pending tranches are withheld, one recovery case for what was released
    day('2026-03-01');
    expect((await svc.runDaily()).casesOpened).toBe(0);
    day('2026-03-02');
    const run = await svc.runDaily();
    expect(run).toMatchObject({ raised: 1, casesOpened: 1 });
    expect(await messages(ids.C)).toEqual(['not_started→owner', 'not_started→lead']);
    let cc = (await as(officer, 'GET', `/agreements/${ids.C}`)).body;
    expect(cc.tranches.map((x: { state: string }) => x.state)).toEqual(['released', 'withheld', 'withheld']);
    expect(cc.recoveryCase).toMatchObject({
      step: 'opened',
      releasedYuan: 1_000_000,
      shortfall: 1,
      pledge: 'start',
      amountDueYuan: 1_000_000,
    });
    day('2026-03-03');
    expect((await svc.runDaily()).casesOpened).toBe(0);
    expect(
      Number((await t.dataSource.query(`SELECT count(*) AS n FROM agreement_recovery_case WHERE agreement_id = $1`, [ids.C]))[0].n),
    ).toBe(1);
    // the case's steps, each with its reason, audited
    expect((await as(officer, 'POST', `/agreements/${ids.C}/recovery`, { step: 'agreed', reason: '跳步' })).status).toBe(409);
    expect(
      (
        await as(officer, 'POST', `/agreements/${ids.C}/recovery`, {
          step: 'notified',
          reason: '已送达追回告知书',
          document: '尉招〔2026〕3号',
        })
      ).status,
    ).toBe(200);
    expect(
      (await as(officer, 'POST', `/agreements/${ids.C}/recovery`, { step: 'recovered', reason: '企业已退回', amountYuan: 1_000_000 }))
        .status,
    ).toBe(200);
    cc = (await as(officer, 'GET', `/agreements/${ids.C}`)).body;
    expect(cc.recoveryCase).toMatchObject({ step: 'recovered', recoveredYuan: 1_000_000 });
    expect(cc.recoveryCase.steps.map((x: { step: string }) => x.step)).toEqual(['opened', 'notified', 'recovered']);
    const audited = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE target_type = 'agreement' AND target_id = $1 ORDER BY id`,
      [String(ids.C)],
    );
    expect(audited.map((x: { action: string }) => x.action)).toEqual([
      'agreement.created',
      'agreement.release_requested',
      'agreement.tranche_released',
      'agreement.tranche_withheld', // the two pending tranches, by the system, at the breach
      'agreement.tranche_withheld',
      'agreement.recovery_opened',
      'agreement.recovery_step',
      'agreement.recovery_step',
    ]);

    // B: 到资 behind the straight-line plan from 90 days after signing (2026-04-05: plan 49.7 %, 80 % of it 398 万 > 300 万)
    day('2026-04-04');
    expect(await svc.runDaily()).toMatchObject({ raised: 0 });
    day('2026-04-05');
    expect(await svc.runDaily()).toMatchObject({ raised: 1 });
    expect(await messages(ids.B)).toEqual(['capital_behind→owner', 'capital_behind→lead']);
    expect((await warnings('?kind=capital_behind')).items).toEqual([
      expect.objectContaining({ agreementId: ids.B, since: '2026-04-05', pledge: 'investment' }),
    ]);
    expect((await actual(ids.B, { kind: 'capital', occurredOn: '2026-04-05', amountYuan: 3_000_000 })).status).toBe(201);
    day('2026-04-06');
    expect(await svc.runDaily()).toMatchObject({ raised: 0 });
    expect(await messages(ids.B)).toHaveLength(2);
    expect((await inbox(ids.B)).map((x: string) => x.replace(/^.* · /, ''))).toEqual(['到资滞后→owner', '到资滞后→lead']);
    expect((await warnings()).total).toBe(1); // C's 签约未开工 still holds
    // the figures count it all once
    const f = (await as(officer, 'GET', '/agreements/figures?from=2026-01-01&to=2026-12-31')).body;
    expect(f).toMatchObject({
      agreements: { total: 3, breached: 2 },
      investment: { pledgedYuan: 10_000_000, capitalYuan: 6_000_000, capitalRate: 0.6 },
      tranches: { released: 1, releasedYuan: 1_000_000, withheld: 2, withheldYuan: 2_500_000 },
      recovery: { cases: 1, dueYuan: 1_000_000, recoveredYuan: 1_000_000 },
    });
  });
});
