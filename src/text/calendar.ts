// The Vietnamese working-day calendar of a public office: Saturday and Sunday are the weekly rest
// days; the public holidays of the Labour Code (Bộ luật Lao động 2019, Điều 112) are off, with a day
// in lieu on the next working day when one falls on a rest day (Điều 111); and each year's government
// notice moves Tết and Quốc khánh and swaps days (data/ngay-nghi.yaml, extendable by a unit profile).
// Lunar dates come from date-chinese's Vietnamese calendar (new moons at UTC+7), never from a table.
// Dates are 'YYYY-MM-DD' strings; arithmetic is on whole days since 1970-01-01 taken as UTC, so the
// machine's time zone can never move a date.
// date-chinese ships its types as an ambient module that its package.json exports do not point to.
/// <reference path="../../node_modules/date-chinese/types/index.d.ts" />
import { readFileSync } from 'node:fs';
import { CalendarVietnamese } from 'date-chinese';
import { parse } from 'yaml';
import * as z from 'zod';
import { UsageError } from '../errors.js';
import { installed } from '../install.js';
import { isRealDate, ndNumericDate } from './dates.js';

/** The shipped notice file, as named in messages (relative to the installation). */
export const NOTICE_FILE = 'data/ngay-nghi.yaml';

// ---- days as numbers ----

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
const isoOf = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
const weekdayOf = (n: number): number => (((n + 4) % 7) + 7) % 7;
const isRestDay = (n: number): boolean => weekdayOf(n) === 0 || weekdayOf(n) === 6;
const yearOf = (iso: string): number => Number(iso.slice(0, 4));
/** "05/02/2027" for messages. */
const shown = (n: number): string => ndNumericDate(isoOf(n));
const gregorianDay = (g: { year: number; month: number; day: number }): number => Date.UTC(g.year, g.month - 1, g.day) / DAY_MS;

// ---- the lunar calendar ----

const lunar = new CalendarVietnamese();
const newYears = new Map<number, number>();

/** Day number of mùng 1 Tết of the lunar year that begins in Gregorian `year` (Vietnam, UTC+7). */
function newYearDay(year: number): number {
  let n = newYears.get(year);
  if (n === undefined) {
    lunar.fromJDE(lunar.newYear(year));
    n = gregorianDay(lunar.toGregorian(year));
    newYears.set(year, n);
  }
  return n;
}

/** mùng 1 Tết of the lunar year that begins in `year`, as 'YYYY-MM-DD'. */
export const lunarNewYear = (year: number): string => isoOf(newYearDay(year));

/** `day`/`month` (not leap) of the lunar year that begins in Gregorian `year`, as 'YYYY-MM-DD'. */
export function lunarToSolar(year: number, month: number, day: number): string {
  const [cycle, y] = new CalendarVietnamese().fromJDE(lunar.newYear(year)).get();
  return isoOf(gregorianDay(new CalendarVietnamese(cycle, y, month, 0, day).toGregorian(year)));
}

// ---- the notice file ----

const dateSchema = z
  .string({ error: 'cần một ngày dạng năm-tháng-ngày, ví dụ 2027-02-05.' })
  .refine((s) => s.length === 10 && isRealDate(s), { error: 'không phải ngày có thật dạng năm-tháng-ngày (ví dụ 2027-02-05).' });

/** One day ({ ngay }) or a run of days ({ tu, den }), as a notice writes them. */
const spanSchema = z
  .strictObject({
    ngay: dateSchema.optional(),
    tu: dateSchema.optional(),
    den: dateSchema.optional(),
    ten: z.string().transform((s) => s.normalize('NFC')).optional(),
  })
  .superRefine((s, ctx) => {
    const one = s.ngay !== undefined;
    const run = s.tu !== undefined || s.den !== undefined;
    if (one === run || (run && (s.tu === undefined || s.den === undefined))) {
      ctx.addIssue({ code: 'custom', message: 'ghi một ngày ("ngay: 2027-02-05") hoặc một đợt ("tu: …" và "den: …"), không ghi cả hai.' });
    } else if (run && s.tu! > s.den!) {
      ctx.addIssue({ code: 'custom', path: ['den'], message: `ngày kết thúc ${s.den} đứng trước ngày bắt đầu ${s.tu}; hãy đổi chỗ hai ngày.` });
    } else if (run && dayNumber(s.den!) - dayNumber(s.tu!) > 31) {
      ctx.addIssue({ code: 'custom', path: ['den'], message: 'một đợt nghỉ dài quá 31 ngày; hãy kiểm tra lại năm, tháng.' });
    }
  });

type Span = z.output<typeof spanSchema>;

const yearSchema = z.strictObject({
  /** The notice(s), e.g. "Thông báo số 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ". */
  can_cu: z.string().transform((s) => s.normalize('NFC')).optional(),
  /** The whole Tết break as the notice writes it ("từ ngày … đến hết ngày …"). */
  tet: spanSchema.optional(),
  /** The whole Quốc khánh break (2/9 and the adjacent day the notice chose). */
  quoc_khanh: spanSchema.optional(),
  /** Other days off: swapped days, a 30/4–1/5 break, a day the unit is given. */
  nghi: z.array(spanSchema).optional(),
  /** Weekly rest days that become working days (làm bù for a swapped day). */
  lam_viec: z.array(spanSchema).optional(),
});

export type YearNotice = z.output<typeof yearSchema>;
/** Notices by year ("2027"), as data/ngay-nghi.yaml and a unit profile write them. */
export type Notices = Record<string, YearNotice>;

const inSpan = (s: Span, iso: string): boolean => (s.ngay !== undefined ? s.ngay === iso : s.tu! <= iso && iso <= s.den!);
const spanDays = (s: Span): number[] => {
  const from = dayNumber(s.ngay ?? s.tu!);
  const to = dayNumber(s.ngay ?? s.den!);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
};

/**
 * The notice file's schema (zod), for the shipped file and for a unit profile's own entries: a Tết
 * break must contain mùng 1 Tết of that year and a Quốc khánh break 2/9 of it, so that a notice
 * filed under the wrong year is caught.
 */
export const noticesSchema = z.record(z.string().regex(/^\d{4}$/), yearSchema).superRefine((all, ctx) => {
  for (const [y, n] of Object.entries(all)) {
    const year = Number(y);
    if (year < 1900 || year > 2200) {
      ctx.addIssue({ code: 'custom', path: [y], message: `năm ${y} nằm ngoài khoảng 1900–2200 mà kehoach tính lịch.` });
      continue;
    }
    const tet = lunarNewYear(year);
    if (n.tet && !inSpan(n.tet, tet)) {
      ctx.addIssue({ code: 'custom', path: [y, 'tet'], message: `đợt nghỉ Tết năm ${y} phải chứa mùng 1 Tết (${ndNumericDate(tet)}); hãy kiểm tra năm, tháng của đợt nghỉ.` });
    }
    if (n.quoc_khanh && !inSpan(n.quoc_khanh, `${y}-09-02`)) {
      ctx.addIssue({ code: 'custom', path: [y, 'quoc_khanh'], message: `đợt nghỉ Quốc khánh năm ${y} phải chứa ngày 02/9/${y}.` });
    }
  }
});

// ---- the calendar ----

/** A day off or a working rest day, with what it is ("Giỗ Tổ Hùng Vương", "Nghỉ bù Quốc khánh"). */
export interface Day {
  date: string;
  name: string;
  /** luat: Labour Code; nghi-bu: day in lieu; thong-bao: the year's notice; mac-dinh: assumed, no notice. */
  source: 'luat' | 'nghi-bu' | 'thong-bao' | 'mac-dinh';
}

export interface YearDays {
  year: number;
  /** Days off other than plain Saturdays and Sundays (a notice's break lists all its days), by date. */
  daysOff: Day[];
  /** Saturdays and Sundays that are working days, by date. */
  workingDays: Day[];
  /** In Vietnamese: what was assumed because the year has no notice for it. */
  warnings: string[];
}

interface YearIndex {
  days: YearDays;
  off: Map<number, Day>;
  working: Set<number>;
  /** Assumed days off (and their days in lieu) → the warning that says so. */
  warningOf: Map<number, string>;
}

export interface Calendar {
  notices: Notices;
  /** Computed years, filled on first use. */
  years: Map<number, YearIndex>;
}

/** A calendar from notices (the shipped file's, then a profile's `extra`, which wins for Tết and 2/9). */
export function makeCalendar(notices: Notices, extra: Notices = {}): Calendar {
  const merged: Notices = { ...notices };
  for (const [y, e] of Object.entries(extra)) {
    const n = merged[y] ?? {};
    merged[y] = {
      can_cu: [n.can_cu, e.can_cu].filter(Boolean).join('; ') || undefined,
      tet: e.tet ?? n.tet,
      quoc_khanh: e.quoc_khanh ?? n.quoc_khanh,
      nghi: [...(n.nghi ?? []), ...(e.nghi ?? [])],
      lam_viec: [...(n.lam_viec ?? []), ...(e.lam_viec ?? [])],
    };
  }
  return { notices: merged, years: new Map() };
}

let shipped: Notices | undefined;

/** The calendar of the shipped notice file plus a unit profile's own entries (already validated). */
export function loadCalendar(extra: Notices = {}): Calendar {
  shipped ??= readNotices(readFileSync(installed('data', 'ngay-nghi.yaml'), 'utf8'), NOTICE_FILE);
  return makeCalendar(shipped, extra);
}

/**
 * Notices from YAML text, checked by `noticesSchema`. A broken file is a usage problem (exit 2) that
 * names each entry at fault; a profile's entries are checked with positions by the profile's reader.
 */
export function readNotices(text: string, file: string): Notices {
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true, strict: true }) ?? {};
  } catch (e) {
    throw new UsageError(`${file}: không đọc được YAML (${(e as Error).message.split('\n')[0]}).`);
  }
  const r = noticesSchema.safeParse(data);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const where = i.path.length ? `năm ${i.path.map(String).join(' › ')}` : 'cấp ngoài cùng';
    const what =
      i.code === 'unrecognized_keys'
        ? `khóa lạ ${i.keys.map((k) => `"${k}"`).join(', ')}; chỉ dùng can_cu, tet, quoc_khanh, nghi, lam_viec (và trong mỗi ngày: ngay hoặc tu/den, ten).`
        : i.code === 'invalid_key'
          ? 'cần một năm bốn chữ số, ví dụ "2027:".'
          : i.code === 'invalid_type'
          ? `sai kiểu (cần ${i.expected === 'object' ? 'các khóa' : i.expected === 'array' ? 'một danh sách "- …"' : 'một giá trị'}).`
            : i.message;
    return `${file}: ${where}: ${what}`;
  });
  throw new UsageError(lines.join('\n'));
}

const FIXED: { md: string; name: string }[] = [
  { md: '01-01', name: 'Tết Dương lịch' },
  { md: '04-30', name: 'Ngày Chiến thắng (30/4)' },
  { md: '05-01', name: 'Ngày Quốc tế Lao động (1/5)' },
  { md: '09-02', name: 'Quốc khánh (2/9)' },
];

function computeYear(cal: Calendar, year: number): YearIndex {
  const notice = cal.notices[String(year)] ?? {};
  // Entries are filed under the year of their break, but a run may reach into the next or last year.
  const near = (key: 'nghi' | 'lam_viec'): Span[] => [year - 1, year, year + 1].flatMap((y) => cal.notices[String(y)]?.[key] ?? []);
  const breaks = [notice.tet, notice.quoc_khanh, ...near('nghi')].filter((s): s is Span => s !== undefined);
  const inYear = (n: number) => yearOf(isoOf(n)) === year;
  const off = new Map<number, Day>();
  const warningOf = new Map<number, string>();
  const warnings: string[] = [];
  const noticed = (s: Span, name: string) => {
    for (const n of spanDays(s)) if (inYear(n) && !off.has(n)) off.set(n, { date: isoOf(n), name: s.ten ?? name, source: 'thong-bao' });
  };

  // Holidays of the law, and the assumed Tết and 2/9 days: these get a day in lieu on a rest day.
  const statutory: Day[] = FIXED.map((f) => ({ date: `${year}-${f.md}`, name: f.name, source: 'luat' }));
  statutory.push({ date: lunarToSolar(year, 3, 10), name: 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)', source: 'luat' });
  const assumed = new Map<Day, string>();
  if (notice.tet) noticed(notice.tet, 'Nghỉ Tết Âm lịch (theo thông báo)');
  else {
    // Điều 112 leaves the Tết days to the Prime Minister; the default is the last day of the lunar
    // year and the first four of the new one, as the notices since 2020 have mostly chosen.
    const ny = newYearDay(year);
    const w = `Năm ${year} chưa có thông báo lịch nghỉ Tết Âm lịch trong ${NOTICE_FILE}: tạm tính nghỉ ngày cuối năm Âm lịch và 4 ngày đầu năm mới (${shown(ny - 1)}–${shown(ny + 3)}), nghỉ bù nếu trùng thứ Bảy, Chủ nhật. Khi có thông báo của Chính phủ, hãy ghi vào tệp rồi chạy lại.`;
    warnings.push(w);
    for (let i = -1; i <= 3; i++) {
      const d: Day = { date: isoOf(ny + i), name: i < 0 ? 'Tết Âm lịch (ngày cuối năm Âm lịch)' : `Tết Âm lịch (mùng ${i + 1})`, source: 'mac-dinh' };
      statutory.push(d);
      assumed.set(d, w);
    }
  }
  if (notice.quoc_khanh) noticed(notice.quoc_khanh, 'Nghỉ Quốc khánh (theo thông báo)');
  else {
    const w = `Năm ${year} chưa có thông báo lịch nghỉ Quốc khánh trong ${NOTICE_FILE}: tạm tính nghỉ ngày 01/9 và 02/9/${year}, nghỉ bù nếu trùng thứ Bảy, Chủ nhật. Khi có thông báo của Chính phủ, hãy ghi vào tệp rồi chạy lại.`;
    warnings.push(w);
    const d: Day = { date: `${year}-09-01`, name: 'Quốc khánh (ngày liền kề, 1/9)', source: 'mac-dinh' };
    statutory.push(d);
    assumed.set(d, w);
  }
  for (const d of statutory) {
    const n = dayNumber(d.date);
    if (!off.has(n)) off.set(n, d);
    if (assumed.has(d)) warningOf.set(n, assumed.get(d)!);
  }
  for (const s of near('nghi')) noticed(s, 'Nghỉ theo thông báo');

  // Days in lieu (Điều 111 khoản 3): a holiday on a rest day moves to the next day that is neither a
  // rest day nor already off, in date order so that two holidays never share one day in lieu. A
  // notice's break that contains the holiday already counts its day in lieu.
  for (const d of [...statutory].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const n = dayNumber(d.date);
    if (!isRestDay(n) || breaks.some((s) => inSpan(s, d.date))) continue;
    let m = n + 1;
    while (isRestDay(m) || off.has(m)) m++;
    off.set(m, { date: isoOf(m), name: `Nghỉ bù ${d.name}`, source: 'nghi-bu' });
    if (assumed.has(d)) warningOf.set(m, assumed.get(d)!);
  }

  const working = new Set<number>();
  const workingDays: Day[] = [];
  for (const s of near('lam_viec')) {
    for (const n of spanDays(s)) {
      if (!inYear(n) || working.has(n)) continue;
      working.add(n);
      workingDays.push({ date: isoOf(n), name: s.ten ?? 'Làm việc theo thông báo (làm bù)', source: 'thong-bao' });
    }
  }
  workingDays.sort((a, b) => (a.date < b.date ? -1 : 1));
  const daysOff = [...off.keys()].filter(inYear).sort((a, b) => a - b).map((n) => off.get(n)!);
  return { days: { year, daysOff, workingDays, warnings }, off, working, warningOf };
}

/** The year's computed days, on first use. */
function yearIndex(cal: Calendar, year: number): YearIndex {
  let y = cal.years.get(year);
  if (!y) cal.years.set(year, (y = computeYear(cal, year)));
  return y;
}

/**
 * The year's days off (by law, in lieu, by notice, assumed) and its working rest days, with a warning
 * for each part assumed for want of a notice.
 */
export function holidaysOf(year: number, cal: Calendar): YearDays {
  return yearIndex(cal, year).days;
}

const working = (n: number, cal: Calendar): boolean => {
  const y = yearIndex(cal, yearOf(isoOf(n)));
  return y.working.has(n) || (!y.off.has(n) && !isRestDay(n));
};

export const isWorkingDay = (iso: string, cal: Calendar): boolean => working(dayNumber(iso), cal);

/**
 * The working day `n` working days before `iso` (n = 0: `iso` itself when it is a working day, else
 * the working day before it), with a warning for each assumed day off that the count stepped over.
 */
export function workingDaysBefore(iso: string, n: number, cal: Calendar): { date: string; warnings: string[] } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`workingDaysBefore: n = ${n}`);
  const end = dayNumber(iso);
  let d = end;
  if (n === 0) while (!working(d, cal)) d--;
  for (let k = 0; k < n; ) if (working(--d, cal)) k++;
  const warnings = new Set<string>();
  for (let x = d; x <= end; x++) {
    const w = yearIndex(cal, yearOf(isoOf(x))).warningOf.get(x);
    if (w) warnings.add(w);
  }
  return { date: isoOf(d), warnings: [...warnings] };
}
