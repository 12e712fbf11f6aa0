// kehoach lint: runs the rules over the source text of every value of a plan, in document order.
// Positions are exact (the rules see the text as it stands in the file), and --fix rewrites only
// the characters a finding names, so comments, quoting and layout stay as the clerk left them.
import { isMap, isPair, isScalar, isSeq, LineCounter, parse, parseDocument } from 'yaml';
import type { Message } from '../messages.js';
import { checkProfile } from '../plan/profile.js';
import { checkBytes } from '../plan/validate.js';
import { decode, labelLineFix, lineBreakFix, hashFix, colonSpaceFix, itemIndentFix, spaceIndentFix, starFix } from '../read/source.js';
import { byCodeUnit } from '../text/normalize-text.js';
import { RULES } from './rules.js';
import { context, type Finding, type Rule, type Text } from './types.js';

/** Values that are codes, dates or identifiers, not prose. */
const SKIP_KEYS = new Set(['viet_tat', 'ky_hieu', 'so_ky_hieu', 'ngay', 'han', 'phan', 'cap', 'ma', 'moc', 'noi', 'kieu_ngay', 'huong', 'can', 'luu', 'quyen_han', 'lien_tu', 'dau_cuoi']);
/** Of those, the ones the plan-wide rules still read (the plan's own ký hiệu is not an abbreviation to define). */
const CODE_KEYS = new Set(['viet_tat', 'ky_hieu', 'so_ky_hieu']);

interface Value extends Text {
  start: number;
  /** Written under `quyet_dinh`: the decision that issues the plan, a document of its own. */
  decision?: boolean;
}

export interface LintResult {
  messages: Message[];
  /** The source with every safe fix applied (equal to the input when there is nothing to fix). */
  fixed: string;
  fixes: number;
}

/** "2011-11-08" → "08/11/2011"; a partial date gives nothing. */
const slashDate = (iso: unknown) => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : undefined);

function readValues(text: string): { lines: LineCounter; vals: Value[]; all: Value[] } | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, merge: false });
  if (doc.errors.length) return undefined; // validate reports these
  const vals: Value[] = [];
  const extra: Value[] = [];
  const visit = (n: unknown, key: string, top: string, owner = '') => {
    const decision = top === 'quyet_dinh' || undefined;
    if (isScalar(n)) {
      if (typeof n.value !== 'string' || !n.range) return;
      // the plan's own trích yếu and its decision's are titles; a cited document's is part of a căn cứ sentence
      const title = (key === 'trich_yeu' && (owner === '' || owner === 'quyet_dinh')) || undefined;
      const appendix = top === 'phu_luc' || undefined;
      const appendixTitle = (appendix && key === 'tieu_de' && owner === 'phu_luc') || undefined;
      const v = { text: text.slice(n.range[0], n.range[1]), key, start: n.range[0], decision, title, appendix, appendixTitle };
      if (!SKIP_KEYS.has(key)) vals.push(v);
      else if (CODE_KEYS.has(key)) extra.push({ ...v, synthetic: true });
    } else if (isSeq(n)) for (const it of n.items) visit(it, key, top, owner);
    else if (isMap(n)) {
      const get = (k: string) => n.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === k)?.value;
      const num = get('so_ky_hieu');
      const type = get('loai');
      const day = get('ngay');
      if (isScalar(num) && isScalar(type) && isScalar(day)) {
        const d = slashDate(day.value);
        extra.push({ text: `${type.value} số ${num.value}${d ? ` ngày ${d}` : ''}`, key: 'can_cu', start: -1, synthetic: true, decision });
      }
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const k = isScalar(p.key) ? String(p.key.value) : key;
        visit(p.value, k, top || k, key);
      }
    }
  };
  visit(doc.contents, '', '');
  return { lines, vals, all: [...extra, ...vals] };
}

interface Found {
  v: Value;
  rule: string;
  f: Finding;
}

/**
 * The documents of a file: the plan, and the decision issuing it when there is one. The plan's own codes
 * (viet_tat, ky_hieu: synthetic, never reported) stand in both, since the decision writes them too.
 */
function documents(all: Value[]): Value[][] {
  if (!all.some((v) => v.decision)) return [all];
  return [all.filter((v) => !v.decision), all.filter((v) => v.decision || (v.synthetic && CODE_KEYS.has(v.key)))];
}

function findAll(vals: Value[], all: Value[], rules: readonly Rule[] = RULES): Found[] {
  const ctx = context(vals.map((v) => v.text));
  const docs = documents(all);
  const found: Found[] = [];
  for (const rule of rules) {
    if (rule.scope === 'value') for (const v of vals) for (const f of rule.check(v.text, ctx)) found.push({ v, rule: rule.id, f });
    else {
      for (const texts of rule.wholeFile ? [all] : docs) {
        for (const { at, finding } of rule.check(texts)) if (!texts[at].synthetic) found.push({ v: texts[at], rule: rule.id, f: finding });
      }
    }
  }
  return found.sort((a, b) => a.v.start + a.f.index - (b.v.start + b.f.index) || byCodeUnit(a.rule, b.rule));
}

/**
 * A value written plain (unquoted) that a fix made into something else for YAML: "Lưu:VT" fixed to "Lưu: VT"
 * would be read as a key, ", #3" as a comment, "3 ." as the number 3. Such a value is quoted instead.
 */
const YAML_SIGNS = /:(?: |\n|$)| #|\t#/;
function plainBroken(before: string, after: string): boolean {
  if (/^["'|>]/.test(before)) return false;
  if (YAML_SIGNS.test(after) && !YAML_SIGNS.test(before)) return true;
  try {
    return typeof parse(after) !== 'string';
  } catch {
    return true;
  }
}
const doubleQuoted = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The fixes of one pass: non-overlapping, each keeping its line breaks (a fix never joins lines). */
function applyFixes(text: string, found: Found[], only?: ReadonlySet<string>): { text: string; count: number } {
  const newlines = (s: string) => s.split('\n').length;
  const edits = found
    .filter(({ f, v, rule }) => f.fix !== undefined && (!only || only.has(rule)) && newlines(v.text.slice(f.index, f.index + f.length)) === newlines(f.fix))
    .map(({ v, f }) => ({ v, from: f.index, to: f.index + f.length, fix: f.fix! }))
    .sort((a, b) => a.v.start + a.from - (b.v.start + b.from) || a.to - b.to);
  const kept: typeof edits = [];
  for (const e of edits) {
    const last = kept[kept.length - 1];
    if (!last || e.v.start + e.from >= last.v.start + last.to) kept.push(e);
  }
  // value by value, the text between them kept as it is: pieces joined once (a copy per fix would be quadratic)
  const pieces: string[] = [];
  let done = 0;
  for (let i = 0; i < kept.length; ) {
    const v = kept[i].v;
    const parts: string[] = [];
    let from = 0;
    for (; i < kept.length && kept[i].v === v; i++) {
      parts.push(v.text.slice(from, kept[i].from), kept[i].fix);
      from = kept[i].to;
    }
    parts.push(v.text.slice(from));
    const t = parts.join('');
    pieces.push(text.slice(done, v.start), plainBroken(v.text, t) ? doubleQuoted(t) : t);
    done = v.start + v.text.length;
  }
  pieces.push(text.slice(done));
  const out = pieces.join('');
  return { text: out, count: kept.length };
}

/** Passes of --fix until nothing fixable is left: one fix can uncover the next (" ,," → ",," → ","). */
const MAX_PASSES = 6;

/**
 * `fix: false` skips working out the fixes (only the messages are wanted); `only` limits the fixes to
 * those rules (import repairs extraction damage, never the writer's own choices).
 */
export function lintText(file: string, text: string, opts: { fix?: boolean; only?: ReadonlySet<string> } = {}): LintResult {
  const read = readValues(text);
  if (!read) return { messages: [], fixed: text, fixes: 0 };
  const found = findAll(read.vals, read.all);
  const messages: Message[] = found.map(({ v, rule, f }) => {
    const p = read.lines.linePos(v.start + f.index);
    return { file, line: p.line, column: p.col, severity: 'cảnh báo', rule, message: f.message + (f.fix !== undefined ? ' (sửa được bằng --fix)' : '') };
  });
  let fixed = text;
  let fixes = 0;
  let current = found;
  // a fixed text is read again only by the rules that fix (and that were asked for)
  const fixing = RULES.filter((r) => r.fixes && (!opts.only || opts.only.has(r.id)));
  for (let pass = 0; pass < (opts.fix === false ? 0 : MAX_PASSES); pass++) {
    const step = applyFixes(fixed, current, opts.only);
    if (!step.count) break;
    const next = readValues(step.text);
    if (!next) break; // never break the YAML: keep what the earlier passes did
    fixed = step.text;
    fixes += step.count;
    current = findAll(next.vals, next.all, fixing);
  }
  return { messages, fixed, fixes };
}

/**
 * `kehoach lint` for one file: validates it as what it is (a plan, or a unit profile when `profile`),
 * then lints it; with `fix`, the messages are those left after the fixes.
 */
export function lintFile(file: string, bytes: Uint8Array, opts: { fix?: boolean; profile?: boolean } = {}): LintResult {
  let checked = opts.profile ? checkProfile(file, bytes) : checkBytes(file, bytes);
  const decoded = decode(file, bytes).text;
  if (decoded === undefined) return { messages: checked.messages, fixed: '', fixes: 0 };
  let text: string = decoded;
  // Problems of validation that --fix repairs in the source, as their messages say: "- Thời gian: Từ
  // ngày …" read by YAML as a key (the line quoted), a line break inside a text (written on one line),
  // words after " #" that YAML would drop as a comment (the value quoted whole), "khoa:giá trị" (a space),
  // a list item a space deeper than its siblings (moved back), a value starting with "*" (quoted). (A key
  // among list items that lost its "- " is not repaired: the lines under it would have to move too.)
  const repairs: Record<string, (line: string, column: number) => string | undefined> = {
    'nhan-hai-cham': (line) => labelLineFix(line),
    'xuong-dong': lineBreakFix,
    'dau-thang': hashFix,
    'sau-hai-cham': colonSpaceFix,
    'y-thut-sau': itemIndentFix,
    'dau-sao-dau': starFix,
    'dau-cach-la': spaceIndentFix,
  };
  let repaired = 0;
  // (again on the repaired text: a YAML syntax error hides the problems after it until it is repaired, and
  // those must be repaired here too, before the spelling rules read "gach:Các …" as a sentence)
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const repairable = checked.messages.filter((m) => m.rule in repairs);
    if (!repairable.length) break;
    const lines = text.split('\n');
    let n = 0;
    // (no-break spaces in the indentation: one message for all the lines, each line repaired)
    const named = repairable.flatMap((m) => (m.rule === 'dau-cach-la' ? lines.flatMap((l, k) => (spaceIndentFix(l) !== undefined ? [{ m, line: k + 1 }] : [])) : [{ m, line: m.line }]));
    for (const { m, line: at } of named) {
      const line = lines[at - 1];
      const fixed = repairs[m.rule](line.replace(/\r$/, ''), m.column);
      if (fixed === undefined) continue;
      if (opts.fix) (lines[at - 1] = fixed + (line.endsWith('\r') ? '\r' : '')), n++;
      else if (!m.message.endsWith(' (sửa được bằng --fix)')) m.message += ' (sửa được bằng --fix)';
    }
    if (!n) break;
    repaired += n;
    text = lines.join('\n');
    checked = opts.profile ? checkProfile(file, Buffer.from(text, 'utf8')) : checkBytes(file, Buffer.from(text, 'utf8'));
  }
  // On a line the validator finds wrong, spelling advice is noise ("gach" without marks in "- gach:Triển
  // khai"): the error comes first, and the advice, if still true, after it is fixed.
  const wrong = new Set(checked.messages.filter((m) => m.severity === 'lỗi').map((m) => m.line));
  const all = (lint: Message[]) => [...checked.messages, ...lint.filter((m) => !wrong.has(m.line))];
  const r = lintText(file, text);
  if (!opts.fix || (!r.fixes && !repaired)) return { ...r, messages: all(r.messages) };
  return { fixed: r.fixed, fixes: r.fixes + repaired, messages: all(lintText(file, r.fixed).messages) };
}
