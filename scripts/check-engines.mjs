#!/usr/bin/env node
/**
 * `npm run check:engines`: every installed package (package-lock.json, dev ones included) must run
 * on every Node version our package.json `engines.node` allows — no dependency may want a newer
 * Node than we promise. Exit 1 and list the offenders otherwise (each with the range it wants).
 * `--package FILE --lock FILE` check other files (the unit test feeds it a bad lock on purpose).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const semver = require('semver');

export function engineConflicts(pkg, lock) {
  const ours = pkg.engines?.node;
  if (!ours || !semver.validRange(ours))
    return [{ name: pkg.name ?? '(root)', wants: String(ours), problem: 'engines.node missing or invalid' }];
  const conflicts = [];
  for (const [path, meta] of Object.entries(lock.packages ?? {})) {
    if (!path) continue; // the root package itself
    const wants = typeof meta.engines === 'object' && !Array.isArray(meta.engines) ? meta.engines.node : undefined;
    if (!wants) continue;
    // `*` and friends are fine; a range we cannot parse is reported rather than ignored
    if (!semver.validRange(wants)) {
      conflicts.push({ name: path.replace(/^.*node_modules\//, ''), path, wants, problem: 'unparseable engines.node' });
    } else if (!semver.subset(ours, wants)) {
      conflicts.push({ name: path.replace(/^.*node_modules\//, ''), path, wants, dev: Boolean(meta.dev) });
    }
  }
  return conflicts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { package: { type: 'string', default: 'package.json' }, lock: { type: 'string', default: 'package-lock.json' } },
  });
  const pkg = JSON.parse(readFileSync(values.package, 'utf8'));
  const lock = JSON.parse(readFileSync(values.lock, 'utf8'));
  const conflicts = engineConflicts(pkg, lock);
  const running = semver.satisfies(process.versions.node, pkg.engines?.node ?? '*');
  if (conflicts.length) {
    console.error(`engines.node is "${pkg.engines?.node}", but ${conflicts.length} installed package(s) want otherwise:`);
    for (const c of conflicts)
      console.error(`  ${c.path ?? c.name}  wants node ${c.wants}${c.dev ? '  (dev)' : ''}${c.problem ? `  — ${c.problem}` : ''}`);
    process.exit(1);
  }
  const count = Object.values(lock.packages ?? {}).filter((m) => m.engines?.node).length;
  console.log(`engines.node "${pkg.engines.node}": all ${count} packages that state an engines.node range agree`);
  if (!running) console.warn(`warning: this Node (${process.version}) is outside engines.node "${pkg.engines.node}"`);
}
