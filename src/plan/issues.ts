// zod's issues as Vietnamese messages: what was found, what was expected, how to fix it.
import * as z from 'zod';
import { isMapping, labelLineMessage, type Path } from '../read/source.js';
import { BLOCK_OF_OTHER_KIND, planSchemas } from './schema.js';
import { FORMAT_VERSION } from './versions.js';
import { isoOfWritten } from '../text/dates.js';

/** Report at `path` (its key with `key`); a message may be made only when shown (see validate.ts). */
export type Err = (path: Path, rule: string, message: string | (() => string), key?: boolean) => void;

/** What the checked file is, as messages name it. */
export interface Kind {
  /** "kế hoạch", "hồ sơ đơn vị" */
  noun: string;
  /** The JSON Schema that lists its keys. */
  schemaFile: string;
  /** Every key the format knows, for "did you mean" suggestions. */
  knownKeys: () => readonly string[];
}

/** Every key of a schema, at any depth, read off its JSON Schema (made once, for the first suggestion). */
export function keysOf(schema: () => z.ZodType): () => readonly string[] {
  let keys: string[] | undefined;
  return () => {
    if (keys) return keys;
    const found = new Set<string>();
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'properties' && x && typeof x === 'object') Object.keys(x).forEach((p) => found.add(p));
          visit(x);
        }
      }
    };
    visit(z.toJSONSchema(schema(), { io: 'input', unrepresentable: 'any' }));
    return (keys = [...found]);
  };
}

const planKeys = keysOf(() => planSchemas().PlanSchema);

export const PLAN_KIND: Kind = { noun: 'kế hoạch', schemaFile: 'schemas/plan.schema.json', knownKeys: planKeys };

export interface IssueContext {
  kind: Kind;
  /** The checked data the issues are about. */
  data: unknown;
  err: Err;
  /** The source line where the value at `path` starts, as written. */
  lineAt: (path: Path) => string;
}

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
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    return `một khối khóa (${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''})`;
  }
  return String(v);
}

/** A value named after its kind ("ngày", "ký hiệu"): a string is shown quoted, without "chuỗi". */
const shown = (v: unknown): string =>
  typeof v === 'string' ? `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"` : typeof v === 'boolean' ? String(v) : describe(v);

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

/**
 * Report every issue of one parse. A missing key that a misspelled key next to it explains
 * (trich_yue for trich_yeu) is not reported: the misspelling is, with the right name.
 */
export function reportIssues(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): void {
  const explained = new Set<string>();
  for (const i of issues) {
    // hundreds of unknown keys are not misspellings: not worth a distance table each
    if (i.code !== 'unrecognized_keys' || i.keys.length > 20) continue;
    for (const key of i.keys) {
      const s = suggest(key, ctx.kind.knownKeys());
      if (s) explained.add(JSON.stringify([...i.path, s]));
    }
  }
  for (const issue of issues) reportIssue(issue, [], ctx, explained);
}

function reportIssue(issue: z.core.$ZodIssue, base: Path, ctx: IssueContext, explained: Set<string>): void {
  const { data, err } = ctx;
  const path: Path = [...base, ...(issue.path as (string | number)[])];
  const found = valueAt(data, path);
  const at = pathName(path);
  // a check given its own rule id (a bound with { error: 'rule' }) is told in that rule's words
  if ((issue.code === 'too_big' || issue.code === 'too_small' || issue.code === 'invalid_type') && RULE_IDS.has(issue.message)) {
    ruleMessage(issue.message, path, found, at, err);
    return;
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (found === undefined) {
        if (!explained.has(JSON.stringify(path))) missingKey(path, at, err);
        return;
      }
      const exp = EXPECTED[issue.expected] ?? issue.expected;
      let fix = '';
      // (the number as a clerk copies it: in Word's curly quotes, after "Số:", with its ký hiệu)
      const copied = issue.expected === 'number' && typeof found === 'string' ? /^\s*[‘’“”"']?\s*(?:Số\s*:?\s*)?(\d+)\s*(?:\/\s*(\S+?))?\s*[‘’“”"']?\s*$/u.exec(found) : null;
      if (copied && !copied[2] && /^\s*\d+\s*$/.test(String(found))) fix = ' Hãy bỏ dấu nháy để YAML đọc thành số.';
      else if (copied && path.at(-1) === 'so') {
        fix = copied[2] ? ` Số và ký hiệu viết riêng: "so: ${copied[1]}" và "ky_hieu: ${copied[2]}".` : ` Hãy viết "so: ${copied[1]}" (chỉ chữ số, không dấu nháy, không chữ "Số:").`;
      } else if (copied) fix = ` Hãy viết ${copied[1]} (chỉ chữ số, không dấu nháy).`;
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
        // made only for the messages shown: a hostile file may have 100,000 unknown keys
        err([...path, key], 'khoa-la', () => {
          // "{ ten: Các khoa, phòng, viet_tat: KP }": in braces a comma ends the value, and "phòng" became a key
          const esc = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const cut = valueAt(ctx.data, [...path, key]) === null ? new RegExp(`\\{[^}]*?([\\p{L}_]+)\\s*:\\s*([^,{}:]*?)\\s*,\\s*${esc}\\s*[,}]`, 'u').exec(ctx.lineAt(path)) : null;
          if (cut) {
            return `trong dấu ngoặc { … } dấu phẩy tách các khóa, nên "${key}" thành một khóa riêng; nếu "${key}" là phần của giá trị đứng trước, hãy đặt cả giá trị trong dấu nháy kép: ${cut[1]}: "${cut[2]}, ${key}".`;
          }
          const s = suggest(key, ctx.kind.knownKeys());
          return `khóa không có trong mẫu ${ctx.kind.noun}: "${key}"${s ? `; có phải ý là "${s}"?` : `; hãy xem các khóa hợp lệ trong ${ctx.kind.schemaFile}.`}`;
        }, true);
      }
      return;
    }
    case 'invalid_union': {
      if (found === undefined) {
        if (!explained.has(JSON.stringify(path))) missingKey(path, at, err);
        return;
      }
      if (isSentenceKey(found)) {
        const sentence = Object.keys(found as object)[0];
        // (its end shown whole: the colon is what went wrong)
        const shown = sentence.length > 60 ? `${sentence.slice(0, 31).replace(/\s+\S*$/u, '')} … ${sentence.slice(-26).replace(/^\S*\s+/u, '')}` : sentence;
        err(path, 'cau-hai-cham', `câu "${shown}:" kết thúc bằng dấu hai chấm nên YAML hiểu thành một khóa; hãy đặt cả câu trong dấu nháy kép "...".`);
        return;
      }
      if (isLabelLine(found, ctx.kind.knownKeys())) {
        err(path, 'nhan-hai-cham', labelLineMessage(ctx.lineAt(path)));
        return;
      }
      const branch = pickBranch(data, path, issue.errors);
      if (branch) {
        for (const sub of branch) reportIssue(sub, path, ctx, explained);
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
      err(path, 'gia-tri', `${at}: giá trị ${shown(found)} không hợp lệ; chọn một trong: ${opts}.`);
      return;
    }
    case 'invalid_format':
    case 'custom': {
      ruleMessage(issue.message, path, found, at, err);
      return;
    }
    default:
      err(path, 'gia-tri', `${at}: giá trị ${shown(found)} không hợp lệ.`);
  }
}

function missingKey(path: Path, at: string, err: Err): void {
  const key = String(path[path.length - 1]);
  const where = at === key ? '' : ` (${at})`;
  err(path, 'thieu-khoa', `thiếu khóa bắt buộc "${key}"${where}; hãy thêm "${key}: ..." vào khối này.`);
}

/** Rule ids a schema check may carry as its error (the others keep zod's kind of problem). */
const RULE_IDS = new Set(['phien-ban']);

function ruleMessage(rule: string, path: Path, found: unknown, at: string, err: Err): void {
  switch (rule) {
    case 'ngay-dinh-dang': {
      const iso = typeof found === 'string' ? isoOfWritten(found) : undefined;
      const fix = iso ? `hãy viết ${iso} (NĂM-THÁNG-NGÀY)` : 'hãy viết NĂM-THÁNG-NGÀY, ví dụ 2019-01-23';
      err(path, 'ngay-dinh-dang', `${at}: ngày ${shown(found)} không đúng dạng; ${fix}.`);
      return;
    }
    case 'ngay-khong-ton-tai':
      err(path, 'ngay-khong-ton-tai', `${at}: ngày ${String(found)} không có trên lịch; hãy kiểm tra lại ngày và tháng.`);
      return;
    case 'ky-hieu': {
      // the number copied with it ("12/KH-UBND"), or the issuer's abbreviation alone ("UBND")
      const withNumber = typeof found === 'string' ? /^\s*(?:Số\s*:?\s*)?(\d+)\s*\/\s*(\S+)\s*$/u.exec(found) : null;
      const alone = typeof found === 'string' && /^[A-ZĐ][A-ZĐ0-9]*$/u.test(found.trim()) ? found.trim() : undefined;
      const fix = withNumber
        ? `ký hiệu không gồm số: hãy viết "so: ${withNumber[1]}" và "ky_hieu: ${withNumber[2]}"`
        : alone
          ? `ký hiệu gồm tên loại văn bản và chữ viết tắt của cơ quan: hãy viết "ky_hieu: KH-${alone}" (QĐ-${alone} khi kế hoạch ban hành kèm quyết định), hoặc chỉ "viet_tat: ${alone}" (kehoach tự ghép)`
          : 'viết HOA (trừ "TTg" của Thủ tướng Chính phủ), các nhóm nối bằng "-", không có dấu cách, ví dụ KH-SYT, QĐ-TTg';
      err(path, 'ky-hieu', `${at}: ký hiệu ${shown(found)} không đúng dạng; ${fix}.`);
      return;
    }
    case 'phien-ban':
      err(
        path,
        'phien-ban',
        typeof found === 'number' && Number.isInteger(found) && found > FORMAT_VERSION
          ? `${at}: tệp viết theo định dạng phiên bản ${found}, mới hơn kehoach này (đọc đến phiên bản ${FORMAT_VERSION}); hãy cập nhật kehoach (xem "Cài đặt" trong README).`
          : `${at}: phiên bản định dạng là một số nguyên từ 1 đến ${FORMAT_VERSION}, nhận được ${shown(found)}; hãy ghi "phien_ban: ${FORMAT_VERSION}" hoặc bỏ dòng này.`,
      );
      return;
    case 'viet-tat':
      err(path, 'viet-tat', `${at}: chữ viết tắt ${shown(found)} không đúng dạng; viết HOA (trừ "TTg" của Thủ tướng Chính phủ), không dấu cách, ví dụ SYT hoặc TTYT.`);
      return;
    default:
      err(path, 'gia-tri', `${at}: giá trị ${shown(found)} không hợp lệ (${rule}).`);
  }
}

/** `- Câu kết thúc bằng:` parses as {"Câu kết thúc bằng": null}: a sentence, not a key. */
function isSentenceKey(v: unknown): boolean {
  if (!isMapping(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && v[keys[0]] === null && /\s/.test(keys[0]);
}

/** `- Thời gian: Từ ngày 14/4/2025` parses as {"Thời gian": "Từ ngày 14/4/2025"}: a label and its text. */
function isLabelLine(v: unknown, known: readonly string[]): boolean {
  if (!isMapping(v)) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1 || known.includes(keys[0]) || !/[\s\u0080-\uffff]/.test(keys[0])) return false;
  const value = v[keys[0]];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Of a union's branches, the one whose keys fit the object best (so {gach: 5} reports gach's problem). */
function pickBranch(data: unknown, path: Path, branches: z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined {
  const v = valueAt(data, path);
  if (Array.isArray(v)) {
    // a list where a list is one of the forms: that form's own problems ("chuc_vu[1]: cần một đoạn chữ")
    const lists = branches.filter((issues) => !issues.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
    return lists.length === 1 ? lists[0] : undefined;
  }
  if (!isMapping(v)) return undefined;
  let best: z.core.$ZodIssue[] | undefined;
  let bestScore = Infinity;
  let tie = false;
  for (const issues of branches) {
    let score = 0;
    for (const i of issues) {
      if (i.path.length === 0 && (i.code === 'invalid_type' || i.message === BLOCK_OF_OTHER_KIND)) score += 1000; // wrong kind of thing entirely
      else if (i.code === 'unrecognized_keys' && i.path.length === 0) score += 10 * i.keys.length;
      else if (i.path.length === 1 && v[String(i.path[0])] === undefined) score += 10; // a key it requires is missing
      else score += 1;
    }
    if (score < bestScore) (bestScore = score), (best = issues), (tie = false);
    else if (score === bestScore && signature(issues) !== signature(best!)) tie = true;
  }
  // two forms fit equally badly, for different reasons (a block with no key of any form): the union's
  // own message says what the forms are
  return bestScore >= 1000 || tie ? undefined : best;
}

const signature = (issues: readonly z.core.$ZodIssue[]): string => issues.map((i) => `${i.code}@${i.path.join('.')}`).join(' ');

function unionHint(path: Path): string {
  const parent = path.filter((k) => typeof k === 'string').at(-1);
  if (parent === 'noi_nhan') return 'Mỗi nơi nhận là một dòng chữ, hoặc {ten: ..., muc_dich: ...}.';
  if (parent === 'o' || parent === 'hang') return 'Mỗi ô là chữ, danh sách dòng, hoặc {noi_dung: ..., gop_hang: ...}.';
  if (parent === 'co_quan_ban_hanh' || parent === 'co_quan_chu_quan') return 'Tên cơ quan là một dòng chữ, hoặc danh sách các dòng [DÒNG 1, DÒNG 2].';
  if (parent === 'luu') return 'Nơi lưu là một dòng chữ như "VT, TC-HC", hoặc danh sách [VT, TC-HC].';
  if (parent === 'trich_yeu') return 'Trích yếu là một câu, hoặc danh sách tối đa 4 dòng [dòng 1, dòng 2] khi muốn tự chọn chỗ xuống dòng.';
  if (parent === 'chuc_vu' || parent === 'duoi_ten' || parent === 'ky_ten') return 'Là một dòng chữ, hoặc danh sách các dòng [DÒNG 1, DÒNG 2].';
  if (parent === 'co_chu') return 'Cỡ chữ là 13 hoặc 14.';
  if (parent === 'cot') return 'Mỗi cột là tên cột, hoặc {ten: ..., rong: ...}.';
  if (parent === 'van_ban') return 'Mỗi văn bản căn cứ là một câu, hoặc {loai, so_ky_hieu, ngay, co_quan, trich_yeu}.';
  return 'Mỗi ý là một đoạn chữ, hoặc một khối có một trong các khóa: doan, giua, gach, cong, diem, khoan, don_vi, bao_cao, bang.';
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

/** The known key a misspelled one was meant to be, if one is close. */
export function suggest(key: string, known: readonly string[] = planKeys()): string | undefined {
  // a key far longer than every known key is near none of them: not worth a distance table
  if (!/\p{L}/u.test(key) || key.length > 40) return undefined;
  const k = key.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toLowerCase().replace(/[\s-]+/g, '_');
  let best: string | undefined;
  let bd = Infinity;
  for (const c of known) {
    const dd = distance(k, c);
    if (dd < bd) (bd = dd), (best = c);
  }
  return bd <= Math.max(2, Math.floor(key.length / 4)) && best !== key ? best : undefined;
}
