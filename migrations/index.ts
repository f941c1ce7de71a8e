import { Foundation1764090000000 } from './1764090000000-Foundation.js';
import { Accounts1764100000000 } from './1764100000000-Accounts.js';
import { Leads1795628499037 } from './1795628499037-Leads.js';
import { AuditAndAccountTokens1795628454677 } from './1795628454677-AuditAndAccountTokens.js';
import { Matching1795628918848 } from './1795628918848-Matching.js';
import { Notifications1795628431133 } from './1795628431133-Notifications.js';
import { NotificationResend1795629119847 } from './1795629119847-NotificationResend.js';
import { NotificationHotPath1795630553144 } from './1795630553144-NotificationHotPath.js';
import { LeadCounts1795631466861 } from './1795631466861-LeadCounts.js';
import { LeadFollowUpIndexes1795634318904 } from './1795634318904-LeadFollowUpIndexes.js';
import { CertificationValidity1796200000000 } from './1796200000000-CertificationValidity.js';
import { HeldNotifications1796200000001 } from './1796200000001-HeldNotifications.js';
import { OfficerAlertRecipients1796300000000 } from './1796300000000-OfficerAlertRecipients.js';
import { Intake1796600000000 } from './1796600000000-Intake.js';
import { News1796700000000 } from './1796700000000-News.js';
import { Agreements1796800000000 } from './1796800000000-Agreements.js';
import { Chains1796900000000 } from './1796900000000-Chains.js';
import { DropLoginLockColumns1797000000000 } from './1797000000000-DropLoginLockColumns.js';
import { CompactMatches1797200000000 } from './1797200000000-CompactMatches.js';
import { ImportUpsert1797300000000 } from './1797300000000-ImportUpsert.js';
import { IntakeRecordSource1797400000000 } from './1797400000000-IntakeRecordSource.js';
import { CertificateEvidence1797400000001 } from './1797400000001-CertificateEvidence.js';
import { AgreementIndustries1797600000000 } from './1797600000000-AgreementIndustries.js';
import { EnterpriseDuplicates1797600000001 } from './1797600000001-EnterpriseDuplicates.js';
import { Inbox1797700000000 } from './1797700000000-Inbox.js';
import { ChainSegmentStatus1798300000000 } from './1798300000000-ChainSegmentStatus.js';
import { ProjectChainSegment1798300000001 } from './1798300000001-ProjectChainSegment.js';
import { ConsentAndClaims1798600000000 } from './1798600000000-ConsentAndClaims.js';

/** Every migration, in order. A test checks this list against the files in this folder. */
export const allMigrations = [
  Foundation1764090000000,
  Accounts1764100000000,
  Notifications1795628431133,
  AuditAndAccountTokens1795628454677,
  Leads1795628499037,
  Matching1795628918848,
  NotificationResend1795629119847,
  NotificationHotPath1795630553144,
  LeadCounts1795631466861,
  LeadFollowUpIndexes1795634318904,
  CertificationValidity1796200000000,
  HeldNotifications1796200000001,
  OfficerAlertRecipients1796300000000,
  Intake1796600000000,
  News1796700000000,
  Agreements1796800000000,
  Chains1796900000000,
  DropLoginLockColumns1797000000000,
  CompactMatches1797200000000,
  ImportUpsert1797300000000,
  IntakeRecordSource1797400000000,
  CertificateEvidence1797400000001,
  AgreementIndustries1797600000000,
  EnterpriseDuplicates1797600000001,
  Inbox1797700000000,
  ChainSegmentStatus1798300000000,
  ProjectChainSegment1798300000001,
  ConsentAndClaims1798600000000,
];
