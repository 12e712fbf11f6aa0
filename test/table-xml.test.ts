import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, Packer } from 'docx';
import { tableXml } from '../src/write/table-xml.js';
import { dataTable } from '../src/write/docx-compile.js';
import type { Table, TableCell } from '../src/model/model.js';

/** docx's own XML for a table: the reference the streamed writer must equal. */
function docxXml(t: Table): string {
  const compiler = (Packer as unknown as { compiler: { compile(d: Document): Map<string, string> } }).compiler;
  const xml = String(compiler.compile(new Document({ sections: [{ children: [dataTable(t)] }] })).get('word/document.xml'));
  return xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>') + 8);
}

const text = fc.string({ unit: fc.constantFrom('a', 'ệ', 'Đ', ' ', '&', '<', '>', '"', "'", '1'), minLength: 0, maxLength: 8 });
const para = fc.record({
  style: fc.constantFrom('Bang' as const, 'BangDau' as const),
  runs: fc.array(fc.record({ text, bold: fc.option(fc.boolean(), { nil: undefined }), italic: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['text'] }), { minLength: 0, maxLength: 3 }),
});

/** A random table whose spans are consistent: each row fills the columns not covered from above. */
const table = fc
  .record({
    cols: fc.integer({ min: 1, max: 5 }),
    rows: fc.integer({ min: 1, max: 6 }),
    seed: fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), { minLength: 40, maxLength: 40 }),
    paras: fc.array(fc.array(para, { minLength: 1, maxLength: 2 }), { minLength: 40, maxLength: 40 }),
    align: fc.array(fc.constantFrom(undefined, 'left', 'center', 'right', 'both'), { minLength: 40, maxLength: 40 }),
  })
  .map(({ cols, rows, seed, paras, align }) => {
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
        let span = 1;
        while (span < seed[k % 40][0] && c + span < cols && covered[c + span] === 0) span++;
        const rowSpan = Math.min(seed[k % 40][1], rows - r);
        row.push({ col: c, colSpan: span, rowSpan, align: align[k % 40] as TableCell['align'], paras: paras[k % 40].map((p) => ({ type: 'paragraph', ...p })) });
        for (let s = 0; s < span; s++) covered[c + s] = rowSpan;
        c += span;
        k++;
      }
      for (let c = 0; c < cols; c++) if (covered[c] > 0) covered[c]--;
      out.push(row);
    }
    const t: Table = {
      type: 'table',
      columnsMm: Array.from({ length: cols }, (_, i) => 20 + i * 7),
      header: Array.from({ length: cols }, (_, col) => ({ col, rowSpan: 1, colSpan: 1, align: 'center' as const, paras: [{ type: 'paragraph' as const, style: 'BangDau' as const, runs: [{ text: `Cột ${col}` }] }] })),
      rows: out,
    };
    return t;
  });

describe('streamed appendix tables', () => {
  it('equal the XML the docx library writes for the same table', () => {
    fc.assert(
      fc.property(table, (t) => {
        expect(tableXml(t).join('')).toBe(docxXml(t));
      }),
      { numRuns: 300 },
    );
  });
});
