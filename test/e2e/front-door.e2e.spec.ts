import { startTestApp, type TestApp } from '../support/app.js';

/**
 * Issue 11 item 16: a newcomer signing up with the defaults (每日汇总) gets no match mail until the
 * next morning's digest — 企业入驻 says so where the choice is made, and how to get it at once (即时).
 */
describe('企业入驻: when the first match mail comes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DIGEST_HOUR: '9' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the sign-up form says the default is the next morning's digest and offers 即时 to get it at once", async () => {
    const html = await (await fetch(`${t.url}/join`)).text();
    const note = /<p class="notice" id="match-mail-timing">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(note).toContain('默认为「每日汇总」');
    expect(note).toContain('次日北京时间 9 点'); // DIGEST_HOUR, not a hard-coded hour
    expect(note).toContain('入驻当天不会立即收到');
    expect(note).toContain('请选择「即时」');
    // the default really is the daily digest, and 即时 is one click away
    expect(html).toMatch(/name="notificationFrequency" value="daily" checked/);
    expect(html).toMatch(/name="notificationFrequency" value="instant"[^>]*> 即时/);
  });

  it('the confirmation page repeats it', async () => {
    const html = await (await fetch(`${t.url}/join/done`)).text();
    expect(html).toContain('匹配结果在次日北京时间 9 点汇总发送');
    expect(html).toContain('选「即时」时匹配产生后立即发送');
  });
});
