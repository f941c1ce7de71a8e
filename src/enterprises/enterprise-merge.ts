import { Injectable, SetMetadata, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor.js';

/**
 * Merging two enterprise records (issue 17 item 8): every module that keeps rows about an
 * enterprise moves its own rows to the winner, inside the merge's one transaction, in a method
 * marked `@OnEnterpriseMerge({ order, tables })` — the enterprises module never writes another
 * module's table, and no module imports the enterprises service for it. `tables` names the
 * tables the step looks after (a test checks that together they cover every enterprise column).
 */
export interface EnterpriseMerge {
  winnerId: number;
  loserId: number;
  actor: Actor;
  at: Date;
  /** The loser's matches dropped for a match of the winner on the same project: dropped id → kept id (filled by matching, first). */
  matchRemap: Map<number, number>;
  /** Rows moved, per table (for the audit entry and the answer). */
  moved: Record<string, number>;
}

export type EnterpriseMergeStep = (m: EntityManager, merge: EnterpriseMerge) => Promise<void>;

/** The order of the steps: matches first (the remap), their dropped rows last (after leads and notifications took the remap). */
export const MERGE_ORDER = {
  matches: 10,
  leads: 20,
  notifications: 30,
  agreements: 40,
  accounts: 50,
  news: 60,
  chains: 70,
  matchesCleanup: 90,
} as const;

const ENTERPRISE_MERGE_STEP = Symbol('ENTERPRISE_MERGE_STEP');
export const OnEnterpriseMerge = (step: { order: number; tables: string[] }): MethodDecorator => SetMetadata(ENTERPRISE_MERGE_STEP, step);

@Injectable()
export class EnterpriseMergeSteps implements OnApplicationBootstrap {
  private steps: Array<{ order: number; tables: string[]; name: string; run: EnterpriseMergeStep }> = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const found: typeof this.steps = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isNotMetatype) continue;
      const proto = Object.getPrototypeOf(instance);
      if (!proto) continue;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const step = this.reflector.get<{ order: number; tables: string[] } | undefined>(ENTERPRISE_MERGE_STEP, proto[method]);
        if (!step) continue;
        found.push({ ...step, name: `${proto.constructor.name}.${method}`, run: (instance[method] as EnterpriseMergeStep).bind(instance) });
      }
    }
    this.steps = found.sort((a, b) => a.order - b.order);
  }

  list(): ReadonlyArray<{ order: number; tables: string[]; name: string; run: EnterpriseMergeStep }> {
    return this.steps;
  }
}
