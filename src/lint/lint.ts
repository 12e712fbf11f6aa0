// kehoach lint: runs the rules over the source text of every value of a plan, in document order.
// Positions are exact (the rules see the text as it stands in the file), and --fix rewrites only
// the characters a finding names, so comments, quoting and layout stay as the clerk left them.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Message } from '../messages.js';
import { RULES, type Finding, type Text } from './rules.js';
import { byCodeUnit } from '../text/normalize-text.js';

/** Values that are codes, dates or identifiers, not prose. */
const SKIP_KEYS = new Set(['viet_tat', 'ky_hieu', 'so_ky_hieu', 'ngay', 'han', 'phan', 'cap', 'ma', 'moc', 'noi', 'kieu_ngay', 'huong', 'can', 'luu', 'quyen_han', 'lien_tu', 'dau_cuoi']);

interface Value extends Text {
  start: number;
  synthetic?: boolean;
}

export interface LintResult {
  messages: Message[];
  /** The source with every safe fix applied (equal to the input when there is nothing to fix). */
  fixed: string;
  fixes: number;
}

export function lintText(file: string, text: string): LintResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, merge: false });
  if (doc.errors.length) return { messages: [], fixed: text, fixes: 0 }; // validate reports these
  const vals: Value[] = [];
  const cites: Value[] = [];
  const visit = (n: unknown, key: string) => {
    if (isScalar(n)) {
      if (typeof n.value === 'string' && n.range && !SKIP_KEYS.has(key)) vals.push({ text: text.slice(n.range[0], n.range[1]), key, start: n.range[0] });
    } else if (isSeq(n)) for (const it of n.items) visit(it, key);
    else if (isMap(n)) {
      const get = (k: string) => n.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === k)?.value;
      const num = get('so_ky_hieu');
      const type = get('loai');
      if (isScalar(num) && isScalar(type) && isScalar(get('ngay'))) cites.push({ text: `${type.value} số ${num.value} ngày`, key: 'can_cu', start: -1, synthetic: true });
      for (const p of n.items) if (isPair(p)) visit(p.value, isScalar(p.key) ? String(p.key.value) : key);
    }
  };
  visit(doc.contents, '');
  const all: Value[] = [...cites, ...vals];

  const found: { v: Value; rule: string; f: Finding }[] = [];
  for (const rule of RULES) {
    if (rule.scope === 'value') for (const v of vals) for (const f of rule.check(v.text)) found.push({ v, rule: rule.id, f });
    else for (const { at, finding } of rule.check(all)) if (!all[at].synthetic) found.push({ v: all[at], rule: rule.id, f: finding });
  }
  found.sort((a, b) => a.v.start + a.f.index - (b.v.start + b.f.index) || byCodeUnit(a.rule, b.rule));

  const messages: Message[] = found.map(({ v, rule, f }) => {
    const p = lines.linePos(v.start + f.index);
    return { file, line: p.line, column: p.col, severity: 'cảnh báo', rule, message: f.message + (f.fix !== undefined ? ' (sửa được bằng --fix)' : '') };
  });

  // Fixes: non-overlapping, on one line each (a fix never joins lines), applied from the end.
  const edits = found
    .filter(({ f, v }) => f.fix !== undefined && !v.text.slice(f.index, f.index + f.length).includes('\n'))
    .map(({ v, f }) => ({ from: v.start + f.index, to: v.start + f.index + f.length, fix: f.fix! }))
    .sort((a, b) => a.from - b.from)
    .filter((e, i, arr) => i === 0 || e.from >= arr[i - 1].to);
  let fixed = text;
  for (const e of [...edits].reverse()) fixed = fixed.slice(0, e.from) + e.fix + fixed.slice(e.to);
  if (edits.length && parseDocument(fixed, { uniqueKeys: true }).errors.length) return { messages, fixed: text, fixes: 0 }; // never break the YAML
  return { messages, fixed, fixes: edits.length };
}

