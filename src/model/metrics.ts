// Text width from font metrics, so header lines and separator rules can be sized as ND30 asks
// (the line under the tiêu ngữ as long as its text; a long date falls back one size rather than wrap).
import { UNITS_PER_EM, WIDTHS } from './metrics-data.js';

export const PT_TO_MM = 25.4 / 72;

export function textWidthMm(text: string, sizePt: number, bold = false, italic = false): number {
  const table = WIDTHS[bold ? (italic ? 'bi' : 'b') : italic ? 'i' : 'r'];
  let units = 0;
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    // Non-breaking blanks (the registry's space) are as wide as spaces; unknown glyphs count as an "M".
    units += table[c === 0xa0 ? 0x20 : c] ?? table[0x4d];
  }
  return (units / UNITS_PER_EM) * sizePt * PT_TO_MM;
}

export const mmToTwip = (mm: number): number => Math.round(mm * 56.6929);
