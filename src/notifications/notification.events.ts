import { defineEvent } from '../platform/events/domain-events.js';

/** Mails that told enterprises of these match scores were sent (matching records status new › notified). */
export const matchesTold = defineEvent<{ told: ReadonlyArray<{ matchId: number; score: number }> }>('notifications.matches-told');
