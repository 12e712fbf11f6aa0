// The one step after docx's Packer (fixing the time of each zip entry), and the zip reader of `check`
// and the tests (fflate, the zip library docx itself packs with).
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';

/**
 * The zip docx packed, with every entry stamped `when` (UTC) in place of the clock at packing: the
 * MS-DOS date and time of each entry's local and central header are set; nothing else changes, so
 * nothing is inflated or deflated again (re-deflating every part was a quarter of a cold render).
 * fflate, which docx packs with, writes no data descriptors and no ZIP64 records; anything else is
 * refused. MS-DOS times run from 1980 to 2107, in 2-second steps.
 */
export function stampZip(zip: Uint8Array, when: Date): Uint8Array {
  const b = Buffer.from(zip); // a copy: the caller's bytes stay as they were
  const year = Math.min(Math.max(when.getUTCFullYear(), 1980), 2107);
  const date = ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const end = b.length - 22; // fflate writes no archive comment
  if (end < 0 || b.readUInt32LE(end) !== 0x06054b50) throw new Error('zip: không thấy phần cuối thư mục trung tâm');
  let p = b.readUInt32LE(end + 16);
  for (let i = b.readUInt16LE(end + 10); i > 0; i--) {
    const local = b.readUInt32LE(p + 42);
    if (b.readUInt32LE(p) !== 0x02014b50 || b.readUInt32LE(local) !== 0x04034b50) throw new Error('zip: thư mục trung tâm hỏng');
    b.writeUInt16LE(time, p + 12);
    b.writeUInt16LE(date, p + 14);
    b.writeUInt16LE(time, local + 10);
    b.writeUInt16LE(date, local + 12);
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return b;
}

const SEAL = 'kehoach sha256=';
/**
 * The keyword kehoach writes into the document's properties: LibreOffice carries it into the PDF's /Keywords,
 * where `render --pdf` finds it again before writing over a PDF (a PDF it did not make is never replaced).
 */
export const KEYWORD = 'kehoach';
const utf16 = (s: string) => `<FEFF${[...s].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('')}>`;
/** Whether a PDF's information dictionary has `key` starting with `value` (as LibreOffice writes it, UTF-16, or plainly). */
const pdfInfo = (b: Buffer, key: string, value: string): boolean =>
  b.includes(`/${key}${utf16(value).slice(0, -1)}`, 0, 'latin1') || b.includes(`/${key}(${value}`, 0, 'latin1');
/**
 * Whether a PDF is one `render --pdf` made: its /Keywords are kehoach's. `besideOurs`: the .docx beside it is
 * kehoach's, unchanged; then a PDF LibreOffice produced is taken as one an earlier kehoach made, before it marked them.
 */
export const isOurPdf = (bytes: Uint8Array, besideOurs = false): boolean => {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return pdfInfo(b, 'Keywords', KEYWORD) || (besideOurs && pdfInfo(b, 'Producer', 'LibreOffice'));
};

/**
 * kehoach's mark on a .docx it wrote: the zip's archive comment holds the SHA-256 of every byte before it.
 * Word and LibreOffice write a new zip when they save, without it; an edit by any other tool changes the
 * bytes. So a file whose mark still holds is exactly what kehoach wrote, and can be replaced.
 */
export function sealZip(zip: Uint8Array): Uint8Array {
  const b = Buffer.from(zip);
  const end = b.length - 22;
  if (end < 0 || b.readUInt32LE(end) !== 0x06054b50 || b.readUInt16LE(end + 20) !== 0) throw new Error('zip: không thấy phần cuối thư mục trung tâm');
  const comment = Buffer.from(SEAL + createHash('sha256').update(b.subarray(0, end + 20)).digest('hex'), 'latin1');
  b.writeUInt16LE(comment.length, end + 20);
  return Buffer.concat([b, comment]);
}

/** Whether a file is a .docx kehoach wrote and nobody changed since ('ours'), changed ('changed'), or other. */
export function sealOf(bytes: Uint8Array): 'ours' | 'changed' | 'other' {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = SEAL.length + 64;
  const end = b.length - 22 - len;
  if (end < 0 || b.readUInt32LE(end) !== 0x06054b50 || b.readUInt16LE(end + 20) !== len) return b.length && b.includes(SEAL, 0, 'latin1') ? 'changed' : 'other';
  const seal = b.subarray(end + 22).toString('latin1');
  if (!seal.startsWith(SEAL)) return 'other';
  const copy = Buffer.from(b.subarray(0, end + 22));
  copy.writeUInt16LE(0, end + 20);
  return createHash('sha256').update(copy.subarray(0, end + 20)).digest('hex') === seal.slice(SEAL.length) ? 'ours' : 'changed';
}

/** The entries of a zip file, by name, in the file's order. */
export function readZip(bytes: Uint8Array): Map<string, Buffer> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new Error(`tệp zip hỏng (${(e as Error).message})`);
  }
  return new Map(Object.entries(entries).map(([name, data]) => [name, Buffer.from(data.buffer, data.byteOffset, data.byteLength)]));
}
