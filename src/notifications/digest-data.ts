import type { IncentiveKind } from '../policies/policy.vocabulary.js';

export type DigestPeriod = 'instant' | 'daily' | 'weekly';

export interface DigestIncentive {
  id: number;
  title: string;
  kind: IncentiveKind;
  policyTitle: string;
  documentNumber: string;
  grantedWithoutApplication: boolean;
}

/** What an enterprise's match mail shows (a snapshot taken when the digest is built). */
export interface MatchDigestData {
  period: DigestPeriod;
  enterpriseName: string;
  matches: Array<{
    id: number;
    score: number;
    /** A match the enterprise was told about before, now materially better. */
    improved: boolean;
    projectTitle: string;
    region: string;
    investmentYuan: number;
    landMu: number | null;
    reasons: string[];
    incentives: DigestIncentive[];
  }>;
  /** 免申即享 incentives the enterprise has become eligible for. */
  incentives: DigestIncentive[];
  /** "本周招商资讯": published articles of its target regions and industries, each sent once (from the news module). */
  articles?: Array<{ id: number; title: string; summary: string; region: string; publishedAt: Date | string }>;
}

/** What an officer's alert shows: new high-score matches and interested enterprises in their region. */
export interface OfficerDigestData {
  period: DigestPeriod;
  regionName: string;
  /** Links go to the console: the project's matched enterprises (`/console/projects/:projectId#match-:id`). */
  matches: Array<{
    id: number;
    score: number;
    projectId: number;
    projectTitle: string;
    region: string;
    enterpriseName: string;
    reasons: string[];
    why: AlertWhy;
  }>;
  /** Links go to the lead in the console (`/console/leads/:leadId`), or the project when there is none. */
  interests: Array<{
    id: number;
    score: number;
    projectId: number;
    leadId: number | null;
    projectTitle: string;
    region: string;
    enterpriseName: string;
    why: AlertWhy;
  }>;
}

/** Why this officer got the alert ("您是该线索的负责人", "本局辖区内的新线索" …), per language. */
export type AlertWhy = { 'zh-CN': string; en: string };
