// Document model → .docx by the docx library: every part compiled by docx. The only module that
// imports `docx`; it never sees plan types. A table of small handlers, one per model node type;
// styles come from stylesheet.ts by name. It is the reference document-xml.ts must equal, and the
// writer of the parts that do not depend on a plan's text (docx-writer.ts keeps them by kind). The
// CLI loads it as a bundle of its own (dist/docx.cjs), only when it meets a kind it does not know.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
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
import type { AppendixModel, DocModel, Node, Para, Table as TableModel } from '../model/model.js';
import { COLOR, FONT, HEADER, PAGE, TABLE, styles, type Align } from '../model/stylesheet.js';
import { mmToTwip } from '../model/metrics.js';
import { tableXml } from './table-xml.js';

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
    },
  }));
}

function paragraph(p: Para, extra: { alignment?: Align; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: p.style,
    alignment: extra.alignment ? ALIGN[extra.alignment] : undefined,
    keepNext: extra.keepNext || undefined, // never an explicit false: it would override the headings' keep-with-next style
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

function layoutTable(columnsMm: number[], rows: Paragraph[][][]): Table {
  const widths = columnsMm.map(mmToTwip);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true, // the header and the closing block (Nơi nhận beside the signer) never split across pages
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

function headerTable(m: DocModel): Table {
  const h = m.header;
  const pad = HEADER.cellPaddingMm * 2;
  return layoutTable(
    [h.leftMm, h.rightMm],
    [
      [nodes(h.left, h.leftMm - pad), nodes(h.right, h.rightMm - pad)],
      [[paragraph(h.number)], [paragraph(h.placeDate)]],
    ],
  );
}

function closingTable(m: DocModel): Table {
  const c = m.closing;
  return layoutTable([c.leftMm, c.rightMm], [[c.left.map((p) => paragraph(p)), c.right.map((p) => paragraph(p))]]);
}

/** The docx-library version of an appendix table (kept as the reference that table-xml.ts must match). */
export function dataTable(t: TableModel): Table {
  const widths = t.columnsMm.map(mmToTwip);
  const cell = (c: TableModel['header'][number], header: boolean) =>
    new TableCell({
      width: { size: widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
      columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
      verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      children: c.paras.map((p) => paragraph(p, { alignment: c.align })),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    margins: cellMargins(TABLE.cellPaddingMm), // once for the table (w:tblCellMar), not in every cell
    rows: [
      new TableRow({ tableHeader: TABLE.headerRepeat, cantSplit: true, children: t.header.map((c) => cell(c, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: false, children: r.map((c) => cell(c, false)) })),
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

/** Where an appendix table goes: a paragraph whose XML is replaced by the streamed table after compiling. */
const tableMarker = (i: number) => `\uE000kehoach-bang-${i}\uE000`;
/** The marker paragraph; when it ends a section, docx gives it the section's properties (w:sectPr). */
const markerRe = (i: number) => new RegExp(`<w:p>(?:<w:pPr>((?:(?!</w:pPr>).)*)</w:pPr>)?<w:r><w:t xml:space="preserve">${tableMarker(i)}</w:t></w:r></w:p>`);

function appendixSection(a: AppendixModel, index: number, portraitMargins: DocModel['page']['marginsMm']): ISectionOptions {
  const margins = a.landscape ? PAGE.landscapeMargins : portraitMargins;
  const availMm = (a.landscape ? PAGE.heightMm : PAGE.widthMm) - margins.left - margins.right;
  return {
    // [R] page numbers restart in each appendix; [P] §12.8 its first page hides the number too
    properties: { page: pageProps(margins, a.landscape), titlePage: true },
    headers: pageNumberHeaders(),
    children: [...nodes(a.heading, availMm), new Paragraph({ children: [new TextRun(tableMarker(index))] })],
  };
}

/** The docx Document of a model. */
export function toDocument(m: DocModel): Document {
  const textMm = PAGE.widthMm - m.page.marginsMm.left - m.page.marginsMm.right;
  const main: ISectionOptions = {
    properties: { page: pageProps(m.page.marginsMm, false), titlePage: true },
    headers: pageNumberHeaders(),
    children: [
      headerTable(m),
      ...nodes(m.title, textMm),
      // the closing sentence ("./.") stays on the page of the closing block
      ...m.body.map((p, i) => paragraph(p, { keepNext: i === m.body.length - 1 })),
      new Paragraph({ style: 'Body', keepNext: true }),
      closingTable(m),
    ],
  };
  return new Document({
    creator: m.properties.creator,
    title: m.properties.title,
    subject: m.properties.subject,
    description: 'Kế hoạch soạn bằng kehoach',
    lastModifiedBy: m.properties.creator,
    revision: 1,
    styles: {
      default: {
        document: {
          run: { font: FONTS, size: m.page.bodySizePt * 2, color: COLOR },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
      paragraphStyles: paragraphStyles(m.page.bodySizePt),
    },
    sections: [main, ...m.appendices.map((a, i) => appendixSection(a, i, m.page.marginsMm))],
  });
}

/** docx's compiler (Packer.compiler). */
interface Compiler {
  compile(file: Document, prettify?: unknown, overrides?: { path: string; data: string }[]): Map<string, string | Uint8Array>;
}

/** Relationship ids docx draws at random become rId1, rId2 ... in order of appearance. */
function stableIds(parts: Map<string, string>): void {
  const rels = [...parts.keys()].filter((p) => p.endsWith('.rels'));
  for (const relPath of rels) {
    const xml = parts.get(relPath)!;
    const ids = [...xml.matchAll(/Id="([^"]+)"/g)].map((x) => x[1]);
    const random = ids.filter((id) => !/^rId\d+$/.test(id));
    if (!random.length) continue;
    let next = Math.max(0, ...ids.filter((id) => /^rId\d+$/.test(id)).map((id) => Number(id.slice(3)))) + 1;
    const map = new Map(random.map((id) => [id, `rId${next++}`]));
    const source = relPath.replace(/_rels\/([^/]+)\.rels$/, '$1');
    const swap = (s: string) => s.replace(/"([^"]+)"/g, (q, id: string) => (map.has(id) ? `"${map.get(id)}"` : q));
    parts.set(relPath, swap(xml));
    if (parts.has(source)) parts.set(source, swap(parts.get(source)!));
  }
}

/**
 * Every part of the document as docx compiles it, with `core` as docProps/core.xml and relationship
 * ids made stable; appendix tables are written by table-xml.ts in place of their markers, so
 * document.xml is chunks when there are any.
 */
export function compileParts(m: DocModel, core: string): Map<string, string | string[]> {
  const compiler = (Packer as unknown as { compiler: Compiler }).compiler;
  if (!compiler?.compile) throw new Error('docx: Packer.compiler không còn như docx 9.15 (phiên bản docx không tương thích)');
  const raw = compiler.compile(toDocument(m), undefined, [{ path: 'docProps/core.xml', data: core }]);
  const parts = new Map<string, string>();
  for (const [path, data] of raw) parts.set(path, typeof data === 'string' ? data : new TextDecoder().decode(data));
  stableIds(parts);
  const out = new Map<string, string | string[]>(parts);
  if (m.appendices.length) {
    let rest = parts.get('word/document.xml')!;
    const chunks: string[] = [];
    m.appendices.forEach((a, i) => {
      const found = markerRe(i).exec(rest);
      if (!found) throw new Error(`không tìm thấy chỗ đặt bảng phụ lục ${i + 1}`);
      // A section that ends with the table keeps its properties in an empty paragraph after it.
      const keep = found[1] ? `<w:p><w:pPr>${found[1]}</w:pPr></w:p>` : '';
      chunks.push(rest.slice(0, found.index), ...tableXml(a.table), keep);
      rest = rest.slice(found.index + found[0].length);
    });
    chunks.push(rest);
    out.set('word/document.xml', chunks);
  }
  return out;
}
