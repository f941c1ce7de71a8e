import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../access/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { forbidden, validationFailed } from '../platform/http/problem.js';
import { LegalDocument, type LegalDocumentKind } from './legal-document.entity.js';
import { LEGAL_TEXTS, LEGAL_TITLES } from './legal-texts.js';

export const LEGAL_KINDS: readonly LegalDocumentKind[] = ['terms', 'privacy'];

export interface LegalText {
  kind: LegalDocumentKind;
  title: string;
  version: number;
  body: string;
  /** null: the repository's text (version 1), never republished. */
  publishedAt: Date | null;
}

export const isLegalKind = (s: string): s is LegalDocumentKind => (LEGAL_KINDS as readonly string[]).includes(s);

/**
 * The 用户协议 and 隐私政策: version 1 is the repository's text (legal-texts.ts); an admin publishing
 * an edit adds the next version (audited). Sign-up records the versions the account agreed to.
 */
@Injectable()
export class LegalDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async current(kind: LegalDocumentKind, m: EntityManager = this.dataSource.manager): Promise<LegalText> {
    const row = await m.findOne(LegalDocument, { where: { kind }, order: { version: 'DESC' } });
    if (!row) return { kind, title: LEGAL_TITLES[kind], version: 1, body: LEGAL_TEXTS[kind], publishedAt: null };
    return { kind, title: LEGAL_TITLES[kind], version: row.version, body: row.body, publishedAt: row.publishedAt };
  }

  async currentVersions(m: EntityManager = this.dataSource.manager): Promise<{ terms: number; privacy: number }> {
    const [terms, privacy] = await Promise.all([this.current('terms', m), this.current('privacy', m)]);
    return { terms: terms.version, privacy: privacy.version };
  }

  /** Admin: publishes an edited text as the next version (an unchanged text publishes nothing). */
  async publish(actor: Actor, kind: LegalDocumentKind, body: string): Promise<LegalText> {
    if (!isAdmin(actor)) throw forbidden('只有平台管理员可以修改协议文本');
    const text = body.replace(/\r\n/g, '\n').trim();
    if (!text) throw validationFailed([{ field: 'body', code: 'required', message: '必填' }]);
    if (text.length > 50_000) throw validationFailed([{ field: 'body', code: 'too_long', message: '最多 50000 个字符' }]);
    return this.dataSource.transaction(async (m) => {
      // one publisher at a time per kind: the next version number is taken under a row lock
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('legal_document:' || $1))`, [kind]);
      const now = await this.current(kind, m);
      if (now.body === text) return now;
      const version = now.version + 1;
      await m.insert(LegalDocument, { kind, version, body: text, publishedByUserId: actor.userId });
      await this.audit.record(m, {
        actor,
        action: 'legal.published',
        target: { type: 'legal_document', id: `${kind}:${version}`, region: null },
        detail: { kind, version, previousVersion: now.version },
      });
      return this.current(kind, m);
    });
  }
}
