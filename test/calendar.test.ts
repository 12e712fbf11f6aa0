// The working-day calendar. Expected dates are the real ones (the notices and the Labour Code), not
// recomputed by the code under test. The whole file runs in a time zone far from Vietnam's, west of
// UTC and with summer time, so that a date parsed or printed as local time would show up as off by one.
// The files of the suite share their process (vitest.config.ts), so the zone is given back at the end.
const callersZone = process.env.TZ;
process.env.TZ = 'America/Los_Angeles';

import { afterAll, describe, expect, it } from 'vitest';

afterAll(() => {
  if (callersZone === undefined) delete process.env.TZ;
  else process.env.TZ = callersZone;
});
import { readFileSync } from 'node:fs';
import { CalendarChinese } from 'date-chinese';
import {
  holidaysOf,
  isWorkingDay,
  loadCalendar,
  lunarNewYear,
  lunarToSolar,
  makeCalendar,
  readNotices,
  workingDaysBefore,
  type Calendar,
} from '../src/text/calendar.js';
import { UsageError } from '../src/errors.js';

const shipped = loadCalendar();
/** The Labour Code alone, as for a year without any notice. */
const lawOnly = (): Calendar => makeCalendar({});
const off = (cal: Calendar, ...days: string[]) => days.filter((d) => isWorkingDay(d, cal));
const on = (cal: Calendar, ...days: string[]) => days.filter((d) => !isWorkingDay(d, cal));
const dayOff = (cal: Calendar, date: string) => holidaysOf(Number(date.slice(0, 4)), cal).daysOff.find((d) => d.date === date);

it('runs in a time zone west of UTC', () => {
  expect(new Date(2027, 0, 1).getTimezoneOffset()).toBe(480);
});

describe('lunar calendar (date-chinese, Vietnam at UTC+7)', () => {
  it("gives Vietnam's Tết where it differs from China's", () => {
    const china = (y: number) => {
      const c = new CalendarChinese();
      const g = c.fromJDE(c.newYear(y)).toGregorian(y);
      return `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`;
    };
    expect([lunarNewYear(1985), china(1985)]).toEqual(['1985-01-21', '1985-02-20']);
    expect([lunarNewYear(2007), china(2007)]).toEqual(['2007-02-17', '2007-02-18']);
    expect([lunarNewYear(2025), lunarNewYear(2026), lunarNewYear(2027)]).toEqual(['2025-01-29', '2026-02-17', '2027-02-06']);
  });

  it('finds Giỗ Tổ (10/3 Âm lịch), also in a year with a leap month before it', () => {
    // 2023 had a leap second month
    expect([2023, 2024, 2025, 2026, 2027].map((y) => lunarToSolar(y, 3, 10))).toEqual([
      '2023-04-29',
      '2024-04-18',
      '2025-04-07',
      '2026-04-26',
      '2027-04-16',
    ]);
  });
});

describe('Tết', () => {
  it('2026 follows the notice: 14/02–22/02 off, no warning for Tết', () => {
    expect(off(shipped, '2026-02-14', '2026-02-16', '2026-02-17', '2026-02-20', '2026-02-22')).toEqual([]);
    expect(on(shipped, '2026-02-13', '2026-02-23')).toEqual([]);
    expect(holidaysOf(2026, shipped).warnings.filter((w) => w.includes('Tết Âm lịch'))).toEqual([]);
    expect(workingDaysBefore('2026-02-24', 2, shipped)).toEqual({ date: '2026-02-13', warnings: [] });
  });

  it('2026 by the default rule gives the same days as the notice, with a warning', () => {
    const law = lawOnly();
    expect(off(law, '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20')).toEqual([]);
    expect(on(law, '2026-02-13', '2026-02-23')).toEqual([]);
    expect(dayOff(law, '2026-02-16')?.name).toBe('Tết Âm lịch (ngày cuối năm Âm lịch)');
    expect(holidaysOf(2026, law).warnings.some((w) => w.includes('Tết Âm lịch') && w.includes('16/02/2026–20/02/2026'))).toBe(true);
  });

  it('2027 (no notice yet): 5 working days before Monday 15/02 is 01/02, not mùng 5 Tết, with a warning', () => {
    const r = workingDaysBefore('2027-02-15', 5, shipped);
    expect(r.date).not.toBe('2027-02-10');
    expect(r.date).toBe('2027-02-01');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^Năm 2027 chưa có thông báo lịch nghỉ Tết Âm lịch/);
    // mùng 1 and mùng 2 fall on Saturday and Sunday: days in lieu on mùng 5 and 6
    expect(off(shipped, '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11')).toEqual([]);
    expect(dayOff(shipped, '2027-02-10')).toMatchObject({ source: 'nghi-bu', name: 'Nghỉ bù Tết Âm lịch (mùng 1)' });
    expect(on(shipped, '2027-02-04', '2027-02-12')).toEqual([]);
  });

  it('2019–2024 follow their notices, with no warning (data/ngay-nghi.yaml)', () => {
    for (const y of [2019, 2020, 2021, 2022, 2023, 2024]) expect(holidaysOf(y, shipped).warnings, String(y)).toEqual([]);
    // Tết Giáp Thìn 08/02–14/02/2024; the swapped 29/4/2024 off, worked on Saturday 04/5
    expect(off(shipped, '2024-02-08', '2024-02-14', '2024-04-29', '2024-04-30', '2024-05-01')).toEqual([]);
    expect(on(shipped, '2024-02-07', '2024-02-15', '2024-05-04')).toEqual([]);
    // under the Labour Code of 2012, Quốc khánh was 2/9 alone: 3/9/2019 and 1/9/2020 are working days
    expect(on(shipped, '2019-09-03', '2020-09-01')).toEqual([]);
    expect(off(shipped, '2019-09-02', '2020-09-02', '2023-09-01', '2023-09-04')).toEqual([]);
    // a deadline in 2024 knows that year's Tết: 5 working days before Monday 19/02/2024 is 05/02
    expect(workingDaysBefore('2024-02-19', 5, shipped)).toEqual({ date: '2024-02-05', warnings: [] });
  });

  it('a notice for 2027 replaces the default and its warning', () => {
    const cal = loadCalendar(readNotices('2027:\n  tet: { tu: 2027-02-04, den: 2027-02-14 }\n', 'ho-so.yaml'));
    expect(off(cal, '2027-02-04', '2027-02-12')).toEqual([]);
    expect(workingDaysBefore('2027-02-15', 5, cal)).toEqual({ date: '2027-01-28', warnings: [] });
    const warnings = holidaysOf(2027, cal).warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Năm 2027 chưa có thông báo lịch nghỉ Quốc khánh/);
  });
});

describe('holidays of the Labour Code and days in lieu', () => {
  it('Giỗ Tổ on a weekday is off; on a Sunday (2026) the Monday after is off in lieu', () => {
    expect(dayOff(shipped, '2027-04-16')?.name).toBe('Giỗ Tổ Hùng Vương (10/3 Âm lịch)');
    expect(dayOff(shipped, '2026-04-27')).toMatchObject({ source: 'nghi-bu', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 Âm lịch)' });
    expect(workingDaysBefore('2026-04-28', 1, shipped).date).toBe('2026-04-24');
  });

  it('two holidays on one weekend get two days in lieu (2023: Giỗ Tổ Saturday, 30/4 Sunday, 1/5 Monday)', () => {
    const law = lawOnly();
    expect(off(law, '2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03')).toEqual([]);
    expect(on(law, '2023-04-28', '2023-05-04')).toEqual([]);
  });

  it('30/4–1/5: the 2025 notice swaps Friday 02/5 with Saturday 26/4', () => {
    expect(off(shipped, '2025-04-30', '2025-05-01', '2025-05-02')).toEqual([]);
    expect(on(shipped, '2025-04-26', '2025-05-05')).toEqual([]);
    expect(workingDaysBefore('2025-05-05', 1, shipped).date).toBe('2025-04-29');
    expect(workingDaysBefore('2025-04-28', 1, shipped).date).toBe('2025-04-26');
    expect(holidaysOf(2025, shipped).workingDays.map((d) => d.date)).toEqual(['2025-02-08', '2025-04-26']);
  });

  it('30/4–1/5 in 2027: 1/5 on a Saturday gives Monday 03/5 in lieu', () => {
    expect(off(shipped, '2027-04-30', '2027-05-03')).toEqual([]);
    expect(on(shipped, '2027-04-29', '2027-05-04')).toEqual([]);
  });

  it('2/9: the 2025 notice (30/8–2/9); 2027 by default with 1/9 and a warning', () => {
    expect(off(shipped, '2025-09-01', '2025-09-02')).toEqual([]);
    expect(on(shipped, '2025-08-29', '2025-09-03')).toEqual([]);
    const r = workingDaysBefore('2027-09-03', 1, shipped);
    expect(r.date).toBe('2027-08-31');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('Quốc khánh');
    expect(r.warnings[0]).toContain('01/9 và 02/9/2027');
  });

  it('counts across 1 January, with the 2026 New Year swap and a 1/1 on a Saturday (2028)', () => {
    expect(workingDaysBefore('2027-01-04', 2, shipped)).toEqual({ date: '2026-12-30', warnings: [] });
    expect(workingDaysBefore('2026-01-05', 1, shipped)).toEqual({ date: '2025-12-31', warnings: [] });
    expect(on(shipped, '2026-01-10')).toEqual([]); // Saturday worked for Friday 02/01/2026
    expect(off(shipped, '2026-01-02')).toEqual([]);
    expect(dayOff(shipped, '2028-01-03')).toMatchObject({ source: 'nghi-bu', name: 'Nghỉ bù Tết Dương lịch' });
    expect(workingDaysBefore('2028-01-04', 1, shipped).date).toBe('2027-12-31');
  });
});

describe('notices', () => {
  const swap = `
2027:
  can_cu: Quyết định của Ủy ban nhân dân tỉnh
  nghi:
    - { ngay: 2027-03-08, ten: Nghỉ hoán đổi }
  lam_viec:
    - { ngay: 2027-03-13, ten: Làm bù ngày 08/3/2027 }
`;

  it('a notice file adds a swapped working day: a Saturday becomes a working day', () => {
    const before = workingDaysBefore('2027-03-15', 1, shipped);
    expect(before).toEqual({ date: '2027-03-12', warnings: [] });
    const cal = makeCalendar(readNotices(swap, 'ngay-nghi.yaml'));
    expect(isWorkingDay('2027-03-13', cal)).toBe(true);
    expect(isWorkingDay('2027-03-08', cal)).toBe(false);
    expect(workingDaysBefore('2027-03-15', 1, cal).date).toBe('2027-03-13');
    expect(workingDaysBefore('2027-03-09', 1, cal).date).toBe('2027-03-05');
    expect(holidaysOf(2027, cal).workingDays).toEqual([{ date: '2027-03-13', name: 'Làm bù ngày 08/3/2027', source: 'thong-bao' }]);
  });

  it("a profile's entries add to the shipped notices", () => {
    const cal = loadCalendar(readNotices(swap, 'ho-so.yaml'));
    expect(isWorkingDay('2027-03-13', cal)).toBe(true);
    expect(isWorkingDay('2026-02-20', cal)).toBe(false);
    expect(isWorkingDay('2026-01-10', cal)).toBe(true);
  });

  it('a year without a notice: the default, and a warning for each assumed part', () => {
    const y = holidaysOf(2031, shipped);
    expect(y.warnings).toHaveLength(2);
    expect(y.warnings[0]).toMatch(/^Năm 2031 chưa có thông báo lịch nghỉ Tết Âm lịch trong data\/ngay-nghi\.yaml: tạm tính/);
    expect(y.warnings[1]).toMatch(/^Năm 2031 chưa có thông báo lịch nghỉ Quốc khánh/);
    const assumed = y.daysOff.filter((d) => d.source === 'mac-dinh').map((d) => d.date);
    expect(assumed).toContain('2031-09-01');
    expect(assumed).toContain(lunarNewYear(2031));
    expect(assumed).toHaveLength(6);
    // a count that steps over no assumed day says nothing
    expect(workingDaysBefore('2031-06-20', 3, shipped).warnings).toEqual([]);
  });

  it.each([
    ['2027:\n  tet: { tu: 2027-03-01, den: 2027-03-05 }\n', /2027 › tet: đợt nghỉ Tết năm 2027 phải chứa mùng 1 Tết \(06\/02\/2027\)/],
    ['2027:\n  quoc_khanh: { ngay: 2027-09-03 }\n', /phải chứa ngày 02\/9\/2027/],
    ['2027:\n  nghi:\n    - { ngay: 08/03/2027 }\n', /năm 2027 › nghi › 0 › ngay: không phải ngày có thật dạng năm-tháng-ngày/],
    ['2027:\n  nghi:\n    - { tu: 2027-03-09, den: 2027-03-08 }\n', /ngày kết thúc 2027-03-08 đứng trước ngày bắt đầu 2027-03-09/],
    ['2027:\n  nghi:\n    - { ngay: 2027-03-08, tu: 2027-03-08, den: 2027-03-09 }\n', /ghi một ngày .* hoặc một đợt/],
    ['2027:\n  nghi_bu: []\n', /khóa lạ "nghi_bu"/],
    ['27:\n  nghi: []\n', /cần một năm bốn chữ số/],
    ['2027:\n  nghi: [\n', /không đọc được YAML/],
  ])('refuses a wrong notice, saying where and why: %j', (text, message) => {
    expect(() => readNotices(text, 'ngay-nghi.yaml')).toThrow(UsageError);
    expect(() => readNotices(text, 'ngay-nghi.yaml')).toThrow(message);
  });

  it('the shipped file is read and installed with the package', () => {
    expect(Object.keys(shipped.notices)).toEqual(expect.arrayContaining(['2025', '2026']));
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('data');
  });
});

it('workingDaysBefore lands on a working day with exactly n working days after it, up to the date', () => {
  const days = (from: string, count: number) =>
    Array.from({ length: count }, (_, i) => new Date(Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8) + i)).toISOString().slice(0, 10));
  for (const d of days('2025-12-01', 500)) {
    for (const n of [0, 1, 5]) {
      const r = workingDaysBefore(d, n, shipped).date;
      expect(isWorkingDay(r, shipped), `${d} ${n}`).toBe(true);
      expect(r <= d).toBe(true);
      // r is the n-th working day counting back; n = 0: d itself, or the last working day before it
      const between = days(r, 40).filter((x) => x > r && x < d && isWorkingDay(x, shipped)).length;
      expect(between, `${d} ${n}`).toBe(Math.max(n - 1, 0));
      if (n === 0 && isWorkingDay(d, shipped)) expect(r).toBe(d);
    }
  }
});
