// kehoach xem benchmark: from saving the plan to the updated page, as a clerk sees it.
//   node bench/xem.mjs            21 saves of examples/01 (a typical plan), prints median, min and max
//   node bench/xem.mjs --short    7 saves
//   node bench/xem.mjs --json     the figures as JSON on standard output (for bench/run.mjs)
// Runs the built CLI (bin/kehoach.js, as installed) on a copy of the plan in a temporary folder and Debian's
// chromium on its page. Each save changes the trích yếu; the time runs from just before the write to the
// moment a MutationObserver in the page sees the new text (both clocks are this machine's wall clock).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startXem } from '../scripts/chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHORT = process.argv.includes('--short');
const JSON_OUT = process.argv.includes('--json');
const SAVES = SHORT ? 7 : 21;
const TARGET_S = 0.3;
const EXAMPLE = join(ROOT, 'examples', '01-hau-giang-tuyen-truyen-cchc.yaml');

const work = mkdtempSync(join(tmpdir(), 'kehoach-bench-xem-'));
const plan = join(work, 'ke-hoach.yaml');
copyFileSync(EXAMPLE, plan);
const original = readFileSync(plan, 'utf8');
if (!/^trich_yeu: .+$/m.test(original)) throw new Error(`${EXAMPLE}: no trich_yeu line to edit`);

const { cli, url } = await startXem(join(ROOT, 'bin', 'kehoach.js'), plan, 'pipe');

const chrome = await launchChromium();
const times = [];
try {
  const page = await chrome.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  for (let i = 0; i <= SAVES; i++) {
    const marker = `Kế hoạch đo lần ${i} ${Date.now()}`;
    // arm the observer before the save; it resolves with the wall-clock time the new text is in the DOM
    const seen = page.evaluate(
      (text) =>
        new Promise((ok) => {
          const main = document.getElementById('van-ban');
          const obs = new MutationObserver(() => {
            if (main.textContent.includes(text)) {
              obs.disconnect();
              ok(Date.now());
            }
          });
          obs.observe(main, { childList: true, subtree: true, characterData: true });
        }),
      marker,
    );
    await page.evaluate(() => 0); // the observer is installed once this round trip is back
    const t0 = Date.now();
    writeFileSync(plan, original.replace(/^trich_yeu: .+$/m, `trich_yeu: ${marker}`));
    const t1 = await seen;
    if (i > 0) times.push((t1 - t0) / 1000); // the first save warms up
  }
} finally {
  await chrome.close();
  cli.kill('SIGINT');
  await new Promise((ok) => cli.once('exit', ok));
  rmSync(work, { recursive: true, force: true });
}

const sorted = [...times].sort((a, b) => a - b);
const result = { saves: times.length, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], target: TARGET_S };
if (JSON_OUT) process.stdout.write(JSON.stringify(result) + '\n');
else {
  const f = (x) => x.toFixed(3);
  process.stdout.write(`kehoach xem, lưu tệp → trang cập nhật (${result.saves} lần, examples/01): trung vị ${f(result.median)} s (${f(result.min)}–${f(result.max)}); mục tiêu ≤ ${TARGET_S} s\n`);
}
