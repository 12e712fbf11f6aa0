// Source → checked input → normalised Plan. Every problem of a file is reported at once, with its
// position, in Vietnamese: what was found, what was expected, how to fix it.
import type * as z from 'zod';
import type { Message } from '../messages.js';
import { hasErrors, sortMessages } from '../messages.js';
import { findIllegalChar, normalizeText } from '../text/normalize-text.js';
import { unbalancedMarkup } from '../text/inline.js';
import { dateParts } from '../text/dates.js';
import { planSchemas, ROLES, type InputPlan } from './schema.js';
import { planShape } from './plan-shape.js';
import { parseShape, type ShapeTable } from './shape.js';
import { decode, keyPosition, MAX_DEPTH, parseSource, position, type Path, type Source } from '../read/source.js';
import { quickLoad } from '../read/fast-yaml.js';
import { normalizePlan, type Plan } from './normalize.js';

export interface Checked {
  plan?: Plan;
  /** The checked input (NFC, spaces collapsed) the plan was normalised from; what derive copies. */
  input?: InputPlan;
  messages: Message[];
}

/** Validate the bytes of one plan file. */
export function checkBytes(file: string, bytes: Uint8Array): Checked {
  const d = decode(file, bytes);
  if (d.text === undefined) return { messages: d.messages };
  return checkText(file, d.text);
}

/** How a text is read; `quick: false` (tests) reads it with positions even when nothing is wrong. */
export interface ReadOptions {
  quick?: boolean;
}

export function checkText(file: string, text: string, opts: ReadOptions = {}): Checked {
  const r = checkWith(file, text, PLAN, crossChecks, opts);
  if (!r.data) return { messages: r.messages };
  return { plan: normalizePlan(r.data as InputPlan), input: r.data as InputPlan, messages: r.messages };
}

type Err = (path: Path, rule: string, message: string, key?: boolean) => void;
type Rules = (data: Record<string, unknown>, err: Err) => void;

/**
 * What a text is checked against: its zod schema (built on first use) and, when there is one, the
 * same schema's shape (shape.ts), which checks a text with nothing wrong without building the schema.
 */
export interface Format {
  schema: () => z.ZodType;
  shape?: () => ShapeTable;
}

const PLAN: Format = { schema: () => planSchemas().PlanSchema, shape: planShape };

/** A locator of data paths in YAML text (for problems found after validation, e.g. by derive). */
export function locator(file: string, text: string): (path: Path) => { line: number; column: number } {
  const loaded = parseSource(file, text);
  return (path) => (loaded.source ? position(loaded.source, path) : { line: 1, column: 1 });
}

/**
 * Validate YAML text against a schema and extra rules: every problem at once, with its position.
 * Returns the checked (NFC-normalised) data only when there is no error. Used for plans and unit profiles.
 */
export function checkWith(
  file: string,
  text: string,
  format: Format,
  rules: Rules,
  opts: ReadOptions = {},
): { data?: unknown; messages: Message[] } {
  if (opts.quick !== false) {
    const data = quickCheck(text, format, rules);
    if (data !== undefined) return { data, messages: [] };
  }
  const loaded = parseSource(file, text);
  if (!loaded.source) return { messages: loaded.messages };
  const src = loaded.source;
  const messages = [...loaded.messages];
  const err: Err = (path, rule, message, key) => {
    const p = position(src, path, { key });
    messages.push({ file, line: p.line, column: p.column, severity: 'lỗi', rule, message });
  };

  const data = src.data;
  if (data === null || data === undefined) {
    err([], 'tep-rong', 'tệp không có nội dung (rỗng hoặc chỉ có chú thích); hãy bắt đầu từ `kehoach init` hoặc một tệp trong examples/.');
    return { messages };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    err([], 'goc-khong-phai-bang', `cấp ngoài cùng phải là các khóa (co_quan_ban_hanh:, trich_yeu: ...), nhận được ${describe(data)}; hãy viết dưới dạng "khóa: giá trị".`);
    return { messages };
  }

  const parsed = checkData(data, format.schema(), rules, err, (issues, clean) => {
    for (const issue of issues) reportIssue(src, clean, issue, [], err);
  });

  dedupe(messages);
  sortMessages(messages);
  if (hasErrors(messages) || !parsed.success) return { messages };
  return { data: parsed.data, messages };
}

/**
 * The checked data of a text that has no problem at all, read the quick way (fast-yaml.ts), by the
 * same steps; undefined when anything is wrong or the text is for `yaml` to read, and then checkWith
 * reads it again with positions and reports.
 */
function quickCheck(text: string, format: Format, rules: Rules): unknown {
  const data = quickLoad(text);
  if (data === null || typeof data !== 'object' || Array.isArray(data) || depthOver(data, MAX_DEPTH)) return undefined;
  let wrong = false;
  const parse = format.shape ? shapeParser(format.shape()) : format.schema();
  const parsed = checkData(data, parse, rules, () => (wrong = true), () => (wrong = true));
  return wrong || !parsed.success ? undefined : parsed.data;
}

/** The shape as a parser in zod's form: on failure no issues, as the quick path only needs to know. */
function shapeParser(shape: ShapeTable): Parser {
  return {
    safeParse: (v) => {
      const r = parseShape(shape, v);
      return r ? { success: true, data: r.value } : { success: false, error: { issues: [] } };
    },
  };
}

/** What checkData needs of a schema. */
interface Parser {
  safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: z.core.$ZodIssue[] } };
}

/**
 * The steps after reading, whichever way the text was read: 1. text: characters XML cannot carry are
 * errors, everything else is normalised (NFC, spaces); 2. structure and types, by the one schema,
 * whose issues go to `schemaIssues`; 3. rules beyond types, run on whatever is there so that all
 * problems come at once.
 */
function checkData(data: object, schema: Parser, rules: Rules, err: Err, schemaIssues: (issues: z.core.$ZodIssue[], clean: unknown) => void) {
  newlines(data, [], err); // before cleaning turns them into spaces
  const clean = cleanStrings(data, [], (path, index, code) =>
    err(path, 'ky-tu-cam', `có ký tự điều khiển không in được (U+${code.toString(16).toUpperCase().padStart(4, '0')}) ở vị trí ${index + 1} của chuỗi; thường do sao chép từ PDF hoặc phần mềm chat. Hãy xóa ký tự này.`),
  );
  const parsed = schema.safeParse(clean);
  if (!parsed.success) schemaIssues(parsed.error.issues, clean);
  rules(clean as Record<string, unknown>, err);
  return parsed;
}

/** Whether data nests deeper than `max` (counting as source.ts counts YAML nodes). */
function depthOver(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) return true;
    if (v && typeof v === 'object') for (const x of Object.values(v)) stack.push([x, d + 1]);
  }
  return false;
}

function dedupe(ms: Message[]): void {
  const seen = new Set<string>();
  let w = 0;
  for (const m of ms) {
    const k = `${m.line}:${m.column}:${m.rule}:${m.message}`;
    if (!seen.has(k)) (seen.add(k), (ms[w++] = m));
  }
  ms.length = w;
}

// ------------------------------------------------------------------ string cleaning

/** NFC and spaces cleaned in every string; `path` is the one array walked (copied only for a report). */
function cleanStrings(v: unknown, path: (string | number)[], bad: (p: Path, i: number, code: number) => void): unknown {
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
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      path.push(k);
      out[k] = cleanStrings((v as Record<string, unknown>)[k], path, bad);
      path.pop();
    }
    return out;
  }
  return v;
}

// ------------------------------------------------------------------ zod issues → Vietnamese

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

export function describe(v: unknown): string {
  if (v === undefined) return 'không có gì';
  if (v === null) return 'giá trị rỗng';
  if (typeof v === 'string') return `chuỗi "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (typeof v === 'number') return `số ${v}`;
  if (typeof v === 'boolean') return `giá trị ${v}`;
  if (Array.isArray(v)) return `một danh sách (${v.length} phần tử)`;
  if (typeof v === 'object') return `một khối khóa (${Object.keys(v).slice(0, 3).join(', ')}${Object.keys(v).length > 3 ? ', …' : ''})`;
  return String(v);
}

const EXPECTED: Record<string, string> = {
  string: 'một đoạn chữ',
  number: 'một số',
  int: 'một số nguyên',
  boolean: 'true hoặc false',
  array: 'một danh sách (các dòng bắt đầu bằng "- ")',
  object: 'một khối khóa: giá trị',
};

const pathName = (path: Path): string =>
  path.length === 0 ? 'kế hoạch' : path.map((k, i) => (typeof k === 'number' ? `[${k + 1}]` : (i ? '.' : '') + k)).join('');

function reportIssue(src: Source, data: unknown, issue: z.core.$ZodIssue, base: Path, err: Err): void {
  const path: Path = [...base, ...(issue.path as (string | number)[])];
  const found = valueAt(data, path);
  const at = pathName(path);
  switch (issue.code) {
    case 'invalid_type': {
      if (found === undefined) {
        missingKey(path, at, err);
        return;
      }
      const exp = EXPECTED[issue.expected] ?? issue.expected;
      let fix = '';
      if (issue.expected === 'number' && typeof found === 'string' && /^\s*\d+\s*$/.test(found)) fix = ' Hãy bỏ dấu nháy để YAML đọc thành số.';
      else if (issue.expected === 'string' && typeof found === 'number') fix = ' Hãy đặt giá trị trong dấu nháy kép "...".';
      else if (issue.expected === 'string' && found === null) fix = ' Hãy viết nội dung sau dấu ":" hoặc xóa cả dòng.';
      err(path, 'kieu-du-lieu', `${at}: cần ${exp}, nhận được ${describe(found)}.${fix}`);
      return;
    }
    case 'unrecognized_keys': {
      for (const key of issue.keys) {
        if (key === '<<') {
          err([...path, key], 'khoa-gop', 'khóa gộp YAML "<<" không được dùng trong kế hoạch (dễ gây nhầm và phình dữ liệu); hãy viết thẳng các khóa cần có.', true);
          continue;
        }
        const s = suggest(key);
        err([...path, key], 'khoa-la', `khóa không có trong mẫu kế hoạch: "${key}"${s ? `; có phải ý là "${s}"?` : '; hãy xem các khóa hợp lệ trong schemas/plan.schema.json.'}`, true);
      }
      return;
    }
    case 'invalid_union': {
      if (found === undefined) {
        missingKey(path, at, err);
        return;
      }
      if (isSentenceKey(found)) {
        err(path, 'cau-hai-cham', `câu "${Object.keys(found as object)[0].slice(0, 50)}:" kết thúc bằng dấu hai chấm nên YAML hiểu thành một khóa; hãy đặt cả câu trong dấu nháy kép "...".`);
        return;
      }
      const branch = pickBranch(data, path, issue.errors);
      if (branch) {
        for (const sub of branch) reportIssue(src, data, sub, path, err);
        return;
      }
      err(path, 'kieu-du-lieu', `${at}: không đúng dạng; nhận được ${describe(found)}. ${unionHint(path)}`);
      return;
    }
    case 'too_small': {
      if (issue.origin === 'string') err(path, 'chuoi-rong', `${at}: không được để trống; hãy viết nội dung hoặc xóa khóa này.`);
      else if (issue.origin === 'array') err(path, 'danh-sach-rong', `${at}: cần ít nhất ${issue.minimum} mục, nhận được ${describe(found)}.`);
      else err(path, 'gia-tri', `${at}: cần số ${issue.inclusive ? 'từ' : 'lớn hơn'} ${issue.minimum}, nhận được ${describe(found)}.`);
      return;
    }
    case 'too_big': {
      if (issue.origin === 'array') err(path, 'danh-sach-dai', `${at}: nhiều nhất ${issue.maximum} mục, nhận được ${describe(found)}; hãy tách bớt hoặc kiểm tra tệp có bị lặp nội dung.`);
      else if (issue.origin === 'string') err(path, 'chuoi-dai', `${at}: đoạn chữ dài ${String(found).length} ký tự, vượt giới hạn ${issue.maximum}; hãy chia thành nhiều đoạn.`);
      else err(path, 'gia-tri', `${at}: cần số không quá ${issue.maximum}, nhận được ${describe(found)}.`);
      return;
    }
    case 'invalid_value': {
      const opts = issue.values.map((v) => `"${String(v)}"`).join(', ');
      err(path, 'gia-tri', `${at}: giá trị ${describe(found)} không hợp lệ; chọn một trong: ${opts}.`);
      return;
    }
    case 'invalid_format':
    case 'custom': {
      ruleMessage(issue.message, path, found, at, err);
      return;
    }
    default:
      err(path, 'gia-tri', `${at}: giá trị ${describe(found)} không hợp lệ.`);
  }
}

function missingKey(path: Path, at: string, err: Err): void {
  const key = String(path[path.length - 1]);
  err(path, 'thieu-khoa', `thiếu khóa bắt buộc "${key}" (${at}); hãy thêm "${key}: ..." vào khối này.`);
}

function ruleMessage(rule: string, path: Path, found: unknown, at: string, err: Err): void {
  switch (rule) {
    case 'ngay-dinh-dang':
      err(path, 'ngay-dinh-dang', `${at}: ngày ${describe(found)} không đúng dạng; hãy viết NĂM-THÁNG-NGÀY, ví dụ 2019-01-23.`);
      return;
    case 'ngay-khong-ton-tai':
      err(path, 'ngay-khong-ton-tai', `${at}: ngày ${String(found)} không có trên lịch; hãy kiểm tra lại ngày và tháng.`);
      return;
    case 'ky-hieu':
      err(path, 'ky-hieu', `${at}: ký hiệu ${describe(found)} không đúng dạng; viết HOA, các nhóm nối bằng "-", không có dấu cách, ví dụ KH-SYT.`);
      return;
    case 'viet-tat':
      err(path, 'viet-tat', `${at}: chữ viết tắt ${describe(found)} không đúng dạng; viết HOA, không dấu cách, ví dụ SYT hoặc TTYT.`);
      return;
    default:
      err(path, 'gia-tri', `${at}: giá trị ${describe(found)} không hợp lệ (${rule}).`);
  }
}

/** `- Câu kết thúc bằng:` parses as {"Câu kết thúc bằng": null}: a sentence, not a key. */
function isSentenceKey(v: unknown): boolean {
  if (!isObj(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && v[keys[0]] === null && /\s/.test(keys[0]);
}

/** Of a union's branches, the one whose keys fit the object best (so {gach: 5} reports gach's problem). */
function pickBranch(data: unknown, path: Path, branches: z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined {
  const v = valueAt(data, path);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  let best: z.core.$ZodIssue[] | undefined;
  let bestScore = Infinity;
  for (const issues of branches) {
    let score = 0;
    for (const i of issues) {
      if (i.path.length === 0 && i.code === 'invalid_type') score += 1000; // wrong kind of thing entirely
      else if (i.code === 'unrecognized_keys' && i.path.length === 0) score += 10 * i.keys.length;
      else if (i.code === 'invalid_type' && i.path.length === 1 && (v as Record<string, unknown>)[String(i.path[0])] === undefined) score += 10;
      else score += 1;
    }
    if (score < bestScore) (bestScore = score), (best = issues);
  }
  return bestScore >= 1000 ? undefined : best;
}

function unionHint(path: Path): string {
  const parent = path.filter((k) => typeof k === 'string').at(-1);
  if (parent === 'noi_nhan') return 'Mỗi nơi nhận là một dòng chữ, hoặc {ten: ..., muc_dich: ...}.';
  if (parent === 'o' || parent === 'hang') return 'Mỗi ô là chữ, danh sách dòng, hoặc {noi_dung: ..., gop_hang: ...}.';
  if (parent === 'co_quan_ban_hanh' || parent === 'co_quan_chu_quan') return 'Tên cơ quan là một dòng chữ, hoặc danh sách các dòng [DÒNG 1, DÒNG 2].';
  if (parent === 'luu') return 'Nơi lưu là một dòng chữ như "VT, TC-HC", hoặc danh sách [VT, TC-HC].';
  if (parent === 'cot') return 'Mỗi cột là tên cột, hoặc {ten: ..., rong: ...}.';
  if (parent === 'van_ban') return 'Mỗi văn bản căn cứ là một câu, hoặc {loai, so_ky_hieu, ngay, co_quan, trich_yeu}.';
  return 'Mỗi ý là một đoạn chữ, hoặc một khối có một trong các khóa: doan, gach, cong, diem, khoan, don_vi, bao_cao.';
}

/** Damerau-Levenshtein (optimal string alignment) distance. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const c = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

export function suggest(key: string): string | undefined {
  if (!/\p{L}/u.test(key)) return undefined;
  const k = key.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toLowerCase().replace(/[\s-]+/g, '_');
  let best: string | undefined;
  let bd = Infinity;
  for (const c of planSchemas().KNOWN_KEYS) {
    const dd = distance(k, c);
    if (dd < bd) (bd = dd), (best = c);
  }
  return bd <= Math.max(2, Math.floor(key.length / 4)) && best !== key ? best : undefined;
}

// ------------------------------------------------------------------ rules beyond types

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * A line break inside a text ("|" blocks, "\n" in quotes) has no place in a field: Word would show a space, or
 * nothing. Fields that take several lines take a list. A break at the very end (">" and "|" add one) is harmless.
 */
function newlines(v: unknown, path: Path, err: Err): void {
  if (typeof v === 'string') {
    if (/[\r\n](?!\s*$)/.test(v)) {
      err(path, 'xuong-dong', 'chữ có dấu xuống dòng ở giữa, sẽ không được in như vậy: viết liền một dòng (dùng ">-" thay cho "|"), hoặc, với tên, chức vụ, ô bảng, viết thành danh sách các dòng [dòng 1, dòng 2].');
    }
  } else if (Array.isArray(v)) v.forEach((x, i) => newlines(x, [...path, i], err));
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) newlines(x, [...path, k], err);
}

/** Every section has a title (an empty one prints a lone "I."); parts (A., B.) are not mixed with Roman sections. */
function sectionChecks(ss: unknown[], err: Err): void {
  const parts = ss.filter((s) => isObj(s) && s.phan_lon !== undefined).length;
  ss.forEach((s, i) => {
    if (!isObj(s)) return;
    if (s.muc === undefined && s.phan === undefined && s.phan_lon === undefined) {
      err(['noi_dung', i], 'muc-trong', 'mục không có tên: sẽ in một dòng chỉ có số; thêm "muc: TÊN MỤC" (hoặc "phan: ..."), hoặc xóa mục này.');
    }
    if (s.phan_lon !== undefined && s.muc !== undefined) {
      err(['noi_dung', i, 'muc'], 'phan-lon', 'một phần (phan_lon) không có "muc": các mục I., II. của phần ghi trong "cac_muc".');
    }
    if (s.cac_muc !== undefined && s.phan_lon === undefined) {
      err(['noi_dung', i, 'cac_muc'], 'phan-lon', '"cac_muc" chỉ dùng trong một phần lớn: thêm "phan_lon: TÊN PHẦN".');
    }
    if (parts > 0 && s.phan_lon === undefined) {
      err(['noi_dung', i], 'phan-lon', 'kế hoạch có phần A., B. (phan_lon): mọi mục ở cấp này phải là một phần; đưa mục này vào "cac_muc" của một phần.');
    }
  });
}

/** A plan issued by a decision (spec §8a): the number at the top is the decision's. */
function decisionChecks(p: Record<string, unknown>, d: Record<string, unknown>, err: Err): void {
  if (isStr(p.ky_hieu) && !p.ky_hieu.startsWith('QĐ-')) {
    err(['ky_hieu'], 'ky-hieu', `kế hoạch ban hành kèm quyết định: số và ký hiệu là của Quyết định, bắt đầu bằng "QĐ-" (Phụ lục III, Nghị định 30); nhận được "${p.ky_hieu}".`);
  }
  if (d.kieu_ngay === 'so' && !(isStr(p.ngay) && /^\d{4}-\d{2}-\d{2}$/.test(p.ngay))) {
    err(['quyet_dinh', 'kieu_ngay'], 'ngay-dinh-dang', 'ngày viết bằng số (kieu_ngay: so) cần đủ ngày, tháng, năm ở "ngay:"; hãy ghi đủ ngày hoặc bỏ "kieu_ngay: so".');
  }
}

function crossChecks(p: Record<string, unknown>, err: Err): void {
  // Ký hiệu: given, or built from the issuer's abbreviation; a plan's starts with KH-.
  if (p.ky_hieu === undefined && p.viet_tat === undefined) {
    err([], 'ky-hieu-thieu', 'thiếu ký hiệu: hãy thêm "viet_tat: SYT" (chữ viết tắt tên cơ quan) hoặc "ky_hieu: KH-SYT".');
  }
  const kind = isStr(p.ten_loai) ? p.ten_loai : 'Kế hoạch';
  if (Array.isArray(p.noi_dung)) sectionChecks(p.noi_dung, err);
  if (isObj(p.quyet_dinh)) decisionChecks(p, p.quyet_dinh, err);
  else if (isStr(p.ky_hieu) && kind.toLowerCase() === 'kế hoạch' && !p.ky_hieu.startsWith('KH-')) {
    err(['ky_hieu'], 'ky-hieu', `ký hiệu của Kế hoạch bắt đầu bằng "KH-" (Phụ lục III, Nghị định 30); nhận được "${p.ky_hieu}".`);
  }

  // Signer: KT./TL./TUQ./Q. name the head whose place the signer takes.
  const s = p.nguoi_ky;
  if (isObj(s)) {
    if (isStr(s.quyen_han) && s.thu_truong === undefined) {
      err(['nguoi_ky'], 'nguoi-ky', `ký "${s.quyen_han}." phải ghi chức vụ người đứng đầu: thêm "thu_truong: GIÁM ĐỐC" để in "${s.quyen_han}. GIÁM ĐỐC".`);
    }
    if (s.quyen_han !== 'Q' && s.chuc_vu === undefined) {
      err(['nguoi_ky'], 'nguoi-ky', 'thiếu chức vụ người ký: thêm "chuc_vu: GIÁM ĐỐC" (hoặc PHÓ GIÁM ĐỐC khi ký thay).');
    }
    if (s.quyen_han === undefined && s.thay_mat === undefined && s.thu_truong !== undefined) {
      err(['nguoi_ky', 'thu_truong'], 'nguoi-ky', 'có "thu_truong" nhưng không có quyền hạn ký; thêm "quyen_han: KT" (ký thay) hoặc xóa "thu_truong".');
    }
  }

  // Recipients: no one twice.
  if (Array.isArray(p.noi_nhan)) {
    const seen = new Map<string, number>();
    p.noi_nhan.forEach((r, i) => {
      const name = isStr(r) ? r.replace(/\s*\([^)]*\)\s*$/, '') : isObj(r) && isStr(r.ten) ? r.ten : undefined;
      if (!name) return;
      const key = name.toLocaleLowerCase('vi').replace(/[;.]$/, '');
      if (seen.has(key)) err(['noi_nhan', i], 'noi-nhan-trung', `nơi nhận "${name}" đã có ở dòng thứ ${seen.get(key)! + 1}; hãy xóa dòng trùng.`);
      else seen.set(key, i);
    });
  }

  // Roles: each named part once; reporting deadlines after the plan's own date.
  const roles = new Map<string, Path>();
  const planDate = isStr(p.ngay) ? dateParts(p.ngay) : {};
  walk(p.noi_dung, ['noi_dung'], (v, at) => {
    if (!isObj(v)) return;
    if (isStr(v.phan) && (ROLES as readonly string[]).includes(v.phan)) {
      if (roles.has(v.phan)) err([...at(), 'phan'], 'phan-trung', `phần "${v.phan}" đã có ở chỗ khác trong kế hoạch; mỗi phần chỉ ghi một lần, các ý khác hãy để không có "phan".`);
      else roles.set(v.phan, at());
    }
    if (isObj(v.bao_cao) && Array.isArray(v.bao_cao.ky)) {
      v.bao_cao.ky.forEach((k, i) => {
        if (!isObj(k) || !isStr(k.han) || !planDate.year) return;
        const h = dateParts(k.han);
        const planKey = planDate.year * 10000 + (planDate.month ?? 1) * 100 + (planDate.day ?? 1);
        const hanKey = h.year! * 10000 + h.month! * 100 + h.day!;
        if (hanKey < planKey) {
          err([...at(), 'bao_cao', 'ky', i, 'han'], 'han-bao-cao', `hạn báo cáo ${k.han} sớm hơn ngày ban hành kế hoạch (${p.ngay}); hãy kiểm tra năm của hạn.`);
        } else if (h.year! > planDate.year + 10) {
          err([...at(), 'bao_cao', 'ky', i, 'han'], 'han-bao-cao', `hạn báo cáo ${k.han} cách ngày ban hành hơn 10 năm; hãy kiểm tra năm của hạn.`);
        }
      });
    }
  });

  // Inline markup that opens and never closes would slant the rest of the paragraph.
  walk(p, [], (v, at) => {
    if (isStr(v) && unbalancedMarkup(v)) {
      err(at(), 'dinh-dang-chu', 'dấu * (in đậm/nghiêng) mở mà không đóng; viết **chữ đậm** hoặc *chữ nghiêng*, hoặc \\* để in dấu sao.');
    }
  });

  // Citations cited in full: with a number they need a date and an issuer (ND30 first-citation form).
  if (Array.isArray(p.can_cu)) {
    p.can_cu.forEach((g, gi) => {
      if (!isObj(g) || !Array.isArray(g.van_ban)) return;
      g.van_ban.forEach((c, ci) => {
        if (isObj(c) && isStr(c.so_ky_hieu) && (c.ngay === undefined || c.co_quan === undefined)) {
          err(['can_cu', gi, 'van_ban', ci], 'can-cu', `văn bản ${c.so_ky_hieu} trích dẫn lần đầu phải đủ ngày ban hành và cơ quan ban hành (Nghị định 30); thêm "ngay:" và "co_quan:".`);
        }
      });
    });
  }

  // Appendix tables: each row fills the columns exactly, spans stay inside the table.
  if (Array.isArray(p.phu_luc)) p.phu_luc.forEach((a, ai) => isObj(a) && checkTable(a, ['phu_luc', ai], err));
  if (Array.isArray(p.phu_luc)) p.phu_luc.forEach((a, ai) => isObj(a) && appendixParts(a, ['phu_luc', ai], err));
}

/**
 * Every node under `v`, in document order. `at()` gives the node's path (a new array): the walk
 * itself keeps one array, so that paths are made only for the nodes a rule reports or keeps.
 */
function walk(v: unknown, base: (string | number)[], f: (v: unknown, at: () => Path) => void): void {
  const path = [...base];
  const at = () => [...path];
  const visit = (x: unknown) => {
    f(x, at);
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        path.push(i);
        visit(x[i]);
        path.pop();
      }
    } else if (isObj(x)) {
      for (const k of Object.keys(x)) {
        path.push(k);
        visit(x[k]);
        path.pop();
      }
    }
  };
  visit(v);
}

/** An appendix holds a table (cot and hang together), body-like content, or both. */
function appendixParts(a: Record<string, unknown>, base: Path, err: Err): void {
  if ((a.cot === undefined) !== (a.hang === undefined)) {
    err(base, 'phu-luc', `bảng của phụ lục cần cả "cot" (các cột) và "hang" (các hàng); thiếu "${a.cot === undefined ? 'cot' : 'hang'}".`);
  } else if (a.cot === undefined && a.noi_dung === undefined) {
    err(base, 'phu-luc', 'phụ lục trống: thêm một bảng ("cot" và "hang") hoặc nội dung ("noi_dung").');
  }
}

function checkTable(a: Record<string, unknown>, base: Path, err: Err): void {
  if (!Array.isArray(a.cot) || !Array.isArray(a.hang)) return;
  const width = a.cot.length - (a.so_thu_tu ? 1 : 0);
  const flat: { row: Record<string, unknown>; path: Path }[] = [];
  const flatten = (rows: unknown[], p: Path) =>
    rows.forEach((r, i) => {
      if (!isObj(r)) return;
      flat.push({ row: r, path: [...p, i] });
      if (Array.isArray(r.con)) flatten(r.con, [...p, i, 'con']);
    });
  flatten(a.hang, [...base, 'hang']);
  const carried: number[] = new Array(width).fill(0); // rows still covered by a row span, per column
  flat.forEach(({ row, path }, ri) => {
    if ((row.o === undefined) === (row.nhom === undefined)) {
      err(path, 'bang-o', 'mỗi hàng có đúng một trong hai: "o" (các ô) hoặc "nhom" (hàng nhóm).');
    }
    if (!Array.isArray(row.o)) {
      // a group row spans every column: no merged cell may run through it
      if (row.nhom !== undefined && carried.some((c) => c > 0)) err(path, 'bang-gop-hang', 'hàng nhóm (nhom) nằm giữa một ô gộp nhiều hàng ở trên; hãy giảm gop_hang của ô đó.');
      return;
    }
    let col = 0;
    const next = () => {
      while (col < width && carried[col] > 0) col++;
    };
    next();
    let overflow = false;
    row.o.forEach((cell, ci) => {
      const span = isObj(cell) && typeof cell.gop_cot === 'number' ? cell.gop_cot : 1;
      const rspan = isObj(cell) && typeof cell.gop_hang === 'number' ? cell.gop_hang : 1;
      if (col + span > width) {
        err([...path, 'o', ci], 'bang-o', `hàng có nhiều ô hơn số cột (${width}${a.so_thu_tu ? ', không kể cột STT' : ''}); hãy xóa ô thừa hoặc thêm cột.`);
        overflow = true;
        col += span;
        return;
      }
      if (rspan > flat.length - ri) {
        err([...path, 'o', ci, 'gop_hang'], 'bang-gop-hang', `ô gộp ${rspan} hàng nhưng bảng chỉ còn ${flat.length - ri} hàng tính từ hàng này; hãy giảm gop_hang.`);
      }
      for (let k = 0; k < span; k++) carried[col + k] = Math.max(carried[col + k], rspan);
      col += span;
      next();
    });
    const filled = carried.filter((c) => c > 0).length;
    if (!overflow && filled < width && row.o.length > 0) {
      err([...path, 'o'], 'bang-o', `hàng có ${filled} trên ${width} ô (tính cả ô gộp từ hàng trên); hãy thêm ô còn thiếu ("" cho ô trống).`);
    }
    for (let k = 0; k < width; k++) if (carried[k] > 0) carried[k]--;
  });
}
