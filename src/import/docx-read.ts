// A .docx as a sequence of blocks a reader sees: paragraphs (text with **bold** / *italic* markup, alignment,
// the marker Word's automatic numbering shows) and tables (cells with their spans). Properties are resolved
// through styles.xml (basedOn chains, document defaults), so a document is read by its layout, not by the
// names its styles happen to have. OOXML is read with an XML parser, never with regular expressions.
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeInline, superscript } from '../text/inline.js';
import { roman } from '../plan/normalize.js';
import { convertedFont, encodingOfFont, fromLegacy } from '../text/legacy.js';
import { upperVi } from '../text/normalize-text.js';
import { CannotRead } from '../errors.js';
import { convert, officeFormat, SOFFICE_PACKAGE } from '../soffice.js';

export type Align = 'left' | 'center' | 'right' | 'both';

export interface Para {
  /** The text with inline markup (**đậm**, *nghiêng*; a literal star escaped). Line breaks are "\n". */
  text: string;
  /** The text as a reader sees it, without markup. */
  plain: string;
  align: Align;
  /** Every visible character bold / italic. */
  bold: boolean;
  italic: boolean;
  /** The marker automatic numbering shows before the text ("I.", "1.1.", "a)", "-"), if any. */
  marker?: string;
  /** A page or section break comes right after this paragraph. */
  breakAfter?: boolean;
  /** On a page turned across (landscape), as a wide appendix is. */
  landscape?: boolean;
  /** The fonts the runs ask for (legacy encodings are told by font name: .VnTime, VNI-Times). */
  fonts: string[];
  /** A paragraph with manual line breaks or tabs: each piece on its own, with its own weight. */
  lines?: Para[];
}

export interface Cell {
  paras: Para[];
  colSpan: number;
  rowSpan: number;
  /** The grid column the cell starts in. */
  col: number;
}

export interface TableBlock {
  rows: Cell[][];
  columns: number;
  /** Borders drawn between cells (an appendix table), or none (a layout table: header, signature). */
  ruled: boolean;
}

export type Block = { kind: 'p'; p: Para } | { kind: 'table'; t: TableBlock };

/** A table's width in grid columns: where its widest row ends (at least `grid`, the columns it declares). */
export const gridColumns = (rows: Cell[][], grid = 0): number => Math.max(grid, ...rows.map((r) => r.reduce((s, c) => Math.max(s, c.col + c.colSpan), 0)));

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

/**
 * A part's XML tree. A part that is not well-formed XML (a damaged file) throws, as Word refuses it: the parser
 * alone is lenient and would drop what follows a broken tag without a word.
 */
function parse(xml: string): XNode[] {
  if (XMLValidator.validate(xml) !== true) throw new Error('not well-formed XML');
  return parser.parse(xml) as XNode[];
}

/** An integer attribute as Word means it, kept within what Word itself allows: a damaged value cannot make a huge array. */
const int = (v: string | undefined, fallback: number, min: number, max: number): number => {
  const n = Number(v);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

const tagOf = (n: XNode): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: XNode): XNode[] => (n[tagOf(n)] as XNode[]) ?? [];
const attrs = (n: XNode): Record<string, string> => (n[':@'] as Record<string, string>) ?? {};
const child = (n: XNode | undefined, tag: string): XNode | undefined => (n ? kids(n).find((c) => tagOf(c) === tag) : undefined);
const children = (n: XNode | undefined, tag: string): XNode[] => (n ? kids(n).filter((c) => tagOf(c) === tag) : []);
const textOf = (n: XNode): string => kids(n).map((c) => (typeof c['#text'] === 'string' ? (c['#text'] as string) : '')).join('');

/** An on/off property: <w:b/> is on, <w:b w:val="false"/> or "0" is off, absent is undefined. */
function onOff(pr: XNode | undefined, tag: string): boolean | undefined {
  const e = child(pr, tag);
  if (!e) return undefined;
  const v = attrs(e)['w:val'];
  return !(v === 'false' || v === '0' || v === 'off');
}

interface StyleProps {
  bold?: boolean;
  italic?: boolean;
  /** Shown in capitals whatever was typed (w:caps), as heading styles often are. */
  caps?: boolean;
  /** Hidden text (w:vanish): a template's instructions, not shown or printed. */
  hidden?: boolean;
  align?: Align;
  num?: { numId: string; ilvl: number };
  font?: string;
  basedOn?: string;
}

const ALIGN: Record<string, Align> = { left: 'left', start: 'left', center: 'center', right: 'right', end: 'right', both: 'both', distribute: 'both' };

function numPr(pPr: XNode | undefined): StyleProps['num'] {
  const n = child(pPr, 'w:numPr');
  if (!n) return undefined;
  const numId = attrs(child(n, 'w:numId') ?? {})['w:val'];
  const ilvl = int(attrs(child(n, 'w:ilvl') ?? {})['w:val'], 0, 0, 8);
  return numId === undefined ? undefined : { numId, ilvl };
}

type RunProps = Pick<StyleProps, 'bold' | 'italic' | 'caps' | 'hidden' | 'font'>;

function runProps(rPr: XNode | undefined): RunProps {
  const fonts = attrs(child(rPr, 'w:rFonts') ?? {});
  return { bold: onOff(rPr, 'w:b'), italic: onOff(rPr, 'w:i'), caps: onOff(rPr, 'w:caps'), hidden: onOff(rPr, 'w:vanish'), font: fonts['w:ascii'] ?? fonts['w:hAnsi'] };
}

class Styles {
  private byId = new Map<string, StyleProps>();
  private defaults: StyleProps = {};
  private defaultPara?: string;

  constructor(xml?: string) {
    if (!xml) return;
    const root = parse(xml);
    const styles = root.find((n) => tagOf(n) === 'w:styles');
    if (!styles) return;
    const dd = child(styles, 'w:docDefaults');
    this.defaults = { ...runProps(child(child(dd, 'w:rPrDefault'), 'w:rPr')) };
    for (const s of children(styles, 'w:style')) {
      const a = attrs(s);
      const pPr = child(s, 'w:pPr');
      const jc = attrs(child(pPr, 'w:jc') ?? {})['w:val'];
      this.byId.set(a['w:styleId'], {
        ...runProps(child(s, 'w:rPr')),
        align: jc ? ALIGN[jc] : undefined,
        num: numPr(pPr),
        basedOn: attrs(child(s, 'w:basedOn') ?? {})['w:val'],
      });
      if (a['w:type'] === 'paragraph' && (a['w:default'] === '1' || a['w:default'] === 'true')) this.defaultPara = a['w:styleId'];
    }
  }

  /** A property of a style, following basedOn (bounded: a loop in a broken file ends). */
  get<K extends keyof StyleProps>(id: string | undefined, key: K): StyleProps[K] | undefined {
    let cur = id ?? this.defaultPara;
    for (let i = 0; cur && i < 20; i++) {
      const s = this.byId.get(cur);
      if (!s) break;
      if (s[key] !== undefined) return s[key];
      cur = s.basedOn;
    }
    return this.defaults[key];
  }
}

/** The parts of a .docx import reads. */
const PARTS = new Set(['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/_rels/document.xml.rels']);
/** Parts an altChunk may point to: HTML, MHT, RTF or text that Word (alone) shows in place. */
const CHUNK_PART = /^word\/[^/]+\.(?:html?|xhtml|mht|mhtml|rtf|txt)$/i;

/**
 * Content a generator put in the document as another format (w:altChunk: HTML, RTF, MHT), which Word shows in
 * place but LibreOffice does not: each chunk converted by LibreOffice on its own and read where it stands.
 */
function spliceChunks(out: Block[], found: { at: number; id: string }[], files: Record<string, Uint8Array>, repairs: string[], allowed: boolean): void {
  const rels = files['word/_rels/document.xml.rels'];
  const targets = new Map<string, string>();
  if (rels) {
    try {
      const root = parse(strFromU8(rels)).find((n) => tagOf(n) === 'Relationships');
      for (const r of children(root, 'Relationship')) targets.set(attrs(r).Id, attrs(r).Target);
    } catch {
      // a damaged relationships part: the chunks cannot be found, said below
    }
  }
  const parts = found.map(({ id }) => {
    const target = targets.get(id)?.replace(/^\/?(?:word\/)?/, '');
    return target !== undefined ? files[`word/${target}`] : undefined;
  });
  if (!allowed || parts.some((p) => !p)) throw new CannotRead('tệp .docx có phần nội dung nhúng (altChunk) không đọc được; hãy mở tệp bằng Word, lưu lại thành .docx rồi nhập lại.');
  // LibreOffice takes a file's reader from its name: RTF and MHT named as such, the rest as HTML
  const r = convert(parts as Uint8Array[], parts.map((b) => officeFormat(b!) ?? 'html'), 'docx:MS Word 2007 XML');
  if (!r) throw new CannotRead(`tệp .docx có phần nội dung nhúng dạng HTML/RTF (altChunk); đọc phần này cần LibreOffice: sudo apt-get install ${SOFFICE_PACKAGE}, hoặc mở tệp bằng Word, lưu lại thành .docx.`);
  // from the last, so that the earlier places hold
  for (let k = found.length - 1; k >= 0; k--) {
    const docx = r.outputs[k];
    if (!docx) throw new CannotRead('LibreOffice không đọc được phần nội dung nhúng (altChunk) của tệp; hãy mở tệp bằng Word, lưu lại thành .docx.');
    out.splice(found[k].at, 0, ...readDocx(docx, repairs, false));
  }
  repairs.push(`đọc ${found.length} phần nội dung nhúng dạng HTML/RTF (altChunk) qua LibreOffice.`);
}
/** The most a part may unpack to: a hundred-page plan's document.xml is a few megabytes. */
const MAX_PART_BYTES = 64 * 2 ** 20;

/** The largest start value Word accepts for a list. */
const MAX_START = 32767;

interface Level {
  fmt: string;
  text: string;
  start: number;
}

/** Automatic numbering (numbering.xml): the marker each numbered paragraph shows. */
class Numbering {
  private levels = new Map<string, Level[]>(); // numId → levels
  private abstractOf = new Map<string, string>(); // numId → abstractNumId
  private counters = new Map<string, number[]>(); // abstractNumId → current value per level

  constructor(xml?: string) {
    if (!xml) return;
    const root = parse(xml).find((n) => tagOf(n) === 'w:numbering');
    if (!root) return;
    const abstracts = new Map<string, Level[]>();
    const level = (l: XNode): Level => ({
      fmt: attrs(child(l, 'w:numFmt') ?? {})['w:val'] ?? 'decimal',
      text: attrs(child(l, 'w:lvlText') ?? {})['w:val'] ?? '',
      start: int(attrs(child(l, 'w:start') ?? {})['w:val'], 1, 0, MAX_START),
    });
    // A list style (Word's multi-level "list styles"): the abstract list that uses it by name has no levels
    // of its own; they are in the one that defines the style (styleLink).
    const defines = new Map<string, string>(); // list style name → abstractNumId that has its levels
    const uses = new Map<string, string>(); // abstractNumId → list style name it takes its levels from
    for (const a of children(root, 'w:abstractNum')) {
      const id = attrs(a)['w:abstractNumId'];
      const lv: Level[] = [];
      for (const l of children(a, 'w:lvl')) lv[int(attrs(l)['w:ilvl'], 0, 0, 8)] = level(l);
      abstracts.set(id, lv);
      const link = attrs(child(a, 'w:styleLink') ?? {})['w:val'];
      const use = attrs(child(a, 'w:numStyleLink') ?? {})['w:val'];
      if (link) defines.set(link, id);
      if (use) uses.set(id, use);
    }
    const sameList = (abs: string) => (uses.has(abs) ? (defines.get(uses.get(abs)!) ?? abs) : abs);
    for (const n of children(root, 'w:num')) {
      const id = attrs(n)['w:numId'];
      const abs = sameList(attrs(child(n, 'w:abstractNumId') ?? {})['w:val']);
      const lv = [...(abstracts.get(abs) ?? [])];
      for (const o of children(n, 'w:lvlOverride')) {
        const i = int(attrs(o)['w:ilvl'], 0, 0, 8);
        const so = child(o, 'w:startOverride');
        const own = child(o, 'w:lvl');
        if (own) lv[i] = level(own);
        if (so && lv[i]) lv[i] = { ...lv[i], start: int(attrs(so)['w:val'], 1, 0, MAX_START) };
      }
      this.levels.set(id, lv);
      // Instances of one abstract list share their counters unless they restart it.
      this.abstractOf.set(id, children(n, 'w:lvlOverride').length ? `${abs}#${id}` : abs);
    }
  }

  marker(numId: string, ilvl: number): string | undefined {
    const lv = this.levels.get(numId);
    if (!lv || !lv[ilvl] || numId === '0') return undefined;
    const key = this.abstractOf.get(numId)!;
    const c = this.counters.get(key) ?? [];
    c[ilvl] = c[ilvl] === undefined ? lv[ilvl].start : c[ilvl] + 1;
    for (let i = ilvl + 1; i < c.length; i++) c[i] = undefined as unknown as number;
    this.counters.set(key, c);
    const l = lv[ilvl];
    if (l.fmt === 'bullet') return bulletOf(l.text);
    if (l.fmt === 'none') return l.text || undefined;
    return l.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const v = c[i] ?? lv[i]?.start ?? 1;
      return format(lv[i]?.fmt ?? 'decimal', v);
    });
  }
}

/** Bullet glyphs as a Vietnamese plan writes them: "-" for dashes and dots, "+" for the second level. */
const bulletOf = (glyph: string): string => (glyph === '+' ? '+' : '-');

const latin = (n: number): string => (n < 1 ? String(n) : 'abcdefghijklmnopqrstuvwxyz'[(n - 1) % 26].repeat(Math.floor((n - 1) / 26) + 1));

function format(fmt: string, n: number): string {
  switch (fmt) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    // Word's letters are the Latin alphabet (…, d, e), not the Vietnamese order a plan types (…, d, đ, e)
    case 'upperLetter':
      return latin(n).toUpperCase();
    case 'lowerLetter':
      return latin(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  font?: string;
}

/** Inline markup for runs: bold and italic stretches become **…** and *…*; stars in the text are escaped. */
export function markup(runs: Run[]): string {
  let out = '';
  // merge neighbours with the same look first, so markers are not opened and closed inside a word
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && last.bold === r.bold && last.italic === r.italic) last.text += r.text;
    else merged.push({ ...r });
  }
  for (const r of merged) {
    const t = escapeInline(r.text);
    if (!r.bold && !r.italic) {
      out += t;
      continue;
    }
    // markers hug the words: spaces stay outside them (found by index: a pattern would backtrack on long spaces)
    const start = t.length - t.trimStart().length;
    const end = t.trimEnd().length;
    if (start >= end) {
      out += t;
      continue;
    }
    const mark = r.bold && r.italic ? '***' : r.bold ? '**' : '*';
    out += `${t.slice(0, start)}${mark}${t.slice(start, end)}${mark}${t.slice(end)}`;
  }
  return out;
}

interface Ctx {
  styles: Styles;
  numbering: Numbering;
  /** Runs converted from a legacy encoding, by font. */
  legacy: Map<string, number>;
  /** Footnotes and endnotes by kind and id ("footnote 1"): their paragraphs. */
  notes: Map<string, XNode[]>;
  /** Notes referred to in the paragraph being read, numbered in document order as Word shows them. */
  pending: { n: number; paras: XNode[] }[];
  noteCount: number;
  /** Runs of hidden text left out. */
  hidden: number;
}

/** What import says of the footnotes it moved into the text (kehoach prints none). */
export const notesMoved = (n: number): string =>
  `đưa ${n} chú thích cuối trang vào thành đoạn riêng ngay sau đoạn có dấu chú thích (số nhỏ ¹, ², …); kehoach không in chú thích cuối trang: hãy đưa vào câu hoặc xóa.`;

/** The footnotes (or endnotes) of a .docx part by id; the separators Word keeps as notes -1 and 0 have no text. */
function notesOf(xml: string | undefined, kind: 'footnote' | 'endnote', into: Map<string, XNode[]>): void {
  if (!xml) return;
  const root = parse(xml).find((n) => tagOf(n) === `w:${kind}s`);
  for (const n of children(root, `w:${kind}`)) into.set(`${kind} ${attrs(n)['w:id']}`, children(n, 'w:p'));
}

/**
 * A paragraph as it is read, with what a reader sees around it: the text boxes drawn in it before it, and the
 * footnotes it refers to after it (kehoach prints none: each becomes a paragraph of its own, opening with the
 * note's number, which also stays in the text where the reference was).
 */
function parasOf(p: XNode, ctx: Ctx): Para[] {
  const out = boxesIn(p).flatMap((box) => children(box, 'w:p').flatMap((bp) => parasOf(bp, ctx)));
  out.push(readPara(p, ctx), ...notesAfter(ctx));
  return out;
}

/** The paragraphs of the notes the paragraph just read refers to, the first opening with the note's number. */
const notesAfter = (ctx: Ctx): Para[] =>
  ctx.pending.splice(0).flatMap(({ n, paras }) => paras.flatMap((np) => parasOf(np, ctx)).map((x, i) => (i === 0 ? withLead(x, superscript(n) + ' ') : x)));

/** A paragraph with words before its text. */
const withLead = (p: Para, lead: string): Para => ({ ...p, text: lead + p.text, plain: lead + p.plain });

/** What a paragraph's text does not include: deleted and moved-away text, field codes, properties, drawings, the second copy of an alternate content. */
const SKIPPED = new Set(['w:del', 'w:instrText', 'w:pPr', 'w:rPr', 'w:moveFrom', 'w:drawing', 'w:pict', 'w:txbxContent', 'mc:Fallback']);

/**
 * The contents of the text boxes drawn in a paragraph (Word keeps a header or a stamp in one): of each
 * mc:AlternateContent only the first choice, the other being the same box again for older readers.
 */
function boxesIn(n: XNode, out: XNode[] = []): XNode[] {
  for (const c of kids(n)) {
    if (typeof c !== 'object' || '#text' in c) continue;
    const t = tagOf(c);
    if (t === 'w:txbxContent') out.push(c);
    else if (t === 'mc:AlternateContent') boxesIn(child(c, 'mc:Choice') ?? child(c, 'mc:Fallback') ?? {}, out);
    else boxesIn(c, out);
  }
  return out;
}

function readPara(p: XNode, ctx: Ctx): Para {
  const pPr = child(p, 'w:pPr');
  const styleId = attrs(child(pPr, 'w:pStyle') ?? {})['w:val'];
  const pRun = runProps(child(pPr, 'w:rPr'));
  const jc = attrs(child(pPr, 'w:jc') ?? {})['w:val'];
  const align = (jc ? ALIGN[jc] : undefined) ?? ctx.styles.get(styleId, 'align') ?? 'left';
  const runs: Run[] = [];
  let breakAfter = !!child(pPr, 'w:sectPr') || onOff(pPr, 'w:pageBreakBefore') === true;
  const visit = (n: XNode) => {
    const tag = tagOf(n);
    if (tag === 'w:r') {
      const rPr = child(n, 'w:rPr');
      const rs = attrs(child(rPr, 'w:rStyle') ?? {})['w:val'];
      const own = runProps(rPr);
      // the run's own property, else its character style's, else its paragraph style's
      const prop = <K extends keyof RunProps>(k: K): RunProps[K] => own[k] ?? (rs ? ctx.styles.get(rs, k) : undefined) ?? ctx.styles.get(styleId, k);
      const [bold, italic, caps, font] = [prop('bold') ?? false, prop('italic') ?? false, prop('caps') ?? false, prop('font')];
      // what Word neither shows nor prints is left out, and counted for the report
      if (prop('hidden')) {
        if (kids(n).some((c) => tagOf(c) === 'w:t' && textOf(c).trim())) ctx.hidden++;
        return;
      }
      for (const c of kids(n)) {
        const t = tagOf(c);
        if (t === 'w:t') {
          // text in a TCVN3 or VNI font is converted to Unicode where it is read
          const legacy = font ? encodingOfFont(font) : undefined;
          let text = textOf(c);
          if (legacy) {
            text = fromLegacy(text, legacy.enc, { capitals: legacy.capitals });
            ctx.legacy.set(font!, (ctx.legacy.get(font!) ?? 0) + 1);
          }
          runs.push({ text: caps ? upperVi(text) : text, bold, italic, font });
        }
        else if (t === 'w:tab') runs.push({ text: '\t', bold: false, italic: false });
        else if (t === 'w:br' || t === 'w:cr') {
          if (attrs(c)['w:type'] === 'page') breakAfter = true;
          else runs.push({ text: '\n', bold: false, italic: false });
        } else if (t === 'w:noBreakHyphen') runs.push({ text: '-', bold, italic, font });
        else if (t === 'w:footnoteReference' || t === 'w:endnoteReference') {
          const key = `${t === 'w:footnoteReference' ? 'footnote' : 'endnote'} ${attrs(c)['w:id']}`;
          const paras = ctx.notes.get(key);
          ctx.notes.delete(key); // each note read once, even in a file that refers to one from itself
          if (paras) {
            ctx.pending.push({ n: ++ctx.noteCount, paras });
            runs.push({ text: superscript(ctx.noteCount), bold: false, italic: false });
          }
        }
        else if (t === 'w:sym') runs.push({ text: String.fromCodePoint(parseInt(attrs(c)['w:char'] ?? '20', 16) & 0xffff), bold, italic, font });
      }
      return;
    }
    // deleted text, field instructions and properties are not what a reader sees; a text box is read on its own (boxesIn)
    if (SKIPPED.has(tag)) return;
    for (const c of kids(n)) if (typeof c === 'object' && !('#text' in c)) visit(c);
  };
  visit(p);
  void pRun;
  const num = numPr(pPr) ?? ctx.styles.get(styleId, 'num');
  const marker = num ? ctx.numbering.marker(num.numId, num.ilvl) : undefined;
  const out = paraOfRuns(runs, align);
  if (marker) out.marker = marker;
  if (breakAfter) out.breakAfter = true;
  // manual line breaks and tabs (Word's way of putting two columns on one line) give pieces of their own
  if (runs.some((r) => r.text === '\n' || r.text === '\t')) {
    const groups: Run[][] = [[]];
    for (const r of runs) r.text === '\n' || r.text === '\t' ? groups.push([]) : groups[groups.length - 1].push(r);
    out.lines = groups.map((g) => paraOfRuns(g, align)).filter((x) => x.plain.trim() !== '');
  }
  return out;
}

function paraOfRuns(runs: Run[], align: Align): Para {
  const visible = runs.filter((r) => r.text.trim() !== '');
  return {
    text: markup(runs),
    plain: runs.map((r) => r.text).join(''),
    align,
    bold: visible.length > 0 && visible.every((r) => r.bold),
    italic: visible.length > 0 && visible.every((r) => r.italic),
    fonts: [...new Set(runs.flatMap((r) => (r.font ? [r.font] : [])))],
  };
}

/** Blocks, rows or cells as they stand, out of the content controls (w:sdt) and custom XML that wrap them in forms. */
function unwrapped(nodes: XNode[]): XNode[] {
  return nodes.flatMap((n) => {
    const t = tagOf(n);
    if (t === 'w:sdt') return unwrapped(kids(child(n, 'w:sdtContent') ?? {}));
    if (t === 'w:customXml') return unwrapped(kids(n));
    return [n];
  });
}

function readTable(tbl: XNode, ctx: Ctx): TableBlock {
  const borders = child(child(tbl, 'w:tblPr'), 'w:tblBorders');
  const ruled = !!borders && kids(borders).some((b) => !['none', 'nil'].includes(attrs(b)['w:val'] ?? 'none'));
  const grid = children(child(tbl, 'w:tblGrid'), 'w:gridCol').length;
  const rows: Cell[][] = [];
  // a vertically merged cell continues the cell above it in the same grid column
  const open = new Map<number, Cell>();
  for (const tr of unwrapped(kids(tbl)).filter((n) => tagOf(n) === 'w:tr')) {
    const row: Cell[] = [];
    // Word's tables have at most 63 columns
    let col = int(attrs(child(child(tr, 'w:trPr'), 'w:gridBefore') ?? {})['w:val'], 0, 0, 63);
    for (const tc of unwrapped(kids(tr)).filter((n) => tagOf(n) === 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const span = int(attrs(child(tcPr, 'w:gridSpan') ?? {})['w:val'], 1, 1, 63);
      const vm = child(tcPr, 'w:vMerge');
      const vmVal = vm ? (attrs(vm)['w:val'] ?? 'continue') : undefined;
      const paras: Para[] = [];
      for (const c of unwrapped(kids(tc))) {
        if (tagOf(c) === 'w:p') {
          paras.push(...parasOf(c, ctx));
        }
        else if (tagOf(c) === 'w:tbl') for (const r of readTable(c, ctx).rows) for (const cc of r) paras.push(...cc.paras); // nested: kept as text
      }
      if (vmVal === 'continue' && open.has(col)) {
        open.get(col)!.rowSpan++;
      } else {
        const cell: Cell = { paras, colSpan: span, rowSpan: 1, col };
        row.push(cell);
        if (vmVal === 'restart') open.set(col, cell);
        else open.delete(col);
      }
      col += span;
    }
    rows.push(row);
  }
  return { rows, columns: gridColumns(rows, grid), ruled };
}

/** Whether a section's page is turned across: its size says landscape, or is wider than high. */
function turned(sectPr: XNode | undefined): boolean {
  const a = attrs(child(sectPr, 'w:pgSz') ?? {});
  return a['w:orient'] === 'landscape' || Number(a['w:w']) > Number(a['w:h']);
}

/**
 * The blocks of a .docx, in document order; `repairs` receives what was converted. Throws an Error with a
 * Vietnamese message on a broken file.
 */
export function readDocx(bytes: Uint8Array, repairs: string[] = [], chunks = true): Block[] {
  let files: Record<string, Uint8Array>;
  const huge: string[] = [];
  let total = 0;
  try {
    // only the parts read, and none that would unpack to more than a plan's text can be, nor all of them together
    // (a zip bomb: one part or many, or one stream listed under many names)
    files = unzipSync(bytes, {
      filter: (f) => (PARTS.has(f.name) || CHUNK_PART.test(f.name)) && ((total += f.originalSize) <= MAX_PART_BYTES || (huge.push(f.name), false)),
    });
  } catch {
    throw new CannotRead('không mở được tệp .docx: tệp hỏng hoặc chưa tải về hết (không phải tệp zip hợp lệ).');
  }
  if (huge.length) throw new CannotRead(`tệp .docx giải nén ra hơn ${MAX_PART_BYTES / 2 ** 20} MB (từ phần ${huge[0]}): không phải văn bản kế hoạch thông thường (hoặc tệp bị làm hỏng).`);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const doc = text('word/document.xml');
  if (!doc) throw new CannotRead('tệp .docx không có word/document.xml');
  // A damaged style or numbering part costs the looks and the automatic numbers, never the words.
  const optional = <T>(name: string, read: (xml?: string) => T): T => {
    try {
      return read(text(name));
    } catch {
      repairs.push(`phần ${name} của tệp bị hỏng: bỏ qua (kiểu chữ hoặc số thứ tự tự động có thể mất).`);
      return read(undefined);
    }
  };
  const notes = new Map<string, XNode[]>();
  optional('word/footnotes.xml', (x) => notesOf(x, 'footnote', notes));
  optional('word/endnotes.xml', (x) => notesOf(x, 'endnote', notes));
  const ctx: Ctx = { styles: optional('word/styles.xml', (x) => new Styles(x)), numbering: optional('word/numbering.xml', (x) => new Numbering(x)), legacy: new Map(), notes, pending: [], noteCount: 0, hidden: 0 };
  let root: XNode | undefined;
  try {
    root = parse(doc).find((n) => tagOf(n) === 'w:document');
  } catch {
    throw new CannotRead('tệp .docx bị hỏng: phần word/document.xml không phải XML hợp lệ; hãy mở tệp bằng Word hoặc LibreOffice, lưu lại rồi nhập lại.');
  }
  const body = child(root, 'w:body');
  if (!body) throw new CannotRead('tệp .docx không có phần thân văn bản');
  const out: Block[] = [];
  // a section's page setup comes at its end: in its last paragraph, or in the body for the last section
  const sectionEnds = new Map<number, XNode>();
  const visit = (nodes: XNode[]) => {
    for (const n of nodes) {
      const t = tagOf(n);
      // a text box's paragraphs come before the paragraph it is anchored in, where it is drawn
      if (t === 'w:p') for (const box of boxesIn(n)) visit(unwrapped(kids(box)));
      const sectPr = t === 'w:p' ? child(child(n, 'w:pPr'), 'w:sectPr') : undefined;
      if (sectPr) sectionEnds.set(out.length, sectPr);
      if (t === 'w:p') {
        out.push({ kind: 'p', p: readPara(n, ctx) });
        for (const p of notesAfter(ctx)) out.push({ kind: 'p', p });
      }
      else if (t === 'w:tbl') {
        const table = readTable(n, ctx);
        // a table without a cell holds no text (only a damaged file has one)
        if (table.rows.some((r) => r.length > 0)) out.push({ kind: 'table', t: table });
      } else if (t === 'w:altChunk') altChunks.push({ at: out.length, id: attrs(n)['r:id'] });
    }
  };
  const altChunks: { at: number; id: string }[] = [];
  visit(unwrapped(kids(body)));
  let landscape = turned(child(body, 'w:sectPr'));
  for (let i = out.length - 1; i >= 0; i--) {
    const b = out[i];
    if (sectionEnds.has(i)) landscape = turned(sectionEnds.get(i));
    if (landscape && b.kind === 'p') b.p.landscape = true;
  }
  // after the page setup is placed by index: a chunk's blocks come in where it stood
  if (altChunks.length) spliceChunks(out, altChunks, files, repairs, chunks);
  if (ctx.hidden) repairs.push(`bỏ ${ctx.hidden} đoạn chữ ẩn (Word không hiện, không in: thường là lời hướng dẫn của mẫu).`);
  if (ctx.noteCount) repairs.push(notesMoved(ctx.noteCount));
  for (const [font, n] of ctx.legacy) {
    repairs.push(convertedFont(font, n));
  }
  return out;
}
