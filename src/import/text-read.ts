// Plain text copied from Word or a PDF → the blocks a reader sees, as docx-read.ts gives them for a .docx:
// wrapped lines joined into paragraphs, the header's two columns and the signer's column told apart by
// content (the text has no layout left), headings recognised by their markers and shape.
import type { Block, Cell, Para } from './docx-read.js';
import { headerColumns } from './recognize.js';
import { detectLegacy, fromLegacy } from '../text/legacy.js';

const SO_THEN_DATE = /^(Số\s*:\s*\S*\s*\/\s*\S+)\s+(.+?,\s*ngày\b.*)$/u;
const MARKER = /^(?:[IVXLC]+\.\s|\d+(?:\.\d+)*\.?\s|[a-zđ]\)\s|[-–•+]\s|Căn cứ\b|Thực hiện\b|Nơi nhận\b|Trên đây\b|Phụ lục\b)/u;
const AUTHORITY = /^(TM|KT|TL|TUQ|Q)\.\s?\p{Lu}/u;

const para = (text: string, extra: Partial<Para> = {}): Para => ({
  text: text.replace(/\*/g, '\\*'),
  plain: text,
  align: 'both',
  bold: false,
  italic: false,
  fonts: [],
  ...extra,
});

const isUpper = (s: string) => s === s.toLocaleUpperCase('vi') && /\p{Lu}/u.test(s);

/** A numbered line short enough to be a heading, without the full stop a sentence ends with. */
const looksLikeHeading = (t: string) => /^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?)\s/u.test(t) && t.length <= 120 && !/[.;,]$/u.test(t);

/** Join the lines of a text into paragraphs: a blank line or a marker starts a new one. */
function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur.trim()) out.push(cur.replace(/\s+/g, ' ').trim());
    cur = '';
  };
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) {
      flush();
      continue;
    }
    const prev = cur.trim();
    const ends = /[.:;!?]$|\.\/\.$/u.test(prev);
    if (!prev || MARKER.test(l) || (ends && /^\p{Lu}/u.test(l)) || isUpper(l) !== isUpper(prev) || AUTHORITY.test(l)) {
      flush();
      cur = l;
    } else cur += ' ' + l;
  }
  flush();
  return out;
}

/** The blocks of a text; `repairs` receives what was changed. */
export function readText(text: string, repairs: string[]): Block[] {
  let t = text.replace(/\r\n?/g, '\n');
  const legacy = detectLegacy(t);
  if (legacy) {
    t = fromLegacy(t, legacy);
    repairs.push(`chuyển toàn bộ văn bản từ mã ${legacy === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'} sang Unicode.`);
  }
  t = t.normalize('NFC');
  // no-break and other wide spaces become spaces; invisible marks that copies leave inside words go
  const spaces = t.match(/[\u00a0\u2000-\u200a\u202f\u3000]/gu)?.length ?? 0;
  const invisible = t.match(/[\u200b-\u200d\u2060\ufeff\u00ad]/gu)?.length ?? 0;
  t = t.replace(/[\u00a0\u2000-\u200a\u202f\u3000]/gu, ' ').replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/gu, '');
  if (spaces) repairs.push(`${spaces} dấu cách đặc biệt (không ngắt dòng) thành dấu cách thường.`);
  if (invisible) repairs.push(`bỏ ${invisible} ký tự vô hình trong chữ.`);
  const lines = t.split('\n');
  const blocks: Block[] = [];
  // ô 1–4: everything before the line "KẾ HOẠCH"
  const kindAt = lines.findIndex((l) => /^\s*KẾ HOẠCH\b/u.test(l));
  if (kindAt > 0) {
    const parts: Para[] = [];
    for (const raw of lines.slice(0, kindAt)) {
      for (let part of raw.split(/\t|\s{3,}/u)) {
        part = part.trim();
        const sd = SO_THEN_DATE.exec(part);
        if (sd) parts.push(para(sd[1]), para(sd[2]));
        else if (part) parts.push(para(part));
      }
    }
    const { left, right } = headerColumns(parts);
    const cell = (paras: Para[], col: number): Cell => ({ paras, col, colSpan: 1, rowSpan: 1 });
    if (left.length || right.length) blocks.push({ kind: 'table', t: { rows: [[cell(left, 0), cell(right, 1)]], columns: 2, ruled: false } });
  }
  const rest = kindAt >= 0 ? lines.slice(kindAt) : lines;
  // "KẾ HOẠCH Tuyên truyền …" on one line: the kind, then the trích yếu
  if (kindAt >= 0) {
    const m = /^\s*KẾ HOẠCH\s+(.+)$/u.exec(rest[0]);
    rest.splice(0, 1, 'KẾ HOẠCH', ...(m ? [m[1]] : []));
  }
  const ps = paragraphs(rest);
  let k = 0;
  if (ps[0] === 'KẾ HOẠCH') {
    blocks.push({ kind: 'p', p: para('KẾ HOẠCH', { align: 'center', bold: true }) });
    k = 1;
    // the trích yếu: up to the first căn cứ or numbered part
    while (k < ps.length && !MARKER.test(ps[k]) && k < 3) blocks.push({ kind: 'p', p: para(ps[k++], { align: 'center', bold: true }) });
  }
  // the closing block: from "Nơi nhận:" (or the signer's first line) to an appendix or the end
  let closeAt = ps.findIndex((p, i) => i >= k && /^Nơi nhận\b/u.test(p));
  if (closeAt < 0) closeAt = ps.length;
  // signer lines the extraction put before "Nơi nhận:"
  let signStart = closeAt;
  while (signStart > k && (AUTHORITY.test(ps[signStart - 1]) || (isUpper(ps[signStart - 1]) && ps[signStart - 1].length < 40 && !/^[IVXLC]+\./u.test(ps[signStart - 1])))) signStart--;
  const appendixAt = ps.findIndex((p, i) => i > closeAt && /^Phụ lục\b/iu.test(p));
  const closeEnd = appendixAt < 0 ? ps.length : appendixAt;
  for (const p of ps.slice(k, signStart)) blocks.push({ kind: 'p', p: para(p, looksLikeHeading(p) ? { bold: true } : {}) });
  if (closeAt < ps.length || signStart < closeAt) {
    const left: Para[] = [];
    const right: Para[] = [];
    for (const p of ps.slice(signStart, closeEnd)) {
      if (/^Nơi nhận\b/u.test(p)) {
        const after = p.replace(/^Nơi nhận\s*:?\s*/u, '');
        left.push(para('Nơi nhận:'));
        if (after) for (const r of after.split(/(?<=;)\s+(?=[-–])/u)) left.push(para(r));
      } else if (/^[-–]\s/u.test(p)) {
        // "- Như trên; - Lưu: VT." joined by the extraction: one recipient each
        for (const r of p.split(/(?<=[;.])\s+(?=[-–]\s)/u)) left.push(para(r));
      } else right.push(para(p, { bold: true }));
    }
    if (right.length > 1 || left.length) {
      blocks.push({ kind: 'table', t: { rows: [[{ paras: left, col: 0, colSpan: 1, rowSpan: 1 }, { paras: right, col: 1, colSpan: 1, rowSpan: 1 }]], columns: 2, ruled: false } });
    }
  }
  if (appendixAt >= 0) {
    // an appendix's table has no columns left in a text: its lines kept as rows of one column
    const head = ps.slice(appendixAt, appendixAt + 2);
    for (const h of head) blocks.push({ kind: 'p', p: para(h, { align: 'center', bold: true }) });
    const rows = ps.slice(appendixAt + 2);
    if (rows.length) {
      repairs.push(`phụ lục: ${rows.length} dòng giữ thành các hàng của một cột (văn bản không còn cột của bảng).`);
      const cell = (t: string): Cell => ({ paras: [para(t)], col: 0, colSpan: 1, rowSpan: 1 });
      blocks.push({ kind: 'table', t: { rows: [[cell('Nội dung')], ...rows.map((r) => [cell(r)])], columns: 1, ruled: true } });
    }
  }
  return blocks;
}
