// The grid of an appendix table: the column where each cell starts, once the row spans (gop_hang)
// carried down from the rows above and the column spans (gop_cot) are counted. Validation reports
// the grid's problems (plan/rules.ts) and normalize places cells by it: one computation, so the two
// cannot disagree.

export interface Span {
  rowSpan: number;
  colSpan: number;
}

export type GridProblem =
  /**
   * The cell, which would start at column `col`, starts or ends past the last column (`carried`:
   * some columns of the row are taken by row spans from above).
   */
  | { kind: 'overflow'; row: number; cell: number; col: number; colSpan: number; carried: boolean }
  /** The cell's gop_cot covers column `col`, still taken by a gop_hang from a row above. */
  | { kind: 'overlap'; row: number; cell: number; col: number; colSpan: number }
  /** The row leaves columns empty (`filled` of them taken, row spans from above included). */
  | { kind: 'short'; row: number; filled: number }
  /** The cell's gop_hang goes past the last row (`left` rows from this one). */
  | { kind: 'rowspan'; row: number; cell: number; rowSpan: number; left: number };

export interface Grid {
  /** Per row, the start column of each cell placed (a row stops at its first overflow or overlap). */
  starts: number[][];
  problems: GridProblem[];
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1);

/** A cell's spans as written ({noi_dung, gop_hang, gop_cot}); 1 and 1 for text or lines. */
export function spanOf(cell: unknown): Span {
  if (!cell || typeof cell !== 'object' || Array.isArray(cell)) return { rowSpan: 1, colSpan: 1 };
  const c = cell as { gop_hang?: unknown; gop_cot?: unknown };
  return { rowSpan: count(c.gop_hang), colSpan: count(c.gop_cot) };
}

/** A table's rows in reading order (each row, then its sub-rows), with STT numbers and data paths under `hang`. */
export interface FlatRow<R> {
  row: R;
  path: (string | number)[];
  number: string;
  sub: boolean;
}

export function flatRows<R extends { con?: unknown }>(rows: readonly R[]): FlatRow<R>[] {
  const out: FlatRow<R>[] = [];
  const visit = (rs: readonly unknown[], path: (string | number)[], prefix: string, sub: boolean) =>
    rs.forEach((r, i) => {
      if (!r || typeof r !== 'object' || Array.isArray(r)) return;
      const number = sub ? `${prefix}${i + 1}` : `${i + 1}.`;
      out.push({ row: r as R, path: [...path, i], number, sub });
      const con = (r as R).con;
      if (Array.isArray(con)) visit(con, [...path, i, 'con'], number.endsWith('.') ? number : `${number}.`, true);
    });
  visit(rows, [], '', false);
  return out;
}

/** Place the cells of `rows` (each a list of cells) in a table `width` columns wide. */
export function tableGrid(rows: readonly (readonly unknown[])[], width: number): Grid {
  const carried = new Array<number>(width).fill(0); // rows still covered by a row span, per column
  const origin = new Array<string>(width).fill(''); // the cell ("row:cell") whose span covers it
  const blamed = new Set<string>();
  const starts: number[][] = [];
  const problems: GridProblem[] = [];
  /**
   * A problem caused by row spans from above (columns `cols`) is reported once per span: the rows
   * after it that the same span pushes out of place get no knock-on message.
   */
  const report = (g: GridProblem, cols: number[]) => {
    const spans = cols.map((k) => origin[k]);
    if (spans.length && spans.every((o) => blamed.has(o))) return;
    spans.forEach((o) => blamed.add(o));
    problems.push(g);
  };
  rows.forEach((cells, r) => {
    const at: number[] = [];
    starts.push(at);
    const above = carried.flatMap((n, k) => (n > 0 ? [k] : []));
    const fromAbove = above.length > 0;
    let col = 0;
    const skip = () => {
      while (col < width && carried[col] > 0) col++;
    };
    skip();
    let placed = true;
    for (let c = 0; c < cells.length; c++) {
      const { rowSpan, colSpan } = spanOf(cells[c]);
      if (col + colSpan > width) {
        let blocked = -1;
        for (let k = col; k < width && blocked < 0; k++) if (carried[k] > 0) blocked = k;
        if (blocked >= 0) report({ kind: 'overlap', row: r, cell: c, col: blocked, colSpan }, [blocked]);
        else report({ kind: 'overflow', row: r, cell: c, col, colSpan, carried: fromAbove }, above);
        placed = false;
        break;
      }
      let blocked = -1;
      for (let k = col; k < col + colSpan && blocked < 0; k++) if (carried[k] > 0) blocked = k;
      if (blocked >= 0) {
        report({ kind: 'overlap', row: r, cell: c, col: blocked, colSpan }, [blocked]);
        placed = false;
        break;
      }
      if (rowSpan > rows.length - r) problems.push({ kind: 'rowspan', row: r, cell: c, rowSpan, left: rows.length - r });
      for (let k = 0; k < colSpan; k++) (carried[col + k] = rowSpan), (origin[col + k] = `${r}:${c}`);
      at.push(col);
      col += colSpan;
      skip();
    }
    if (placed && cells.length > 0) {
      const filled = carried.filter((n) => n > 0).length;
      if (filled < width) problems.push({ kind: 'short', row: r, filled });
    }
    for (let k = 0; k < width; k++) if (carried[k] > 0) carried[k]--;
  });
  return { starts, problems };
}
