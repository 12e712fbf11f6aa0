// A table's column widths, the one home of them: the model lays a table out by them, and validate warns
// when a table's words cannot fit its page (Word then breaks words in the middle, which no plan should show).
import type { Block, Plan, TableSpec } from '../plan/normalize.js';
import { plainText } from '../text/inline.js';
import { LANDSCAPE_TEXT_MM, textWidth, type LayoutWarning } from './header-fit.js';
import { textWidthMm } from './metrics.js';
import { TABLE } from './stylesheet.js';

/** The widest word of a column (its title bold), with the cell's padding: narrower, a word breaks mid-word. */
function longestWordMm(a: TableSpec, col: number): number {
  // each distinct word measured once, in a loop: a long table repeats its words, and a spread of
  // every word of 5,000 rows into Math.max would pass the engine's limit on arguments
  const widest = (texts: Iterable<string>, bold: boolean) => {
    const words = new Set<string>();
    for (const t of texts) for (const w of plainText(t).split(/\s+/)) words.add(w);
    let max = 0;
    for (const w of words) max = Math.max(max, textWidthMm(w, TABLE.sizePt, bold));
    return max;
  };
  const cells = a.hang.flatMap((r) => r.o.filter((o) => o.cot === col && o.gop_cot === 1).flatMap((o) => o.noi_dung));
  return Math.max(widest([a.cot[col].ten], true), widest(cells, false)) + 2 * TABLE.cellPaddingMm + 1;
}

/**
 * Widths in proportion to `weights`, none below its minimum: what a narrow column lacks, the wide ones give.
 * When the minimums cannot all be met, the columns whose longest words overshoot their share most are held to
 * their share (their words break there), until the others' minimums fit: one long address breaks, not every
 * column's words.
 */
function fitColumns(weights: number[], wantMm: number[], avail: number): number[] {
  const mm = weights.map((w) => (w / weights.reduce((x, y) => x + y, 0)) * avail);
  const minMm = [...wantMm];
  let total = minMm.reduce((x, y) => x + y, 0);
  for (const i of minMm.map((_, i) => i).sort((x, y) => wantMm[y] - mm[y] - (wantMm[x] - mm[x]))) {
    if (total <= avail || minMm[i] <= mm[i]) break;
    total -= minMm[i] - mm[i];
    minMm[i] = mm[i];
  }
  const short = mm.reduce((n, w, i) => n + Math.max(0, minMm[i] - w), 0);
  const spare = mm.reduce((n, w, i) => n + Math.max(0, w - minMm[i]), 0);
  // (a hair of tolerance: minimums that fill the width exactly leave spare and short equal but for rounding)
  if (short === 0 || spare < short - 1e-6) return mm;
  return mm.map((w, i) => (w < minMm[i] ? minMm[i] : w - ((w - minMm[i]) / spare) * short));
}

/**
 * A column's default relative width: narrow for a number column (STT, TT, Số TT), else growing with the
 * cells' mean length (sub-linearly), so "Nội dung" is wide and "Thời gian" narrow (issue 20 item 5).
 */
function contentWeight(a: TableSpec, col: number): number {
  if (/^(stt|tt|số tt)$/i.test(a.cot[col].ten.trim())) return 12;
  const texts = a.hang.flatMap((r) => r.o.filter((o) => o.cot === col && o.gop_cot === 1).map((o) => o.noi_dung.join(' ')));
  const mean = texts.length ? texts.reduce((n, t) => n + t.length, 0) / texts.length : a.cot[col].ten.length;
  return Math.min(100, Math.max(20, 4 * Math.max(mean, a.cot[col].ten.length / 2) ** 0.7));
}

const measured = new WeakMap<TableSpec, { availMm: number; widths: { columnsMm: number[]; neededMm: number } }>();

/**
 * The widths of a table's columns across `availMm`; `neededMm`: what its longest words need, more than
 * `availMm` when they cannot all fit (then only the columns that overshoot most break their words).
 */
export function columnWidths(a: TableSpec, availMm: number): { columnsMm: number[]; neededMm: number } {
  // measured once per table: validate's warning and the model ask for the same table (every word of it)
  const known = measured.get(a);
  if (known?.availMm === availMm) return known.widths;
  const weights = a.cot.map((c, col) => c.rong ?? contentWeight(a, col));
  const minMm = a.cot.map((_, col) => longestWordMm(a, col));
  const widths = { columnsMm: fitColumns(weights, minMm, availMm), neededMm: minMm.reduce((x, y) => x + y, 0) };
  measured.set(a, { availMm, widths });
  return widths;
}

/** Every table of a plan with the path of its columns (`cot`) and the width of its page's text. */
function tablesOf(plan: Plan): [(string | number)[], TableSpec, number][] {
  const out: [(string | number)[], TableSpec, number][] = [];
  const blocks = (bs: Block[], at: (string | number)[], availMm: number): void =>
    bs.forEach((b, i) => {
      if ('bang' in b) out.push([[...at, i, 'bang', 'cot'], b.bang, availMm]);
      else if ('noi_dung' in b) blocks(b.noi_dung, [...at, i, 'noi_dung'], availMm);
    });
  const textMm = textWidth(plan);
  blocks(plan.mo_dau, ['mo_dau'], textMm);
  plan.noi_dung.forEach((s, i) => {
    blocks(s.noi_dung, ['noi_dung', i, 'noi_dung'], textMm);
    s.cac_muc.forEach((m, k) => blocks(m.noi_dung, ['noi_dung', i, 'cac_muc', k, 'noi_dung'], textMm));
  });
  blocks(plan.ket_thuc, ['ket_thuc'], textMm);
  plan.phu_luc.forEach((a, i) => {
    const availMm = a.ngang ? LANDSCAPE_TEXT_MM : textMm;
    blocks(a.noi_dung, ['phu_luc', i, 'noi_dung'], availMm);
    if (a.cot.length) out.push([['phu_luc', i, 'cot'], a, availMm]);
    blocks(a.ghi_chu, ['phu_luc', i, 'ghi_chu'], availMm);
  });
  return out;
}

/** Tables whose longest words need more than their page's width: where, and what to do. */
export function tableWarnings(plan: Plan): LayoutWarning[] {
  return tablesOf(plan).flatMap(([path, t, availMm]) => {
    const { neededMm } = columnWidths(t, availMm);
    if (neededMm <= availMm) return [];
    const inBody = path.includes('bang');
    const turn = inBody ? 'hoặc chuyển bảng thành một phụ lục in trang ngang' : availMm < LANDSCAPE_TEXT_MM ? 'hoặc in phụ lục này trang ngang (huong: ngang)' : 'hoặc tách bảng thành hai phụ lục';
    return [{ path, rule: 'bang-qua-rong', message: `bảng ${t.cot.length} cột không vừa trang: chữ dài nhất của mỗi cột cần ${Math.round(neededMm)} mm, trang chỉ rộng ${Math.round(availMm)} mm (chữ ${TABLE.sizePt} pt), Word sẽ ngắt chữ giữa từ; hãy bớt cột, viết tắt tên cột dài, ${turn}.` }];
  });
}
