import { SMTPServer } from 'smtp-server';

/**
 * The benchmark's SMTP sink, in a process of its own (so it does not share the event loop with
 * the senders it measures): accepts every message, reads its Message-ID, counts, and answers
 * `{ type: 'stats' }` / `{ type: 'reset' }` over IPC.
 */
let count = 0;
let firstAt = 0;
let lastAt = 0;
const seen = new Map<string, number>();

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 1000,
  onData(stream, _session, cb) {
    let head = '';
    let id: string | null = null;
    stream.on('data', (chunk: Buffer) => {
      if (id !== null || head.length > 16_384) return;
      head += chunk.toString('latin1');
      const m = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head);
      if (m) id = m[1];
    });
    stream.on('end', () => {
      const now = Date.now();
      count++;
      firstAt ||= now;
      lastAt = now;
      if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
      cb(null, `Ok: queued as S${count}`);
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  process.send!({ type: 'ready', port: (server.server.address() as { port: number }).port });
});

process.on('message', (msg: { type: string }) => {
  if (msg.type === 'stats') {
    let dup = 0;
    for (const n of seen.values()) if (n > 1) dup += n - 1;
    const cpu = process.cpuUsage();
    process.send!({
      type: 'stats',
      count,
      distinct: seen.size,
      duplicates: dup,
      firstAt,
      lastAt,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    });
  } else if (msg.type === 'reset') {
    count = 0;
    firstAt = 0;
    lastAt = 0;
    seen.clear();
    process.send!({ type: 'reset' });
  } else if (msg.type === 'stop') {
    server.close(() => process.exit(0));
  }
});
