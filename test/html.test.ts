// The HTML writer, checked in a real browser (Debian's chromium through puppeteer-core, one browser for
// the file): each example's page renders as A4 sheets, its text equals the .docx's paragraph by paragraph,
// merged cells stand in their columns, the page passes html-validate, and the header's two columns and the
// signer's column stand where LibreOffice's PDF has them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { parse, stringify } from 'yaml';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../scripts/chromium.mjs';
import { checkBytes } from '../src/plan/validate.js';
import { buildModel, documentInstant, loadTemplates } from '../src/write/index.js';
import { renderDocx } from '../src/write/docx.js';
import { renderHtml } from '../src/write/html.js';
import { toPdf } from '../src/write/pdf.js';
import type { DocModel, Table } from '../src/model/model.js';
import { exampleFiles, paragraphs, ROOT } from './helpers.js';

const templates = loadTemplates();
const PX_PER_MM = 96 / 25.4;
const PT_PER_MM = 72 / 25.4;

function modelOf(file: string, text = readFileSync(file, 'utf8')): DocModel {
  const checked = checkBytes(file, Buffer.from(text));
  if (!checked.plan) throw new Error(checked.messages.map((m) => m.message).join('\n'));
  return buildModel(checked.plan, templates);
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e],
  );


let chrome: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  chrome = await launchChromium();
  browser = chrome.browser;
  page = await browser.newPage();
});
afterAll(async () => chrome?.close());

describe.each(exampleFiles().map((f) => [basename(f, '.yaml'), f]))('%s', (_name, file) => {
  const model = modelOf(file);
  const html = renderHtml(model);

  it('renders as A4 sheets, text equal to the .docx paragraph by paragraph, merged cells in their columns', async () => {
    await page.setContent(html, { waitUntil: 'load' });
    const sheets = await page.$$eval('.trang', (ss) => ss.map((s) => ({ w: s.getBoundingClientRect().width, cls: s.className })));
    // a plan issued by a decision has the decision's sheet first
    expect(sheets.map((s) => Math.round(s.w / PX_PER_MM))).toEqual([...(model.decision ? [210] : []), 210, ...model.appendices.map((a) => (a.landscape ? 297 : 210))]);

    // the .docx read by the one reader of the tests (helpers.paragraphs: white space folded, empty ones left out)
    const inPage = (await page.$$eval('.trang p', (ps) => ps.map((p) => p.textContent ?? ''))).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const inDocx = paragraphs(await renderDocx(model, documentInstant(model.properties.date)));
    expect(inPage).toEqual(inDocx);
    expect(inPage.length).toBeGreaterThan(20);

    // every cell of a table starts at the left edge of its model column, spans or not: each appendix's table, and
    // the tables in the body in their order on the plan's own sheet
    const tables: [Table, number, number][] = [
      ...model.body.filter((f): f is Table => f.type === 'table').map((t, k): [Table, number, number] => [t, sheets.length - model.appendices.length - 1, k]),
      ...model.appendices.flatMap((a, i): [Table, number, number][] => (a.table ? [[a.table, sheets.length - model.appendices.length + i, (a.before ?? []).filter((f) => f.type === 'table').length]] : [])),
    ];
    for (const [t, sheet, k] of tables) {
      const lefts = await page.$$eval(
        '.trang',
        (secs, [n, m]) => [...secs[n].querySelectorAll('table.bang')[m].querySelectorAll('tr')].map((r) => [...r.children].map((c) => c.getBoundingClientRect().left - r.closest('table')!.getBoundingClientRect().left)),
        [sheet, k],
      );
      const cols = [t.header, ...(t.columnNumbers ? [t.columnNumbers] : []), ...t.rows].map((r) => r.map((c) => t.columnsMm.slice(0, c.col).reduce((x, y) => x + y, 0) * PX_PER_MM));
      expect(lefts.length).toBe(cols.length);
      lefts.forEach((row, r) => row.forEach((x, k) => expect(Math.abs(x - cols[r][k]), `row ${r} cell ${k}`).toBeLessThan(1.5)));
    }
  });

  it('is self-contained and passes html-validate', async () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import|https?:/i);
    // long-title: the tab shows the whole trích yếu, which is often longer than 70 characters (NOTES)
    const hv = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const report = await hv.validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(report.valid).toBe(true);
  });
});

/** Centre x and top y of a line of text, in pt from the page's top-left corner. */
type Box = { x: number; y: number };

/** Words of page 1 from `pdftotext -bbox`, joined into lines by their baseline; a gap over a column edge (pt) splits them. */
function pdfLines(pdf: string, edges: number[]): { text: string; x0: number; x1: number; y: number }[] {
  const out = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const words = [...out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: +m[1],
    y0: +m[2],
    x1: +m[3],
    y1: +m[4],
    text: unescapeXml(m[5]),
  }));
  const lines: { text: string; x0: number; x1: number; y: number; y1: number }[] = [];
  for (const w of words) {
    const l = lines.find((l) => Math.abs(l.y1 - w.y1) < 2 && w.x0 >= l.x1 && !edges.some((e) => l.x1 < e && e < w.x0));
    if (l) {
      l.text += ' ' + w.text;
      l.x1 = w.x1;
    } else lines.push({ text: w.text, x0: w.x0, x1: w.x1, y: w.y0, y1: w.y1 });
  }
  return lines;
}

describe('positions on page 1 against LibreOffice', () => {
  // a one-page plan, so the signer is on page 1 too: example 02 with its first section only
  const src = exampleFiles().find((f) => f.includes('02-'))!;
  const plan = parse(readFileSync(src, 'utf8'));
  plan.noi_dung = plan.noi_dung.slice(0, 1);
  plan.noi_dung[0].noi_dung = plan.noi_dung[0].noi_dung.slice(0, 1);
  const text = stringify(plan);
  const work = mkdtempSync(join(tmpdir(), 'kehoach-html-pos-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('the header columns and the signer column stand where the PDF has them', async () => {
    const model = modelOf(join(work, 'ngan.yaml'), text);
    const docx = join(work, 'ngan.docx');
    writeFileSync(docx, await renderDocx(model, documentInstant(model.properties.date)));
    const pdf = join(work, 'ngan.pdf');
    writeFileSync(pdf, toPdf([docx])[0]);
    const left = model.page.marginsMm.left;
    const lines = pdfLines(pdf, [left + model.header!.leftMm, left + model.closing!.leftMm].map((mm) => mm * PT_PER_MM));

    await page.setContent(renderHtml(model), { waitUntil: 'load' });
    // one-line paragraphs: agency, Quốc hiệu, số, date, the signer's title and name, Nơi nhận, tên loại, trích yếu
    // (measured here: within 0.2 mm of LibreOffice's on both axes)
    const probes = [
      model.header!.left[0],
      model.header!.right[0],
      model.header!.number!,
      model.header!.placeDate!,
      model.closing!.right[0],
      model.closing!.right[model.closing!.right.length - 1],
      model.closing!.left[0],
      model.title[0],
      model.title[1],
    ].map((p) => (p.type === 'paragraph' ? p.runs.map((r) => r.text).join('') : ''));
    // runs in the page: the DOM types are the browser's, not this file's (lib has no "dom")
    const inPage: Box[] = await page.evaluate((texts: string[]) => {
      const document = (globalThis as any).document;
      const sheet = document.querySelector('.trang')!.getBoundingClientRect();
      const ps = [...document.querySelectorAll('.trang.doc p')];
      return texts.map((t) => {
        const p = ps.find((e) => e.textContent === t)!;
        const range = document.createRange();
        range.selectNodeContents(p);
        const first = range.getClientRects()[0]; // the first line box of the text
        const k = 72 / 96;
        return { x: ((first.left + first.right) / 2 - sheet.left) * k, y: (first.top - sheet.top) * k };
      });
    }, probes);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    probes.forEach((t, i) => {
      // each probe is one whole line in both: the PDF line must be the paragraph's text
      const line = lines.find((l) => squash(l.text) === squash(t));
      expect(line, `"${t}" as one line in the PDF`).toBeDefined();
      const pdfBox = { x: (line!.x0 + line!.x1) / 2, y: line!.y };
      expect(Math.abs(inPage[i].x - pdfBox.x) / PT_PER_MM, `${t}: x (mm)`).toBeLessThan(1);
      expect(Math.abs(inPage[i].y - pdfBox.y) / PT_PER_MM, `${t}: y (mm)`).toBeLessThan(1.5);
    });
  });
});

describe('keep-with-next, as the .docx has it', () => {
  it('the line above a table in the body stays with it; a heading with its text on its line does not hold the next', () => {
    const model = modelOf(exampleFiles().find((f) => f.includes('truong-thpt'))!);
    const html = renderHtml(model);
    const css = (cls: string) => [...html.matchAll(/\.(k\d+)\{([^}]*)\}/g)].filter((m) => cls.split(' ').includes(m[1])).map((m) => m[2]).join(';');
    const before = [...html.matchAll(/<p class="([^"]*)">([^<]*)<\/p><table class="bang/g)].map((m) => [m[2], css(m[1])]);
    expect(before.map(([t]) => t)).toEqual(['NGÀY 1: THỨ HAI, NGÀY 24/8/2026', 'NGÀY 2: THỨ BA, NGÀY 25/8/2026', 'NGÀY 3: THỨ TƯ, NGÀY 26/8/2026', '3. Các hoạt động bổ sung']);
    for (const [t, c] of before) expect(c, t).toContain('break-after:avoid');
    // and without a paragraph's own setting, nothing is added (the style's rule holds)
    expect(html).toMatch(/<p class="s-Khoan">1\. Mục đích<\/p>/);
  });

  it('a heading that carries its text on its line lets the next go to another page, as in the .docx', () => {
    const model = modelOf(exampleFiles().find((f) => f.includes('05-phu-cat'))!);
    const html = renderHtml(model);
    const m = /<p class="s-Muc (k\d+)">IV\. KINH PHÍ THỰC HIỆN/.exec(html);
    expect(m).not.toBeNull();
    expect(html).toContain(`.${m![1]}{break-after:auto}`);
  });
});

describe('printed from the browser, pages break as in the .docx', () => {
  const layout = (n: string) => join(ROOT, 'test', 'fixtures', 'layout', `${n}.yaml`);
  /** The page's text, page by page, as Chromium prints it (the page's own @page sizes). */
  const printed = async (file: string): Promise<string[]> => {
    await page.setContent(renderHtml(modelOf(file)), { waitUntil: 'load' });
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-print-'));
    try {
      writeFileSync(join(dir, 'p.pdf'), await page.pdf({ preferCSSPageSize: true }));
      return execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  it('the closing block stays whole, with the table\'s last row and "./." before it; an appendix\'s signing lines with the row and note above', async () => {
    const body = (await printed(layout('ket-thuc-bang'))).at(-1)!;
    expect(body).toMatch(/Tháng 4\s+Tổng kết/);
    expect(body).toContain('./.');
    expect(body).toContain('Nơi nhận:');
    expect(body).toContain('Nguyễn Văn An');
    const appendix = (await printed(layout('phu-luc-ky-ten'))).at(-1)!;
    expect(appendix).toMatch(/17\.\s+Đơn vị số 16/);
    expect(appendix).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(appendix).toContain('(Ký tên, đóng dấu)');
  });
  it('a closing block the model lets break (keepTogether false) breaks: no nearly empty page', async () => {
    for (const p of await printed(layout('noi-nhan-dai'))) expect(p.split('\n').filter((l) => l.trim()).length).toBeGreaterThan(10);
  });
  it('the plan a decision issues starts on a page of its own', async () => {
    const pages = await printed(exampleFiles().find((f) => f.includes('bnnmt-qd'))!);
    const plan = pages.findIndex((p) => /^\s*KẾ HOẠCH\s*$/m.test(p));
    expect(plan).toBeGreaterThan(0);
    expect(pages[plan - 1]).not.toMatch(/KẾ HOẠCH\s*$/m);
    expect(pages[plan]).toMatch(/BỘ NÔNG NGHIỆP/); // its own header opens the page
  });
});
