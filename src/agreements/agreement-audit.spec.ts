import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS } from '../audit/audit.service.js';
import { AGREEMENT_AUDIT_ACTIONS } from './agreement.vocabulary.js';

describe('agreement audit actions', () => {
  it('each has its Chinese label in the audit log (the same words)', () => {
    for (const [action, label] of Object.entries(AGREEMENT_AUDIT_ACTIONS))
      expect({ action, label: AUDIT_ACTIONS[action] }).toEqual({ action, label });
  });

  it('the module records no action missing from the list', () => {
    const dir = new URL('.', import.meta.url).pathname;
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(agreement\.[a-z_]+)'/g)) used.add(m[1]);
    }
    used.delete('agreement.warning'); // the warning mail's template name, not an audit action
    expect([...used].sort()).toEqual(Object.keys(AGREEMENT_AUDIT_ACTIONS).sort());
  });
});
