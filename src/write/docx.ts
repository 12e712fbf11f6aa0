// Document model → .docx, every part written by the docx library through its public API (Packer).
// It never sees plan types: a small handler per model node type; styles come from stylesheet.ts by
// name. docx stamps the clock in two places; both are fixed to the document's instant (see renderDocx).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
  type ISectionOptions,
} from 'docx';
import type { AppendixModel, ClosingModel, DecisionModel, DocModel, Flow, HeaderModel, Node, Para, Table as TableModel } from '../model/model.js';
import { COLOR, FONT, HEADER, PAGE, TABLE, styles, type Align } from '../model/stylesheet.js';
import { mmToTwip } from '../model/metrics.js';
import { KEYWORD, sealZip, stampZip } from './zip.js';
import { escapeMarkup } from '../text/escape.js';

const FONTS = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }; // [R] all four rFonts slots

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
};

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: COLOR } as const;
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function paragraphStyles(size: 13 | 14): IParagraphStyleOptions[] {
  return styles(size).map((s) => ({
    id: s.name,
    name: s.name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: FONTS, size: s.sizePt * 2, bold: !!s.bold, italics: !!s.italic, color: COLOR },
    paragraph: {
      alignment: ALIGN[s.align],
      indent: s.firstLineTw ? { firstLine: s.firstLineTw } : undefined,
      spacing: { before: s.beforePt * 20, after: s.afterPt * 20, line: s.line, lineRule: LineRuleType.AUTO },
      keepNext: s.keepNext,
      // no paragraph leaves one line alone at a page's foot or head, as Word's own Normal style does; without
      // it Word lays a kehoach plan out with lone lines that the same plan typed in Word would not have
      widowControl: true,
    },
  }));
}

function paragraph(p: Para, extra: { alignment?: Align; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: p.style,
    alignment: extra.alignment ? ALIGN[extra.alignment] : undefined,
    // an explicit false only where the model asks (a heading with its text on the same line): it overrides the style
    keepNext: extra.keepNext ? true : p.keepNext,
    children: p.runs.map(
      (r) =>
        new TextRun({
          text: r.text,
          bold: r.bold,
          italics: r.italic,
          size: p.sizePt ? p.sizePt * 2 : undefined,
        }),
    ),
  });
}

/** A centred solid line of `widthMm` inside a space `availMm` wide: a bottom border with indents. */
function rule(widthMm: number, availMm: number, style = 'DuongKe'): Paragraph {
  const side = Math.max(0, mmToTwip((availMm - widthMm) / 2));
  return new Paragraph({
    style,
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: HEADER.ruleSizeEighths, color: COLOR, space: 1 } },
  });
}

function nodes(ns: Node[], availMm: number): Paragraph[] {
  return ns.map((n) => (n.type === 'rule' ? rule(n.widthMm, availMm, n.style) : paragraph(n)));
}

const cellMargins = (mm: number) => ({ left: mmToTwip(mm), right: mmToTwip(mm), top: 0, bottom: 0, marginUnitType: WidthType.DXA });

function layoutTable(columnsMm: number[], rows: Paragraph[][][], keepTogether = true): Table {
  const widths = columnsMm.map(mmToTwip);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          // the header and the closing block (Nơi nhận beside the signer) stay on one page, unless too tall for that
          cantSplit: keepTogether,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i], type: WidthType.DXA },
                borders: NO_BORDERS,
                margins: cellMargins(HEADER.cellPaddingMm),
                children: children.length ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}

function headerTable(h: HeaderModel): Table {
  const pad = HEADER.cellPaddingMm * 2;
  const names = [nodes(h.left, h.leftMm - pad), nodes(h.right, h.rightMm - pad)];
  // a plan issued by a decision has no Số and no place/date row (§8a)
  const numberRow = h.number && h.placeDate ? [[[paragraph(h.number)], [paragraph(h.placeDate)]]] : [];
  return layoutTable([h.leftMm, h.rightMm], [names, ...numberRow]);
}

function closingTable(c: ClosingModel): Table {
  return layoutTable([c.leftMm, c.rightMm], [[c.left.map((p) => paragraph(p)), c.right.map((p) => paragraph(p))]], c.keepTogether);
}

/** Paragraphs and the tables among them. */
const flow = (fs: Flow[]) => fs.map((f) => (f.type === 'table' ? dataTable(f) : paragraph(f)));

/** Header, title and body, then the closing block when there is one; the body's last paragraph stays with it. */
function page(header: HeaderModel | null, title: Node[], body: Flow[], closing: ClosingModel | null, textMm: number) {
  return [
    ...(header ? [headerTable(header)] : []),
    ...nodes(title, textMm),
    // the body's end stays on the page of the closing block (the model's keepNext, a table's keepEnd)
    ...flow(body),
    ...(closing ? [new Paragraph({ style: 'Body', keepNext: true }), closingTable(closing)] : []),
  ];
}

function decisionSection(d: DecisionModel, m: DocModel, textMm: number): ISectionOptions {
  return {
    properties: { page: pageProps(m.page.marginsMm, false), titlePage: true },
    headers: pageNumberHeaders(),
    children: page(d.header, d.title, d.body, d.closing, textMm),
  };
}

/**
 * A data table (an appendix's, or one in the body): ruled, fixed columns, the header row repeated on each page.
 * With the model's `keepEnd`, its last row stays on the page of what follows (keep-with-next on its paragraphs).
 */
function dataTable(t: TableModel): Table {
  const widths = t.columnsMm.map(mmToTwip);
  // body cells keep the default top alignment
  const cell = (c: TableModel['header'][number], header: boolean, keepNext?: boolean) =>
    new TableCell({
      width: { size: widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
      columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
      verticalAlign: header ? VerticalAlignTable.CENTER : undefined,
      children: c.paras.map((p) => paragraph(p, { alignment: c.align, keepNext })),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    margins: cellMargins(TABLE.cellPaddingMm), // once for the table (w:tblCellMar), not in every cell
    rows: [
      new TableRow({ tableHeader: TABLE.headerRepeat, cantSplit: true, children: t.header.map((c) => cell(c, true)) }),
      ...(t.columnNumbers ? [new TableRow({ tableHeader: TABLE.headerRepeat, cantSplit: true, children: t.columnNumbers.map((c) => cell(c, true)) })] : []),
      // a row never splits across pages (issue 20 item 5): a split row reads as two rows
      ...t.rows.map((r, i) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false, t.keepEnd && i === t.rows.length - 1)) })),
    ],
  });
}

function pageNumberHeaders() {
  // [R] page numbers centred in the top margin, none on the first page (w:titlePg + empty first header)
  return {
    default: new Header({
      children: [new Paragraph({ style: 'SoTrang', children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
    }),
    first: new Header({ children: [new Paragraph({ style: 'SoTrang' })] }),
  };
}

function pageProps(margins: DocModel['page']['marginsMm'], landscape: boolean) {
  const w = mmToTwip(PAGE.widthMm);
  const h = mmToTwip(PAGE.heightMm);
  return {
    size: landscape
      ? { width: w, height: h, orientation: PageOrientation.LANDSCAPE }
      : { width: w, height: h, orientation: PageOrientation.PORTRAIT },
    margin: {
      top: mmToTwip(margins.top),
      bottom: mmToTwip(margins.bottom),
      left: mmToTwip(margins.left),
      right: mmToTwip(margins.right),
      header: mmToTwip(PAGE.headerMm),
      footer: mmToTwip(PAGE.headerMm),
    },
    pageNumbers: { start: 1 },
  };
}

function appendixSection(a: AppendixModel, portraitMargins: DocModel['page']['marginsMm']): ISectionOptions {
  const margins = a.landscape ? PAGE.landscapeMargins : portraitMargins;
  const availMm = (a.landscape ? PAGE.heightMm : PAGE.widthMm) - margins.left - margins.right;
  return {
    // [R] page numbers restart in each appendix; [P] §12.8 its first page hides the number too
    properties: { page: pageProps(margins, a.landscape), titlePage: true },
    headers: pageNumberHeaders(),
    children: [
      ...nodes(a.heading, availMm),
      ...flow(a.before ?? []),
      ...(a.table ? [dataTable(a.table)] : []),
      ...flow(a.after ?? []),
      // a signature block to fill in sits on the right, as the signer's does (§6), never alone on its page
      ...(a.signature ? [new Paragraph({ style: 'Body', keepNext: true }), closingTable(a.signature)] : []),
    ],
  };
}

/**
 * A section that another follows, closed by a paragraph when it ends with a table: docx then writes the section's
 * properties into that paragraph, not into an empty one of body size that a table at the page's foot would push
 * onto a page of its own. (The last section's properties belong to the body: it needs no paragraph.)
 */
const closed = (s: ISectionOptions): ISectionOptions => {
  const children = s.children as (Paragraph | Table)[];
  return children.at(-1) instanceof Table ? { ...s, children: [...children, new Paragraph({ style: 'CuoiPhan' })] } : s;
};

/** The docx Document of a model. */
function toDocument(m: DocModel): Document {
  const textMm = PAGE.widthMm - m.page.marginsMm.left - m.page.marginsMm.right;
  const main: ISectionOptions = {
    properties: { page: pageProps(m.page.marginsMm, false), titlePage: true },
    headers: pageNumberHeaders(),
    children: page(m.header, m.title, m.body, m.closing, textMm),
  };
  // a plan issued by a decision starts on a new page after it (a new section, page numbers from 1)
  const decision = m.decision ? [decisionSection(m.decision, m, textMm)] : [];
  return new Document({
    styles: {
      default: {
        document: {
          // Vietnamese for Word's and LibreOffice's spelling and hyphenation: without it an office whose Word is in
          // English sees every word of the plan underlined as misspelt
          run: { font: FONTS, size: m.page.bodySizePt * 2, color: COLOR, language: { value: LANGUAGE } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
      paragraphStyles: paragraphStyles(m.page.bodySizePt),
    },
    sections: [...decision, main, ...m.appendices.map((a) => appendixSection(a, m.page.marginsMm))].map((s, i, all) => (i < all.length - 1 ? closed(s) : s)),
  });
}


/** The language of every plan's text (RFC 1766, as Word and LibreOffice name Vietnamese). */
const LANGUAGE = 'vi-VN';

/** docProps/core.xml: docx writes the clock into created/modified and has no option for them. */
function coreXml(m: DocModel, when: Date): string {
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeMarkup(m.properties.title)}</dc:title>` +
    `<dc:subject>${escapeMarkup(m.properties.subject)}</dc:subject>` +
    `<dc:creator>${escapeMarkup(m.properties.creator)}</dc:creator>` +
    `<dc:language>${LANGUAGE}</dc:language>` +
    '<dc:description>Kế hoạch soạn bằng kehoach</dc:description>' +
    `<cp:keywords>${KEYWORD}</cp:keywords>` +
    `<cp:lastModifiedBy>${escapeMarkup(m.properties.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * The .docx of a model: same model and instant, same bytes. docx draws no random ids for what a plan
 * holds (no images, hyperlinks or notes), but stamps the clock into core.xml, replaced here through
 * Packer's own `overrides`, and into every zip entry, which `stampZip` then sets to `when`. The file is
 * sealed (`sealZip`) so that a later render can tell whether the clerk changed it.
 */
export async function renderDocx(m: DocModel, when: Date): Promise<Uint8Array> {
  return sealZip(stampZip(await Packer.toBuffer(toDocument(m), false, [{ path: 'docProps/core.xml', data: coreXml(m, when) }]), when));
}
