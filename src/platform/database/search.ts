import { queryTokens } from '../text/segmenter.js';

/**
 * A tsquery (simple config) for a user's search text, segmented with jieba like the documents:
 * every word must appear. Null when the text has no searchable word.
 */
export function tsQuery(q: string | undefined): string | null {
  if (!q) return null;
  const tokens = queryTokens(q);
  if (!tokens.length) return null;
  return tokens.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
}

/** SQL for "alias.search_text matches :tsq" using the GIN expression index. */
export const matchesSearch = (alias: string, param = 'tsq') =>
  `to_tsvector('simple', ${alias}.search_text) @@ to_tsquery('simple', :${param})`;

export const searchRank = (alias: string, param = 'tsq') =>
  `ts_rank(to_tsvector('simple', ${alias}.search_text), to_tsquery('simple', :${param}))`;
