import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = join(process.cwd(), 'scripts', 'check-engines.mjs');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };

/** `npm run check:engines`: package.json `engines` and package-lock's engines fields agree (issue 11 item 18). */
describe('check:engines', () => {
  it('promises only maintained Node LTS lines (no Node 20, nothing before 22)', () => {
    expect(pkg.engines.node).toBe('^22.22.3 || ^24.15.0 || >=26.0.0');
  });

  it('finds no installed package that wants a newer Node than engines allows', async () => {
    const { stdout } = await run(process.execPath, [script]);
    expect(stdout).toMatch(/all \d+ packages that state an engines\.node range agree/);
  });

  it('fails, naming the package and its range, when a dependency wants more than engines promises', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engines-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', engines: { node: '>=20.11' } }));
    const lock = {
      packages: {
        '': { name: 'x' },
        'node_modules/fine': { engines: { node: '>=18' } },
        'node_modules/nestjs-pino': { engines: { node: '>=22.12.0' } },
      },
    };
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
    const failed = await run(process.execPath, [
      script,
      '--package',
      join(dir, 'package.json'),
      '--lock',
      join(dir, 'package-lock.json'),
    ]).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('node_modules/nestjs-pino  wants node >=22.12.0');
    expect(failed?.stderr).not.toContain('node_modules/fine');
  });
});
