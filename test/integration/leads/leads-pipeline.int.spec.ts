import { FakeClock } from '../../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';
import { countsAgree, leadFixtures } from '../../support/lead-fixtures.js';

/**
 * The pipeline rules through the API on the real database: forward only (skipping only before
 * signing), milestones with dates and amounts, losing and explicit reopening (on the timeline and
 * in the audit log), the count-once rule and capital increases.
 */
describe('lead pipeline', () => {
  let t: TestApp;
  let officer: TestActor;
  const clock = new FakeClock(new Date('2026-03-10T02:00:00Z')); // 10:00 in Shanghai
  let fx: ReturnType<typeof leadFixtures>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    officer = await actor(t, 'officer', { region: '410223' });
    fx = leadFixtures(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const newLead = async (body: Record<string, unknown>) => {
    const r = await officer.call('POST', '/leads', body);
    expect(r.status).toBe(201);
    return r.body as { id: number; stage: string; owner: { id: number } | null };
  };
  const stage = (id: number, body: Record<string, unknown>) => officer.call('POST', `/leads/${id}/stage`, body);

  it('moves forward with dated milestones; never back, never past a milestone', async () => {
    const e = await fx.enterprise();
    const p = await fx.project();
    const lead = await newLead({ enterpriseId: e.id, projectId: p.id });
    expect(lead.stage).toBe('new');
    expect(lead.owner?.id).toBe(officer.userId); // the only officer of 尉氏县

    expect((await stage(lead.id, { stage: 'contacted', at: '2026-03-10' })).status).toBe(200);
    const back = await stage(lead.id, { stage: 'new' });
    expect(back.status).toBe(409);
    expect(back.body.errors[0]).toMatchObject({ field: 'stage', code: 'invalid_transition' });
    expect((await stage(lead.id, { stage: 'started', at: '2026-03-10', amountYuan: 1 })).status).toBe(409); // not signed yet

    // signing needs an amount; a future date is refused
    expect((await stage(lead.id, { stage: 'signed' })).body.errors).toEqual([expect.objectContaining({ field: 'amountYuan' })]);
    expect((await stage(lead.id, { stage: 'signed', amountYuan: 300_000_000, at: '2026-03-11' })).body.errors).toEqual([
      expect.objectContaining({ field: 'at', code: 'future' }),
    ]);
    // skipping 考察洽谈 is allowed before signing
    const signed = await stage(lead.id, { stage: 'signed', amountYuan: 300_000_000, at: '2026-03-10', note: '签约仪式' });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ stage: 'signed', signingKind: 'new', signed: { amountYuan: 300_000_000 } });
    expect(signed.body.negotiatingAt).toBeNull(); // skipped, not invented

    expect((await stage(lead.id, { stage: 'producing', at: '2026-03-10' })).status).toBe(409); // one milestone at a time
    expect((await stage(lead.id, { stage: 'lost', lostReason: '企业撤资' })).status).toBe(409); // signed counts; not lost
    const started = await stage(lead.id, { stage: 'started', at: '2026-03-10' });
    expect(started.body.started).toMatchObject({ amountYuan: 300_000_000 }); // defaults to the signed amount
    expect((await stage(lead.id, { stage: 'signed', amountYuan: 1 })).status).toBe(409);

    const detail = await officer.call('GET', `/leads/${lead.id}`);
    const changes = detail.body.timeline
      .filter((a: { kind: string }) => a.kind === 'stage_change')
      .map((a: { fromStage: string; toStage: string }) => `${a.fromStage}>${a.toStage}`);
    expect(changes.sort()).toEqual(['contacted>signed', 'new>contacted', 'signed>started']);
    const audit = await t.dataSource.query(
      `SELECT action, detail FROM audit_log WHERE target_type = 'lead' AND target_id = $1 ORDER BY id`,
      [String(lead.id)],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['lead.stage_changed', 'lead.stage_changed', 'lead.stage_changed']);
    expect(audit[1].detail).toMatchObject({ from: 'contacted', to: 'signed', amountYuan: 300_000_000, signingKind: 'new' });
  });

  it('refuses a stage date before the previous stage', async () => {
    const e = await fx.enterprise();
    const lead = await newLead({ enterpriseId: e.id, regionCode: '410223' });
    const r = await stage(lead.id, { stage: 'contacted', at: '2026-03-01' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ field: 'at', code: 'before_previous' });
  });

  it('loses with a reason, and only an explicit, logged reopening brings it back', async () => {
    const e = await fx.enterprise();
    const p = await fx.project();
    const lead = await newLead({ enterpriseId: e.id, projectId: p.id });
    await stage(lead.id, { stage: 'negotiating' });
    expect((await stage(lead.id, { stage: 'lost' })).body.errors[0]).toMatchObject({ field: 'lostReason' });
    const lost = await stage(lead.id, { stage: 'lost', lostReason: '企业选择了外省园区' });
    expect(lost.body).toMatchObject({ stage: 'lost', lost: { reason: '企业选择了外省园区', fromStage: 'negotiating' } });
    expect((await stage(lead.id, { stage: 'negotiating' })).status).toBe(409); // no silent way back

    // a new lead for the same enterprise and project is possible once the old one is lost …
    const second = await newLead({ enterpriseId: e.id, projectId: p.id });
    expect(second.id).not.toBe(lead.id);
    // … and then the old one cannot be reopened beside it
    const clash = await officer.call('POST', `/leads/${lead.id}/reopen`, { reason: '企业回心转意' });
    expect(clash.status).toBe(409);
    expect(clash.body.type).toMatch(/duplicate-open-lead/);
    await stage(second.id, { stage: 'lost', lostReason: '重复线索' });

    expect((await officer.call('POST', `/leads/${lead.id}/reopen`, { stage: 'signed', reason: 'x' })).status).toBe(400);
    const reopened = await officer.call('POST', `/leads/${lead.id}/reopen`, { reason: '企业回心转意' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ stage: 'negotiating', lost: null });
    const timeline = (await officer.call('GET', `/leads/${lead.id}`)).body.timeline;
    expect(timeline[0]).toMatchObject({
      kind: 'reopen',
      fromStage: 'lost',
      toStage: 'negotiating',
      summary: '企业回心转意',
      by: { id: officer.userId },
    });
    const [entry] = await t.dataSource.query(`SELECT detail FROM audit_log WHERE action = 'lead.reopened' AND target_id = $1`, [
      String(lead.id),
    ]);
    expect(entry.detail).toMatchObject({ reason: '企业回心转意', lostReason: '企业选择了外省园区' });
  });

  it('counts a project once: a second signing on it is an increase that counts only its own amount', async () => {
    const p = await fx.project({ totalInvestmentYuan: 800_000_000 });
    const a = await fx.enterprise();
    const b = await fx.enterprise();
    const first = await newLead({ enterpriseId: a.id, projectId: p.id });
    const second = await newLead({ enterpriseId: b.id, projectId: p.id });
    const s1 = await stage(first.id, { stage: 'signed', amountYuan: 500_000_000 });
    const s2 = await stage(second.id, { stage: 'signed', amountYuan: 120_000_000 });
    expect(s1.body.signingKind).toBe('new');
    expect(s2.body).toMatchObject({ signingKind: 'increase', increaseOfLeadId: first.id, signed: { amountYuan: 120_000_000 } });

    // the enterprise's own capital increase later: a new lead on the same project (the first one is signed, so allowed)
    const more = await newLead({ enterpriseId: a.id, projectId: p.id });
    expect((await stage(more.id, { stage: 'signed', amountYuan: 80_000_000 })).body.signingKind).toBe('increase');

    const f = await officer.call('GET', `/leads/figures?from=2026-01-01&to=2026-12-31&region=410223`);
    const signed = f.body.total.funnel.find((s: { stage: string }) => s.stage === 'signed');
    // (other tests in this file signed one more project of 300,000,000)
    expect(signed).toMatchObject({ projects: 2, increases: 2, leads: 4, amountYuan: 300_000_000 + 500_000_000 + 120_000_000 + 80_000_000 });
  });

  it('count once holds under concurrent signings of the same project', async () => {
    const p = await fx.project();
    const leads = [];
    for (let i = 0; i < 6; i++) leads.push(await newLead({ enterpriseId: (await fx.enterprise()).id, projectId: p.id }));
    const results = await Promise.all(leads.map((l) => stage(l.id, { stage: 'signed', amountYuan: 10_000_000 })));
    expect(results.map((r) => r.status)).toEqual(leads.map(() => 200));
    const kinds = results.map((r) => r.body.signingKind).sort();
    expect(kinds).toEqual(['increase', 'increase', 'increase', 'increase', 'increase', 'new']);
    const founder = results.find((r) => r.body.signingKind === 'new')!.body.id;
    expect(new Set(results.filter((r) => r.body.signingKind === 'increase').map((r) => r.body.increaseOfLeadId))).toEqual(
      new Set([founder]),
    );
  });

  it('without a project, an increase names the earlier signing of the same enterprise', async () => {
    const e = await fx.enterprise();
    const other = await fx.enterprise();
    const base = await newLead({ enterpriseId: e.id, regionCode: '410223' });
    const notYet = await newLead({ enterpriseId: other.id, regionCode: '410223' });
    await stage(base.id, { stage: 'signed', amountYuan: 50_000_000 });
    const plus = await newLead({ enterpriseId: e.id, regionCode: '410223' });
    expect((await stage(plus.id, { stage: 'signed', amountYuan: 20_000_000, increaseOf: notYet.id })).body.errors[0]).toMatchObject({
      field: 'increaseOf',
    });
    const r = await stage(plus.id, { stage: 'signed', amountYuan: 20_000_000, increaseOf: base.id });
    expect(r.body).toMatchObject({ signingKind: 'increase', increaseOfLeadId: base.id });
    // without increaseOf it would have been a project of its own
    const p = await fx.project();
    const projectLead = await newLead({ enterpriseId: e.id, projectId: p.id });
    expect((await stage(projectLead.id, { stage: 'signed', amountYuan: 1, increaseOf: base.id })).body.errors[0]).toMatchObject({
      field: 'increaseOf',
      code: 'not_applicable',
    });
  });

  it('keeps one open lead per enterprise and project: creating it again returns the same lead (200)', async () => {
    const e = await fx.enterprise();
    const p = await fx.project();
    const a = await officer.call('POST', '/leads', { enterpriseId: e.id, projectId: p.id });
    const b = await officer.call('POST', '/leads', { enterpriseId: e.id, projectId: p.id });
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body).toMatchObject({ id: a.body.id, created: false });
  });

  it('logs activities (not in the future) and keeps the follow-up date', async () => {
    const e = await fx.enterprise();
    const lead = await newLead({ enterpriseId: e.id, regionCode: '410223' });
    const future = await officer.call('POST', `/leads/${lead.id}/activities`, {
      kind: 'call',
      summary: '电话',
      at: '2026-03-10T12:00:00+08:00',
    });
    expect(future.body.errors[0]).toMatchObject({ field: 'at', code: 'future' });
    const r = await officer.call('POST', `/leads/${lead.id}/activities`, {
      kind: 'visit',
      summary: '上门走访，企业关注用地指标',
      nextFollowUpOn: '2026-03-12',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'visit', kindLabel: '走访', by: { id: officer.userId } });
    const d = await officer.call('GET', `/leads/${lead.id}`);
    expect(d.body.nextFollowUpOn).toBe('2026-03-12');
    expect((await officer.call('PATCH', `/leads/${lead.id}`, { nextFollowUpOn: '2026-03-01' })).body.errors[0]).toMatchObject({
      field: 'nextFollowUpOn',
      code: 'past',
    });
    expect((await officer.call('POST', `/leads/${lead.id}/activities`, { kind: 'stage_change', summary: 'x' })).status).toBe(400);
  });

  it('keeps the lead counts exact through stage changes, losing, reopening and deletion', async () => {
    const before = await countsAgree(t);
    expect(before.kept).toEqual(before.actual);
    // deleting an enterprise deletes its leads (cascade): the counts follow
    const e = await fx.enterprise();
    await newLead({ enterpriseId: e.id, regionCode: '410223' });
    await t.dataSource.query(`DELETE FROM enterprise WHERE id = $1`, [e.id]);
    const after = await countsAgree(t);
    expect(after.kept).toEqual(after.actual);
    const byStage = (await officer.call('GET', '/leads?stage=signed,started&pageSize=1')).body;
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM lead WHERE stage IN ('signed', 'started')`);
    expect(byStage).toMatchObject({ total: n, totalExact: true });
  });
});
