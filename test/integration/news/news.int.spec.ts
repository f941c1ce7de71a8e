import { http, startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';
import { projectBody } from '../../support/factories.js';

const article = (over: Record<string, unknown> = {}) => ({
  title: '尉氏县生猪产业链招商取得新进展',
  summary: '尉氏县生猪屠宰加工项目签约',
  body: '尉氏县围绕生猪全产业链招商，总投资 14.85亿元 的生猪屠宰及肉制品加工项目签约落地。',
  regionCode: '410223',
  industryCodes: ['C13'],
  status: 'published',
  ...over,
});

describe('news: articles, search, subtree filters, submissions and moderation', () => {
  let t: TestApp;
  let kaifeng: TestActor;
  let weishi: TestActor;
  let luoyang: TestActor;
  let admin: TestActor;
  const anon = (method: string, path: string, body?: unknown) => http(t.url, method, path, body);
  const count = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM article`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    kaifeng = await actor(t, 'officer', { region: '410200' });
    weishi = await actor(t, 'officer', { region: '410223' });
    luoyang = await actor(t, 'officer', { region: '410300' });
    admin = await actor(t, 'admin');
  });
  afterAll(async () => t?.close());

  it('staff publish articles of their region; search finds 尉氏县 and 生猪 (jieba); region and industry filters include subtrees', async () => {
    const a = await weishi.call('POST', '/articles', article());
    expect(a.status).toBe(201);
    expect(a.body.bodyHtml).toContain('生猪屠宰');
    const b = await luoyang.call(
      'POST',
      '/articles',
      article({
        title: '洛阳市智能制造项目集中开工',
        summary: '',
        body: '洛阳市 智能制造 装备项目集中开工。',
        regionCode: '410300',
        industryCodes: ['C34'],
      }),
    );
    expect(b.status).toBe(201);
    const draft = await weishi.call('POST', '/articles', article({ title: '尉氏县草稿', status: 'draft' }));
    expect(draft.status).toBe(201);

    const ids = async (path: string) => ((await anon('GET', path)).body.items as Array<{ id: number }>).map((i) => i.id);
    expect(await ids('/articles?q=尉氏县')).toEqual([a.body.id]);
    expect(await ids('/articles?q=生猪')).toEqual([a.body.id]);
    expect(await ids(`/articles?q=${encodeURIComponent('智能制造')}`)).toEqual([b.body.id]);
    // 开封市 includes 尉氏县; 河南省 both; 洛阳市 only its own
    expect(await ids('/articles?region=410200')).toEqual([a.body.id]);
    expect((await ids('/articles?region=410000')).sort()).toEqual([a.body.id, b.body.id].sort());
    expect(await ids('/articles?region=410300')).toEqual([b.body.id]);
    // C includes C13 and C34; C1351 is narrower than C13 (not included)
    expect((await ids('/articles?industry=C')).sort()).toEqual([a.body.id, b.body.id].sort());
    expect(await ids('/articles?industry=C13')).toEqual([a.body.id]);
    // drafts are never public
    expect((await anon('GET', `/articles/${draft.body.id}`)).status).toBe(404);
    expect((await ids('/articles?pageSize=100')).includes(draft.body.id)).toBe(false);
    // an officer of another region cannot publish into 尉氏县
    expect((await luoyang.call('POST', '/articles', article())).status).toBe(403);
  });

  it('suggests regions, amounts and the demo project the text names; the editor confirms them', async () => {
    const p = await admin.call(
      'POST',
      '/projects',
      projectBody({ code: 'NEWS-1', title: '尉氏县生猪屠宰及肉制品深加工项目', regionCode: '410223' }),
    );
    expect(p.status).toBe(201);
    expect((await admin.call('POST', `/projects/${p.body.id}/publish`)).status).toBe(200);
    const a = await weishi.call(
      'POST',
      '/articles',
      article({ body: '尉氏县签约总投资14.85亿元的生猪屠宰及肉制品深加工项目，洛阳市也在推进同类项目。', status: 'draft' }),
    );
    expect(a.status).toBe(201);
    expect(a.body.suggestions.projectIds).toEqual([p.body.id]);
    expect(a.body.suggestions.regionCodes).toContain('410300');
    expect(a.body.suggestions.amounts).toContainEqual({ text: '14.85亿元', yuan: 1_485_000_000 });
    const confirmed = await weishi.call('PATCH', `/articles/${a.body.id}`, {
      relatedProjectIds: [p.body.id],
      regionCodes: ['410223', '410300'],
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.relatedProjectIds).toEqual([p.body.id]);
    expect(confirmed.body.suggestions.projectIds).toEqual([]);
    expect(confirmed.body.regions.map((r: { code: string }) => r.code)).toEqual(['410223', '410300']);
  });

  it('a submission is invisible until approved; a 开封 officer may moderate it, a 洛阳 officer gets 404', async () => {
    const enterpriseUser = await actor(t, 'officer', { region: '410100' }); // staff of another region submit like anyone
    const s = await enterpriseUser.call('POST', '/articles/submissions', {
      title: '尉氏县投稿',
      body: '尉氏县 纺织服装 产业招商',
      regionCode: '410223',
    });
    expect(s.status).toBe(201);
    expect(s.body).toEqual({ id: expect.any(Number), status: 'submitted' });
    expect((await anon('GET', `/articles/${s.body.id}`)).status).toBe(404);
    expect(((await anon('GET', '/articles?q=纺织服装')).body.items as unknown[]).length).toBe(0);
    expect((await luoyang.call('GET', `/articles/${s.body.id}`)).status).toBe(404);
    expect((await luoyang.call('POST', `/articles/${s.body.id}/approve`)).status).toBe(404);
    expect((await luoyang.call('POST', `/articles/${s.body.id}/reject`, { reason: '无关' })).status).toBe(404);
    const queue = await kaifeng.call('GET', '/articles/moderation?status=submitted');
    expect(queue.body.items.map((i: { id: number }) => i.id)).toContain(s.body.id);
    const approved = await kaifeng.call('POST', `/articles/${s.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('published');
    expect((await anon('GET', `/articles/${s.body.id}`)).status).toBe(200);
    expect((await kaifeng.call('POST', `/articles/${s.body.id}/approve`)).status).toBe(409);
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE target_type = 'article' AND target_id = $1 ORDER BY id`, [
      String(s.body.id),
    ]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['article.submitted', 'article.approved']);
    const mail = await t.dataSource.query(`SELECT template, data->>'title' AS title FROM notification WHERE dedupe_key = $1`, [
      `article-approved:${s.body.id}`,
    ]);
    expect(mail).toEqual([{ template: 'notice', title: '您的投稿已发布' }]);
  });

  it('a guest submission waits for the e-mailed link; rejection carries the reason to the guest', async () => {
    const s = await anon('POST', '/articles/submissions', {
      title: '访客投稿',
      body: '尉氏县 招商',
      regionCode: '410223',
      submitterName: '王五',
      submitterEmail: 'guest@example.com',
    });
    expect(s.status).toBe(201);
    const queue = async () =>
      (await weishi.call('GET', '/articles/moderation?status=submitted')).body.items.map((i: { id: number }) => i.id);
    expect(await queue()).not.toContain(s.body.id);
    expect((await weishi.call('POST', `/articles/${s.body.id}/approve`)).status).toBe(409);
    const [confirmMail] = await t.dataSource.query(`SELECT recipient_email, data FROM notification WHERE dedupe_key = $1`, [
      `article-confirm:${s.body.id}`,
    ]);
    expect(confirmMail.recipient_email).toBe('guest@example.com');
    const token = new URL(confirmMail.data.action.url).searchParams.get('token')!;
    expect((await anon('POST', '/articles/submissions/confirm', { token })).status).toBe(200);
    expect((await anon('POST', '/articles/submissions/confirm', { token })).status).toBe(400); // single use
    expect(await queue()).toContain(s.body.id);
    expect((await weishi.call('POST', `/articles/${s.body.id}/reject`, { reason: '' })).status).toBe(400);
    const r = await weishi.call('POST', `/articles/${s.body.id}/reject`, { reason: '内容与招商无关' });
    expect(r.status).toBe(200);
    expect(r.body.rejectionReason).toBe('内容与招商无关');
    expect((await anon('GET', `/articles/${s.body.id}`)).status).toBe(404);
    const [mail] = await t.dataSource.query(`SELECT recipient_email, data FROM notification WHERE dedupe_key = $1`, [
      `article-rejected:${s.body.id}`,
    ]);
    expect(mail.recipient_email).toBe('guest@example.com');
    expect(mail.data.paragraphs.join('')).toContain('内容与招商无关');
    // a guest must say who they are
    const noEmail = await anon('POST', '/articles/submissions', {
      title: '无邮箱',
      body: '正文',
      regionCode: '410223',
      submitterName: '王五',
    });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.errors.map((e: { field: string }) => e.field)).toEqual(['submitterEmail']);
  });

  it('bad input: empty title, 5 MB body, unknown region, HTML bombs → 400 naming the field, nothing written', async () => {
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '   ' }, 'title'],
      [{ body: '尉'.repeat((5 * 1024 * 1024) / 3) + 'x'.repeat(2) }, 'body'], // 5 MB of UTF-8
      [{ regionCode: '419999' }, 'regionCode'],
      [{ body: '<div>'.repeat(10_000) + '炸弹' }, 'body'],
      [{ body: '<b>x</b>'.repeat(6000) }, 'body'],
      [{ body: '>'.repeat(2000) + ' 引用炸弹' }, 'body'],
      [{ sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
    ];
    for (const [over, field] of cases) {
      for (const [call, body] of [
        [weishi.call, article(over)],
        [anon, { ...article(over), status: undefined, industryCodes: undefined, submitterName: '甲', submitterEmail: 'a@example.com' }],
      ] as const) {
        const path = call === anon ? '/articles/submissions' : '/articles';
        const res = await call('POST', path, JSON.parse(JSON.stringify(body)));
        expect({ path, field, status: res.status }).toEqual({ path, field, status: 400 });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
    expect(await count()).toBe(before);
  });
});
