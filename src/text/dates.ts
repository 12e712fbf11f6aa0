// Dates as Nghị định 30 writes them. (derive.ts does its calendar arithmetic with date-fns, imported
// by path so the CLI does not load date-fns' whole barrel.)

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a date that exists (2019-02-30 does not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (year < 1900 || year > 2200) return false;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  // day 0 of the next month is the last day of this one (proleptic Gregorian, as ISO 8601)
  const day = Number(d);
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

export function dateParts(s: string | null | undefined): DateParts {
  if (!s) return {};
  const [y, m, d] = s.split('-').map(Number);
  return { year: y, month: m, day: d };
}

/** ND30 ô 4: day < 10 and months 1, 2 get a leading zero; months 3-9 do not. */
export const ndDay = (d: number): string => String(d).padStart(2, '0');
export const ndMonth = (m: number): string => (m <= 2 ? String(m).padStart(2, '0') : String(m));

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

/** "08/11/2011": the numeric form used inside citations. */
export function ndNumericDate(s: string): string {
  const p = dateParts(s);
  return `${ndDay(p.day!)}/${String(p.month!).padStart(2, '0')}/${p.year}`;
}

/** "05/6", "20/12": a deadline within the year, as the seed plans write it. */
export function ndShortDate(s: string): string {
  const p = dateParts(s);
  return `${ndDay(p.day!)}/${p.month}`;
}
