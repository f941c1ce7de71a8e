import { FakeClock } from '../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc } from '../support/factories.js';

const DAY = 86_400_000;

/**
 * The agreement pages over HTTP (forms without JavaScript): an officer records a start date, sees
 * the tranche become releasable and asks for its release; the bureau lead approves it; the
 * dashboard's figures move; the enterprise sees its own agreement read-only; the warnings list.
 */
describe('agreement pages', () => {
  const clock = new FakeClock(new Date('2026-01-05T02:00:00Z'));
  let t: TestApp;
  let officer: TestActor;
  let lead: TestActor;
  let entUser: TestActor;
  let id: number;

  const page = async (who: TestActor, path: string) => {
    const r = await fetch(t.url + path, { headers: { authorization: `Bearer ${who.token}` }, redirect: 'manual' });
    return { status: r.status, html: await r.text() };
  };
  const post = async (who: TestActor, path: string, form: Record<string, string> = {}) => {
    const r = await fetch(t.url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
      redirect: 'manual',
    });
    return { status: r.status, location: r.headers.get('location'), html: await r.text() };
  };
  const figure = (html: string, name: string) => new RegExp(`data-figure="${name}">([^<]*)<`).exec(html)?.[1];

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410223' });
    lead = await actor(t, 'bureau_lead', { bureauId: officer.bureauId! });
    const e = (await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(), name: '尉氏县协议测试企业' }))).body;
    entUser = await actor(t, 'enterprise', { enterpriseId: e.id });
    const l = (await officer.call('POST', '/leads', { enterpriseId: e.id, regionCode: '410223', ownerId: officer.userId })).body;
    await officer.call('POST', `/leads/${l.id}/stage`, { stage: 'signed', amountYuan: 80_000_000 });
    const r = await officer.call('POST', `/leads/${l.id}/agreement`, {
      signedOn: '2026-01-05',
      pledges: { investmentYuan: 80_000_000, landMu: 40, startBy: '2026-03-01', jobs: 120 },
      tranches: [{ amountYuan: 1_500_000, condition: 'started', dueOn: '2026-04-01' }],
    });
    expect(r.status).toBe(201);
    id = r.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records a start, shows the tranche releasable, and releases it with a second pair of eyes; the dashboard moves', async () => {
    let p = await page(officer, `/console/agreements/${id}`);
    expect(p.status).toBe(200);
    expect(p.html).toContain('投资协议：尉氏县协议测试企业');
    expect(p.html).toContain('data-state="pending"');
    expect(p.html).toContain('8000 万元'); // the pledge in 万元
    expect(p.html).not.toContain('申请拨付</button>');
    const leadPage = await page(officer, `/console/leads/${/href="\/console\/leads\/(\d+)"/.exec(p.html)![1]}`);
    expect(leadPage.html).toContain(`href="/console/agreements/${id}"`);
    const before = await page(lead, '/console');
    expect(figure(before.html, 'tranches-released')).toBe('0');

    clock.advance(10 * DAY);
    const bad = await post(officer, `/console/agreements/${id}/actuals`, { kind: 'capital', occurredOn: '2026-01-14', amountWan: '-5', source: '银行进账单', note: '首期' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('金额不能为负数');
    const rec = await post(officer, `/console/agreements/${id}/actuals`, { kind: 'started', occurredOn: '2026-01-14', source: '现场核查', document: '开工报告书' });
    expect(rec.status).toBe(303);
    expect(rec.location).toBe(`/console/agreements/${id}?done=actual`);
    p = await page(officer, `/console/agreements/${id}`);
    expect(p.html).toContain('data-state="releasable"');
    expect(p.html).toContain('申请拨付</button>');
    expect(p.html).toContain('2026-01-14 · 开工');

    expect((await post(officer, `/console/agreements/${id}/tranches/${/tranches\/(\d+)\/release/.exec(p.html)![1]}/release`)).status).toBe(303);
    p = await page(officer, `/console/agreements/${id}`);
    expect(p.html).toContain('data-state="requested"');
    expect(p.html).toContain('待另一名工作人员复核');
    expect(p.html).not.toContain('复核通过并拨付');
    const forLead = await page(lead, `/console/agreements/${id}`);
    const approve = /action="([^"]+\/approve)"/.exec(forLead.html)![1];
    expect((await post(officer, approve)).status).toBe(403); // the requester cannot approve their own request
    expect((await post(lead, approve)).status).toBe(303);
    p = await page(officer, `/console/agreements/${id}`);
    expect(p.html).toContain('data-state="released"');
    const after = await page(lead, '/console');
    expect(figure(after.html, 'tranches-released')).toBe('1');
    expect(figure(after.html, 'agreements')).toBe('1');
  });

  it('shows the enterprise its own agreement read-only, and officers the warnings', async () => {
    const own = await page(entUser, '/portal/agreements');
    expect(own.status).toBe(200);
    expect(own.html).toContain('我的投资协议');
    expect(own.html).toContain('开工后拨付');
    expect(own.html).not.toContain('现场核查');
    expect(own.html).not.toContain('<form method="post" action="/console');
    expect((await page(entUser, `/console/agreements/${id}`)).status).toBe(403);

    clock.set('2026-04-10T02:00:00Z'); // 到资 behind plan: nothing in place 95 days after signing
    const { AgreementsService } = await import('../../src/agreements/agreements.service.js');
    await t.get(AgreementsService).runDaily();
    // the clock jumped past the sessions' lifetime: sign in again
    const { SessionsService } = await import('../../src/access/sessions.service.js');
    for (const who of [officer, lead]) who.token = (await t.get(SessionsService).create(who.userId, 'api')).token;
    const w = await page(officer, '/console/agreements');
    expect(w.status).toBe(200);
    expect(w.html).toContain('data-warning="capital_behind"');
    expect(w.html).toContain('尉氏县协议测试企业');
    const dash = await page(lead, '/console');
    expect(/data-todo="warnings">(\d+)</.exec(dash.html)?.[1]).toBe('1');
  });
});
