import { DataSource } from 'typeorm';
import { MatchingEngine } from '../../../src/matching/matching.engine.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { actor } from '../../support/auth.js';
import { matchingFixtures } from '../../support/matching-fixtures.js';
import { rawHeader, SmtpSink } from '../../support/smtp-sink.js';

/**
 * The whole chain with the real matching engine (no synthetic events): a published project is
 * matched, the engine's events become an enterprise's instant match mail; the enterprise says
 * "interested" through the API and the officers of the project's region hear about it.
 */
describe('notifications with the matching engine', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ env: { WORKERS: 'true', SMTP_URL: sink.url, MAIL_RATE_PER_SECOND: '1000' } });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('a new match reaches the enterprise; its interest reaches the officers of the region', async () => {
    const f = matchingFixtures(t);
    const cjrh = await f.policy();
    const farm = await f.enterprise(
      {
        name: '河南牧丰农牧科技有限公司',
        industryCodes: ['A0313', 'C1351'],
        homeRegionCode: '410221',
        targetRegionCodes: ['410200'],
        investmentMinYuan: 100_000_000,
        investmentMaxYuan: 1_000_000_000,
        description: '生猪养殖、屠宰及肉制品加工，与职业院校共建实训基地。',
        contacts: [{ name: '王经理', email: 'wang.farm@example.com' }],
        notificationFrequency: 'instant',
      },
      ['industry_education_integration'],
    );
    const officer = await actor(t, 'officer', { region: '410200', email: 'officer.kaifeng@example.com' });
    const elsewhere = await actor(t, 'officer', { region: '411300', email: 'officer.nanyang@example.com' });
    const project = await f.project({
      title: '尉氏县生猪现代农业产业园',
      description: '生猪养殖、屠宰及肉制品精深加工，共建实训基地',
      regionCode: '410223',
      industryCodes: ['A0313', 'C1351'],
      totalInvestmentYuan: 800_000_000,
      incentiveIds: cjrh.incentiveIds,
    });
    await t.get(MatchingEngine).matchProject(project);
    const [match] = await t
      .get(DataSource)
      .query(`SELECT id, score FROM match WHERE enterprise_id = $1 AND project_id = $2`, [farm, project]);
    expect(match).toBeDefined();

    await sink.waitFor((r) => r.some((m) => m.to.includes('wang.farm@example.com')), 30_000, 'the match mail');
    const mail = sink.received.find((m) => m.to.includes('wang.farm@example.com'))!;
    expect(mail.subject).toBe('新的招商项目匹配：尉氏县生猪现代农业产业园');
    expect(mail.html).toContain(`/portal/matches/${match.id}`);
    expect(mail.html).toContain(`<strong style="color:#b42318;font-size:18px;">${match.score}</strong> 分`);
    expect(mail.html).toContain('项目审批绿色通道');
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(sink.received.filter((m) => m.to.includes('wang.farm@example.com'))).toHaveLength(1);

    const user = await actor(t, 'enterprise', { enterpriseId: farm });
    expect((await user.call('POST', `/matches/${match.id}/interest`)).status).toBeLessThan(300);
    await sink.waitFor((r) => r.some((m) => m.to.includes(officer.email) && m.text.includes('表示感兴趣')), 30_000, "the officer's alert");
    const alert = sink.received.filter((m) => m.to.includes(officer.email) && m.text.includes('表示感兴趣'));
    expect(alert).toHaveLength(1);
    expect(alert[0].text).toContain('河南牧丰农牧科技有限公司 对「尉氏县生猪现代农业产业园」表示感兴趣');
    expect(sink.received.filter((m) => m.to.includes(elsewhere.email))).toHaveLength(0);
  });
});
