import { checkFile, sniffFileKind, uploadedFileName } from './file-kind.js';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffFileKind: the type from the first bytes, whatever the name says', () => {
  it.each([
    ['pdf', bytes('%PDF-1.7\n')],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['docx', bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml')],
    ['text', Buffer.from('计划投资11亿元，开工建设三中迁建项目。')],
  ])('%s', (kind, b) => {
    expect(sniffFileKind(b)).toBe(kind);
  });

  it('knows nothing of an executable, a plain ZIP or an empty file', () => {
    expect(sniffFileKind(bytes('MZ', [0x90, 0, 3, 0, 0, 0]))).toBeNull();
    expect(sniffFileKind(bytes([0x50, 0x4b, 0x03, 0x04], 'foo.txt'))).toBeNull();
    expect(sniffFileKind(Buffer.alloc(0))).toBeNull();
  });
});

describe('checkFile', () => {
  const certificate = ['pdf', 'png', 'jpeg', 'webp'] as const;

  it('accepts an allowed kind within the limit', () => {
    expect(checkFile(bytes('%PDF-1.4\n'), certificate, 1024)).toEqual({ ok: true, kind: 'pdf' });
  });

  it('refuses, in Chinese, an empty file, one over the limit, and one whose bytes are of another kind', () => {
    expect(checkFile(Buffer.alloc(0), certificate, 1024)).toMatchObject({ ok: false, problem: { code: 'empty' } });
    expect(checkFile(Buffer.alloc(2048, 0x41), certificate, 1024)).toMatchObject({
      ok: false,
      problem: { code: 'too_large', message: '文件过大（上限 1 KB）' },
    });
    // text renamed to .pdf is still text
    expect(checkFile(Buffer.from('not a pdf at all'), certificate, 1024)).toMatchObject({
      ok: false,
      problem: { code: 'unsupported_type', message: expect.stringContaining('PDF') },
    });
  });
});

describe('uploadedFileName', () => {
  it('decodes a UTF-8 name read as Latin-1, and leaves other names alone', () => {
    expect(uploadedFileName(Buffer.from('高新证书.pdf').toString('latin1'))).toBe('高新证书.pdf');
    expect(uploadedFileName('高新证书.pdf')).toBe('高新证书.pdf');
    expect(uploadedFileName('certificate.pdf')).toBe('certificate.pdf');
    expect(uploadedFileName('caf\u00e9.pdf')).toBe('caf\u00e9.pdf'); // not valid UTF-8 as bytes: kept
    expect(uploadedFileName(undefined)).toBe('');
  });
});
