import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { docx, scannedPdf } from '../../test/support/intake-files.js';
import { readDocumentText, UnreadableDocument } from './document-text.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/intake/files/${name}`, import.meta.url));

async function refusal(buffer: Buffer, name: string): Promise<UnreadableDocument> {
  try {
    await readDocumentText(buffer, name);
  } catch (err) {
    if (err instanceof UnreadableDocument) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('readDocumentText', () => {
  it('reads UTF-8 text, with a BOM and CRLF normalised', async () => {
    const r = await readDocumentText(Buffer.from('\uFEFF计划投资11亿元,\r\n开工建设三中迁建项目。'), '报告.txt');
    expect(r).toEqual({ format: 'txt', text: '计划投资11亿元,\n开工建设三中迁建项目。' });
  });

  it('reads Word (.docx)', async () => {
    const r = await readDocumentText(await docx(['2021年尉氏县政府工作报告', '计划投资11亿元，开工建设三中迁建项目。']), '报告.docx');
    expect(r.format).toBe('docx');
    expect(r.text).toContain('开工建设三中迁建项目');
  });

  it('reads a PDF text layer', async () => {
    const r = await readDocumentText(fixture('weishi-excerpt.pdf'), '报告.pdf');
    expect(r.format).toBe('pdf');
    expect(r.text).toContain('计划投资11亿元，开工建设三中迁建项目。');
  });

  it('refuses a scanned PDF, GBK text, an empty file, other formats — in Chinese', async () => {
    expect((await refusal(await scannedPdf(), 'scan.pdf')).code).toBe('no_text_layer');
    const gbk = await refusal(iconv.encode('计划投资11亿元，开工建设三中迁建项目。', 'gbk'), '报告.txt');
    expect([gbk.code, gbk.message]).toEqual(['not_utf8', expect.stringContaining('UTF-8')]);
    expect((await refusal(Buffer.alloc(0), 'a.txt')).code).toBe('empty');
    expect((await refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'photo.png')).code).toBe('unsupported_format');
    expect((await refusal(Buffer.from('PK\u0003\u0004 not really a zip'), 'broken.docx')).code).toBe('corrupt');
    expect((await refusal(Buffer.from('   \n  '), 'blank.txt')).code).toBe('no_text');
  });
});
