/**
 * A multi-pattern dictionary matcher (a trie over UTF-16 code units, leftmost-longest, non-overlapping).
 * modern-ahocorasick was tried first: it segments the input into grapheme clusters with Intl.Segmenter,
 * which costs ≈1 s per 30,000-character report on this machine — half the extraction budget for one
 * scan. Chinese place and industry names have no combining sequences, so code units are exact here;
 * with names of at most ~25 characters a scan is O(text × longest name), ≈30 ms for a report.
 */

interface Node<T> {
  next: Map<number, Node<T>>;
  data?: T;
  pattern?: string;
}

export interface DictionaryMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly pattern: string;
  readonly data: T;
}

export class Dictionary<T> {
  private readonly root: Node<T> = { next: new Map() };
  private longest = 0;

  constructor(entries: Iterable<{ pattern: string; data: T }>) {
    for (const { pattern, data } of entries) {
      if (!pattern) continue;
      let node = this.root;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        let next = node.next.get(c);
        if (!next) node.next.set(c, (next = { next: new Map() }));
        node = next;
      }
      node.data = data;
      node.pattern = pattern;
      this.longest = Math.max(this.longest, pattern.length);
    }
  }

  /** Matches left to right; at each position the longest pattern wins and the scan resumes after it. */
  *matches(text: string): IterableIterator<DictionaryMatch<T>> {
    let i = 0;
    while (i < text.length) {
      let node: Node<T> | undefined = this.root;
      let best: Node<T> | undefined;
      let bestEnd = i;
      for (let j = i; j < text.length && j - i < this.longest; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node) break;
        if (node.pattern !== undefined) {
          best = node;
          bestEnd = j + 1;
        }
      }
      if (best) {
        yield { start: i, end: bestEnd, pattern: best.pattern!, data: best.data as T };
        i = bestEnd;
      } else i++;
    }
  }
}
