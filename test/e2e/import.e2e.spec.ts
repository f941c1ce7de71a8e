import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { nextUscc } from '../support/factories.js';

/** Uploads a file as multipart/form-data (field `file`). */
async function upload(t: TestApp, by: TestActor, kind: string, name: string, content: Buffer | string, query = '') {
  const form = new FormData();
  form.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const r = await fetch(`${t.url}/imports/${kind}${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${by.token}` },
    body: form,
  });
  return { status: r.status, body: (await r.json()) as any, headers: r.headers };
}

const csv = (rows: Array<Array<string | number>>) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';

async function xlsx(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readXlsx(buf: ArrayBuffer): Promise<{ sheets: string[]; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheets: wb.worksheets.map((w) => w.name), rows };
}

const ENTERPRISE_HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '行业代码',
  '注册地区划代码',
  '意向投资地区代码',
  '最低投资额（万元）',
  '企业规模',
  '资质认定',
  '联系人',
  '联系电话',
];
const enterpriseRow = (uscc: string, name: string, over: Partial<Record<string, string>> = {}) =>
  ENTERPRISE_HEADERS.map(
    (h) =>
      over[h] ??
      {
        统一社会信用代码: uscc,
        企业名称: name,
        行业代码: 'C1351、A0313',
        注册地区划代码: '410223',
        意向投资地区代码: '410223',
        '最低投资额（万元）': '5000.5',
        企业规模: '中型',
        资质认定: '高新技术企业、产教融合型企业',
        联系人: '王经理',
        联系电话: '13800138000',
      }[h]!,
  );

describe('imports: CSV and XLSX of enterprises, projects and leads', () => {
  let t: TestApp;
  let officer: TestActor; // 尉氏县
  let other: TestActor; // 洛阳市

  beforeAll(async () => {
    t = await startTestApp();
    officer = await actor(t, 'officer', { region: '410223' });
    other = await actor(t, 'officer', { region: '410300' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('offers a template per kind: Chinese headers, an example, and a sheet explaining the columns', async () => {
    const r = await fetch(`${t.url}/imports/templates/enterprises`, { headers: { authorization: `Bearer ${officer.token}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(encodeURIComponent('企业导入模板.xlsx'));
    const book = await readXlsx(await r.arrayBuffer());
    expect(book.sheets).toEqual(['数据', '填写说明']);
    expect(book.rows[0]).toEqual(
      expect.arrayContaining(['统一社会信用代码', '企业名称', '行业代码', '注册地区划代码', '最低投资额（万元）', '联系人']),
    );
    const leads = await fetch(`${t.url}/imports/templates/leads?format=csv`, { headers: { authorization: `Bearer ${officer.token}` } });
    const text = Buffer.from(await leads.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF线索编号,统一社会信用代码,项目编号,意向地区代码,负责人邮箱,阶段')).toBe(true);
    expect((await officer.call('GET', '/imports/templates/widgets')).status).toBe(400);
  });

  describe('enterprises with bad rows', () => {
    const good1 = nextUscc();
    const good2 = nextUscc();
    const badCheck = good2.slice(0, 17) + (good2[17] === '0' ? '1' : '0');
    const file = () =>
      csv([
        ENTERPRISE_HEADERS,
        enterpriseRow(good1, '河南牧丰农牧科技有限公司'), // line 2
        enterpriseRow(badCheck, '校验位错误的企业'), // line 3
        enterpriseRow(nextUscc(), '行业代码错误的企业', { 行业代码: 'C99' }), // line 4
        enterpriseRow(good1, '重复的企业'), // line 5
        enterpriseRow(nextUscc(), '金额错误的企业', { '最低投资额（万元）': '五千' }), // line 6
        enterpriseRow(nextUscc('410300'), '外地企业', { 注册地区划代码: '410300', 意向投资地区代码: '410300' }), // line 7
        enterpriseRow(good2, '河南豫丰食品科技有限公司', { 联系人: '', 企业规模: '' }), // line 8: no contact name
        enterpriseRow(nextUscc(), '', {}).map((c, i) => (i === 1 ? '' : c)), // line 9: no name
      ]);

    it('lists each bad row with line, field, column and reason, and imports nothing', async () => {
      const r = await upload(t, officer, 'enterprises', '企业台账.csv', file());
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ status: 'rejected', created: 0, invalidRows: 7, progress: { totalRows: 8 } });
      // the Chinese file name as the officer chose it (multipart sends UTF-8 bytes, read back from Latin-1)
      expect(r.body.fileName).toBe('企业台账.csv');
      const by = (line: number) => r.body.errors.filter((e: { line: number }) => e.line === line);
      expect(by(2)).toEqual([]);
      expect(by(3)).toEqual([
        { line: 3, field: 'uscc', column: '统一社会信用代码', code: 'uscc_check_digit', message: '统一社会信用代码校验位错误' },
      ]);
      expect(by(4)).toEqual([expect.objectContaining({ field: 'industryCodes[0]', column: '行业代码', message: '未知的行业代码' })]);
      expect(by(5)).toEqual([expect.objectContaining({ field: 'uscc', code: 'duplicate_in_file', message: '与第 2 行重复' })]);
      expect(by(6)).toEqual([expect.objectContaining({ field: 'investmentMinYuan', column: '最低投资额（万元）', code: 'invalid_cell' })]);
      expect(by(7)).toEqual([expect.objectContaining({ field: 'homeRegionCode', code: 'outside_region' })]);
      expect(by(8)).toEqual([expect.objectContaining({ field: 'contacts[0].name', column: '联系人' })]);
      expect(by(9)).toEqual([expect.objectContaining({ field: 'name', column: '企业名称' })]);
      const found = await t.dataSource.query(`SELECT uscc FROM enterprise WHERE uscc = ANY($1::char(18)[])`, [[good1, good2]]);
      expect(found).toEqual([]);
    });

    it('imports the good rows only when asked, exactly like the API would, and idempotently', async () => {
      const r = await upload(t, officer, 'enterprises', '企业台账.csv', file(), '?validOnly=true');
      expect(r.body).toMatchObject({ status: 'completed', created: 1, existing: 0, invalidRows: 7 });
      const e = (await officer.call('GET', `/enterprises?q=牧丰农牧`)).body.items[0];
      expect(e).toMatchObject({ uscc: good1, investmentMinYuan: 50_005_000, size: 'medium', homeRegion: { code: '410223' } });
      const full = (await officer.call('GET', `/enterprises/${e.id}`)).body;
      expect(full.certifications.map((c: { kind: string; status: string }) => `${c.kind}:${c.status}`).sort()).toEqual([
        'high_tech:claimed',
        'industry_education_integration:claimed',
      ]);
      expect(full.industries.map((i: { code: string }) => i.code)).toEqual(['C1351', 'A0313']);
      // what the service writes for a registration: a matching job through the outbox
      const [job] = await t.dataSource.query(`SELECT job_name FROM outbox WHERE payload->>'enterpriseId' = $1`, [String(e.id)]);
      expect(job.job_name).toBe('matching.enterprise');

      const again = await upload(t, officer, 'enterprises', '企业台账.csv', file(), '?validOnly=true');
      expect(again.body).toMatchObject({ status: 'completed', created: 0, existing: 1, invalidRows: 7 });
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM enterprise WHERE uscc = $1`, [good1]);
      expect(n).toBe(1);
      const [audit] = await t.dataSource.query(
        `SELECT actor_user_id, detail FROM audit_log WHERE action = 'enterprise.imported' ORDER BY id LIMIT 1`,
      );
      expect(audit).toMatchObject({ actor_user_id: officer.userId, detail: { created: 1, invalid: 7, rows: 8 } });
    });
  });

  it('refuses unknown and missing columns before reading rows; accepts English aliases and GBK files', async () => {
    const unknown = await upload(
      t,
      officer,
      'enterprises',
      'x.csv',
      csv([
        [...ENTERPRISE_HEADERS, '喜好'],
        [...enterpriseRow(nextUscc(), '某企业'), '无'],
      ]),
    );
    expect(unknown.body).toMatchObject({ status: 'rejected', errors: [{ line: 1, code: 'unknown_column', message: '未知的列「喜好」' }] });
    const missing = await upload(t, officer, 'enterprises', 'x.csv', csv([['企业名称'], ['某企业']]));
    expect(missing.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'uscc:missing_column',
      'industryCodes:missing_column',
      'homeRegionCode:missing_column',
      'contacts[0].name:missing_column',
    ]);
    const twice = await upload(
      t,
      officer,
      'enterprises',
      'x.csv',
      csv([
        [...ENTERPRISE_HEADERS, '最低投资额（元）'],
        [...enterpriseRow(nextUscc(), '某企业'), '1'],
      ]),
    );
    expect(twice.body.errors[0]).toMatchObject({ code: 'duplicate_column' });

    const u1 = nextUscc();
    const english = await upload(
      t,
      officer,
      'enterprises',
      'en.csv',
      csv([
        ['uscc', 'name', 'industryCodes', 'homeRegionCode', 'contactName', 'investmentMaxYuan'],
        [u1, '河南英文列名有限公司', 'C13', '410223', '李四', '300000000'],
      ]),
    );
    expect(english.body).toMatchObject({ status: 'completed', created: 1 });
    const u2 = nextUscc();
    const gbk = iconv.encode(csv([ENTERPRISE_HEADERS, enterpriseRow(u2, '河南国标编码食品有限公司')]), 'gbk');
    const r = await upload(t, officer, 'enterprises', 'gbk.csv', gbk);
    expect(r.body).toMatchObject({ status: 'completed', created: 1 });
    expect((await officer.call('GET', '/enterprises?q=国标编码')).body.items[0].name).toBe('河南国标编码食品有限公司');

    expect((await upload(t, officer, 'enterprises', 'x.txt', 'abc')).body.errors[0]).toMatchObject({
      field: 'file',
      code: 'unsupported_format',
    });
    const broken = await upload(t, officer, 'enterprises', 'x.xlsx', 'not a zip');
    expect(broken.body).toMatchObject({ status: 'failed', failure: expect.stringContaining('XLSX') });
    const noFile = await officer.call('POST', '/imports/enterprises');
    expect(noFile.body.errors[0]).toMatchObject({ field: 'file', code: 'required' });
  });

  it("imports projects from XLSX (万元 cells, dates) as drafts in the officer's region; codes make it idempotent", async () => {
    const headers = ['项目编号', '项目名称', '所在地区划代码', '行业代码', '总投资（万元）', '用地面积（亩）', '阶段', '阶段起始日期'];
    const file = await xlsx(headers, [
      ['WS-X-001', '尉氏县食品产业园', '410223', 'C13', 123456.7891, 300.5, '招商中', new Date(Date.UTC(2026, 0, 5))],
      ['WS-X-002', '尉氏县冷链仓储', 410223, 'G5951', 8000, '', '谋划', ''],
      ['LY-X-001', '洛阳的项目', '410300', 'C13', 1000, '', '', ''],
    ]);
    const r = await upload(t, officer, 'projects', '项目库.xlsx', file);
    expect(r.body).toMatchObject({
      status: 'rejected',
      invalidRows: 1,
      errors: [expect.objectContaining({ line: 4, field: 'regionCode', code: 'outside_region', column: '所在地区划代码' })],
    });
    const ok = await upload(t, officer, 'projects', '项目库.xlsx', file, '?validOnly=true');
    expect(ok.body).toMatchObject({ status: 'completed', created: 2 });
    const p = (await officer.call('GET', '/projects?includeDrafts=true&q=食品产业园')).body.items[0];
    expect(p).toMatchObject({ code: 'WS-X-001', totalInvestmentYuan: 1_234_567_891, landAreaMu: 300.5, stage: 'open', status: 'draft' });
    expect(p.stageChangedAt).toBe('2026-01-04T16:00:00.000Z');
    expect((await upload(t, officer, 'projects', '项目库.xlsx', file, '?validOnly=true')).body).toMatchObject({ created: 0, existing: 2 });
    // another city's officer: every row is outside their region
    expect((await upload(t, other, 'projects', '项目库.xlsx', file)).body).toMatchObject({ status: 'rejected', invalidRows: 2 });
  });

  describe('leads with their history, and the XLSX round trip', () => {
    const uA = nextUscc();
    const uB = nextUscc();
    const uC = nextUscc();
    const LEAD_HEADERS = [
      '线索编号',
      '统一社会信用代码',
      '项目编号',
      '意向地区代码',
      '负责人邮箱',
      '阶段',
      '接洽日期',
      '签约日期',
      '签约金额（万元）',
      '开工日期',
      '流失日期',
      '流失原因',
      '备注',
    ];
    const enterprises = () =>
      csv([ENTERPRISE_HEADERS, enterpriseRow(uA, '甲企业'), enterpriseRow(uB, '乙企业'), enterpriseRow(uC, '丙企业')]);
    const projects = () =>
      csv([
        ['项目编号', '项目名称', '所在地区划代码', '行业代码', '总投资（元）'],
        ['RT-001', '往返测试项目', '410223', 'C13', '900000000'],
      ]);
    const leads = (email: string) =>
      xlsx(LEAD_HEADERS, [
        ['', uA, 'RT-001', '', email, '已开工', '2026-01-10', '2026-02-01', 50000, '2026-03-01', '', '', '春季推介会'],
        ['', uB, 'RT-001', '', '', '已签约', '', '2026-02-10', 12000, '', '', '', ''],
        ['', uC, '', '410223', '', '已流失', '2026-01-05', '', '', '', '2026-01-20', '转投外省', ''],
        ['', uC, '', '410200', '', '新线索', '', '', '', '', '', '', '开封市范围外'],
        ['', uA, 'NO-SUCH', '', '', '新线索', '', '', '', '', '', '', ''],
        ['', uB, 'RT-001', '', '', '已签约', '', '', '', '', '', '', ''],
      ]);

    it("replays each lead's history through the pipeline (count once holds) and reports what it cannot", async () => {
      expect((await upload(t, officer, 'enterprises', 'e.csv', enterprises())).body).toMatchObject({ created: 3 });
      expect((await upload(t, officer, 'projects', 'p.csv', projects())).body).toMatchObject({ created: 1 });
      const r = await upload(t, officer, 'leads', '线索台账.xlsx', await leads(officer.email), '?validOnly=true');
      expect(r.body).toMatchObject({ status: 'completed', created: 3, invalidRows: 3 });
      expect(r.body.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).toEqual([
        '5:regionCode',
        '6:projectCode',
        '7:signedOn',
        '7:signedAmountYuan',
      ]);
      const list = (await officer.call('GET', '/leads?source=import&sort=created&pageSize=10')).body.items;
      const details = await Promise.all(list.map(async (l: { id: number }) => (await officer.call('GET', `/leads/${l.id}`)).body));
      const byEnt: Record<string, any> = Object.fromEntries(details.map((l: { enterprise: { name: string } }) => [l.enterprise.name, l]));
      expect(byEnt['甲企业']).toMatchObject({
        stage: 'started',
        signingKind: 'new',
        signed: { amountYuan: 500_000_000 },
        started: { amountYuan: 500_000_000 },
        owner: { id: officer.userId },
      });
      expect(byEnt['甲企业'].signed.at).toBe('2026-01-31T16:00:00.000Z');
      expect(byEnt['乙企业']).toMatchObject({ stage: 'signed', signingKind: 'increase', signed: { amountYuan: 120_000_000 } });
      expect(byEnt['丙企业']).toMatchObject({ stage: 'lost', lost: { reason: '转投外省' } });
      // created at its first date; the timeline holds the replayed history
      expect(byEnt['甲企业'].createdAt).toBe('2026-01-09T16:00:00.000Z');
      const timeline = (await officer.call('GET', `/leads/${byEnt['甲企业'].id}`)).body.timeline.map(
        (a: { kind: string; toStage?: string }) => a.toStage ?? a.kind,
      );
      expect(timeline.slice(0, 2)).toEqual(['started', 'signed']);
      expect([...timeline].sort()).toEqual(['assignment', 'contacted', 'created', 'signed', 'started']);
      // the same file again: nothing new
      expect((await upload(t, officer, 'leads', '线索台账.xlsx', await leads(officer.email), '?validOnly=true')).body).toMatchObject({
        created: 0,
        existing: 3,
      });
    });

    it('exports leads to XLSX that imports back: unchanged here, identical in a fresh platform', async () => {
      const exported = await fetch(`${t.url}/leads/export?format=xlsx&source=import`, {
        headers: { authorization: `Bearer ${officer.token}` },
      });
      expect(exported.status).toBe(200);
      const file = Buffer.from(await exported.arrayBuffer());
      const back = await upload(t, officer, 'leads', '导出.xlsx', file);
      expect(back.body).toMatchObject({ status: 'completed', created: 0, existing: 3, invalidRows: 0 });

      const fresh = await startTestApp();
      try {
        // the same officer (by e-mail) on the other platform, so the owners resolve too
        const o = await actor(fresh, 'officer', { region: '410223', email: officer.email });
        await upload(fresh, o, 'enterprises', 'e.csv', enterprises());
        await upload(fresh, o, 'projects', 'p.csv', projects());
        const again = await upload(fresh, o, 'leads', '导出.xlsx', file);
        expect(again.body).toMatchObject({ status: 'completed', created: 3, invalidRows: 0 });
        const pick = (items: Array<Record<string, any>>) =>
          items
            .map((l) => ({
              e: l.enterprise.name,
              stage: l.stage,
              kind: l.signingKind,
              signed: l.signed,
              started: l.started,
              lost: l.lost && { reason: l.lost.reason, at: l.lost.at },
              contactedAt: l.contactedAt,
              owner: l.owner.name,
            }))
            .sort((x, y) => x.e.localeCompare(y.e));
        const detailed = async (by: TestActor, query: string) =>
          Promise.all(
            (await by.call('GET', `/leads?${query}`)).body.items.map(
              async (l: { id: number }) => (await by.call('GET', `/leads/${l.id}`)).body,
            ),
          );
        const here = pick(await detailed(officer, 'source=import&pageSize=10'));
        const there = pick(await detailed(o, 'pageSize=10'));
        expect(there).toEqual(here);
      } finally {
        await fresh.close();
      }
    });
  });

  it('keeps imports private to their uploader', async () => {
    const mine = (await officer.call('GET', '/imports')).body;
    expect(mine.total).toBeGreaterThan(5);
    expect((await other.call('GET', `/imports/${mine.items[0].id}`)).status).toBe(404);
    expect(
      (await other.call('GET', '/imports')).body.items.every((i: { id: number }) => !mine.items.some((m: { id: number }) => m.id === i.id)),
    ).toBe(true);
  });
});

describe('imports: a large file runs as a job with progress', () => {
  let t: TestApp;
  let officer: TestActor;

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'true', IMPORT_SYNC_MAX_BYTES: '1024' } });
    officer = await actor(t, 'officer', { region: '410223' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 202 with a Location, and GET /imports/:id shows the progress until it is done', async () => {
    const rows = [ENTERPRISE_HEADERS];
    for (let i = 0; i < 6000; i++) rows.push(enterpriseRow(nextUscc(), `批量企业${i}有限公司`));
    const r = await upload(t, officer, 'enterprises', '大文件.csv', csv(rows));
    expect(r.status).toBe(202);
    expect(r.headers.get('location')).toBe(`/imports/${r.body.id}`);
    expect(r.body.status).toBe('queued');
    let job = r.body;
    for (let i = 0; i < 1200 && !['completed', 'rejected', 'failed'].includes(job.status); i++) {
      await new Promise((res) => setTimeout(res, 100));
      job = (await officer.call('GET', `/imports/${r.body.id}`)).body;
      // while it runs: a phase, and never more rows done than there are
      if (job.status === 'running') expect(['validating', 'importing']).toContain(job.phase);
      expect(job.progress.processedRows).toBeLessThanOrEqual(job.progress.totalRows || 6000);
    }
    expect(job).toMatchObject({
      status: 'completed',
      phase: null,
      created: 6000,
      invalidRows: 0,
      progress: { processedRows: 6000, totalRows: 6000, percent: 100 },
    });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM enterprise WHERE name LIKE '批量企业%'`);
    expect(n).toBe(6000);
    const [{ file }] = await t.dataSource.query(`SELECT file FROM import_job WHERE id = $1`, [r.body.id]);
    expect(file).toBeNull(); // the upload is not kept once processed
  });
});

describe('imports: mode=upsert updates existing enterprises by USCC with only the columns the file names', () => {
  let t: TestApp;
  let officer: TestActor; // 尉氏县
  let other: TestActor; // 洛阳市
  const a = nextUscc();
  const b = nextUscc();

  beforeAll(async () => {
    t = await startTestApp();
    officer = await actor(t, 'officer', { region: '410223' });
    other = await actor(t, 'officer', { region: '410300' });
    const first = await upload(
      t,
      officer,
      'enterprises',
      '台账.csv',
      csv([ENTERPRISE_HEADERS, enterpriseRow(a, '河南甲食品有限公司'), enterpriseRow(b, '河南乙食品有限公司')]),
    );
    expect(first.body).toMatchObject({ status: 'completed', created: 2, mode: 'create' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const byUscc = async (uscc: string) => {
    const [e] = await t.dataSource.query(
      `SELECT id, name, size, industry_codes, contacts, investment_min_yuan, pending_certifications FROM enterprise WHERE uscc = $1`,
      [uscc],
    );
    return e;
  };

  it('reports each row created / updated / unchanged / error; updates only named, non-empty cells; audits and re-matches the changed one', async () => {
    const before = { a: await byUscc(a), b: await byUscc(b) };
    const outboxBefore = (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'matching.enterprise' AND payload->>'enterpriseId' = $1`,
        [String(before.a.id)],
      )
    )[0].n;
    const c = nextUscc();
    const badCheck = a.slice(0, 17) + (a[17] === '0' ? '1' : '0');
    const file = csv([
      ['统一社会信用代码', '企业规模', '联系电话', '企业名称'],
      [a, '大型', '13900139000', ''], // line 2: size and phone change; empty name stays
      [b, '中型', '13800138000', ''], // line 3: already so
      [c, '小型', '13700137000', '河南丙新企业有限公司'], // line 4: new, but the file lacks its industry, region and contact
      [badCheck, '大型', '', ''], // line 5: bad check digit
    ]);
    const r = await upload(t, officer, 'enterprises', '更新.csv', file, '?mode=upsert&validOnly=true');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'completed',
      mode: 'upsert',
      modeLabel: '新增并更新',
      created: 0,
      updated: 1,
      unchanged: 1,
      invalidRows: 2,
    });
    expect(r.body.rows).toEqual([
      { line: 2, key: a, outcome: 'updated', outcomeLabel: '已更新', fields: ['size', 'contacts'] },
      { line: 3, key: b, outcome: 'unchanged', outcomeLabel: '无变化' },
      { line: 4, key: c, outcome: 'error', outcomeLabel: '有错误' },
      { line: 5, key: null, outcome: 'error', outcomeLabel: '有错误' },
    ]);
    expect(
      r.body.errors
        .filter((e: { line: number }) => e.line === 4)
        .map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['contacts[0].name', 'homeRegionCode', 'industryCodes']);
    expect(r.body.errors.find((e: { line: number }) => e.line === 5)).toMatchObject({
      field: 'uscc',
      column: '统一社会信用代码',
      code: 'uscc_check_digit',
    });

    const after = await byUscc(a);
    expect(after).toMatchObject({
      name: '河南甲食品有限公司',
      size: 'large',
      industry_codes: before.a.industry_codes,
      investment_min_yuan: before.a.investment_min_yuan,
    });
    expect(after.contacts).toEqual([{ ...before.a.contacts[0], phone: '13900139000' }]);
    expect(await byUscc(b)).toEqual(before.b);
    expect(await byUscc(c)).toBeUndefined();

    const audits = await t.dataSource.query(
      `SELECT action, target_id, detail FROM audit_log WHERE action IN ('enterprise.updated', 'enterprise.imported') ORDER BY id DESC LIMIT 2`,
    );
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'enterprise.imported',
        detail: expect.objectContaining({ mode: 'upsert', updated: 1, unchanged: 1, created: 0, invalid: 2 }),
      }),
      expect.objectContaining({
        action: 'enterprise.updated',
        target_id: String(before.a.id),
        detail: { fields: ['size', 'contacts'], via: 'import' },
      }),
    ]);
    const outboxAfter = (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'matching.enterprise' AND payload->>'enterpriseId' = $1`,
        [String(before.a.id)],
      )
    )[0].n;
    expect(outboxAfter).toBe(outboxBefore + 1);
    const bJobs = (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'matching.enterprise' AND payload->>'enterpriseId' = $1`,
        [String(before.b.id)],
      )
    )[0].n;
    expect(bJobs).toBe(1); // its registration only

    // the same file again: nothing left to change
    const again = await upload(t, officer, 'enterprises', '更新.csv', file, '?mode=upsert&validOnly=true');
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, invalidRows: 2 });
  });

  it('creates a new USCC with every registration column, claims certifications, and is all or nothing without validOnly', async () => {
    const d = nextUscc();
    const ok = await upload(
      t,
      officer,
      'enterprises',
      '新增.csv',
      csv([
        ENTERPRISE_HEADERS,
        enterpriseRow(d, '河南丁新企业有限公司'),
        enterpriseRow(a, '河南甲食品有限公司', { 资质认定: '高新技术企业' }),
      ]),
      '?mode=upsert',
    );
    expect(ok.body).toMatchObject({ status: 'completed', created: 1, updated: 1 });
    expect(ok.body.rows).toEqual([
      { line: 2, key: d, outcome: 'created', outcomeLabel: '新增' },
      expect.objectContaining({ line: 3, outcome: 'updated', fields: expect.arrayContaining(['certifications']) }),
    ]);
    expect((await byUscc(d)).name).toBe('河南丁新企业有限公司');
    expect((await byUscc(a)).pending_certifications).toEqual(['high_tech']);

    const sizeBefore = (await byUscc(b)).size;
    const bad = await upload(
      t,
      officer,
      'enterprises',
      '混合.csv',
      csv([
        ['统一社会信用代码', '企业规模'],
        [b, '微型'],
        [nextUscc(), '小型'],
      ]),
      '?mode=upsert',
    );
    expect(bad.body).toMatchObject({ status: 'rejected', updated: 0, invalidRows: 1 });
    expect((await byUscc(b)).size).toBe(sizeBefore);
  });

  it("refuses to change an enterprise outside the officer's region, upsert for other kinds, and an unknown mode", async () => {
    const r = await upload(
      t,
      other,
      'enterprises',
      'x.csv',
      csv([
        ['统一社会信用代码', '企业规模'],
        [a, '微型'],
      ]),
      '?mode=upsert',
    );
    expect(r.body).toMatchObject({
      status: 'rejected',
      updated: 0,
      errors: [expect.objectContaining({ line: 2, field: 'uscc', code: 'outside_region' })],
    });
    const projects = await upload(t, officer, 'projects', 'p.csv', csv([['项目编号'], ['X-1']]), '?mode=upsert');
    expect(projects.status).toBe(400);
    expect(projects.body.errors[0]).toMatchObject({ field: 'mode', code: 'unsupported' });
    const unknown = await upload(t, officer, 'enterprises', 'x.csv', csv([['统一社会信用代码'], [a]]), '?mode=replace');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('mode');
  });

  it('the console page offers the mode and shows each row with the changed columns by name', async () => {
    const list = (await officer.call('GET', '/imports')).body.items;
    const upsert = list.find(
      (j: { mode: string; updated: number; unchanged: number }) => j.mode === 'upsert' && j.updated === 1 && j.unchanged === 1,
    );
    const page = await fetch(`${t.url}/console/import/${upsert.id}`, { headers: { authorization: `Bearer ${officer.token}` } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('逐行结果');
    expect(html).toMatch(/已更新<\/td><td>企业规模、联系人/);
    const form = await (await fetch(`${t.url}/console/import`, { headers: { authorization: `Bearer ${officer.token}` } })).text();
    expect(form).toContain('name="mode" value="upsert"');
  });
});

describe('imports: a file larger than one stored slice streams through the job', () => {
  let t: TestApp;
  let officer: TestActor;

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'true', IMPORT_SYNC_MAX_BYTES: '1024' } });
    officer = await actor(t, 'officer', { region: '410223' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports a 2.5 MB GBK CSV (read from the database 1 MB at a time) with every row and its line', async () => {
    const headers = [...ENTERPRISE_HEADERS, '企业简介'];
    const rows: string[][] = [headers];
    const text = '专业从事农副食品精深加工与冷链物流，拟在中原地区扩大产能，'.repeat(5);
    for (let i = 0; i < 8000; i++) rows.push([...enterpriseRow(nextUscc(), `流式企业${i}有限公司`), text]);
    rows.push([...enterpriseRow('91410223MA00000000', '坏行企业'), text]); // a bad check digit, last line
    const file = iconv.encode(csv(rows), 'gbk');
    expect(file.length).toBeGreaterThan(2.5 * 2 ** 20);
    const r = await upload(t, officer, 'enterprises', '大文件.csv', file, '?validOnly=true');
    expect(r.status).toBe(202);
    let job = r.body;
    for (let i = 0; i < 1800 && !['completed', 'rejected', 'failed'].includes(job.status); i++) {
      await new Promise((res) => setTimeout(res, 100));
      job = (await officer.call('GET', `/imports/${r.body.id}`)).body;
      expect(job.progress.processedRows).toBeLessThanOrEqual(job.progress.totalRows || 8001);
    }
    expect(job).toMatchObject({ status: 'completed', created: 8000, invalidRows: 1, progress: { totalRows: 8001, processedRows: 8001 } });
    expect(job.errors).toEqual([expect.objectContaining({ line: 8002, field: 'uscc' })]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM enterprise WHERE name LIKE '流式企业%' AND description LIKE '专业从事%'`,
    );
    expect(n).toBe(8000);
  });
});
