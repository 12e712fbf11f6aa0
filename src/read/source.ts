// Reading a YAML file into plain data plus a way to turn any data path into line:column.
// Hostile input (binary, bad encodings, alias bombs, deep nesting, huge files) becomes a message,
// and every step is linear in the size of the file (test/worst-case.test.ts counts the work).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Message } from '../messages.js';

/**
 * Four and a half times the largest real plan restored here (42 KB, Lào Cai's, with its appendix
 * tables; most are under 20 KB), and room for a 4,000-row appendix (about 160 KB). The bound is set
 * by cost, not by need: the `yaml` library spends about 6 µs per node, and a file made only of nodes
 * ("- - - a") has one every 2 bytes: 2.5–3 s to validate at 512 KB, 1.5–2.2 s at 256 KB (the latter on
 * a loaded machine), so every shape of bench/worst-case.mjs stays within 2 s with a margin here.
 */
export const MAX_FILE_BYTES = 192 * 1024;
const MAX_ALIASES = 100;
const MAX_DEPTH = 64;

/**
 * Work done by the passes over a file (nodes visited, lookup steps, lines scanned, messages made): a
 * deterministic measure that test/worst-case.test.ts holds to linear growth. Never read by the tool.
 */
export const work = { steps: 0 };

export type Path = readonly (string | number)[];

/** A YAML mapping as the reader gives it (not a list, not null). */
export const isMapping = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export interface Source {
  file: string;
  text: string;
  doc?: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

export interface Loaded {
  source?: Source;
  messages: Message[];
}

const msg = (file: string, line: number, column: number, rule: string, message: string): Message => ({
  file,
  line,
  column,
  severity: 'lỗi',
  rule,
  message,
});

/** Decode bytes as UTF-8, refusing what a clerk's editor would not save as a plan. */
export function decode(file: string, bytes: Uint8Array): { text?: string; messages: Message[] } {
  // The reader stops one byte past the limit (cli/io.ts), so the real size is not known here: the
  // message gives the limit, never a size it did not measure.
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      messages: [
        msg(file, 1, 1, 'tep-qua-lon', `tệp lớn hơn giới hạn ${MAX_FILE_BYTES / 1024} KB cho một kế hoạch (kế hoạch thật thường dưới 50 KB); hãy kiểm tra đúng tệp chưa, hoặc tách phụ lục quá dài.`),
      ],
    };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return {
      messages: [msg(file, 1, 1, 'ma-hoa', 'tệp được lưu bằng mã UTF-16; cần lưu lại bằng UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8).')],
    };
  }
  const document = documentKind(bytes);
  if (document) {
    return {
      messages: [msg(file, 1, 1, 'tep-van-ban', `tệp này là ${document}, không phải kế hoạch viết bằng YAML; muốn đưa văn bản này vào kehoach: kehoach import ${file} (ra tệp .yaml), đọc lại, rồi dùng tệp .yaml đó.`)],
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = lineColOfByte(bytes, nul);
    return {
      messages: [msg(file, line, column, 'tep-nhi-phan', 'tệp có ký tự NUL (tệp nhị phân, không phải văn bản YAML); hãy chọn đúng tệp .yaml của kế hoạch.')],
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = lineColOfByte(bytes, bad);
    return {
      messages: [msg(file, line, column, 'ma-hoa', 'tệp có byte không hợp lệ theo UTF-8 (có thể lưu bằng mã TCVN3/VNI hoặc Windows-1258); hãy chuyển sang Unicode UTF-8 rồi lưu lại.')],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a UTF-8 BOM is harmless
  return { text, messages: [] };
}

/**
 * A document a clerk may give in place of its plan (the department's PDF, a Word file, kehoach's own .docx), by its
 * first bytes: what to call it. `import` reads each of them.
 */
function documentKind(b: Uint8Array): string | undefined {
  if (startsWith(b, SIGNATURE.pdf)) return 'một tệp PDF';
  if (startsWith(b, SIGNATURE.zip)) return 'một tệp nén (văn bản Word .docx, OpenDocument .odt …)';
  if (startsWith(b, SIGNATURE.ole)) return 'một văn bản Word 97–2003 (.doc)';
  return undefined;
}

/** The first bytes that say what a file is, whatever its name says: a PDF ("%PDF-"), a zip (.docx, .odt), an OLE2 compound file (.doc). */
export const SIGNATURE = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
} as const;

/** Whether the bytes start with the given ones. */
export const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((x, i) => b[i] === x);

/** line:column of a byte offset, the column counted in characters as an editor shows them. */
function lineColOfByte(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) (line++, (start = i + 1));
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, at));
  return { line, column: [...before].length + 1 };
}

function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}

/**
 * Where every line of the text starts. Counted here rather than by the parser: yaml's counter misses the
 * line breaks inside a token it could not read, and every later position would name the wrong line.
 */
function lineStarts(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** Parse YAML text into data; every syntax problem is a message with its position. */
export function parseSource(file: string, text: string, keyLike?: ReadonlySet<string>): Loaded {
  const lines = lineStarts(text);
  const messages: Message[] = [];
  // Depth first, from the text: the YAML parser recurses and would run out of stack on 10,000 levels.
  const deep = tooDeep(text);
  if (deep) {
    return { messages: [msg(file, deep.line, deep.column, 'qua-sau', `cấu trúc lồng nhau quá sâu (hơn ${MAX_DEPTH} cấp) từ đây; một kế hoạch chỉ cần vài cấp mục, khoản, điểm.`)] };
  }
  let doc: Document.Parsed;
  try {
    // uniqueKeys off: the library compares each key with every other key of its map (quadratic);
    // structure() finds duplicates in one pass instead.
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true, merge: false });
  } catch (e) {
    const rule = e instanceof RangeError ? 'qua-sau' : 'yaml';
    return { messages: [msg(file, 1, 1, rule, `không đọc được YAML (${deepOrUnknown(e)}).`)] };
  }
  const errors = [...doc.errors, ...doc.warnings];
  // A tab in the indentation throws every line after it out of place: one message says so, and
  // the errors that follow from it are left out.
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  if (tabs.length) {
    const p = lines.linePos(tabs[0].pos[0]);
    const more = new Set(tabs.map((e) => lines.linePos(e.pos[0]).line)).size - 1;
    const others = more ? ` (và ${more} dòng khác)` : '';
    return { messages: [msg(file, p.line, 1, 'yaml', `lỗi cú pháp YAML: dòng này${others} thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách. Hãy thay mỗi Tab bằng dấu cách (trong trình soạn thảo: Convert Indentation to Spaces).`)] };
  }
  // A no-break or wide space in the indentation (text copied from Word or a web page) is no space to YAML: the
  // same, one message for the cause. (lint --fix makes them plain spaces: spaceIndentFix.)
  if (errors.length) {
    // (only before YAML's own marks, "- " or a key: a line of a folded text may open with such a space as its words)
    const INDENT = /^[ ]*[\u00a0\u2000-\u200a\u202f\u3000][ \u00a0\u2000-\u200a\u202f\u3000]*(?=- |[a-z_]+:)/gmu;
    const odd = new RegExp(INDENT.source, 'mu').exec(text);
    if (odd) {
      const p = lines.linePos(odd.index);
      const count = text.match(INDENT)!.length - 1;
      const others = count ? ` (và ${count} dòng khác)` : '';
      return { messages: [msg(file, p.line, odd[0].search(/[^ ]/u) + 1, 'dau-cach-la', `lỗi cú pháp YAML: dòng này${others} thụt lề bằng dấu cách không ngắt hay dấu cách rộng (chép từ Word hay trang web), YAML không coi là dấu cách; hãy gõ lại các dấu cách ở đầu dòng.`)] };
    }
  }
  // The first key indented (" co_quan_chu_quan: …", as pasted) puts every later key out of place: one
  // message for the cause instead of one for each line after it.
  const first = errors.length ? /^(?:[ \t]*(?:#.*)?\r?\n)*([ \t]+)(?=[a-z_]+:)/.exec(text) : null;
  if (first && /\n[a-z_]+:/.test(text)) {
    const p = lines.linePos(first[0].length - first[1].length);
    return { messages: [msg(file, p.line, 1, 'yaml', `lỗi cú pháp YAML: khóa đầu tiên của tệp thụt vào ${first[1].length} dấu cách, nên các khóa ngoài cùng phía dưới (ở cột 1) không còn cùng cấp với nó; hãy xóa ${first[1].length} dấu cách ở đầu dòng này.`)] };
  }
  // "phien_ban 3" as the first line: the whole file is then one text followed by tokens yaml cannot place
  const root = errors.length && isScalar(doc.contents) && doc.contents.range ? lines.linePos(doc.contents.range[0]).line : 0;
  const rootKey = root ? /^([a-z_]+)\s+([^:#\s][^:#]*)(?:#.*)?$/.exec(lineText(text, lines, root)) : null;
  if (rootKey) {
    return { messages: [msg(file, root, rootKey[1].length + 1, 'yaml', `lỗi cú pháp YAML: thiếu dấu hai chấm sau khóa "${rootKey[1]}"; hãy viết: ${rootKey[1]}: ${rootKey[2].trimEnd()}`)] };
  }
  const seen = new Set<string>();
  const labelled = new Set<number>();
  const offFrom = new Map<number, { m: Message; more: number[] }>();
  let quoteFound = false;
  let bracketFound = false;
  for (const e of errors) {
    work.steps++;
    let at = e.pos[0];
    // An unclosed quote is found at the end of the file; point at the quote that opened it instead
    // (looked for once: the scan reads the text up to there).
    if (!quoteFound && e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) (quoteFound = true), (at = openingQuote(text, at) ?? at);
    // "noi_nhan: [Sở Nội vụ, UBND huyện" without its "]": yaml reports the line after; point at the
    // bracket left open and say which one closes it (looked for once, like the quote).
    const flow = !bracketFound && e.code === 'BAD_INDENT' ? /^Flow (sequence|map)/.exec(e.message) : null;
    const open = flow ? ((bracketFound = true), openingBracket(text, at, flow[1] === 'map' ? '{' : '[')) : undefined;
    if (open !== undefined) {
      const p = lines.linePos(open);
      const [o, c, block] = flow![1] === 'map' ? ['{', '}', 'mỗi khóa một dòng, thụt vào dưới khóa cha'] : ['[', ']', 'mỗi phần tử một dòng bắt đầu bằng "- "'];
      messages.push(msg(file, p.line, p.col, 'yaml', `lỗi cú pháp YAML: dấu "${o}" ở đây chưa được đóng; hãy thêm "${c}" ở cuối (các phần tử giữa "${o}" và "${c}" cách nhau bằng dấu phẩy), hoặc bỏ "${o}" và viết ${block}.`));
      continue;
    }
    const p = lines.linePos(at);
    if (labelled.has(p.line)) continue;
    // "- gach: Địa điểm: sân trường." : a label and its text inside a value, one message for the line
    const line = lineText(text, lines, p.line);
    if ((e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'UNEXPECTED_TOKEN') && isLabelLine(line)) {
      labelled.add(p.line);
      messages.push(msg(file, p.line, line.length - line.trimStart().length + 1, 'nhan-hai-cham', labelLineMessage(line)));
      continue;
    }
    // "- **Lưu ý:** …": our bold at the start of a value is YAML's alias sign
    const star = starFix(line, 1);
    if (star && !labelled.has(p.line)) {
      labelled.add(p.line);
      const col = headAndValue(line)[0].length + 1;
      messages.push(msg(file, p.line, col, 'dau-sao-dau', `lỗi cú pháp YAML: giá trị bắt đầu bằng dấu "*" (chữ đậm hay nghiêng) thì YAML hiểu là bí danh (*alias); hãy đặt cả giá trị trong dấu nháy: ${star.trim()}`));
      continue;
    }
    // "gach: >-" then, at the same column, "- gach: >-": a map and a list mixed; the key above lost its "- "
    const dashed = e.code === 'BLOCK_AS_IMPLICIT_KEY' ? /^( *)- /.exec(line) : null;
    const bareKey = dashed ? keyAboveAt(text, lines, p.line, dashed[1].length) : undefined;
    // unless this item is the one out of line: an item of the same kind above it ("- khoan:") stands at another
    // column, and the key is the "noi_dung:" of an item before it (the item moved, not the key)
    const keyOfItem = bareKey !== undefined && /^ *noi_dung:\s*$/u.test(lineText(text, lines, bareKey)) && itemAbove(text, lines, bareKey, dashed![1].length - 2);
    const sibling = keyOfItem ? siblingAbove(text, lines, p.line) : undefined;
    if (bareKey && sibling && sibling.col !== dashed![1].length && !labelled.has(p.line)) {
      labelled.add(bareKey).add(p.line);
      const col = dashed![1].length + 1;
      const by = Math.abs(sibling.col + 1 - col);
      messages.push(msg(file, p.line, col, 'y-lech-cot', `lỗi cú pháp YAML: ý "- " này ở cột ${col}, ${col > sibling.col + 1 ? 'sâu hơn' : 'nông hơn'} ${by} dấu cách so với ý cùng loại ở dòng ${sibling.line} (cột ${sibling.col + 1}), nên YAML không biết nó thuộc danh sách nào; hãy ${col > sibling.col + 1 ? 'lùi' : 'thụt'} dòng này và các dòng thuộc nó ${by} dấu cách cho "- " thẳng cột ${sibling.col + 1}.`));
      continue;
    }
    if (bareKey && !labelled.has(bareKey)) {
      labelled.add(bareKey).add(p.line);
      const col = dashed![1].length + 1;
      const below = bareKey < p.line - 1 ? ', và thụt các dòng thuộc nó bên dưới vào thêm 2 dấu cách' : '';
      messages.push(msg(file, bareKey, col, 'thieu-gach-dau', `lỗi cú pháp YAML: dòng này là một khóa, còn các dòng cùng cột với nó là các ý "- " (dòng ${p.line}): có lẽ thiếu "- " ở đầu; hãy viết - ${`${lineText(text, lines, bareKey).trim()}${below}`.replace(/\.?$/u, '.')}`));
      continue;
    }
    // "trich_yeu:Tổ chức" and "luu VT": a key without the space after its colon, or without the colon
    const keyLine = (e.code === 'MISSING_CHAR' && /^Implicit map keys need/.test(e.message)) || e.code === 'MULTILINE_IMPLICIT_KEY';
    const bare = keyLine ? (/^(\s*(?:-\s+)?[a-z_]+)(:)(\S.*)$/.exec(line) ?? /^(\s*(?:-\s+)?[a-z_]+)()\s+([^\s:][^:]*)$/.exec(line)) : null;
    if (bare && !labelled.has(p.line)) {
      labelled.add(p.line);
      const [, head, colon, value] = bare;
      const written = `${head}: ${value.trimEnd()}`.trim();
      const [rule, said] = colon
        ? ['sau-hai-cham', `thiếu dấu cách sau dấu hai chấm; hãy viết: ${written}`]
        : ['yaml', `dòng này không phải "khóa: giá trị" cũng không phải một ý "- …"; có phải thiếu dấu hai chấm sau khóa "${head.trim().replace(/^-\s+/, '')}" (${written})?`];
      messages.push(msg(file, p.line, head.length + 1, rule, `lỗi cú pháp YAML: ${said}`));
      continue;
    }
    // "- phan: muc_dich" then " noi_dung:" a space too far in: yaml takes the next line as more of this
    // value and reports here; the line to fix is the next one
    if ((e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') && p.line < lines.lineStarts.length) {
      const next = lineText(text, lines, p.line + 1);
      const hint = siblingHint(text, lines, p.line + 1, next);
      if (hint && !labelled.has(p.line + 1)) {
        labelled.add(p.line).add(p.line + 1);
        const m = msg(file, p.line + 1, 1, 'yaml', `lỗi cú pháp YAML: thụt lề không đúng.${hint.text}`);
        if (!offFrom.has(hint.line)) offFrom.set(hint.line, { m, more: [] });
        messages.push(m);
        continue;
      }
    }
    const key = `${p.line}:${p.col}:${e.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Warnings count as errors too: an unknown !tag or similar has no place in a plan.
    const listLine = e.code === 'MISSING_CHAR' && /^Sequence item without/.test(e.message);
    const said = listLine ? 'thụt lề không đúng: dòng này đứng ở cột của một danh sách (các dòng "- ") mà không bắt đầu bằng "- ".' : yamlErrorVi(e.code).replace(/^lỗi cú pháp YAML: /, '');
    const hint = listLine || e.code === 'BAD_INDENT' ? siblingHint(text, lines, p.line, line) : undefined;
    // the keys of a block all off the same line above ("- " lost before its first key): one message for them
    const same = hint && offFrom.get(hint.line);
    if (same) {
      same.more.push(p.line);
      continue;
    }
    const m = msg(file, p.line, p.col, 'yaml', `lỗi cú pháp YAML: ${said}${hint?.text ?? ''}`);
    if (hint) offFrom.set(hint.line, { m, more: [] });
    messages.push(m);
  }
  for (const { m, more } of offFrom.values()) if (more.length) m.message += ` Các khóa ở dòng ${more.join(', ')} cũng lệch như vậy.`;
  // A storm of tokens yaml cannot place comes from one early slip: the first of them is the one to fix
  const lost = messages.filter((m) => m.message === `lỗi cú pháp YAML: ${YAML_CODES.UNEXPECTED_TOKEN}`);
  if (lost.length > 8) {
    const at = messages.indexOf(lost[0]);
    messages.splice(at + 1);
    messages[at] = { ...lost[0], message: `${lost[0].message} Từ đây YAML không đọc được ${lost.length - 1} chỗ nữa ở các dòng sau; hãy sửa dòng này (hoặc dòng ngay trên) trước.` };
  }
  if (messages.length) return { messages };
  const s = structure(doc.contents as Node | null, text, keyLike);
  if (s.depth > MAX_DEPTH) {
    return { messages: [msg(file, 1, 1, 'qua-sau', `cấu trúc lồng nhau quá sâu (hơn ${MAX_DEPTH} cấp); một kế hoạch chỉ cần vài cấp mục, khoản, điểm.`)] };
  }
  for (const k of s.duplicates) {
    const p = lines.linePos(k.range![0]);
    messages.push(msg(file, p.line, p.col, 'yaml', yamlErrorVi('DUPLICATE_KEY')));
  }
  // a value as written, on one line
  const oneLine = (v: Node) => text.slice(v.range![0], v.range![1]).replace(/\s*\n\s*/g, ' ');
  for (const v of s.hashed) {
    const p = lines.linePos(v.range![0]);
    const rest = text.slice(v.range![1], v.range![2]).trim();
    const whole = `${oneLine(v)} ${rest}`;
    messages.push(msg(file, p.line, p.col, 'dau-thang', `dấu "#" sau dấu cách mở đầu một ghi chú của YAML, nên "${rest}" bị bỏ khỏi kế hoạch. Nếu đó là nội dung, hãy đặt cả giá trị trong dấu nháy: ${quoted(whole)}; nếu là ghi chú, hãy viết "# " (có dấu cách sau "#").`));
  }
  for (const v of s.spaceless) {
    const p = lines.linePos(v.range![0]);
    const said = oneLine(v);
    const [key, rest] = [said.slice(0, said.indexOf(':')), said.slice(said.indexOf(':') + 1)];
    messages.push(msg(file, p.line, p.col, 'sau-hai-cham', `thiếu dấu cách sau dấu hai chấm nên YAML đọc cả dòng là một câu, và "${key}:" sẽ được in ra; hãy viết ${key}: ${rest.length > 60 ? `${rest.slice(0, 60)}…` : rest}`));
  }
  for (const v of s.joined) {
    const start = lines.linePos(v.range![0]);
    const dash = v.range![0] + text.slice(v.range![0], v.range![1]).search(new RegExp(`\\n${' '.repeat(start.col - 2)}- `)) + 1;
    const p = lines.linePos(dash);
    const col = lineText(text, lines, p.line).search(/\S/) + 1;
    messages.push(msg(file, p.line, col, 'y-thut-sau', `lỗi cú pháp YAML: dòng này bắt đầu bằng "- " nhưng thụt vào sâu hơn (cột ${col}) chữ ở dòng ${start.line}, nên YAML nối nó vào chữ ấy thành một câu; nếu là một ý riêng, hãy cho "- " thẳng cột với "- " của các ý cùng danh sách (nếu đúng là một câu, hãy đặt cả câu trong dấu nháy).`));
  }
  for (const k of s.collectionKeys) {
    const p = lines.linePos(k.range![0]);
    messages.push(msg(file, p.line, p.col, 'yaml', 'lỗi cú pháp YAML: một danh sách hoặc khối được dùng làm khóa; khóa là một chữ như "trich_yeu".'));
  }
  if (messages.length) return { messages };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    if (e instanceof ReferenceError || /alias/i.test(String(e))) {
      return { messages: [msg(file, 1, 1, 'bi-danh', `quá nhiều tham chiếu bí danh YAML (*alias); giới hạn ${MAX_ALIASES}. Hãy viết thẳng nội dung thay vì dùng & và *.`)] };
    }
    return { messages: [msg(file, 1, 1, 'yaml', `không đọc được YAML (${deepOrUnknown(e)}).`)] };
  }
  return { source: { file, text, doc, lines, data }, messages };
}

/**
 * Where the keys beside a misindented key line stand: the nearest key up to 40 lines above whose column is
 * one or two off this line's ("noi_dung:" a space short of the "phan:" above it). Empty when none is.
 */
function siblingHint(text: string, lines: LineCounter, n: number, line: string): { line: number; text: string } | undefined {
  const here = /^(\s*(?:-\s+)*)[a-z_]+:/.exec(line);
  if (!here) return undefined;
  for (let k = n - 1; k >= Math.max(1, n - 40); k--) {
    const m = /^(\s*(?:-\s+)*)([a-z_]+):/.exec(lineText(text, lines, k));
    const off = m ? m[1].length - here[1].length : 0;
    if (m && off !== 0 && Math.abs(off) <= 2) {
      // either line may be the one out of place: name both, with their columns
      const key = line.trim().split(':')[0].replace(/^-\s+/, '');
      return { line: k, text: ` "${key}:" ở dòng ${n} (cột ${here[1].length + 1}) và "${m[2]}:" ở dòng ${k} (cột ${m[1].length + 1}) lệch nhau ${Math.abs(off)} dấu cách; nếu cùng cấp, hãy sửa dòng sai cho thẳng cột.` };
    }
  }
  return undefined;
}

/** Line `n` (from 1) of the text, without its line end. */
export function lineText(text: string, lines: LineCounter, n: number): string {
  const starts = lines.lineStarts;
  return text.slice(starts[n - 1], n < starts.length ? starts[n] - 1 : undefined).replace(/\r$/, '');
}

/**
 * Whether a line reads as "Nhãn: nội dung" (after a "- " and a plan key, if any): a label inside a
 * sentence. A label has a space or a Vietnamese letter, which no key of the format has.
 */
function isLabelLine(line: string): boolean {
  const m = /^\s*(?:-\s+)*(?:[a-z_]+:\s+)?([^:#"'{[\s][^:#]*):\s+\S/u.exec(line);
  return !!m && /[\s\u0080-\uffff]/u.test(m[1].trim());
}

/** Text quoted for YAML: double quotes unless the text holds a quote or a backslash. */
const quoted = (s: string): string => (/["\\]/.test(s) ? `'${s.replace(/'/g, "''")}'` : `"${s}"`);

/**
 * A line as its indentation, "- " and key, then its value without trailing spaces. No lazy match before
 * "\s*$": on a long line of spaces that costs quadratic time, and a line can be 192 KB.
 */
function headAndValue(line: string): [head: string, value: string] {
  work.steps += line.length; // a scan of the line, counted so the worst-case test sees it
  const t = line.trimEnd();
  const head = /^\s*(?:-\s+)*(?:[a-z_]+:\s+)?/u.exec(t)![0];
  return [head, t.slice(head.length)];
}

/**
 * The message for a line "Nhãn: nội dung" that YAML reads as a key (or as a key inside a value):
 * the line as written and the same line with its text quoted.
 */
export function labelLineMessage(line: string): string {
  const [head, value] = headAndValue(line);
  const said = `dấu hai chấm sau "${value.split(':')[0]}" làm YAML hiểu thành một khóa. Đang viết: ${line.trim()} — `;
  // the text goes on below the label: a folded block keeps it as written
  if (value.endsWith(':')) return `${said}hãy viết ${(head + '>-').trim()} ở dòng này, rồi cả đoạn (kể cả "${value}") ở các dòng dưới, thụt vào thêm 2 dấu cách.`;
  return `${said}hãy đặt cả nội dung trong dấu nháy: ${(head + quoted(value)).trim()}`;
}

/** The line with its "Nhãn: nội dung" text quoted, as the message suggests; undefined for a label that ends its line. */
export function labelLineFix(line: string): string | undefined {
  const [head, value] = headAndValue(line);
  if (!isLabelLine(line) || value.endsWith(':')) return undefined;
  return head + quoted(value);
}

/** A value that starts with "*" (bold or italics, as the plan writes them) quoted whole; undefined for any other line. */
export function starFix(line: string, _column: number): string | undefined {
  const [head, rest] = headAndValue(line);
  if (!rest.startsWith('*') || /^\*[\w-]+$/.test(rest)) return undefined;
  const hash = rest.search(/\s#\s/);
  const value = hash < 0 ? rest : rest.slice(0, hash).trimEnd();
  return head + quoted(value) + rest.slice(value.length);
}

/** The line of the key ("gach:", no "- ") standing at `indent` above line `n`, if the nearest line there is one. */
function keyAboveAt(text: string, lines: LineCounter, n: number, indent: number): number | undefined {
  for (let k = n - 1; k >= Math.max(1, n - 200); k--) {
    const l = lineText(text, lines, k);
    const at = l.search(/\S/);
    if (at < 0 || l[at] === '#' || at > indent) continue;
    return at === indent && /^ *[a-z_]+:/.test(l) ? k : undefined;
  }
  return undefined;
}

/** Whether the nearest line above line `n` (not blank, not a comment) is a list item with its "- " at `column` (0-based). */
function itemAbove(text: string, lines: LineCounter, n: number, column: number): boolean {
  for (let k = n - 1; k >= Math.max(1, n - 200); k--) {
    const l = lineText(text, lines, k);
    if (!l.trim() || l.trimStart().startsWith('#')) continue;
    return column >= 0 && new RegExp(`^ {${column}}- `).test(l);
  }
  return false;
}

/** The nearest item above line `n` with the same key as line n's ("- khoan:" for "- khoan:"): its line and the column of its "- ". */
function siblingAbove(text: string, lines: LineCounter, n: number): { line: number; col: number } | undefined {
  const key = /^ *- ([a-z_]+):/.exec(lineText(text, lines, n))?.[1];
  if (!key) return undefined;
  for (let k = n - 1; k >= Math.max(1, n - 200); k--) {
    const m = /^( *)- ([a-z_]+):/.exec(lineText(text, lines, k));
    if (m && m[2] === key) return { line: k, col: m[1].length };
  }
  return undefined;
}

/** A line whose indentation holds no-break or wide spaces, with plain spaces there instead (one for one). */
export const spaceIndentFix = (line: string): string | undefined => {
  const m = /^[ \u00a0\u2000-\u200a\u202f\u3000]+(?=- |[a-z_]+:)/u.exec(line);
  return m && /[^ ]/u.test(m[0]) ? ' '.repeat(m[0].length) + line.slice(m[0].length) : undefined;
};

/** A list item one space deeper than its siblings, with its "- " at `column`, moved back into line. */
export const itemIndentFix = (line: string, column: number): string | undefined =>
  column >= 2 && line[column - 2] === ' ' && line.slice(column - 1, column + 1) === '- ' ? line.slice(0, column - 2) + line.slice(column - 1) : undefined;

/**
 * "trich_yeu:Tổ chức", "- gach:Triển khai" with the space YAML needs after the colon: at `column` (1-based),
 * or after the key that starts there (an unquoted value).
 */
export function colonSpaceFix(line: string, column: number): string | undefined {
  const at = line[column - 1] === ':' ? column - 1 : (/^[a-z_]+(?=:\S)/.exec(line.slice(column - 1))?.[0].length ?? -Infinity) + column - 1;
  return at >= 0 && /\S/.test(line[at + 1] ?? '') ? `${line.slice(0, at + 1)} ${line.slice(at + 1)}` : undefined;
}

/**
 * The line with the value at `column` (1-based) quoted whole, " #3 …" included: undefined unless the
 * value and its "#" stand on this line (a value that runs on over lines is left for the clerk).
 */
export function hashFix(line: string, column: number): string | undefined {
  const rest = line.slice(column - 1).trimEnd();
  return /\s#[^\s#]/.test(rest) ? line.slice(0, column - 1) + quoted(rest) : undefined;
}

/**
 * The line with the value at `column` (1-based) written on one line, as the format before version 2
 * printed it: a literal block ("|") becomes a folded one (">-": its lines joined by spaces), and in a
 * double-quoted string on this line each "\\n" becomes a space. Undefined for anything else.
 */
export function lineBreakFix(line: string, column: number): string | undefined {
  const head = line.slice(0, column - 1);
  const rest = line.slice(column - 1);
  const block = /^\|([1-9]?)[-+]?([1-9]?)(?=\s|$)/.exec(rest);
  if (block) return `${head}>${block[1] || block[2]}-${rest.slice(block[0].length)}`;
  const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
  if (!quoted) return undefined;
  const inner = quoted[1]
    .replace(/(?:\s|\\[rn])+$/, '')
    .replace(/ *(?:\\r)?\\n */g, ' ');
  return inner === quoted[1] ? undefined : `${head}"${inner}"${rest.slice(quoted[0].length)}`;
}

/**
 * Where nesting first goes deeper than MAX_DEPTH, by a scan of the text: block indentation levels,
 * "- " items on one line, and [ { outside quotes and comments. Undefined when it never does.
 */
function tooDeep(text: string): { line: number; column: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineNo = 0;
  for (const raw of text.split('\n')) {
    lineNo++;
    work.steps++;
    const line = raw.replace(/\r$/, '');
    const body = line.trimStart();
    if (flow === 0 && body !== '' && !body.startsWith('#')) {
      const indent = line.length - body.length;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      let dashes = 0;
      while (dashes <= MAX_DEPTH && body.startsWith('- ', dashes * 2)) (dashes++, work.steps++);
      if (indents.length + dashes > MAX_DEPTH) return { line: lineNo, column: indent + 1 };
    }
    let quote = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote && !(quote === '"' && line[i - 1] === '\\')) quote = '';
        continue;
      }
      if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
      if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]))) quote = c;
      else if (c === '[' || c === '{') {
        if (++flow + indents.length > MAX_DEPTH) return { line: lineNo, column: i + 1 };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
  }
  return undefined;
}

/** Offset of the quote that a scalar left open: the last quote, before `end`, that starts a value. */
function openingQuote(text: string, end: number): number | undefined {
  const re = /(?:^|[:\[{,-]\s*)(["'])/gm;
  let last: number | undefined;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) last = m.index + m[0].length - 1;
  return last;
}

/** The bracket `o` before `end` that nothing closes (the nearest, scanning back once); undefined if none. */
function openingBracket(text: string, end: number, o: '[' | '{'): number | undefined {
  const c = o === '[' ? ']' : '}';
  for (let i = Math.min(end, text.length) - 1, depth = 0; i >= 0; i--) {
    if (text[i] === c) depth++;
    else if (text[i] === o && depth-- === 0) return i;
  }
  return undefined;
}

function deepOrUnknown(e: unknown): string {
  if (e instanceof RangeError) return 'lồng nhau quá sâu';
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/** A key as the data will have it (a scalar's value as text); undefined for a collection as key. */
const keyText = (k: unknown): string | undefined => (isScalar(k) ? String(k.value) : undefined);

/**
 * One pass over the nodes: how deep they nest and which keys repeat in their map (each later
 * occurrence, in document order). Iterative: a 10,000-level document must not overflow the stack.
 */
function structure(root: Node | null, text: string, keyLike?: ReadonlySet<string>): { depth: number; duplicates: Node[]; collectionKeys: Node[]; hashed: Node[]; spaceless: Node[]; joined: Node[] } {
  let depth = 0;
  const duplicates: Node[] = [];
  const collectionKeys: Node[] = [];
  // An unquoted value followed on its line by " #3" or " #ChuyenDoiSo": yaml takes the rest of the line
  // as a comment and the words are silently lost. "#" then a space ("  # ghi chú") is a comment by intent.
  const hashed: Node[] = [];
  // "- gach:Triển khai": a key of `keyLike` with no space after its colon, read as one text (quoted, it is text by intent)
  const spaceless: Node[] = [];
  const joined: Node[] = [];
  // Run on every scalar of every plan: sticky matches at the scalar's own offsets, no copy of the text.
  const hashAfter = /[ \t]+#[^\s#]/y;
  const plain = (n: unknown) => {
    if (!isScalar(n) || n.type !== 'PLAIN' || !n.range) return;
    hashAfter.lastIndex = n.range[1];
    if (n.range[2] > n.range[1] && hashAfter.test(text)) hashed.push(n);
    // "  - Sở Nội vụ" then "   - UBND huyện" one space deeper: YAML joins the second to the first as one
    // text. (Two deeper is where yaml itself folds a long item, "chính trị\n    - xã hội": text, left alone.)
    const lineEnd = text.indexOf('\n', n.range[0]);
    if (lineEnd !== -1 && lineEnd < n.range[1]) {
      const lineStart = text.lastIndexOf('\n', n.range[0]) + 1;
      const item = /^([ \t]*)- $/.exec(text.slice(lineStart, n.range[0]));
      if (item && new RegExp(`\\n${item[1]} - `).test(text.slice(n.range[0], n.range[1]))) joined.push(n);
    }
    const k = keyLike && typeof n.value === 'string' ? /^([a-z_]+):(?=[^\s/])/.exec(n.value) : null;
    if (k && keyLike!.has(k[1])) spaceless.push(n);
  };
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    work.steps++;
    if (d > depth) depth = d;
    if (d > MAX_DEPTH + 1) break;
    if (isMap(n)) {
      const keys = new Set<string>();
      for (const it of n.items) {
        const k = keyText(it.key);
        if (k !== undefined) {
          if (keys.has(k)) duplicates.push(it.key as Node);
          keys.add(k);
        } else if (isMap(it.key) || isSeq(it.key)) collectionKeys.push(it.key);
        stack.push([it.value, d + 1]);
      }
    } else if (isSeq(n)) for (const it of n.items) stack.push([it, d + 1]);
    else plain(n);
  }
  duplicates.sort((a, b) => a.range![0] - b.range![0]);
  hashed.sort((a, b) => a.range![0] - b.range![0]);
  spaceless.sort((a, b) => a.range![0] - b.range![0]);
  joined.sort((a, b) => a.range![0] - b.range![0]);
  return { depth, duplicates, collectionKeys, hashed, spaceless, joined };
}

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'khóa bị lặp lại trong cùng một khối; mỗi khóa chỉ được viết một lần, hãy xóa hoặc gộp khóa trùng.',
  BAD_INDENT: 'thụt lề không đúng; các khóa cùng cấp phải thẳng cột, dùng dấu cách (không dùng Tab).',
  TAB_AS_INDENT: 'dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách.',
  MISSING_CHAR: 'thiếu ký tự (dấu ngoặc hoặc dấu nháy chưa đóng).',
  MULTILINE_IMPLICIT_KEY: 'khóa kéo dài nhiều dòng; có thể thiếu dấu ":" hoặc dấu nháy chưa đóng.',
  BLOCK_AS_IMPLICIT_KEY: 'một khối được dùng làm khóa; có thể thiếu dấu ":" hoặc thụt lề sai.',
  UNEXPECTED_TOKEN: 'ký tự không đúng chỗ.',
  BAD_ALIAS: 'bí danh (*alias) không hợp lệ.',
  BAD_SCALAR_START: 'giá trị bắt đầu bằng ký tự đặc biệt; hãy đặt cả giá trị trong dấu nháy kép "...".',
  ALIAS_PROPS: 'bí danh không được có nhãn.',
  TAG_RESOLVE_FAILED: 'không hiểu nhãn kiểu (!tag).',
  MERGE_KEY: 'khóa gộp (<<) không được hỗ trợ; hãy viết thẳng nội dung.',
  MULTIPLE_DOCS: 'tệp có nhiều tài liệu YAML, ngăn nhau bằng dòng "---"; một tệp chỉ chứa một kế hoạch: hãy xóa dòng "---" ở giữa, hoặc tách thành các tệp riêng.',
  BAD_DIRECTIVE: 'dòng bắt đầu bằng "%" là chỉ thị của YAML, kế hoạch không dùng; hãy xóa dòng này (hoặc đặt giá trị trong dấu nháy).',
  BAD_DQ_ESCAPE: 'trong dấu nháy kép, dấu "\\" mở đầu một ký tự đặc biệt không có; hãy viết "\\\\" cho một dấu "\\", hoặc dùng dấu nháy đơn \'...\'.',
  BLOCK_IN_FLOW: 'trong dấu ngoặc [ ] hay { } không được xuống dòng kiểu khối; hãy viết cả danh sách trên một dòng, hoặc bỏ ngoặc và viết mỗi phần tử một dòng "- ".',
  BAD_PROP_ORDER: 'nhãn (!tag) và tên neo (&anchor) viết sai thứ tự; kế hoạch không cần chúng, hãy xóa.',
  BAD_COLLECTION_TYPE: 'nhãn kiểu (!tag) không hợp với khối này; kế hoạch không cần nhãn, hãy xóa.',
  MULTIPLE_ANCHORS: 'một giá trị có hai tên neo (&anchor); hãy xóa bớt.',
  MULTIPLE_TAGS: 'một giá trị có hai nhãn kiểu (!tag); hãy xóa bớt.',
  NON_STRING_KEY: 'khóa phải là chữ; hãy viết khóa bằng chữ thường, ví dụ trich_yeu.',
  RESOURCE_EXHAUSTION: 'tệp dùng bí danh (*alias) quá nhiều lần; hãy viết thẳng nội dung.',
  IMPOSSIBLE: 'không đọc được cấu trúc của tệp; hãy kiểm tra thụt lề, dấu ":" và dấu nháy.',
};

function yamlErrorVi(code: string): string {
  const vi = YAML_CODES[code];
  // (a code this list does not know yet: its name, not the library's English)
  return vi ? `lỗi cú pháp YAML: ${vi}` : `lỗi cú pháp YAML (mã ${code}); hãy kiểm tra thụt lề, dấu ":" và dấu nháy.`;
}

/** Each map's pairs by key, made on the first lookup in it: one lookup is then one step per path element. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items as Pair[]) {
      work.steps++;
      const k = keyText(p.key);
      if (k !== undefined && !index.has(k)) index.set(k, p);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** The node at a data path, or the nearest ancestor that exists, with whether it was found. */
function nodeAt(doc: Document.Parsed, path: Path): { node: unknown; found: boolean; keyNode?: unknown } {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    work.steps++;
    if (isMap(node)) {
      const pair = pairOf(node, String(k));
      if (!pair) return { node, found: false };
      if (i === path.length - 1) return { node: pair.value ?? pair.key, found: true, keyNode: pair.key };
      node = pair.value;
    } else if (isSeq(node) && typeof k === 'number' && k < node.items.length) {
      node = node.items[k];
    } else return { node, found: false };
  }
  return { node, found: true };
}

function rangeStart(n: unknown): number | undefined {
  const r = (n as { range?: [number, number, number] } | null)?.range;
  return r ? r[0] : undefined;
}

/** line:column of the value at `path` (or of its key with `key: true`; or the parent when missing). */
export function position(src: Source, path: Path, opts: { key?: boolean } = {}): { line: number; column: number } {
  if (!src.doc) return { line: 1, column: 1 };
  const { node, keyNode } = nodeAt(src.doc, path);
  const off = rangeStart(opts.key && keyNode ? keyNode : node);
  if (off === undefined) return { line: 1, column: 1 };
  const p = src.lines.linePos(off);
  return { line: p.line, column: p.col };
}
