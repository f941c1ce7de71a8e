import type { EntityManager } from 'typeorm';
import { defineEvent, DomainEvents } from './domain-events.js';

describe('DomainEvents', () => {
  const m = {} as EntityManager;
  const happened = defineEvent<{ id: number }>('test.happened');

  it("runs every subscriber in order with the caller's manager", async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on(happened, async (mm, p) => void seen.push(`a${p.id}${mm === m}`));
    events.on(happened, async (_mm, p) => void seen.push(`b${p.id}`));
    await events.emit(m, happened, { id: 7 });
    expect(seen).toEqual(['a7true', 'b7']);
  });

  it("refuses an event nobody subscribed to (a lost trigger), and passes a handler's failure on", async () => {
    const events = new DomainEvents();
    await expect(events.emit(m, happened, { id: 1 })).rejects.toThrow(/test.happened has no subscriber/);
    events.on(happened, async () => {
      throw new Error('boom');
    });
    await expect(events.emit(m, happened, { id: 1 })).rejects.toThrow('boom');
  });
});
