import { updateEnterpriseNotificationSettings } from '../enterprises/notification-settings.js';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../platform/http/problem.js';
import { AuditService } from '../audit/audit.service.js';
import { subscriberKey, type Subscriber } from './links.js';
import type { MatchFrequency, MessageLanguage } from './notification.vocabulary.js';

export interface UserPreferences {
  /** How often match mail comes, and where that value comes from. */
  matchFrequency: MatchFrequency;
  matchFrequencySource: 'user' | 'enterprise' | 'default';
  /** Follow-up reminders (staff). */
  reminders: boolean;
  /** Staff: also every 招商动态 of the region, not only the leads they own and their bureau's (default off). */
  regionAlerts: boolean;
  language: MessageLanguage;
  languageSource: 'user' | 'enterprise' | 'default';
}

export interface PreferencesPatch {
  /** null: back to the default (the enterprise's setting for enterprise users; instant for staff). */
  matchFrequency?: MatchFrequency | null;
  reminders?: boolean;
  regionAlerts?: boolean;
  language?: MessageLanguage | null;
}

/** What a signed settings link can show and change. */
export type SubscriberSettings =
  | ({ kind: 'user'; name: string; email: string; staff: boolean } & UserPreferences)
  | { kind: 'enterprise'; name: string; matchFrequency: MatchFrequency; language: MessageLanguage }
  | { kind: 'address'; email: string; match: boolean; reminders: boolean };

/**
 * Where preferences live: an account's own choices in `notification_preference` (null = default);
 * an enterprise's defaults — and the setting for mail to its contact address when it has no
 * accounts — on the enterprise row (the 企业入驻 profile: notification_frequency / _language);
 * bare addresses that unsubscribed in `notification_suppression`. All read again when a message is sent.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async forUser(userId: number, m: EntityManager = this.dataSource.manager): Promise<UserPreferences> {
    const [r] = await m.query(
      `SELECT u.role, p.match_frequency, p.reminders, p.region_alerts, p.language, e.notification_frequency AS e_freq, e.notification_language AS e_lang
       FROM app_user u
       LEFT JOIN notification_preference p ON p.user_id = u.id
       LEFT JOIN enterprise e ON e.id = u.enterprise_id
       WHERE u.id = $1`,
      [userId],
    );
    if (!r) throw notFound('用户');
    const fromEnterprise = r.role === 'enterprise' && r.e_freq;
    return {
      matchFrequency: r.match_frequency ?? (fromEnterprise ? r.e_freq : 'instant'),
      matchFrequencySource: r.match_frequency ? 'user' : fromEnterprise ? 'enterprise' : 'default',
      reminders: r.reminders ?? true,
      regionAlerts: r.region_alerts ?? false,
      language: r.language ?? (r.role === 'enterprise' && r.e_lang ? r.e_lang : 'zh-CN'),
      languageSource: r.language ? 'user' : r.role === 'enterprise' && r.e_lang ? 'enterprise' : 'default',
    };
  }

  async updateUser(userId: number, patch: PreferencesPatch, m: EntityManager = this.dataSource.manager): Promise<UserPreferences> {
    await m.query(
      `INSERT INTO notification_preference AS p (user_id, match_frequency, reminders, language, region_alerts)
       VALUES ($1, CASE WHEN $2::boolean THEN $3::varchar END, coalesce($4::boolean, true), CASE WHEN $5::boolean THEN $6::varchar END,
               coalesce($7::boolean, false))
       ON CONFLICT (user_id) DO UPDATE SET
         match_frequency = CASE WHEN $2::boolean THEN $3::varchar ELSE p.match_frequency END,
         reminders = coalesce($4::boolean, p.reminders),
         region_alerts = coalesce($7::boolean, p.region_alerts),
         language = CASE WHEN $5::boolean THEN $6::varchar ELSE p.language END,
         updated_at = now()`,
      [
        userId,
        patch.matchFrequency !== undefined,
        patch.matchFrequency ?? null,
        patch.reminders ?? null,
        patch.language !== undefined,
        patch.language ?? null,
        patch.regionAlerts ?? null,
      ],
    );
    return this.forUser(userId, m);
  }

  async forSubscriber(s: Subscriber): Promise<SubscriberSettings | null> {
    const m = this.dataSource.manager;
    if (s.kind === 'user') {
      const [u] = await m.query(`SELECT name, email, role FROM app_user WHERE id = $1`, [s.id]);
      if (!u) return null;
      return { kind: 'user', name: u.name, email: u.email, staff: u.role !== 'enterprise', ...(await this.forUser(s.id)) };
    }
    if (s.kind === 'enterprise') {
      const [e] = await m.query(`SELECT name, notification_frequency, notification_language FROM enterprise WHERE id = $1`, [s.id]);
      return e ? { kind: 'enterprise', name: e.name, matchFrequency: e.notification_frequency, language: e.notification_language } : null;
    }
    const rows: Array<{ category: string }> = await m.query(`SELECT category FROM notification_suppression WHERE email = $1`, [s.email]);
    return {
      kind: 'address',
      email: s.email,
      match: !rows.some((r) => r.category === 'match'),
      reminders: !rows.some((r) => r.category === 'reminder'),
    };
  }

  /** Applies a settings form; returns false when the subscriber no longer exists. */
  async updateSubscriber(
    s: Subscriber,
    input: { matchFrequency?: MatchFrequency; language?: MessageLanguage; reminders?: boolean; match?: boolean },
  ): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      if (s.kind === 'user') {
        if (!(await m.query(`SELECT 1 FROM app_user WHERE id = $1`, [s.id])).length) return false;
        await this.updateUser(s.id, { matchFrequency: input.matchFrequency, language: input.language, reminders: input.reminders }, m);
        return true;
      }
      if (s.kind === 'enterprise') {
        return updateEnterpriseNotificationSettings(m, s.id, { frequency: input.matchFrequency, language: input.language });
      }
      for (const [category, on] of [
        ['match', input.match],
        ['reminder', input.reminders],
      ] as const) {
        if (on === undefined) continue;
        if (on) await m.query(`DELETE FROM notification_suppression WHERE email = $1 AND category = $2`, [s.email, category]);
        else
          await m.query(`INSERT INTO notification_suppression (email, category) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
            s.email,
            category,
          ]);
      }
      return true;
    });
  }

  /** One-click unsubscribe from a category (match mail or reminders). */
  /** The unsubscribe link's operation; recorded in the audit log when it took effect. */
  async unsubscribe(s: Subscriber, category: 'match' | 'reminder'): Promise<boolean> {
    const done = await this.unsubscribeCategory(s, category);
    if (done) {
      const target = { type: 'subscriber', id: subscriberKey(s).slice(0, 64) };
      await this.audit.record(null, { actor: null, action: 'notification.unsubscribed', target, detail: { category } });
    }
    return done;
  }

  private async unsubscribeCategory(s: Subscriber, category: 'match' | 'reminder'): Promise<boolean> {
    if (s.kind === 'user') {
      return this.updateSubscriber(s, category === 'match' ? { matchFrequency: 'off' } : { reminders: false });
    }
    if (s.kind === 'enterprise') {
      if (category === 'match') return this.updateSubscriber(s, { matchFrequency: 'off' });
      return (await this.dataSource.query(`SELECT 1 FROM enterprise WHERE id = $1`, [s.id])).length > 0;
    }
    return this.updateSubscriber(s, category === 'match' ? { match: false } : { reminders: false });
  }
}
