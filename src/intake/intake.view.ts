import type { IntakeDocument } from './intake-document.entity.js';
import type { IntakeDraft } from './intake-draft.entity.js';

export const draftView = (d: IntakeDraft) => ({
  id: d.id,
  kind: d.kind,
  status: d.status,
  fields: d.fields,
  evidence: d.evidence,
  confidence: Math.round(d.confidence * 100) / 100,
  created: d.createdType && d.createdId ? { type: d.createdType, id: d.createdId } : null,
});

/** `GET /intake/documents/:id`. */
export const documentView = (doc: IntakeDocument, drafts: IntakeDraft[]) => ({
  id: doc.id,
  title: doc.title,
  status: doc.status,
  progress: doc.progress,
  failure: doc.failure,
  regionCode: doc.regionCode,
  format: doc.format,
  fileName: doc.fileName,
  sourceUrl: doc.sourceUrl,
  characters: doc.text.length,
  createdAt: doc.createdAt,
  processedAt: doc.processedAt,
  drafts: drafts.map(draftView),
});
