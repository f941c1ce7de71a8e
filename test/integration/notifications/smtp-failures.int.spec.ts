import { DataSource } from 'typeorm';
import { NotificationsService } from '../../../src/notifications/notifications.service.js';
import { noticeTemplate } from '../../../src/notifications/templates/notice.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { SmtpSink } from '../../support/smtp-sink.js';

const BASE = 200;

describe('notifications: temporary SMTP failures are retried with backoff, permanent ones fail with the reason', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({
      env: {
        WORKERS: 'true',
        SMTP_URL: sink.url,
        MAIL_RETRY_BASE_MS: String(BASE),
        MAIL_RETRY_MAX_MS: '5000',
        MAIL_MAX_ATTEMPTS: '6',
        MAIL_SEND_TIMEOUT_MS: '1000',
        MAIL_RATE_PER_SECOND: '1000',
      },
    });
    ds = t.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  async function send(prefix: string, n: number): Promise<number[]> {
    const rs = await ds.transaction((m) =>
      t.get(NotificationsService).enqueueMany(
        m,
        Array.from({ length: n }, (_, i) => ({
          template: noticeTemplate,
          recipient: { email: `${prefix}-${i}@example.com` },
          data: { title: `${prefix} #${i}`, paragraphs: ['内容'] },
          dedupeKey: `${prefix}:${i}`,
          category: 'transactional' as const,
        })),
      ),
    );
    return rs.map((r) => r.id);
  }
  const rows = (ids: number[]) =>
    ds.query(`SELECT id, status, attempts, last_error, recipient_email FROM notification WHERE id = ANY ($1) ORDER BY id`, [ids]);
  async function settle(ids: number[]) {
    for (let i = 0; i < 600; i++) {
      const rs = await rows(ids);
      if (rs.every((r: { status: string }) => r.status === 'sent' || r.status === 'failed')) return rs;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`not settled: ${JSON.stringify(await rows(ids))}`);
  }

  it('451 for a while, then accepted: everything arrives once, with growing pauses between tries', async () => {
    const tries = new Map<string, number>();
    sink.rcpt = (a) => {
      if (!a.startsWith('greylist-')) return null;
      const n = (tries.get(a) ?? 0) + 1;
      tries.set(a, n);
      return n <= 3 ? { code: 451, message: '4.7.1 Greylisted, please try again later' } : null;
    };
    const ids = await send('greylist', 10);
    const rs = await settle(ids);
    expect(
      rs.every(
        (r: { status: string; attempts: number; last_error: string | null }) =>
          r.status === 'sent' && r.attempts === 4 && r.last_error === null,
      ),
    ).toBe(true);
    const got = sink.received.filter((m) => m.to[0].startsWith('greylist-'));
    expect(got).toHaveLength(10);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(10);
    // backoff: try n+1 comes at least base·2^(n-1)/2 after try n (exponential, half of it jitter)
    for (let i = 0; i < 10; i++) {
      const at = sink.rcptLog.filter((r) => r.address === `greylist-${i}@example.com`).map((r) => r.at);
      expect(at).toHaveLength(4);
      for (let n = 1; n < 4; n++) expect(at[n] - at[n - 1]).toBeGreaterThanOrEqual((BASE * 2 ** (n - 1)) / 2 - 5);
    }
    sink.rcpt = () => null;
  });

  it('550 for one address: that message fails with the reason and is not retried; the others go', async () => {
    sink.rcpt = (a) =>
      a === 'bounce-3@example.com'
        ? { code: 550, message: '5.1.1 <bounce-3@example.com>: Recipient address rejected: User unknown in virtual mailbox table' }
        : null;
    const ids = await send('bounce', 8);
    const rs = await settle(ids);
    const failed = rs.filter((r: { status: string }) => r.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ recipient_email: 'bounce-3@example.com', attempts: 1 });
    expect(failed[0].last_error).toMatch(/^SMTP 550 .*User unknown/);
    expect(rs.filter((r: { status: string }) => r.status === 'sent')).toHaveLength(7);
    expect(sink.rcptLog.filter((r) => r.address === 'bounce-3@example.com')).toHaveLength(1);
    expect(sink.received.filter((m) => m.to[0].startsWith('bounce-'))).toHaveLength(7);
    sink.rcpt = () => null;
  });

  it('a server that hangs during DATA runs into the per-message timeout; the message is retried and arrives', async () => {
    let hung = 0;
    sink.onDataStart = async (session) => {
      if (!session.envelope.rcptTo.some((r) => r.address === 'slow-0@example.com') || hung++) return;
      await new Promise((r) => setTimeout(r, 2500)); // longer than MAIL_SEND_TIMEOUT_MS
    };
    const ids = await send('slow', 3);
    const rs = await settle(ids);
    expect(rs.every((r: { status: string }) => r.status === 'sent')).toBe(true);
    const slow = rs.find((r: { recipient_email: string }) => r.recipient_email === 'slow-0@example.com');
    expect(slow.attempts).toBe(2);
    expect(sink.received.filter((m) => m.to[0] === 'slow-0@example.com')).toHaveLength(1);
    sink.onDataStart = () => undefined;
  });

  it('gives up after MAIL_MAX_ATTEMPTS temporary failures and says so', async () => {
    sink.rcpt = (a) => (a.startsWith('always-') ? { code: 421, message: '4.3.2 Service shutting down' } : null);
    const [id] = await send('always', 1);
    const [r] = await settle([id]);
    expect(r.status).toBe('failed');
    expect(r.attempts).toBe(6);
    expect(r.last_error).toMatch(/^已重试 6 次仍未成功：SMTP 421/);
    sink.rcpt = () => null;
  });
});
