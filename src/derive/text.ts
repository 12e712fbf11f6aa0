// Small text helpers of derive: whole-phrase matching and sentence-initial case.
import { DOC_TYPES } from '../text/doc-number.js';
import { isUpper } from '../text/normalize-text.js';

/** A name without its place: "Sở Công Thương tỉnh Lào Cai" → "Sở Công Thương"; a name with none stays. */
export const withoutPlace = (name: string): string => name.replace(/\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+\p{Lu}.*$/u, '');

/** Names that keep their capitals in any text. */
const ALWAYS_NAMES = ['Việt Nam', 'Chính phủ', 'Thủ tướng', 'Quốc hội', 'Hồ Chí Minh'];
/** A document type cited by its number ("quyết định số 12"): the type takes a capital (ND30). */
const CITED_TYPE = new RegExp(`(?<![\\p{L}])(${DOC_TYPES.map((t) => t.toLocaleLowerCase('vi')).join('|')})(?=\\s+số\\s+\\d)`, 'gu');

/**
 * A text written in capitals, in sentence case: every word lowered but a word holding a digit or "/" (a
 * document's number, "1237/QĐ-TTg", whose Thủ tướng is "TTg" as ND30 writes it), the first letter upper, a
 * document cited by number with its capital, and `names` (the plan's place, its agencies) as they are
 * written. Other names lose their capitals: the caller says so.
 */
export function fromCapitals(s: string, names: readonly (string | undefined)[] = []): string {
  let lowered = s
    .split(/(\s+)/u)
    .map((w) => (/[\d/]/u.test(w) ? w.replace(/(?<=[-/])TTG(?![\p{L}])/u, 'TTg') : w.toLocaleLowerCase('vi')))
    .join('')
    .replace(CITED_TYPE, (t) => t.charAt(0).toLocaleUpperCase('vi') + t.slice(1));
  for (const name of [...names, ...ALWAYS_NAMES]) {
    if (name && /\p{Lu}/u.test(name) && !isUpper(name)) lowered = lowered.replace(phraseRegex(name, 'giu'), name);
  }
  return lowered.charAt(0).toLocaleUpperCase('vi') + lowered.slice(1);
}

/**
 * The first letter in lower case when the first word is an ordinary word ("Tuyên truyền" → "tuyên
 * truyền"), kept when the text opens with a name ("Sở Y tế", "UBND tỉnh", "CCHC").
 */
export function lowerFirst(s: string): string {
  const m = /^(\p{Lu})(\p{Ll}*)(\s+)(\S)/u.exec(s);
  if (!m || m[2] === '' || /\p{Lu}/u.test(m[4])) return s;
  return m[1].toLocaleLowerCase('vi') + s.slice(1);
}

/** Two names that are one ("Sở Y tế", "sở y tế"): the same words in any case. */
export const sameName = (a: string, b: string): boolean => a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');

/** Whether `phrase` occurs in `text` as whole words (case-insensitive): "y tế" is not inside "quy tếch". */
export function hasPhrase(text: string, phrase: string): boolean {
  return phraseRegex(phrase, 'iu').test(text.normalize('NFC'));
}

/**
 * Whether `phrase` occurs in `text` as a whole name: whole words with no proper name going on after them, so a
 * short name ("Sở") is not found in another body's ("phối hợp với Sở Du lịch").
 */
export function hasName(text: string, phrase: string): boolean {
  const t = text.normalize('NFC');
  for (const m of t.matchAll(phraseRegex(phrase, 'giu'))) {
    NAME_AFTER.lastIndex = m.index + m[0].length;
    if (!NAME_AFTER.test(t)) return true;
  }
  return false;
}

/** The words of `text` that match `phrase` (as written in the text), if any. */
export const matchPhrase = (text: string, phrase: string): string | undefined => phraseRegex(phrase, 'iu').exec(text.normalize('NFC'))?.[0];

/** A phrase as a pattern of whole words, any run of spaces between them. */
function phraseRegex(phrase: string, flags: string): RegExp {
  const esc = phrase.normalize('NFC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, flags);
}

/** A proper name going on after a phrase: "trên địa bàn tỉnh| Lào Cai", "ngành Y tế| Hậu Giang". */
const NAME_AFTER = /\s+\p{Lu}/uy;

/**
 * `from` replaced by `to` where it stands as whole words, in any case ("ngành Y tế", "ngành y tế"): never inside
 * a word, nor where a name goes on after it (it is then part of that name). Where the text has a capital that
 * `from` has not (the phrase opens a sentence), `to` gets it too.
 */
export function replacePhrase(text: string, from: string, to: string): string {
  const lowerStart = /^\p{Ll}/u.test(from.normalize('NFC'));
  return text.replace(phraseRegex(from, 'giu'), (m: string, at: number) => {
    NAME_AFTER.lastIndex = at + m.length;
    if (NAME_AFTER.test(text)) return m;
    return lowerStart && /^\p{Lu}/u.test(m) ? to.charAt(0).toLocaleUpperCase('vi') + to.slice(1) : to;
  });
}
