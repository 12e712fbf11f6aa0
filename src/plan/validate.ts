// Source → checked input → normalised Plan. Every problem of a file is reported at once (up to
// MAX_MESSAGES), with its position, in Vietnamese: what was found, what was expected, how to fix it.
// Reading is read/source.ts; zod's issues become messages in issues.ts; the rules beyond types are
// rules.ts. This module runs them in order.
import type * as z from 'zod';
import type { Message } from '../messages.js';
import { hasErrors } from '../messages.js';
import { byCodeUnit, findIllegalChar, normalizeText } from '../text/normalize-text.js';
import { decode, lineText, parseSource, position, work, type Path, type Source } from '../read/source.js';
import { CONTENT_KEYS, planSchemas, type InputPlan } from './schema.js';
import { describe, PLAN_KIND, reportIssues, type Err, type Kind } from './issues.js';
import { lineBreaks, PLAN_RULES, type Rule } from './rules.js';
import { normalizePlan, type Plan } from './normalize.js';

/**
 * Messages shown per file. A file with more problems is not a plan with a few mistakes: the first
 * ones are shown, then how many more there were. Past this number no message text is even made.
 */
export const MAX_MESSAGES = 200;

export interface Checked {
  plan?: Plan;
  /** The checked input (NFC, spaces collapsed) the plan was normalised from; what derive copies. */
  input?: InputPlan;
  messages: Message[];
}

/** What a text is checked against: a zod schema (built on first use) and the rules beyond it. */
export interface Format<T = Record<string, unknown>> {
  kind: Kind;
  schema: () => z.ZodType;
  rules: readonly Rule<T>[];
  /** A message when the file is plainly another kind of file (a plan given as a unit profile). */
  otherKind?: (data: Record<string, unknown>) => string | undefined;
  /** Keys whose "key:text" (no space) in an unquoted value is a key missing its space, not text. */
  keyLike?: ReadonlySet<string>;
}

const PLAN: Format = { kind: PLAN_KIND, schema: () => planSchemas().PlanSchema, rules: PLAN_RULES, keyLike: CONTENT_KEYS };

/** Validate the bytes of one plan file. */
export function checkBytes(file: string, bytes: Uint8Array): Checked {
  const d = decode(file, bytes);
  if (d.text === undefined) return { messages: d.messages };
  return checkText(file, d.text);
}

export function checkText(file: string, text: string): Checked {
  const r = checkWith(file, text, PLAN);
  if (!r.data) return { messages: r.messages };
  return { plan: normalizePlan(r.data as InputPlan), input: r.data as InputPlan, messages: r.messages };
}

/** A locator of data paths in YAML text (for problems found after validation, e.g. by derive). */
export function locator(file: string, text: string): (path: Path) => { line: number; column: number } {
  const loaded = parseSource(file, text);
  return (path) => (loaded.source ? position(loaded.source, path) : { line: 1, column: 1 });
}

/** A problem found, its message made only if it is shown. */
interface Problem {
  line: number;
  column: number;
  rule: string;
  text: string | (() => string);
}

/**
 * Validate YAML text against a schema and its rules: every problem at once, with its position.
 * Returns the checked (NFC-normalised) data only when there is no error. Used for plans and unit profiles.
 */
export function checkWith<T>(file: string, text: string, format: Format<T>): { data?: unknown; messages: Message[] } {
  const loaded = parseSource(file, text, format.keyLike);
  if (!loaded.source) return { messages: cap(file, loaded.messages.map((m) => ({ ...m, text: m.message }))) };
  const src = loaded.source;
  const problems: Problem[] = [];
  const err: Err = (path, rule, message, key) => {
    const p = position(src, path, { key });
    problems.push({ line: p.line, column: p.column, rule, text: message });
  };
  const done = (data?: unknown) => {
    const messages = cap(file, problems);
    return hasErrors(messages) ? { messages } : { data, messages };
  };

  const data = src.data;
  if (data === null || data === undefined) {
    err([], 'tep-rong', 'tệp không có nội dung (rỗng hoặc chỉ có chú thích); hãy bắt đầu từ `kehoach init` hoặc một tệp trong examples/.');
    return done();
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    err([], 'goc-khong-phai-bang', `cấp ngoài cùng phải là các khóa (co_quan_ban_hanh:, trich_yeu: ...), nhận được ${describe(data)}; hãy viết dưới dạng "khóa: giá trị".`);
    return done();
  }

  const other = format.otherKind?.(data as Record<string, unknown>);
  if (other) {
    err([], 'sai-loai-tep', other);
    return done();
  }
  // 1. text: a line break inside a plan's text is an error (before cleaning makes it a space);
  //    characters XML cannot carry are errors, everything else is normalised (NFC, spaces)
  if (format.kind === PLAN_KIND) lineBreaks(data, [], (path, message) => err(path, 'xuong-dong', message));
  const clean = cleanStrings(data, [], (path, index, code) =>
    err(path, 'ky-tu-cam', `có ký tự điều khiển không in được (U+${code.toString(16).toUpperCase().padStart(4, '0')}) ở vị trí ${index + 1} của chuỗi; thường do sao chép từ PDF hoặc phần mềm chat. Hãy xóa ký tự này.`),
  );
  // 2. structure and types, by the one schema
  const parsed = format.schema().safeParse(clean);
  if (!parsed.success) reportIssues(parsed.error.issues, { kind: format.kind, data: clean, err, lineAt: (path) => lineAt(src, path) });
  // 3. rules beyond types, on whatever is there, so that all problems come at once
  for (const rule of format.rules) rule.check(clean as T, (path, message, key) => err(path, rule.id, message, key));
  return done(parsed.success ? parsed.data : undefined);
}

/** The source line where the value at `path` starts. */
const lineAt = (src: Source, path: Path): string => lineText(src.text, src.lines, position(src, path).line);

/**
 * The problems as messages: each once, in file order, the first MAX_MESSAGES of them, then one
 * message saying how many more there were.
 */
function cap(file: string, problems: readonly Problem[]): Message[] {
  const seen = new Set<string>();
  const sorted = problems
    .filter((p) => {
      const k = `${p.line}:${p.column}:${p.rule}:${typeof p.text === 'string' ? p.text : ''}`;
      return !seen.has(k) && !!seen.add(k);
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || byCodeUnit(a.rule, b.rule));
  const message = ({ line, column, rule }: Problem, text: string): Message => ({ file, line, column, severity: 'lỗi', rule, message: text });
  const messages = sorted.slice(0, MAX_MESSAGES).map((p) => (work.steps++, message(p, typeof p.text === 'function' ? p.text() : p.text)));
  if (sorted.length > MAX_MESSAGES) {
    const more = `còn ${sorted.length - MAX_MESSAGES} lỗi nữa từ đây chưa hiện (mỗi tệp hiện nhiều nhất ${MAX_MESSAGES} lỗi); hãy sửa các lỗi trên rồi kiểm tra lại.`;
    messages.push(message({ ...sorted[MAX_MESSAGES], rule: 'qua-nhieu-loi' }, more));
  }
  return messages;
}

/**
 * NFC and spaces cleaned in every string; `path` is the one array walked (copied only for a report).
 * Objects are made without a prototype, so that a key "__proto__" is a key like any other: the
 * schema sees exactly the keys the file has (and refuses that one).
 */
function cleanStrings(v: unknown, path: (string | number)[], bad: (p: Path, i: number, code: number) => void): unknown {
  work.steps++;
  if (typeof v === 'string') {
    const ill = findIllegalChar(v);
    if (ill) bad([...path], ill.index, ill.code);
    return normalizeText(v);
  }
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      out[i] = cleanStrings(v[i], path, bad);
      path.pop();
    }
    return out;
  }
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(v)) {
      path.push(k);
      out[k] = cleanStrings((v as Record<string, unknown>)[k], path, bad);
      path.pop();
    }
    return out;
  }
  return v;
}
