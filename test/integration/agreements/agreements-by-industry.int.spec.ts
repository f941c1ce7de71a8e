import type { Actor } from '../../../src/access/actor.js';
import { AgreementsService } from '../../../src/agreements/agreements.service.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';
import { enterpriseBody, nextUscc } from '../../support/factories.js';

/**
 * Figures by industry group (what the chains module's by-chain breakdown asks for): an agreement
 * keeps its lead's industries with their ancestors, and counts in every group whose codes cover them.
 */
describe('agreement figures by industry group', () => {
  let t: TestApp;
  let officer: TestActor;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410223' });
    const sign = async (industryCodes: string[], investmentYuan: number) => {
      const e = (await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(), industryCodes }))).body;
      const l = (await officer.call('POST', '/leads', { enterpriseId: e.id, regionCode: '410223', ownerId: officer.userId })).body;
      expect((await officer.call('POST', `/leads/${l.id}/stage`, { stage: 'signed', amountYuan: investmentYuan })).status).toBe(200);
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      expect((await officer.call('POST', `/leads/${l.id}/agreement`, { signedOn: today, pledges: { investmentYuan } })).status).toBe(201);
    };
    await sign(['C3670'], 50_000_000); // 汽车零部件及配件制造
    await sign(['C3670', 'C2641'], 20_000_000); // and 涂料制造
    await sign(['C1351'], 30_000_000); // 牲畜屠宰
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts each agreement in every group its industries fall under, with the region scope of the caller', async () => {
    const svc = t.get(AgreementsService);
    const me: Actor = {
      userId: officer.userId,
      role: 'officer',
      email: officer.email,
      name: '尉氏专员',
      bureauId: officer.bureauId,
      regionScope: '410223',
      enterpriseId: null,
    };
    const stored = await t.dataSource.query(`SELECT industry_path FROM agreement ORDER BY id`);
    expect(stored[0].industry_path).toEqual(expect.arrayContaining(['C', 'C36', 'C367', 'C3670']));
    const by = await svc.figuresByIndustries(me, {}, [
      { key: 'auto', industryCodes: ['C36'] },
      { key: 'paint', industryCodes: ['C2641'] },
      { key: 'food', industryCodes: ['C13', 'C14'] },
      { key: 'none', industryCodes: [] },
    ]);
    expect(by.get('auto')!.agreements.total).toBe(2);
    expect(by.get('auto')!.investment.pledgedYuan).toBe(70_000_000);
    expect(by.get('paint')!.agreements.total).toBe(1);
    expect(by.get('food')!.investment.pledgedYuan).toBe(30_000_000);
    expect(by.get('none')!.agreements.total).toBe(0);
    expect((await svc.figures(me, {})).agreements.total).toBe(3);
    const elsewhere: Actor = { ...me, regionScope: '410300' }; // 洛阳市: none of these
    expect((await svc.figuresByIndustries(elsewhere, {}, [{ key: 'auto', industryCodes: ['C36'] }])).get('auto')!.agreements.total).toBe(0);
  });
});
