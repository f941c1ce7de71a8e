import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../platform/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import type { NotificationCategory } from './notification.vocabulary.js';

/**
 * Who a preference or unsubscribe link speaks for: an account (`u:<id>`), an enterprise without
 * accounts (its contact address, `e:<id>`), or a bare address (`a:<email>`).
 */
export type Subscriber = { kind: 'user'; id: number } | { kind: 'enterprise'; id: number } | { kind: 'address'; email: string };

export interface LinkClaims {
  subscriber: Subscriber;
  /** The category an unsubscribe link stops; `*` for a preferences link. */
  category: Exclude<NotificationCategory, 'transactional'> | '*';
  expiresAt: Date;
}

export const subscriberKey = (s: Subscriber) => (s.kind === 'user' ? `u:${s.id}` : s.kind === 'enterprise' ? `e:${s.id}` : `a:${s.email}`);

export function parseSubscriberKey(key: string): Subscriber | null {
  const m = /^([uea]):(.+)$/.exec(key);
  if (!m) return null;
  if (m[1] === 'a') return m[2].includes('@') && m[2].length <= 254 ? { kind: 'address', email: m[2] } : null;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return { kind: m[1] === 'u' ? 'user' : 'enterprise', id };
}

/**
 * Signed, expiring links for e-mails: `<claims>.<HMAC-SHA256>` in base64url, keyed by a key
 * derived from SECRET_KEY. Unguessable (256-bit MAC), verifiable without a database lookup,
 * useless after NOTIFICATION_LINK_DAYS, and only good for the subscriber and category they name.
 */
@Injectable()
export class NotificationLinks {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = createHmac('sha256', config.SECRET_KEY).update('investmatch notification links v1').digest();
  }

  token(subscriber: Subscriber, category: LinkClaims['category']): string {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + this.config.NOTIFICATION_LINK_DAYS * 86400;
    const body = Buffer.from(JSON.stringify({ s: subscriberKey(subscriber), c: category, x: exp })).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a valid, unexpired token; null for anything else (tampered, expired, malformed). */
  verify(token: unknown): LinkClaims | null {
    if (typeof token !== 'string' || token.length > 600) return null;
    const [body, sig, extra] = token.split('.');
    if (!body || !sig || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { s?: string; c?: string; x?: number };
      const subscriber = typeof c.s === 'string' ? parseSubscriberKey(c.s) : null;
      if (!subscriber || !['match', 'reminder', '*'].includes(String(c.c)) || typeof c.x !== 'number') return null;
      if (c.x * 1000 <= this.clock.now().getTime()) return null;
      return { subscriber, category: c.c as LinkClaims['category'], expiresAt: new Date(c.x * 1000) };
    } catch {
      return null;
    }
  }

  unsubscribeUrl(subscriber: Subscriber, category: Exclude<NotificationCategory, 'transactional'>): string {
    return `${this.config.PUBLIC_BASE_URL}/notifications/unsubscribe?token=${this.token(subscriber, category)}`;
  }

  preferencesUrl(subscriber: Subscriber): string {
    return `${this.config.PUBLIC_BASE_URL}/notifications/settings?token=${this.token(subscriber, '*')}`;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
