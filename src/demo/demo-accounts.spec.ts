import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD, demoBureaus, demoUsers } from './demo-accounts.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Demo accounts'), readme.indexOf('## Configuration'));
const ROLE_WORDS = { admin: '平台管理员', bureau_lead: '局负责人', officer: '招商专员', enterprise: '企业用户' } as const;

/** Issue 11 item 15: the README names every demo account — role, region, e-mail, password, what it is for. */
describe('README › Demo accounts', () => {
  it('has the section, with the password', () => {
    expect(section.length).toBeGreaterThan(100);
    expect(section).toContain(DEMO_PASSWORD);
  });

  it.each(demoUsers.map((u) => [u.email, u]))('lists %s with its role, region and password', (_email, u) => {
    const row = section.split('\n').find((l) => l.includes(`\`${u.email}\``));
    expect(row).toBeDefined();
    const cells = row!.split('|').map((c) => c.trim());
    expect(cells[1]).toContain(ROLE_WORDS[u.role]);
    if (u.bureau) expect(cells[2]).toContain(demoBureaus.find((b) => b.key === u.bureau)!.regionCode);
    expect(cells[4]).toBe(`\`${DEMO_PASSWORD}\``);
    expect(cells[5].length).toBeGreaterThan(10); // what it is for
  });

  it('names no account the demo does not create', () => {
    const listed = [...section.matchAll(/`([a-z0-9.]+@example\.com)`/g)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(demoUsers.map((u) => u.email)));
  });
});
