// Vietnamese typed in the pre-Unicode encodings that office archives are full of: TCVN3 (ABC, the .VnTime
// fonts) and VNI (the VNI-Times fonts). Their text reads as garbage in Unicode ("Céng hßa", "Coäng hoøa").
// The code tables come from the vietnamese-conversion package; its own decoder replaces shorter sequences
// first and garbles "ứ", "ự", "ở" in VNI, so decoding here always takes the longest sequence that matches.
import CHARSETS from 'vietnamese-conversion/dist/charsets.js';

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Each legacy encoding as a clerk knows it. */
const LEGACY_NAME: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

/** The report's line for the runs of a legacy font converted (import, from .docx or PDF). */
export const convertedFont = (font: string, runs: number): string =>
  `chuyển ${runs} đoạn chữ phông ${font} từ mã ${LEGACY_NAME[encodingOfFont(font)!.enc]} sang Unicode.`;

/** The report's line for a whole text converted, its encoding told by its characters; `caveat` in parentheses. */
export const convertedText = (enc: LegacyEncoding, caveat?: string): string =>
  `chuyển toàn bộ văn bản từ mã ${LEGACY_NAME[enc]} sang Unicode${caveat ? ` (${caveat})` : ''}.`;

interface Table {
  map: Map<string, string>;
  longest: number;
}

const tables = new Map<LegacyEncoding, Table>();

function table(enc: LegacyEncoding): Table {
  let t = tables.get(enc);
  if (!t) {
    const sets = (CHARSETS as unknown as { default?: Record<string, string[]> }).default ?? (CHARSETS as unknown as Record<string, string[]>);
    const map = new Map<string, string>();
    const codes = sets[enc.toUpperCase()];
    codes.forEach((code, i) => {
      // TCVN3 has no capitals with tones: its table's two-character "capitals" are a base letter and a
      // lowercase glyph, which a real document never holds; such capitals come from the .VnTimeH fonts
      if (enc === 'tcvn3' && code.length > 1) return;
      if (code && code !== sets.UNICODE[i] && !map.has(code)) map.set(code, sets.UNICODE[i]);
    });
    // a PDF's text gives TCVN3's "à" (the micro sign's code) as Greek mu, the micro sign's compatibility form
    if (enc === 'tcvn3' && map.has('\u00b5')) map.set('\u03bc', map.get('\u00b5')!);
    t = { map, longest: Math.max(...[...map.keys()].map((k) => k.length)) };
    tables.set(enc, t);
  }
  return t;
}

/**
 * Unicode (NFC) text of a legacy-encoded text. `capitals`: the text was set in a capitals font
 * (.VnTimeH, .VnArialH …), whose lowercase codes show capital letters.
 */
export function fromLegacy(text: string, enc: LegacyEncoding, opts: { capitals?: boolean } = {}): string {
  const { map, longest } = table(enc);
  let out = '';
  for (let i = 0; i < text.length; ) {
    let hit: string | undefined;
    let n = Math.min(longest, text.length - i);
    for (; n > 0; n--) {
      hit = map.get(text.slice(i, i + n));
      if (hit !== undefined) break;
    }
    if (hit !== undefined && n > 0) {
      out += hit;
      i += n;
    } else out += text[i++];
  }
  if (opts.capitals) out = out.toLocaleUpperCase('vi');
  return out.normalize('NFC');
}

/** The legacy encoding a font name implies (.VnTime, .VnArialH → TCVN3; VNI-Times → VNI), if any. */
export function encodingOfFont(font: string): { enc: LegacyEncoding; capitals: boolean } | undefined {
  if (/^\.?Vn[A-Z]/u.test(font)) return { enc: 'tcvn3', capitals: /H$/u.test(font) };
  if (/^VNI[- ]/iu.test(font)) return { enc: 'vni', capitals: false };
  return undefined;
}

const VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/gu;

/** Whether a text has letters only Unicode Vietnamese has (ă, đ, ơ, ư, ạ …): it is no legacy text. */
export const hasUnicodeVietnamese = (s: string): boolean => /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u.test(s);
const LATIN1_HIGH = /[\u00a1-\u00ff]/gu;

/**
 * Which legacy encoding a text is in, told by its characters: Unicode Vietnamese has letters of the
 * Vietnamese blocks; legacy text has none of them and many Latin-1 symbols and accented letters. The
 * encoding whose decoding yields the most Vietnamese letters wins. Undefined for Unicode text.
 */
export function detectLegacy(text: string): LegacyEncoding | undefined {
  const sample = text.slice(0, 20_000);
  const viet = sample.match(VIETNAMESE)?.length ?? 0;
  const high = sample.match(LATIN1_HIGH)?.length ?? 0;
  if (high < 5 || viet > high / 4) return undefined;
  // VNI writes a vowel and then its marks as separate characters ("hoøa", "Coäng"); TCVN3 has one
  // character a letter ("hßa", "Céng"), so a vowel followed by a mark character is VNI's signature
  const pairs = sample.match(/[aeiouyAEIOUY][øùûõïØÙÛÕÏâäåãáàÂÄÅÃÁÀ]/gu)?.length ?? 0;
  return pairs > high / 3 ? 'vni' : 'tcvn3';
}
