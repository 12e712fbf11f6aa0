// `kehoach import`: a plan from an existing document (.docx, .txt) as YAML that validates, with a report
// of what was recognised, guessed and repaired.
import { readDocx, type Block } from './docx-read.js';
import { readText } from './text-read.js';
import { readPdf } from './pdf-read.js';
import { MissingTool, ocrPdf } from './ocr.js';
import { convert, SOFFICE_PACKAGE } from '../soffice.js';
import { recognise } from './recognize.js';
import { planYaml } from '../plan/plan-yaml.js';
import { lintText } from '../lint/lint.js';

export interface Imported {
  yaml: string;
  found: string[];
  guesses: string[];
  repairs: string[];
}

/** A text file: UTF-8, or an 8-bit code page (where TCVN3 and VNI texts live) when it is not. */
function textOf(bytes: Uint8Array, repairs: string[]): string {
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

export type SourceKind = 'docx' | 'txt' | 'pdf' | 'doc';

export function kindOf(file: string): SourceKind | undefined {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'docx' || ext === 'pdf' || ext === 'doc') return ext;
  return ext === 'txt' || ext === 'text' || ext === 'md' ? 'txt' : undefined;
}

/** A document import cannot read as it is, with what to do (install a package, add --ocr): exit 1. */
export class CannotRead extends Error {}

export interface ImportOptions {
  /** Recognise scanned pages with tesseract. */
  ocr?: boolean;
}

/**
 * Word 97–2003 files, as LibreOffice saves them in .docx: all in one LibreOffice start (it takes seconds;
 * an office's archive has many). Each comes back as .docx bytes or as the reason it could not be read.
 */
export function docsToDocx(docs: Uint8Array[]): (Uint8Array | CannotRead)[] {
  if (!docs.length) return [];
  const r = convert(docs, 'doc', 'docx');
  if (!r) return docs.map(() => new CannotRead(`đọc tệp .doc (Word 97–2003) cần LibreOffice: sudo apt-get install ${SOFFICE_PACKAGE}; hoặc mở tệp bằng Word và lưu thành .docx.`));
  return docs.map((_, i) => r.outputs[i] ?? new CannotRead(`LibreOffice không chuyển được tệp .doc sang .docx${r.complaint ? ` (${r.complaint})` : ''}.`));
}

/** A scanned page's longest side (points) that is still read: A2's, 594 mm. */
const MAX_SCAN_SIDE = 1684;

/**
 * Import the bytes of one document; `schemaRef` is the path the `$schema` comment gives. A .doc comes
 * here as the .docx `docsToDocx` made of it.
 */
export async function importDocument(file: string, bytes: Uint8Array, kind: Exclude<SourceKind, 'doc'>, schemaRef: string, o: ImportOptions = {}): Promise<Imported> {
  const repairs: string[] = [];
  const unsure: string[] = [];
  let blocks: Block[];
  if (kind === 'pdf') {
    let r = await readPdf(bytes, repairs);
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
  } else blocks = kind === 'docx' ? readDocx(bytes, repairs) : readText(textOf(bytes, repairs), repairs);
  const r = recognise(blocks, kind !== 'txt');
  const header = [`yaml-language-server: $schema=${schemaRef}`, `Nhập từ ${file} bằng "kehoach import"; hãy đọc lại các chỗ ghi "CẦN XEM".`];
  if (unsure.length) header.push(`CẦN XEM: các từ nhận dạng (OCR) không chắc chắn: ${unsure.slice(0, 200).join('; ')}${unsure.length > 200 ? `; và ${unsure.length - 200} từ nữa` : ''}.`);
  const yaml = repairDamage(file, planYaml(r.plan, header, r.notes), repairs);
  return { yaml, found: r.found, guesses: r.guesses, repairs: [...repairs, ...unsure.map((u) => `không chắc chắn: ${u}`)] };
}
