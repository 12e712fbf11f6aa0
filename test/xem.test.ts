// `kehoach xem` in a real browser (one chromium for the file): the page is served on 127.0.0.1, a save
// (in place or by rename, as editors do) shows up in the page, an invalid edit shows FILE:LINE:COL with the
// line's text above the last good page, a --template edit re-renders, and stopping closes the server.
// Every wait observes the DOM (waitForFunction on mutations), none sleeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchChromium } from '../scripts/chromium.mjs';
import { runXem } from '../src/cli/commands/xem.js';
import { exampleFiles } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'kehoach-xem-'));
const plan = join(work, 'ke-hoach.yaml');
const mau = join(work, 'mau');
const original = readFileSync(exampleFiles().find((f) => f.includes('02-'))!, 'utf8');

let chrome: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const stop = new AbortController();
let running: Promise<number>;
let url = '';
let err = '';

/** Save as an editor that writes a new file and renames it over the plan (vim, many IDEs). */
function saveByRename(text: string): void {
  const tmp = join(work, '.ke-hoach.yaml.swp');
  writeFileSync(tmp, text);
  renameSync(tmp, plan);
}

/** Wait until `expr` holds in the page, checked on each DOM mutation (no sleeping). */
const until = (expr: string) => page.waitForFunction(expr, { polling: 'mutation', timeout: 30_000 });
const shows = (text: string) => until(`document.getElementById('van-ban').textContent.includes(${JSON.stringify(text)})`);

const sheetText = () => page.$eval('#van-ban', (e) => e.textContent ?? '');

beforeAll(async () => {
  writeFileSync(plan, original);
  mkdirSync(mau);
  writeFileSync(join(mau, 'ten-loai.hbs'), '{{viet_hoa ten_loai}}');
  chrome = await launchChromium();
  page = await chrome.browser.newPage();
  let printed!: (u: string) => void;
  const listening = new Promise<string>((ok) => (printed = ok));
  running = runXem(plan, { template: mau }, { out: (s) => printed(/http:\/\/127\.0\.0\.1:\d+\//.exec(s)![0]), err: (s) => (err += s + '\n') }, { signal: stop.signal });
  url = await listening;
  await page.goto(url, { waitUntil: 'load' });
});

afterAll(async () => {
  stop.abort();
  await running;
  await chrome?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('kehoach xem', () => {
  it('serves the page on 127.0.0.1 with the plan rendered, and only to this machine\'s names', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await page.$$eval('.trang.doc', (s) => s.length)).toBe(1);
    expect(await sheetText()).toContain('Truyền thông về cải cách hành chính nhà nước giai đoạn 2022-2025');
    expect(await page.$eval('#loi', (e) => e.children.length)).toBe(0);
    const status = await new Promise<number>((ok, fail) =>
      request(url, { headers: { Host: 'xem.example.com' } }, (r) => ok(r.statusCode!)).on('error', fail).end(),
    );
    expect(status).toBe(403);
  });

  it('a save shows up in the page, in place or by rename', async () => {
    writeFileSync(plan, original.replace('giai đoạn 2022-2025', 'giai đoạn 2022-2030'));
    await shows('giai đoạn 2022-2030');
    saveByRename(original.replace('giai đoạn 2022-2025', 'giai đoạn 2026-2030'));
    await shows('giai đoạn 2026-2030');
    expect(await sheetText()).not.toContain('giai đoạn 2022-2030');
  });

  it('an invalid edit shows FILE:LINE:COL, the line and the message above the last good page', async () => {
    const bad = original.replace(/^ngay: 2022-02$/m, 'ngay: 2022-13-45');
    expect(bad).not.toBe(original);
    const line = bad.split('\n').findIndex((l) => l === 'ngay: 2022-13-45') + 1;
    // the clerk is reading far down the plan when saving
    await page.evaluate('window.scrollTo(0, 2000)');
    saveByRename(bad);
    await until(`document.querySelectorAll('#loi li').length > 0`);
    // the problems are in view wherever the clerk has scrolled
    const top = await page.$eval('#loi', (e) => e.getBoundingClientRect().top);
    expect(await page.evaluate('window.scrollY')).toBeGreaterThan(1000);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(50);
    const items = await page.$$eval('#loi li', (ls) => ls.map((l) => ({ where: l.querySelector('code')!.textContent, line: l.querySelector('pre')?.textContent, text: l.textContent })));
    expect(items[0].where).toBe(`${plan}:${line}:7`);
    expect(items[0].line).toBe('ngay: 2022-13-45');
    expect(items[0].text).toContain('không có trên lịch');
    // the last good rendering stays below the problems
    expect(await sheetText()).toContain('giai đoạn 2026-2030');

    writeFileSync(plan, original);
    await until(`document.querySelectorAll('#loi li').length === 0`);
    expect(await sheetText()).toContain('giai đoạn 2022-2025');
  });

  it('a --template save re-renders, and a broken template shows its file and line', async () => {
    writeFileSync(join(mau, 'ten-loai.hbs'), 'KẾ HOẠCH THỬ');
    await shows('KẾ HOẠCH THỬ');
    writeFileSync(join(mau, 'ten-loai.hbs'), 'KẾ HOẠCH\n{{#if ten_loai}}');
    await until(`document.querySelectorAll('#loi li').length > 0`);
    const where = await page.$eval('#loi li code', (c) => c.textContent!);
    expect(where).toMatch(new RegExp(`^${join(mau, 'ten-loai.hbs').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+$`));
    expect(await sheetText()).toContain('KẾ HOẠCH THỬ');
  });

  it('a plan with errors from the start shows them alone, then the page once fixed', async () => {
    const other = join(work, 'loi', 'ke-hoach.yaml');
    mkdirSync(join(work, 'loi'));
    writeFileSync(other, original.replace(/^trich_yeu: .*$/m, 'trich_yeu:'));
    const halt = new AbortController();
    let printed!: (u: string) => void;
    const listening = new Promise<string>((ok) => (printed = ok));
    const run = runXem(other, {}, { out: (s) => printed(/http:\/\/127\.0\.0\.1:\d+\//.exec(s)![0]), err: () => {} }, { signal: halt.signal });
    const second = await chrome.browser.newPage();
    try {
      await second.goto(await listening, { waitUntil: 'load' });
      expect(await second.$$eval('#loi li', (ls) => ls.length)).toBeGreaterThan(0);
      expect(await second.$$eval('.trang', (s) => s.length)).toBe(0);
      writeFileSync(other, original);
      await second.waitForFunction(`document.querySelectorAll('.trang').length === 1 && !document.querySelector('#loi li')`, { polling: 'mutation', timeout: 30_000 });
    } finally {
      halt.abort();
      expect(await run).toBe(0);
      await second.close();
      rmSync(join(work, 'loi'), { recursive: true });
    }
  });

  it('writes nothing to disk, and stopping closes the server', async () => {
    expect(readdirSync(work).sort()).toEqual(['ke-hoach.yaml', 'mau']);
    expect(readdirSync(mau)).toEqual(['ten-loai.hbs']);
    stop.abort();
    expect(await running).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
    expect(err).toContain('đã dừng xem trước.');
  });
});
