// Folder cycles between the modules under src/ (npm run check:cycles). dependency-cruiser reads
// every import (type-only ones included: a type import still ties one module's code to
// another's); the files are folded into their top-level folder (src/<module>/…) and the folder
// graph's strongly connected components are the cycles. Exits 1 when there is any.
import { cruise } from 'dependency-cruiser';

const result = await cruise(['src'], {
  tsPreCompilationDeps: true,
  tsConfig: { fileName: 'tsconfig.json' },
  exclude: { path: '\\.spec\\.ts$' },
  doNotFollow: { path: 'node_modules' },
});
const folderOf = (path) => {
  const m = /^src\/([^/]+)\//.exec(path);
  return m ? m[1] : null; // top-level files (main.ts, app.module.ts, entities.ts) are the composition root
};
const edges = new Map();
const examples = new Map();
for (const mod of result.output.modules) {
  const from = folderOf(mod.source);
  if (!from) continue;
  for (const dep of mod.dependencies) {
    const to = folderOf(dep.resolved);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
    const key = `${from}>${to}`;
    if (!examples.has(key)) examples.set(key, `${mod.source} → ${dep.resolved}`);
  }
}
// Tarjan's strongly connected components
const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])])].sort();
let index = 0;
const idx = new Map(),
  low = new Map(),
  stack = [],
  onStack = new Set(),
  components = [];
const visit = (v) => {
  idx.set(v, index);
  low.set(v, index);
  index++;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const c = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1) components.push(c.sort());
  }
};
for (const v of nodes) if (!idx.has(v)) visit(v);
const pairs = [];
for (const [a, tos] of edges) for (const b of tos) if (a < b && edges.get(b)?.has(a)) pairs.push([a, b]);
pairs.sort();
console.log(`${nodes.length} folders, ${[...edges.values()].reduce((n, s) => n + s.size, 0)} folder dependencies`);
console.log(`folder cycles: ${components.length} strongly connected group(s), ${pairs.length} two-way pair(s)`);
for (const c of components) console.log(`  group: ${c.join(' ↔ ')}`);
for (const [a, b] of pairs) console.log(`  ${a} ↔ ${b}: ${examples.get(`${a}>${b}`)} | ${examples.get(`${b}>${a}`)}`);
process.exitCode = components.length ? 1 : 0;
