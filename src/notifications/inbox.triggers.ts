import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { certificationReviewed, type CertificationReviewed } from '../enterprises/enterprise.events.js';
import { CERTIFICATION_KINDS } from '../enterprises/enterprise.vocabulary.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { enterpriseUserIds, notifyInApp } from './inbox.js';

/**
 * 消息中心 messages caused by other modules' domain events: the modules below notifications
 * announce what happened and this is where it becomes an in-app message (in the emitter's
 * transaction), so they import nothing of notifications.
 */
@Injectable()
export class InboxTriggers implements OnModuleInit {
  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.events.on(certificationReviewed, (m, p) => notifyCertificationReviewed(m, p));
  }
}

/** The enterprise's accounts learn the outcome of an officer's review. */
async function notifyCertificationReviewed(m: EntityManager, p: CertificationReviewed): Promise<void> {
  const label = CERTIFICATION_KINDS[p.kind];
  await notifyInApp(m, [
    {
      userIds: await enterpriseUserIds(m, p.enterpriseId),
      kind: 'certification',
      title: p.decision === 'verified' ? `认定已核验：${label}` : `认定被驳回：${label}`,
      body: p.note ?? '',
      link: '/portal/profile',
      dedupeKey: `certification:${p.kind}:${p.decision}:${Date.now()}`,
    },
  ]);
}
