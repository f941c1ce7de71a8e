import { FakeClock } from '../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, policyBody } from '../support/factories.js';

/**
 * Certifications count only as an officer verified them and while they are valid: an enterprise
 * changing the number or validity of a verified claim sends it back to review (audited, in the
 * officers' review list), and a certificate past its validity counts as not held in the 政策计算器
 * and in 政策找企业 alike.
 */
describe('certification claims: re-review on change, expiry', () => {
  let t: TestApp;
  let officer: TestActor;
  const clock = new FakeClock(new Date('2026-04-30T02:00:00Z')); // 10:00 in 河南
  const kind = 'industry_education_integration';

  beforeAll(async () => {
    t = await startTestApp({ clock });
    officer = await actor(t, 'officer', { region: '410200' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const claim = (certificateNo: string, validUntil: string) => [{ kind, certificateNo, validUntil }];
  const verifiedEnterprise = async (name: string, validUntil = '2027-12-31') => {
    const e = (
      await officer.call('POST', '/enterprises', enterpriseBody({ name, certifications: claim('豫产教融合〔2023〕037', validUntil) }))
    ).body;
    expect((await officer.call('POST', `/enterprises/${e.id}/certifications/${kind}/verify`, { note: '已核对入库名单' })).status).toBe(200);
    return { id: e.id as number, user: await actor(t, 'enterprise', { enterpriseId: e.id }) };
  };
  const certOf = async (id: number) =>
    (await officer.call('GET', `/enterprises/${id}`)).body.certifications.find((c: { kind: string }) => c.kind === kind);
  const reviewList = async () => {
    const r = await fetch(`${t.url}/console/enterprises?pending=1`, { headers: { authorization: `Bearer ${officer.token}` } });
    expect(r.status).toBe(200);
    return r.text();
  };

  it('keeps a verified claim verified when re-stated unchanged, and sends it back to 待核验 when its number or validity changes', async () => {
    const { id, user } = await verifiedEnterprise('河南重审测试企业');
    expect(await reviewList()).not.toContain('河南重审测试企业');

    expect(
      (await user.call('PATCH', `/enterprises/${id}`, { certifications: claim('豫产教融合〔2023〕037', '2027-12-31'), needLandMu: 80 }))
        .status,
    ).toBe(200);
    expect(await certOf(id)).toMatchObject({ status: 'verified', reviewNote: '已核对入库名单' });

    const renumbered = await user.call('PATCH', `/enterprises/${id}`, { certifications: claim('豫产教融合〔2025〕999', '2027-12-31') });
    expect(renumbered.status).toBe(200);
    expect(await certOf(id)).toMatchObject({
      status: 'claimed',
      certificateNo: '豫产教融合〔2025〕999',
      reviewedAt: null,
      reviewNote: null,
    });
    const [audit] = await t.dataSource.query(
      `SELECT actor_user_id, region_code, detail FROM audit_log WHERE action = 'certification.reclaimed' AND target_id = $1`,
      [String(id)],
    );
    expect(audit).toMatchObject({
      actor_user_id: user.userId,
      region_code: '410223',
      detail: {
        kind,
        changed: ['certificateNo'],
        before: { certificateNo: '豫产教融合〔2023〕037' },
        after: { certificateNo: '豫产教融合〔2025〕999' },
      },
    });
    // the reviewing officers see it again
    expect(await reviewList()).toContain('河南重审测试企业');

    // verified again, then a longer validity: back to review once more
    await officer.call('POST', `/enterprises/${id}/certifications/${kind}/verify`, {});
    expect((await user.call('PATCH', `/enterprises/${id}`, { certifications: claim('豫产教融合〔2025〕999', '2030-12-31') })).status).toBe(
      200,
    );
    expect(await certOf(id)).toMatchObject({ status: 'claimed', validUntil: '2030-12-31' });
    const changes = await t.dataSource.query(
      `SELECT detail->'changed' AS changed FROM audit_log WHERE action = 'certification.reclaimed' AND target_id = $1 ORDER BY id`,
      [String(id)],
    );
    expect(changes.map((c: { changed: string[] }) => c.changed)).toEqual([['certificateNo'], ['validUntil']]);
  });

  it('counts a certificate past its validity as not held, in the 政策计算器 and 政策找企业 alike', async () => {
    const policy = (await officer.call('POST', '/policies', policyBody({ regionCode: '410200' }))).body;
    await officer.call('POST', `/policies/${policy.id}/publish`);
    const incentiveId = policy.incentives[0].id;
    const { id } = await verifiedEnterprise('河南证书到期测试企业', '2026-05-01');
    const calculator = async () =>
      (await officer.call('GET', `/enterprises/${id}/incentives`)).body.items.find(
        (x: { incentive: { id: number } }) => x.incentive.id === incentiveId,
      );
    const finder = async () =>
      (await officer.call('GET', `/incentives/${incentiveId}/eligible-enterprises?pageSize=100`)).body.items.map(
        (x: { enterprise: { id: number } }) => x.enterprise.id,
      );

    // valid through its last day
    clock.set('2026-05-01T15:00:00Z'); // 23:00 on 1 May in 河南
    expect((await calculator()).status).toBe('eligible');
    expect(await finder()).toContain(id);

    clock.set('2026-05-01T16:30:00Z'); // 00:30 on 2 May in 河南
    const after = await calculator();
    expect(after.status).toBe('not_eligible');
    expect(after.checks.find((c: { condition: string }) => c.condition === 'certification')).toEqual({
      condition: 'certification',
      status: 'unmet',
      reason: '产教融合型企业证书已过期（有效期至2026-05-01）',
    });
    expect(await finder()).not.toContain(id);
    // the claim itself stays as the officer left it: verified, shown with its date
    expect(await certOf(id)).toMatchObject({ status: 'verified', validUntil: '2026-05-01' });
  });
});
