import { UsersService } from '../../../src/accounts/users.service.js';
import { LeadsService } from '../../../src/leads/leads.service.js';
import { InboxService } from '../../../src/notifications/inbox.service.js';
import { policyBody } from '../../support/factories.js';
import { PoliciesService } from '../../../src/policies/policies.service.js';
import { createPolicySchema } from '../../../src/policies/policy.schemas.js';
import { ProjectsService } from '../../../src/projects/projects.service.js';
import { parseOrThrow } from '../../../src/platform/validation/zod-validation.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';
import { leadFixtures } from '../../support/lead-fixtures.js';

/**
 * Where a lead comes from, recorded: 手工录入 / 政策找企业 (the region from the policy, narrowed to
 * the officer's) / 主动咨询 from an enterprise on a 项目库 or 政策库 page — the enterprise then sees
 * who will call (name, bureau, phone, e-mail), and the officer finds it in the 消息中心.
 */
describe('lead sources, inquiries and contacts', () => {
  let t: TestApp;
  let officer: TestActor;
  let fx: ReturnType<typeof leadFixtures>;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await actor(t, 'officer', { region: '410223' });
    await t.dataSource.transaction((m) => t.get(UsersService).update(officer.userId, { phone: '0371-27970002' }, m));
    fx = leadFixtures(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const publishedPolicy = async () => {
    const p = await t.get(PoliciesService).create(parseOrThrow(createPolicySchema, policyBody({ title: `测试政策${Date.now()}` })));
    await t.get(PoliciesService).setPublished(p.id, true);
    return t.get(PoliciesService).get(p.id);
  };

  it("records 政策找企业 with the region narrowed to the officer's, and 手工录入 by default", async () => {
    const e = await fx.enterprise();
    const policy = await publishedPolicy();
    const incentiveId = policy.incentives![0].id;
    const r = await officer.call('POST', '/leads', { enterpriseId: e.id, incentiveId });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ source: 'policy', sourceLabel: '政策找企业', region: { code: '410223' } });
    expect(r.body.timeline.find((a: { kind: string }) => a.kind === 'created').summary).toContain('政策找企业');

    const again = await officer.call('POST', '/leads', { enterpriseId: e.id, incentiveId });
    expect(again.status).toBe(200); // the same open lead, not a second one

    const manual = await officer.call('POST', '/leads', { enterpriseId: (await fx.enterprise()).id, regionCode: '410223' });
    expect(manual.body).toMatchObject({ source: 'manual', sourceLabel: '手工录入' });

    // a match's source cannot be claimed without the match; an unknown incentive names its field
    expect((await officer.call('POST', '/leads', { enterpriseId: e.id, regionCode: '410223', source: 'match' })).body.errors).toEqual([
      expect.objectContaining({ field: 'source' }),
    ]);
    expect((await officer.call('POST', '/leads', { enterpriseId: e.id, incentiveId: 999_999 })).body.errors).toEqual([
      expect.objectContaining({ field: 'incentiveId' }),
    ]);
  });

  it('lets an enterprise ask about a project or a policy: a 主动咨询 lead, who will call, and a message for the officer', async () => {
    const e = await fx.enterprise();
    const owner = await actor(t, 'enterprise', { enterpriseId: e.id });
    const p = await fx.project({ regionCode: '410223' });
    await t.get(ProjectsService).setPublished(p.id, true);

    const before = await t.get(InboxService).unreadCount(officer.userId);
    const r = await owner.call('POST', '/leads/inquiries', { projectId: p.id, message: '想了解用地条件' });
    expect(r.status).toBe(201);
    expect(r.body.contact).toEqual({
      name: '测试officer',
      bureau: expect.stringContaining('测试招商局'),
      phone: '0371-27970002',
      email: officer.email,
    });
    expect((await owner.call('POST', '/leads/inquiries', { projectId: p.id, message: '再问一次' })).status).toBe(200);

    const lead = (await officer.call('GET', `/leads/${r.body.id}`)).body;
    expect(lead).toMatchObject({ source: 'inquiry', sourceLabel: '主动咨询', project: { id: p.id } });
    expect(lead.timeline.find((a: { kind: string }) => a.kind === 'created').summary).toContain('想了解用地条件');
    // the officer's 消息中心: one new message, linking to the lead
    expect(await t.get(InboxService).unreadCount(officer.userId)).toBe(before + 1);
    const inbox = (await officer.call('GET', '/inbox?unread=true')).body;
    expect(inbox.items[0]).toMatchObject({ kind: 'inquiry', link: `/console/leads/${r.body.id}` });
    const read = await officer.call('POST', `/inbox/${inbox.items[0].id}/read`);
    expect(read.body.link).toBe(`/console/leads/${r.body.id}`);
    expect((await officer.call('GET', '/inbox/unread-count')).body.unread).toBe(before);
    // someone else's message is not found
    expect((await owner.call('POST', `/inbox/${inbox.items[0].id}/read`)).status).toBe(404);

    // 我的线索 (the API's enterprise view): the officer's name, bureau, phone and e-mail
    const mine = (await owner.call('GET', '/leads')).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0].contact).toEqual({ name: '测试officer', bureau: expect.any(String), phone: '0371-27970002', email: officer.email });

    const policy = await publishedPolicy();
    const asked = await owner.call('POST', '/leads/inquiries', { policyId: policy.id, message: '是否符合条件？' });
    expect(asked.status).toBe(201);
    // the policy applies to 河南省: the lead goes to the province (no officer of ours there)
    expect((await t.get(LeadsService).contactsOf([asked.body.id])).size).toBe(asked.body.contact ? 1 : 0);

    // neither both nor none; staff may not ask; an unpublished project is unknown
    expect((await owner.call('POST', '/leads/inquiries', { message: 'x' })).status).toBe(400);
    expect((await officer.call('POST', '/leads/inquiries', { projectId: p.id, message: 'x' })).status).toBe(403);
    const draft = await fx.project({ regionCode: '410223' });
    expect((await owner.call('POST', '/leads/inquiries', { projectId: draft.id, message: 'x' })).status).toBe(404);
  });

  it('tells the enterprise when an officer reviews its certification (消息中心)', async () => {
    const e = await fx.enterprise();
    const owner = await actor(t, 'enterprise', { enterpriseId: e.id });
    const r = await officer.call('POST', `/enterprises/${e.id}/certifications/industry_education_integration/verify`, {});
    expect(r.status).toBeLessThan(300);
    const inbox = (await owner.call('GET', '/inbox')).body;
    expect(inbox.items[0]).toMatchObject({ kind: 'certification', title: expect.stringContaining('已核验'), link: '/portal/profile' });
    expect(inbox.unread).toBeGreaterThanOrEqual(1); // (and any new match of the enterprise)
    expect((await owner.call('POST', '/inbox/read-all')).body.marked).toBe(inbox.unread);
    expect((await owner.call('GET', '/inbox/unread-count')).body).toEqual({ unread: 0 });
  });
});
