// derive: a unit's plan from its department's plan. A pure function (no files, no clock), like
// changesets' assembleReleasePlan: department plan + unit profile + options → unit plan (input form,
// ready to be written as YAML) with a note of where each derived part came from.
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isWeekend } from 'date-fns/isWeekend';
import { parseISO } from 'date-fns/parseISO';
import type { InputBlock, InputPlan, InputReport, Role } from '../plan/schema.js';
import type { Plan } from '../plan/normalize.js';
import { isNumbered, roman } from '../plan/normalize.js';
import { plainText, unbalancedMarkup } from '../text/inline.js';
import { twoDigits } from '../text/dates.js';
import { upperVi } from '../text/normalize-text.js';
import type { UnitProfile } from '../plan/profile.js';

export interface DeriveOptions {
  /** The unit plan's date (YYYY-MM-DD); when absent, the department plan's month with the day blank. */
  date?: string;
  /** Wording from the templates (mo-dau-trien-khai, ket-thuc-trien-khai, bao-cao-don-vi). */
  wording: {
    opening: (ctx: { don_vi: string; trich_yeu: string }) => string;
    closing: (ctx: { don_vi: string }) => string;
    report: (ctx: { cap_tren: string }) => string;
  };
}

export interface Problem {
  in: 'ke-hoach' | 'ho-so';
  path: (string | number)[];
  rule: string;
  message: string;
}

export interface Derived {
  plan: InputPlan;
  /** Data path in the derived plan → where it came from ("từ mục II.2, Kế hoạch 13/KH-SYT"). */
  notes: { path: (string | number)[]; note: string }[];
  /** What the clerk should check (a deadline kept as the parent's). */
  warnings: Problem[];
}

/** Fixed public holidays (Bộ luật Lao động 2019, Điều 112) as MM-DD; lunar holidays move every year. */
const FIXED_HOLIDAYS = new Set(['01-01', '04-30', '05-01', '09-02']);

/** `days` earlier, then back to the previous working day if that falls on a weekend or a fixed holiday. */
export function earlierWorkingDay(iso: string, days: number): string {
  let d = addDays(parseISO(iso), -days);
  while (isWeekend(d) || FIXED_HOLIDAYS.has(format(d, 'MM-dd'))) d = addDays(d, -1);
  return format(d, 'yyyy-MM-dd');
}

type Block = InputBlock;
const isObj = (b: unknown): b is Record<string, unknown> => !!b && typeof b === 'object' && !Array.isArray(b);

export function derive(dept: InputPlan, deptPlan: Plan, unit: UnitProfile, opts: DeriveOptions): Derived | { problems: Problem[] } {
  const problems: Problem[] = [];
  const same = (a: string, b: string) => a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');
  if (!same(unit.cap_tren, deptPlan.ten_co_quan)) {
    problems.push({
      in: 'ho-so',
      path: ['cap_tren'],
      rule: 'cap-tren',
      message: `hồ sơ ghi cơ quan cấp trên "${unit.cap_tren}", nhưng kế hoạch do "${deptPlan.ten_co_quan}" ban hành; hãy kiểm tra đúng kế hoạch, hoặc sửa cap_tren (hoặc ten_co_quan của kế hoạch).`,
    });
  }
  if (deptPlan.so === null || !deptPlan.ngay || deptPlan.ngay.length < 10) {
    problems.push({
      in: 'ke-hoach',
      path: deptPlan.so === null ? [] : ['ngay'],
      rule: 'chua-co-so',
      message: 'kế hoạch cấp trên chưa có số hoặc ngày ban hành đầy đủ, nên không trích dẫn được; hãy điền "so:" và "ngay:" theo bản đã ký.',
    });
  }
  const unitTasks = findUnitTasks(dept.noi_dung);
  if (unitTasks.length === 0) {
    problems.push({
      in: 'ke-hoach',
      path: ['noi_dung'],
      rule: 'khong-co-nhiem-vu',
      message: 'kế hoạch cấp trên không giao nhiệm vụ nào cho đơn vị trực thuộc (không có khoản "don_vi" với "cap: truc_thuoc"); không có gì để triển khai.',
    });
  }
  if (problems.length) return { problems };

  const soKyHieu = `${twoDigits(deptPlan.so!)}/${deptPlan.ky_hieu}`;
  const cite = `${deptPlan.ten_loai} ${soKyHieu}`;
  // A substitution that leaves a * open (thanh: "**cải") would make the derived plan invalid: it is the
  // profile's mistake, reported at the substitution, once.
  const broken = new Set<number>();
  const subst = (s: string) =>
    (unit.thay_the ?? []).reduce((acc, r, i) => {
      const out = acc.split(r.tu).join(r.thanh);
      if (out !== acc && unbalancedMarkup(out) && !unbalancedMarkup(acc)) broken.add(i);
      return out;
    }, s);
  const notes: Derived['notes'] = [];
  const admin = unit.bo_phan.find((b) => b.hanh_chinh)!;
  const margin = unit.bao_cao_truoc ?? 5;

  // The unit's responsibilities: each task the department gave its units goes to the unit's department
  // whose keywords it mentions, else to the administrative department; reports move earlier.
  const byDept = new Map<string, Block[]>();
  const reports: InputReport[] = [];
  // A deadline moved earlier stays on or after the unit plan's date (the parent's when --date is not given).
  const floor = opts.date ?? deptPlan.ngay!;
  const warnings: Problem[] = [];
  for (const { task, path } of unitTasks.flatMap((u) => u.tasks.map((task, i) => ({ task, path: [...u.path, i, 'bao_cao', 'ky'] })))) {
    if (isObj(task) && 'bao_cao' in task) {
      const r = task.bao_cao as InputReport;
      const ky = r.ky.map((k, i) => {
        const moved = earlierWorkingDay(k.han, margin);
        if (moved >= floor) return { ten: k.ten, han: moved, moc: 'trước ngày' };
        const at = { in: 'ke-hoach' as const, path: [...path, i, 'han'] };
        if (k.han < floor) {
          problems.push({ ...at, rule: 'han-da-qua', message: `hạn báo cáo ${k.han} của kế hoạch cấp trên đã qua ngày của kế hoạch đơn vị (${floor}): đơn vị không còn hạn nào để báo cáo kỳ "${k.ten}"; hãy chọn --date sớm hơn, hoặc soạn rồi bỏ kỳ này khỏi kế hoạch đơn vị.` });
        } else {
          warnings.push({ ...at, rule: 'han-giu-nguyen', message: `hạn báo cáo ${k.han} đưa sớm ${margin} ngày thì rơi vào ${moved}, trước ngày của kế hoạch đơn vị (${floor}); giữ hạn của cấp trên, hãy xem lại.` });
        }
        return { ten: k.ten, han: k.han, moc: 'trước ngày' };
      });
      reports.push({
        truoc: opts.wording.report({ cap_tren: deptPlan.ten_co_quan }),
        ky,
        sau: '.',
        gui: deptPlan.ten_co_quan,
        nghieng: r.nghieng,
      });
      continue;
    }
    const text = plainText(allText(task)).toLocaleLowerCase('vi');
    const to = unit.bo_phan.find((b) => (b.tu_khoa ?? []).some((k) => text.includes(k.toLocaleLowerCase('vi')))) ?? admin;
    byDept.set(to.ten, [...(byDept.get(to.ten) ?? []), mapTexts(task, subst)]);
  }
  if (problems.length) return { problems };
  const adminTasks = byDept.get(admin.ten) ?? [];
  const responsibilities: Block[] = [
    {
      don_vi: admin.ten,
      ma: admin.viet_tat,
      cap: 'co_quan',
      noi_dung: [...adminTasks, ...reports.map((r) => ({ bao_cao: r, gach: true }) as Block)],
    },
    ...unit.bo_phan
      .filter((b) => b !== admin && byDept.has(b.ten))
      .map((b) => ({ don_vi: b.ten, ma: b.viet_tat, cap: 'co_quan' as const, noi_dung: byDept.get(b.ten)! })),
  ];
  const taskSources = unitTasks.map((u) => u.where).join(', ');

  // Sections: everything is kept (with the unit's wording) except the responsibilities, which become
  // the unit's own. A section that holds the responsibilities as one of its khoản keeps the others.
  const sections: InputPlan['noi_dung'] = [];
  dept.noi_dung.forEach((s, si) => {
    const numeral = roman(si + 1);
    const out = sections.length;
    if (s.phan === 'to_chuc_thuc_hien') {
      sections.push({ ...(s.muc ? { muc: subst(s.muc) } : {}), phan: 'to_chuc_thuc_hien', noi_dung: responsibilities });
      notes.push({ path: ['noi_dung', out], note: `nhiệm vụ của đơn vị, từ ${taskSources}, ${cite}; bộ phận theo hồ sơ đơn vị` });
      return;
    }
    let k = 0;
    const children = (s.noi_dung ?? []).map((b, bi) => {
      const isKhoan = isNumbered(b);
      if (isKhoan) k++;
      if (isObj(b) && (b as { phan?: Role }).phan === 'to_chuc_thuc_hien') {
        notes.push({ path: ['noi_dung', out, 'noi_dung', bi], note: `nhiệm vụ của đơn vị, từ ${taskSources}, ${cite}` });
        return { ...(b as object), noi_dung: responsibilities } as Block;
      }
      if (isKhoan) notes.push({ path: ['noi_dung', out, 'noi_dung', bi], note: `từ mục ${numeral}.${k}, ${cite}` });
      return mapTexts(b, subst);
    });
    sections.push({ ...mapTexts(s, subst), noi_dung: children });
    notes.push({ path: ['noi_dung', out], note: `từ mục ${numeral}, ${cite}` });
  });

  const appendices = (dept.phu_luc ?? []).flatMap((a, ai) => {
    const keys = (unit.tu_khoa_phu_luc ?? ['đơn vị']).map((k) => k.toLocaleLowerCase('vi'));
    const hang = (a.hang ?? []).filter((r) => keys.some((k) => plainText(JSON.stringify(r)).toLocaleLowerCase('vi').includes(k)));
    if (hang.length === 0) return [];
    notes.push({ path: ['phu_luc', ai], note: `các hàng liên quan đến đơn vị, từ phụ lục ${ai + 1}, ${cite}` });
    return [{ ...a, tieu_de: subst(a.tieu_de), hang: hang.map((r) => mapTexts(r as unknown as Block, subst) as unknown as typeof r) }];
  });

  const plan: InputPlan = {
    co_quan_chu_quan: upperVi(unit.cap_tren),
    co_quan_ban_hanh: unit.ten_dong ?? upperVi(unit.ten),
    ten_co_quan: unit.ten,
    viet_tat: unit.viet_tat,
    dia_danh: unit.dia_danh,
    ngay: opts.date ?? deptPlan.ngay!.slice(0, 7),
    trich_yeu: subst(dept.trich_yeu),
    can_cu: [
      {
        mo_dau: 'Thực hiện',
        van_ban: [
          {
            loai: deptPlan.ten_loai,
            so_ky_hieu: soKyHieu,
            ngay: deptPlan.ngay!,
            co_quan: deptPlan.ten_co_quan,
            trich_yeu: dept.trich_yeu,
          },
        ],
      },
    ],
    mo_dau: [opts.wording.opening({ don_vi: unit.ten, trich_yeu: subst(dept.trich_yeu) })],
    noi_dung: sections,
    ket_thuc: [opts.wording.closing({ don_vi: unit.ten })],
    noi_nhan: [
      { ten: deptPlan.ten_co_quan, muc_dich: 'báo cáo' },
      ...(unit.lanh_dao ?? []),
      ...unit.bo_phan.map((b) => b.noi_nhan ?? b.ten),
      ...(unit.noi_nhan ?? []),
    ],
    luu: ['VT', admin.viet_tat],
    nguoi_ky: unit.nguoi_ky,
    ...(appendices.length ? { phu_luc: appendices } : {}),
  };
  if (broken.size) {
    return {
      problems: [...broken].map((i) => ({
        in: 'ho-so' as const,
        path: ['thay_the', i, 'thanh'],
        rule: 'thay-the-dinh-dang',
        message: `thay "${unit.thay_the![i].tu}" bằng "${unit.thay_the![i].thanh}" để lại dấu * (in đậm/nghiêng) mở mà không đóng trong kế hoạch soạn ra; hãy viết **chữ đậm** hoặc *chữ nghiêng* cho đủ cặp, hoặc \\* để in dấu sao.`,
      })),
    };
  }
  return { plan, notes, warnings };
}

/** The don_vi blocks given to subordinate units (cap: truc_thuoc), with where they stand. */
function findUnitTasks(sections: InputPlan['noi_dung']): { tasks: Block[]; where: string; path: (string | number)[] }[] {
  const out: { tasks: Block[]; where: string; path: (string | number)[] }[] = [];
  const walk = (bs: Block[] | undefined, where: string, path: (string | number)[]) => {
    let k = 0;
    bs?.forEach((b, i) => {
      if (!isObj(b)) return;
      const numbered = isNumbered(b);
      if (numbered) k++;
      const here = numbered ? `${where}.${k}` : where;
      const children = (b as { noi_dung?: Block[] }).noi_dung;
      const at = [...path, i, 'noi_dung'];
      if ('don_vi' in b && b.cap === 'truc_thuoc') out.push({ tasks: children ?? [], where: `mục ${here}`, path: at });
      else if (Array.isArray(children)) walk(children, here, at);
    });
  };
  sections.forEach((s, i) => walk(s.noi_dung, roman(i + 1), ['noi_dung', i, 'noi_dung']));
  return out;
}

/** Every string of a block, joined: what keyword matching reads. */
function allText(b: unknown): string {
  if (typeof b === 'string') return b;
  if (Array.isArray(b)) return b.map(allText).join(' ');
  if (isObj(b)) return Object.values(b).map(allText).join(' ');
  return '';
}

/** A copy of a block with `f` applied to every text in it (not to keys, roles or dates). */
function mapTexts<T>(b: T, f: (s: string) => string): T {
  const SKIP = new Set(['phan', 'cap', 'ma', 'han', 'ngay', 'so_ky_hieu', 'kieu_ngay', 'noi', 'moc']);
  const go = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key && SKIP.has(key) ? v : f(v);
    if (Array.isArray(v)) return v.map((x) => go(x));
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, go(x, k)]));
    return v;
  };
  return go(b) as T;
}
