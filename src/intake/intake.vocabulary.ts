/** Words of the intake module: document and draft states, draft kinds, the stage hints a text gives. */
export const DOCUMENT_STATUSES = { processing: '识别中', ready: '已识别', failed: '识别失败' } as const;
export type DocumentStatus = keyof typeof DOCUMENT_STATUSES;

export const DOCUMENT_FORMATS = { json: '文本', txt: 'TXT', docx: 'Word', pdf: 'PDF' } as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

export const DRAFT_KINDS = { project: '招商项目', policy: '政策', incentive: '扶持措施' } as const;
export type DraftKind = keyof typeof DRAFT_KINDS;

export const DRAFT_STATUSES = { proposed: '待审核', accepted: '已采用', rejected: '已忽略' } as const;
export type DraftStatus = keyof typeof DRAFT_STATUSES;

/** The stage a text's words suggest, and the platform stage a new project starts in for it. */
export const STAGE_HINTS = { 谋划: 'planning', 签约: 'open', 开工: 'open', 投产: 'open' } as const;

/** What one field of a draft rests on: character offsets into the document's text and the quote there. */
export interface DraftEvidence {
  field: string;
  start: number;
  end: number;
  quote: string;
}
