import { FakeClock } from '../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc, policyBody } from '../support/factories.js';

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
    const bad = await post(officer, `/console/agreements/${id}/actuals`, {
      kind: 'capital',
      occurredOn: '2026-01-14',
      amountWan: '-5',
      source: '银行进账单',
      note: '首期',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('金额不能为负数');
    const rec = await post(officer, `/console/agreements/${id}/actuals`, {
      kind: 'started',
      occurredOn: '2026-01-14',
      source: '现场核查',
      document: '开工报告书',
    });
    expect(rec.status).toBe(303);
    expect(rec.location).toBe(`/console/agreements/${id}?done=actual`);
    p = await page(officer, `/console/agreements/${id}`);
    expect(p.html).toContain('data-state="releasable"');
    expect(p.html).toContain('申请拨付</button>');
    expect(p.html).toContain('2026-01-14 · 开工');

    expect((await post(officer, `/console/agreements/${id}/tranches/${/tranches\/(\d+)\/release/.exec(p.html)![1]}/release`)).status).toBe(
      303,
    );
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

  it('录入投资协议 from a signed lead: pledges in 万元 / 亩, tranches with an incentive and a condition; bad input names the field and writes nothing', async () => {
    clock.set('2026-04-10T02:00:00Z');
    const clerk = await actor(t, 'officer', { region: '410223' }); // signed in at the new time
    const admin = await actor(t, 'admin');
    const e = (await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(), name: '尉氏县表单协议企业' }))).body;
    const l = (await clerk.call('POST', '/leads', { enterpriseId: e.id, regionCode: '410223', ownerId: clerk.userId })).body;
    const created = await clerk.call('POST', '/policies', policyBody({ regionCode: '410223' }));
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
    const policy = created.body;
    const incentive = policy.incentives[0];
    const before = await page(clerk, `/console/leads/${l.id}`);
    expect(before.html).not.toContain('data-agreement-new'); // not signed yet
    await clerk.call('POST', `/leads/${l.id}/stage`, { stage: 'signed', amountYuan: 150_000_000 });
    const leadPage = await page(clerk, `/console/leads/${l.id}`);
    expect(leadPage.html).toContain(`href="/console/agreements/new?lead=${l.id}"`);

    const form = await page(clerk, `/console/agreements/new?lead=${l.id}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('录入投资协议');
    expect(form.html).toContain(`value="2026-04-10"`); // the signing date defaults to the lead's
    expect(form.html).toContain(`<option value="${incentive.id}">`); // the policy library's incentives to choose from
    expect(form.html).toContain('data-wan-echo');

    const path = `/console/agreements/new?lead=${l.id}`;
    const rows = (r: Array<[string, string, string, string]>) => {
      const p = new URLSearchParams({
        signedOn: '2026-04-10',
        investmentWan: '15000',
        landMu: '60',
        intensityWan: '250',
        taxWan: '',
        startBy: '2026-06-01',
        productionBy: '2026-03-01',
        reachOutputBy: '',
        jobs: '200',
      });
      for (const [a, i, c, d] of r) {
        p.append('trancheAmountWan', a);
        p.append('trancheIncentiveId', i);
        p.append('trancheCondition', c);
        p.append('trancheDueOn', d);
      }
      return Object.fromEntries([...p.keys()].map((k) => [k, p.getAll(k).length > 1 ? p.getAll(k) : p.get(k)!]));
    };
    const postRows = async (body: Record<string, string | string[]>) => {
      const b = new URLSearchParams();
      for (const [k, v] of Object.entries(body)) for (const x of Array.isArray(v) ? v : [v]) b.append(k, x);
      const r = await fetch(t.url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${clerk.token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: b,
        redirect: 'manual',
      });
      return { status: r.status, location: r.headers.get('location'), html: await r.text() };
    };
    // productionBy before the signing, a negative amount, a tranche without a condition; the empty third row is skipped
    const bad = await postRows(
      rows([
        ['-50', '', 'started', '2026-07-01'],
        ['120', String(incentive.id), '', '2026-09-01'],
        ['', '', '', ''],
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('投产日期不能早于签约日期（2026-04-10）');
    expect(bad.html).toMatch(/id="e-tranche-0-amountWan"><span>金额不能为负数/);
    expect(bad.html).toMatch(/id="e-tranche-1-condition"><span>请选择拨付条件/);
    expect(bad.html).toContain('value="15000"'); // what was typed is kept
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM agreement WHERE lead_id = $1`, [l.id]);
    expect(n).toBe(0);

    const good = rows([
      ['50', '', 'started', '2026-07-01'],
      ['120.5', String(incentive.id), 'producing', '2026-09-01'],
      ['', '', '', ''],
    ]);
    good.productionBy = '2026-12-01';
    const ok = await postRows(good);
    expect(ok.status).toBe(303);
    const id = Number(/^\/console\/agreements\/(\d+)\?done=created$/.exec(ok.location!)![1]);
    const [a] = await t.dataSource.query(`SELECT terms, pledged_investment_yuan FROM agreement WHERE id = $1`, [id]);
    expect(a.terms).toEqual({
      investmentYuan: 150_000_000,
      landMu: 60,
      investmentIntensityYuanPerMu: 2_500_000,
      startBy: '2026-06-01',
      productionBy: '2026-12-01',
      jobs: 200,
    });
    const tranches = await t.dataSource.query(
      `SELECT amount_yuan::bigint::int AS amount, incentive_id, condition FROM agreement_tranche WHERE agreement_id = $1 ORDER BY position`,
      [id],
    );
    expect(tranches).toEqual([
      { amount: 500_000, incentive_id: null, condition: 'started' },
      { amount: 1_205_000, incentive_id: incentive.id, condition: 'producing' },
    ]);
    const shown = await page(clerk, `/console/agreements/${id}`);
    expect(shown.html).toContain('1.5 亿元');
    expect(shown.html).toContain(incentive.title);
    const again = await fetch(t.url + path, { headers: { authorization: `Bearer ${clerk.token}` }, redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/console/agreements/${id}`);

    // a correction is a new entry naming the one it corrects; the first stays as it was
    expect(
      (
        await post(clerk, `/console/agreements/${id}/actuals`, {
          kind: 'capital',
          occurredOn: '2026-04-10',
          amountWan: '3000',
          source: '银行进账单',
          note: '首期',
        })
      ).status,
    ).toBe(303);
    const [first] = await t.dataSource.query(`SELECT id FROM agreement_actual WHERE agreement_id = $1`, [id]);
    const withOption = await page(clerk, `/console/agreements/${id}`);
    expect(withOption.html).toContain(`<option value="${first.id}">#${first.id} 2026-04-10`);
    const fix = await post(clerk, `/console/agreements/${id}/actuals`, {
      kind: 'capital',
      occurredOn: '2026-04-10',
      amountWan: '2800',
      source: '银行进账单',
      note: '金额更正',
      correctsId: String(first.id),
    });
    expect(fix.status).toBe(303);
    const actuals = await t.dataSource.query(
      `SELECT id, amount_yuan::bigint::int AS amount, corrects_id FROM agreement_actual WHERE agreement_id = $1 ORDER BY id`,
      [id],
    );
    expect(actuals).toEqual([
      { id: first.id, amount: 30_000_000, corrects_id: null },
      { id: expect.any(String), amount: 28_000_000, corrects_id: first.id },
    ]);
    expect((await page(clerk, `/console/agreements/${id}`)).html).toContain(`已被 #${actuals[1].id} 更正`);
  });
});
