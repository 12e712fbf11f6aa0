// Appendix tables with merged cells, as docx writes them: every row of the .docx covers the table's
// columns exactly, each cell where the model puts it, a cell spanning rows continued below it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { checkBytes } from '../src/plan/validate.js';
import { buildModel, loadTemplates } from '../src/write/index.js';
import { renderDocx } from '../src/write/docx.js';
import type { Table, TableCell } from '../src/model/model.js';
import { exampleFiles, unzip } from './helpers.js';

const base = buildModel(checkBytes(exampleFiles()[0], readFileSync(exampleFiles()[0])).plan!, loadTemplates());

/** A random table whose spans are consistent: each row fills the columns not covered from above. */
const table = fc
  .record({
    cols: fc.integer({ min: 1, max: 5 }),
    rows: fc.integer({ min: 1, max: 6 }),
    spans: fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), { minLength: 40, maxLength: 40 }),
  })
  .map(({ cols, rows, spans }): Table => {
    const covered = new Array(cols).fill(0);
    let k = 0;
    const out: TableCell[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: TableCell[] = [];
      for (let c = 0; c < cols; ) {
        if (covered[c] > 0) {
          c++;
          continue;
        }
        let colSpan = 1;
        while (colSpan < spans[k][0] && c + colSpan < cols && covered[c + colSpan] === 0) colSpan++;
        const rowSpan = Math.min(spans[k][1], rows - r);
        row.push({ col: c, colSpan, rowSpan, paras: [{ type: 'paragraph', style: 'Bang', runs: [{ text: `ô${k}` }] }] });
        for (let s = 0; s < colSpan; s++) covered[c + s] = rowSpan;
        c += colSpan;
        k++;
      }
      for (let c = 0; c < cols; c++) if (covered[c] > 0) covered[c]--;
      out.push(row);
    }
    const header = Array.from({ length: cols }, (_, col): TableCell => ({ col, rowSpan: 1, colSpan: 1, align: 'center', paras: [{ type: 'paragraph', style: 'BangDau', runs: [{ text: `Cột ${col}` }] }] }));
    return { type: 'table', columnsMm: Array.from({ length: cols }, (_, i) => 20 + i * 7), header, rows: out };
  });

type Slot = { col: number; span: number; merge: string; text: string };

/** Each row of the last table in document.xml: its cells with the column each starts at. */
function rowsOf(xml: string): Slot[][] {
  const tbl = xml.slice(xml.lastIndexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>'));
  return tbl
    .split('<w:tr>')
    .slice(1)
    .map((tr) => {
      let col = 0;
      return [...tr.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map(([, tc]) => {
        const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1);
        const merge = /<w:vMerge w:val="(\w+)"\/>/.exec(tc)?.[1] ?? (/<w:vMerge\/>/.test(tc) ? 'continue' : '');
        const slot = { col, span, merge, text: [...tc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') };
        col += span;
        return slot;
      });
    });
}

/** What the model says each row holds: its own cells, and a continuation under each cell spanning rows. */
function expected(t: Table): Slot[][] {
  const open: { cell: TableCell; until: number }[] = [];
  return [t.header, ...t.rows].map((row, r) => {
    const slots: Slot[] = open.filter((o) => o.until >= r).map((o) => ({ col: o.cell.col, span: o.cell.colSpan, merge: 'continue', text: '' }));
    for (const c of row) {
      slots.push({ col: c.col, span: c.colSpan, merge: c.rowSpan > 1 ? 'restart' : '', text: c.paras[0].runs[0].text });
      if (c.rowSpan > 1) open.push({ cell: c, until: r + c.rowSpan - 1 });
    }
    return slots.sort((a, b) => a.col - b.col);
  });
}

describe('appendix tables with merged cells', () => {
  it('every row covers the columns exactly, each cell in its place', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const model = { ...base, appendices: [{ landscape: false, heading: [], table: t }] };
        const xml = unzip(Buffer.from(await renderDocx(model, new Date('2020-01-01T00:00:00Z')))).get('word/document.xml')!;
        const rows = rowsOf(xml);
        for (const row of rows) expect(row.reduce((n, s) => n + s.span, 0)).toBe(t.columnsMm.length);
        expect(rows).toEqual(expected(t));
      }),
      { numRuns: 60 },
    );
  });
});
