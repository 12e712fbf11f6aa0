// The table grid (src/plan/grid.ts) is what both validation and the normalised plan use: a table that
// validates is laid out with every column of every row covered exactly once.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../src/plan/validate.js';
import type { Appendix } from '../src/plan/normalize.js';
import { tableGrid } from '../src/plan/grid.js';
import { exampleFiles, ROOT } from './helpers.js';

/** Per row, how many cells cover each column (row spans from above included). */
function coverage(t: Appendix): number[][] {
  const carried: number[] = new Array(t.cot.length).fill(0);
  return t.hang.map((row) => {
    const cover: number[] = carried.map((n) => (n > 0 ? 1 : 0));
    for (const cell of row.o) {
      for (let k = cell.cot; k < cell.cot + cell.gop_cot; k++) {
        cover[k] = (cover[k] ?? 0) + 1;
        carried[k] = cell.gop_hang;
      }
    }
    for (let k = 0; k < carried.length; k++) if (carried[k] > 0) carried[k]--;
    return cover;
  });
}

const rules = join(ROOT, 'test', 'fixtures', 'rules');
const plans = [
  ...exampleFiles(),
  ...['bang-o', 'bang-gop-cot', 'bang-gop-hang'].flatMap((id) => readdirSync(join(rules, id)).filter((f) => f.startsWith('ok')).map((f) => join(rules, id, f))),
];

describe('table grid', () => {
  it.each(plans)('%s: every column of every row covered once', (f) => {
    const r = checkText(f, readFileSync(f, 'utf8'));
    expect(r.plan).toBeDefined();
    for (const t of r.plan!.phu_luc) for (const cover of coverage(t)) expect(cover).toEqual(new Array(t.cot.length).fill(1));
  });

  it('a column span into a row span from above is an overlap, once, and the rows after it are unaffected', () => {
    // rows [A, {B, gop_hang: 2}, C] then [{X, gop_cot: 2}, Y] in 3 columns: today's main laid them out as 4 columns
    const g = tableGrid([['A', { gop_hang: 2 }, 'C'], [{ gop_cot: 2 }, 'Y'], ['a', 'b', 'c']], 3);
    expect(g.problems).toEqual([{ kind: 'overlap', row: 1, cell: 0, col: 1, colSpan: 2 }]);
    expect(g.starts).toEqual([[0, 1, 2], [], [0, 1, 2]]);
  });

  it('cells after a row span from above start after it', () => {
    const g = tableGrid([[{ gop_hang: 3 }, 'b', 'c'], ['y', 'z'], [{ gop_cot: 2 }]], 3);
    expect(g.problems).toEqual([]);
    expect(g.starts).toEqual([[0, 1, 2], [1, 2], [1]]);
  });
});
