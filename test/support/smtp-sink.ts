import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  /** Message-ID header, with angle brackets. */
  messageId: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers: Map<string, unknown>;
  parsed: ParsedMail;
  raw: string;
}

/** A header as it was sent (unfolded), from the raw message; mailparser restructures List-* headers. */
export function rawHeader(mail: ReceivedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

type Rejection = { code: number; message: string } | null;

/**
 * A real SMTP server in the test process (smtp-server), every accepted message parsed with
 * mailparser. Behaviour is scripted per test: reject recipients, refuse DATA for a while,
 * or run a hook while a message's DATA is streaming (e.g. SIGKILL the sending worker).
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Every RCPT TO seen (also the refused ones), in order, with the time it arrived. */
  readonly rcptLog: Array<{ address: string; at: number; answer: number }> = [];
  /** Answer for a recipient (null: accept). */
  rcpt: (address: string) => Rejection = () => null;
  /** Called when DATA starts; may return a promise to hold the transfer (e.g. to kill the client). */
  onDataStart: (session: SMTPServerSession) => void | Promise<void> = () => undefined;
  /** Called just before the server answers 250 for a message. */
  onAccepted: (mail: ReceivedMail) => void = () => undefined;
  private server!: SMTPServer;
  port = 0;
  private waiters: Array<() => void> = [];

  static async start(): Promise<SmtpSink> {
    const s = new SmtpSink();
    await s.listen();
    return s;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private async listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onRcptTo: (address: SMTPServerAddress, _s, cb) => {
        const r = this.rcpt(address.address);
        this.rcptLog.push({ address: address.address, at: Date.now(), answer: r?.code ?? 250 });
        if (!r) return cb();
        const err = new Error(r.message) as Error & { responseCode: number };
        err.responseCode = r.code;
        cb(err);
      },
      onData: (stream: SMTPServerDataStream, session, cb) => {
        void (async () => {
          const chunks: Buffer[] = [];
          let aborted = false;
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => (aborted = true));
          let ended = false;
          stream.once('end', () => (ended = true));
          await this.onDataStart(session);
          if (!ended && !aborted) {
            await new Promise<void>((resolve) => {
              stream.once('end', () => resolve());
              stream.once('error', () => resolve());
              stream.once('close', () => resolve());
            });
          }
          if (aborted || (stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return cb(new Error('aborted'));
          const raw = Buffer.concat(chunks).toString('utf8');
          const parsed = await simpleParser(raw);
          const mail: ReceivedMail = {
            messageId: parsed.messageId ?? '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            text: parsed.text ?? '',
            headers: parsed.headers,
            parsed,
            raw,
          };
          this.onAccepted(mail);
          this.received.push(mail);
          const ws = this.waiters;
          this.waiters = [];
          ws.forEach((w) => w());
          cb(null, `Ok: queued as Q${this.received.length}`);
        })().catch((err) => cb(err as Error));
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as { port: number }).port;
  }

  /** Waits until `predicate` holds for the received mail (checked after every message), or throws after `timeoutMs`. */
  async waitFor(predicate: (received: ReceivedMail[]) => boolean, timeoutMs = 30_000, what = 'mail'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what} (received ${this.received.length})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
