// Vietnamese syllables by their structure: onset + rhyme (nucleus and coda) + tone, not by a word list.
// Used to tell "T uyên" (a syllable split by a stray space) from two real syllables, and text written
// without diacritics ("cai cach" cannot be Vietnamese: a syllable ending in c, ch, p, t takes a tone).

const TONE_MARKS: Record<string, string> = { '\u0300': 'huyen', '\u0301': 'sac', '\u0303': 'nga', '\u0309': 'hoi', '\u0323': 'nang' };

/** Base letters (ă â ê ô ơ ư đ kept) and the tone of a lower-case word. */
export function splitTone(word: string): { base: string; tone?: string } {
  let tone: string | undefined;
  const base = word
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, (m) => {
      tone = TONE_MARKS[m];
      return '';
    })
    .normalize('NFC');
  return { base, tone };
}

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];

/** Rhymes that end the syllable with no consonant. */
const OPEN = new Set(
  'a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua ui uơ uy ưa ưi ưu oai oay oao oeo uây uôi uya uyu ươi ươu iêu yêu uê ue'.split(' '),
);
/** Nuclei that take a final consonant. */
const CLOSED = new Set('a ă â e ê i o ô ơ u ư y iê yê uô ươ oa oă oe uâ uê uy uyê'.split(' '));
const CODAS = ['ch', 'nh', 'ng', 'c', 'm', 'n', 'p', 't'];
const STOPS = new Set(['c', 'ch', 'p', 't']);

/** True when `word` (letters only) can be one Vietnamese syllable. */
export function isSyllable(word: string): boolean {
  const { base, tone } = splitTone(word.toLocaleLowerCase('vi'));
  if (!/^[a-zăâđêôơư]+$/.test(base)) return false;
  const onset = ONSETS.find((o) => base.startsWith(o)) ?? '';
  let rest = base.slice(onset.length);
  if (onset === 'gi' && rest === '') return true; // gì
  if (onset === 'qu' && rest === '') return false;
  if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !/^[eêiy]/.test(rest)) return false;
  if ((onset === 'c' || onset === 'g' || onset === 'ng') && /^[eê]/.test(rest)) return false;
  if (OPEN.has(rest)) return true;
  const coda = CODAS.find((c) => rest.endsWith(c));
  if (!coda) return false;
  rest = rest.slice(0, -coda.length);
  if (!CLOSED.has(rest)) return false;
  if ((coda === 'ch' || coda === 'nh') && !['a', 'ê', 'i', 'y', 'oa', 'uê', 'uy'].includes(rest)) return false;
  if (STOPS.has(coda) && tone !== undefined && tone !== 'sac' && tone !== 'nang') return false;
  if (STOPS.has(coda) && tone === undefined) return false; // "cach", "viet": a stop takes sắc or nặng
  return true;
}

/** Letters only, with at least one Vietnamese-specific letter or tone mark. */
export const hasVietnameseMarks = (word: string): boolean => /[ăâđêôơưĂÂĐÊÔƠƯ]/.test(word) || splitTone(word.toLowerCase()).tone !== undefined;
