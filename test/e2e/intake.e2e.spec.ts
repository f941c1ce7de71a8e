import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import iconv from 'iconv-lite';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { docx, scannedPdf } from '../support/intake-files.js';

const seed = readFileSync(new URL('../fixtures/seeds/000_7fe58714293151c5.txt', import.meta.url), 'utf8').split('\n');
const WEISHI_TITLE = seed[1]; // 【尉氏县招商】2021年尉氏县政府工作报告
const WEISHI = seed[2];
const EDUCATION_TITLE = seed[29]; // 河南108家产教融合型企业入库培育 将获组合式政策支持
const EDUCATION = seed[30];

/**
 * A multipart upload on a connection of its own. Through fetch's pool the request would go out on the socket the previous
 * answer left idle; when the event loop (shared by this test and the server) stalls between two requests for longer
 * than the client's reuse margin, the server's keep-alive timer closes that socket while a long body (the 50 MB case) is
 * still being written — ECONNRESET instead of the answer. A fresh connection has no idle timer to race.
 */
async function upload(t: TestApp, by: TestActor, name: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const encoded = new Response(form);
  const bytes = Buffer.from(await encoded.arrayBuffer());
  const headers = {
    authorization: `Bearer ${by.token}`,
    'content-type': encoded.headers.get('content-type')!,
    'content-length': bytes.length,
  };
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = request(`${t.url}/intake/documents`, { method: 'POST', agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

async function ready(by: TestActor, id: number) {
  for (let i = 0; i < 200; i++) {
    const r = await by.call('GET', `/intake/documents/${id}`);
    if (r.body.status !== 'processing') return r.body;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`document ${id} still processing`);
}

const count = async (t: TestApp, table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

describe('intake: documents → extraction job → drafts → accepted as unpublished records', () => {
  let t: TestApp;
  let weishi: TestActor; // 尉氏县 officer
  let kaifeng: TestActor; // 开封市 (尉氏's city)
  let luoyang: TestActor; // another city
  let admin: TestActor;
  let reportId: number;

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'true' } });
    weishi = await actor(t, 'officer', { region: '410223' });
    kaifeng = await actor(t, 'bureau_lead', { region: '410200' });
    luoyang = await actor(t, 'officer', { region: '410300' });
    admin = await actor(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes JSON text, answers 201 {id}, and the job turns it into drafts with evidence', async () => {
    const r = await weishi.call('POST', '/intake/documents', { title: WEISHI_TITLE, text: WEISHI });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.any(Number) });
    reportId = r.body.id;
    const doc = await ready(weishi, reportId);
    expect(doc).toMatchObject({ id: reportId, status: 'ready', regionCode: '410223', progress: 100 });
    const school = doc.drafts.find((d: any) => d.kind === 'project' && d.fields.title === '三中迁建项目');
    expect(school).toMatchObject({ status: 'proposed', fields: { investmentYuan: 1_100_000_000, regionCode: '410223', stage: '开工' } });
    const ppp = doc.drafts.find((d: any) => d.fields.title === '城区基础设施提升改造PPP项目');
    expect(ppp.fields.investmentYuan).toBe(1_485_000_000);
    for (const d of doc.drafts) for (const e of d.evidence) expect(WEISHI.slice(e.start, e.end)).toBe(e.quote);
    const titles = doc.drafts.map((d: any) => d.fields.title);
    expect(titles).not.toContain('64个省市重点项目');
    expect(doc.drafts.map((d: any) => d.fields.investmentYuan)).not.toContain(5_950_000_000); // 省重点项目完成投资59.5亿元
    const plant = doc.drafts.filter((d: any) => String(d.fields.title).startsWith('尉北污水处理厂'));
    expect(plant).toHaveLength(1);
    expect(plant[0].evidence.filter((e: any) => e.field === 'title')).toHaveLength(2);
  });

  it('reads .txt, .docx and .pdf uploads', async () => {
    const txt = await upload(t, weishi, '报告.txt', '2021年尉氏县政府工作报告\n计划投资4.5亿元,加快推进康平港湾安置房项目。');
    const word = await upload(t, weishi, '报告.docx', await docx(['2021年尉氏县政府工作报告', '计划投资11亿元，开工建设三中迁建项目。']));
    const pdf = await upload(t, weishi, '报告.pdf', readFileSync(new URL('../fixtures/intake/files/weishi-excerpt.pdf', import.meta.url)));
    for (const [r, title, yuan] of [
      [txt, '康平港湾安置房项目', 450_000_000],
      [word, '三中迁建项目', 1_100_000_000],
      [pdf, '三中迁建项目', 1_100_000_000],
    ] as const) {
      expect(r.status).toBe(201);
      const doc = await ready(weishi, r.body.id);
      expect(doc.status).toBe('ready');
      expect(doc.drafts.find((d: any) => d.fields.title === title)?.fields.investmentYuan).toBe(yuan);
    }
  });

  it('refuses what it cannot read with a clear 4xx in Chinese, creating nothing', async () => {
    const before = await count(t, 'intake_document');
    const cases = [
      [await upload(t, weishi, 'photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 415, 'unsupported_format'],
      [await upload(t, weishi, 'empty.txt', ''), 400, 'empty'],
      [await upload(t, weishi, 'gbk.txt', iconv.encode('计划投资11亿元，开工建设三中迁建项目。', 'gbk')), 422, 'not_utf8'],
      [await upload(t, weishi, 'scan.pdf', await scannedPdf()), 422, 'no_text_layer'],
    ] as const;
    for (const [r, status, code] of cases) {
      expect(r.status).toBe(status);
      expect(r.body.errors[0]).toMatchObject({ field: 'file', code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    }
    const huge = await upload(t, weishi, 'big.txt', Buffer.alloc(50 * 1024 * 1024, 0x41));
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0]).toMatchObject({ field: 'file', code: 'too_large' });
    const noText = await weishi.call('POST', '/intake/documents', { title: '报告', text: '   ' });
    expect(noText.status).toBe(400);
    expect(noText.body.errors.map((e: any) => e.field)).toEqual(['text']);
    const outside = await weishi.call('POST', '/intake/documents', { title: '报告', text: '洛阳', regionCode: '410300' });
    expect(outside.status).toBe(403);
    expect(await count(t, 'intake_document')).toBe(before);
  });

  it('is region-scoped: the region and the city above see it; another city gets 404, like a missing id', async () => {
    expect((await kaifeng.call('GET', `/intake/documents/${reportId}`)).status).toBe(200);
    expect((await admin.call('GET', `/intake/documents/${reportId}`)).status).toBe(200);
    expect((await luoyang.call('GET', `/intake/documents/${reportId}`)).status).toBe(404);
    expect((await luoyang.call('GET', `/intake/documents/999999`)).status).toBe(404);
    const doc = await ready(weishi, reportId);
    const draft = doc.drafts.find((d: any) => d.kind === 'project');
    expect((await luoyang.call('POST', `/intake/drafts/${draft.id}/accept`, {})).status).toBe(404);
    expect((await luoyang.call('POST', `/intake/drafts/${draft.id}/reject`)).status).toBe(404);
    const mine = await weishi.call('GET', '/intake/documents');
    expect(mine.body.items.map((d: any) => d.id)).toContain(reportId);
    const theirs = await luoyang.call('GET', '/intake/documents');
    expect(theirs.body.items.map((d: any) => d.id)).not.toContain(reportId);
  });

  it('accepts a project draft through the projects service: re-validated, unpublished, audited, linked to its sentence', async () => {
    const doc = await ready(weishi, reportId);
    const school = doc.drafts.find((d: any) => d.fields.title === '三中迁建项目');
    const projectsBefore = await count(t, 'project');
    // the same rules as the project API: an industry is required
    const bad = await weishi.call('POST', `/intake/drafts/${school.id}/accept`, { industryCodes: [], investmentYuan: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining(['industryCodes', 'investmentYuan']));
    expect(await count(t, 'project')).toBe(projectsBefore);

    const ok = await weishi.call('POST', `/intake/drafts/${school.id}/accept`, { industryCodes: ['P8334'] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ draft: { status: 'accepted' }, created: { type: 'project', id: expect.any(Number) } });
    const project = await weishi.call('GET', `/projects/${ok.body.created.id}`);
    expect(project.body).toMatchObject({
      title: '三中迁建项目',
      totalInvestmentYuan: 1_100_000_000,
      region: { code: '410223' },
      status: 'draft',
    });
    expect(project.body.description).toContain(`/console/intake/${reportId}`);
    expect(project.body.description).toContain('开工建设三中迁建项目');
    const [audit] = await t.dataSource.query(`SELECT target_id, detail FROM audit_log WHERE action = 'intake.draft_accepted'`);
    expect(audit).toMatchObject({ target_id: String(ok.body.created.id), detail: { documentId: reportId, draftId: school.id } });
    expect((await weishi.call('POST', `/intake/drafts/${school.id}/accept`, {})).status).toBe(409);
    // the link back: document, draft, the name's offsets and its sentence
    const title = school.evidence.find((e: any) => e.field === 'title');
    const [source] = await t.dataSource.query(
      `SELECT record_type, record_id, document_id, draft_id, start, "end", quote FROM intake_record_source`,
    );
    expect(source).toEqual({
      record_type: 'project',
      record_id: ok.body.created.id,
      document_id: reportId,
      draft_id: school.id,
      start: title.start,
      end: title.end,
      quote: expect.stringContaining('开工建设三中迁建项目'),
    });
    expect(WEISHI.slice(source.start, source.end)).toBe('三中迁建项目');
    // once published it is a project like any other
    const published = await weishi.call('POST', `/projects/${ok.body.created.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
  });

  it('rejects a draft (忽略)', async () => {
    const doc = await ready(weishi, reportId);
    const draft = doc.drafts.find((d: any) => d.status === 'proposed');
    const r = await weishi.call('POST', `/intake/drafts/${draft.id}/reject`);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('rejected');
    expect((await weishi.call('POST', `/intake/drafts/${draft.id}/accept`, {})).status).toBe(409);
  });

  it("drafts incentives with eligibility conditions; accepting one creates the document's policy as a draft", async () => {
    const r = await admin.call('POST', '/intake/documents', { title: EDUCATION_TITLE, text: EDUCATION });
    const doc = await ready(admin, r.body.id);
    expect(doc.regionCode).toBe('410000');
    const fastTrack = doc.drafts.find((d: any) => d.kind === 'incentive' && d.fields.kind === 'fast_track');
    expect(fastTrack.fields.conditions).toEqual([{ type: 'certification', anyOf: ['industry_education_integration'] }]);
    const ok = await admin.call('POST', `/intake/drafts/${fastTrack.id}/accept`, {});
    expect(ok.status).toBe(200);
    const [policy] = await t.dataSource.query(
      `SELECT p.status, p.region_code, count(i.id)::int AS incentives FROM policy p JOIN incentive i ON i.policy_id = p.id GROUP BY p.id`,
    );
    expect(policy).toEqual({ status: 'draft', region_code: '410000', incentives: 1 });
    // both the incentive and the policy made for it link back to the document
    const sources = await t.dataSource.query(`SELECT record_type FROM intake_record_source WHERE document_id = $1 ORDER BY record_type`, [
      r.body.id,
    ]);
    expect(sources.map((x: any) => x.record_type)).toEqual(['incentive', 'policy']);
    const after = await ready(admin, r.body.id);
    expect(after.drafts.find((d: any) => d.kind === 'policy').status).toBe('accepted');
  });

  it('lets admins extend the industry keywords, used by the next extraction', async () => {
    expect((await weishi.call('POST', '/intake/industry-keywords', { keyword: '黄金梨', codes: ['A0151'] })).status).toBe(403);
    const add = await admin.call('POST', '/intake/industry-keywords', { keyword: '黄金梨', codes: ['A0151'] });
    expect(add.status).toBe(201);
    expect((await admin.call('POST', '/intake/industry-keywords', { keyword: '黄金梨', codes: ['A0151'] })).status).toBe(409);
    const r = await weishi.call('POST', '/intake/documents', { title: '尉氏县', text: '计划投资2亿元,建设尉氏黄金梨产业园项目。' });
    const doc = await ready(weishi, r.body.id);
    expect(doc.drafts[0].fields.industryCodes).toContain('A0151');
  });
});
