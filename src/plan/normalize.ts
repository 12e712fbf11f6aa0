// The normalised plan: what every stage after validation reads (a separate type from what the clerk
// writes). Defaults are filled, names upper-cased where ND30 wants capitals, numbering computed from
// position, recipients split into name and purpose, appendix tables resolved into a grid.
import type { InputBlock, InputPlan, InputReport, Role } from './schema.js';
import { flatRows, spanOf, tableGrid } from './grid.js';
import { ndSpelling, upperVi } from '../text/normalize-text.js';

export interface Citation {
  kind: string;
  number?: string;
  date?: string;
  issuer?: string;
  subject?: string;
  connective: string;
  dateStyle: 'so' | 'chu';
}

export interface BasisGroup {
  opening: string;
  items: ({ type: 'citation' } & Citation | { type: 'text'; text: string })[];
  oneByLine: boolean;
  end: string;
}

export interface ReportPeriod {
  name: string;
  due: string;
  mark: string;
}

export interface Report {
  before: string;
  periods: ReportPeriod[];
  joiner: 'và' | ',';
  after: string;
  to?: string;
  italic: boolean;
}

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'item'; marker: string; level: 'khoan' | 'diem' | 'gach' | 'cong'; text: string; heading: boolean; role?: Role; inline?: string; children: Block[] }
  | { type: 'unit'; marker: string; name: string; code?: string; scope?: 'truc_thuoc' | 'co_quan' | 'phoi_hop'; children: Block[] }
  | { type: 'report'; bullet: boolean; report: Report };

export interface Section {
  numeral: string;
  title: string;
  role?: Role;
  inline?: string;
  children: Block[];
}

export interface Recipient {
  name: string;
  purpose?: string;
}

export interface Signer {
  collective?: string;
  authority?: 'KT' | 'TL' | 'TUQ' | 'Q';
  head?: string;
  title?: string;
  name: string;
}

export interface Cell {
  lines: string[];
  rowSpan: number;
  colSpan: number;
  align?: 'trai' | 'giua' | 'phai' | 'deu';
}

export interface TableRow {
  /** Cells that start in this row, in column order; covered positions are absent. */
  cells: { col: number; cell: Cell }[];
  sub: boolean;
}

export interface Appendix {
  title: string;
  columns: { name: string; width?: number; align?: 'trai' | 'giua' | 'phai' | 'deu' }[];
  rows: TableRow[];
  landscape: boolean;
}

export interface Plan {
  superior: string[];
  issuer: string[];
  issuerName: string;
  number?: number;
  symbol: string;
  place: string;
  date?: string;
  kind: string;
  subject: string;
  bases: BasisGroup[];
  opening: Block[];
  sections: Section[];
  closing: Block[];
  recipients: Recipient[];
  storage: string[];
  signer: Signer;
  appendices: Appendix[];
  layout: { fontSize: 13 | 14; marginsMm: { top: number; bottom: number; left: number; right: number } };
}


/** Vietnamese letter order for điểm: no f, j, w, z; đ after d. */
export const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

export function letter(i: number): string {
  // a) … y), then aa), ab) … for the rare list longer than the alphabet
  const n = VI_LETTERS.length;
  return i < n ? VI_LETTERS[i] : VI_LETTERS[Math.floor(i / n) - 1] + VI_LETTERS[i % n];
}

export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

const lines = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A cell given as text or lines: empty lines dropped, unless the cell is one empty line. */
const plainCell = (ls: string[]): Cell => ({ lines: ls.filter((x) => x !== '' || ls.length === 1), rowSpan: 1, colSpan: 1 });

/** Whether a block takes the next khoản number (1., 1.1.): a khoản (by title or by part) or a unit. */
export const isNumbered = (b: InputBlock): boolean => typeof b === 'object' && ('khoan' in b || 'phan' in b || 'don_vi' in b);

function blocks(input: InputBlock[] | undefined, prefix: string): Block[] {
  const out: Block[] = [];
  let numbered = 0;
  let lettered = 0;
  for (const b of input ?? []) {
    const num = isNumbered(b) ? `${prefix}${++numbered}` : '';
    if (typeof b === 'string') out.push({ type: 'paragraph', text: b });
    else if ('doan' in b) out.push({ type: 'paragraph', text: b.doan });
    else if ('bao_cao' in b) out.push({ type: 'report', bullet: !!b.gach, report: report(b.bao_cao) });
    else if ('gach' in b) out.push({ type: 'item', marker: '-', level: 'gach', text: b.gach, heading: false, children: blocks(b.noi_dung, prefix) });
    else if ('cong' in b) out.push({ type: 'item', marker: '+', level: 'cong', text: b.cong, heading: false, children: blocks(b.noi_dung, prefix) });
    else if ('diem' in b) {
      out.push({ type: 'item', marker: `${letter(lettered++)})`, level: 'diem', text: b.diem, heading: false, children: blocks(b.noi_dung, prefix) });
    } else if ('don_vi' in b) {
      out.push({ type: 'unit', marker: `${num}.`, name: b.don_vi, code: b.ma, scope: b.cap, children: blocks(b.noi_dung, `${num}.`) });
    } else {
      const text = b.khoan ?? ''; // empty: the template gives the part's default title
      out.push({
        type: 'item',
        marker: `${num}.`,
        level: 'khoan',
        text,
        heading: b.tieu_de ?? true,
        role: b.phan,
        inline: b.cung_dong,
        children: blocks(b.noi_dung, `${num}.`),
      });
    }
  }
  return out;
}

function report(r: InputReport): Report {
  return {
    before: r.truoc,
    periods: r.ky.map((k) => ({ name: k.ten, due: k.han, mark: k.moc ?? 'trước ngày' })),
    joiner: r.noi ?? 'và',
    after: r.sau ?? '',
    to: r.gui,
    italic: !!r.nghieng,
  };
}

function recipient(r: string | { ten: string; muc_dich?: string }): Recipient {
  if (typeof r !== 'string') return { name: r.ten, purpose: r.muc_dich };
  const m = /^(.*?)\s*\(([^()]+)\)\s*[;.]?$/.exec(r);
  return m ? { name: m[1], purpose: m[2] } : { name: r.replace(/[;.]$/, '') };
}

function table(a: NonNullable<InputPlan['phu_luc']>[number]): Appendix {
  const columns = a.cot.map((c) => (typeof c === 'string' ? { name: c } : { name: c.ten, width: c.rong, align: c.can }));
  const offset = a.so_thu_tu ? 1 : 0;
  const flat = flatRows(a.hang);
  const grid = tableGrid(flat.map((f) => f.row.o), columns.length - offset);
  const rows: TableRow[] = flat.map(({ row, number, sub }, r) => {
    const cells: TableRow['cells'] = [];
    if (a.so_thu_tu) cells.push({ col: 0, cell: { lines: [number], rowSpan: 1, colSpan: 1, align: 'giua' } });
    (row.o as (string | string[] | { noi_dung: string | string[]; can?: Cell['align'] })[]).forEach((raw, c) => {
      const cell: Cell =
        typeof raw === 'string' || Array.isArray(raw) ? plainCell(lines(raw)) : { lines: lines(raw.noi_dung), ...spanOf(raw), align: raw.can };
      cells.push({ col: grid.starts[r][c] + offset, cell });
    });
    return { cells, sub };
  });
  const wide = columns.length >= 6 || columns.reduce((s, c) => s + (c.width ?? 25), 0) > 165;
  return { title: a.tieu_de, columns, rows, landscape: a.huong ? a.huong === 'ngang' : wide };
}

/** Turn a validated input plan into the normalised Plan. Pure: no files, no clock. */
export function normalizePlan(p: InputPlan): Plan {
  const upper = (s: string) => ndSpelling(upperVi(s));
  const issuer = lines(p.co_quan_ban_hanh).map(upper);
  let sectionNo = 0;
  return {
    superior: lines(p.co_quan_chu_quan).map(upper),
    issuer,
    issuerName: p.ten_co_quan ?? issuer.join(' '),
    number: p.so ?? undefined,
    symbol: p.ky_hieu ?? `KH-${p.viet_tat}`,
    place: p.dia_danh,
    date: p.ngay ?? undefined,
    kind: p.ten_loai ?? 'Kế hoạch',
    subject: p.trich_yeu,
    bases: (p.can_cu ?? []).map((g) => ({
      opening: g.mo_dau,
      oneByLine: !!g.tach_dong,
      end: g.dau_cuoi ?? '.',
      items: g.van_ban.map((v) =>
        typeof v === 'string'
          ? { type: 'text' as const, text: v }
          : {
              type: 'citation' as const,
              kind: v.loai,
              number: v.so_ky_hieu,
              date: v.ngay,
              issuer: v.co_quan,
              subject: v.trich_yeu,
              connective: v.lien_tu ?? 'về',
              dateStyle: v.kieu_ngay ?? 'so',
            },
      ),
    })),
    opening: blocks(p.mo_dau, ''),
    sections: p.noi_dung.map((s) => ({
      numeral: roman(++sectionNo),
      title: s.muc ? upper(s.muc) : '',
      role: s.phan,
      inline: s.cung_dong,
      children: blocks(s.noi_dung, ''),
    })),
    closing: blocks(p.ket_thuc, ''),
    recipients: p.noi_nhan.map(recipient),
    storage: (Array.isArray(p.luu) ? p.luu : p.luu.split(/\s*,\s*/)).map((s) => s.replace(/[.;]$/, '')),
    signer: {
      collective: p.nguoi_ky.thay_mat && upper(p.nguoi_ky.thay_mat),
      authority: p.nguoi_ky.quyen_han,
      head: p.nguoi_ky.thu_truong && upper(p.nguoi_ky.thu_truong),
      title: p.nguoi_ky.chuc_vu && upper(p.nguoi_ky.chuc_vu),
      name: p.nguoi_ky.ho_ten,
    },
    appendices: (p.phu_luc ?? []).map(table),
    layout: {
      fontSize: p.trinh_bay?.co_chu ?? 14,
      marginsMm: {
        top: p.trinh_bay?.le_tren ?? 20,
        bottom: p.trinh_bay?.le_duoi ?? 20,
        left: p.trinh_bay?.le_trai ?? 30,
        right: p.trinh_bay?.le_phai ?? 15,
      },
    },
  };
}
