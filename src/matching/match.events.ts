import type { Actor } from '../access/actor.js';
import { defineEvent } from '../platform/events/domain-events.js';

/** The enterprise said 感兴趣 on a match, in that transaction (leads turns it into a lead, once per match). */
export const matchInterested = defineEvent<{ matchId: number; actor: Pick<Actor, 'userId' | 'email' | 'role'> | null }>(
  'matching.interested',
);
