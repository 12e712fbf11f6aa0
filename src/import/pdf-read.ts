// A PDF with a text layer → the blocks a reader sees, as docx-read.ts gives them for a .docx. pdfjs-dist
// gives each run of text with its position and font; the layout is rebuilt from geometry: lines by
// baseline, the header's and the signature's two columns by a wide gap, centred lines by their middle,
// paragraphs by spacing and first-line indent, bold and italic from the font names, tables from their
// ruling lines. Page numbers (a lone number in the top or bottom margin) are dropped.
import type { Block, Cell, Para } from './docx-read.js';
import { gridColumns, markup } from './docx-read.js';
import { APPENDIX_LINE, DOCUMENT_NAME, isColumnNumbers, REFERENCE_START } from './recognize.js';
import { isUpper, withoutTones } from '../text/normalize-text.js';
import { CannotRead } from '../errors.js';
import { convertedFont, convertedText, detectLegacy, encodingOfFont, fromLegacy, hasUnicodeVietnamese } from '../text/legacy.js';

export interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  bold: boolean;
  italic: boolean;
  /** The paragraph OCR put the word in, when the text comes from OCR (its own layout analysis). */
  para?: string;
  /** The font's name in the PDF, without the subset tag ("ABCDEF+"). */
  font?: string;
}

interface Line {
  items: Item[];
  y: number;
  x0: number;
  x1: number;
  size: number;
  page: number;
}

export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Page {
  width: number;
  height: number;
  items: Item[];
  h: Segment[];
  v: Segment[];
  /** The words were recognised on a scanned picture (OCR), not read from a text layer. */
  scanned?: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Read the pages of a PDF: positioned text and the straight lines drawn (table rules). */
async function pages(bytes: Uint8Array): Promise<Page[]> {
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  } catch {
    throw new CannotRead('không mở được tệp PDF (tệp hỏng hoặc có mật khẩu)');
  }
  const out: Page[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    let page, ops, tc;
    try {
      page = await doc.getPage(n);
      ops = await page.getOperatorList(); // also loads the fonts, whose names tell bold and italic
      tc = await page.getTextContent();
    } catch {
      throw new CannotRead(`trang ${n} của tệp PDF bị hỏng, không đọc được chữ; hãy xin lại tệp gốc, hoặc mở tệp bằng trình đọc PDF, in ra một tệp PDF mới rồi nhập lại.`);
    }
    const vp = page.getViewport({ scale: 1 });
    const items: Item[] = [];
    for (const raw of tc.items) {
      if (!('str' in raw) || raw.str === '') continue;
      const font = page.commonObjs.has(raw.fontName) ? (page.commonObjs.get(raw.fontName) as { name?: string }) : undefined;
      const name = font?.name ?? '';
      const [a, b, , , e, f] = raw.transform as number[];
      items.push({ str: raw.str, x: e, y: f, w: raw.width, size: Math.hypot(a, b), bold: /bold|black|heavy|semibold/i.test(name), italic: /italic|oblique/i.test(name), font: name.replace(/^[A-Z]{6}\+/, '') });
    }
    const h: Segment[] = [];
    const v: Segment[] = [];
    ops.fnArray.forEach((fn, i) => {
      if (fn !== pdfjs.OPS.constructPath) return;
      const [paint, data, box] = ops.argsArray[i] as [number, ArrayLike<number>[] | undefined, ArrayLike<number> | undefined];
      const path = data?.[0];
      if (!path || paint === pdfjs.OPS.endPath) return; // a clipping path draws nothing
      if (paint === pdfjs.OPS.fill || paint === pdfjs.OPS.eoFill) {
        // a rule drawn as a thin filled rectangle (as Word draws table borders)
        if (!box) return;
        const [x0, y0, x1, y1] = [box[0], box[1], box[2], box[3]];
        if (y1 - y0 < 2.5 && x1 - x0 > 5) h.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
        else if (x1 - x0 < 2.5 && y1 - y0 > 5) v.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
        return;
      }
      // moveTo (0) x y, lineTo (1) x y: the straight segments of a table's rules
      let px = 0;
      let py = 0;
      for (let k = 0; k < path.length; ) {
        const op = path[k];
        if (op === 0 || op === 1) {
          const x = path[k + 1];
          const y = path[k + 2];
          if (op === 1) {
            if (Math.abs(y - py) < 0.5 && Math.abs(x - px) > 5) h.push({ x0: Math.min(x, px), x1: Math.max(x, px), y0: y, y1: y });
            else if (Math.abs(x - px) < 0.5 && Math.abs(y - py) > 5) v.push({ x0: x, x1: x, y0: Math.min(y, py), y1: Math.max(y, py) });
          }
          px = x;
          py = y;
          k += 3;
        } else if (op === 2) k += 7;
        else k += 1;
      }
    });
    // the page's own frame is not a table
    const inner = (s: Segment) => !(s.x1 - s.x0 > vp.width * 0.98 || s.y1 - s.y0 > vp.height * 0.98);
    out.push({ width: vp.width, height: vp.height, items, h: h.filter(inner), v: v.filter(inner) });
  }
  return out;
}

const blank = (s: string) => s.trim() === '';

/** Items on one baseline, left to right; a blank run drawn under a glyph of a fallback font is dropped. */
function linesOf(items: Item[], page: number): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= Math.max(2, it.size * 0.3)) last.items.push(it);
    else lines.push({ items: [it], y: it.y, x0: 0, x1: 0, size: it.size, page });
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    const glyphs = l.items.filter((i) => !blank(i.str));
    l.items = l.items.filter((i) => !blank(i.str) || !glyphs.some((g) => g.x < i.x + i.w - 0.5 && g.x + g.w > i.x + 0.5));
    l.x0 = Math.min(...glyphs.map((i) => i.x));
    l.x1 = Math.max(...glyphs.map((i) => i.x + i.w));
    l.size = Math.max(...glyphs.map((i) => i.size));
  }
  return lines.filter((l) => l.items.some((i) => !blank(i.str)));
}

/** Split a line where a gap wider than `gap` points separates two columns. */
function chunks(l: Line, gap: number): Line[] {
  const out: Line[] = [];
  let cur: Item[] = [];
  let end = -Infinity;
  for (const it of l.items) {
    if (blank(it.str)) {
      cur.push(it);
      continue;
    }
    if (cur.length && it.x - end > gap) {
      out.push(lineOf(cur, l));
      cur = [];
    }
    cur.push(it);
    end = Math.max(end, it.x + it.w);
  }
  if (cur.length) out.push(lineOf(cur, l));
  return out;
}

function lineOf(items: Item[], like: Line): Line {
  const glyphs = items.filter((i) => !blank(i.str));
  return { items, y: like.y, page: like.page, size: like.size, x0: Math.min(...glyphs.map((i) => i.x)), x1: Math.max(...glyphs.map((i) => i.x + i.w)) };
}

/** The text of a line: runs in order, a space where the gap between two runs is wider than a thin one. */
function textOf(l: Line): { runs: { text: string; bold: boolean; italic: boolean }[] } {
  const runs: { text: string; bold: boolean; italic: boolean }[] = [];
  let end: number | undefined;
  for (const it of l.items) {
    let s = it.str;
    // OCR gives whole words: two of them are always two words, however close their boxes
    const gap = it.para !== undefined || it.x - (end ?? it.x) > it.size * 0.12;
    if (end !== undefined && gap && !/^\s/.test(s) && !/\s$/.test(runs[runs.length - 1]?.text ?? ' ')) s = ' ' + s;
    runs.push({ text: s, bold: it.bold, italic: it.italic });
    end = it.x + it.w;
  }
  return { runs };
}

function paraOfLines(ls: Line[], align: Para['align']): Para {
  const runs = ls.flatMap((l, i) => {
    const r = textOf(l).runs;
    // a line broken after a hyphen inside a word or a number ("KH-" / "NV-ĐD", "69-" / "QĐ/TW") joins without a space
    const prev = i > 0 ? textOf(ls[i - 1]).runs.map((x) => x.text).join('') : '';
    return i === 0 || /[\p{L}\p{N}]-$/u.test(prev.trimEnd()) ? r : [{ text: ' ', bold: false, italic: false }, ...r];
  });
  const visible = runs.filter((r) => r.text.trim() !== '');
  const text = markup(runs).replace(/\s+/g, ' ').trim();
  return {
    text,
    plain: runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim(),
    align,
    bold: visible.length > 0 && visible.every((r) => r.bold),
    italic: visible.length > 0 && visible.every((r) => r.italic),
    fonts: [],
  };
}

const MARKER = /^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[a-zđ]\/\.|[-–•+])\s/u;

/**
 * Lines of one column → paragraphs: a new one after a wider gap, at a first-line indent, after a line that
 * stops short of the margin. In the body every paragraph has a first-line indent, so a line that starts
 * with "- 2020" after a full line is a wrapped line; in a table cell (`markers`) a marker starts an item.
 */
function paragraphs(ls: Line[], left: number, right: number, markers = false): Para[] {
  const out: Para[] = [];
  let cur: Line[] = [];
  const alignOf = (g: Line[]): Para['align'] => {
    const mid = (left + right) / 2;
    const l = g[0];
    // a justified line also has its middle at the centre, but starts at the margin; a long centred line
    // (a trích yếu's first line) starts only a few points in
    const centred = Math.abs((l.x0 + l.x1) / 2 - mid) < 6 && l.x0 - left > 5;
    return centred ? 'center' : 'both';
  };
  const flush = () => {
    if (cur.length) out.push(paraOfLines(cur, alignOf(cur)));
    cur = [];
  };
  for (const l of ls) {
    const prev = cur[cur.length - 1];
    const text = textOf(l).runs.map((r) => r.text).join('').trim();
    if (prev) {
      const gap = prev.y - l.y;
      const lead = prev.size * 1.35;
      const indent = l.x0 - left > 12;
      const prevCentred = alignOf([prev]) === 'center';
      const fullPrev = right - prev.x1 < prev.size * 3; // the previous line ran to the margin: a wrapped line
      // centred lines wrapped by width (a long trích yếu, a narrow centred column): the next line's first
      // word would not have fitted on the line before
      const word = text.split(/\s+/)[0] ?? '';
      const wordWidth = (l.x1 - l.x0) * (word.length / Math.max(1, text.length));
      const centredWrap = prevCentred && alignOf([l]) === 'center' && gap <= lead && prev.x1 - prev.x0 + wordWidth + prev.size * 0.3 > right - left - 2;
      // a document's name ("KẾ HOẠCH", "QUYẾT ĐỊNH") and a reference line "(Kèm theo …)" stand alone
      const prevText = textOf(prev).runs.map((r) => r.text).join('').trim();
      const alone = DOCUMENT_NAME.test(text) || DOCUMENT_NAME.test(prevText) || REFERENCE_START.test(text);
      // a section's heading in capitals ends where a line in lower case begins, however wide it ran ("IV. NHIỆM VỤ
      // … GIAI ĐOẠN 2026–2027" over "1. Hoàn thiện …"; OCR runs the two into one paragraph)
      const headingEnds = /^[IVXLC]+\.\s/u.test(prevText) && isUpper(prevText) && MARKER.test(text) && !isUpper(text);
      if (l.items[0].para !== undefined) {
        // words from OCR: its own paragraphs, split again where a numbered heading stands after a short line,
        // in a table cell at every marker, after an appendix's "Phụ lục …" (OCR runs it into its title), and
        // at a first-line indent after a short line, as in the body of every plan (OCR runs a heading into the
        // paragraph under it)
        const split = (MARKER.test(text) && (markers || !fullPrev)) || alone || headingEnds || APPENDIX_LINE.test(prevText) || (!fullPrev && indent && !markers);
        if (l.items[0].para !== prev.items[0].para || split) flush();
      } else if (prev.page !== l.page ? !fullPrev : !centredWrap && (gap > lead || indent || (markers && MARKER.test(text)) || headingEnds || !fullPrev || prevCentred)) flush();
    }
    cur.push(l);
  }
  flush();
  return out;
}

/**
 * A paragraph a page break cut in two is one again: the page before ended on a full line and this page's
 * first paragraph starts at the margin (a paragraph of its own would start at its first-line indent).
 * A full line that ends a sentence before a heading is left alone.
 */
function joinAcrossPages(blocks: Block[], first: number, atMargin: boolean): void {
  const a = blocks[first - 1];
  const b = blocks[first];
  if (!atMargin || a?.kind !== 'p' || b?.kind !== 'p' || a.p.align === 'center' || b.p.align === 'center') return;
  if (/[.:;!?]$/u.test(a.p.plain) && (MARKER.test(b.p.plain) || b.p.bold)) return;
  const glue = /[\p{L}\p{N}]-$/u.test(a.p.plain) ? '' : ' ';
  a.p = { ...a.p, text: a.p.text + glue + b.p.text, plain: a.p.plain + glue + b.p.plain, bold: a.p.bold && b.p.bold, italic: a.p.italic && b.p.italic, breakAfter: b.p.breakAfter };
  blocks.splice(first, 1);
}

/** More rules than this on one page is hatching or a texture, not a table. */
export const MAX_RULES = 2000;
/** More squares than this in a grid is no table (an A4 page holds about 60 rows of 15 columns). */
export const MAX_SQUARES = 5000;

/** Whether horizontal rule `a` and vertical rule `b` touch (a corner or a crossing). */
const meets = (a: Segment, b: Segment, tol: number) => b.x0 >= a.x0 - tol && b.x0 <= a.x1 + tol && a.y0 >= b.y0 - tol && a.y0 <= b.y1 + tol;

/**
 * The rules that form a grid: a horizontal rule crossed by two vertical ones and the other way round (the
 * lines under the agency, the tiêu ngữ and the trích yếu are rules, not a table). `tol`: how far apart two
 * rules may stop and still meet, in the segments' unit (points for a PDF's).
 */
export function gridRules<S extends Segment>(hAll: S[], vAll: S[], tol = 1.5): { h: S[]; v: S[] } {
  // a page of hatching or a crafted PDF: no table, and no cost the square of their number
  if (hAll.length + vAll.length > MAX_RULES) return { h: [], v: [] };
  let h = hAll;
  let v = vAll;
  for (let k = 0; k < 3; k++) {
    h = h.filter((a) => v.filter((b) => meets(a, b, tol)).length >= 2);
    v = v.filter((b) => h.filter((a) => meets(a, b, tol)).length >= 2);
  }
  return { h, v };
}

/**
 * A table's grid, the one home of it (a text layer's table and a scan's cells): the lines of the grid (`ys`
 * in descending order, top to bottom on a PDF page), and each cell as the squares no rule parts (a merged
 * cell is one), `closed` when rules run along its four sides. Undefined when the rules form no grid, or one
 * of more squares than a table has.
 */
export function gridOf(hAll: Segment[], vAll: Segment[], tol = 1.5): { xs: number[]; ys: number[]; cells: { r0: number; r1: number; c0: number; c1: number; closed: boolean }[] } | undefined {
  const { h, v } = gridRules(hAll, vAll, tol);
  const uniq = (xs: number[]) => xs.sort((a, b) => a - b).filter((x, i, all) => i === 0 || x - all[i - 1] > tol);
  const ys = uniq(h.map((s) => s.y0)).reverse();
  const xs = uniq(v.map((s) => s.x0));
  if (ys.length < 2 || xs.length < 2) return undefined;
  const covers = (segs: Segment[], along: 'h' | 'v', at: number, from: number, to: number) =>
    segs.some((s) => (along === 'h' ? Math.abs(s.y0 - at) < tol && s.x0 <= from + tol && s.x1 >= to - tol : Math.abs(s.x0 - at) < tol && s.y0 <= from + tol && s.y1 >= to - tol));
  const R = ys.length - 1;
  const C = xs.length - 1;
  // each square is checked against every rule
  if (R * C > MAX_SQUARES) return undefined;
  // union of grid squares not separated by a rule
  const id = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (id[i] === i ? i : (id[i] = find(id[i])));
  const join = (a: number, b: number) => (id[find(a)] = find(b));
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !covers(v, 'v', xs[c + 1], ys[r + 1], ys[r])) join(r * C + c, r * C + c + 1);
      if (r + 1 < R && !covers(h, 'h', ys[r + 1], xs[c], xs[c + 1])) join(r * C + c, (r + 1) * C + c);
    }
  const regions = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const k = find(r * C + c);
      const g = regions.get(k);
      if (!g) regions.set(k, { r0: r, r1: r, c0: c, c1: c });
      else (g.r1 = Math.max(g.r1, r)), (g.c1 = Math.max(g.c1, c)), (g.c0 = Math.min(g.c0, c)), (g.r0 = Math.min(g.r0, r));
    }
  const cells = [...regions.values()].map((g) => ({
    ...g,
    closed: covers(h, 'h', ys[g.r0], xs[g.c0], xs[g.c1 + 1]) && covers(h, 'h', ys[g.r1 + 1], xs[g.c0], xs[g.c1 + 1]) && covers(v, 'v', xs[g.c0], ys[g.r1 + 1], ys[g.r0]) && covers(v, 'v', xs[g.c1 + 1], ys[g.r1 + 1], ys[g.r0]),
  }));
  return { xs, ys, cells };
}

/** A table from its ruling lines: grid from the rules, merged cells where a rule is missing. */
function tableFrom(hAll: Segment[], vAll: Segment[], ls: Line[]): { cells: Cell[][]; top: number; bottom: number; left: number; right: number } | undefined {
  const grid = gridOf(hAll, vAll);
  if (!grid) return undefined;
  const { xs, ys } = grid;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const rows: Cell[][] = Array.from({ length: R }, () => []);
  for (const g of grid.cells) {
    const inside = ls.flatMap((l) => chunks(l, 4)).filter((l) => l.y < ys[g.r0] && l.y > ys[g.r1 + 1] && (l.x0 + l.x1) / 2 > xs[g.c0] && (l.x0 + l.x1) / 2 < xs[g.c1 + 1]);
    const paras = paragraphs(inside, xs[g.c0] + 2, xs[g.c1 + 1] - 2, true).map((p) => ({ ...p, align: 'left' as const }));
    rows[g.r0].push({ paras: paras.length ? paras : [{ text: '', plain: '', align: 'left', bold: false, italic: false, fonts: [] }], col: g.c0, colSpan: g.c1 - g.c0 + 1, rowSpan: g.r1 - g.r0 + 1 });
  }
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return { cells: rows, top: ys[0], bottom: ys[R], left: xs[0], right: xs[C] };
}

/**
 * The tables of a page, top to bottom: its rules parted into the sets that touch one another, a grid each (a
 * plan's body may hold several tables on one page, each with columns of its own).
 */
function tablesFrom(hAll: Segment[], vAll: Segment[], ls: Line[]): NonNullable<ReturnType<typeof tableFrom>>[] {
  const { h, v } = gridRules(hAll, vAll);
  const all = [...h, ...v];
  const id = all.map((_, i) => i);
  const find = (i: number): number => (id[i] === i ? i : (id[i] = find(id[i])));
  h.forEach((a, i) => v.forEach((b, j) => meets(a, b, 1.5) && (id[find(i)] = find(h.length + j))));
  const sets = new Map<number, { h: Segment[]; v: Segment[] }>();
  all.forEach((sg, i) => {
    const k = find(i);
    if (!sets.has(k)) sets.set(k, { h: [], v: [] });
    sets.get(k)![i < h.length ? 'h' : 'v'].push(sg);
  });
  return [...sets.values()].flatMap((g) => tableFrom(g.h, g.v, ls) ?? []).sort((a, b) => b.top - a.top);
}

/**
 * Whether a table's first row on a page is its header repeated: most cells the same, read without tones, case,
 * spaces and punctuation (OCR reads the same header a little differently on each page).
 */
function repeatsHeader(row: Cell[], header: Cell[]): boolean {
  const key = (r: Cell[]) => r.map((c) => withoutTones(c.paras.map((p) => p.plain).join(' ')).toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
  const [a, b] = [key(row), key(header)];
  return a.length === b.length && a.filter((x, i) => x === b[i]).length * 2 > a.length;
}

/** How many of a page's first rows repeat the table's header (and its row of column numbers, so_cot, under it). */
function repeatedRows(rows: Cell[][], table: Cell[][]): number {
  if (!repeatsHeader(rows[0], table[0])) return 0;
  const columns = gridColumns(table.slice(0, 1));
  return isColumnNumbers(table[1], columns) && isColumnNumbers(rows[1], columns) === isColumnNumbers(table[1], columns) ? 2 : 1;
}

/** The blocks of a PDF's text layer. Throws an Error with a Vietnamese message on a broken file. */
export async function readPdf(bytes: Uint8Array, repairs: string[] = []): Promise<{ blocks: Block[]; textLength: number; sizes: { width: number; height: number }[] }> {
  const ps = await pages(bytes);
  legacyToUnicode(ps.flatMap((p) => p.items), repairs);
  return { ...layout(ps, repairs), sizes: ps.map((p) => ({ width: p.width, height: p.height })) };
}

/**
 * Text in the fonts of older offices (TCVN3's .VnTime, .VnTimeH; VNI-Times) in Unicode: by the font's name
 * where the PDF keeps it (a capitals font known as such), else by the characters of the whole text, as a
 * PDF printed where the font was missing shows them.
 */
function legacyToUnicode(items: Item[], repairs: string[]): void {
  const byFont = new Map<string, number>();
  for (const it of items) {
    const legacy = it.font ? encodingOfFont(it.font) : undefined;
    if (!legacy) continue;
    it.str = fromLegacy(it.str, legacy.enc, { capitals: legacy.capitals });
    byFont.set(it.font!, (byFont.get(it.font!) ?? 0) + 1);
  }
  for (const [font, n] of byFont) repairs.push(convertedFont(font, n));
  if (byFont.size) return;
  const enc = detectLegacy(items.map((i) => i.str).join(' '));
  if (!enc) return;
  // a run already in Unicode (a form's printed words beside the typed ones) stays as it is
  for (const it of items) if (!hasUnicodeVietnamese(it.str)) it.str = fromLegacy(it.str, enc);
  repairs.push(convertedText(enc, 'nhận ra theo ký tự; chữ hoa của phông riêng như .VnTimeH có thể thành chữ thường'));
}

/** The margin (points) at the top and at the bottom of a page where its number stands. */
const NUMBER_BAND = 60;

/**
 * A page number: a lone number in the top or bottom margin. On a scanned page also a short word alone, centred
 * in the top margin of a page after the first, where ND30 puts the number: OCR misreads it ("k)" for "3").
 */
function isPageNumber(l: Line, pg: Page, n: number): boolean {
  const text = textOf(l).runs.map((r) => r.text).join('').trim();
  const top = l.y > pg.height - NUMBER_BAND;
  if (/^\d{1,3}$/.test(text)) return top || l.y < NUMBER_BAND;
  return !!pg.scanned && n > 0 && top && text.length <= 3 && Math.abs((l.x0 + l.x1) / 2 - pg.width / 2) < NUMBER_BAND / 2;
}

/** Blocks from positioned text, whether a PDF's text layer or words recognised on scanned pages. */
export function layout(ps: Page[], repairs: string[] = []): { blocks: Block[]; textLength: number } {
  const blocks: Block[] = [];
  let textLength = 0;
  let droppedNumbers = 0;
  let tableRows: Cell[][] | undefined;
  let ranOn = false;
  for (let n = 0; n < ps.length; n++) {
    const pg = ps[n];
    let lines = linesOf(pg.items, n);
    // letters, not pieces: a short plan's PDF can be a dozen runs of text
    textLength += lines.reduce((s, l) => s + l.items.reduce((t, it) => t + it.str.replace(/\s/g, '').length, 0), 0);
    lines = lines.filter((l) => {
      const lone = isPageNumber(l, pg, n);
      if (lone) droppedNumbers++;
      return !lone;
    });
    if (!lines.length) continue;
    const tables = tablesFrom(pg.h, pg.v, lines);
    // the margins: where lines start, and where most full lines end (a stray mark further right must not
    // move it); a table's frame spans the text's width, so its rules count too (a page of table has few
    // full lines, and a centred heading above it would not look centred)
    const left = Math.min(...lines.map((l) => l.x0), ...tables.map((t) => t.left));
    const ends = lines.map((l) => l.x1).sort((a, b) => a - b);
    const right = Math.max(ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.9))], ...tables.map((t) => t.right));
    // the lines above the first table, between two tables, below the last (band k is above table k)
    const bands: Line[][] = tables.map(() => []).concat([[]]);
    for (const l of lines) {
      if (tables.some((t) => l.y < t.top && l.y > t.bottom)) continue;
      const k = tables.findIndex((t) => l.y >= t.top);
      bands[k < 0 ? tables.length : k].push(l);
    }
    const before = bands[0];
    const after = tables.length ? bands[tables.length] : [];
    // a table that goes on from the page before continues it (its repeated header row dropped)
    if (tableRows && !(tables.length && before.length === 0)) {
      blocks.push({ kind: 'table', t: { rows: tableRows, columns: gridColumns(tableRows), ruled: true } });
      tableRows = undefined;
    }
    const first = blocks.length;
    flow(before, left, right, pg, n === 0, blocks);
    if (ranOn && before.length && !tableRows) joinAcrossPages(blocks, first, before[0].x0 - left <= 12);
    tables.forEach((table, k) => {
      const rows = table.cells.filter((r) => r.length);
      if (tableRows) tableRows.push(...rows.slice(repeatedRows(rows, tableRows)));
      else tableRows = rows;
      // the last table of the page may go on over it, unless lines follow it
      if (k < tables.length - 1 || after.length) {
        blocks.push({ kind: 'table', t: { rows: tableRows, columns: gridColumns(tableRows), ruled: true } });
        tableRows = undefined;
        flow(bands[k + 1], left, right, pg, false, blocks);
      }
    });
    if (pg.width > pg.height) for (const b of blocks.slice(first)) if (b.kind === 'p') b.p.landscape = true;
    const last = blocks[blocks.length - 1];
    if (!tableRows && last?.kind === 'p') last.p.breakAfter = true;
    // the page's last line ran to the margin: its paragraph may go on over the page
    const end = (after.length ? after : before).at(-1);
    ranOn = !tableRows && last?.kind === 'p' && !!end && right - end.x1 < end.size * 3 && end.x0 - left < 6;
  }
  if (tableRows) blocks.push({ kind: 'table', t: { rows: tableRows, columns: gridColumns(tableRows), ruled: true } });
  if (droppedNumbers) repairs.push(`bỏ ${droppedNumbers} số trang.`);
  return { blocks, textLength };
}

/**
 * Lines outside tables: the header (two columns above KẾ HOẠCH on the first page) and the signature block
 * (from "Nơi nhận:") become two-cell tables, as they are in the .docx; the rest are paragraphs.
 */
function flow(lines: Line[], left: number, right: number, pg: Page, first: boolean, blocks: Block[]): void {
  const plain = (l: Line) => textOf(l).runs.map((r) => r.text).join('').trim();
  const mid = (left + right) / 2;
  const twoColumns = (ls: Line[]) => {
    const l: Line[] = [];
    const r: Line[] = [];
    // pieces of one line in one column are one line again (a blank left for the number splits "Số:   /KH")
    for (const line of ls) {
      const cs = chunks(line, line.size * 0.9);
      const byCol = [cs.filter((c) => (c.x0 + c.x1) / 2 < mid - 20), cs.filter((c) => (c.x0 + c.x1) / 2 >= mid - 20)];
      if (byCol[0].length) l.push(lineOf(byCol[0].flatMap((c) => c.items), line));
      if (byCol[1].length) r.push(lineOf(byCol[1].flatMap((c) => c.items), line));
    }
    const cell = (xs: Line[], col: number): Cell => ({ paras: xs.map((x) => paraOfLines([x], 'center')), col, colSpan: 1, rowSpan: 1 });
    blocks.push({ kind: 'table', t: { rows: [[cell(l, 0), cell(r, 1)]], columns: 2, ruled: false } });
  };
  let start = 0;
  // (the page of a plan issued by a decision may have a header of its own, names and Quốc hiệu)
  const kind = lines.findIndex((l) => DOCUMENT_NAME.test(plain(l)));
  if (kind > 0 && (first || lines.slice(0, kind).some((l) => /CỘNG\s*HÒA\s+XÃ\s+HỘI/u.test(plain(l))))) {
    twoColumns(lines.slice(0, kind));
    start = kind;
  }
  const close = lines.findIndex((l, i) => i >= start && chunks(l, l.size * 2).some((c) => /^Nơi nhận/u.test(plain(c))));
  const body = lines.slice(start, close < 0 ? lines.length : close);
  blocks.push(...paragraphs(body, left, right).map((p): Block => ({ kind: 'p', p })));
  if (close >= 0) twoColumns(lines.slice(close));
  void pg;
}
