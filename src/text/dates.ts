// Dates, in one place: reading the dates a plan holds (YYYY-MM-DD; the plan's own date may be YYYY-MM or
// YYYY), writing them in the forms Nghị định 30 uses, and the instant stamped into a written file.
// date-fns is imported by path so that the CLI does not load its whole barrel. (derive's working-day
// arithmetic lives with the holiday calendar.)
import { isExists } from 'date-fns/isExists';
import { UsageError } from '../errors.js';

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Year, month and day of YYYY, YYYY-MM or YYYY-MM-DD; nothing for anything else. */
export function dateParts(s: string | null | undefined): DateParts {
  const m = PARTIAL.exec(s ?? '');
  if (!m) return {};
  const [year, month, day] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
  return { year, month, day };
}

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a date that exists (2019-02-30 does not), 1900–2200. */
export function isRealDate(s: string): boolean {
  const { year, month, day } = dateParts(s);
  if (year === undefined || year < 1900 || year > 2200) return false;
  if (month === undefined) return true;
  return isExists(year, month - 1, day ?? 1);
}

/** A number as ND30 writes a document number (ô 3) and a day (ô 4): a leading zero below 10. */
export const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** ND30 ô 4: day < 10 and months 1, 2 get a leading zero; months 3-9 do not. */
export const ndDay = twoDigits;
export const ndMonth = (m: number): string => (m <= 2 ? twoDigits(m) : String(m));

/** A blank the registry fills by hand: wide enough to write two digits in. */
export const BLANK = '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0';

/** "ngày 05 tháng 01 năm 2020"; missing parts are left blank for the registry. */
export function ndLongDate(s: string | null | undefined): string {
  const p = dateParts(s);
  const day = p.day ? ndDay(p.day) : BLANK;
  const month = p.month ? ndMonth(p.month) : BLANK;
  const year = p.year ? String(p.year) : BLANK + BLANK;
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "08/11/2011", "05/3/2024": a date in a citation, with ô 4's zeros (spec §8b). */
export function ndNumericDate(s: string): string {
  const p = dateParts(s);
  return `${ndDay(p.day!)}/${ndMonth(p.month!)}/${p.year}`;
}

/** "05/6", "10/02": a deadline, with ô 4's zeros (§8b); "10/02/2027" when its year is not the plan's. */
export function ndShortDate(s: string, planYear?: number): string {
  const p = dateParts(s);
  const short = `${ndDay(p.day!)}/${ndMonth(p.month!)}`;
  return planYear === undefined || planYear === p.year ? short : `${short}/${p.year}`;
}

/**
 * A date as clerks write it (04/11/2021, 2025-3-24, "ngày 15 tháng 3 năm 2026") in the form a plan needs,
 * when it is one; undefined otherwise.
 */
export function isoOfWritten(s: string): string | undefined {
  const t = s.trim().normalize('NFC');
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*(\d{4})$/iu.exec(t);
  if (m) return `${m[3]}-${twoDigits(Number(m[2]))}-${twoDigits(Number(m[1]))}`;
  m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(t);
  return m ? `${m[1]}-${twoDigits(Number(m[2]))}-${twoDigits(Number(m[3]))}` : undefined;
}

/** A date as a sentence writes it after "ngày": "20/6", "05/6/2024", "20 tháng 6 (năm 2024)". */
export interface WrittenDate {
  /** Where the day starts, and the length up to the end of the date. */
  index: number;
  length: number;
  day: number;
  month: number;
  year?: number;
  /** Written in words ("20 tháng 6"), else with slashes; how many digits the day and the month were given. */
  words: boolean;
  dayDigits: number;
  monthDigits: number;
}

const WRITTEN = /(?<![\p{L}\p{M}])ngày\s+(?:(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\d/])|(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?(?!\d))/gu;

/** The dates a sentence writes after "ngày", those on the calendar (a year taken as `year` when not written). */
export function writtenDates(text: string, year: number): WrittenDate[] {
  const out: WrittenDate[] = [];
  for (const m of text.matchAll(WRITTEN)) {
    const words = m[4] !== undefined;
    const [d, mo, y] = words ? [m[4], m[5], m[6]] : [m[1], m[2], m[3]];
    if (!isExists(y ? Number(y) : year, Number(mo) - 1, Number(d))) continue;
    const index = m.index! + m[0].indexOf(d);
    out.push({ index, length: m.index! + m[0].length - index, day: Number(d), month: Number(mo), ...(y ? { year: Number(y) } : {}), words, dayDigits: d.length, monthDigits: mo.length });
  }
  return out;
}

/** A written date again with another day, in the form it was written (its year written when given or not `year`). */
export function rewriteDate(w: WrittenDate, iso: string, year: number): string {
  const p = dateParts(iso);
  const day = String(p.day).padStart(w.dayDigits, '0');
  const month = String(p.month).padStart(w.monthDigits, '0');
  const withYear = w.year !== undefined || p.year !== year;
  return w.words ? `${day} tháng ${month}${withYear ? ` năm ${p.year}` : ''}` : `${day}/${month}${withYear ? `/${p.year}` : ''}`;
}

/**
 * The instant recorded in a written file: SOURCE_DATE_EPOCH when set (reproducible builds), else the
 * plan's date at 00:00 UTC (the first of the month or year when the day is left blank), else 2000-01-01.
 */
export function documentInstant(planDate: string | null | undefined): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) {
    const at = new Date(Number(epoch) * 1000);
    // (a zip stamps years 1980–2107 only)
    const year = at.getUTCFullYear();
    if (!(year >= 1980 && year <= 2107)) throw new UsageError(`SOURCE_DATE_EPOCH=${epoch}: ngoài khoảng năm 1980–2107 mà tệp .docx ghi được; hãy đặt lại biến này, hoặc bỏ nó.`);
    return at;
  }
  const { year = 2000, month = 1, day = 1 } = dateParts(planDate);
  return new Date(Date.UTC(year, month - 1, day));
}
