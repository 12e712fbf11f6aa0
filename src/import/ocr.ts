// Scanned pages: poppler's pdftoppm renders each page at 300 dpi in colour, read by its red channel (a red
// seal drops out); a page fed in sideways or upside down is turned upright and a skewed one straight; the
// table rules are found in the picture and erased (raster.ts); tesseract (with its Vietnamese data)
// recognises the words with their boxes and confidence; and words and rules go through the same layout as a
// PDF's text layer. Both programs are Debian packages; without them, a clear message names what to install.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gridRules, layout, type Item, type Page, type Segment } from './pdf-read.js';
import type { Block } from './docx-read.js';
import { cellsOf, crop, dotsOf, erase, overlaps, pgm, quarter, readPgm, rotate, rowsOverColumns, rulesOf, skewOf, union, whiten, type Box, type Run } from './raster.js';
import { isSyllable } from '../lint/syllable.js';
import { CannotRead } from '../errors.js';
import { tempDir } from '../read/input.js';
import { agree, type OcrWord } from './ocr-vocab.js';

const DPI = 300;
/** Words recognised with less confidence than this (0–100) are listed for the clerk to check. */
export const LOW_CONFIDENCE = 60;

export class MissingTool extends Error {}

function tool(cmd: string, args: string[], what: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingTool(what);
  // the tool ran and failed on this file's pages: that file's error, in the tool's own words
  if (r.status !== 0) throw new CannotRead(`${cmd} không đọc được trang quét của tệp: ${(r.stderr || String(r.error)).trim().split('\n')[0]}`);
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

/**
 * tesseract's own threads (OpenMP) cost more than they give on a small machine: measured here, 10 s a page
 * with them, 2 s with one; the pages are recognised side by side instead, one process a core.
 */
const ONE_THREAD = { OMP_THREAD_LIMIT: '1' };

/** One tesseract run: its exit code, its output and its complaint. */
function tesseract(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn('tesseract', args, { env: { ...process.env, ...ONE_THREAD } });
    const out: Buffer[] = [];
    let err = '';
    p.stdout.on('data', (b: Buffer) => out.push(b));
    p.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    p.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new MissingTool(TESSERACT) : e));
    p.on('close', (code) => resolve({ code, out: Buffer.concat(out).toString('utf8'), err }));
  });
}

/**
 * tesseract's TSV of one picture (or of a list of pictures, one a line), or the error to report. TSV is asked
 * by its setting, not by the "tsv" config file, which a TESSDATA_PREFIX without configs/ lacks.
 */
async function recognise(image: string, psm = '3'): Promise<string> {
  const r = await tesseract([image, 'stdout', '-l', 'vie', '--psm', psm, '--dpi', String(DPI), '-c', 'tessedit_create_tsv=1']);
  if (r.code !== 0) throw new CannotRead(`tesseract không nhận dạng được trang quét: ${r.err.trim().split('\n')[0]}`);
  return r.out;
}

/** Below this confidence (tesseract's own scale), its orientation detection is not followed. */
const MIN_ORIENTATION = 5;

/**
 * The clockwise turn (90, 180 or 270 degrees) that tesseract's orientation detection (OSD, `--psm 0`) says
 * makes a page upright, or 0: upright, or it cannot tell (too little text); undefined when tesseract has no
 * OSD data to tell by (Debian's tesseract-ocr-osd). Half a second a page, so asked only of a page that looks
 * sideways or reads badly.
 */
async function orientation(image: string): Promise<number | undefined> {
  const r = await tesseract([image, 'stdout', '--psm', '0']);
  if (r.code !== 0 && /\bosd\b/.test(r.err)) return undefined;
  const turn = /Rotate:\s*(\d+)/.exec(r.out);
  const sure = /Orientation confidence:\s*([\d.]+)/.exec(r.out);
  return r.code === 0 && turn && sure && Number(sure[1]) >= MIN_ORIENTATION ? Number(turn[1]) % 360 : 0;
}

/** A page picture's table grid: its rules in points (origin bottom left, as a PDF's), and in pixels. */
interface Grid {
  h: Segment[];
  v: Segment[];
  runs: { h: Run[]; v: Run[] };
  /** the quarter turns (clockwise, degrees) that made the page upright */
  turn: number;
  /** the angle (degrees) the scan was turned by, and turned back */
  skew: number;
  /** stamped with a red seal, read without it */
  sealed: boolean;
  /** it looked turned, but tesseract had no data to tell which way is up: read as it lies */
  unknownTurn: boolean;
}

/** Less skew than this (degrees) is left: turning a picture blurs it a little. */
const MIN_SKEW = 0.1;

/**
 * One page picture (`src`, as pdftoppm rendered it) made ready for tesseract in `file`: turned upright when it
 * lies sideways (or by `turn`, when recognition found it upside down), turned straight when the scan was
 * skewed, its table rules found, and erased.
 */
async function preparePage(src: string, file: string, turn?: number): Promise<Grid> {
  const bytes = readFileSync(src);
  let img = readPgm(bytes);
  if (!img) {
    writeFileSync(file, bytes);
    return { h: [], v: [], runs: { h: [], v: [] }, turn: 0, skew: 0, sealed: false, unknownTurn: false };
  }
  const sealed = !!img.sealed;
  // a page whose ink lines up in columns rather than rows is read sideways: ask which way is up
  let unknownTurn = false;
  if (turn === undefined) {
    const asked = rowsOverColumns(img) < 1 ? await orientation(src) : 0;
    unknownTurn = asked === undefined;
    turn = asked ?? 0;
  }
  if (turn) img = quarter(img, turn / 90);
  const skew = skewOf(img);
  if (Math.abs(skew) >= MIN_SKEW) img = rotate(img, -skew);
  const found = rulesOf(img);
  const k = 72 / DPI;
  const top = img.height * k;
  const mid = (r: Run) => ((r.b0 + r.b1 + 1) / 2) * k;
  type Ruled = Segment & { run: Run };
  const h: Ruled[] = found.h.map((r) => ({ x0: r.a0 * k, x1: (r.a1 + 1) * k, y0: top - mid(r), y1: top - mid(r), run: r }));
  const v: Ruled[] = found.v.map((r) => ({ x0: mid(r), x1: mid(r), y0: top - (r.a1 + 1) * k, y1: top - r.a0 * k, run: r }));
  // only a table's grid: the rules under the agency's name and the tiêu ngữ stay, as they are no table
  const grid = gridRules(h, v);
  const runs = { h: grid.h.map((s) => s.run), v: grid.v.map((s) => s.run) };
  if (runs.h.length) img = erase(img, runs.h, runs.v);
  writeFileSync(file, pgm(sealed ? whiten(img) : img));
  return { h: grid.h, v: grid.v, runs, turn, skew: Math.abs(skew) >= MIN_SKEW ? skew : 0, sealed, unknownTurn };
}

/** tesseract's TSV → its rows, split into their fields. */
const tsvRows = (tsv: string): string[][] => tsv.split('\n').map((l) => l.split('\t'));

/** A row of a word (level 5) with text. */
const isWord = (r: string[]): boolean => r[0] === '5' && !!r[11]?.trim();

/** tesseract's TSV → its rows of words. */
const wordRows = (tsv: string): string[][] => tsvRows(tsv).filter(isWord);

/** The line a TSV word row stands on: block, paragraph, line. */
const lineOf = (r: string[]): string => `${r[2]}/${r[3]}/${r[4]}`;

/** A page read upside down gives mostly words tesseract is unsure of: this mean confidence, at least so many. */
const BAD_PAGE = { confidence: 60, words: 20 };

function readsBadly(tsv: string): boolean {
  const conf = wordRows(tsv).map((r) => Number(r[10]));
  return conf.length >= BAD_PAGE.words && conf.reduce((a, b) => a + b, 0) / conf.length < BAD_PAGE.confidence;
}

const PAD = 16;

/** A word less high than this share of the page's usual word is a mark (an accent, a dot), not a word. */
const MARK = 0.45;

/**
 * Where tesseract's page layout split a line of capitals from its marks. In tight lines of capitals with
 * stacked marks ("KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC", a signer's title, an agency's name) it reads the marks
 * of the second line as a line of their own ("^ Á Ế") and the bare letters below as another, garbled
 * ("TPHRN GHUANE THOA,"). Each such pair, as one box: read on its own, the line comes out whole.
 */
export function splitLines(tsv: string): Box[] {
  const rows = wordRows(tsv);
  const heights = rows.map((r) => Number(r[9])).sort((a, b) => a - b);
  const usual = heights[heights.length >> 1] ?? 0;
  type Word = Box & { conf: number; caps: boolean };
  const byLine = new Map<string, Word[]>();
  for (const r of rows) {
    const key = lineOf(r);
    const [x, y, w, h] = [6, 7, 8, 9].map((i) => Number(r[i]));
    const caps = /\p{Lu}/u.test(r[11]) && !/\p{Ll}/u.test(r[11]);
    byLine.set(key, [...(byLine.get(key) ?? []), { x0: x, y0: y, x1: x + w - 1, y1: y + h - 1, conf: Number(r[10]), caps }]);
  }
  // a line's runs of words, apart where a gap is wider than a word is high: tesseract may run the nơi nhận
  // column and the signer's into one line
  type Run = Box & { marks: boolean; caps: boolean; conf: number[] };
  const runs: Run[] = [];
  for (const words of byLine.values()) {
    words.sort((a, b) => a.x0 - b.x0);
    let run: Run | undefined;
    for (const w of words) {
      const mark = w.y1 - w.y0 + 1 < MARK * usual;
      if (run && w.x0 - run.x1 <= 1.5 * usual) {
        Object.assign(run, union(run, w), { marks: run.marks && mark, caps: run.caps && w.caps });
        run.conf.push(w.conf);
      } else runs.push((run = { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1, marks: mark, caps: w.caps, conf: [w.conf] }));
    }
  }
  const out: Box[] = [];
  const add = (box: Box) => {
    // the marks of one line come as several runs (accents sit letters apart): one box for the line
    const same = out.find((b) => overlaps(b, box));
    if (same) Object.assign(same, union(same, box));
    else out.push(box);
  };
  for (const m of runs.filter((r) => r.marks)) {
    // the letters the marks belong to: the run just below, across the same columns
    const below = runs.find((l) => !l.marks && l.y0 >= m.y0 && l.y0 <= m.y1 + MARK * usual && l.x0 <= m.x1 && m.x0 <= l.x1);
    if (!below) continue;
    add({ x0: Math.min(m.x0, below.x0), y0: m.y0, x1: Math.max(m.x1, below.x1), y1: below.y1 });
  }
  // a run of capitals read with little confidence: its stacked marks, above the letters' boxes, were read into
  // the letters ("GILAM ĐOÓOC" for "GIÁM ĐỐC"); read again with the room above it where the marks stand
  for (const r of runs.filter((r) => r.caps && !r.marks && r.conf.reduce((a, b) => a + b, 0) / r.conf.length < LOW_CONFIDENCE)) {
    // up to the line above, not into it (its words would be read again too)
    const above = runs.filter((a) => a !== r && a.y1 < r.y0 && a.x0 <= r.x1 && r.x0 <= a.x1).reduce((m, a) => Math.max(m, a.y1 + PAD + 1), 0);
    const box = { x0: r.x0, y0: Math.max(above, r.y0 - Math.round((r.y1 - r.y0 + 1) * 0.9)), x1: r.x1, y1: r.y1 };
    if (!out.some((b) => overlaps(b, box))) out.push(box);
  }
  return out;
}

/**
 * The pages' TSV with the words of each table cell (raster.ts's cellsOf) and of each line split from its
 * marks (splitLines) recognised on its own, all in one tesseract run: the page's own words inside them give
 * way to them. A region's words keep the page's pixels, each region a block of its own.
 */
async function readCells(dir: string, images: string[], grids: Grid[], tsv: string[]): Promise<string[]> {
  const crops: { page: number; box: Box }[] = [];
  grids.forEach((g, n) => {
    const split = splitLines(tsv[n]);
    if (!g.runs.h.length && !split.length) return;
    const img = readPgm(readFileSync(join(dir, images[n])))!;
    const cells = g.runs.h.length ? cellsOf(img, g.runs.h, g.runs.v) : [];
    const apart = split.filter((b) => !cells.some((c) => overlaps(c, b)));
    for (const box of [...cells, ...apart]) {
      writeFileSync(join(dir, `o-${crops.length}.pgm`), pgm(crop(img, box, PAD)));
      crops.push({ page: n, box });
    }
  });
  if (!crops.length) return tsv;
  writeFileSync(join(dir, 'o.txt'), crops.map((_, i) => join(dir, `o-${i}.pgm`)).join('\n') + '\n');
  // a cell, a line: a small block of text, --psm 6
  const out = await recognise(join(dir, 'o.txt'), '6');
  const boxes = tsv.map((_, n) => crops.filter((c) => c.page === n).map((c) => c.box));
  const inCell = (page: number, r: string[]) => {
    const x = Number(r[6]) + Number(r[8]) / 2;
    const y = Number(r[7]) + Number(r[9]) / 2;
    return boxes[page].some((b) => x >= b.x0 - PAD && x <= b.x1 + PAD && y >= b.y0 - PAD && y <= b.y1 + PAD);
  };
  const pages = tsv.map((t, n) =>
    t.split('\n').filter((line) => {
      const r = line.split('\t');
      return r[0] !== '5' || !inCell(n, r);
    }),
  );
  for (const r of tsvRows(out)) {
    if (r[0] !== '5' || !r[11]?.trim()) continue;
    const i = Number(r[1]) - 1;
    const c = crops[i];
    if (!c) continue;
    const row = [...r];
    row[2] = String(1000 + i);
    row[6] = String(Number(r[6]) + c.box.x0 - PAD);
    row[7] = String(Number(r[7]) + c.box.y0 - PAD);
    pages[c.page].push(row.join('\t'));
  }
  return pages.map((p) => p.join('\n'));
}

/** Recognise the pages of a scanned PDF; `unsure` receives the words below LOW_CONFIDENCE. */
export async function ocrPdf(bytes: Uint8Array, repairs: string[], unsure: string[]): Promise<{ blocks: Block[]; textLength: number }> {
  const missing = ocrMissing();
  if (missing) throw new MissingTool(missing);
  const dir = tempDir('kehoach-ocr-');
  try {
    writeFileSync(join(dir, 'in.pdf'), bytes);
    // in colour (PPM), read here by its red channel (raster.ts's readPgm: the seal's red drops out), made
    // ready for tesseract as greyscale PGM
    tool('pdftoppm', ['-r', String(DPI), join(dir, 'in.pdf'), join(dir, 'trang')], POPPLER);
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ppm')).sort();
    // what tesseract reads: each page made ready (preparePage), beside pdftoppm's own picture
    const images = sources.map((_, i) => `doc-${i + 1}.pgm`);
    const grids: Grid[] = new Array(sources.length);
    const tsv: string[] = new Array(sources.length);
    let next = 0;
    const worker = async () => {
      while (next < sources.length) {
        const i = next++;
        const [src, file] = [join(dir, sources[i]), join(dir, images[i])];
        grids[i] = await preparePage(src, file);
        tsv[i] = await recognise(file);
        // read upside down: turned over and read again
        if (readsBadly(tsv[i])) {
          const turn = await orientation(file);
          if (turn === undefined) grids[i].unknownTurn = true;
          else if (turn) {
            grids[i] = await preparePage(src, file, (grids[i].turn + turn) % 360);
            tsv[i] = await recognise(file);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(sources.length, availableParallelism()) }, worker));
    const read = (await readCells(dir, images, grids, tsv)).map(rowsOf);
    readDots(read, (n) => join(dir, images[n]));
    const agreed: string[] = [];
    agreeWords(read, agreed);
    const pages: Page[] = read.map((t, n) => ({ ...pageOf(t, n + 1, unsure), h: grids[n].h, v: grids[n].v }));
    const tables = grids.filter((g) => g.h.length).length;
    const turned = grids.flatMap((g, n) => (g.turn ? [`trang ${n + 1} (${g.turn}°)`] : []));
    const sealed = grids.flatMap((g, n) => (g.sealed ? [`trang ${n + 1}`] : []));
    const skewed = grids.flatMap((g, n) => (g.skew ? [`trang ${n + 1} (${String(Math.abs(g.skew)).replace('.', ',')}°)`] : []));
    const unknown = grids.flatMap((g, n) => (g.unknownTurn ? [`trang ${n + 1}`] : []));
    repairs.push(
      `nhận dạng chữ (OCR) ${pages.length} trang quét${turned.length ? `; quay lại cho đúng chiều: ${turned.join(', ')}` : ''}${sealed.length ? `; đọc bỏ màu đỏ của con dấu: ${sealed.join(', ')}` : ''}${skewed.length ? `; xoay thẳng trang bị nghiêng: ${skewed.join(', ')}` : ''}${unknown.length ? `; không biết chiều của ${unknown.join(', ')} (có vẻ bị quay): tesseract thiếu dữ liệu nhận biết chiều trang (gói tesseract-ocr-osd), trang được đọc như khi quét` : ''}${tables ? `; kẻ bảng tìm thấy trên ${tables} trang` : ''}; ${unsure.length} từ không chắc chắn được liệt kê để kiểm tra.`,
      ...agreed,
    );
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

/** tesseract's TSV of one page: its page row and its word rows, with the characters no plan writes mapped back. */
function rowsOf(tsv: string): { page?: string[]; words: string[][] } {
  const rows = tsvRows(tsv);
  // a lone accent mark ("ˆ", "˜", "´") is a speck OCR read, not a word: it would join the header's two columns
  const words = rows.filter((r) => isWord(r) && !/^[\u02C6\u02DC\u00B4\u0060\u00A8~^]+$/u.test(r[11].trim()));
  // a fraction slash is what OCR reads for "/" in a date ("05⁄6"); no plan writes fractions so. An em dash is
  // what it reads for an en dash ("2026 – 2031", "Tổ chức – Hành chính"); plans write the en dash, as ND30's
  // own forms do, and no restored plan has an em dash. "¡" and "ï" are what it reads for the "i" of a list
  // marker "(i)", "(ii)"; neither is Vietnamese, nor the Icelandic "Ð" it reads for "Đ". A "c" and a "C" have
  // one shape: "(B/C)" is "(B/c)" ("báo cáo"), as every plan here writes it in its nơi nhận
  for (const r of words)
    r[11] = r[11]
      .replace(/\u2044/g, '/')
      .replace(/\u2014/g, '\u2013')
      .replace(/[¡ï]/g, 'i')
      .replace(/Ð/g, 'Đ')
      .replace(/ð/g, 'đ')
      .replace(/^(\(?[bB])\/C(\);?)$/u, '$1/c$2');
  return { page: rows.find((r) => r[0] === '1'), words };
}

/**
 * OCR reads both an ellipsis "…" and three full stops as "...", and sometimes drops a dot of "....": the dots
 * themselves, measured in the page picture (raster.ts's dotsOf), say which and how many.
 */
function readDots(pages: { words: string[][] }[], file: (page: number) => string): void {
  pages.forEach((p, n) => {
    const dotted = p.words.filter((r) => /\.{3,}[^.]*$/.test(r[11]));
    if (!dotted.length) return;
    const img = readPgm(readFileSync(file(n)));
    if (!img) return;
    for (const r of dotted) {
      const [x, y, w, h] = [6, 7, 8, 9].map((i) => Number(r[i]));
      const dots = dotsOf(img, { x0: x, y0: y, x1: x + w - 1, y1: y + h - 1 });
      if (!dots || (dots.ellipsis && dots.count % 3)) continue;
      r[11] = r[11].replace(/\.{3,}(?=[^.]*$)/, dots.ellipsis ? '\u2026'.repeat(dots.count / 3) : '.'.repeat(dots.count));
    }
  });
}

/** The pages' words checked against the document itself (ocr-vocab.ts), line by line in reading order. */
function agreeWords(pages: { words: string[][] }[], repairs: string[]): void {
  const lines: { page: number; words: (OcrWord & { row: string[] })[] }[] = [];
  pages.forEach((p, n) => {
    const byLine = new Map<string, (OcrWord & { row: string[] })[]>();
    for (const r of p.words) {
      const key = lineOf(r);
      if (!byLine.has(key)) byLine.set(key, []);
      byLine.get(key)!.push({ text: r[11], conf: Number(r[10]), keep: unjoin(r[11]).length > 1, row: r });
    }
    for (const words of byLine.values()) lines.push({ page: n + 1, words });
  });
  agree(lines.map((l) => l.words), repairs, (n) => `trang ${lines[n].page}`);
  for (const l of lines) for (const w of l.words) w.row[11] = w.text;
}

/** One page's words → positioned words, in points, the origin at the bottom left as in a PDF. */
function pageOf({ page: pageRow, words }: { page?: string[]; words: string[][] }, page: number, unsure: string[]): Page {
  const k = 72 / DPI;
  const height = Number(pageRow?.[9] ?? 3508) * k;
  const width = Number(pageRow?.[8] ?? 2480) * k;
  // one baseline for each recognised line: the bottom of its lowest box
  const bottoms = new Map<string, number>();
  for (const r of words) {
    const key = lineOf(r);
    bottoms.set(key, Math.max(bottoms.get(key) ?? 0, Number(r[7]) + Number(r[9])));
  }
  const heights = new Map<string, number[]>();
  for (const r of words) {
    const key = lineOf(r);
    heights.set(key, [...(heights.get(key) ?? []), Number(r[9])]);
  }
  const items: Item[] = words.flatMap((r) => {
    const key = lineOf(r);
    const hs = heights.get(key)!.sort((a, b) => a - b);
    const conf = Number(r[10]);
    if (conf < LOW_CONFIDENCE) unsure.push(`trang ${page}: "${r[11]}" (${Math.round(conf)}%)`);
    const base = { y: height - bottoms.get(key)! * k, size: hs[Math.floor(hs.length / 2)] * k, bold: false, italic: false, para: `${page}/${r[2]}/${r[3]}` };
    const x = Number(r[6]) * k;
    const w = Number(r[8]) * k;
    const parts = unjoin(r[11]);
    if (parts.length === 1) return [{ ...base, str: r[11], x, w }];
    // two words where OCR saw one: the second starts after the first's share of the box and a thin space
    const split = (w * parts[0].length) / r[11].length;
    return [{ ...base, str: parts[0], x, w: split }, { ...base, str: parts[1], x: x + split + base.size * 0.3, w: w - split }];
  });
  return { width, height, items, h: [], v: [], scanned: true };
}
