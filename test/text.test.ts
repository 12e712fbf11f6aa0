import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameCase, ndSpelling, normalizeText } from '../src/text/normalize-text.js';
import { documentInstant, ndLongDate, ndShortDate, ndNumericDate, isRealDate, rewriteDate, twoDigits, writtenDates } from '../src/text/dates.js';
import { parseInline, plainText, unbalancedMarkup } from '../src/text/inline.js';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

describe('Vietnamese spelling', () => {
  it.each([
    ['CỘNG HOÀ', 'CỘNG HÒA'],
    ['Uỷ ban nhân dân', 'Ủy ban nhân dân'],
    ['UỶ BAN', 'ỦY BAN'],
    ['khoẻ mạnh', 'khỏe mạnh'],
    ['thuỷ lợi', 'thủy lợi'],
    ['hoàn thành', 'hoàn thành'],
    ['quý', 'quý'],
    ['QUÝ', 'QUÝ'],
    ['thuyền', 'thuyền'],
    ['UỶA', 'UỶA'],
  ])('%s → %s', (a, b) => expect(ndSpelling(a)).toBe(b));
  it('normalisation applies it, with NFC and collapsed spaces', () =>
    expect(normalizeText('  Cộng  hoà\u200b xã hội '.normalize('NFD'))).toBe('Cộng hòa xã hội'));
  it('normalisation skips only the steps with nothing to do: the same text as every step in turn', () => {
    const illegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
    const invisible = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/gu;
    const everyStep = (t: string) => ndSpelling(t.normalize('NFC').replace(illegal, '').replace(invisible, '').replace(/[\t\r\n ]+/g, ' ').trim());
    const unit = fc.constantFrom('a', 'o', 'à', 'ệ', 'Đ', 'y', 'ỷ', ' ', '  ', '\t', '\n', '\r', '\u0301', '\u0300', '\u200b', '\u00ad', '\u0001', '\ud83d', '\ude00', '\uffff', 'q');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (t) => {
        expect(normalizeText(t)).toBe(everyStep(t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a signer\'s name (ô 7b: in lower case, a capital to each word)', () => {
  it.each([
    ['NGUYỄN VĂN BÌNH', 'Nguyễn Văn Bình'],
    ["H'HEN NIÊ", "H'Hen Niê"],
    ['ĐẶNG THỊ ÚT', 'Đặng Thị Út'],
    ['Nguyễn Văn Bình', 'Nguyễn Văn Bình'],
    ['Nguyễn văn bình', 'Nguyễn văn bình'], // written as the clerk wants it, not in capitals: left alone
  ])('%s → %s', (a, b) => expect(nameCase(a)).toBe(b));
});

describe('ND30 dates', () => {
  it('months 1 and 2 and days below 10 get a leading zero; months 3 to 9 do not', () => {
    expect(ndLongDate('2020-01-05')).toBe('ngày 05 tháng 01 năm 2020');
    expect(ndLongDate('2019-06-29')).toBe('ngày 29 tháng 6 năm 2019');
    expect(ndLongDate('2025-12-31')).toBe('ngày 31 tháng 12 năm 2025');
  });
  it('a missing day or month leaves room for the registry', () => {
    expect(ndLongDate('2022-02')).toMatch(/^ngày \u00a0+ tháng 02 năm 2022$/);
    expect(ndLongDate(undefined)).toMatch(/^ngày \u00a0+ tháng \u00a0+ năm \u00a0+$/);
  });
  it('citation and deadline forms follow ô 4 (spec §8b)', () => {
    expect(ndNumericDate('2011-11-08')).toBe('08/11/2011');
    expect(ndNumericDate('2016-02-04')).toBe('04/02/2016');
    expect(ndNumericDate('2024-03-05')).toBe('05/3/2024');
    expect(ndShortDate('2022-06-05')).toBe('05/6');
    expect(ndShortDate('2019-12-20')).toBe('20/12');
    expect(ndShortDate('2027-02-10')).toBe('10/02');
  });
  it('a deadline carries its year when it is not the plan\'s', () => {
    expect(ndShortDate('2027-02-10', 2027)).toBe('10/02');
    expect(ndShortDate('2027-02-10', 2026)).toBe('10/02/2027');
    expect(ndShortDate('2026-12-05', 2027)).toBe('05/12/2026');
  });
  it('one padding for a document number and a day', () => {
    expect([1, 9, 10, 181].map(twoDigits)).toEqual(['01', '09', '10', '181']);
  });
  it('the instant of a document: its date at midnight UTC, the first of a blank month or day, else 2000-01-01', () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    delete process.env.SOURCE_DATE_EPOCH;
    try {
      expect(documentInstant('2019-01-23').toISOString()).toBe('2019-01-23T00:00:00.000Z');
      expect(documentInstant('2022-02').toISOString()).toBe('2022-02-01T00:00:00.000Z');
      expect(documentInstant('2022').toISOString()).toBe('2022-01-01T00:00:00.000Z');
      expect(documentInstant(null).toISOString()).toBe('2000-01-01T00:00:00.000Z');
      process.env.SOURCE_DATE_EPOCH = '1700000000';
      expect(documentInstant('2019-01-23').getTime()).toBe(1700000000 * 1000);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
  it('real calendar dates only', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2019-02-30')).toBe(false);
    expect(isRealDate('2019-13')).toBe(false);
  });
  it('a day exists exactly when date-fns finds it on the calendar, for every day of 1899-2201', () => {
    let real = 0;
    for (let y = 1899; y <= 2201; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const date = parseISO(s);
          const byDateFns = y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && isValid(date) && date.getDate() === d && date.getMonth() + 1 === m;
          expect(isRealDate(s), s).toBe(byDateFns);
          if (byDateFns) real++;
        }
      }
    }
    expect(real).toBe(365 * 301 + 73); // 1900-2200: 301 years, 73 leap years (1900 and 2100 are not)
  });
});

describe('dates a sentence writes', () => {
  const said = (text: string) => writtenDates(text, 2019).map((w) => [text.slice(w.index, w.index + w.length), w.day, w.month, w.year]);
  it('after "ngày", with slashes or in words, with or without the year', () => {
    expect(said('gửi báo cáo 6 tháng (ngày 20/6), báo cáo năm (ngày 20/12)')).toEqual([['20/6', 20, 6, undefined], ['20/12', 20, 12, undefined]]);
    expect(said('trước ngày 05/01/2020 và ngày 15 tháng 6 năm 2019; ngày 3 tháng 9')).toEqual([['05/01/2020', 5, 1, 2020], ['15 tháng 6 năm 2019', 15, 6, 2019], ['3 tháng 9', 3, 9, undefined]]);
  });
  it('not a number, a quarter, a day off the calendar, or a date without "ngày"', () => {
    expect(said('Kế hoạch số 181/KH-SYT; Quý 1/2022; ngày 30/02; hạn 20/6; ngày 12/2019')).toEqual([]);
  });
  it('written again in its own form; the year when it was written or changes', () => {
    const [a, b, c] = writtenDates('ngày 20/6, ngày 05/01/2020, ngày 3 tháng 09', 2019);
    expect(rewriteDate(a, '2019-06-13', 2019)).toBe('13/6');
    expect(rewriteDate(a, '2018-12-27', 2019)).toBe('27/12/2018');
    expect(rewriteDate(b, '2019-12-27', 2019)).toBe('27/12/2019');
    expect(rewriteDate(c, '2019-08-27', 2019)).toBe('27 tháng 08');
  });
});

describe('inline markup', () => {
  it('bold, italic, both, and an escaped star', () =>
    expect(parseInline('a **b** *c* ***d*** \\*e')).toEqual([
      { text: 'a ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'c', italic: true },
      { text: ' ' },
      { text: 'd', bold: true, italic: true },
      { text: ' *e' },
    ]));
  it.each([
    ['**đậm** và *nghiêng*', false],
    ['\\* một dấu sao', false],
    ['***cả hai***', false],
    ['**cải', true],
    ['*mở', true],
    ['**a* b', true],
  ])('%s: a marker left open is %s', (src, open) => expect(unbalancedMarkup(src)).toBe(open));
  it('plain text drops the markup and keeps an escaped star', () => expect(plainText('Kế hoạch **A** \\* *b*')).toBe('Kế hoạch A * b'));
});
