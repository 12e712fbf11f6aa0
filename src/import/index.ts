// `kehoach import`: a plan from an existing document (.docx, .txt) as YAML that validates, with a report
// of what was recognised, guessed and repaired.
import { readDocx, type Block } from './docx-read.js';
import { readText } from './text-read.js';
import { readPdf } from './pdf-read.js';
import { MissingTool, ocrPdf } from './ocr.js';
import { convert, officeFormat, SOFFICE_PACKAGE } from '../soffice.js';
import { recognise } from './recognize.js';
import { planYaml } from '../plan/plan-yaml.js';
import { lintText } from '../lint/lint.js';
import { CannotRead } from '../errors.js';
import { plainSpaces, withoutIllegalChars } from '../text/normalize-text.js';
import { readInput } from '../read/input.js';
import { SIGNATURE, startsWith } from '../read/source.js';
import { extensionOf, type SourceKind } from './kinds.js';

export { kindOf, type SourceKind } from './kinds.js';

export interface Imported {
  yaml: string;
  found: string[];
  guesses: string[];
  repairs: string[];
}

/** A text file: UTF-16 with its byte-order mark (Notepad's "Unicode"), UTF-8, or an 8-bit code page (where TCVN3 and VNI texts live). */
function textOf(bytes: Uint8Array, repairs: string[]): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    repairs.push('tệp mã UTF-16 (Unicode của Notepad): đọc và ghi lại thành UTF-8.');
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    repairs.push('tệp không phải UTF-8: đọc theo bảng mã 8 bit (Windows-1252).');
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Damage that extraction leaves (split syllables, stray spaces, doubled marks, OCR's misread marks), repaired by lint's rules. */
const REPAIRS = new Set(['chu-bi-tach', 'dau-cach', 'dau-lap', 'nham-dau']);

function repairDamage(file: string, yaml: string, repairs: string[]): string {
  const r = lintText(file, yaml, { fix: true, only: REPAIRS });
  if (!r.fixes) return yaml;
  for (const m of r.messages) if (REPAIRS.has(m.rule)) repairs.push(`dòng ${m.line}: ${m.message.replace(/ \(sửa được bằng --fix\)$/, '')}`);
  return r.fixed;
}

/** The largest source read: a Word file or a PDF with a logo, a signature or scanned pages runs to megabytes; a plan's text never does. */
const MAX_SOURCE_BYTES: Record<SourceKind, number> = { docx: 64 * 2 ** 20, doc: 64 * 2 ** 20, pdf: 64 * 2 ** 20, txt: 2 * 2 ** 20 };

/** A source's bytes; a file over its kind's limit is that file's problem (CannotRead), an unreadable path a usage error. */
export function readSource(file: string, kind: SourceKind): Uint8Array {
  const bytes = readInput(file, MAX_SOURCE_BYTES[kind]);
  if (bytes.length > MAX_SOURCE_BYTES[kind]) throw new CannotRead(`tệp lớn hơn ${MAX_SOURCE_BYTES[kind] / 2 ** 20} MB, giới hạn cho một tệp .${extensionOf(file) ?? kind}; hãy kiểm tra đúng tệp chưa.`);
  return bytes;
}

export interface ImportOptions {
  /** Recognise scanned pages with tesseract. */
  ocr?: boolean;
}

/**
 * Word 97–2003 files, as LibreOffice saves them in .docx: all in one LibreOffice start (it takes seconds;
 * an office's archive has many). Each comes back as .docx bytes or as the reason it could not be read
 * (one that could not be read, or that is no Word 97–2003, RTF or HTML file, passes through as it is).
 */
export function docsToDocx(docs: (Uint8Array | CannotRead)[]): (Uint8Array | CannotRead)[] {
  const bytes = docs.filter((d): d is Uint8Array => !(d instanceof CannotRead) && sniff(d) === 'doc');
  if (!bytes.length) return docs;
  const r = convert(bytes, bytes.map((b) => officeFormat(b)!), 'docx:MS Word 2007 XML');
  let k = 0;
  return docs.map((d) => {
    if (d instanceof CannotRead || sniff(d) !== 'doc') return d; // a .docx, a PDF or a text under a .doc name: read as it is
    if (!r) return new CannotRead(`đọc tệp .doc (Word 97–2003) cần LibreOffice: sudo apt-get install ${SOFFICE_PACKAGE}; hoặc mở tệp bằng Word và lưu thành .docx.`);
    return r.outputs[k++] ?? new CannotRead(`LibreOffice không chuyển được tệp .doc sang .docx${r.complaint ? ` (${r.complaint})` : ''}.`);
  });
}

interface Scrubbed {
  /** Control characters removed, by code. */
  removed: Set<number>;
  spaces: number;
  invisible: number;
}

/**
 * Every string in the blocks read, as every source needs it before it is recognised: without the characters
 * XML cannot carry, with no-break and wide spaces as spaces, without invisible marks, in NFC (Unikey's
 * "Unicode tổ hợp" types a letter and its marks apart). Counted once a paragraph
 * (its text in pieces, `lines`, is the same text again).
 */
function scrub(x: unknown, s: Scrubbed, count = true): void {
  if (!x || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (typeof v === 'string') o[k] = plainSpaces(withoutIllegalChars(v, s.removed), count && k === 'plain' ? s : undefined).normalize('NFC');
    else scrub(v, s, count && k !== 'lines');
  }
}

const isUtf8 = (b: Uint8Array): boolean => {
  try {
    return !new TextDecoder('utf-8', { fatal: true }).decode(b).includes('\0');
  } catch {
    return false;
  }
};

/**
 * What a file is by its first bytes, whatever its name says (offices rename files; e-office systems save
 * Word 97–2003, RTF or HTML under ".doc" and sometimes ".docx"): 'doc' for what LibreOffice converts.
 */
export function sniff(b: Uint8Array, asText = false): SourceKind | undefined {
  const office = officeFormat(b);
  if (office === 'doc' || office === 'odt') return 'doc';
  if (startsWith(b, SIGNATURE.zip)) return 'docx';
  if (startsWith(b, SIGNATURE.pdf)) return 'pdf';
  // a text named .txt that starts like RTF or HTML is still read as text
  return office && !asText ? 'doc' : undefined;
}

const KIND_NAME: Record<SourceKind, string> = { docx: 'Word (.docx)', doc: 'Word 97–2003, OpenDocument, RTF hoặc HTML', pdf: 'PDF', txt: 'văn bản chữ' };

/** A scanned page's longest side (points) that is still read: A2's, 594 mm. */
const MAX_SCAN_SIDE = 1684;

/**
 * Import the bytes of one document; `schemaRef` is the path the `$schema` comment gives. A .doc comes
 * here as the .docx `docsToDocx` made of it; a file is read as what its first bytes say it is.
 */
export async function importDocument(file: string, bytes: Uint8Array, named: SourceKind, schemaRef: string, o: ImportOptions = {}): Promise<Imported> {
  const repairs: string[] = [];
  const unsure: string[] = [];
  let blocks: Block[];
  const s: Scrubbed = { removed: new Set(), spaces: 0, invisible: 0 };
  let kind = sniff(bytes, named === 'txt') ?? (named !== 'doc' ? named : isUtf8(bytes) ? 'txt' : undefined);
  const ext = extensionOf(file) ?? named;
  if (!kind) throw new CannotRead(`tệp .${ext} này không phải văn bản Word 97–2003, OpenDocument, RTF hay HTML; hãy mở tệp bằng phần mềm đã tạo ra nó và lưu thành .docx.`);
  if (kind !== named) repairs.push(`tệp mang đuôi .${ext} nhưng là tệp ${KIND_NAME[kind]}: đọc theo nội dung.`);
  if (kind === 'doc') {
    // a Word 97–2003 file that came without the .doc name (or a .doc LibreOffice did not see in the batch)
    const converted = docsToDocx([bytes])[0];
    if (converted instanceof CannotRead) throw converted;
    [bytes, kind] = [converted, 'docx'];
  }
  if (kind === 'pdf') {
    let r = await readPdf(bytes, repairs);
    // fewer letters than a title and a number: a scan (its few letters a stamp or a page number)
    if (r.textLength < 20) {
      // a scan: its pages are pictures of text
      if (!o.ocr) throw new CannotRead('tệp PDF không có lớp chữ (bản quét); thêm --ocr để nhận dạng chữ (cần gói Debian tesseract-ocr và tesseract-ocr-vie).');
      // a page is read at 300 dpi in colour: an A3 page is 50 MB of pixels, a poster's would be gigabytes
      const big = r.sizes.findIndex((s) => Math.max(s.width, s.height) > MAX_SCAN_SIDE);
      if (big >= 0) {
        const mm = (pt: number) => Math.round((pt * 25.4) / 72);
        throw new CannotRead(`trang ${big + 1} của bản quét khổ ${mm(r.sizes[big].width)} × ${mm(r.sizes[big].height)} mm, lớn hơn khổ A2: quá lớn để nhận dạng chữ; hãy quét lại ở khổ A4 hoặc A3.`);
      }
      try {
        r = { ...(await ocrPdf(bytes, repairs, unsure)), sizes: r.sizes };
      } catch (e) {
        if (e instanceof MissingTool) throw new CannotRead(`tệp PDF là bản quét; ${e.message}`);
        throw e;
      }
    }
    blocks = r.blocks;
  } else blocks = kind === 'docx' ? readDocx(bytes, repairs) : readText(textOf(bytes, repairs), repairs, s);
  // control characters a PDF's font mapping or a pasted text carries: no reader shows them, XML cannot hold them
  scrub(blocks, s);
  if (s.removed.size) repairs.push(`bỏ ký tự điều khiển không in được (${[...s.removed].sort((a, b) => a - b).map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}) mà tệp nguồn mang theo.`);
  if (s.spaces) repairs.push(`${s.spaces} dấu cách đặc biệt (không ngắt dòng) thành dấu cách thường.`);
  if (s.invisible) repairs.push(`bỏ ${s.invisible} ký tự vô hình trong chữ.`);
  const r = recognise(blocks, kind !== 'txt');
  const header = [`yaml-language-server: $schema=${schemaRef}`, `Nhập từ ${file} bằng "kehoach import"; hãy đọc lại các chỗ ghi "CẦN XEM".`];
  if (unsure.length) header.push(`CẦN XEM: các từ nhận dạng (OCR) không chắc chắn: ${unsure.slice(0, 200).join('; ')}${unsure.length > 200 ? `; và ${unsure.length - 200} từ nữa` : ''}.`);
  const yaml = repairDamage(file, planYaml(r.plan, header, r.notes), repairs);
  return { yaml, found: r.found, guesses: r.guesses, repairs: [...repairs, ...unsure.map((u) => `không chắc chắn: ${u}`)] };
}
