// ô 2 against its column: the agency lines step one size down (13 → 12 pt, [R] 12–13) when a line
// would wrap; when even 12 pt wraps, Word breaks the name wherever the column ends ("… HỒ CHÍ / MINH"),
// which the decree's form never shows. That is a warning (the plan is still valid) saying where the
// line would break and how to write the name as lines of the writer's choosing.
import type { Message } from '../messages.js';
import type { Plan } from '../plan/normalize.js';
import { locator, type Checked } from '../plan/validate.js';
import { decode } from '../read/source.js';
import { textWidthMm } from './metrics.js';
import { HEADER, PAGE } from './stylesheet.js';
import { tableWarnings } from './columns.js';

export const AGENCY_SIZES = [13, 12];

/** The header's columns for a text width: the right one holds the Quốc hiệu and the date. */
export function headerColumns(textMm: number): { leftMm: number; rightMm: number } {
  const rightMm = Math.min(HEADER.rightColMm, textMm * 0.64);
  return { leftMm: textMm - rightMm, rightMm };
}

/** The text width of the plan's pages. */
export function textWidth(plan: Plan): number {
  return PAGE.widthMm - plan.trinh_bay.le_trai - plan.trinh_bay.le_phai;
}

/** The text width of a landscape page (an appendix turned across). */
export const LANDSCAPE_TEXT_MM = PAGE.heightMm - PAGE.landscapeMargins.left - PAGE.landscapeMargins.right;

/** Room for a line in a header column: the column less its cells' padding. */
export const roomIn = (columnMm: number): number => columnMm - HEADER.cellPaddingMm * 2;

/** A header line and how it prints. */
export interface HeaderLine {
  text: string;
  bold: boolean;
  italic?: boolean;
}

/** Largest size in `sizes` at which every line fits `availMm`; the smallest when none does (it wraps). */
export function fitSize(lines: readonly HeaderLine[], sizes: number[], availMm: number): number {
  for (const s of sizes) if (lines.every((l) => textWidthMm(l.text, s, l.bold, l.italic) <= availMm)) return s;
  return sizes[sizes.length - 1];
}

/** ô 2's lines as they print: the superior agency upright (CoQuanChuQuan), the issuer bold (CoQuanBanHanh). */
export const agencyLines = (plan: Pick<Plan, 'co_quan_chu_quan' | 'co_quan_ban_hanh'>): HeaderLine[] => [
  ...plan.co_quan_chu_quan.map((text) => ({ text, bold: false })),
  ...plan.co_quan_ban_hanh.map((text) => ({ text, bold: true })),
];

export interface LayoutWarning {
  /** Where in the plan: the key (and line) of the name. */
  path: (string | number)[];
  rule: string;
  message: string;
}

/** The words of `line` that fit `availMm` at `sizePt`: where Word ends the first line. */
function firstLine(words: string[], sizePt: number, bold: boolean, availMm: number): number {
  let n = 1;
  while (n < words.length && textWidthMm(words.slice(0, n + 1).join(' '), sizePt, bold) <= availMm) n++;
  return n;
}

// Where agency names break by meaning: before "VÀ", "VỀ" and the name of an administrative unit
// ("ỦY BAN NHÂN DÂN / TỈNH SƠN LA", "BỘ NÔNG NGHIỆP / VÀ MÔI TRƯỜNG"), or after a comma.
const BREAK_BEFORE = new Set(['VÀ', 'VỀ', 'CỦA', 'TẠI', 'THUỘC', 'TỈNH', 'THÀNH', 'HUYỆN', 'QUẬN', 'THỊ', 'XÃ', 'PHƯỜNG']);
/** A signer's title also breaks before the body it names: "TUQ. CHỦ TỊCH / ỦY BAN NHÂN DÂN TỈNH", "GIÁM ĐỐC / SỞ Y TẾ". */
export const SIGNER_BREAK_BEFORE = new Set([...BREAK_BEFORE, 'ỦY', 'UỶ', 'UBND', 'HỘI', 'SỞ', 'BỘ', 'CỤC', 'TRUNG', 'BỆNH', 'TRƯỜNG']);

/**
 * Words set in lines of at most `availMm`: the fewest lines, then the least `cost` (of a line that starts at word
 * `j` and is `w` mm wide; undefined: no line starts there), then the most even (its shortest line the longest; on a
 * tie, the line started earlier when `earlierOnTie`, else later). The lines' first words; undefined when no layout
 * fits. One word more in front only makes a line wider, so each line's start is sought back only as far as the line
 * fits: linear in the words for lines of a bounded width.
 */
function layout(words: string[], sizePt: number, bold: boolean, availMm: number, earlierOnTie: boolean, cost: (j: number, w: number) => number | undefined): number[] | undefined {
  type Layout = { breaks: number[]; cost: number; shortest: number };
  const better = (a: Layout, b: Layout) => a.breaks.length - b.breaks.length || a.cost - b.cost || b.shortest - a.shortest;
  // best[i]: the best layout of words[0..i)
  const best: (Layout | undefined)[] = [{ breaks: [], cost: 0, shortest: Infinity }];
  for (let i = 1; i <= words.length; i++) {
    for (let j = i - 1; j >= 0; j--) {
      const w = textWidthMm(words.slice(j, i).join(' '), sizePt, bold);
      if (w > availMm) break;
      const prev = best[j];
      const c = prev && cost(j, w);
      if (!prev || c === undefined) continue;
      const cand = { breaks: [...prev.breaks, j], cost: prev.cost + c, shortest: Math.min(prev.shortest, w) };
      const cur = best[i];
      // (the starts are tried from the latest back)
      if (!cur || better(cand, cur) < 0 || (earlierOnTie && better(cand, cur) === 0)) best[i] = cand;
    }
  }
  return best[words.length]?.breaks;
}

/** The lines that start at `breaks`. */
const linesAt = (words: string[], breaks: number[]): string[] => breaks.map((start, k) => words.slice(start, breaks[k + 1] ?? words.length).join(' '));

/**
 * The fewest lines that each fit, every break at a place where the name breaks by meaning (the most
 * even such layout); undefined when there is none (the clerk then chooses where).
 */
export function meaningfulLines(words: string[], sizePt: number, bold: boolean, availMm: number, breakBefore: ReadonlySet<string> = BREAK_BEFORE): string[] | undefined {
  const goodBreak = (k: number): boolean => breakBefore.has(words[k]) || words[k - 1].endsWith(',');
  const breaks = layout(words, sizePt, bold, availMm, true, (j) => (j === 0 || goodBreak(j) ? 0 : undefined));
  return breaks && breaks.length <= 3 ? linesAt(words, breaks) : undefined;
}

/** A dash standing between two words or figures ("2026 – 2027", "kinh tế - xã hội"): no line ends or starts with it. */
const DASH = /^[-–—]$/u;
/** Where a title's sentence breaks by meaning: before these words (a preposition, a date, a period), or after a comma. */
const TITLE_BREAK_BEFORE = new Set(['về', 'của', 'trên', 'tại', 'nhằm', 'ngày', 'giai', 'đến', 'cho', 'và', 'theo', 'trong', 'với', 'để']);
/** Less good, still whole: before a two-syllable word that opens a title's phrase ("… / thực hiện công tác …"). */
const TITLE_PHRASES = new Set([
  ...['thực hiện', 'triển khai', 'tổ chức', 'công tác', 'bảo vệ', 'phát triển', 'tăng cường', 'nâng cao', 'đẩy mạnh', 'phòng, chống'],
  ...['phòng chống', 'tuyên truyền', 'kiểm tra', 'xây dựng', 'quản lý', 'quy định'],
  // a document the title names
  ...['nghị quyết', 'nghị định', 'quyết định', 'chỉ thị', 'thông tư', 'kế hoạch', 'chương trình', 'đề án'],
]);
/** The words a figure belongs to: "số 180/2026/NĐ-CP", "ngày 21", "tháng 5", "năm 2026" are never cut. */
const BEFORE_FIGURE = new Set(['số', 'ngày', 'tháng', 'năm', 'khóa', 'khoá', 'kỳ']);

/**
 * A centred title written as one string, in lines a reader takes in: as many lines as the page needs, none ending
 * or starting at a dash between words, each break where the sentence breaks by meaning (before "về", "của",
 * "ngày", "giai đoạn" …, after a comma) where it can be, else before a phrase ("thực hiện", "công tác" …) rather
 * than inside one, and of those the most even layout (its shortest line the longest; a line under a third of the
 * page costs as a break inside a phrase). Word fills each line in turn instead, cuts
 * "cộng đồng" or a date in two and leaves a year alone ("… giai đoạn 2026 –" / "2027"). The text as it is when it
 * fits on one line, has no such layout, or carries inline marks (they may not be cut).
 */
export function balancedLines(text: string, sizePt: number, bold: boolean, availMm: number): string[] {
  const words = text.split(/ +/u).filter(Boolean);
  if (/[*\\]/u.test(text) || words.length < 2 || textWidthMm(words.join(' '), sizePt, bold) <= availMm) return [text];
  const allowed = (k: number): boolean => !DASH.test(words[k]) && !DASH.test(words[k - 1]);
  // what a break before words[k] costs: none where the sentence breaks, 1 before a phrase, 2 inside one, 4 between
  // a figure and its word
  const cost = (k: number): number => {
    if (/^\d/u.test(words[k]) && BEFORE_FIGURE.has(words[k - 1].toLocaleLowerCase('vi'))) return 4;
    if (TITLE_BREAK_BEFORE.has(words[k].toLocaleLowerCase('vi')) || /[,;:]$/u.test(words[k - 1])) return 0;
    return TITLE_PHRASES.has(`${words[k]} ${words[k + 1] ?? ''}`.toLocaleLowerCase('vi')) ? 1 : 2;
  };
  // (a line under a third of the page costs as a break inside a phrase)
  const short = availMm / 3;
  const breaks = layout(words, sizePt, bold, availMm, false, (j, w) => (j > 0 && !allowed(j) ? undefined : (j > 0 ? cost(j) : 0) + (w < short ? 2 : 0)));
  return breaks ? linesAt(words, breaks) : [text];
}

/** A YAML flow-list item: quoted when it holds what would end or open one. */
const flowItem = (s: string): string => (/[,:[\]{}#"']/.test(s) ? JSON.stringify(s) : s);

/** Agency lines (ô 2) that wrap even at the smallest size: where they break, and a list to write instead. */
export function agencyWarnings(plan: Plan, input: { co_quan_chu_quan?: unknown; co_quan_ban_hanh?: unknown }): LayoutWarning[] {
  const avail = roomIn(headerColumns(textWidth(plan)).leftMm);
  const size = fitSize(agencyLines(plan), AGENCY_SIZES, avail);
  const out: LayoutWarning[] = [];
  for (const key of ['co_quan_chu_quan', 'co_quan_ban_hanh'] as const) {
    const given = input[key];
    const bold = key === 'co_quan_ban_hanh';
    plan[key].forEach((line, i) => {
      if (textWidthMm(line, size, bold) <= avail) return;
      const words = line.split(/\s+/);
      const n = firstLine(words, size, bold, avail);
      const shown = `${words.slice(0, n).join(' ')} / ${words.slice(n).join(' ')}`;
      const lines = meaningfulLines(words, size, bold, avail);
      const advice = lines
        ? `hãy viết thành các dòng do mình chọn, ví dụ ${key}: [${[...plan[key].slice(0, i), ...lines, ...plan[key].slice(i + 1)].map(flowItem).join(', ')}]`
        : `hãy viết thành danh sách các dòng, ngắt ở chỗ hợp nghĩa: ${key}: [dòng 1, dòng 2]`;
      out.push({
        path: Array.isArray(given) ? [key, i] : [key],
        rule: 'ten-co-quan-dai',
        message: `tên cơ quan quá dài cho cột trái của phần đầu (${Math.round(avail)} mm, chữ ${size} pt): Word sẽ ngắt dòng thành "${shown}"; ${advice}.`,
      });
    });
  }
  return out;
}

/**
 * A plan without ten_co_quan names itself in sentences by its header lines, in capitals: an appendix's reference
 * line would read "(Kèm theo Kế hoạch số … của SỞ Y TẾ)", where ND30 writes the name in normal case.
 */
export function nameWarnings(plan: Plan, input: { ten_co_quan?: unknown }): LayoutWarning[] {
  if (input.ten_co_quan !== undefined || plan.quyet_dinh || !plan.phu_luc.some((a) => a.tham_chieu === null)) return [];
  return [
    {
      path: ['co_quan_ban_hanh'],
      rule: 'thieu-ten-co-quan',
      message: `không có ten_co_quan: dòng tham chiếu của phụ lục sẽ ghi tên cơ quan in hoa ("… của ${plan.co_quan_ban_hanh.join(' ')})"); hãy thêm ten_co_quan: tên viết như trong câu (ví dụ "Sở Y tế").`,
    },
  ];
}

/** A checked plan with its layout warnings added, each at the line and column of what it is about. */
export function withLayoutWarnings(file: string, bytes: Uint8Array, checked: Checked): Checked {
  if (!checked.plan || !checked.input) return checked;
  const found = [...agencyWarnings(checked.plan, checked.input), ...nameWarnings(checked.plan, checked.input), ...tableWarnings(checked.plan)];
  if (!found.length) return checked;
  const at = locator(file, decode(file, bytes).text ?? '');
  const warnings: Message[] = found.map((w) => ({ file, ...at(w.path), severity: 'cảnh báo', rule: w.rule, message: w.message }));
  return { ...checked, messages: [...checked.messages, ...warnings] };
}
