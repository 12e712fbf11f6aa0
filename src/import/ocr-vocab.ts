// A scanned plan checked against itself. OCR errs at random, and a plan repeats its words: "TTHC", "CCN",
// "GPMB", "người dân" are read right, with high confidence, many times, and wrong once ("THC", "CƠN",
// "GPMEB", "người dần"), with low confidence. A word read with low confidence that is one letter away from a
// form the same document gives surely and often takes that form; a real Vietnamese word ("dần", "cơn") only
// when its neighbour agrees too ("người dân" is read surely elsewhere), as one-letter neighbours are common
// in Vietnamese. Every change is listed for the clerk. Letters only: a number is never changed into another.
import { isSyllable } from '../lint/syllable.js';

/** One recognised word, its text changed in place. */
export interface OcrWord {
  text: string;
  /** tesseract's confidence, 0–100 */
  conf: number;
  /** the caller reads this word otherwise (two words run together): left as it is */
  keep?: boolean;
}

/** Read at least this surely (0–100) twice, or three times at LOW or more, a form is the document's own. */
const SURE = 85;
/** Below this, a word that is no Vietnamese syllable may take the document's form without its neighbours. */
const LOW = 60;
/** Shorter words have too many neighbours one letter away. */
const MIN_LENGTH = 3;
/** No word or acronym is longer; a longer run (garbage read off a stamp) is left alone, in linear time. */
const MAX_LENGTH = 40;

const SPLIT = /^([\p{P}\p{S}]*?)([\p{L}\p{N}][\p{L}\p{N}\p{P}\p{S}]*?[\p{L}\p{N}]|[\p{L}\p{N}])([\p{P}\p{S}]*)$/u;

/** The word without the punctuation around it: "(TTHC)." → "TTHC". */
function core(text: string): [string, string, string] | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const m = SPLIT.exec(text);
  return m ? [m[1], m[2], m[3]] : undefined;
}

/**
 * The word, its one-letter deletions, and the same with the place of the deletion marked: two forms one
 * letter apart share one of these keys (a letter added or dropped: the word and a deletion; a letter
 * replaced: the same marked deletion), so the candidates are found without comparing every pair.
 */
function keys(w: string[]): string[] {
  const out = [w.join('')];
  for (let i = 0; i < w.length; i++) {
    const [a, b] = [w.slice(0, i).join(''), w.slice(i + 1).join('')];
    out.push(a + b, `${a}\u0000${b}`);
  }
  return out;
}

const LETTER = /\p{L}/u;

/** a and b are one letter apart (replaced, added or dropped), the letter on each side a letter. */
function oneLetterApart(a: string[], b: string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  const da = a.slice(i, a.length - j);
  const db = b.slice(i, b.length - j);
  if (da.length + db.length === 0 || da.length > 1 || db.length > 1) return false;
  // a capital is no misread: "Nâng cao" opens a sentence where "nâng cao" runs on
  if (da.length === 1 && db.length === 1 && da[0].toLowerCase() === db[0].toLowerCase()) return false;
  return [...da, ...db].every((c) => LETTER.test(c));
}

/**
 * Correct the words of a scanned document (its lines in reading order) where the document itself says how
 * a low-confidence word is written; each change goes to `repairs`, with `where(line)` naming the page.
 */
export function agree(lines: OcrWord[][], repairs: string[], where: (line: number) => string): void {
  const count = new Map<string, number>();
  const fair = new Map<string, number>();
  const pairs = new Map<string, number>();
  const cores = lines.map((l) => l.map((w) => core(w.text)?.[1]));
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  // every pair of neighbours as read, however surely: a misread that repeats with its neighbour is no misread
  const read = new Map<string, number>();
  lines.forEach((l, n) =>
    l.forEach((w, i) => {
      const c = cores[n][i];
      if (c && cores[n][i + 1]) bump(read, `${c}\u0000${cores[n][i + 1]}`);
      if (c && w.conf >= LOW) bump(fair, c);
      if (!c || w.conf < SURE) return;
      bump(count, c);
      if (cores[n][i - 1]) bump(pairs, `${cores[n][i - 1]}\u0000${c}`);
      if (cores[n][i + 1]) bump(pairs, `${c}\u0000${cores[n][i + 1]}`);
    }),
  );
  const sure = [...new Set([...count.keys(), ...fair.keys()])].filter((c) => (count.get(c) ?? 0) >= 2 || (fair.get(c) ?? 0) >= 3);
  const surely = new Set(sure);
  const index = new Map<string, string[]>();
  for (const c of sure)
    for (const k of keys([...c])) {
      const at = index.get(k);
      if (at) at.push(c);
      else index.set(k, [c]);
    }
  lines.forEach((l, n) =>
    l.forEach((w, i) => {
      const parts = core(w.text);
      if (!parts || w.keep || w.conf >= SURE || surely.has(parts[1])) return;
      const letters = [...parts[1]];
      if (letters.length < MIN_LENGTH) return;
      const near = new Set(keys(letters).flatMap((k) => index.get(k) ?? []).filter((c) => oneLetterApart(letters, [...c])));
      if (!near.size) return;
      const prev = cores[n][i - 1];
      const next = cores[n][i + 1];
      if ((prev && (read.get(`${prev}\u0000${parts[1]}`) ?? 0) >= 2) || (next && (read.get(`${parts[1]}\u0000${next}`) ?? 0) >= 2)) return;
      const agreed = [...near].filter((c) => (prev && (pairs.get(`${prev}\u0000${c}`) ?? 0) >= 2) || (next && (pairs.get(`${c}\u0000${next}`) ?? 0) >= 2));
      const word = isSyllable(parts[1].toLowerCase());
      const pick = agreed.length === 1 ? agreed[0] : !word && w.conf < LOW && near.size === 1 && !agreed.length ? [...near][0] : undefined;
      if (!pick) return;
      repairs.push(`${where(n)}: OCR đọc "${w.text}", sửa thành "${parts[0]}${pick}${parts[2]}" như văn bản viết ở các chỗ khác.`);
      w.text = `${parts[0]}${pick}${parts[2]}`;
    }),
  );
}
