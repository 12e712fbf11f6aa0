// Vietnamese text is data: NFC, trimmed, stray runs of spaces collapsed, and characters that XML 1.0
// cannot carry found before anything is written.

/** Characters WordprocessingML (XML 1.0) cannot hold, plus U+FFFE/U+FFFF and lone surrogates. */
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const XML_ILLEGAL_G = new RegExp(XML_ILLEGAL.source, 'gu');

/** Invisible characters that PDF and chat copies leave inside words. */
// (and the variation selectors an emoji keyboard adds: "1️." is "1." shown as an emoji)
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\uFE0E\uFE0F]/gu;
/** Spaces of other widths and no-break spaces (web pages; Word's Ctrl+Shift+Space). */
const WIDE_SPACE = /[\u00A0\u2000-\u200A\u202F\u3000]/gu;

/** s with wide and no-break spaces as plain spaces and invisible marks removed; `seen` counts each. */
export function plainSpaces(s: string, seen?: { spaces: number; invisible: number }): string {
  return s
    .replace(WIDE_SPACE, () => (seen && seen.spaces++, ' '))
    .replace(INVISIBLE, () => (seen && seen.invisible++, ''));
}

/** Any code unit findIllegalChar has to look at (surrogates, even paired, go to the scan). */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function findIllegalChar(s: string): { index: number; code: number } | undefined {
  if (!SUSPECT.test(s)) return undefined;
  // The /u flag treats a lone surrogate as one code point, so a plain scan is used for surrogates.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const n = s.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, code: c };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { index: i, code: c };
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) {
      return { index: i, code: c };
    }
  }
  return undefined;
}

export const hasIllegalChar = (s: string): boolean => findIllegalChar(s) !== undefined;

/** s without the characters findIllegalChar finds; `removed` receives each one's code. */
export function withoutIllegalChars(s: string, removed?: Set<number>): string {
  if (!SUSPECT.test(s)) return s;
  return s.replace(XML_ILLEGAL_G, (c) => (removed?.add(c.charCodeAt(0)), ''));
}

/**
 * NFC, invisible marks removed, tabs and runs of spaces collapsed to one space, trimmed.
 * Line breaks inside a value (YAML block scalars) become spaces: a paragraph is one value.
 * Open syllables get one spelling (ndSpelling).
 */
export function normalizeText(s: string): string {
  let t = s.normalize('NFC');
  // (each step only when there is something for it to do: most text is clean, and a replace makes a new string)
  t = withoutIllegalChars(t);
  t = t.replace(INVISIBLE, '');
  if (/[\t\r\n]| {2}/.test(t)) t = t.replace(/[\t\r\n ]+/g, ' ');
  return ndSpelling(t.trim());
}

/** The five tone marks, decomposed (NFD): the one list of them. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;
export const TONES_G = new RegExp(TONES.source, 'gu');

/** The text without its tone marks (ă, â, ê, ô, ơ, ư, đ kept): the same for a word whose tone a scan misread. */
export const withoutTones = (s: string): string => s.normalize('NFD').replace(TONES_G, '').normalize('NFC');
const OPEN_SYLLABLE = /(?<![qQ])([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;

/**
 * One spelling for the open syllables oa, oe, uy: the tone mark on the first vowel, as ND30 writes
 * "CỘNG HÒA" and "Ủy ban" (§12.2), so "hoà" → "hòa", "Uỷ" → "Ủy", "khoẻ" → "khỏe", "thuỷ" → "thủy".
 * Closed syllables ("hoàn", "thuyền") and "qu" ("quý") are left as they are.
 */
export function ndSpelling(s: string): string {
  return s.replace(OPEN_SYLLABLE, (m, first: string, second: string) => {
    const decomposed = second.normalize('NFD');
    const tone = TONES.exec(decomposed)?.[0];
    const plain = decomposed.replace(TONES, '').normalize('NFC');
    if (!tone || !/^(o[ae]|u[y])$/i.test(first + plain)) return m;
    return (first + tone).normalize('NFC') + plain;
  });
}

/** Vietnamese upper case (toUpperCase handles đ → Đ and every precomposed vowel). */
export const upperVi = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi').normalize('NFC');

/**
 * A person's name as ND30 prints it (ô 7b: "chữ in thường"): one written in capitals gets a capital to each word
 * ("NGUYỄN VĂN BÌNH" → "Nguyễn Văn Bình", "H'HEN NIÊ" → "H'Hen Niê"); any other is left as written.
 */
export const nameCase = (s: string): string =>
  isUpper(s)
    ? s
        .toLocaleLowerCase('vi')
        // the first letter of each word, and after an apostrophe or a hyphen inside one
        .replace(/(^|\s)([^\s\p{L}]*)(\p{Ll})/gu, (_, b: string, p: string, c: string) => b + p + c.toLocaleUpperCase('vi'))
        .replace(/(['’-])(\p{Ll})/gu, (_, b: string, c: string) => b + c.toLocaleUpperCase('vi'))
    : s;

/** Written in capitals: has a capital letter and no small one ("KẾ HOẠCH", "II. MỤC ĐÍCH"). */
export const isUpper = (s: string): boolean => s === s.toLocaleUpperCase('vi') && /\p{Lu}/u.test(s);

/**
 * Order of strings by UTF-16 code units: the same on every machine. (localeCompare depends on the
 * machine's ICU locale and its first call loads the collation data, several milliseconds.)
 */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
