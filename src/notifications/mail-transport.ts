import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';

export interface OutgoingMail {
  to: { name: string | null; address: string };
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
  /** List-Unsubscribe URL (RFC 2369), with List-Unsubscribe-Post for one-click (RFC 8058). */
  unsubscribeUrl?: string | null;
}

export interface SentInfo {
  /** The server's name for the message: its queue id when the reply names one, else the reply. */
  providerMessageId: string;
  response: string;
}

/** The options of the pooled transport; the benchmark builds its raw baseline from the same ones. */
export function poolOptions(config: AppConfig) {
  return {
    url: config.SMTP_URL,
    pool: true as const,
    maxConnections: config.SMTP_POOL_SIZE,
    maxMessages: 1000,
    // a message whose connection dropped is retried by the notification pipeline (recorded, with
    // backoff), not silently re-sent by the pool
    maxRequeues: 0,
    connectionTimeout: Math.min(config.MAIL_SEND_TIMEOUT_MS, 30_000),
    greetingTimeout: Math.min(config.MAIL_SEND_TIMEOUT_MS, 30_000),
    socketTimeout: config.MAIL_SEND_TIMEOUT_MS,
    idleTimeout: 60_000,
  };
}

/** The server's queue id out of a 250 reply ("250 2.0.0 Ok: queued as 4Xyz"), else the reply itself. */
export function providerIdOf(response: string | undefined): string {
  const r = (response ?? '').trim();
  const m = /queued as ([A-Za-z0-9._@<>-]+)/i.exec(r) ?? /\bid[=: ]\s*([A-Za-z0-9._@<>-]+)/i.exec(r);
  return (m?.[1] ?? r).slice(0, 200);
}

/**
 * One pooled nodemailer transport per process (SMTP_URL, SMTP_POOL_SIZE connections). Each send
 * has its own deadline (MAIL_SEND_TIMEOUT_MS, an AbortSignal): a hung server cannot hold a worker.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter?: ReturnType<typeof nodemailer.createTransport>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get(): ReturnType<typeof nodemailer.createTransport> {
    this.transporter ??= nodemailer.createTransport(poolOptions(this.config), { from: this.config.MAIL_FROM });
    return this.transporter;
  }

  async send(mail: OutgoingMail): Promise<SentInfo> {
    // the deadline of this one message (a plain timer is cheaper than AbortSignal.timeout)
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new Error(`no answer within ${this.config.MAIL_SEND_TIMEOUT_MS} ms`)),
      this.config.MAIL_SEND_TIMEOUT_MS,
    );
    const info = await this.get()
      .sendMail({
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        headers: {
          ...mail.headers,
          ...(mail.unsubscribeUrl
            ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
            : {}),
        },
        signal: deadline.signal,
      })
      .finally(() => clearTimeout(timer));
    const response = String((info as { response?: string }).response ?? '');
    return { providerMessageId: providerIdOf(response), response };
  }

  async onApplicationShutdown(): Promise<void> {
    this.transporter?.close();
    this.transporter = undefined;
  }
}
