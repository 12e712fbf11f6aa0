// The normalised plan: what every stage after validation reads. It keeps the plan format's own
// Vietnamese keys (the ones clerks write and --template authors see), so a template receives a part of
// the plan as it is. Defaults are filled (null where a template tests for an absent value), names
// upper-cased where ND30 wants capitals, numbering computed from position, recipients split into name
// and purpose, tables (an appendix's, or a "bang" in the body) resolved into a grid (grid.ts, the one the
// validation rules use).
import type { InputBlock, InputPlan, InputRow, InputTable, LetterForm, Role } from './schema.js';
import { flatRows, spanOf, tableGrid } from './grid.js';
import { nameCase, ndSpelling, upperVi } from '../text/normalize-text.js';

type Align = 'trai' | 'giua' | 'phai' | 'deu';

/** A cited document: what van-ban-can-cu.hbs receives. */
export interface Citation {
  loai: string;
  so_ky_hieu: string | null;
  ngay: string | null;
  co_quan: string | null;
  trich_yeu: string | null;
  lien_tu: string;
  kieu_ngay: 'so' | 'chu';
  chu_so: boolean;
}

export interface BasisGroup {
  mo_dau: string;
  van_ban: (string | Citation)[];
  tach_dong: boolean;
  dau_cuoi: string;
  /** The sentence that follows the bases in the same paragraph, or null. */
  cau_tiep: string | null;
}

/** A reporting sentence: what bao-cao.hbs receives (with the plan's year added). */
export interface Report {
  truoc: string;
  ky: { ten: string; han: string; moc: string }[];
  noi: 'và' | ',';
  sau: string;
  gui: string | null;
  nghieng: boolean;
}

/** A block of the body; `so` is its number computed from position ("1.2.", "a)"). */
export type Block =
  | { doan: string }
  | { giua: string }
  | { bao_cao: Report; gach: boolean }
  | { bang: TableSpec }
  | { gach: string; noi_dung: Block[] }
  | { cong: string; noi_dung: Block[] }
  | { diem: string; so: string; noi_dung: Block[] }
  | { don_vi: string; so: string; ma?: string; cap?: 'truc_thuoc' | 'co_quan' | 'phoi_hop'; noi_dung: Block[] }
  | { khoan: string; so: string; phan?: Role; tieu_de: boolean; cung_dong?: string; noi_dung: Block[] };

/**
 * A top-level division, by `cap`: a part above the Roman numerals ("A."), a Roman section ("I."), or, in a
 * plan with no Roman level, a section printed as a khoản ("1. Mục tiêu").
 */
export interface Section {
  so: string;
  cap: 'phan_lon' | 'muc' | 'khoan';
  muc: string;
  phan?: Role;
  cung_dong?: string;
  noi_dung: Block[];
  /** A part's Roman sections (numbered from I. in each part). */
  cac_muc: Section[];
}

export interface Recipient {
  ten: string;
  muc_dich: string | null;
}

export interface Signer {
  thay_mat: string | null;
  quyen_han: 'KT' | 'TL' | 'TUQ' | 'Q' | null;
  thu_truong: string | null;
  /** One line, or several joined by "\n" (a head who holds two titles). */
  chuc_vu: string | null;
  ho_ten: string;
  duoi_ten: string[];
}

/** A cell that starts in a row, at column `cot`; covered positions are absent. */
export interface Cell {
  cot: number;
  noi_dung: string[];
  gop_hang: number;
  gop_cot: number;
  can?: Align;
  /** A group row's cell: bold. */
  dam?: boolean;
}

export interface TableRow {
  o: Cell[];
  hang_con: boolean;
}

/** A table's columns and its rows placed on the grid: an appendix's table, or one in the body. */
export interface TableSpec {
  cot: { ten: string; rong?: number; can?: Align }[];
  hang: TableRow[];
  /** A row "(1) (2) (3) …" under the column titles, repeated with them ('tru_stt': the first column's cell blank, numbering from the next). */
  so_cot: boolean | 'tru_stt';
}

export interface Appendix extends TableSpec {
  tieu_de: string;
  /** The issuer's own reference line, in place of the generated one. */
  tham_chieu: string | null;
  /** Body-like content before the table (or instead of it: `cot` empty). */
  noi_dung: Block[];
  ghi_chu: Block[];
  /** A signature block to be filled in ("LÃNH ĐẠO ĐƠN VỊ", "(Ký tên, đóng dấu)"). */
  ky_ten: string[];
  ngang: boolean;
}

/** The decision that issues the plan (spec §8a); the document's số, date, nơi nhận and signer are its. */
export interface Decision {
  /** The trích yếu as one sentence (citations, document properties). */
  trich_yeu: string;
  /** Its lines as the writer broke them (one when the writer left it to the page). */
  trich_yeu_dong: string[];
  tham_quyen: string;
  can_cu: BasisGroup[];
  de_nghi: string | null;
  dieu: string[];
  kieu_ngay: 'so' | 'chu';
  dau_trang_ke_hoach: boolean;
}

export interface Plan {
  co_quan_chu_quan: string[];
  co_quan_ban_hanh: string[];
  ten_co_quan: string;
  so: number | null;
  ky_hieu: string;
  dia_danh: string;
  ngay: string | null;
  ten_loai: string;
  /** The trích yếu as one sentence (citations, document properties). */
  trich_yeu: string;
  /** Its lines as the writer broke them (one when the writer left it to the page). */
  trich_yeu_dong: string[];
  can_cu: BasisGroup[];
  mo_dau: Block[];
  noi_dung: Section[];
  ket_thuc: Block[];
  noi_nhan: Recipient[];
  luu: string[];
  nguoi_ky: Signer;
  phu_luc: Appendix[];
  quyet_dinh: Decision | null;
  trinh_bay: { co_chu: 13 | 14; le_tren: number; le_duoi: number; le_trai: number; le_phai: number };
}

/** Vietnamese letter order for điểm: no f, j, w, z; đ after d. */
export const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** a) … y), then aa), ab) … yy), aaa) …: every index has a letter, as spreadsheet columns do. */
export function letter(i: number): string {
  const n = VI_LETTERS.length;
  return (i >= n ? letter(Math.floor(i / n) - 1) : '') + VI_LETTERS[i % n];
}

export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

const lines = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A cell given as text or lines: empty lines dropped, unless the cell is one empty line. */
const plainCell = (ls: string[]) => ({ noi_dung: ls.filter((x) => x !== '' || ls.length === 1), gop_hang: 1, gop_cot: 1 });

/** Whether a block takes the next khoản number (1., 1.1.): a khoản (by title or by part) or a unit. */
export const isNumbered = (b: InputBlock): boolean => typeof b === 'object' && ('khoan' in b || 'phan' in b || 'don_vi' in b);

function blocks(input: InputBlock[] | undefined, prefix: string, form: LetterForm = 'a)'): Block[] {
  let numbered = 0;
  let lettered = 0;
  const sub = (b: { noi_dung?: InputBlock[]; kieu_diem?: LetterForm }, p: string) => blocks(b.noi_dung, p, b.kieu_diem ?? form);
  return (input ?? []).map((b): Block => {
    const so = isNumbered(b) ? `${prefix}${++numbered}.` : '';
    if (typeof b === 'string') return { doan: b };
    if ('doan' in b || 'giua' in b) return b;
    if ('bang' in b) return { bang: table(b.bang) };
    if ('bao_cao' in b) {
      const r = b.bao_cao;
      const ky = r.ky.map((k) => ({ ten: k.ten, han: k.han, moc: k.moc ?? 'trước ngày' }));
      return { bao_cao: { truoc: r.truoc, ky, noi: r.noi ?? 'và', sau: r.sau ?? '', gui: r.gui ?? null, nghieng: !!r.nghieng }, gach: !!b.gach };
    }
    if ('gach' in b) return { gach: b.gach, noi_dung: sub(b, prefix) };
    if ('cong' in b) return { cong: b.cong, noi_dung: sub(b, prefix) };
    if ('diem' in b) return { diem: b.diem, so: letter(lettered++) + form.slice(1), noi_dung: sub(b, prefix) };
    if ('don_vi' in b) return { ...b, so, noi_dung: sub(b, so) };
    // an empty khoản: the template gives the part's default title
    const { kieu_diem: _, ...k } = b;
    return { ...k, khoan: b.khoan ?? '', so, tieu_de: b.tieu_de ?? true, noi_dung: sub(b, so) };
  });
}

function recipient(r: string | { ten: string; muc_dich?: string }): Recipient {
  if (typeof r !== 'string') return { ten: r.ten, muc_dich: r.muc_dich ?? null };
  // "Sở Nội vụ (để báo cáo);": the last bracket holds the purpose (found from the end: a lazy match
  // before "\s*" would cost quadratic time on a long run of spaces)
  const t = r.trimEnd().replace(/[;.]$/, '').trimEnd();
  const m = /\(([^()]+)\)$/.exec(t);
  return m ? { ten: t.slice(0, m.index).trimEnd(), muc_dich: m[1] } : { ten: r.replace(/[;.]$/, ''), muc_dich: null };
}

/** Whether an appendix's page is turned across when the plan does not say (huong): 6 columns or more, or wider than the page. */
export const acrossByDefault = (columns: readonly { rong?: number }[]): boolean => columns.length >= 6 || columns.reduce((s, c) => s + (c.rong ?? 25), 0) > 165;

function table(a: Partial<InputTable>): TableSpec {
  const columns = (a.cot ?? []).map((c) => (typeof c === 'string' ? { ten: c } : c));
  const offset = a.so_thu_tu ? 1 : 0;
  const dataCols = columns.length - offset;
  const flat = flatRows(a.hang ?? []);
  // a group row is one bold cell across the data columns
  const grid = tableGrid(flat.map((f) => (f.row.nhom !== undefined ? [{ gop_cot: dataCols }] : f.row.o ?? [])), dataCols);
  // the STT of each row in the plan's form: "1" or "1.", sub-rows "1.1", "a)" or "-" (flatRows' order)
  const dot = a.so_thu_tu === '1' ? '' : '.';
  const numbers: string[] = [];
  const number = (rs: readonly InputRow[], prefix: string, sub: boolean) =>
    rs.forEach((r, i) => {
      if (!r || typeof r !== 'object') return;
      const num = !sub ? `${i + 1}${dot}` : a.stt_con === 'a)' ? `${letter(i)})` : a.stt_con === '-' ? '-' : `${prefix}${i + 1}`;
      numbers.push(num);
      if (r.con) number(r.con, `${num.replace(/\.$/, '')}.`, true);
    });
  number(a.hang ?? [], '', false);
  const rows: TableRow[] = flat.map(({ row, sub }, r) => {
    const cells: Cell[] = [];
    if (a.so_thu_tu) cells.push({ cot: 0, noi_dung: [numbers[r]], gop_hang: 1, gop_cot: 1, can: 'giua' });
    if (row.nhom !== undefined) {
      cells.push({ cot: offset, noi_dung: [row.nhom], gop_hang: 1, gop_cot: dataCols, dam: true });
      return { o: cells, hang_con: sub };
    }
    ((row.o ?? []) as (string | string[] | { noi_dung: string | string[]; can?: Align })[]).forEach((raw, c) => {
      const cot = grid.starts[r][c] + offset;
      if (typeof raw === 'string' || Array.isArray(raw)) cells.push({ cot, ...plainCell(lines(raw)) });
      else {
        const { rowSpan, colSpan } = spanOf(raw);
        cells.push({ cot, noi_dung: lines(raw.noi_dung), gop_hang: rowSpan, gop_cot: colSpan, can: raw.can });
      }
    });
    return { o: cells, hang_con: sub };
  });
  return { cot: columns, hang: rows, so_cot: a.so_cot === 'tru_stt' ? a.so_cot : !!a.so_cot };
}

function appendix(a: NonNullable<InputPlan['phu_luc']>[number]): Appendix {
  const t = table(a);
  return {
    tieu_de: a.tieu_de,
    tham_chieu: a.tham_chieu ?? null,
    noi_dung: blocks(a.noi_dung, ''),
    ghi_chu: blocks(a.ghi_chu, ''),
    ky_ten: lines(a.ky_ten),
    ...t,
    ngang: a.huong ? a.huong === 'ngang' : acrossByDefault(t.cot),
  };
}

type InputSection = InputPlan['noi_dung'][number];

/** Numbers from position, in the plan's scheme (danh_so): A. above I., or 1. with no Roman level. */
function sections(p: InputPlan, upper: (s: string) => string): Section[] {
  const form = p.danh_so?.diem ?? 'a)';
  const one = (s: InputSection, so: string, cap: Section['cap'], title: string): Section => {
    const { phan_lon: _p, cac_muc: _c, kieu_diem, ...rest } = s;
    // in a plan with no Roman level, a section is numbered as a khoản and its khoản as 1.1.
    return { ...rest, so, cap, muc: title, noi_dung: blocks(s.noi_dung, cap === 'khoan' ? so : '', kieu_diem ?? form), cac_muc: [] };
  };
  const romanSection = (s: InputSection, i: number) => one(s, `${roman(i + 1)}.`, 'muc', s.muc ? upper(s.muc) : '');
  return p.noi_dung.map((s, i) => {
    if (s.phan_lon !== undefined) return { ...one(s, `${letter(i).toUpperCase()}.`, 'phan_lon', upper(s.phan_lon)), cac_muc: (s.cac_muc ?? []).map(romanSection) };
    if (p.danh_so?.muc === 'so') return one(s, `${i + 1}.`, 'khoan', s.muc ?? '');
    return romanSection(s, i);
  });
}

/** `lastEnd`: how the last group ends unless it says (";" when "Theo đề nghị của …" follows it). */
function basisGroups(gs: InputPlan['can_cu'], lastEnd = '.'): BasisGroup[] {
  return (gs ?? []).map((g, i, all) => ({
    mo_dau: g.mo_dau,
    tach_dong: !!g.tach_dong,
    dau_cuoi: g.dau_cuoi ?? (i === all.length - 1 ? lastEnd : '.'),
    cau_tiep: g.cau_tiep ?? null,
    van_ban: g.van_ban.map((v) =>
      typeof v === 'string'
        ? v
        : { so_ky_hieu: null, ngay: null, co_quan: null, trich_yeu: null, ...v, lien_tu: v.lien_tu ?? 'về', kieu_ngay: v.kieu_ngay ?? 'so', chu_so: v.chu_so ?? true },
    ),
  }));
}

function decision(d: InputPlan['quyet_dinh']): Decision | null {
  if (!d) return null;
  return {
    trich_yeu: lines(d.trich_yeu).join(' '),
    trich_yeu_dong: lines(d.trich_yeu),
    tham_quyen: d.tham_quyen,
    can_cu: basisGroups(d.can_cu, d.de_nghi ? ';' : '.'),
    de_nghi: d.de_nghi ?? null,
    dieu: d.dieu,
    kieu_ngay: d.kieu_ngay ?? 'chu',
    dau_trang_ke_hoach: d.dau_trang_ke_hoach ?? true,
  };
}

/** Turn a validated input plan into the normalised Plan. Pure: no files, no clock. */
export function normalizePlan(p: InputPlan): Plan {
  const upper = (s: string) => ndSpelling(upperVi(s));
  const upperOrNull = (s: string | undefined) => (s ? upper(s) : null);
  const co_quan_ban_hanh = lines(p.co_quan_ban_hanh).map(upper);
  const k = p.nguoi_ky;
  const tb = p.trinh_bay ?? {};
  return {
    co_quan_chu_quan: lines(p.co_quan_chu_quan).map(upper),
    co_quan_ban_hanh,
    ten_co_quan: p.ten_co_quan ?? co_quan_ban_hanh.join(' '),
    so: p.so ?? null,
    ky_hieu: p.ky_hieu ?? `${p.quyet_dinh ? 'QĐ' : 'KH'}-${p.viet_tat}`,
    dia_danh: p.dia_danh,
    ngay: p.ngay ?? null,
    ten_loai: p.ten_loai ?? 'Kế hoạch',
    trich_yeu: lines(p.trich_yeu).join(' '),
    trich_yeu_dong: lines(p.trich_yeu),
    can_cu: basisGroups(p.can_cu),
    mo_dau: blocks(p.mo_dau, ''),
    noi_dung: sections(p, upper),
    ket_thuc: blocks(p.ket_thuc, ''),
    noi_nhan: p.noi_nhan.map(recipient),
    luu: (Array.isArray(p.luu) ? p.luu : p.luu.split(/\s*,\s*/)).map((s) => s.replace(/[.;]$/, '')),
    nguoi_ky: {
      thay_mat: upperOrNull(k.thay_mat),
      quyen_han: k.quyen_han ?? null,
      thu_truong: upperOrNull(k.thu_truong),
      chuc_vu: k.chuc_vu === undefined ? null : lines(k.chuc_vu).map(upper).join('\n'),
      ho_ten: nameCase(k.ho_ten),
      duoi_ten: lines(k.duoi_ten).map(upper),
    },
    phu_luc: (p.phu_luc ?? []).map(appendix),
    quyet_dinh: decision(p.quyet_dinh),
    trinh_bay: { co_chu: tb.co_chu ?? 14, le_tren: tb.le_tren ?? 20, le_duoi: tb.le_duoi ?? 20, le_trai: tb.le_trai ?? 30, le_phai: tb.le_phai ?? 15 },
  };
}
