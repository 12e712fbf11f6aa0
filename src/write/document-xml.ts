// word/document.xml written straight from the document model, as strings: the XML docx 9.15 writes
// for the same model through toDocument() (docx-compile.ts), byte for byte. docx builds an object
// tree of several hundred components and formats it, and on a cold start running that code is most
// of a render's time; this is the same walk over the model as toDocument(), without the tree.
// The tests hold the two to each other on every example, on generated plans and on random models.
// What docx alone decides is taken from docx's own output for the kind of document (DocumentFrame):
// the root element with its namespaces, and the relationship ids of each section's headers.
import type { AppendixModel, DocModel, Node, Para } from '../model/model.js';
import { COLOR, HEADER, PAGE } from '../model/stylesheet.js';
import { mmToTwip } from '../model/metrics.js';
import { paraXml, pPr } from './wordml.js';
import { tableXml } from './table-xml.js';

export interface DocumentFrame {
  /** document.xml up to and including <w:body>, as docx writes it */
  open: string;
  /** each section's header relationship ids: [default, first] */
  headers: [string, string][];
}

/** The frame of a document docx compiled: its opening, and the header ids from document.xml.rels. */
export function frameOf(documentXml: string, documentRels: string, sections: number): DocumentFrame {
  const at = documentXml.indexOf('<w:body>');
  if (at < 0) throw new Error('docx: document.xml không có <w:body>');
  const ids = new Map<string, string>();
  for (const r of documentRels.matchAll(/<Relationship Id="([^"]+)" Type="[^"]*\/header" Target="header(\d+)\.xml"\/>/g)) ids.set(r[2], r[1]);
  const headers: [string, string][] = [];
  for (let s = 0; s < sections; s++) {
    const d = ids.get(String(2 * s + 1));
    const f = ids.get(String(2 * s + 2));
    if (!d || !f) throw new Error(`docx: không thấy đầu trang của phần ${s + 1} trong document.xml.rels`);
    headers.push([d, f]);
  }
  return { open: documentXml.slice(0, at + '<w:body>'.length), headers };
}

const NONE = 'w:val="none" w:color="auto" w:sz="0"';
const sides = (names: string[], attrs: string) => names.map((n) => `<w:${n} ${attrs}/>`).join('');
const TABLE_NONE = `<w:tblBorders>${sides(['top', 'left', 'bottom', 'right', 'insideH', 'insideV'], NONE)}</w:tblBorders>`;
const CELL_NONE = `<w:tcBorders>${sides(['top', 'left', 'bottom', 'right'], NONE)}</w:tcBorders>`;

/** A centred solid line of `widthMm` inside a space `availMm` wide: a bottom border with indents. */
function ruleXml(widthMm: number, availMm: number, style = 'DuongKe'): string {
  const side = Math.max(0, mmToTwip((availMm - widthMm) / 2));
  const inner = `<w:pBdr><w:bottom w:val="single" w:color="${COLOR}" w:sz="${HEADER.ruleSizeEighths}" w:space="1"/></w:pBdr><w:ind w:left="${side}" w:right="${side}"/>`;
  return `<w:p>${pPr(style, { inner })}</w:p>`;
}

const nodesXml = (ns: Node[], availMm: number): string => ns.map((n) => (n.type === 'rule' ? ruleXml(n.widthMm, availMm, n.style) : paraXml(n))).join('');

/** A borderless layout table (the header, the closing block): fixed columns, rows that never split. */
function layoutTable(columnsMm: number[], rows: string[][]): string {
  const widths = columnsMm.map(mmToTwip);
  const pad = mmToTwip(HEADER.cellPaddingMm);
  const mar = `<w:tcMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="${pad}"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="${pad}"/></w:tcMar>`;
  const cell = (content: string, i: number) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i]}"/>${CELL_NONE}${mar}</w:tcPr>${content || '<w:p/>'}</w:tc>`;
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/>${TABLE_NONE}<w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    rows.map((cells) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map(cell).join('')}</w:tr>`).join('') +
    '</w:tbl>'
  );
}

function sectPr(margins: DocModel['page']['marginsMm'], landscape: boolean, [first, second]: [string, string]): string {
  const w = mmToTwip(PAGE.widthMm);
  const h = mmToTwip(PAGE.heightMm);
  const size = landscape ? `<w:pgSz w:w="${h}" w:h="${w}" w:orient="landscape"/>` : `<w:pgSz w:w="${w}" w:h="${h}" w:orient="portrait"/>`;
  const m = (mm: number) => mmToTwip(mm);
  return (
    `<w:sectPr><w:headerReference w:type="default" r:id="${first}"/><w:headerReference w:type="first" r:id="${second}"/>${size}` +
    `<w:pgMar w:top="${m(margins.top)}" w:right="${m(margins.right)}" w:bottom="${m(margins.bottom)}" w:left="${m(margins.left)}" w:header="${m(PAGE.headerMm)}" w:footer="${m(PAGE.headerMm)}" w:gutter="0"/>` +
    '<w:pgNumType w:start="1"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

function appendixXml(a: AppendixModel, portraitMargins: DocModel['page']['marginsMm']): { content: string[]; margins: DocModel['page']['marginsMm'] } {
  const margins = a.landscape ? PAGE.landscapeMargins : portraitMargins;
  const availMm = (a.landscape ? PAGE.heightMm : PAGE.widthMm) - margins.left - margins.right;
  return { content: [nodesXml(a.heading, availMm), ...tableXml(a.table)], margins };
}

/**
 * document.xml of a model, in chunks (a large appendix is never joined into one string). Sections
 * end as docx ends them: the last one's properties close the body; each other's go in a paragraph
 * of their own after its last table.
 */
export function documentXml(m: DocModel, frame: DocumentFrame): string[] {
  if (frame.headers.length !== 1 + m.appendices.length) throw new Error('document-xml: số phần của văn bản không khớp khung');
  const h = m.header;
  const pad = HEADER.cellPaddingMm * 2;
  const textMm = PAGE.widthMm - m.page.marginsMm.left - m.page.marginsMm.right;
  const para = (p: Para) => paraXml(p);
  const main =
    layoutTable(
      [h.leftMm, h.rightMm],
      [
        [nodesXml(h.left, h.leftMm - pad), nodesXml(h.right, h.rightMm - pad)],
        [para(h.number), para(h.placeDate)],
      ],
    ) +
    nodesXml(m.title, textMm) +
    // the closing sentence ("./.") stays on the page of the closing block
    m.body.map((p, i) => paraXml(p, { keepNext: i === m.body.length - 1 })).join('') +
    `<w:p>${pPr('Body', { keepNext: true })}</w:p>` +
    layoutTable([m.closing.leftMm, m.closing.rightMm], [[m.closing.left.map(para).join(''), m.closing.right.map(para).join('')]]);
  const sections = [{ content: [main], margins: m.page.marginsMm, landscape: false }, ...m.appendices.map((a) => ({ ...appendixXml(a, m.page.marginsMm), landscape: a.landscape }))];
  const out = [frame.open];
  sections.forEach((s, i) => {
    const props = sectPr(s.margins, s.landscape, frame.headers[i]);
    out.push(...s.content, i < sections.length - 1 ? `<w:p><w:pPr>${props}</w:pPr></w:p>` : props);
  });
  out.push('</w:body></w:document>');
  return out;
}
