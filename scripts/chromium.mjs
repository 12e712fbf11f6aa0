// The system's Chromium (Debian's `chromium`), driven by puppeteer-core: for the browser tests, the
// save-to-page benchmark and the screenshots. No browser is ever downloaded; each run has a fresh profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const CHROMIUM = process.env.KEHOACH_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Start Chromium; `close()` ends it and removes its profile folder. */
export async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'kehoach-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** `kehoach xem PLAN` started with the CLI at `bin`, and the address it prints once it serves. */
export async function startXem(bin, plan, stderr = 'pipe') {
  const { spawn } = await import('node:child_process');
  const cli = spawn(process.execPath, [bin, 'xem', plan], { stdio: ['ignore', 'pipe', stderr] });
  const url = await new Promise((ok, fail) => {
    let out = '';
    cli.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) ok(m[0]);
    });
    cli.on('exit', (code) => fail(new Error(`kehoach xem exited (${code})`)));
  });
  return { cli, url };
}
