// Where tesseract's page layout split a line of capitals from its marks (src/import/ocr.ts's splitLines), on
// TSV rows as tesseract writes them: level, page, block, paragraph, line, word, left, top, width, height,
// confidence, text. The rows are those of a real page (Hậu Giang's last page, its signer's title).
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/import/ocr.js';
import { layout, type Page } from '../src/import/pdf-read.js';

const row = (block: number, par: number, line: number, x: number, y: number, w: number, h: number, text: string) => ['5', '1', block, par, line, 1, x, y, w, h, 90, text].join('\t');
const HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
// the nơi nhận column and the signer's run into one line each, as tesseract read them
const page = [
  HEAD,
  row(3, 1, 1, 300, 470, 160, 45, 'Nơi'),
  row(3, 1, 1, 470, 470, 120, 45, 'nhận:'),
  row(3, 1, 1, 1558, 479, 95, 39, 'KT.'),
  row(3, 1, 1, 1673, 467, 160, 51, 'GIÁM'),
  row(3, 1, 1, 1851, 465, 124, 53, 'ĐỐC'),
  row(3, 1, 2, 300, 520, 200, 42, '-'),
  row(3, 1, 2, 340, 520, 200, 42, 'Sở'),
  row(3, 1, 2, 1644, 534, 12, 9, '^'),
  row(3, 1, 2, 1769, 534, 13, 9, 'Á'),
  row(3, 1, 2, 1920, 532, 23, 11, 'Ế'),
  row(3, 2, 1, 1544, 545, 122, 40, 'TPHRN'),
  row(3, 2, 1, 1687, 545, 160, 40, 'GHUANE'),
  row(3, 2, 1, 1865, 545, 124, 40, 'THOA,'),
  row(4, 1, 1, 300, 700, 200, 42, 'Lưu:'),
  row(4, 1, 1, 520, 700, 200, 42, 'VT.'),
].join('\n');

describe("a line of capitals read apart from its marks", () => {
  it('the marks and the letters below them, one box across both, whatever runs beside them', () => {
    expect(splitLines(page)).toEqual([{ x0: 1544, y0: 532, x1: 1988, y1: 584 }]);
  });
  it('marks with no line just below, and lines without marks, give nothing', () => {
    const lone = page.split('\n').filter((l) => !/TPHRN|GHUANE|THOA/.test(l)).join('\n');
    expect(splitLines(lone)).toEqual([]);
    expect(splitLines(page.split('\n').filter((l) => !/\t[\^ÁẾ]$/.test(l)).join('\n'))).toEqual([]);
    expect(splitLines(HEAD)).toEqual([]);
  });
});

describe('a line of capitals read with little confidence', () => {
  // Phú Mỹ's signer: "GIÁM ĐỐC" read "GILAM ĐOÓOC", its marks inside the letters' boxes
  const rowc = (line: number, x: number, y: number, w: number, h: number, conf: number, text: string) => ['5', '1', 1, 1, line, 1, x, y, w, h, conf, text].join('\t');
  it('read again with the room above it where its marks stand, down from the line above', () => {
    const page = [HEAD, rowc(1, 1615, 860, 200, 40, 95, 'Nơi'), rowc(2, 1615, 930, 161, 40, 52, 'GILAM'), rowc(2, 1794, 930, 124, 40, 45, 'ĐOÓOC')].join('\n');
    // up to 0.9 of its height (36 px), but not within PAD (16 px) of the line above, which ends at 899
    expect(splitLines(page)).toEqual([{ x0: 1615, y0: 916, x1: 1917, y1: 969 }]);
  });
  it('read surely, or not in capitals, it stays as read', () => {
    expect(splitLines([HEAD, rowc(1, 1615, 930, 161, 40, 92, 'GIÁM'), rowc(1, 1794, 930, 124, 40, 90, 'ĐỐC')].join('\n'))).toEqual([]);
    expect(splitLines([HEAD, rowc(1, 1615, 930, 161, 40, 40, 'Giám'), rowc(1, 1794, 930, 124, 40, 40, 'đốc')].join('\n'))).toEqual([]);
  });
});

describe('a page number OCR misread', () => {
  // A4 in points; one line of body text and, in the top margin, what OCR read where the number stands
  const page = (n: number, x: number, top: string, scanned = true): Page => ({
    width: 595,
    height: 842,
    h: [],
    v: [],
    scanned,
    items: [
      { str: top, x, y: 812, w: 10, size: 13, bold: false, italic: false },
      { str: `Nội dung trang ${n}.`, x: 85, y: 700, w: 120, size: 13, bold: false, italic: false },
    ],
  });
  const texts = (ps: Page[]) => layout(ps).blocks.flatMap((b) => (b.kind === 'p' ? [b.p.plain] : []));
  const kept = (ps: Page[], word: string) => texts(ps).some((t) => t.split(' ').includes(word));
  it('a lone short word centred in the top margin of a later scanned page is its number', () => {
    expect(texts([page(1, 287, 'k)'), page(2, 287, 'k)')])).toEqual(['k)', 'Nội dung trang 1.', 'Nội dung trang 2.']);
  });
  it('not off centre, not a longer word, not in a text layer', () => {
    expect(kept([page(1, 287, '1'), page(2, 90, 'k)')], 'k)')).toBe(true);
    expect(kept([page(1, 287, '1'), page(2, 280, 'Phụ lục')], 'lục')).toBe(true);
    expect(kept([page(1, 287, '1'), page(2, 287, 'k)', false)], 'k)')).toBe(true);
    expect(kept([page(1, 287, '1'), page(2, 287, 'k)')], 'k)')).toBe(false);
  });
});
