// Scanned pages: poppler's pdftoppm renders each page at 300 dpi, tesseract (with its Vietnamese data)
// recognises the words with their boxes and confidence, and the words go through the same layout as a
// PDF's text layer. Both are Debian packages; without them, a clear message names what to install.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layout, type Item, type Page } from './pdf-read.js';
import type { Block } from './docx-read.js';
import { isSyllable } from '../lint/syllable.js';

const DPI = 300;
/** Words recognised with less confidence than this (0–100) are listed for the clerk to check. */
export const LOW_CONFIDENCE = 60;

export class MissingTool extends Error {}

function tool(cmd: string, args: string[], what: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingTool(what);
  if (r.status !== 0) throw new Error(`${cmd} không chạy được: ${(r.stderr || String(r.error)).trim().split('\n')[0]}`);
  return r.stdout;
}

const TESSERACT = 'cần tesseract có dữ liệu tiếng Việt để nhận dạng trang quét: sudo apt-get install tesseract-ocr tesseract-ocr-vie';
const POPPLER = 'cần poppler để đọc trang quét: sudo apt-get install poppler-utils';

/** Whether OCR can run here: the two programs and the Vietnamese data. */
export function ocrMissing(): string | undefined {
  try {
    tool('pdftoppm', ['-v'], POPPLER);
    const langs = tool('tesseract', ['--list-langs'], TESSERACT);
    if (!/^vie$/m.test(langs)) return TESSERACT;
  } catch (e) {
    if (e instanceof MissingTool) return e.message;
    throw e;
  }
  return undefined;
}

/** Recognise the pages of a scanned PDF; `unsure` receives the words below LOW_CONFIDENCE. */
export function ocrPdf(bytes: Uint8Array, repairs: string[], unsure: string[]): { blocks: Block[]; textLength: number } {
  const missing = ocrMissing();
  if (missing) throw new MissingTool(missing);
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-ocr-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), bytes);
    tool('pdftoppm', ['-r', String(DPI), '-gray', '-png', join(dir, 'in.pdf'), join(dir, 'trang')], POPPLER);
    const images = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    const pages: Page[] = images.map((img, n) => pageOf(tool('tesseract', [join(dir, img), 'stdout', '-l', 'vie', '--psm', '3', 'tsv'], TESSERACT), n + 1, unsure));
    repairs.push(`nhận dạng chữ (OCR) ${pages.length} trang quét; ${unsure.length} từ không chắc chắn được liệt kê để kiểm tra.`);
    return layout(pages, repairs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * OCR often loses the space before a short word ("ngànhy tế", "SởY tế"): a word that is no Vietnamese
 * syllable but is two of them is two words, cut after the longest first syllable ("ngành y", not "ngàn hy").
 */
function unjoin(word: string): string[] {
  const m = /^([\p{L}]+)([.,;:)]*)$/u.exec(word);
  if (!m || isSyllable(m[1]) || !/[^a-z]/i.test(m[1])) return [word];
  const cuts: number[] = [];
  for (let i = 1; i < m[1].length; i++) if (isSyllable(m[1].slice(0, i)) && isSyllable(m[1].slice(i))) cuts.push(i);
  const cut = cuts[cuts.length - 1];
  return cut === undefined ? [word] : [m[1].slice(0, cut), m[1].slice(cut) + m[2]];
}

/** tesseract's TSV of one page → positioned words, in points, the origin at the bottom left as in a PDF. */
function pageOf(tsv: string, page: number, unsure: string[]): Page {
  const k = 72 / DPI;
  const rows = tsv.split('\n').slice(1).map((l) => l.split('\t'));
  const pageRow = rows.find((r) => r[0] === '1');
  const height = Number(pageRow?.[9] ?? 3508) * k;
  const width = Number(pageRow?.[8] ?? 2480) * k;
  // one baseline for each recognised line: the bottom of its lowest box
  const bottoms = new Map<string, number>();
  const words = rows.filter((r) => r[0] === '5' && r[11]?.trim());
  for (const r of words) {
    const key = `${r[2]}/${r[3]}/${r[4]}`;
    bottoms.set(key, Math.max(bottoms.get(key) ?? 0, Number(r[7]) + Number(r[9])));
  }
  const heights = new Map<string, number[]>();
  for (const r of words) {
    const key = `${r[2]}/${r[3]}/${r[4]}`;
    heights.set(key, [...(heights.get(key) ?? []), Number(r[9])]);
  }
  const items: Item[] = words.flatMap((r) => {
    const key = `${r[2]}/${r[3]}/${r[4]}`;
    const hs = heights.get(key)!.sort((a, b) => a - b);
    const conf = Number(r[10]);
    if (conf < LOW_CONFIDENCE) unsure.push(`trang ${page}: "${r[11]}" (${Math.round(conf)}%)`);
    const base = { y: height - bottoms.get(key)! * k, size: hs[Math.floor(hs.length / 2)] * k, bold: false, italic: false, para: `${page}/${r[2]}/${r[3]}` };
    const x = Number(r[6]) * k;
    const w = Number(r[8]) * k;
    // a fraction slash is what OCR reads for "/" in a date ("05⁄6"); no plan writes fractions so
    r[11] = r[11].replace(/\u2044/g, '/');
    const parts = unjoin(r[11]);
    if (parts.length === 1) return [{ ...base, str: r[11], x, w }];
    // two words where OCR saw one: the second starts after the first's share of the box and a thin space
    const split = (w * parts[0].length) / r[11].length;
    return [{ ...base, str: parts[0], x, w: split }, { ...base, str: parts[1], x: x + split + base.size * 0.3, w: w - split }];
  });
  return { width, height, items, h: [], v: [] };
}
