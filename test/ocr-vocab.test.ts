// A scanned plan checked against itself (src/import/ocr-vocab.ts): each case a document's lines, the words
// read surely written plain, a low-confidence word as "word@confidence"; what the document says after.
import { describe, expect, it } from 'vitest';
import { agree, type OcrWord } from '../src/import/ocr-vocab.js';

function read(lines: string[]): OcrWord[][] {
  return lines.map((l) => l.split(' ').map((w) => (/@\d+$/.test(w) ? { text: w.replace(/@\d+$/, ''), conf: Number(w.split('@').pop()) } : { text: w, conf: 95 })));
}
function run(lines: string[]): { text: string[]; repairs: string[] } {
  const doc = read(lines);
  const repairs: string[] = [];
  agree(doc, repairs, (n) => `dòng ${n + 1}`);
  return { text: doc.map((l) => l.map((w) => w.text).join(' ')), repairs };
}

const TTHC = ['thủ tục hành chính (TTHC).', 'công khai các TTHC trên Trang', 'cập nhật TTHC mới'];
const DAN = ['phục vụ người dân, tổ chức', 'sự hài lòng của người dân khi'];

describe('a low-confidence word takes the form the document gives surely', () => {
  it.each([
    ['an acronym missing a letter', [...TTHC, 'Cập nhật các THC@36 mới'], 'Cập nhật các TTHC mới'],
    ['an acronym with a letter too many, its punctuation kept', [...TTHC, 'nội dung TTTHC,@30 thuộc'], 'nội dung TTHC, thuộc'],
    ['an acronym with a letter replaced', ['các CCN đã', 'khu, CCN theo', 'tại các CCN.', 'các CƠN@41 đã'], 'các CCN đã'],
    ['a Vietnamese word, when its neighbour agrees', [...DAN, 'hài lòng của người dần@75 khi'], 'hài lòng của người dân khi'],
  ])('%s', (_, lines, want) => {
    const r = run(lines);
    expect(r.text[lines.length - 1]).toBe(want);
    expect(r.repairs).toHaveLength(1);
    expect(r.repairs[0]).toMatch(/^dòng \d+: OCR đọc ".+", sửa thành ".+" như văn bản viết ở các chỗ khác\.$/);
  });
});

describe('what is left as read', () => {
  it.each([
    ['a word read surely', [...TTHC, 'Cập nhật các THC mới']],
    ['a number (one digit from another)', ['năm 2026 và', 'đến năm 2026', 'trong năm 2026', 'năm 2025@30 và']],
    ['a capital (a sentence may start with it)', ['nâng cao nhận thức', 'nâng cao chất lượng', 'nước, Nâng@50 cao']],
    ['a Vietnamese word whose neighbours do not agree', [...DAN, 'dần@50 dần']],
    ['a misread that repeats with its neighbour (a place name)', ['Tăng cường', 'Tăng cường', 'Tăng cường', 'KCN Tằng@80 Loỏng', 'KCN Tằng@76 Loỏng']],
    ['two forms one letter away, and no neighbour to choose', ['KCN mới', 'KCN mới', 'CCN đã', 'CCN đã', 'các XCN@40 và']],
    ['a word of two letters', ['Sở Y tế', 'Sở Y tế', 'Sở Y tế', 'Sở YT@30 tế']],
    ['a form read surely only once', ['GPMB xong', 'GPMEB@20 và']],
  ])('%s', (_, lines) => {
    const r = run(lines);
    expect(r.text).toEqual(lines.map((l) => l.replace(/@\d+/g, '')));
    expect(r.repairs).toEqual([]);
  });
  it('a long run of letters (garbage off a stamp) costs linear time and is left', () => {
    const junk = 'x'.repeat(50_000);
    const r = run([`${junk}y`, `${junk}y`, `${junk}@10`]);
    expect(r.repairs).toEqual([]);
  });
});
