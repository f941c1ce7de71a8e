/**
 * What a file is, from its first bytes — not from its name or the type the browser claims. An upload is
 * accepted only when its bytes say one of the kinds the caller allows and it fits the size limit.
 */
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'webp' | 'docx' | 'text';

export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain; charset=utf-8',
};

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  pdf: 'PDF',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  webp: 'WebP 图片',
  docx: 'Word (.docx)',
  text: '文本 (.txt)',
};

const starts = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The kind the bytes say, or null. A .docx is a ZIP holding word/ parts; text has no NUL byte in its first 8 KB. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (starts(bytes, ascii('%PDF-'))) return 'pdf';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8)) return 'webp';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
    return head.includes('word/') || head.includes('[Content_Types].xml') ? 'docx' : null;
  }
  if (bytes.length > 0 && !bytes.subarray(0, 8192).includes(0)) return 'text';
  return null;
}

export type FileProblem =
  { code: 'empty'; message: string } | { code: 'too_large'; message: string } | { code: 'unsupported_type'; message: string };

/** The file's kind if it is non-empty, within `maxBytes` and of an allowed kind; else the problem, in Chinese. */
export function checkFile(
  bytes: Uint8Array,
  allowed: readonly FileKind[],
  maxBytes: number,
): { ok: true; kind: FileKind } | { ok: false; problem: FileProblem } {
  if (bytes.length === 0) return { ok: false, problem: { code: 'empty', message: '文件为空' } };
  if (bytes.length > maxBytes) return { ok: false, problem: { code: 'too_large', message: `文件过大（上限 ${formatBytes(maxBytes)}）` } };
  const kind = sniffFileKind(bytes);
  if (!kind || !allowed.includes(kind)) {
    return {
      ok: false,
      problem: { code: 'unsupported_type', message: `文件内容不是允许的类型（${allowed.map((k) => FILE_KIND_LABELS[k]).join('、')}）` },
    };
  }
  return { ok: true, kind };
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * The name a browser gave an uploaded file. Multipart parsers read the header as Latin-1 by default, so a UTF-8
 * name ("高新证书.pdf") arrives as mojibake; decoded back when its bytes are valid UTF-8.
 */
export function uploadedFileName(name: string | undefined): string {
  const raw = name ?? '';
  if (![...raw].every((c) => c.charCodeAt(0) <= 0xff) || !/[\u0080-\u00ff]/u.test(raw)) return raw;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(raw, 'latin1'));
  } catch {
    return raw;
  }
}
