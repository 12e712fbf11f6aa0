// The ruling lines of a scanned page. A PDF's text layer says where a table's rules are drawn; a scan has
// only pixels, so the rules are found in the page picture (pdftoppm's greyscale PGM): a rule is a long, thin
// run of dark pixels. The table's grid then puts the recognised words back into their cells, as a text
// layer's rules do, and the rules are erased before recognition, because tesseract reads a vertical rule as
// "|" or "l" and runs a cell's words into its neighbour's.
import { gridOf } from './pdf-read.js';

/** A greyscale picture, one byte a pixel, row by row (0 black, 255 white). */
export interface Gray {
  width: number;
  height: number;
  px: Uint8Array;
  /** Read from a colour scan stamped with a red seal, the seal taken out (readPgm). */
  sealed?: boolean;
}

/** A straight run of dark pixels, in pixels: along its length from a0 to a1, across it from b0 to b1. */
export interface Run {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Darker than this (0–255) is ink; a scan's greys around a rule and JPEG's ringing stay lighter. */
const INK = 160;
/** At 300 dpi, 48 pixels are 4 mm: longer than any letter's stroke at body size, shorter than a cell's side. */
const MIN_LENGTH = 48;
/** Thicker than this (1 mm) is a filled area (a stamp, a photo), not a rule. */
const MAX_THICKNESS = 12;
/** A scan breaks a rule in places (dust, JPEG); gaps up to this many pixels are bridged. */
const GAP = 2;

/** A binary PNM's header, as pdftoppm writes it (P5 greyscale or P6 colour, 8 bits): its size and where its pixels start. */
function pnmHeader(b: Uint8Array): { colour: boolean; width: number; height: number; at: number } | undefined {
  // "P5"/"P6", width, height, maxval, each separated by white space (comments start with #), then one space
  const fields: number[] = [];
  let i = 2;
  const colour = b[1] === 0x36;
  if (b[0] !== 0x50 || (b[1] !== 0x35 && !colour)) return undefined;
  while (fields.length < 3 && i < b.length) {
    while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
    if (b[i] === 0x23) {
      while (i < b.length && b[i] !== 0x0a) i++;
      continue;
    }
    let n = 0;
    const start = i;
    while (i < b.length && b[i] >= 0x30 && b[i] <= 0x39) n = n * 10 + (b[i++] - 0x30);
    if (i === start) return undefined;
    fields.push(n);
  }
  const [width, height, max] = fields;
  const at = i + 1; // the single white space after maxval
  if (max !== 255 || !width || !height || b.length < at + width * height * (colour ? 3 : 1)) return undefined;
  return { colour, width, height, at };
}

/** A page with more of a seal's red than this share of its pixels is stamped (a seal is about a hundredth of a page). */
const SEALED = 0.001;

/** A seal's red: green and blue well under red, whatever the red's own depth (bright, dark, or printed over grey). */
const sealRed = (r: number, g: number, b: number): boolean => r >= 60 && g * 5 <= r * 3 && b * 20 <= r * 13;

/**
 * Read a binary PNM as pdftoppm writes it: greyscale (P5) as it is, colour (P6) by its red channel. An office's
 * seal is red and is stamped over the signer's title and name; in the red channel black print stays black (so
 * does a signature in blue ink, and nothing is read from it). The seal's own red is the paper under it: where
 * a page has a seal, each of its pixels is divided by that red, so that the seal, bright or dark, is as white
 * as the paper and the print under it as dark as elsewhere. Undefined for anything else.
 */
export function readPgm(b: Uint8Array): Gray | undefined {
  const head = pnmHeader(b);
  if (!head) return undefined;
  const { colour, width, height, at } = head;
  if (!colour) return { width, height, px: b.subarray(at, at + width * height) };
  const px = new Uint8Array(width * height);
  const reds = new Uint32Array(256);
  let red = 0;
  for (let k = 0, i = at; k < px.length; k++, i += 3) {
    px[k] = b[i];
    if (sealRed(b[i], b[i + 1], b[i + 2])) reds[b[i]]++, red++;
  }
  if (red <= px.length * SEALED) return { width, height, px };
  // most of a seal lies on paper, the rest over print (darker): its red over paper is near the top of its reds
  let level = 255;
  for (let v = 0, seen = 0; v < 255 && level === 255; v++) if ((seen += reds[v]) >= red * 0.75) level = v;
  for (let k = 0, i = at; k < px.length; k++, i += 3) if (sealRed(b[i], b[i + 1], b[i + 2])) px[k] = Math.min(255, Math.round((b[i] * 255) / level));
  return { width, height, px, sealed: true };
}

/**
 * The runs of ink at least MIN_LENGTH long along one direction, joined across neighbouring rows (or columns)
 * into one rule each: `lines` rows of `length` pixels, `at(line, k)` the pixel k of a row.
 */
function runs(lines: number, length: number, at: (line: number, k: number) => number): Run[] {
  const done: Run[] = [];
  let open: Run[] = [];
  for (let line = 0; line < lines; line++) {
    const found: Run[] = [];
    let start = -1;
    let lastInk = -1;
    for (let k = 0; k <= length; k++) {
      const ink = k < length && at(line, k) < INK;
      if (ink) {
        if (start < 0 || k - lastInk > GAP + 1) {
          if (start >= 0 && lastInk - start + 1 >= MIN_LENGTH) found.push({ a0: start, a1: lastInk, b0: line, b1: line });
          start = k;
        }
        lastInk = k;
      }
    }
    if (start >= 0 && lastInk - start + 1 >= MIN_LENGTH) found.push({ a0: start, a1: lastInk, b0: line, b1: line });
    // a rule several pixels thick is a run on each of its rows: join a run to the rule it overlaps on the row before
    const next: Run[] = [];
    for (const r of found) {
      const i = open.findIndex((o) => o.b1 >= line - 1 && Math.min(o.a1, r.a1) - Math.max(o.a0, r.a0) > Math.min(o.a1 - o.a0, r.a1 - r.a0) / 2);
      if (i >= 0) {
        const o = open[i];
        open.splice(i, 1);
        next.push({ a0: Math.min(o.a0, r.a0), a1: Math.max(o.a1, r.a1), b0: o.b0, b1: line });
      } else next.push(r);
    }
    done.push(...open);
    open = next;
  }
  done.push(...open);
  return done.filter((r) => r.b1 - r.b0 + 1 <= MAX_THICKNESS);
}

/** The horizontal and vertical rules of a page picture. */
export function rulesOf(img: Gray): { h: Run[]; v: Run[] } {
  const { width, height, px } = img;
  return {
    h: runs(height, width, (y, x) => px[y * width + x]),
    v: runs(width, height, (x, y) => px[y * width + x]),
  };
}

/** A copy of the picture with these rules painted white (and a pixel around them, where their grey edge is). */
export function erase(img: Gray, h: Run[], v: Run[]): Gray {
  const px = Uint8Array.from(img.px);
  const paint = (x0: number, x1: number, y0: number, y1: number) => {
    for (let y = Math.max(0, y0 - 1); y <= Math.min(img.height - 1, y1 + 1); y++) px.fill(255, y * img.width + Math.max(0, x0 - 1), y * img.width + Math.min(img.width - 1, x1 + 1) + 1);
  };
  for (const r of h) paint(r.a0, r.a1, r.b0, r.b1);
  for (const r of v) paint(r.b0, r.b1, r.a0, r.a1);
  return { ...img, px };
}

/** The picture as a binary PGM, for tesseract. */
export function pgm(img: Gray): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1'), img.px]);
}

/** A rectangle of pixels, ends included. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether two boxes share a pixel. */
export const overlaps = (a: Box, b: Box): boolean => a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;

/** The box around both. */
export const union = (a: Box, b: Box): Box => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) });

/** Rules nearer than this (pixels, half a millimetre) are one line of the grid. */
const SAME_LINE = 6;

/**
 * The cells of a table's grid that hold ink, each as the box around its ink: a merged cell is one (the grid,
 * pdf-read's gridOf, in pixels). Tesseract's page layout reads a table badly: it drops a short, lone word in a
 * narrow cell (the "1.", "4.2" of an STT column) and garbles a centred two-line heading; a cell read on its own
 * is a small block of text, which it reads well. Only cells closed on four sides: anything else is left to
 * the page.
 */
export function cellsOf(img: Gray, h: Run[], v: Run[]): Box[] {
  const mid = (r: Run) => (r.b0 + r.b1) / 2;
  // y upwards, as on a PDF page, so that the grid lists its rows, and the cells come, top to bottom
  const grid = gridOf(
    h.map((r) => ({ x0: r.a0, x1: r.a1, y0: -mid(r), y1: -mid(r) })),
    v.map((r) => ({ x0: mid(r), x1: mid(r), y0: -r.a1, y1: -r.a0 })),
    SAME_LINE,
  );
  const out: Box[] = [];
  for (const g of grid?.cells ?? []) {
    if (!g.closed) continue;
    const { xs, ys } = grid!;
    const box = { x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
    let ink = 0;
    // the ink inside, off the (erased) rules
    for (let y = Math.ceil(-ys[g.r0]) + SAME_LINE; y <= -ys[g.r1 + 1] - SAME_LINE; y++)
      for (let x = Math.ceil(xs[g.c0]) + SAME_LINE; x <= xs[g.c1 + 1] - SAME_LINE; x++)
        if (img.px[y * img.width + x] < INK) {
          ink++;
          box.x0 = Math.min(box.x0, x);
          box.x1 = Math.max(box.x1, x);
          box.y0 = Math.min(box.y0, y);
          box.y1 = Math.max(box.y1, y);
        }
    // a dot or a speck of dust is no word
    if (ink >= 30) out.push(box);
  }
  return out;
}

/** The pixels of a box, with a white margin of `pad` pixels around them (tesseract wants one). */
export function crop(img: Gray, b: Box, pad: number): Gray {
  const width = b.x1 - b.x0 + 1 + 2 * pad;
  const height = b.y1 - b.y0 + 1 + 2 * pad;
  const px = new Uint8Array(width * height).fill(255);
  for (let y = b.y0; y <= b.y1; y++) px.set(img.px.subarray(y * img.width + b.x0, y * img.width + b.x1 + 1), (y - b.y0 + pad) * width + pad);
  return { width, height, px };
}

/** The blobs of ink inside a box (4-connected), each as its box in the picture, left to right. */
function blobs(img: Gray, b: Box): Box[] {
  const w = b.x1 - b.x0 + 1;
  const h = b.y1 - b.y0 + 1;
  const seen = new Uint8Array(w * h);
  const ink = (x: number, y: number) => img.px[(b.y0 + y) * img.width + b.x0 + x] < INK;
  const out: Box[] = [];
  const stack: number[] = [];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (seen[y * w + x] || !ink(x, y)) continue;
      const blob = { x0: x, y0: y, x1: x, y1: y };
      seen[y * w + x] = 1;
      stack.push(x, y);
      while (stack.length) {
        const q = stack.pop()!;
        const p = stack.pop()!;
        blob.x0 = Math.min(blob.x0, p);
        blob.x1 = Math.max(blob.x1, p);
        blob.y0 = Math.min(blob.y0, q);
        blob.y1 = Math.max(blob.y1, q);
        for (const [a, c] of [[p + 1, q], [p - 1, q], [p, q + 1], [p, q - 1]])
          if (a >= 0 && c >= 0 && a < w && c < h && !seen[c * w + a] && ink(a, c)) {
            seen[c * w + a] = 1;
            stack.push(a, c);
          }
      }
      out.push({ x0: b.x0 + blob.x0, y0: b.y0 + blob.y0, x1: b.x0 + blob.x1, y1: b.y0 + blob.y1 });
    }
  return out.sort((p, q) => p.x0 - q.x0);
}

/**
 * The run of dots a word ends with, where OCR reads "...": how many, and whether they are one ellipsis "…"
 * rather than full stops. An ellipsis spaces its three dots a third of an em apart, full stops a quarter
 * (Times New Roman, as ND30 sets; other fonts alike): measured against the dots' own width, at any scale,
 * full stops are about two dot widths apart, an ellipsis's dots about three. Undefined when no such run of
 * evenly spaced dots is seen.
 */
export function dotsOf(img: Gray, word: Box): { count: number; ellipsis: boolean } | undefined {
  const box = { x0: Math.max(0, word.x0), y0: Math.max(0, word.y0), x1: Math.min(img.width - 1, word.x1), y1: Math.min(img.height - 1, word.y1) };
  if (box.x1 < box.x0 || box.y1 < box.y0) return undefined;
  const size = box.y1 - box.y0 + 1;
  // a dot: small, about as wide as high (not a comma's tail, not a letter's stroke), in the word's lower half
  // (not the dot of an "i" or a tone mark)
  const dots = blobs(img, box).filter((d) => {
    const [w, h] = [d.x1 - d.x0 + 1, d.y1 - d.y0 + 1];
    return w >= 3 && h >= 3 && w <= size / 4 && h <= size / 4 && w <= h * 1.6 && h <= w * 1.6 && d.y1 > box.y0 + size / 2;
  });
  const mid = (d: Box) => (d.x0 + d.x1) / 2;
  // the last run of three or more dots on one baseline, evenly spaced (a comma or bracket may follow)
  let run: Box[] = [];
  for (let end = dots.length - 1; end >= 2 && run.length < 3; end--) {
    run = [dots[end]];
    for (let i = end - 1; i >= 0; i--) {
      const [d, next] = [dots[i], run[0]];
      const gap = run.length > 1 ? mid(run[1]) - mid(run[0]) : mid(next) - mid(d);
      if (Math.abs(d.y1 - next.y1) > 2 || gap <= 0 || Math.abs(mid(next) - mid(d) - gap) > gap / 4) break;
      run.unshift(d);
    }
  }
  if (run.length < 3) return undefined;
  const width = run.reduce((n, d) => n + d.x1 - d.x0 + 1, 0) / run.length;
  const gap = (mid(run[run.length - 1]) - mid(run[0])) / (run.length - 1);
  return { count: run.length, ellipsis: gap / width > 2.4 };
}

/**
 * The page's ink at a coarser grid: the cells (`sx` by `sy` pixels) at least half ink, as column and row
 * indices in that grid.
 */
function inkOf(img: Gray, sx: number, sy: number): { xs: number[]; ys: number[] } {
  const w = Math.floor(img.width / sx);
  const h = Math.floor(img.height / sy);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let dark = 0;
      for (let j = 0; j < sy; j++) for (let i = 0; i < sx; i++) if (img.px[(y * sy + j) * img.width + x * sx + i] < INK) dark++;
      if (dark * 2 >= sx * sy) xs.push(x), ys.push(y);
    }
  return { xs, ys };
}

/** Skew beyond this (degrees) is no scan of a page laid straight: not looked for. */
const MAX_SKEW = 5;

/**
 * The angle (degrees, counter-clockwise positive) a scanned page is turned by: the angle at which its rows of
 * ink line up best, that is, at which the ink counted row by row along lines of that slope is most unevenly
 * spread (lines of text and rules, then blank leading). A scanner's feeder turns a page by a degree or two;
 * tesseract copes, but a table's rules then run across rows of pixels and are no longer found. Every row is
 * counted (a twentieth of a degree moves a line's end by two rows), in columns of 4 pixels; the angles tried
 * are every half degree, then every twentieth around the best.
 */
export function skewOf(img: Gray): number {
  // every row, for the angle's precision; a quarter of the columns, for speed
  const { xs: cols, ys } = inkOf(img, 4, 1);
  const xs = cols.map((x) => x * 4);
  if (xs.length < 400) return 0;
  const rows = new Float64Array(img.height + 2 * img.width);
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    rows.fill(0);
    // a row of text turned counter-clockwise rises to the right (y falls as x grows, y downwards)
    for (let k = 0; k < xs.length; k++) rows[Math.round(ys[k] + xs[k] * t) + img.width]++;
    let s = 0;
    for (let i = 0; i < rows.length; i++) s += rows[i] * rows[i];
    return s;
  };
  const best = (from: number, to: number, step: number): number => {
    let at = 0;
    let top = -1;
    for (let d = from; d <= to + 1e-9; d += step) {
      const s = score(d);
      if (s > top) (top = s), (at = d);
    }
    return at;
  };
  const coarse = best(-MAX_SKEW, MAX_SKEW, 0.5);
  return Math.round(best(coarse - 0.5, coarse + 0.5, 0.05) * 100) / 100;
}

/** Catmull-Rom's weight of a pixel `t` pixels away from the point sampled. */
function cubic(t: number): number {
  const a = Math.abs(t);
  return a < 1 ? 1.5 * a * a * a - 2.5 * a * a + 1 : a < 2 ? -0.5 * a * a * a + 2.5 * a * a - 4 * a + 2 : 0;
}

/**
 * The picture turned by `deg` degrees (counter-clockwise positive) about its centre, white where it had none.
 * Each pixel is sampled from the sixteen around its source point (bicubic): measured on turned scans,
 * tesseract then misreads about a third fewer words than after the blur of a bilinear turn.
 */
export function rotate(img: Gray, deg: number): Gray {
  const { width, height } = img;
  if (deg === 0) return { width, height, px: img.px.slice() };
  const px = new Uint8Array(width * height).fill(255);
  const a = (deg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const [cx, cy] = [(width - 1) / 2, (height - 1) / 2];
  const wx = new Float64Array(4);
  const wy = new Float64Array(4);
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      // a counter-clockwise turn on screen (y downwards): the source point is the result turned back
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 1 || y0 < 1 || x0 + 2 >= width || y0 + 2 >= height) continue;
      for (let k = 0; k < 4; k++) {
        wx[k] = cubic(sx - (x0 - 1 + k));
        wy[k] = cubic(sy - (y0 - 1 + k));
      }
      let v = 0;
      for (let j = 0; j < 4; j++) {
        const row = (y0 - 1 + j) * width + x0 - 1;
        v += wy[j] * (wx[0] * img.px[row] + wx[1] * img.px[row + 1] + wx[2] * img.px[row + 2] + wx[3] * img.px[row + 3]);
      }
      px[y * width + x] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  }
  return { width, height, px };
}

/**
 * How much more sharply the ink lines up in rows than in columns (the sum of squares of the ink counted per
 * row, over the same per column; each relative to an even spread). Lines of text make rows sharp: a page
 * of text read sideways (a landscape table scanned upright, or a page fed in turned a quarter) has it below 1.
 */
export function rowsOverColumns(img: Gray): number {
  const { xs, ys } = inkOf(img, 4, 4);
  const n = xs.length;
  if (n < 100) return 1;
  const rows = new Float64Array(Math.floor(img.height / 4));
  const cols = new Float64Array(Math.floor(img.width / 4));
  for (let k = 0; k < n; k++) rows[ys[k]]++, cols[xs[k]]++;
  const sharp = (a: Float64Array) => (a.reduce((s, v) => s + v * v, 0) * a.length) / (n * n);
  return sharp(rows) / sharp(cols);
}

/** The picture turned clockwise by `quarters` quarter turns: exact, pixel for pixel. */
export function quarter(img: Gray, quarters: number): Gray {
  const q = ((quarters % 4) + 4) % 4;
  const { width: w, height: h } = img;
  if (q === 0) return { width: w, height: h, px: img.px.slice() };
  if (q === 2) return { width: w, height: h, px: img.px.slice().reverse() };
  const px = new Uint8Array(w * h);
  // clockwise: the left column, read bottom up, becomes the top row; anticlockwise the other way
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = img.px[y * w + x];
      if (q === 1) px[x * h + (h - 1 - y)] = v;
      else px[(w - 1 - x) * h + y] = v;
    }
  return { width: h, height: w, px };
}

/** Lighter than this (0–255) is paper: a seal's red (in the red channel), grey or yellowed paper, a scan's haze. */
const PAPER = 200;

/**
 * The picture with the paper made white and the ink's shades spread over what is left. tesseract finds its
 * own threshold between ink and paper over the whole page; what readPgm leaves of a seal (its reds lighter or
 * darker than its usual one, a light grey) would pull that threshold up, and be read as letters over the
 * signer's title. Only for a page with a seal: on a plain page the changed shades cost tesseract words
 * (measured: 83% of Lào Cai's lines instead of 93%).
 */
export function whiten(img: Gray): Gray {
  const px = new Uint8Array(img.px.length);
  for (let i = 0; i < px.length; i++) {
    const v = img.px[i];
    px[i] = v >= PAPER ? 255 : Math.round((v * 255) / PAPER);
  }
  return { width: img.width, height: img.height, px };
}
