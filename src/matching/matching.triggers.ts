import { Injectable, type OnModuleInit } from '@nestjs/common';
import { enterprisesChanged } from '../enterprises/enterprise.events.js';
import { matchesTold } from '../notifications/notification.events.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { OutboxService } from '../platform/outbox/outbox.service.js';
import { incentiveChanged, incentivesRemoving, policyChanged } from '../policies/policy.events.js';
import { projectChanged } from '../projects/project.events.js';
import { chainChanged } from './chain-facts.port.js';
import { markMatchesNotified } from './match-status.js';
import {
  triggerEnterprisesMatching,
  triggerIncentiveChanged,
  triggerPolicyChanged,
  triggerProjectMatching,
  triggerProjectsInRegion,
  triggerProjectsOfIncentives,
} from './matching.jobs.js';

/**
 * What matching does when other modules' data changes: the modules below it (enterprises,
 * projects, policies, notifications, chains) announce their changes as domain events, and this is the one
 * place that turns them into matching jobs (outbox rows in the same transaction) or match-status
 * bookkeeping. They import nothing of matching.
 */
@Injectable()
export class MatchingTriggers implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.events.on(enterprisesChanged, (m, p) => triggerEnterprisesMatching(this.outbox, m, p.enterpriseIds));
    this.events.on(projectChanged, (m, p) => triggerProjectMatching(this.outbox, m, p.projectId));
    this.events.on(policyChanged, (m, p) => triggerPolicyChanged(this.outbox, m, p.policyId));
    this.events.on(incentiveChanged, (m, p) => triggerIncentiveChanged(this.outbox, m, p.incentiveId));
    this.events.on(incentivesRemoving, (m, p) => triggerProjectsOfIncentives(this.outbox, m, p.where));
    this.events.on(chainChanged, (m, p) => triggerProjectsInRegion(this.outbox, m, p.regionCode));
    this.events.on(matchesTold, (m, p) => markMatchesNotified(m, p.told));
  }
}
