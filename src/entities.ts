import {
  Agreement,
  AgreementActual,
  AgreementPledge,
  AgreementTranche,
  AgreementWarning,
  RecoveryCase,
  RecoveryCaseStep,
} from './agreements/agreement.entity.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { AccountToken } from './accounts/account-token.entity.js';
import { EnterpriseClaim } from './accounts/enterprise-claim.entity.js';
import { LegalDocument } from './accounts/legal-document.entity.js';
import { Bureau } from './accounts/bureau.entity.js';
import { Session } from './access/session.entity.js';
import { User } from './accounts/user.entity.js';
import { Enterprise } from './enterprises/enterprise.entity.js';
import { EnterpriseCertification } from './enterprises/enterprise-certification.entity.js';
import { ImportJob } from './imports/import-job.entity.js';
import { IntakeDocument } from './intake/intake-document.entity.js';
import { IntakeDraft } from './intake/intake-draft.entity.js';
import { IntakeIndustryKeyword } from './intake/intake-industry-keyword.entity.js';
import { IntakeRecordSource } from './intake/intake-record-source.entity.js';
import { LeadAssignmentCursor, LeadAssignmentRule } from './leads/assignment-rule.entity.js';
import { LeadActivity } from './leads/lead-activity.entity.js';
import { LeadCount } from './leads/lead-count.entity.js';
import { Lead } from './leads/lead.entity.js';
import { EnterpriseIncentive } from './matching/enterprise-incentive.entity.js';
import { Match } from './matching/match.entity.js';
import { MatchingRun, MatchingRunChunk } from './matching/matching-run.entity.js';
import { InboxMessage } from './notifications/inbox-message.entity.js';
import { NotificationEvent } from './notifications/notification-event.entity.js';
import { Notification } from './notifications/notification.entity.js';
import { NotificationItem } from './notifications/notification-item.entity.js';
import { NotificationOpen } from './notifications/notification-open.entity.js';
import { NotificationPreference } from './notifications/notification-preference.entity.js';
import { NotificationSuppression } from './notifications/notification-suppression.entity.js';
import { OutboxMessage } from './platform/outbox/outbox-message.entity.js';
import { Article, ArticleDelivery } from './news/article.entity.js';
import { Incentive } from './policies/incentive.entity.js';
import { Policy } from './policies/policy.entity.js';
import { Project } from './projects/project.entity.js';
import { ProjectStageChange } from './projects/project-stage-change.entity.js';
import { Industry } from './reference/industry.entity.js';
import { Region } from './reference/region.entity.js';
import { Chain, ChainSegment } from './chains/chain.entity.js';

/**
 * Every entity, listed once: the app, the migration CLI and the schema check all use this list,
 * so an entity cannot be known to one and missing from another.
 */
export const allEntities = [
  Region,
  Industry,
  OutboxMessage,
  Enterprise,
  EnterpriseCertification,
  Project,
  ProjectStageChange,
  Policy,
  Incentive,
  Match,
  EnterpriseIncentive,
  MatchingRun,
  MatchingRunChunk,
  NotificationEvent,
  InboxMessage,
  Notification,
  NotificationItem,
  NotificationOpen,
  NotificationPreference,
  NotificationSuppression,
  Bureau,
  User,
  Session,
  Lead,
  LeadActivity,
  LeadAssignmentRule,
  LeadAssignmentCursor,
  LeadCount,
  ImportJob,
  AccountToken,
  EnterpriseClaim,
  LegalDocument,
  AuditEntry,
  Article,
  ArticleDelivery,
  IntakeDocument,
  IntakeDraft,
  IntakeIndustryKeyword,
  IntakeRecordSource,
  Agreement,
  AgreementPledge,
  AgreementTranche,
  AgreementActual,
  AgreementWarning,
  RecoveryCase,
  RecoveryCaseStep,
  Chain,
  ChainSegment,
];
