// Appendix tables written straight to WordprocessingML as strings: the same XML the docx library
// produces for them (a test compares the two on random tables), at a fraction of the time and memory,
// so a 10,000-row appendix does not build a million-object tree. document-xml.ts places them; when
// docx compiles a document whole (docx-compile.ts), they take the place of its marker paragraphs.
import type { Table as TableModel, TableCell } from '../model/model.js';
import { COLOR, TABLE } from '../model/stylesheet.js';
import { mmToTwip } from '../model/metrics.js';
import { paraXml } from './wordml.js';

const BORDER = `w:val="single" w:color="${COLOR}" w:sz="4"`;

/** The table's XML in chunks of about 500 rows: a 10,000-row table never becomes one huge string. */
export function tableXml(t: TableModel): string[] {
  const widths = t.columnsMm.map(mmToTwip);
  const pad = mmToTwip(TABLE.cellPaddingMm);
  // cell padding once for the whole table (w:tblCellMar), as docx writes it from the table's margins
  const mar = `<w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="${pad}"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="${pad}"/></w:tblCellMar>`;
  const width = (c: { col: number; colSpan: number }) => {
    let w = 0;
    for (let i = c.col; i < c.col + c.colSpan && i < widths.length; i++) w += widths[i];
    return w;
  };

  const cellXml = (c: TableCell, header: boolean, merge: '' | 'restart' | 'continue'): string => {
    const span = c.colSpan > 1 ? `<w:gridSpan w:val="${c.colSpan}"/>` : '';
    const vm = merge ? `<w:vMerge w:val="${merge}"/>` : '';
    const pr = `<w:tcPr><w:tcW w:type="dxa" w:w="${width(c)}"/>${span}${vm}<w:vAlign w:val="${header ? 'center' : 'top'}"/></w:tcPr>`;
    if (merge === 'continue') {
      // docx's continuation cell: one empty paragraph carrying the alignment of the cell's last paragraph
      return `<w:tc>${pr}${c.align ? `<w:p><w:pPr><w:jc w:val="${c.align}"/></w:pPr></w:p>` : '<w:p/>'}</w:tc>`;
    }
    return `<w:tc>${pr}${c.paras.map((p) => paraXml(p, { align: c.align })).join('')}</w:tc>`;
  };

  const out: string[] = [];
  out.push(
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/><w:tblBorders>` +
      `<w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/>` +
      `</w:tblBorders><w:tblLayout w:type="fixed"/>${mar}</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  );
  out.push(`<w:tr><w:trPr><w:cantSplit/>${TABLE.headerRepeat ? '<w:tblHeader/>' : ''}</w:trPr>${t.header.map((c) => cellXml(c, true, '')).join('')}</w:tr>`);

  // Cells still covered from rows above: column → [the restart cell, rows left]
  const open = new Map<number, { cell: TableCell; left: number }>();
  t.rows.forEach((row, ri) => {
    // most rows: nothing covered from above, no cell spanning rows, cells in column order
    if (open.size === 0 && row.every((c, k) => c.rowSpan === 1 && (k === 0 || row[k - 1].col < c.col))) {
      let cells = '';
      for (const c of row) cells += cellXml(c, false, '');
      out.push(`<w:tr><w:trPr><w:cantSplit w:val="off"/></w:trPr>${cells}</w:tr>`);
      return;
    }
    const isLast = ri === t.rows.length - 1;
    const entries: { col: number; xml: string }[] = [];
    for (const [col, o] of open) entries.push({ col, xml: cellXml(o.cell, false, 'continue') });
    for (const c of row) {
      const spans = c.rowSpan > 1 && !isLast;
      entries.push({ col: c.col, xml: cellXml(c, false, c.rowSpan > 1 ? 'restart' : '') });
      if (spans) open.set(c.col, { cell: c, left: c.rowSpan });
    }
    for (const [col, o] of [...open]) {
      // a restart cell opened in this row counts this row; continuation rows count down to 1
      if (--o.left <= 0) open.delete(col);
    }
    entries.sort((a, b) => a.col - b.col);
    out.push(`<w:tr><w:trPr><w:cantSplit w:val="off"/></w:trPr>${entries.map((e) => e.xml).join('')}</w:tr>`);
  });
  out.push('</w:tbl>');
  const chunks: string[] = [];
  for (let i = 0; i < out.length; i += 500) chunks.push(out.slice(i, i + 500).join(''));
  return chunks;
}
