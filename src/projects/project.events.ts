import { defineEvent } from '../platform/events/domain-events.js';

/** A project created, changed, published or moved to another stage, in the writing transaction (matching re-matches it). */
export const projectChanged = defineEvent<{ projectId: number }>('projects.changed');
