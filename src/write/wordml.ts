// WordprocessingML written as strings, element for element as docx 9.15 writes it (attribute order,
// self-closing empty elements, the characters it escapes). document-xml.ts and table-xml.ts build on
// these; the tests hold their output to docx's own compile.
import type { Para, Run } from '../model/model.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text and attribute values as docx escapes them (control characters other than tab and newlines dropped). */
export const esc = (s: string): string => s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');

const onOff = (name: string, on: boolean) => (on ? `<w:${name}/><w:${name}Cs/>` : `<w:${name} w:val="false"/><w:${name}Cs w:val="false"/>`);

/** A run; `sizePt` is the paragraph's stepped-down size, when it has one. */
export function runXml(r: Run, sizePt?: number): string {
  let pr = '';
  if (r.bold !== undefined) pr += onOff('b', r.bold);
  if (r.italic !== undefined) pr += onOff('i', r.italic);
  if (sizePt) pr += `<w:sz w:val="${sizePt * 2}"/><w:szCs w:val="${sizePt * 2}"/>`;
  return `<w:r>${pr ? `<w:rPr>${pr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
}

/** A paragraph's properties in the schema's order; `inner` is what goes after pStyle and keepNext. */
export function pPr(style: string | undefined, opts: { keepNext?: boolean; inner?: string; align?: string } = {}): string {
  const body = (style ? `<w:pStyle w:val="${esc(style)}"/>` : '') + (opts.keepNext ? '<w:keepNext/>' : '') + (opts.inner ?? '') + (opts.align ? `<w:jc w:val="${opts.align}"/>` : '');
  return body ? `<w:pPr>${body}</w:pPr>` : '';
}

/** A paragraph of the model: its style, runs (at its size, if stepped down), alignment and keep-with-next. */
export function paraXml(p: Para, opts: { align?: string; keepNext?: boolean } = {}): string {
  const pr = pPr(p.style, opts);
  const runs = p.runs.map((r) => runXml(r, p.sizePt)).join('');
  return pr || runs ? `<w:p>${pr}${runs}</w:p>` : '<w:p/>';
}
