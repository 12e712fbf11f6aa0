// The rules of a scanned page (src/import/raster.ts), on pictures drawn here pixel by pixel: a table's grid
// at 300 dpi (rules 2 px thick), words as blocks of ink, and the marks that are no rule.
import { describe, expect, it } from 'vitest';
import { cellsOf, crop, dotsOf, erase, pgm, quarter, readPgm, rotate, rowsOverColumns, rulesOf, skewOf, whiten, type Gray, type Run } from '../src/import/raster.js';
import { gridRules, MAX_RULES, MAX_SQUARES } from '../src/import/pdf-read.js';

function blank(width: number, height: number): Gray {
  return { width, height, px: new Uint8Array(width * height).fill(255) };
}
function ink(img: Gray, x0: number, y0: number, x1: number, y1: number, grey = 0): void {
  for (let y = y0; y <= y1; y++) img.px.fill(grey, y * img.width + x0, y * img.width + x1 + 1);
}
/** A 3 × 2 table: rows at y 100, 200, 300; columns at x 50, 250, 550; rules 2 px thick. */
function table(): Gray {
  const img = blank(600, 420);
  for (const y of [100, 200, 300]) ink(img, 50, y, 551, y + 1);
  for (const x of [50, 250, 550]) ink(img, x, 100, x + 1, 301);
  return img;
}

describe('a page picture as pdftoppm writes it (PGM)', () => {
  it('reads back what it writes, and refuses what is not an 8-bit PGM or PPM', () => {
    const img = table();
    const back = readPgm(pgm(img))!;
    expect([back.width, back.height]).toEqual([600, 420]);
    expect(Buffer.compare(Buffer.from(back.px), Buffer.from(img.px))).toBe(0);
    expect([...readPgm(Buffer.from('P5\n# a comment\n2 1\n255\n\x00\xff', 'latin1'))!.px]).toEqual([0, 255]);
    expect([...readPgm(Buffer.from('P6\n2 1\n255\nabcdef', 'latin1'))!.px]).toEqual([0x61, 0x64]); // colour: its red
    expect(readPgm(Buffer.from('P5\n2 1\n65535\n\x00\x00\x00\x00', 'latin1'))).toBeUndefined(); // 16 bits
    expect(readPgm(Buffer.from('P5\n4 4\n255\n\x00', 'latin1'))).toBeUndefined(); // cut short
    expect(readPgm(Buffer.from('P5\nx 4\n255\n', 'latin1'))).toBeUndefined();
    expect(readPgm(new Uint8Array())).toBeUndefined();
  });
});

describe('the rules of a page picture', () => {
  it('finds each rule of the grid once, whatever its thickness', () => {
    const { h, v } = rulesOf(table());
    expect(h.map((r) => [r.b0, r.b1, r.a0, r.a1])).toEqual([
      [100, 101, 50, 551],
      [200, 201, 50, 551],
      [300, 301, 50, 551],
    ]);
    expect(v.map((r) => [r.b0, r.b1, r.a0, r.a1])).toEqual([
      [50, 51, 100, 301],
      [250, 251, 100, 301],
      [550, 551, 100, 301],
    ]);
  });
  it('bridges a scan\'s small breaks in a rule, not a wide one', () => {
    const img = blank(400, 100);
    ink(img, 10, 20, 200, 21);
    img.px.fill(255, 20 * 400 + 100, 20 * 400 + 102); // 2 px of dust on one row
    ink(img, 10, 60, 100, 60);
    ink(img, 120, 60, 300, 60); // 19 px apart: two rules
    const { h } = rulesOf(img);
    expect(h.map((r) => [r.b0, r.a0, r.a1])).toEqual([
      [20, 10, 200],
      [60, 10, 100],
      [60, 120, 300],
    ]);
  });
  it('takes no letter\'s stroke, dash, grey shade or filled block for a rule', () => {
    const img = blank(400, 200);
    ink(img, 10, 10, 50, 12); // an em dash at body size: 41 px
    ink(img, 100, 10, 103, 50); // the stem of a tall letter: 41 px
    ink(img, 10, 100, 300, 101, 200); // a light grey line (a scan's shade, not ink)
    ink(img, 150, 120, 390, 190); // a filled block: a stamp, a photo
    expect(rulesOf(img)).toEqual({ h: [], v: [] });
  });
  it('erases the rules and only them, a pixel around included', () => {
    const img = table();
    ink(img, 100, 140, 120, 170); // a word in a cell
    const clean = erase(img, rulesOf(img).h, rulesOf(img).v);
    expect(rulesOf(clean)).toEqual({ h: [], v: [] });
    expect(clean.px.filter((p) => p < 160).length).toBe(21 * 31);
    expect(img.px[100 * 600 + 300]).toBe(0); // the picture given is left as it was
  });
});

describe('the cells of a grid', () => {
  it('each cell with ink gives the box around its ink; empty cells none', () => {
    const img = table();
    ink(img, 100, 140, 120, 170);
    ink(img, 300, 220, 330, 250);
    ink(img, 400, 255, 480, 275); // thicker than a rule
    const { h, v } = rulesOf(img);
    expect(cellsOf(erase(img, h, v), h, v)).toEqual([
      { x0: 100, y0: 140, x1: 120, y1: 170 },
      { x0: 300, y0: 220, x1: 480, y1: 275 },
    ]);
  });
  it('a merged cell (a rule missing between two squares) is one cell; an unclosed shape none', () => {
    const img = blank(600, 420);
    for (const y of [100, 200, 300]) ink(img, 50, y, 551, y + 1);
    for (const x of [50, 550]) ink(img, x, 100, x + 1, 301);
    ink(img, 250, 200, 251, 301); // the middle rule only in the second row
    ink(img, 100, 140, 120, 170);
    ink(img, 400, 140, 420, 170); // two words in the merged top row
    ink(img, 100, 240, 120, 270);
    const { h, v } = rulesOf(img);
    expect(cellsOf(erase(img, h, v), h, v)).toEqual([
      { x0: 100, y0: 140, x1: 420, y1: 170 },
      { x0: 100, y0: 240, x1: 120, y1: 270 },
    ]);
    // one rule of each kind is no grid
    const lone = blank(300, 300);
    ink(lone, 10, 10, 200, 11);
    ink(lone, 10, 10, 11, 200);
    expect(cellsOf(lone, rulesOf(lone).h, rulesOf(lone).v)).toEqual([]);
  });
  it('a hatched picture is no table: past MAX_RULES no grid, past MAX_SQUARES no cell', () => {
    // cross-hatching, a line every 4 px each way: more rules than a table has
    const hatch = blank(4 * (MAX_RULES / 2 + 10), 4 * (MAX_RULES / 2 + 10));
    for (let i = 0; i < hatch.width; i += 4) {
      ink(hatch, 0, i, hatch.width - 1, i);
      ink(hatch, i, 0, i, hatch.height - 1);
    }
    const found = rulesOf(hatch);
    expect(found.h.length + found.v.length).toBeGreaterThan(MAX_RULES);
    const seg = (r: Run) => ({ x0: r.a0, x1: r.a1, y0: r.b0, y1: r.b0 });
    const segV = (r: Run) => ({ x0: r.b0, x1: r.b0, y0: r.a0, y1: r.a1 });
    expect(gridRules(found.h.map(seg), found.v.map(segV))).toEqual({ h: [], v: [] });
    // a grid of more squares than a page of table holds (rules every 20 px, 2 px thick), ink in each square
    const n = Math.ceil(Math.sqrt(MAX_SQUARES)) + 2;
    const fine = blank(20 * n + 10, 20 * n + 10);
    for (let i = 0; i <= n; i++) {
      ink(fine, 0, 20 * i, 20 * n + 1, 20 * i + 1);
      ink(fine, 20 * i, 0, 20 * i + 1, 20 * n + 1);
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) ink(fine, 20 * i + 8, 20 * j + 7, 20 * i + 13, 20 * j + 13);
    const { h, v } = rulesOf(fine);
    expect(h.length).toBe(n + 1);
    expect(cellsOf(fine, h, v)).toEqual([]);
    // the same with fewer squares than the limit is read
    const few = crop(fine, { x0: 0, y0: 0, x1: 20 * 10 + 1, y1: 20 * 10 + 1 }, 0);
    expect(cellsOf(few, rulesOf(few).h, rulesOf(few).v)).toHaveLength(100);
  });
  it('a cell\'s crop keeps its pixels inside a white margin', () => {
    const img = table();
    ink(img, 100, 140, 120, 170);
    const c = crop(img, { x0: 100, y0: 140, x1: 120, y1: 170 }, 5);
    expect([c.width, c.height]).toEqual([31, 41]);
    expect(c.px.filter((p) => p === 0).length).toBe(21 * 31);
    expect(c.px[0]).toBe(255);
    expect(c.px[5 * 31 + 5]).toBe(0);
  });
});

describe('the dots OCR reads as "..."', () => {
  // a word at 300 dpi, 14 pt, as the scans measure it: a letter 30 px high, dots 7 px wide on its baseline
  // (y 40-46); full stops 15 px apart, an ellipsis's dots 20
  function word(gap: number, dots: number, extra?: (img: Gray) => void): Gray {
    const img = blank(200, 54);
    ink(img, 5, 16, 20, 46); // a letter
    for (let i = 0; i < dots; i++) ink(img, 30 + i * gap, 40, 36 + i * gap, 46);
    extra?.(img);
    return img;
  }
  const box = { x0: 0, y0: 0, x1: 199, y1: 53 };
  it('tells an ellipsis from full stops by their spacing, and counts the full stops', () => {
    expect(dotsOf(word(15, 3), box)).toEqual({ count: 3, ellipsis: false });
    expect(dotsOf(word(20, 3), box)).toEqual({ count: 3, ellipsis: true });
    expect(dotsOf(word(15, 4), box)).toEqual({ count: 4, ellipsis: false });
    expect(dotsOf(word(20, 6), box)).toEqual({ count: 6, ellipsis: true });
  });
  it('a bracket or comma after the dots, the dot of an "i" above them, do not count', () => {
    const closed = word(20, 3, (img) => {
      ink(img, 100, 14, 103, 52); // ")"
      ink(img, 110, 40, 113, 52); // ","
      ink(img, 12, 4, 18, 10); // the dot of an "i", high up
    });
    expect(dotsOf(closed, box)).toEqual({ count: 3, ellipsis: true });
  });
  it('fewer than three dots, or dots unevenly spaced, are no run', () => {
    expect(dotsOf(word(20, 2), box)).toBeUndefined();
    const uneven = word(15, 2, (img) => ink(img, 90, 40, 96, 46));
    expect(dotsOf(uneven, box)).toBeUndefined();
    expect(dotsOf(word(20, 3), { x0: 300, y0: 0, x1: 250, y1: 53 })).toBeUndefined();
  });
});

describe('a page the scanner turned', () => {
  /**
   * A page drawn turned by `deg` degrees (counter-clockwise) about its centre, point by point (not with
   * rotate()): lines of words (bars 14 px high, 60 px apart) and a table's frame of 2 px rules.
   */
  function turned(deg: number): Gray {
    const img = blank(1200, 1000);
    const a = (deg * Math.PI) / 180;
    const [cx, cy] = [599.5, 499.5];
    const dot = (x: number, y: number) => {
      const X = Math.round(cx + (x - cx) * Math.cos(a) + (y - cy) * Math.sin(a));
      const Y = Math.round(cy - (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a));
      if (X >= 0 && Y >= 0 && X < img.width && Y < img.height) img.px[Y * img.width + X] = 0;
    };
    for (let line = 0; line < 6; line++)
      for (let word = 0; word < 8; word++)
        for (let y = 100 + line * 60; y < 114 + line * 60; y++) for (let x = 100 + word * 120; x < 200 + word * 120; x++) dot(x, y);
    for (const y of [500, 650, 800]) for (let x = 100; x <= 1100; x++) for (const t of [0, 1]) dot(x, y + t);
    for (const x of [100, 600, 1100]) for (let y = 500; y <= 801; y++) for (const t of [0, 1]) dot(x + t, y);
    return img;
  }
  it.each([1.5, -2, 0.6, 0])('finds a turn of %s°, and turned back the page is straight', (deg) => {
    const img = turned(deg);
    // to a twentieth of a degree, the step of the search
    expect(Math.abs(skewOf(img) - deg)).toBeLessThanOrEqual(0.051);
    expect(Math.abs(skewOf(rotate(img, -skewOf(img))))).toBeLessThanOrEqual(0.051);
  });
  it('a table on a page turned 1.5° has no rule to find until the page is turned back', () => {
    const img = turned(1.5);
    expect(rulesOf(img).h.filter((r) => r.a1 - r.a0 > 500)).toEqual([]);
    const back = rotate(img, -skewOf(img));
    const { h, v } = rulesOf(back);
    expect(h.filter((r) => r.a1 - r.a0 > 900)).toHaveLength(3);
    expect(v.filter((r) => r.a1 - r.a0 > 250)).toHaveLength(3);
    expect(cellsOf(erase(back, h, v), h, v)).toEqual([]); // an empty table: no cell with ink
  });
  it('a blank page, or a few specks, is not turned', () => {
    expect(skewOf(blank(400, 400))).toBe(0);
    const specks = blank(400, 400);
    ink(specks, 10, 10, 13, 13);
    expect(skewOf(specks)).toBe(0);
  });
  it('turning keeps the size and fills what the page had not with white', () => {
    const img = turned(0);
    const r = rotate(img, 3);
    expect([r.width, r.height]).toEqual([1200, 1000]);
    expect(r.px[0]).toBe(255);
    expect(Buffer.compare(Buffer.from(rotate(img, 0).px), Buffer.from(img.px))).toBe(0);
  });
});

describe('a page fed in sideways or upside down', () => {
  it('a quarter turn moves every pixel, exactly; four of them give the page back', () => {
    // 3 × 2: a b c / d e f
    const img: Gray = { width: 3, height: 2, px: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    expect(quarter(img, 1)).toEqual({ width: 2, height: 3, px: Uint8Array.from([4, 1, 5, 2, 6, 3]) }); // clockwise
    expect(quarter(img, 3)).toEqual({ width: 2, height: 3, px: Uint8Array.from([3, 6, 2, 5, 1, 4]) });
    expect(quarter(img, 2)).toEqual({ width: 3, height: 2, px: Uint8Array.from([6, 5, 4, 3, 2, 1]) });
    expect(quarter(quarter(quarter(quarter(img, 1), 1), 1), 1)).toEqual(img);
    expect(quarter(img, 0)).toEqual(img);
  });
  it('lines of words line up in rows; read sideways, in columns', () => {
    const page = blank(800, 1000);
    for (let line = 0; line < 12; line++) for (let word = 0; word < 6; word++) ink(page, 60 + word * 120, 80 + line * 60, 160 + word * 120, 94 + line * 60);
    expect(rowsOverColumns(page)).toBeGreaterThan(1.5);
    expect(rowsOverColumns(quarter(page, 1))).toBeLessThan(0.7);
    expect(rowsOverColumns(quarter(page, 2))).toBeCloseTo(rowsOverColumns(page), 5);
    expect(rowsOverColumns(blank(100, 100))).toBe(1); // nothing to tell by
  });
});

describe('a page stamped with a red seal', () => {
  const ppm = (pixels: number[][]) => Buffer.concat([Buffer.from(`P6\n${pixels.length} 1\n255\n`, 'latin1'), Buffer.from(pixels.flat())]);
  // a seal printed over a page as ink is: paper takes its red, print under it stays as dark as it was
  const stamp = (seal: number[], grey: number) => seal.map((c) => Math.round((grey * c) / 255));
  const page = (seal: number[]) => ppm([[0, 0, 0], [128, 128, 128], [250, 248, 240], stamp(seal, 255), stamp(seal, 255), stamp(seal, 255), stamp(seal, 128), stamp(seal, 0)]);
  it('a colour picture is read by its red channel; a page with a seal reads the seal as paper, the print under it as print', () => {
    for (const seal of [[205, 35, 45], [130, 20, 30], [240, 120, 130]]) {
      const read = readPgm(page(seal))!;
      expect(read.sealed).toBe(true);
      // black, grey, paper; the seal over paper white; over grey, grey; over black, black
      expect([...read.px]).toEqual([0, 128, 250, 255, 255, 255, 128, 0]);
    }
    expect(readPgm(Buffer.from('P6\n2 1\n255\n\x00\x00', 'latin1'))).toBeUndefined(); // cut short
  });
  it('a page without a seal: its red channel as it is, not marked sealed', () => {
    // grey print, cream paper, and a red too little to be a seal (a red pen's tick)
    const plain = ppm([...Array.from({ length: 2000 }, () => [120, 120, 120]), [250, 240, 230], [205, 35, 45]]);
    const read = readPgm(plain)!;
    expect(read.sealed).toBeUndefined();
    expect([read.px[0], read.px[2000], read.px[2001]]).toEqual([120, 250, 205]);
    expect(readPgm(pgm(blank(4, 4)))!.sealed).toBeUndefined();
  });
  it('whitened, the seal\'s light grey is paper; print keeps its order of shades', () => {
    const w = whiten({ width: 5, height: 1, px: Uint8Array.from([0, 100, 199, 205, 255]) });
    expect([...w.px]).toEqual([0, 128, 254, 255, 255]);
  });
});
