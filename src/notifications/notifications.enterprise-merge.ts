import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MERGE_ORDER, OnEnterpriseMerge, type EnterpriseMerge } from '../enterprises/enterprise-merge.js';

/**
 * Notifications' part of merging two enterprise records: the mail log and events move to the
 * winner; digest items already sent move (and follow a dropped match to the kept one); items
 * still waiting for the loser's digest go (the winner is re-matched and gets its own).
 */
@Injectable()
export class NotificationsEnterpriseMerge {
  @OnEnterpriseMerge({ order: MERGE_ORDER.notifications, tables: ['notification', 'notification_item', 'notification_event'] })
  async moveNotifications(m: EntityManager, merge: EnterpriseMerge): Promise<void> {
    for (const [dropped, kept] of merge.matchRemap)
      await m.query(`UPDATE notification_item SET match_id = $2 WHERE match_id = $1`, [dropped, kept]);
    await m.query(`DELETE FROM notification_item WHERE recipient_enterprise_id = $1 AND notification_id IS NULL`, [merge.loserId]);
    const [, items] = await m.query(`UPDATE notification_item SET recipient_enterprise_id = $1 WHERE recipient_enterprise_id = $2`, [
      merge.winnerId,
      merge.loserId,
    ]);
    await m.query(`UPDATE notification_item SET enterprise_id = $1 WHERE enterprise_id = $2`, [merge.winnerId, merge.loserId]);
    const [, mails] = await m.query(`UPDATE notification SET recipient_enterprise_id = $1 WHERE recipient_enterprise_id = $2`, [
      merge.winnerId,
      merge.loserId,
    ]);
    await m.query(`UPDATE notification_event SET enterprise_id = $1 WHERE enterprise_id = $2`, [merge.winnerId, merge.loserId]);
    merge.moved.notification = Number(mails ?? 0);
    merge.moved.notification_item = Number(items ?? 0);
  }
}
