import mammoth from 'mammoth';
import { sniffFileKind } from '../platform/storage/file-kind.js';
import type { DocumentFormat } from './intake.vocabulary.js';

/**
 * The plain text of an uploaded file: UTF-8 text, Word (.docx, via mammoth) or PDF with a text layer
 * (via unpdf, pdf.js inside). What cannot be read is refused with a reason in Chinese, before
 * anything is stored — a scanned PDF, a GBK text, a file that is none of the three.
 */
export class UnreadableDocument extends Error {
  constructor(
    readonly code: 'unsupported_format' | 'empty' | 'not_utf8' | 'no_text_layer' | 'no_text' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

/** Texts longer than this are refused (a 政府工作报告 is 10–40 thousand characters). */
export const MAX_TEXT_CHARS = 500_000;

/** The format the bytes say (magic bytes, one check for every upload: platform/storage/file-kind.ts), when the name's extension agrees. */
function formatOf(buffer: Buffer, fileName: string): Exclude<DocumentFormat, 'json'> | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const kind = sniffFileKind(buffer);
  // A ZIP named .docx without Word parts in its head is still tried as Word, so it is refused as damaged, not as another type.
  const zipNamedDocx = ext === 'docx' && buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const format = kind === 'pdf' ? 'pdf' : kind === 'docx' || zipNamedDocx ? 'docx' : kind === 'text' ? 'txt' : null;
  if (!format || (ext && !EXTENSIONS[format].includes(ext))) return null;
  return format;
}

const EXTENSIONS: Record<Exclude<DocumentFormat, 'json'>, string[]> = { pdf: ['pdf'], docx: ['docx'], txt: ['txt', 'text'] };

/** Line ends normalised, a BOM and NULs dropped: offsets into this text are what evidence points at. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .replace(/\u0000/gu, '');
}

function utf8(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new UnreadableDocument('not_utf8', '文本文件不是 UTF-8 编码（可能是 GBK），请用“另存为 UTF-8”后重新上传');
  }
}

async function pdfText(buffer: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let text: string;
  try {
    const doc = await getDocumentProxy(new Uint8Array(buffer));
    ({ text } = await extractText(doc, { mergePages: true }));
  } catch {
    throw new UnreadableDocument('corrupt', 'PDF 文件无法打开（可能已损坏或加密）');
  }
  if (!text.replace(/\s+/gu, ''))
    throw new UnreadableDocument('no_text_layer', 'PDF 中没有可识别的文字（可能是扫描件），请上传带文字层的 PDF 或 Word 文件');
  return text;
}

async function docxText(buffer: Buffer): Promise<string> {
  try {
    return (await mammoth.extractRawText({ buffer })).value;
  } catch {
    throw new UnreadableDocument('corrupt', 'Word 文件无法打开（只支持 .docx，不支持旧版 .doc）');
  }
}

/** Reads an upload; throws UnreadableDocument with a Chinese reason for anything that is not a readable text. */
export async function readDocumentText(
  buffer: Buffer,
  fileName: string,
): Promise<{ format: Exclude<DocumentFormat, 'json'>; text: string }> {
  if (!buffer.length) throw new UnreadableDocument('empty', '文件是空的');
  const format = formatOf(buffer, fileName);
  if (!format) throw new UnreadableDocument('unsupported_format', '只支持 .txt（UTF-8）、.docx 和 .pdf 文件');
  const raw = format === 'pdf' ? await pdfText(buffer) : format === 'docx' ? await docxText(buffer) : utf8(buffer);
  const text = normaliseText(raw);
  if (!text.trim()) throw new UnreadableDocument('no_text', '文件中没有文字');
  if (text.length > MAX_TEXT_CHARS) throw new UnreadableDocument('no_text', `文本过长（超过 ${MAX_TEXT_CHARS} 字），请拆分后上传`);
  return { format, text };
}
