// The README's pictures: page 1 as `kehoach xem` shows it (docs/xem.png) beside page 1 of LibreOffice's PDF
// of the same plan's .docx (docs/libreoffice.png), both 96 dpi, A4 (794 × 1123 px).
//   node scripts/screenshots.mjs [PLAN.yaml]      (default examples/01-hau-giang-tuyen-truyen-cchc.yaml)
// Needs the built CLI (npm run build), Debian's chromium, LibreOffice and pdftoppm (poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startXem } from './chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const plan = process.argv[2] ?? join(ROOT, 'examples', '01-hau-giang-tuyen-truyen-cchc.yaml');
const DOCS = join(ROOT, 'docs');
const BIN = join(ROOT, 'bin', 'kehoach.js');
const PX_PER_MM = 96 / 25.4;
mkdirSync(DOCS, { recursive: true });

// LibreOffice's page 1: render the .docx and its PDF into a temporary folder, then page 1 as PNG
const work = mkdtempSync(join(tmpdir(), 'kehoach-screenshots-'));
try {
  execFileSync(process.execPath, [BIN, 'render', plan, '-o', join(work, 'ke-hoach.docx'), '--pdf', '-q'], { stdio: 'inherit' });
  execFileSync('pdftoppm', ['-png', '-r', '96', '-f', '1', '-l', '1', '-singlefile', join(work, 'ke-hoach.pdf'), join(DOCS, 'libreoffice')]);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// kehoach xem's page 1: the first sheet, clipped to one A4 height
const { cli, url } = await startXem(BIN, plan, 'inherit');
const chrome = await launchChromium();
try {
  const page = await chrome.browser.newPage();
  await page.setViewport({ width: 1000, height: 1300, deviceScaleFactor: 1 });
  await page.goto(url, { waitUntil: 'load' });
  const box = await page.$eval('.trang', (s) => {
    const r = s.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width };
  });
  await page.screenshot({ path: join(DOCS, 'xem.png'), clip: { ...box, height: 297 * PX_PER_MM } });
} finally {
  await chrome.close();
  cli.kill('SIGINT');
  await new Promise((ok) => cli.once('exit', ok));
}
process.stdout.write(`đã ghi ${join('docs', 'xem.png')} và ${join('docs', 'libreoffice.png')}\n`);
