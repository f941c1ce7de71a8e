import { FakeClock } from '../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, policyBody, projectBody } from '../support/factories.js';

/**
 * The 政策计算器 through the API: one incentive evaluated for an enterprise whatever the regions
 * (so "not eligible: region" can be read), with the list's access rules; and expired policies
 * (已失效): marked, hidden from lists by default, no new choice for projects, "已失效" in the calculator.
 */
describe('eligibility API: one incentive for one enterprise', () => {
  let t: TestApp;
  let admin: TestActor;
  let henanOfficer: TestActor;
  const clock = new FakeClock(new Date('2026-06-01T02:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await actor(t, 'admin');
    henanOfficer = await actor(t, 'officer', { region: '410000' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('evaluates a 河南 incentive for a 湖北 enterprise and says the region fails, which the list leaves out', async () => {
    const policy = (await henanOfficer.call('POST', '/policies', policyBody())).body;
    await henanOfficer.call('POST', `/policies/${policy.id}/publish`);
    const incentiveId = policy.incentives[0].id;
    const hubei = (
      await admin.call(
        'POST',
        '/enterprises',
        enterpriseBody({ name: '湖北荆楚食品有限公司', homeRegionCode: '420100', targetRegionCodes: ['420100'] }),
      )
    ).body;
    const user = await actor(t, 'enterprise', { enterpriseId: hubei.id });

    const list = await user.call('GET', `/enterprises/${hubei.id}/incentives?pageSize=100`);
    expect(list.body.items.map((x: { incentive: { id: number } }) => x.incentive.id)).not.toContain(incentiveId);

    const one = await user.call('GET', `/enterprises/${hubei.id}/incentives/${incentiveId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      enterprise: { id: hubei.id },
      incentive: { id: incentiveId, title: '项目审批绿色通道' },
      status: 'not_eligible',
      statusLabel: '暂不符合',
    });
    expect(one.body.checks).toEqual([
      { condition: 'policyValidity', label: '政策有效期', status: 'met', reason: '政策长期有效' },
      { condition: 'policyRegion', label: '适用地区', status: 'unmet', reason: '注册地和投资意向地都不在政策适用地区「河南省」内' },
      { condition: 'certification', label: '资质认定', status: 'unknown', reason: '已申报产教融合型企业，待主管部门核验' },
    ]);
    expect(one.body.missing).toEqual(['已申报产教融合型企业，待主管部门核验']);
  });

  it("follows the list's access rules: the enterprise's own users and staff who may read both; others 404", async () => {
    const draft = (await henanOfficer.call('POST', '/policies', policyBody({ title: '尚未发布的政策' }))).body;
    const published = (await henanOfficer.call('POST', '/policies', policyBody({ title: '已发布的政策' }))).body;
    await henanOfficer.call('POST', `/policies/${published.id}/publish`);
    const e = (await admin.call('POST', '/enterprises', enterpriseBody())).body;
    const own = await actor(t, 'enterprise', { enterpriseId: e.id });
    const stranger = await actor(t, 'enterprise', { enterpriseId: (await admin.call('POST', '/enterprises', enterpriseBody())).body.id });
    const path = (incentiveId: number) => `/enterprises/${e.id}/incentives/${incentiveId}`;

    expect((await own.call('GET', path(published.incentives[0].id))).status).toBe(200);
    expect((await henanOfficer.call('GET', path(published.incentives[0].id))).status).toBe(200);
    expect((await henanOfficer.call('GET', path(draft.incentives[0].id))).body.status).toBe('needs_info');
    // another enterprise's verdicts, a draft of someone else's bureau, unknown ids: as if absent
    expect((await stranger.call('GET', path(published.incentives[0].id))).status).toBe(404);
    expect((await own.call('GET', path(draft.incentives[0].id))).status).toBe(404);
    expect((await own.call('GET', path(2_000_000_000))).status).toBe(404);
    expect((await own.call('GET', `/enterprises/${e.id}/incentives/abc`)).status).toBe(400);
    expect((await admin.call('GET', `/enterprises/2000000000/incentives/${published.incentives[0].id}`)).status).toBe(404);
  });

  describe('expired policies (已失效)', () => {
    const page = async (path: string) =>
      (await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${henanOfficer.token}` } })).text();

    it('are marked 已失效, hidden from the policy lists by default and shown with a filter', async () => {
      const old = (
        await henanOfficer.call(
          'POST',
          '/policies',
          policyBody({ title: '已到期的开封招商政策', regionCode: '410200', validFrom: '2021-01-01', validTo: '2023-12-31' }),
        )
      ).body;
      await henanOfficer.call('POST', `/policies/${old.id}/publish`);
      const ids = async (q = '') =>
        (await henanOfficer.call('GET', `/policies?pageSize=100${q}`)).body.items.map((p: { id: number }) => p.id);
      expect(await ids()).not.toContain(old.id);
      const shown = (await henanOfficer.call('GET', '/policies?pageSize=100&includeExpired=true')).body.items.find(
        (p: { id: number }) => p.id === old.id,
      );
      expect(shown).toMatchObject({ validity: 'expired', validityLabel: '已失效' });

      expect(await page('/library/policies')).not.toContain('已到期的开封招商政策');
      const library = await page('/library/policies?expired=1');
      expect(library).toMatch(/已到期的开封招商政策[\s\S]*?<span class="badge badge-grey">已失效<\/span>/);
      expect(await page(`/library/policies/${old.id}`)).toContain('已失效</span>');
    });

    it('are no new choice for a project (picker and API: 400 naming the field); an attachment made while in force stays', async () => {
      const ending = (
        await henanOfficer.call(
          'POST',
          '/policies',
          policyBody({ title: '六月底到期的政策', validFrom: '2026-01-01', validTo: '2026-06-01' }),
        )
      ).body;
      await henanOfficer.call('POST', `/policies/${ending.id}/publish`);
      const incentiveId = ending.incentives[0].id;
      const project = await henanOfficer.call('POST', '/projects', projectBody({ incentiveIds: [incentiveId] }));
      expect(project.status).toBe(201);
      expect(await page('/console/projects/new')).toContain('六月底到期的政策');

      clock.set('2026-06-01T17:00:00Z'); // 01:00 on 2 June in 河南: the policy ended yesterday
      const refused = await henanOfficer.call('POST', '/projects', projectBody({ incentiveIds: [incentiveId] }));
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        {
          field: 'incentiveIds[0]',
          code: 'expired_incentive',
          message: '扶持措施「项目审批绿色通道」所属政策已于 2026-06-01 失效，不能再选用',
        },
      ]);
      expect(await page('/console/projects/new')).not.toContain('六月底到期的政策');
      // the project that has it keeps it (and its form shows it, marked)
      expect(
        (await henanOfficer.call('PATCH', `/projects/${project.body.id}`, { incentiveIds: [incentiveId], title: '改名后的项目' })).status,
      ).toBe(200);
      expect(await page(`/console/projects/${project.body.id}/edit`)).toMatch(/六月底到期的政策[\s\S]*?已失效/);
      clock.set('2026-06-01T02:00:00Z');
    });

    it('are 已失效 in the 政策计算器, not "not eligible", and left out unless asked for', async () => {
      const gone = (
        await henanOfficer.call(
          'POST',
          '/policies',
          policyBody({ title: '过期的产教融合政策', validFrom: '2021-01-01', validTo: '2025-12-31' }),
        )
      ).body;
      await henanOfficer.call('POST', `/policies/${gone.id}/publish`);
      const incentiveId = gone.incentives[0].id;
      const e = (await admin.call('POST', '/enterprises', enterpriseBody())).body;
      const list = (await henanOfficer.call('GET', `/enterprises/${e.id}/incentives?pageSize=100`)).body;
      expect(list.items.map((x: { incentive: { id: number } }) => x.incentive.id)).not.toContain(incentiveId);
      expect(list.counts.expired).toBeGreaterThanOrEqual(1);
      const all = (await henanOfficer.call('GET', `/enterprises/${e.id}/incentives?pageSize=100&includeExpired=true`)).body;
      expect(all.items.find((x: { incentive: { id: number } }) => x.incentive.id === incentiveId)).toMatchObject({
        status: 'expired',
        statusLabel: '已失效',
        missing: [],
      });
      const only = (await henanOfficer.call('GET', `/enterprises/${e.id}/incentives?status=expired`)).body;
      expect(only.items.map((x: { status: string }) => x.status)).toEqual(only.items.map(() => 'expired'));
      expect(only.items.map((x: { incentive: { id: number } }) => x.incentive.id)).toContain(incentiveId);
    });
  });
});
