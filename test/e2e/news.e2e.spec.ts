import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { DigestBuilder } from '../../src/notifications/digest-builder.js';
import { NotificationEventProcessor } from '../../src/notifications/notification-events.processor.js';
import { NotificationSender } from '../../src/notifications/notification-sender.js';
import { FakeClock } from '../../src/platform/clock/clock.js';
import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor } from '../support/auth.js';
import { insertEnterprise, insertEvent, insertMatch, insertProject } from '../support/notification-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';

/**
 * 投稿 end to end over HTTP with real mail: a guest submits through the page, confirms by the
 * e-mailed link, the 尉氏县 officer approves, the submitter is told; the article is on /news and
 * in the Atom feeds (parsed and validated as XML); the enterprise digest carries it exactly once.
 */
describe('news: guest submission → confirmation link → approval → /news, feed, digest', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  const clock = new FakeClock(new Date('2026-03-02T02:00:00Z'));
  const guest = 'reporter@example.com';
  const title = '尉氏县纺织服装产业园新签约三个项目';

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ clock, env: { SMTP_URL: sink.url, PUBLIC_BASE_URL: 'https://zhaoshang.example.gov.cn' } });
    ds = t.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const sendPending = async () => {
    const rows: Array<{ id: string }> = await ds.query(`SELECT id FROM notification WHERE status = 'pending' ORDER BY id`);
    for (const r of rows) await t.get(NotificationSender).send(Number(r.id));
  };
  const mailTo = (address: string) => sink.received.filter((m) => m.to.includes(address));
  const form = (path: string, body: Record<string, string>) =>
    fetch(t.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
      redirect: 'manual',
    });

  it('runs the whole path, and the digest carries the article once', async () => {
    // the guest submits through the page (an empty title first: the form says which field)
    const base = {
      region1: '410000',
      region2: '410200',
      region3: '410223',
      body: '尉氏县纺织服装产业园新签约三个项目，总投资 6.5亿元。',
      submitterName: '李记者',
      submitterEmail: guest,
    };
    const bad = await form('/news/submit', { ...base, title: '' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('id="e-title"');
    const ok = await form('/news/submit', { ...base, title });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/news/submit/done');
    const [{ id }] = await ds.query(`SELECT id FROM article WHERE title = $1`, [title]);
    expect((await http(t.url, 'GET', `/articles/${id}`)).status).toBe(404);
    expect((await fetch(`${t.url}/news/${id}`)).status).toBe(404);

    // the e-mailed link confirms it
    await sendPending();
    const [confirm] = mailTo(guest);
    expect(confirm.subject).toBe('请确认您的投稿');
    const link = new URL(/https:\/\/zhaoshang\.example\.gov\.cn\/news\/submit\/confirm\?token=[\w-]+/.exec(confirm.text)![0]);
    const confirmed = await fetch(t.url + link.pathname + link.search);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('投稿已确认');

    // the 尉氏县 officer approves; a 洛阳 officer cannot even see it
    const weishi = await actor(t, 'officer', { region: '410223' });
    const luoyang = await actor(t, 'officer', { region: '410300' });
    expect((await luoyang.call('POST', `/articles/${id}/approve`)).status).toBe(404);
    const queue = await weishi.call('GET', '/articles/moderation?status=submitted');
    expect(queue.body.items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect((await weishi.call('POST', `/articles/${id}/approve`)).status).toBe(200);
    await sendPending();
    expect(mailTo(guest).map((m) => m.subject)).toEqual(['请确认您的投稿', '您的投稿已发布']);
    expect(mailTo(guest)[1].text).toContain(`https://zhaoshang.example.gov.cn/news/${id}`);

    // public: the list (search and region), the article page with canonical URL, the feeds
    const list = await (await fetch(`${t.url}/news?q=${encodeURIComponent('纺织服装')}`)).text();
    expect(list).toContain(title);
    const page = await (await fetch(`${t.url}/news/${id}`)).text();
    expect(page).toContain(`<link rel="canonical" href="https://zhaoshang.example.gov.cn/news/${id}">`);
    expect(page).toMatch(/<meta name="description" content="[^"]+">/);
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const [query, has] of [
      ['', true],
      ['?region=410223', true],
      ['?region=410200', true],
      ['?region=410300', false],
    ] as const) {
      const res = await fetch(`${t.url}/news/feed.xml${query}`);
      expect(res.headers.get('content-type')).toContain('application/atom+xml');
      const xml = await res.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = parser.parse(xml).feed;
      expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      const entries = feed.entry === undefined ? [] : Array.isArray(feed.entry) ? feed.entry : [feed.entry];
      const titles = entries.map((e: { title: string | { '#text': string } }) =>
        typeof e.title === 'string' ? e.title : e.title['#text'],
      );
      expect({ query, has: titles.includes(title) }).toEqual({ query, has });
      if (has) expect(entries.find((e: { id: string }) => e.id === `https://zhaoshang.example.gov.cn/news/${id}`)).toBeDefined();
    }
    const sitemap = await (await fetch(`${t.url}/sitemap.xml`)).text();
    expect(XMLValidator.validate(sitemap)).toBe(true);
    expect(sitemap).toContain(`<loc>https://zhaoshang.example.gov.cn/news/${id}</loc>`);

    // an enterprise looking at 尉氏县 gets it in its next digest, and never again
    const email = 'digest-reader@example.com';
    const e = await insertEnterprise(ds, { email, frequency: 'instant' });
    await ds.query(`UPDATE enterprise SET target_region_codes = '{410223}', target_region_path = '{410000,410200,410223}' WHERE id = $1`, [
      e,
    ]);
    const digestOnce = async (projectTitle: string) => {
      const p = await insertProject(ds, { title: projectTitle });
      const m = await insertMatch(ds, e, p, { score: 80 });
      await insertEvent(ds, 'match.new', { enterpriseId: e, projectId: p, matchId: m, score: 80 });
      const before = mailTo(email).length;
      await t.get(NotificationEventProcessor).drain(); // instant: the digest may be built right here
      await t.get(DigestBuilder).buildDue();
      await sendPending();
      expect(mailTo(email).length).toBe(before + 1);
      return mailTo(email).at(-1)!;
    };
    const first = await digestOnce('尉氏县纺织服装产业园标准化厂房');
    expect(first.html).toContain('本周招商资讯');
    expect(first.html.split(title).length - 1).toBe(1);
    expect(first.text).toContain(`https://zhaoshang.example.gov.cn/news/${id}`);
    const second = await digestOnce('尉氏县家纺产业园二期');
    expect(second.html).not.toContain(title);
    expect(second.html).not.toContain('本周招商资讯');
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM article_delivery WHERE enterprise_id = $1 AND article_id = $2`, [e, id]);
    expect(n).toBe(1);
  });
});
