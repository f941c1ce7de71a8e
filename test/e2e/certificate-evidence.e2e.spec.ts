import { FileStorage } from '../../src/platform/storage/file-storage.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc } from '../support/factories.js';

/**
 * Certificate evidence (issue #17 item 9): an enterprise attaches its certificate (PDF/image) to a
 * certification claim through the one file storage; type from the bytes, size limited; served with its
 * content type to the enterprise and the staff of its home region only; 驳回 needs a reason, which the
 * enterprise sees. Intake uploads keep their original file in the same storage.
 */
/** The app's FileStorage (an abstract class as the injection token). */
const storage = (t: TestApp) => t.get(FileStorage as unknown as new () => FileStorage);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% 高新技术企业证书\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

async function attach(
  t: TestApp,
  by: TestActor | null,
  enterpriseId: number,
  kind: string,
  content: Buffer | null,
  name = 'certificate.pdf',
) {
  const form = new FormData();
  if (content) form.set('file', new Blob([new Uint8Array(content)]), name);
  const r = await fetch(`${t.url}/enterprises/${enterpriseId}/certifications/${kind}/evidence`, {
    method: 'PUT',
    headers: by ? { authorization: `Bearer ${by.token}` } : {},
    body: form,
  });
  return { status: r.status, body: (await r.json()) as any };
}

async function download(t: TestApp, by: TestActor | null, enterpriseId: number, kind: string) {
  const r = await fetch(`${t.url}/enterprises/${enterpriseId}/certifications/${kind}/evidence`, {
    headers: by ? { authorization: `Bearer ${by.token}` } : {},
  });
  return {
    status: r.status,
    type: r.headers.get('content-type'),
    nosniff: r.headers.get('x-content-type-options'),
    bytes: Buffer.from(await r.arrayBuffer()),
  };
}

describe('certificate evidence through the file storage', () => {
  let t: TestApp;
  let weishi: TestActor; // 尉氏县: the enterprise's home region
  let kaifeng: TestActor; // 开封市: covers 尉氏县
  let luoyang: TestActor; // another city
  let owner: TestActor;
  let stranger: TestActor; // another enterprise's user
  let admin: TestActor;
  let enterpriseId: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await actor(t, 'admin');
    weishi = await actor(t, 'officer', { region: '410223' });
    kaifeng = await actor(t, 'bureau_lead', { region: '410200' });
    luoyang = await actor(t, 'officer', { region: '410300' });
    const e = await admin.call(
      'POST',
      '/enterprises',
      enterpriseBody({
        uscc: nextUscc('410223'),
        homeRegionCode: '410223',
        targetRegionCodes: ['410300'],
        certifications: [{ kind: 'high_tech' }, { kind: 'specialized_sme' }],
      }),
    );
    enterpriseId = e.body.id;
    owner = await actor(t, 'enterprise', { enterpriseId });
    const other = await admin.call(
      'POST',
      '/enterprises',
      enterpriseBody({ uscc: nextUscc('410300'), homeRegionCode: '410300', targetRegionCodes: ['410300'] }),
    );
    stranger = await actor(t, 'enterprise', { enterpriseId: other.body.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the enterprise attaches a PDF; it is stored and served back with its content type', async () => {
    const r = await attach(t, owner, enterpriseId, 'high_tech', PDF, '高新证书.pdf');
    expect(r.status).toBe(200);
    const claim = r.body.certifications.find((c: any) => c.kind === 'high_tech');
    expect(claim).toMatchObject({
      status: 'claimed',
      evidence: { contentType: 'application/pdf', fileName: '高新证书.pdf', size: PDF.length },
    });
    for (const who of [owner, weishi, kaifeng, admin]) {
      const got = await download(t, who, enterpriseId, 'high_tech');
      expect(got).toMatchObject({ status: 200, type: 'application/pdf', nosniff: 'nosniff' });
      expect(got.bytes.equals(PDF)).toBe(true);
    }
    const [row] = await t.dataSource.query(
      `SELECT evidence_key FROM enterprise_certification WHERE enterprise_id = $1 AND kind = 'high_tech'`,
      [enterpriseId],
    );
    expect((await storage(t).get(row.evidence_key))?.bytes.equals(PDF)).toBe(true);
    const [audit] = await t.dataSource.query(`SELECT detail FROM audit_log WHERE action = 'certification.evidence_attached'`);
    expect(audit.detail).toMatchObject({ kind: 'high_tech', contentType: 'application/pdf', size: PDF.length });
  });

  it('serves the certificate only to the enterprise and the staff of its home region', async () => {
    expect((await download(t, null, enterpriseId, 'high_tech')).status).toBe(401);
    expect((await download(t, stranger, enterpriseId, 'high_tech')).status).toBe(404);
    // 洛阳 is a target region of the enterprise (it may see the enterprise), but the certificate is not its business
    expect((await download(t, luoyang, enterpriseId, 'high_tech')).status).toBe(404);
    expect((await download(t, owner, enterpriseId, 'specialized_sme')).status).toBe(404); // nothing attached
  });

  it('takes the type from the bytes: an image named .pdf is an image; a non-PDF named .pdf is refused', async () => {
    const png = await attach(t, owner, enterpriseId, 'specialized_sme', PNG, 'scan.pdf');
    expect(png.status).toBe(200);
    expect((await download(t, owner, enterpriseId, 'specialized_sme')).type).toBe('image/png');
    const exe = await attach(t, owner, enterpriseId, 'specialized_sme', Buffer.from('MZ\x90\x00 this is a program'), 'certificate.pdf');
    expect(exe.status).toBe(415);
    expect(exe.body.errors).toEqual([
      expect.objectContaining({ field: 'file', code: 'unsupported_type', message: expect.stringContaining('PDF') }),
    ]);
  });

  it('refuses empty, missing and oversized files naming the field, storing nothing', async () => {
    const before = await t.dataSource.query(`SELECT evidence_key FROM enterprise_certification WHERE enterprise_id = $1 ORDER BY kind`, [
      enterpriseId,
    ]);
    const empty = await attach(t, owner, enterpriseId, 'high_tech', Buffer.alloc(0));
    expect([empty.status, empty.body.errors?.[0]?.field]).toEqual([400, 'file']);
    const missing = await attach(t, owner, enterpriseId, 'high_tech', null);
    expect([missing.status, missing.body.errors?.[0]?.field]).toEqual([400, 'file']);
    const big = await attach(
      t,
      owner,
      enterpriseId,
      'high_tech',
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]),
    );
    expect(big.status).toBe(413);
    expect(big.body.errors[0]).toMatchObject({ field: 'file', code: 'too_large' });
    expect(
      await t.dataSource.query(`SELECT evidence_key FROM enterprise_certification WHERE enterprise_id = $1 ORDER BY kind`, [enterpriseId]),
    ).toEqual(before);
  });

  it('only the enterprise attaches; a claim it has not made is 404', async () => {
    expect((await attach(t, weishi, enterpriseId, 'high_tech', PDF)).status).toBe(403);
    expect((await attach(t, admin, enterpriseId, 'high_tech', PDF)).status).toBe(403);
    expect((await attach(t, stranger, enterpriseId, 'high_tech', PDF)).status).toBe(404);
    expect((await attach(t, null, enterpriseId, 'high_tech', PDF)).status).toBe(401);
    expect((await attach(t, owner, enterpriseId, 'industry_education_integration', PDF)).status).toBe(404);
  });

  it('驳回 needs a reason (400 naming note); the enterprise sees it, and a new certificate puts the claim back to 待核验', async () => {
    const none = await weishi.call('POST', `/enterprises/${enterpriseId}/certifications/high_tech/reject`, {});
    expect(none.status).toBe(400);
    expect(none.body.errors.map((e: any) => e.field)).toEqual(['note']);
    const blank = await weishi.call('POST', `/enterprises/${enterpriseId}/certifications/high_tech/reject`, { note: '   ' });
    expect([blank.status, blank.body.errors.map((e: any) => e.field)]).toEqual([400, ['note']]);
    const ok = await weishi.call('POST', `/enterprises/${enterpriseId}/certifications/high_tech/reject`, {
      note: '证书已过有效期，请上传新证书',
    });
    expect(ok.status).toBe(200);
    const seen = await owner.call('GET', `/enterprises/${enterpriseId}`);
    expect(seen.body.certifications.find((c: any) => c.kind === 'high_tech')).toMatchObject({
      status: 'rejected',
      reviewNote: '证书已过有效期，请上传新证书',
    });
    const again = await attach(t, owner, enterpriseId, 'high_tech', PDF, '新证书.pdf');
    expect(again.body.certifications.find((c: any) => c.kind === 'high_tech')).toMatchObject({
      status: 'claimed',
      evidence: { fileName: '新证书.pdf' },
    });
    // verifying needs no reason
    expect((await weishi.call('POST', `/enterprises/${enterpriseId}/certifications/high_tech/verify`, {})).status).toBe(200);
  });

  it('an intake upload keeps its original file in the same storage', async () => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(Buffer.from('计划投资11亿元,开工建设三中迁建项目。'))]), '尉氏县报告.txt');
    const r = await fetch(`${t.url}/intake/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${weishi.token}` },
      body: form,
    });
    expect(r.status).toBe(201);
    const { id } = (await r.json()) as { id: number };
    const [doc] = await t.dataSource.query(`SELECT file_key FROM intake_document WHERE id = $1`, [id]);
    const stored = await storage(t).get(doc.file_key);
    expect(stored?.bytes.toString()).toBe('计划投资11亿元,开工建设三中迁建项目。');
    expect(stored?.contentType).toBe('text/plain; charset=utf-8');
  });
});
