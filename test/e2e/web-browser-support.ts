import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

/**
 * Support for the browser tests: the app built the way `npm run build` builds it (nest build, into
 * a private directory so a concurrent `npm run build` cannot pull the files away), started as
 * `node …/src/main.js` with workers on a fresh test database, the demo data loaded with the
 * seed command, an SMTP catcher in the test process, and Debian's Chromium driven by
 * playwright-core. Never downloads a browser.
 */
export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** `nest build` with the project's nest-cli.json, only the output directory changed. Returns the build root. */
export function buildApp(): string {
  const id = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const out = join(ARTIFACTS, `app-build-${id}`);
  const cfgDir = join(ARTIFACTS, `build-config-${id}`);
  mkdirSync(cfgDir, { recursive: true });
  const relOut = out.slice(ROOT.length + 1);
  writeFileSync(
    join(cfgDir, 'tsconfig.json'),
    JSON.stringify({ extends: join(ROOT, 'tsconfig.build.json'), compilerOptions: { outDir: out } }),
  );
  const nest = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8'));
  nest.compilerOptions.tsConfigPath = join(cfgDir, 'tsconfig.json').slice(ROOT.length + 1);
  for (const a of nest.compilerOptions.assets ?? []) if (typeof a === 'object') a.outDir = relOut;
  writeFileSync(join(cfgDir, 'nest-cli.json'), JSON.stringify(nest));
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', '--config', join(cfgDir, 'nest-cli.json').slice(ROOT.length + 1)],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  rmSync(cfgDir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`nest build failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
}

/** A real SMTP server in the test process; every accepted message parsed with mailparser. */
export class MailCatcher {
  readonly messages: CaughtMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, cb) => {
        simpleParser(stream)
          .then((m) => {
            const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
              a.value.map((v) => (v.address ?? '').toLowerCase()),
            );
            this.messages.push({
              to,
              subject: m.subject ?? '',
              text: m.text ?? '',
              html: typeof m.html === 'string' ? m.html : '',
              headers: m.headers,
            });
            cb();
          })
          .catch((err) => cb(err));
      },
    });
    await new Promise<void>((ok) => this.server!.listen(this.port, '127.0.0.1', () => ok()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for a message (polling; the app sends asynchronously through its queue). */
  async waitFor(pred: (m: CaughtMail) => boolean, what: string, timeoutMs = 60_000): Promise<CaughtMail> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const m = this.messages.find(pred);
      if (m) return m;
      if (Date.now() > until) {
        throw new Error(
          `no e-mail ${what} within ${timeoutMs} ms; received: ${JSON.stringify(this.messages.map((x) => ({ to: x.to, subject: x.subject })))}`,
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }
}

export interface RunningApp {
  url: string;
  db: TestDatabase;
  env: Record<string, string>;
  /** Everything the app process printed (for diagnosing a failed test). */
  log: () => string;
  stop(): Promise<void>;
}

/** Runs a built entry point (`src/cli/seed-demo.js` …) to completion with the app's environment. */
export function runNode(build: string, entry: string, env: Record<string, string>): string {
  const r = spawnSync(process.execPath, [join(build, entry)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`${entry} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Starts `node <build>/src/main.js` (API + workers) on a fresh test database; resolves when /health answers. */
export async function startBuiltApp(build: string, extraEnv: Record<string, string>): Promise<RunningApp> {
  const db = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_BASE_URL: url,
    DATABASE_URL: db.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `imb-${randomBytes(4).toString('hex')}`,
    WORKERS: 'true',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  mkdirSync(join(ARTIFACTS, 'logs'), { recursive: true });
  const logFile = join(ARTIFACTS, 'logs', `app-${port}.log`);
  const logStream = createWriteStream(logFile);
  let output = '';
  const proc: ChildProcess = spawn(process.execPath, [join(build, 'src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (b: Buffer) => {
    output += b.toString();
    logStream.write(b);
  };
  proc.stdout!.on('data', collect);
  proc.stderr!.on('data', collect);
  const until = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the app exited (${proc.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`the app did not answer /health within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    db,
    env,
    log: () => output,
    stop: async () => {
      if (proc.exitCode === null) {
        await new Promise<void>((ok) => {
          const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
          proc.once('exit', () => (clearTimeout(kill), ok()));
          proc.kill('SIGTERM');
        });
      }
      logStream.end();
      await db.drop();
    },
  };
}

export interface BrowserSession {
  context: BrowserContext;
  profileDir: string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with a fresh profile directory (`--user-data-dir`) per session:
 * each user of a scenario gets their own browser, cookies included.
 */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<BrowserSession> {
  const profileDir = join(tmpdir(), `im-chromium-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    profileDir,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** A page that records console errors, failed requests and uncaught exceptions. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${page.url()})`);
  });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message} (${page.url()})`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return { page, problems };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
