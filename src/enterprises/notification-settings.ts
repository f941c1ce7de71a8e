import type { EntityManager } from 'typeorm';
import type { NotificationFrequency } from './enterprise.vocabulary.js';

/**
 * An enterprise's mail settings as its signed links change them (the notifications module calls
 * this; the enterprises module owns the `enterprise` table). False: no such enterprise.
 */
export async function updateEnterpriseNotificationSettings(
  m: EntityManager,
  id: number,
  settings: { frequency?: NotificationFrequency | null; language?: string | null },
): Promise<boolean> {
  const [rows] = await m.query(
    `UPDATE enterprise SET notification_frequency = coalesce($2, notification_frequency),
       notification_language = coalesce($3, notification_language), updated_at = now() WHERE id = $1 RETURNING id`,
    [id, settings.frequency ?? null, settings.language ?? null],
  );
  return rows.length > 0;
}
