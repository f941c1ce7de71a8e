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
  matches: Array<{ id: number; score: number; projectTitle: string; region: string; enterpriseName: string; reasons: string[] }>;
  interests: Array<{ id: number; score: number; projectTitle: string; region: string; enterpriseName: string }>;
}
