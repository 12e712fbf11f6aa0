// Templates from --template: what they write is checked like plan text, they print nothing, and the
// folder gives a clear message for what is not a template file in it (a folder, a link leading out).
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleFiles, kehoach, ROOT, unzip } from './helpers.js';

const BIN = join(ROOT, 'bin', 'kehoach.js');
const PLAN = exampleFiles()[0];
const base = mkdtempSync(join(tmpdir(), 'kehoach-templates-'));

/** A --template folder holding `files` (name → text); returns the folder. */
function folder(files: Record<string, string> = {}): string {
  const d = mkdtempSync(join(base, 't-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

const args = (tpl: string, more: string[]) => ['render', PLAN, '-o', join(tpl, 'ra.docx'), '--template', tpl, ...more];
const render = (tpl: string, ...more: string[]) => kehoach(args(tpl, more));
/** In its own process where a regression would block on reading (a FIFO): the test then times out, the suite goes on. */
const renderApart = (tpl: string) => spawnSync(process.execPath, [BIN, ...args(tpl, [])], { encoding: 'utf8', timeout: 30_000 });

/** A usage error: exit 2, no .docx, no stack trace, not blamed on kehoach, and the message matches. */
function refused(r: { status: number | null; stderr: string }, tpl: string, message: RegExp) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/lỗi nội bộ|lỗi của kehoach|\n\s+at /);
  expect(existsSync(join(tpl, 'ra.docx'))).toBe(false);
}

describe('what a template writes is checked like plan text', () => {
  it.each([
    ['U+FFFE', '\uFFFE'],
    ['U+FFFF', '\uFFFF'],
    ['U+0001', '\u0001'],
    ['U+000B (vertical tab)', '\u000B'],
  ])('%s in a template: exit 2 naming the template file, line and column', async (_, c) => {
    const tpl = folder({ 'luu.hbs': `- Lưu: {{#each luu}}{{this}}{{/each}}\nvà ${c}.` });
    refused(await render(tpl), tpl, /luu\.hbs:2:4: lỗi: mẫu câu có ký tự U\+[0-9A-F]{4}/);
  });
  it('one in a part of the template this plan does not use is refused too, before any work', async () => {
    const tpl = folder({ 'luu.hbs': '- Lưu: {{#each luu}}{{this}}{{/each}}.{{#if khong_co}}\n\uFFFF{{/if}}' });
    refused(await render(tpl), tpl, /luu\.hbs:2:1: lỗi: mẫu câu có ký tự U\+FFFF/);
  });
  it('a template writing only characters XML can carry renders', async () => {
    const tpl = folder({ 'luu.hbs': '- Lưu: {{#each luu}}{{this}}{{/each}}, tab\tvà 😀.' });
    const r = await render(tpl);
    expect(r.status, r.stderr).toBe(0);
    expect(unzip(readFileSync(join(tpl, 'ra.docx'))).get('word/document.xml')).toContain('và 😀.');
  });
  it('a template written in NFD comes out in NFC, as plan text does', async () => {
    const tpl = folder({ 'luu.hbs': '- Lưu trữ: {{#each luu}}{{this}}{{/each}}.'.normalize('NFD') });
    const r = await render(tpl);
    expect(r.status, r.stderr).toBe(0);
    const xml = unzip(readFileSync(join(tpl, 'ra.docx'))).get('word/document.xml')!;
    expect(xml).toContain('- Lưu trữ: VT.'.normalize('NFC'));
    expect(xml).not.toContain('Lưu trữ'.normalize('NFD'));
  });
});

describe('{{log}}', () => {
  it('never writes to standard output (--dump-model prints JSON there)', async () => {
    const tpl = folder({ 'luu.hbs': '{{log "nhật ký" level="error"}}{{log "x"}}- Lưu: {{#each luu}}{{this}}{{/each}}.' });
    const r = spawnSync(process.execPath, [BIN, 'render', PLAN, '--dump-model', '--template', tpl], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stdout + r.stderr).not.toContain('nhật ký');
    const docx = await render(tpl, '-q');
    expect(docx.status, docx.stderr).toBe(0);
    expect(docx.stdout).toBe('');
  });
});

describe('the --template folder', () => {
  it('a folder named like a template gets its own message', async () => {
    const tpl = folder();
    mkdirSync(join(tpl, 'luu.hbs'));
    refused(await render(tpl), tpl, /luu\.hbs: là một thư mục, không phải tệp mẫu câu/);
  });
  it('a link to a template outside the folder is not followed', async () => {
    const outside = folder({ 'bi-mat.hbs': 'bí mật ngoài thư mục' });
    const tpl = folder();
    symlinkSync(join(outside, 'bi-mat.hbs'), join(tpl, 'luu.hbs'));
    refused(await render(tpl), tpl, /luu\.hbs: là liên kết tới .*bi-mat\.hbs, ngoài thư mục mẫu câu/);
  });
  it('a link through a linked folder that leads outside is not followed either', async () => {
    const outside = folder({ 'luu.hbs': 'bí mật ngoài thư mục' });
    const tpl = folder();
    symlinkSync(outside, join(tpl, 'con'));
    symlinkSync(join('con', 'luu.hbs'), join(tpl, 'luu.hbs'));
    refused(await render(tpl), tpl, /luu\.hbs: là liên kết tới .*ngoài thư mục mẫu câu/);
  });
  it('a link to a template inside the folder is followed', async () => {
    const tpl = folder({ 'chung.txt': '- Lưu hồ sơ: {{#each luu}}{{this}}{{/each}}.' });
    symlinkSync('chung.txt', join(tpl, 'luu.hbs'));
    const r = await render(tpl);
    expect(r.status, r.stderr).toBe(0);
    expect(unzip(readFileSync(join(tpl, 'ra.docx'))).get('word/document.xml')).toContain('Lưu hồ sơ: VT');
  });
  it('a FIFO named like a template is refused without being opened (nothing waits on it)', () => {
    const tpl = folder();
    execFileSync('mkfifo', [join(tpl, 'luu.hbs')]);
    refused(renderApart(tpl), tpl, /luu\.hbs: không phải tệp thường/);
  });
  it('a broken link gets its own message', async () => {
    const tpl = folder();
    symlinkSync(join(tpl, 'khong-co.txt'), join(tpl, 'luu.hbs'));
    refused(await render(tpl), tpl, /luu\.hbs: là liên kết không trỏ tới tệp nào/);
  });
});
