import { Eta } from 'eta';
import { formatMu, formatYuan, formatYuanRange, shanghaiDate, shanghaiDateTime } from '../../platform/format/units.js';
import type { MessageLanguage } from '../notification.vocabulary.js';
import { HTML_LAYOUT, TEXT_FOOTER } from './layout.js';

/**
 * E-mail templates: a subject function and eta bodies (HTML and plain text) per language.
 * Simplified Chinese is required, English optional (falls back to Chinese). HTML bodies are
 * rendered with auto-escaping (`<%= it.x %>` is always escaped; `<%~ %>` is for trusted markup
 * only) inside a phone-friendly layout that adds the greeting, the preference and unsubscribe
 * links; text bodies get the same footer in words.
 *
 * Define one per file under src/notifications/templates/ and pass the returned object (or its
 * name) to NotificationsService.enqueue — importing the file registers the template in every
 * process (API and workers load the same modules).
 */
export interface TemplateDefinition<D = Record<string, unknown>> {
  readonly name: string;
  subject(data: D, lang: MessageLanguage): string;
  readonly html: { 'zh-CN': string } & Partial<Record<MessageLanguage, string>>;
  readonly text: { 'zh-CN': string } & Partial<Record<MessageLanguage, string>>;
  /** Optional check of the data at enqueue time (throw to refuse). */
  validate?(data: D): void;
  /** Functions the bodies may call as `it.<name>(…)` (labels, formatting); they get the language as last argument. */
  readonly helpers?: Record<string, (...args: any[]) => unknown>;
}

/** What a template sees as `it`: its data plus the context of this one message. */
export interface RenderContext {
  lang: MessageLanguage;
  /** Base URL of the portal (PUBLIC_BASE_URL), for links. */
  baseUrl: string;
  recipientName?: string | null;
  /** Signed links that work without logging in (absent for transactional mail). */
  unsubscribeUrl?: string | null;
  preferencesUrl?: string | null;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

const templates = new Map<string, TemplateDefinition<any>>();
const htmlEta = new Eta({ autoEscape: true, autoTrim: false, cache: true, useWith: false });
const textEta = new Eta({ autoEscape: false, autoTrim: false, cache: true, useWith: false });
htmlEta.loadTemplate('@layout', HTML_LAYOUT);
textEta.loadTemplate('@footer', TEXT_FOOTER);

/** Registers a template (names are unique; a duplicate fails at import time) and compiles its bodies. */
export function defineTemplate<D>(def: TemplateDefinition<D>): TemplateDefinition<D> {
  if (templates.has(def.name)) throw new Error(`Template "${def.name}" is defined twice`);
  if (!/^[a-z][a-z0-9.-]{1,59}$/.test(def.name)) throw new Error(`Template name "${def.name}" must be lower-case dotted`);
  for (const [lang, body] of Object.entries(def.html)) htmlEta.loadTemplate(`@${def.name}:${lang}`, body);
  for (const [lang, body] of Object.entries(def.text)) textEta.loadTemplate(`@${def.name}:${lang}`, body);
  templates.set(def.name, def);
  return def;
}

export const templateNamed = (name: string): TemplateDefinition<any> | undefined => templates.get(name);
export const templateNames = (): string[] => [...templates.keys()].sort();

/** Helpers every template can use (`it.fmt.yuan(…)` …). */
const fmt = { yuan: formatYuan, yuanRange: formatYuanRange, mu: formatMu, date: shanghaiDate, dateTime: shanghaiDateTime };

const oneLine = (s: string) =>
  s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .slice(0, 200);

/** Renders a message; throws for an unknown template or a template error (a permanent failure). */
export function renderMessage(name: string, data: Record<string, unknown>, ctx: RenderContext): RenderedMessage {
  const def = templates.get(name);
  if (!def) throw new Error(`未知的邮件模板 "${name}"`);
  const lang: MessageLanguage = def.html[ctx.lang] && def.text[ctx.lang] ? ctx.lang : 'zh-CN';
  const helpers = Object.fromEntries(Object.entries(def.helpers ?? {}).map(([k, f]) => [k, (...a: unknown[]) => f(...a, lang)]));
  const it = {
    ...data,
    ...helpers,
    data,
    lang,
    fmt,
    baseUrl: ctx.baseUrl,
    recipientName: ctx.recipientName ?? null,
    unsubscribeUrl: ctx.unsubscribeUrl ?? null,
    preferencesUrl: ctx.preferencesUrl ?? null,
  };
  const subject = oneLine(def.subject(data as never, lang));
  const htmlBody = htmlEta.render(`@${name}:${lang}`, it);
  const html = htmlEta.render('@layout', { ...it, subject, body: htmlBody });
  const greeting = ctx.recipientName ? (lang === 'en' ? `Dear ${ctx.recipientName},\n\n` : `${ctx.recipientName}，您好：\n\n`) : '';
  const text = `${greeting}${textEta.render(`@${name}:${lang}`, it).trim()}\n\n${textEta.render('@footer', it).trim()}\n`;
  return { subject, html, text };
}
