import type { Request, Response } from 'express';
import { AuditEntry } from '../../../src/audit/audit-entry.entity.js';
import { AuditService } from '../../../src/audit/audit.service.js';
import { currentRequestMeta, requestContextMiddleware } from '../../../src/audit/request-context.js';
import { FakeClock } from '../../../src/platform/clock/clock.js';
import { startTestApp, type TestApp } from '../../support/app.js';

describe('audit log: append-only, transactional, with origin', () => {
  let t: TestApp;
  let audit: AuditService;
  const clock = new FakeClock(new Date('2026-03-02T01:30:00Z'));
  const actor = { userId: 7, email: 'officer@example.com', role: 'officer' };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    audit = t.get(AuditService);
  });
  afterAll(async () => {
    await t?.close();
  });

  const entries = (action: string) => t.dataSource.manager.find(AuditEntry, { where: { action }, order: { id: 'ASC' } });

  it('records who, what, when, from where and the region path of the target', async () => {
    await audit.record(null, {
      actor,
      action: 'test.recorded',
      target: { type: 'project', id: 42, region: '410223' },
      detail: { from: 'open', to: 'signed' },
      ip: { ip: '203.0.113.9', userAgent: 'Mozilla/5.0 测试' },
    });
    const [e] = await entries('test.recorded');
    expect(e).toMatchObject({
      actorUserId: 7,
      actorEmail: 'officer@example.com',
      actorRole: 'officer',
      targetType: 'project',
      targetId: '42',
      regionCode: '410223',
      regionPath: ['410000', '410200', '410223'],
      detail: { from: 'open', to: 'signed' },
      ip: '203.0.113.9',
      userAgent: 'Mozilla/5.0 测试',
    });
    expect(e.at.toISOString()).toBe('2026-03-02T01:30:00.000Z'); // the injected clock
  });

  it('takes the origin from the current request when none is given, and ignores unknown regions', async () => {
    const req = { ip: '198.51.100.4', headers: { 'user-agent': 'curl/8' } } as unknown as Request;
    await new Promise<void>((resolve, reject) => {
      requestContextMiddleware(req, {} as Response, () => {
        expect(currentRequestMeta()).toEqual({ ip: '198.51.100.4', userAgent: 'curl/8' });
        audit.record(null, { actor: null, action: 'test.context', target: { type: 'x', region: '999999' } }).then(resolve, reject);
      });
    });
    expect(currentRequestMeta()).toBeNull();
    const [e] = await entries('test.context');
    expect(e).toMatchObject({ ip: '198.51.100.4', userAgent: 'curl/8', actorUserId: null, regionCode: null, regionPath: [] });
  });

  it("writes inside the caller's transaction: a rolled-back change leaves no entry", async () => {
    await expect(
      t.dataSource.transaction(async (m) => {
        await audit.record(m, { actor, action: 'test.rolled_back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await entries('test.rolled_back')).toHaveLength(0);

    await expect(
      audit.within(async () => {
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    const r = await audit.within(async (m) => {
      const [{ n }] = await m.query('SELECT 41 + 1 AS n');
      return {
        result: n,
        audit: [
          { actor, action: 'test.within' },
          { actor, action: 'test.within' },
        ],
      };
    });
    expect(r).toBe(42);
    expect(await entries('test.within')).toHaveLength(2);
  });

  it('refuses UPDATE, DELETE and TRUNCATE (append-only, enforced by the database)', async () => {
    await audit.record(null, { actor, action: 'test.immutable' });
    const [e] = await entries('test.immutable');
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'tampered' WHERE id = $1`, [e.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log WHERE id = $1`, [e.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await entries('test.immutable')).toHaveLength(1);
  });
});
