import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, policyBody } from '../support/factories.js';

/**
 * The 政策计算器 through the API: one incentive evaluated for an enterprise whatever the regions
 * (so "not eligible: region" can be read), with the list's access rules.
 */
describe('eligibility API: one incentive for one enterprise', () => {
  let t: TestApp;
  let admin: TestActor;
  let henanOfficer: TestActor;

  beforeAll(async () => {
    t = await startTestApp();
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
    const hubei = (await admin.call('POST', '/enterprises', enterpriseBody({ name: '湖北荆楚食品有限公司', homeRegionCode: '420100', targetRegionCodes: ['420100'] }))).body;
    const user = await actor(t, 'enterprise', { enterpriseId: hubei.id });

    const list = await user.call('GET', `/enterprises/${hubei.id}/incentives?pageSize=100`);
    expect(list.body.items.map((x: { incentive: { id: number } }) => x.incentive.id)).not.toContain(incentiveId);

    const one = await user.call('GET', `/enterprises/${hubei.id}/incentives/${incentiveId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ enterprise: { id: hubei.id }, incentive: { id: incentiveId, title: '项目审批绿色通道' }, status: 'not_eligible', statusLabel: '暂不符合' });
    expect(one.body.checks).toEqual([
      { condition: 'policyValidity', label: '政策有效期', status: 'met', reason: '政策长期有效' },
      { condition: 'policyRegion', label: '适用地区', status: 'unmet', reason: '注册地和投资意向地都不在政策适用地区「河南省」内' },
      { condition: 'certification', label: '资质认定', status: 'unknown', reason: '已申报产教融合型企业，待主管部门核验' },
    ]);
    expect(one.body.missing).toEqual(['已申报产教融合型企业，待主管部门核验']);
  });

  it('follows the list\'s access rules: the enterprise\'s own users and staff who may read both; others 404', async () => {
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
});
