import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese word segmentation. Intl.Segmenter splits place names such as 尉氏县 into single
 * characters; jieba keeps them whole. Documents are indexed with search-mode cuts (also the
 * shorter words inside long ones), queries are cut precisely, so "现代农业产业园" finds a text
 * that says "生猪现代农业产业园".
 */
const jieba = Jieba.withDict(dict);

const KEEP = /[\p{L}\p{N}]/u;

function clean(tokens: string[]): string[] {
  const out = new Set<string>();
  for (const t of tokens) {
    const w = t.trim().toLowerCase();
    if (w && KEEP.test(w) && w.length <= 40) out.add(w);
  }
  return [...out];
}

/** Tokens for the search index of a document (deduplicated, lower-cased, punctuation dropped). */
export function indexTokens(...parts: Array<string | null | undefined>): string[] {
  return clean(jieba.cutForSearch(parts.filter(Boolean).join('\n'), true));
}

/** Tokens of a user's search query. */
export function queryTokens(q: string): string[] {
  return clean(jieba.cut(q, true));
}

/** Space-joined tokens, the form stored in `search_text` columns and fed to to_tsvector('simple', …). */
export const searchText = (...parts: Array<string | null | undefined>) => indexTokens(...parts).join(' ');

/** Words of a text for relevance scoring: meaningful words only (no single characters, no digits-only). */
export function contentWords(text: string | null | undefined): string[] {
  if (!text) return [];
  return clean(jieba.cut(text, true)).filter((w) => w.length >= 2 && !/^\d+$/.test(w));
}
