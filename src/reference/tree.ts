/**
 * An in-memory code tree (GB/T 2260 regions, GB/T 4754 industries). Both standards are small and
 * change rarely (≈3,400 regions, ≈2,000 industries), so each process holds them and answers
 * ancestry questions without a query; the database keeps the same rows for joins and constraints.
 */
export interface TreeNode {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  readonly parent: string | null;
}

export class CodeTree<N extends TreeNode = TreeNode> {
  private readonly byCode = new Map<string, N>();
  private readonly kids = new Map<string | null, N[]>();
  private readonly paths = new Map<string, readonly string[]>();

  constructor(nodes: Iterable<N>) {
    for (const n of nodes) {
      if (this.byCode.has(n.code)) throw new Error(`duplicate code ${n.code}`);
      this.byCode.set(n.code, n);
    }
    for (const n of this.byCode.values()) {
      if (n.parent !== null && !this.byCode.has(n.parent)) throw new Error(`${n.code}: unknown parent ${n.parent}`);
      const list = this.kids.get(n.parent) ?? [];
      list.push(n);
      this.kids.set(n.parent, list);
    }
    for (const list of this.kids.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  }

  get size(): number {
    return this.byCode.size;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get(code: string): N | undefined {
    return this.byCode.get(code);
  }

  children(code: string | null): readonly N[] {
    return this.kids.get(code) ?? [];
  }

  roots(): readonly N[] {
    return this.children(null);
  }

  /** Codes from the root down to and including `code`: 410223 → [410000, 410200, 410223]. */
  path(code: string): readonly string[] {
    let p = this.paths.get(code);
    if (!p) {
      const node = this.byCode.get(code);
      if (!node) throw new Error(`unknown code ${code}`);
      p = Object.freeze([...(node.parent ? this.path(node.parent) : []), code]);
      this.paths.set(code, p);
    }
    return p;
  }

  /** The union of the paths of several codes (an entity's closure, stored for GIN-indexed queries). */
  closure(codes: Iterable<string>): string[] {
    const out = new Set<string>();
    for (const c of codes) for (const a of this.path(c)) out.add(a);
    return [...out].sort();
  }

  /** Whether `code` lies in the subtree rooted at `ancestor` (inclusive). */
  isWithin(code: string, ancestor: string): boolean {
    return this.byCode.has(code) && this.path(code).includes(ancestor);
  }

  /** The deepest code both lie under, or null when they share no root. */
  commonAncestor(a: string, b: string): string | null {
    const pa = this.path(a);
    const pb = this.path(b);
    let last: string | null = null;
    for (let i = 0; i < Math.min(pa.length, pb.length) && pa[i] === pb[i]; i++) last = pa[i];
    return last;
  }

  /** Every code in the subtree (inclusive), depth-first. */
  subtree(code: string): string[] {
    const out: string[] = [];
    const walk = (c: string) => {
      out.push(c);
      for (const k of this.children(c)) walk(k.code);
    };
    if (this.byCode.has(code)) walk(code);
    return out;
  }

  /** Names from the root down: ['河南省', '开封市', '尉氏县']. */
  names(code: string): string[] {
    return this.path(code).map((c) => this.byCode.get(c)!.name);
  }

  all(): IterableIterator<N> {
    return this.byCode.values();
  }
}
