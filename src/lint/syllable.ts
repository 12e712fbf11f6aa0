// Vietnamese syllables by their structure: onset + rhyme (medial, nucleus, coda) + one tone, not by a
// word list. Used to tell "T uyên", "trư ờng" (a syllable split by a stray space) from two real
// syllables, and "ke hoach" (a syllable that needs a tone or a vowel mark to exist) from real words.

import { TONES_G } from '../text/normalize-text.js';

const TONE_MARKS: Record<string, string> = { '\u0300': 'huyen', '\u0301': 'sac', '\u0303': 'nga', '\u0309': 'hoi', '\u0323': 'nang' };

/** Base letters (ă â ê ô ơ ư đ kept), the tone and how many tone marks a lower-case word carries. */
export function splitTone(word: string): { base: string; tone?: string; marks: number } {
  let tone: string | undefined;
  let marks = 0;
  const base = word
    .normalize('NFD')
    .replace(TONES_G, (m) => {
      tone = TONE_MARKS[m];
      marks++;
      return '';
    })
    .normalize('NFC');
  return { base, tone, marks };
}

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];

/** Rhymes that end the syllable with no consonant. */
const OPEN = new Set(
  'a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua ui uơ uy ưa ưi ưu oai oay oao oeo uây uôi uya uyu ươi ươu iêu yêu uê ue'.split(' '),
);
/** Nuclei (with their medial) that take a final consonant. */
const CLOSED = new Set('a ă â e ê i o ô ơ u ư y iê yê uô ươ oa oă oe uâ uê uy uyê oo'.split(' '));
const CODAS = ['ch', 'nh', 'ng', 'c', 'm', 'n', 'p', 't'];
const STOPS = new Set(['c', 'ch', 'p', 't']);
/**
 * Nucleus + coda pairs Vietnamese does not have ("ơng", "ơc"); "yê" after a consonant is handled apart. The
 * long "oo" closes only with "ng" and "c" ("xoong", "Loỏng", "moóc").
 */
const NO_RHYME = new Set(['ơng', 'ơc', 'ơnh', 'ơch', 'ưnh', 'ưch', 'oon', 'oom', 'oop', 'oot', 'oonh', 'ooch']);

function parse(word: string): { onset: string; rhyme: string; tone?: string; marks: number } | undefined {
  const { base, tone, marks } = splitTone(word.toLowerCase());
  if (!/^[a-zăâđêôơư]+$/.test(base)) return undefined;
  const onset = ONSETS.find((o) => base.startsWith(o)) ?? '';
  return { onset, rhyme: base.slice(onset.length), tone, marks };
}

/** A word's answer, remembered: a plan repeats its words many times. */
function memo<T>(f: (w: string) => T): (w: string) => T {
  const seen = new Map<string, T>();
  return (w) => {
    let r = seen.get(w);
    if (r === undefined) {
      if (seen.size > 100_000) seen.clear();
      r = f(w);
      seen.set(w, r);
    }
    return r;
  };
}

/** True when `word` (letters only) can be one Vietnamese syllable. */
export const isSyllable = memo(syllable);
function syllable(word: string): boolean {
  const p = parse(word);
  if (!p || p.marks > 1) return false;
  const { onset, tone } = p;
  let rest = p.rhyme;
  if (onset === 'gi' && rest === '') return true; // gì
  if (onset === 'qu' && rest === '') return false;
  if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !/^[eêiy]/.test(rest)) return false;
  if ((onset === 'c' || onset === 'g' || onset === 'ng') && /^[eê]/.test(rest)) return false;
  if (onset === '' && /^iê/.test(rest)) return false; // written "yê" with no onset: yên, yếu
  if (OPEN.has(rest)) return true;
  const coda = CODAS.find((c) => rest.endsWith(c));
  if (!coda) return false;
  if (NO_RHYME.has(rest)) return false;
  rest = rest.slice(0, -coda.length);
  if (!CLOSED.has(rest)) return false;
  if (onset !== '' && onset !== 'qu' && rest === 'yê') return false; // tuyên has "uyê"; "tyên" does not exist
  if ((coda === 'ch' || coda === 'nh') && !['a', 'ê', 'i', 'y', 'oa', 'uê', 'uy'].includes(rest)) return false;
  if (STOPS.has(coda) && tone !== 'sac' && tone !== 'nang') return false; // "cach", "viet": a stop takes sắc or nặng
  return true;
}

/** The word with every mark taken off: tones, ă â ê ô ơ ư, đ. */
export const bare = memo((word: string): string =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D'),
);

/** Every syllable shape with its marks taken off ("tuyen", "nguoi", "hoach"), built from the tables above. */
const BARE_RHYMES: Set<string> = (() => {
  const s = new Set<string>();
  for (const r of OPEN) s.add(bare(r));
  for (const n of CLOSED) for (const c of CODAS) if (!NO_RHYME.has(n + c) && !((c === 'ch' || c === 'nh') && !['a', 'ê', 'i', 'y', 'oa', 'uê', 'uy'].includes(n))) s.add(bare(n + c));
  return s;
})();

/** True when an unmarked lower-case word is a Vietnamese syllable only once marks are added ("hoach", "nguoi"). */
export const needsMarks = memo(marksNeeded);
function marksNeeded(word: string): boolean {
  if (!/^[a-z]+$/.test(word) || isSyllable(word)) return false;
  const onset = ONSETS.map(bare).find((o) => word.startsWith(o)) ?? '';
  const rhyme = word.slice(onset.length);
  if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !/^[eiy]/.test(rhyme)) return false;
  return BARE_RHYMES.has(rhyme) || (onset === 'gi' && rhyme === '');
}

/** Letters only, with at least one Vietnamese-specific letter or tone mark. */
export const hasVietnameseMarks = memo((word: string): boolean => /[ăâđêôơưĂÂĐÊÔƠƯ]/.test(word) || splitTone(word.toLowerCase()).tone !== undefined);

/**
 * True when "a b" is one syllable cut in two: the halves join into a syllable, and either half cannot
 * stand alone, or the cut falls inside one of the vowels iê, yê, uô, ươ (nhi|ệm, Tuy|ên, trư|ờng), or the
 * plan writes the joined word elsewhere (ho|ạch, tu|ần).
 */
export function isSplit(a: string, b: string, known?: (w: string) => boolean): boolean {
  const joined = a + b;
  if (joined.length < 2 || !isSyllable(joined)) return false;
  if (!isSyllable(a) || !isSyllable(b)) return true;
  const pa = parse(a)!;
  const pb = parse(b)!;
  if (pb.onset !== '') return false;
  if (pa.onset === 'gi' && pa.rhyme === '' && pa.marks === 0) return true; // "gi ám": an onset alone ("gì" takes its tone)
  if (!/[aăâeêioôơuưy]$/.test(pa.rhyme)) return false;
  // a lone off-glide is no word of its own: "phả i", "sa u"
  if (['i', 'u', 'o'].includes(b.toLowerCase())) return true;
  // iê / yê / uyê / uô / ươ (open: ia, ua, ưa) are one vowel: no syllable boundary falls inside them
  const tail = /[aăâeêioôơuưy]+$/.exec(pa.rhyme)![0];
  const head = /^[aăâeêioôơuưy]*/.exec(pb.rhyme)![0];
  const open = pb.rhyme === 'a' ? ['ia', 'ưa', ...(pa.onset === 'qu' ? [] : ['ua'])] : [];
  if (['iê', 'yê', 'uyê', 'uô', 'ươ', ...open].some((d) => [...d].some((_, k) => k > 0 && tail.endsWith(d.slice(0, k)) && head.startsWith(d.slice(k))))) return true;
  return known?.(joined.toLowerCase()) ?? false;
}
