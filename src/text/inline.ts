// Inline markup inside any text of a plan: **đậm**, *nghiêng*, ***đậm nghiêng***; \* is a literal star.
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** The one scan of the markup: the spans it gives, and whether a marker was left open. */
function scan(src: string): { spans: Span[]; open: boolean } {
  // most text has no markup at all (a \* has a star too)
  if (!src.includes('*')) return { spans: src ? [{ text: src }] : [], open: false };
  const out: Span[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = () => {
    if (!buf) return;
    const last = out[out.length - 1];
    if (last && !!last.bold === bold && !!last.italic === italic) last.text += buf;
    else out.push({ text: buf, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
    buf = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && src[i + 1] === '*') {
      buf += '*';
      i++;
    } else if (c === '*') {
      let n = 1;
      while (src[i + n] === '*') n++;
      flush();
      if (n >= 3) {
        bold = !bold;
        italic = !italic;
      } else if (n === 2) bold = !bold;
      else italic = !italic;
      i += Math.min(n, 3) - 1;
    } else buf += c;
  }
  flush();
  return { spans: out, open: bold || italic };
}

export const parseInline = (src: string): Span[] => scan(src).spans;

/** The text a reader sees, markup removed. */
export const plainText = (src: string): string => parseInline(src).map((s) => s.text).join('');

/** Unbalanced markers: a star that opens and never closes. */
export const unbalancedMarkup = (src: string): boolean => scan(src).open;

/** Escape a literal text so that parseInline gives it back unchanged. */
export const escapeInline = (s: string): string => s.replace(/\*/g, '\\*');

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A footnote's number as import writes its reference and its paragraph (kehoach prints no footnotes): "¹", "¹²". */
export const superscript = (n: number): string => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');
/** A footnote's paragraph, as import writes it after the one that refers to it: its number small, then its text. */
export const NOTE_PARAGRAPH = new RegExp(`^[${SUPERSCRIPT}]+\\s`, 'u');
