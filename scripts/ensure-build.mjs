#!/usr/bin/env node
/**
 * Runs before every script that starts compiled code (`start`, `start:worker`, `migration:run`,
 * `migration:revert`, `seed:demo`, `demo`): builds `dist/` when it is missing or older than the
 * sources, so these work straight after `npm ci` in a fresh clone. Does nothing in an image that
 * ships `dist/` without the sources. Also warns when this Node is outside package.json `engines`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'dist', 'src', 'main.js');
const inputs = ['src', 'migrations', 'bench', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];

function warnOnUnsupportedNode() {
  try {
    const semver = createRequire(import.meta.url)('semver');
    const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node;
    if (wanted && !semver.satisfies(process.versions.node, wanted)) {
      console.warn(`warning: Node ${process.version} is not supported (package.json engines: ${wanted}); see README › Requirements`);
    }
  } catch {
    // no semver (production image without dev dependencies): nothing to say
  }
}

function newestMtime(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file shows as a newer directory
  for (const entry of readdirSync(full)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

warnOnUnsupportedNode();
if (!existsSync(join(root, 'src'))) process.exit(0); // an image with dist/ only
const built = existsSync(output) ? statSync(output).mtimeMs : 0;
const changed = Math.max(...inputs.map(newestMtime));
if (built && built >= changed) process.exit(0);

const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
if (!existsSync(nest)) {
  if (built) {
    console.warn('warning: dist/ is older than the sources, but the build tool is not installed (npm ci without dev dependencies?)');
    process.exit(0);
  }
  console.error('dist/ has not been built and @nestjs/cli is not installed: run `npm ci` (with dev dependencies) first');
  process.exit(1);
}
console.log(built ? 'sources changed since the last build: building dist/ …' : 'dist/ not built yet: building …');
const result = spawnSync(process.execPath, [nest, 'build'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
