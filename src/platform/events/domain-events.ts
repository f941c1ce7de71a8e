import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * In-process domain events: how a lower module tells a higher one that something happened without
 * importing it (enterprises do not know matching; matching does not know leads). The event is
 * declared by the module it happens in (`<module>.events.ts`); a module that cares subscribes in its
 * own provider. Handlers run in the emitter's transaction, in subscription order, so whatever they
 * write (an outbox row, a lead) commits or rolls back with the write that caused it — nothing
 * half-written. Work that may happen later goes outbox → BullMQ from such a handler.
 *
 * An event nobody subscribed to is a wiring mistake (a trigger silently lost), so `emit` refuses it.
 */
export interface DomainEvent<P> {
  readonly name: string;
  /** Phantom: carries the payload type. */
  readonly payload?: P;
}

export const defineEvent = <P>(name: string): DomainEvent<P> => ({ name });

export type EventHandler<P> = (m: EntityManager, payload: P) => Promise<unknown>;

@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<string, EventHandler<unknown>[]>();

  on<P>(event: DomainEvent<P>, handler: EventHandler<P>): void {
    const list = this.handlers.get(event.name) ?? [];
    list.push(handler as EventHandler<unknown>);
    this.handlers.set(event.name, list);
  }

  /** Runs every handler in the caller's transaction (`m`); the first failure fails the caller's write. */
  async emit<P>(m: EntityManager, event: DomainEvent<P>, payload: P): Promise<void> {
    const list = this.handlers.get(event.name);
    if (!list?.length) throw new Error(`domain event ${event.name} has no subscriber (is its module imported?)`);
    for (const handler of list) await handler(m, payload);
  }
}

@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
