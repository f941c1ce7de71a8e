import { enterpriseContactKeys, enterpriseNameKey } from '../../../src/enterprises/enterprise-duplicates.js';
import { EnterpriseMergeSteps } from '../../../src/enterprises/enterprise-merge.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { actor, type TestActor } from '../../support/auth.js';
import { enterpriseBody, nextUscc, projectBody } from '../../support/factories.js';

/**
 * Likely duplicates and the merge of two enterprise records (issue 17 item 8), on the real
 * database: the name key and contact keys in SQL equal their TypeScript twins; the list is
 * region-scoped; a merge keeps every lead and match (one match per project: the one further
 * along), moves certifications and users, leaves a redirect and audit entries; every table with
 * an enterprise column is looked after by some module's merge step.
 */
describe('enterprise duplicates and merge', () => {
  let t: TestApp;
  let admin: TestActor;
  let officer: TestActor;
  let luoyang: TestActor;
  let a: number;
  let b: number;
  let c: number;
  let p1: number;
  let p2: number;

  const ent = async (name: string, contacts: unknown[], over: Record<string, unknown> = {}) => {
    const r = await admin.call('POST', '/enterprises', enterpriseBody({ uscc: nextUscc(), name, contacts, ...over }));
    expect({ name, status: r.status, errors: r.body.errors }).toEqual({ name, status: 201, errors: undefined });
    return r.body.id as number;
  };
  const match = async (enterpriseId: number, projectId: number, status: string, score: number) =>
    (
      await t.dataSource.query(`INSERT INTO match (enterprise_id, project_id, score, status) VALUES ($1, $2, $3, $4) RETURNING id`, [
        enterpriseId,
        projectId,
        score,
        status,
      ])
    )[0].id as string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await actor(t, 'admin');
    officer = await actor(t, 'officer', { region: '410223' });
    luoyang = await actor(t, 'officer', { region: '410300' });
    a = await ent('河南立邦有限公司', [{ name: '张经理', phone: '0371-60000001', email: 'zhang@libang.example' }]);
    b = await ent('河南 立邦（集团）股份有限公司', [{ name: '李经理', phone: '13900000002' }], { certifications: [{ kind: 'high_tech' }] });
    c = await ent('尉氏县华通物流有限责任公司', [{ name: '赵经理', email: 'ZHANG@libang.example ' }]);
    await ent('尉氏县另一家企业有限公司', [{ name: '钱经理', phone: '13900000099' }]);
    p1 = (await officer.call('POST', '/projects', projectBody({ title: '尉氏县汽车零部件产业园' }))).body.id;
    p2 = (await officer.call('POST', '/projects', projectBody({ title: '尉氏县冷链物流园' }))).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the SQL name and contact keys equal their TypeScript twins', async () => {
    const names = [
      '河南 立邦（集团）股份有限公司',
      '河南立邦有限责任公司',
      'ＡＢＣ　科技有限公司',
      'abc科技股份公司',
      '郑州（集团）有限公司',
      ' 洛阳\t一拖 股份 ',
      '开封市(集团)',
    ];
    for (const n of names) {
      const [{ k }] = await t.dataSource.query(`SELECT enterprise_name_key($1) AS k`, [n]);
      expect({ n, k }).toEqual({ n, k: enterpriseNameKey(n) });
    }
    expect(enterpriseNameKey('河南 立邦（集团）股份有限公司')).toBe('河南立邦');
    expect(enterpriseNameKey('ＡＢＣ　科技有限公司')).toBe('abc科技');
    const contacts = [
      [{ phone: '+86 139-0000-0002', email: ' Li@Example.com' }, { phone: '123' }, { email: 'not-an-address' }],
      [{ phone: '１３９００００００２' }, { name: 'x' }],
      [],
    ];
    for (const cs of contacts) {
      const [{ k }] = await t.dataSource.query(`SELECT enterprise_contact_keys($1::jsonb) AS k`, [JSON.stringify(cs)]);
      expect(k).toEqual(enterpriseContactKeys(cs));
    }
    expect(enterpriseContactKeys(contacts[0])).toEqual(['e:li@example.com', 'p:13900000002']);
    const [{ k: odd }] = await t.dataSource.query(`SELECT enterprise_contact_keys('{"not": "an array"}'::jsonb) AS k`);
    expect(odd).toEqual([]);
  });

  it('lists likely duplicates in the region only, through the indexes', async () => {
    const list = await officer.call('GET', '/enterprises/duplicates');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        a: expect.objectContaining({ id: a }),
        b: expect.objectContaining({ id: b }),
        sameName: true,
        sharedContacts: [],
      }),
      expect.objectContaining({
        a: expect.objectContaining({ id: a }),
        b: expect.objectContaining({ id: c }),
        sameName: false,
        sharedContacts: ['e:zhang@libang.example'],
      }),
    ]);
    expect((await luoyang.call('GET', '/enterprises/duplicates')).body.items).toEqual([]);
    const plan = (
      await t.dataSource.query(
        `EXPLAIN SELECT id FROM enterprise x WHERE enterprise_name_key(x.name::text) = enterprise_name_key('河南立邦有限公司')`,
      )
    ).map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']);
    await t.dataSource.query('SET enable_seqscan = off');
    const forced = (
      await t.dataSource.query(`EXPLAIN SELECT id FROM enterprise x WHERE enterprise_contact_keys(x.contacts) && ARRAY['p:13900000002']`)
    ).map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']);
    await t.dataSource.query('SET enable_seqscan = on');
    expect(plan.join('\n') + forced.join('\n')).toMatch(/enterprise_contact_keys_gin/);
  });

  it('merges two records keeping every lead and match (one per project), with redirect and audit; outsiders are refused', async () => {
    // A and B both matched P1 (B's went further: interested); B alone matched P2
    const aP1 = await match(a, p1, 'new', 70);
    const bP1 = await match(b, p1, 'interested', 60);
    const bP2 = await match(b, p2, 'viewed', 50);
    const newLead = async (body: Record<string, unknown>) => {
      const r = await officer.call('POST', '/leads', { ownerId: officer.userId, ...body });
      expect({ status: r.status, body: r.status === 201 ? null : r.body }).toEqual({ status: 201, body: null });
      return r.body.id as number;
    };
    const leadA = await newLead({ enterpriseId: a, regionCode: '410223' });
    const leadB = await newLead({ enterpriseId: b, regionCode: '410223' });
    const leadBp2 = await newLead({ enterpriseId: b, projectId: p2 });
    const entUser = await actor(t, 'enterprise', { enterpriseId: b });

    expect((await luoyang.call('POST', `/enterprises/${a}/merge`, { duplicateId: b, reason: '重复录入' })).status).toBe(404);
    expect((await entUser.call('POST', `/enterprises/${a}/merge`, { duplicateId: b, reason: '重复录入' })).status).toBe(403);
    const self = await officer.call('POST', `/enterprises/${a}/merge`, { duplicateId: a, reason: '重复录入' });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].field).toBe('duplicateId');
    expect((await officer.call('POST', `/enterprises/${a}/merge`, { duplicateId: b })).status).toBe(400);

    const r = await officer.call('POST', `/enterprises/${a}/merge`, { duplicateId: b, reason: '同一企业重复录入' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: a, mergedId: b, moved: { lead: 2, leadClosed: 1, match: 2, matchDropped: 1, app_user: 1 } });

    const leads = await t.dataSource.query(`SELECT id, enterprise_id, stage, lost_reason FROM lead ORDER BY id`);
    expect(leads).toEqual([
      { id: leadA, enterprise_id: a, stage: 'new', lost_reason: null },
      { id: leadB, enterprise_id: a, stage: 'lost', lost_reason: `企业记录合并：与线索 #${leadA} 重复` },
      { id: leadBp2, enterprise_id: a, stage: 'new', lost_reason: null },
    ]);
    const matches = await t.dataSource.query(`SELECT id, enterprise_id, project_id, status FROM match ORDER BY project_id`);
    expect(matches).toEqual([
      { id: bP1, enterprise_id: a, project_id: p1, status: 'interested' },
      { id: bP2, enterprise_id: a, project_id: p2, status: 'viewed' },
    ]);
    expect(matches.map((x: { id: string }) => x.id)).not.toContain(aP1);
    const certs = await t.dataSource.query(`SELECT kind FROM enterprise_certification WHERE enterprise_id = $1 ORDER BY kind`, [a]);
    expect(certs.map((x: { kind: string }) => x.kind)).toEqual(['high_tech', 'industry_education_integration']);
    const [{ enterprise_id: userEnterprise }] = await t.dataSource.query(`SELECT enterprise_id FROM app_user WHERE id = $1`, [
      entUser.userId,
    ]);
    expect(userEnterprise).toBe(a);
    expect(await t.dataSource.query(`SELECT id FROM enterprise WHERE id = $1`, [b])).toEqual([]);

    const moved = await fetch(`${t.url}/enterprises/${b}`, { headers: { authorization: `Bearer ${officer.token}` }, redirect: 'manual' });
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toBe(`/enterprises/${a}`);
    const page = await fetch(`${t.url}/console/enterprises/${b}`, {
      headers: { authorization: `Bearer ${officer.token}` },
      redirect: 'manual',
    });
    expect(page.status).toBe(301);
    expect(page.headers.get('location')).toBe(`/console/enterprises/${a}`);
    const outsider = await fetch(`${t.url}/enterprises/${b}`, {
      headers: { authorization: `Bearer ${luoyang.token}` },
      redirect: 'manual',
    });
    expect(outsider.status).toBe(404); // the redirect tells no one what they may not read
    expect((await officer.call('POST', `/enterprises/${a}/merge`, { duplicateId: b, reason: '再次合并' })).status).toBe(400); // gone

    const audit = await t.dataSource.query(
      `SELECT action, target_id, detail FROM audit_log WHERE action LIKE 'enterprise.merge%' ORDER BY id`,
    );
    expect(audit.map((x: { action: string; target_id: string }) => [x.action, Number(x.target_id)])).toEqual([
      ['enterprise.merged', a],
      ['enterprise.merged_away', b],
    ]);
    expect(audit[0].detail).toMatchObject({ mergedId: b, reason: '同一企业重复录入' });
    const closed = await t.dataSource.query(`SELECT action FROM audit_log WHERE action = 'lead.stage_changed' AND target_id = $1`, [
      String(leadB),
    ]);
    expect(closed.length).toBeGreaterThan(0);
  });

  it('every table holding an enterprise id is looked after by a merge step', async () => {
    const columns: Array<{ table_name: string }> = await t.dataSource.query(
      `SELECT DISTINCT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND (column_name LIKE '%enterprise_id' OR column_name = 'anchor_enterprise_ids')
          AND table_name NOT IN ('matching_run_chunk', 'enterprise_redirect')`,
    );
    const covered = new Set(
      t
        .get(EnterpriseMergeSteps)
        .list()
        .flatMap((s) => s.tables),
    );
    covered.add('enterprise_certification'); // the enterprises module's own
    expect(columns.map((x) => x.table_name).filter((n) => !covered.has(n))).toEqual([]);
  });
});
