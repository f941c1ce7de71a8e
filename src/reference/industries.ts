import { readFileSync } from 'node:fs';
import { CodeTree, type TreeNode } from './tree.js';

export const INDUSTRY_LEVELS = { 1: '门类', 2: '大类', 3: '中类', 4: '小类' } as const;

let tree: CodeTree | undefined;

/** GB/T 4754-2017 industries (门类/大类/中类/小类), the project's own table (see data/INDUSTRIES.md). */
export function industries(): CodeTree {
  if (!tree) {
    const lines = readFileSync(new URL('./data/industries.csv', import.meta.url), 'utf8')
      .trim()
      .split(/\r?\n/);
    const header = lines.shift();
    if (header !== 'code,name,level,parent') throw new Error(`industries.csv: unexpected header ${header}`);
    tree = new CodeTree(
      lines.map((line): TreeNode => {
        const m = /^([A-T]\d{0,4}),(.*),([1-4]),([A-T]\d{0,3})?$/.exec(line);
        if (!m) throw new Error(`industries.csv: bad line ${line}`);
        const name = m[2].startsWith('"') ? m[2].slice(1, -1).replace(/""/g, '"') : m[2];
        return { code: m[1], name, level: Number(m[3]), parent: m[4] ?? null };
      }),
    );
  }
  return tree;
}
