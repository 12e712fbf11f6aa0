// A scanned copy of a PDF, as an office scanner makes one: each page rendered at 300 dpi by poppler's
// pdftoppm, then put back into a PDF as a picture (JPEG) and nothing else, so it has no text layer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The size of a JPEG (its SOF marker). */
function jpegSize(b: Buffer): { width: number; height: number; components: number } {
  for (let i = 2; i < b.length; ) {
    const marker = b[i + 1];
    const len = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7), components: b[i + 9] };
    i += 2 + len;
  }
  throw new Error('not a JPEG');
}

/** A PDF whose pages are these JPEGs (`dpi` dots per inch). */
export function imagesToPdf(jpegs: Buffer[], dpi = 300): Buffer {
  const objects: Buffer[] = [];
  const add = (b: Buffer | string) => objects.push(Buffer.isBuffer(b) ? b : Buffer.from(b, 'latin1')) ;
  const n = jpegs.length;
  // 1 catalog, 2 pages, then per page: page, contents, image
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Count ${n} /Kids [${jpegs.map((_, i) => `${3 + i * 3} 0 R`).join(' ')}] >>`);
  jpegs.forEach((jpg, i) => {
    const { width, height, components } = jpegSize(jpg);
    const w = (width * 72) / dpi;
    const h = (height * 72) / dpi;
    const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${5 + i * 3} 0 R >> >> /Contents ${4 + i * 3} 0 R >>`);
    add(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
    add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /${components === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpg.length} >>\nstream\n`, 'latin1'), jpg, Buffer.from('\nendstream', 'latin1')]));
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), o, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** How the scanner scans: see scan(). */
export interface ScanOptions {
  /** degrees, counter-clockwise: each page turned as a scanner's feeder does (netpbm's pnmrotate) */
  skew?: number;
  /** whole pages turned, as a page fed in sideways or upside down (page number → netpbm's pamflip option) */
  quarters?: Record<number, '-r90' | '-r180' | '-r270'>;
  /** the signer's name: the page scanned in colour, a red seal stamped over the signature above it */
  seal?: string;
  /** the seal's red (bright by default; an old pad stamps a dark red) */
  sealColour?: [number, number, number];
  /** the scanner's resolution (300 by default); the pages as JPEG at quality 85, or 75 below 300 dpi */
  dpi?: number;
}

/**
 * Scan a PDF: render its pages in grey and make a picture-only PDF of them. The turns are another program's
 * (netpbm) than the one the reader turns back with.
 */
export function scan(pdf: string, { skew = 0, quarters = {}, seal, sealColour = [205, 35, 45], dpi = 300 }: ScanOptions = {}): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-scan-'));
  try {
    if (!skew && !Object.keys(quarters).length && !seal) {
      const r = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-jpeg', '-jpegopt', `quality=${dpi < 300 ? 75 : 85}`, pdf, join(dir, 'p')], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr || r.error}`);
    } else {
      const r = spawnSync('pdftoppm', ['-r', String(dpi), ...(seal ? [] : ['-gray']), pdf, join(dir, 'p')], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr || r.error}`);
      if (seal) stamp(pdf, dir, seal, sealColour, dpi);
      const netpbm = (cmd: string, args: string[], input: Buffer): Buffer => {
        const out = spawnSync(cmd, args, { input, maxBuffer: 1 << 28 });
        if (out.status !== 0) throw new Error(`${cmd} (netpbm): ${out.stderr || out.error}`);
        return out.stdout;
      };
      readdirSync(dir)
        .filter((f) => /\.p[gp]m$/.test(f))
        .sort()
        .forEach((page, i) => {
          let img: Buffer = readFileSync(join(dir, page));
          if (skew) img = netpbm('pnmrotate', ['-background=white', String(skew)], img);
          if (quarters[i + 1]) img = netpbm('pamflip', [quarters[i + 1]], img);
          writeFileSync(join(dir, page.replace(/\.p[gp]m$/, '.jpg')), netpbm('pnmtojpeg', ['--quality=85'], img));
        });
    }
    const pages = readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort();
    return imagesToPdf(pages.map((p) => readFileSync(join(dir, p))), dpi);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stamp a red seal over the signature above `name` on the page that ends with it (PPM pictures in `dir`). */
function stamp(pdf: string, dir: string, name: string, red: number[], dpi: number): void {
  const boxes = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout;
  const pages = boxes.split('<page ').slice(1);
  const first = name.split(' ')[0];
  const n = pages.findLastIndex((p) => p.includes(`>${first}</word>`));
  if (n < 0) throw new Error(`no "${first}" to stamp over`);
  const m = new RegExp(`xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${first}</word>`).exec(pages[n])!;
  const k = dpi / 72;
  // a seal 4 cm across, its centre over the signature's left third, half a seal above the name
  const [cx, cy, r] = [(Number(m[1]) + 20) * k, (Number(m[2]) - 40) * k, 56 * k];
  const file = join(dir, readdirSync(dir).filter((f) => f.endsWith('.ppm')).sort()[n]);
  const ppm = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString('latin1'))!;
  const [w, h, off] = [Number(header[1]), Number(header[2]), header[0].length];
  for (let y = Math.max(0, Math.floor(cy - r)); y < Math.min(h, cy + r); y++)
    for (let x = Math.max(0, Math.floor(cx - r)); x < Math.min(w, cx + r); x++) {
      const d = Math.hypot(x - cx, y - cy);
      const angle = (Math.atan2(y - cy, x - cx) * 180) / Math.PI + 180;
      // two rings, letters between them (a block every 9°), a star (a disc) in the middle
      const ink = (d > r - 3 * k && d <= r) || (d > r * 0.72 - 1.2 * k && d <= r * 0.72) || (d > r * 0.78 && d < r * 0.93 && angle % 9 < 5.5) || d < r * 0.2;
      if (!ink) continue;
      const i = off + (y * w + x) * 3;
      // printed over the page as ink is: what was black stays black
      for (let c = 0; c < 3; c++) ppm[i + c] = Math.round((ppm[i + c] * red[c]) / 255);
    }
  writeFileSync(file, ppm);
}
