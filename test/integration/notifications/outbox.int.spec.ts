import { DataSource } from 'typeorm';
import { NotificationsService, messageIdFor } from '../../../src/notifications/notifications.service.js';
import { noticeTemplate } from '../../../src/notifications/templates/notice.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { SmtpSink } from '../../support/smtp-sink.js';

describe('notifications: the message outbox and the sender', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let svc: NotificationsService;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ env: { WORKERS: 'true', SMTP_URL: sink.url, MAIL_RATE_PER_SECOND: '1000' } });
    svc = t.get(NotificationsService);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const notice = (title: string) => ({
    title,
    paragraphs: ['第一段', '<b>不是标签</b>'],
    action: { label: '查看', url: 'https://example.com/x' },
  });

  it('sends a committed message once, with a Message-ID derived from the dedupe key; a second enqueue is a no-op', async () => {
    const ds = t.get(DataSource);
    const first = await ds.transaction((m) =>
      svc.enqueue(m, {
        template: noticeTemplate,
        recipient: { email: 'Someone@Example.com', name: '张三' },
        data: notice('你好'),
        dedupeKey: 'test:hello',
        category: 'transactional',
      }),
    );
    const second = await ds.transaction((m) =>
      svc.enqueue(m, {
        template: 'notice',
        recipient: { email: 'someone@example.com' },
        data: notice('又一次'),
        dedupeKey: 'test:hello',
        category: 'transactional',
      }),
    );
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });

    await sink.waitFor((r) => r.some((m) => m.subject === '你好'));
    const mail = sink.received.find((m) => m.subject === '你好')!;
    expect(mail.messageId).toBe(messageIdFor('test:hello', t.config.MAIL_FROM));
    expect(mail.to).toEqual(['someone@example.com']);
    expect(mail.html).toContain('&lt;b&gt;不是标签&lt;/b&gt;');
    expect(mail.text).toContain('<b>不是标签</b>');
    expect(mail.headers.get('list-unsubscribe')).toBeUndefined(); // transactional

    await waitForStatus(ds, first.id, 'sent');
    const [row] = await ds.query(`SELECT status, attempts, provider_message_id, sent_at FROM notification WHERE id = $1`, [first.id]);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(row.provider_message_id).toMatch(/^Q\d+$/);
    expect(sink.received.filter((m) => m.subject === '又一次')).toHaveLength(0);
  });

  it('sends nothing for a rolled-back transaction', async () => {
    const ds = t.get(DataSource);
    await expect(
      ds.transaction(async (m) => {
        await svc.enqueue(m, {
          template: noticeTemplate,
          recipient: { email: 'rb@example.com' },
          data: notice('回滚'),
          dedupeKey: 'test:rollback',
          category: 'transactional',
        });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key = 'test:rollback'`);
    expect(n).toBe(0);
  });

  it('refuses malformed input to enqueue before writing anything', async () => {
    const ds = t.get(DataSource);
    await expect(
      ds.transaction((m) =>
        svc.enqueue(m, {
          template: 'no-such-template',
          recipient: { email: 'a@example.com' },
          data: {},
          dedupeKey: 'k',
          category: 'match',
        }),
      ),
    ).rejects.toThrow(/Unknown notification template/);
    await expect(
      ds.transaction((m) =>
        svc.enqueue(m, {
          template: noticeTemplate,
          recipient: { email: 'not-an-address' },
          data: notice('x'),
          dedupeKey: 'k2',
          category: 'match',
        }),
      ),
    ).rejects.toThrow(/Invalid recipient/);
  });
});

export async function waitForStatus(ds: DataSource, id: number, status: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await ds.query(`SELECT status FROM notification WHERE id = $1`, [id]);
    if (row?.status === status) return;
    if (Date.now() > deadline) throw new Error(`notification ${id} is ${row?.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
