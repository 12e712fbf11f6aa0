import { beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { checkBytes } from '../src/plan/validate.js';
import { buildModel, loadTemplates, renderPlan } from '../src/write/index.js';
import { styles as stylesheet } from '../src/model/stylesheet.js';
import { derivedFiles, exampleFiles, longHeaderPlan, ROOT, run, SHARED, seedOf, unzip } from './helpers.js';
import { ndSpelling } from '../src/text/normalize-text.js';
import { isOurPdf } from '../src/write/zip.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const templates = loadTemplates();
const planOf = (f: string) => checkBytes(f, readFileSync(f)).plan!;
const names = exampleFiles().map((f) => basename(f, '.yaml'));

/** One element per line, so a golden diff points at the element that changed. */
const pretty = (xml: string) => xml.replace(/></g, '>\n<');

// Golden folders: test/golden/<example>/{model.json, <part>.xml}: the model and parts of the rendered
// .docx. UPDATE_GOLDEN=1 rewrites them.
describe('golden: document model and XML parts', () => {
  it.each(names)('%s', async (name) => {
    const plan = planOf(join(ROOT, 'examples', `${name}.yaml`));
    const model = buildModel(plan, templates);
    const dir = join(ROOT, 'test', 'golden', name);
    const files: [string, string][] = [['model.json', JSON.stringify(model, null, 2) + '\n']];
    const parts = unzip(Buffer.from(await renderPlan(plan, { templates })));
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/header1.xml', 'word/header2.xml', 'word/settings.xml', 'docProps/core.xml']) {
      expect(parts.has(part), part).toBe(true);
      files.push([part.replace(/\//g, '__'), pretty(parts.get(part)!) + '\n']);
    }
    if (UPDATE) mkdirSync(dir, { recursive: true });
    for (const [f, text] of files) {
      const path = join(dir, f);
      if (UPDATE) writeFileSync(path, text);
      expect(existsSync(path), `${path} missing: run UPDATE_GOLDEN=1 npx vitest run test/render.test.ts`).toBe(true);
      expect(text, `${name}/${f}`).toBe(readFileSync(path, 'utf8'));
    }
  });
});

describe('deterministic output', () => {
  it('the same plan renders to the same bytes, at another time and in another time zone', async () => {
    const plan = planOf(exampleFiles()[0]);
    const a = await renderPlan(plan, { templates });
    const tz = process.env.TZ;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-04T15:16:17Z'));
    process.env.TZ = 'America/Havana'; // its clocks skip midnight on some days, and it is not UTC
    try {
      const b = await renderPlan(plan, { templates });
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    } finally {
      vi.useRealTimers();
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
  it('document properties carry the plan date, or SOURCE_DATE_EPOCH when set', async () => {
    const plan = planOf(exampleFiles()[0]);
    const core = () => renderPlan(plan, { templates }).then((b) => unzip(Buffer.from(b)).get('docProps/core.xml')!);
    expect(await core()).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2019-01-23T00:00:00Z</dcterms:created>');
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      expect(await core()).toContain('2023-11-14T22:13:20Z');
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });
  it('no random relationship ids', async () => {
    for (const f of exampleFiles()) {
      const parts = unzip(Buffer.from(await renderPlan(planOf(f), { templates })));
      for (const [name, xml] of parts) if (name.endsWith('.rels')) for (const m of xml.matchAll(/Id="([^"]+)"/g)) expect(m[1]).toMatch(/^rId\d+$/);
    }
  });
});

// Real readers: the OOXML schemas, then LibreOffice and poppler as a person would read the plan.
// Every example and every plan derived from the derive examples goes through them.
const LAYOUT = join(ROOT, 'test', 'fixtures', 'layout');
const KEEP_CASES = ['ket-thuc-bang', 'phu-luc-ky-ten', 'noi-nhan-dai', 'ngay-le-rong', 'nguoi-ky-dai', 'so-ky-hieu-dai', 'ky-cuoi-trang'];

describe('real readers', () => {
  const out = mkdtempSync(join(tmpdir(), 'kehoach-render-'));
  const planFiles = [...exampleFiles(), ...derivedFiles()];
  const nameOf = (f: string) => (f.includes('/derive/') ? f.split('/derive/')[1].replace(/\/derived\//, '--').replace(/\.yaml$/, '') : basename(f, '.yaml'));
  const readerNames = planFiles.map(nameOf);
  const pdfText: Record<string, string[]> = {};
  const pdfInfo: Record<string, string> = {};
  const pdfRaw: Record<string, string> = {};
  const pdfStream: Record<string, string> = {}; // content-stream order: a table cell's lines stay together

  beforeAll(async () => {
    for (const f of planFiles) {
      const r = await run(['render', f, '-o', join(out, `${nameOf(f)}.docx`), '-q']);
      expect(r.code, r.err).toBe(0);
    }
    // and the longest header (test/header-fit.test.ts): read back in the same LibreOffice start
    writeFileSync(join(out, 'dau-trang-dai.yaml'), longHeaderPlan());
    const long = await run(['render', join(out, 'dau-trang-dai.yaml'), '-q']);
    expect(long.code, long.err).toBe(0);
    // and the plans whose closing block falls onto a new page (test/fixtures/layout)
    for (const n of KEEP_CASES) {
      const r = await run(['render', join(LAYOUT, `${n}.yaml`), '-o', join(out, `${n}.docx`), '-q']);
      expect(r.code, r.err).toBe(0);
    }
    const profile = mkdtempSync(join(tmpdir(), 'kehoach-lo-'));
    const docx = [...readerNames, 'dau-trang-dai', ...KEEP_CASES].map((n) => join(out, `${n}.docx`));
    const lo = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docx], { encoding: 'utf8', timeout: 240_000 });
    expect(lo.status, `LibreOffice: ${lo.stderr}`).toBe(0);
    for (const n of readerNames) {
      const pdf = join(out, `${n}.pdf`);
      pdfInfo[n] = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo[n])![1]);
      pdfRaw[n] = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      // below the top margin's page number (10 mm from the top; the text starts at 20 mm)
      const body = ['-x', '0', '-y', '45', '-W', '2000', '-H', '2000'];
      if (existsSync(join(ROOT, 'examples', `${n}.source.txt`))) pdfStream[n] = execFileSync('pdftotext', ['-raw', ...body, pdf, '-'], { encoding: 'utf8' });
      // pdftotext ends every page with a form feed: one run gives the pages that `-f i -l i` gives one by one
      pdfText[n] = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map((p) => `${p}\f`);
      expect(pdfText[n].length, `${n}: pages`).toBe(pages);
    }
  });

  // Word and LibreOffice check spelling and hyphenate by the text's language; a screen reader reads the PDF by it
  it('every document is in Vietnamese: its default run, its properties, and the PDF LibreOffice makes of it', () => {
    for (const n of readerNames) {
      const parts = unzip(readFileSync(join(out, `${n}.docx`)));
      expect(parts.get('word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="vi-VN"\/>.*<\/w:rPr><\/w:rPrDefault>/);
      expect(parts.get('docProps/core.xml')).toContain('<dc:language>vi-VN</dc:language>');
      expect(readFileSync(join(out, `${n}.pdf`)).toString('latin1'), n).toContain('/Lang(vi-VN)');
    }
  });

  // Word applies widow and orphan control only where a style asks for it (LibreOffice always does): the two agree
  it('every paragraph style keeps a line from standing alone at a page\'s foot or head, in Word as in LibreOffice', () => {
    const styles = unzip(readFileSync(join(out, `${readerNames[0]}.docx`))).get('word/styles.xml')!;
    const written = new Map([...styles.matchAll(/<w:style w:type="paragraph"[^>]*w:styleId="([^"]+)"[\s\S]*?<\/w:style>/g)].map((m) => [m[1], m[0]]));
    for (const { name } of stylesheet(14)) expect(written.get(name), name).toContain('<w:widowControl/>');
  });

  it('the longest header: the date on one line, on the same line as "Số:" (ND30 §3)', () => {
    const page1 = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', join(out, 'dau-trang-dai.pdf'), '-'], { encoding: 'utf8' });
    const soLine = page1.split('\n').find((l) => l.includes('Số:'))!;
    expect(soLine).toMatch(/Số: 181\/KH-SYT\s+Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2018\s*$/);
  });

  it('a signature block that falls onto a new page takes the last lines before it: a table\'s last row and "./.", an appendix table\'s last row and its note', () => {
    const pages = (n: string) => execFileSync('pdftotext', ['-layout', join(out, `${n}.pdf`), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    const body = pages('ket-thuc-bang');
    const last = body.at(-1)!;
    expect(last).toMatch(/NGUYỄN VĂN AN|Nguyễn Văn An/);
    expect(last).toMatch(/Tháng 4\s+Tổng kết/);
    expect(last).toContain('./.');
    const appendix = pages('phu-luc-ky-ten');
    const end = appendix.at(-1)!;
    expect(end).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(end).toContain('Ghi chú: số liệu tính đến ngày 31/12/2025.');
    expect(end).toMatch(/^\s*17\.\s+Đơn vị số 16/m);
  });

  it('a signature block that ends at the foot of its page, an appendix after it: no page between them bearing only its number', () => {
    const pages = execFileSync('pdftotext', ['-layout', join(out, 'ky-cuoi-trang.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    expect(pages.map((p) => p.replace(/\s+/g, ' ').trim().slice(0, 30))).toEqual([expect.stringContaining('ỦY BAN NHÂN DÂN'), expect.stringMatching(/^2 /), expect.stringContaining('Phụ lục')]);
  });

  it('a closing block taller than half a page (30 long recipients) breaks across pages: no nearly empty page, the signer beside "Nơi nhận:"', () => {
    const pages = execFileSync('pdftotext', ['-layout', join(out, 'noi-nhan-dai.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    const lines = (p: string) => p.split('\n').filter((l) => l.trim()).length;
    for (const p of pages) expect(lines(p)).toBeGreaterThan(10);
    const first = pages.find((p) => p.includes('Nơi nhận:'))!;
    expect(first).toContain('Nguyễn Văn An');
    expect(first).toContain('Trên đây là Kế hoạch');
    expect(pages.at(-1)).toContain('Lưu: VT');
  });

  it('with the decree\'s widest margins a long place and date stays on one line, beside "Số:" (the right column takes room from the left)', () => {
    const page1 = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', join(out, 'ngay-le-rong.pdf'), '-'], { encoding: 'utf8' });
    expect(page1.split('\n').find((l) => l.includes('Số:'))).toMatch(/Số: 181\/KH-SYT\s+Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2025\s*$/);
  });

  it('with the widest margins and a long ký hiệu, "Số:" stays on one line (the left column takes room from the right)', () => {
    const page1 = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', join(out, 'so-ky-hieu-dai.pdf'), '-'], { encoding: 'utf8' });
    expect(page1.split('\n').find((l) => l.includes('Số:'))).toMatch(/Số:\s+\/KH-BCĐ389-UBND\s+Quảng Nam, ngày 29 tháng 12 năm 2025\s*$/);
    expect(page1).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('a signer\'s title too long for its column steps down to 13 pt and breaks where its meaning does, no word left alone', () => {
    const text = execFileSync('pdftotext', ['-layout', join(out, 'nguoi-ky-dai.pdf'), '-'], { encoding: 'utf8' });
    const column = text.split('\n').filter((l) => l.length > 40).map((l) => l.slice(40).trim()).filter(Boolean);
    expect(column).toEqual(expect.arrayContaining(['TUQ. CHỦ TỊCH', 'ỦY BAN NHÂN DÂN TỈNH', 'GIÁM ĐỐC SỞ Y TẾ']));
    expect(column).not.toContain('TỈNH');
  });

  it('LibreOffice carries kehoach\'s keyword into every PDF: "render --pdf" replaces those, and no other PDF', () => {
    for (const n of readerNames) expect(isOurPdf(readFileSync(join(out, `${n}.pdf`))), n).toBe(true);
    expect(isOurPdf(Buffer.from('%PDF-1.4\n1 0 obj << /Keywords (báo cáo) >> endobj\n'))).toBe(false);
    // one an earlier kehoach made (no keyword yet): LibreOffice's, beside kehoach's own .docx only
    const older = Buffer.from('%PDF-1.4\n1 0 obj << /Producer<FEFF004C0069006200720065004F0066006600690063006500200037002E0034> >> endobj\n');
    expect([isOurPdf(older, true), isOurPdf(older, false)]).toEqual([true, false]);
  });

  it('every XML part of every rendered example validates against the OOXML schemas', () => {
    const r = spawnSync('bash', [join(SHARED, 'tools', 'validate-docx.sh'), '-q', ...readerNames.map((n) => join(out, `${n}.docx`))], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.match(/=> valid/g)?.length).toBe(readerNames.length);
  });

  it.each(planFiles.map((f) => [nameOf(f), f]))('%s reads as an ND30 plan in LibreOffice', (n, file) => {
    const pages = pdfText[n];
    const first = pages[0];
    expect(pdfInfo[n]).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    // page 1: no page number at the top; page 2: "2" centred at the top
    expect(first.split('\n').find((l) => l.trim())!.trim()).not.toMatch(/^\d+$/);
    expect(pages.length).toBeGreaterThan(1);
    // (a plan issued by a decision starts on page 2, its own first page, without a number: §8a)
    const top2 = pages[1].split('\n').find((l) => l.trim())!.trim();
    if (planOf(file).quyet_dinh) expect(top2).not.toMatch(/^\d+$/);
    else expect(top2).toBe('2');
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toContain('KẾ HOẠCH');
    // ô 3 and ô 4 on the same text line
    const soLine = first.split('\n').find((l) => /Số:/.test(l))!;
    // (a plan issued by a decision: the first page is the decision's, §8a)
    expect(soLine).toMatch(/Số:.*\/(KH|QĐ)-[A-ZĐ]+.*ngày .* năm \d{4}/);
    const all = pages.join('\n');
    expect(all).toContain('Nơi nhận:');
    const plan = planOf(file);
    expect(all.replace(/\s+/g, '')).toContain(plan.nguoi_ky.ho_ten.replace(/\s+/g, ''));
    expect(all.replace(/\s+/g, '')).toContain('./.');
    // the closing block is never split: "Nơi nhận:" and the signer's name on one page
    const closingPage = pages.findIndex((p) => p.includes('Nơi nhận:'));
    expect(pages[closingPage].replace(/\s+/g, ''), 'Nơi nhận and the signer on one page').toContain(plan.nguoi_ky.ho_ten.replace(/\s+/g, ''));
    // appendices: each on its own page, landscape where the table is wide
    const romans = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
    plan.phu_luc.forEach((a, ai) => {
      const label = plan.phu_luc.length > 1 ? `Phụ lục ${romans[ai]}` : 'Phụ lục';
      const page = pages.findIndex((p) => p.split('\n').find((l) => l.trim())!.trim() === label);
      expect(page).toBeGreaterThan(0);
      const size = execFileSync('pdfinfo', ['-f', String(page + 1), '-l', String(page + 1), join(out, `${n}.pdf`)], { encoding: 'utf8' });
      expect(size).toMatch(a.ngang ? /841\.\d+ x 595\.\d+/ : /595\.\d+ x 841\.\d+/);
      // (found by its first line: its first page hides the number)
    });
  });

  // The example restores the seed document: its text, read back from the PDF, covers the seed's text.
  // Compared on a skeleton (no diacritics, spaces or punctuation), so extraction damage in the seed does
  // not count against it; seed 003 lost its diacritics to OCR and many letters too, hence its lower bar.
  const skeleton = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]/g, '');
  // Seed 003 measured 0.59: OCR replaced letters too ("S6" for Số, "Pang" for Đảng), which no restoration matches.
  const MIN_COVERAGE: Record<string, number> = { '003': 0.55 };
  it.each(names.filter((n) => seedOf(join(ROOT, 'examples', `${n}.yaml`))))('%s covers the text of its seed', (n) => {
    const seed = seedOf(join(ROOT, 'examples', `${n}.yaml`));
    expect(seed).toBeDefined();
    const seedText = readFileSync(seed!, 'utf8')
      .split('\n')
      .filter((l) => !/https?:\/\//.test(l))
      .join('\n')
      .replace(/<\/?[a-z]+>/g, '');
    const s = skeleton(seedText);
    const doc = new Set<string>();
    const d = skeleton(pdfRaw[n]); // reading order: table cells stay whole
    const K = 10;
    for (let i = 0; i + K <= d.length; i++) doc.add(d.slice(i, i + K));
    let hit = 0;
    let total = 0;
    for (let i = 0; i + K <= s.length; i += 5) {
      total++;
      if (doc.has(s.slice(i, i + K))) hit++;
    }
    const id = /seeds\/(\d{3})_/.exec(seed!)![1];
    const coverage = hit / total;
    expect(coverage, `coverage of seed ${id}: ${coverage.toFixed(3)}`).toBeGreaterThanOrEqual(MIN_COVERAGE[id] ?? 0.95);
  });

  // A plan issued by a decision (§8a), as LibreOffice prints it: page 1 the decision, with its number, "QUYẾT
  // ĐỊNH:" and the one signature; then, on a new page, the plan: no Số line, the reference line, no signature.
  const decisions = names.filter((n) => planOf(join(ROOT, 'examples', `${n}.yaml`)).quyet_dinh);
  it.each(decisions)('%s: the decision on page 1, the plan from a new page', (n) => {
    const plan = planOf(join(ROOT, 'examples', `${n}.yaml`));
    const pages = pdfText[n];
    const name = plan.nguoi_ky.ho_ten;
    expect(pages[0]).toMatch(/Số: \d+\/QĐ-/);
    expect(pages[0]).toMatch(/^\s*QUYẾT ĐỊNH:\s*$/m);
    expect(pages[0]).toMatch(/^\s*Điều 1\. /m);
    const planStart = pages.findIndex((p) => /^\s*KẾ HOẠCH\s*$/m.test(p));
    expect(planStart, 'the plan starts on a page of its own').toBeGreaterThan(0);
    expect(pages.slice(0, planStart).join('\n')).toContain(name);
    const planPages = pages.slice(planStart).join('\n');
    expect(planPages).not.toMatch(/Số:/);
    expect(planPages).not.toContain('Nơi nhận:');
    expect(planPages).not.toContain(name);
    const ref = /^( *)\(Kèm theo Quyết định số [^\n]*$/m.exec(pages[planStart]);
    expect(ref, 'the reference line under the plan title').not.toBeNull();
    expect(ref![1].length, 'centred').toBeGreaterThan(0);
  });

  // Examples restored from a published plan keep its text beside them (examples/<name>.source.txt). Each
  // source line (a table row: each cell) is found in the PDF's text, in order, whitespace normalised and with
  // ND30's tone placement (hoá → hóa) on both sides. A line may be missing only when one of the example's
  // listed exceptions (at most five, in its header comment: `#   N. "fragment" … (§x)`) quotes it; of the
  // others at least 98% are present.
  const sourced = names.filter((n) => existsSync(join(ROOT, 'examples', `${n}.source.txt`)));
  const norm = (s: string) => ndSpelling(s.normalize('NFC')).replace(/\s+/g, ' ').trim();
  /** PDF text as one line: a word broken after its hyphen ("NĐ-" / "CP") joined back. */
  const flat = (pdf: string) => norm(pdf.replace(/(\S-)\n/g, '$1').replace(/\f/g, '\n'));
  it.each(sourced)('%s prints every line of its source, in order', (n) => {
    const yaml = readFileSync(join(ROOT, 'examples', `${n}.yaml`), 'utf8');
    const exceptions = [...yaml.matchAll(/^#\s+\d+\.\s+"([^"]+)"/gm)].map((m) => norm(m[1]));
    expect(exceptions.length, 'at most five listed exceptions').toBeLessThanOrEqual(5);
    // a table row: its cells, a cell's lines joined in the source with " / "
    // (after the comment lines of provenance; a source kept as Markdown is read without its marks: "## ", "**", "_…_")
    const all = readFileSync(join(ROOT, 'examples', `${n}.source.txt`), 'utf8').split('\n');
    const lines = all
      .slice(all.findIndex((l) => !l.startsWith('#')))
      .map((l) => l.replace(/^#{1,6}\s+/u, '').replace(/\*\*/gu, '').replace(/(^|[\s(])[_*]|[_*](?=[\s).,;:]|$)/gu, '$1'))
      .filter((l) => !/^[\s\-_=*|]*$/.test(l))
      .map((l) => (l.startsWith('|') ? l.split('|').slice(1, -1).flatMap((c) => c.split(' / ')).map(norm).filter(Boolean) : [norm(l)]));
    // the header (before the first tên loại) is a two-column table: its reading order is not the source's
    const headerEnd = lines.findIndex((p) => /^(KẾ HOẠCH|QUYẾT ĐỊNH)$/.test(p[0]));
    const doc = flat(pdfStream[n]);
    let at = 0;
    const missing: string[] = [];
    const excepted: string[] = [];
    for (const [li, pieces] of lines.entries()) {
      // a table row's cells may come out of the PDF in any order: each after the previous row
      const from = li < headerEnd ? 0 : at;
      const found = pieces.map((p) => doc.indexOf(p, from));
      const absent = pieces.filter((_, i) => found[i] < 0);
      if (absent.length === 0 && li >= headerEnd) at = Math.max(at, ...found.map((f, i) => f + pieces[i].length));
      for (const a of absent) (exceptions.some((e) => a.includes(e)) ? excepted : missing).push(a);
    }
    const total = lines.reduce((k, p) => k + p.length, 0) - excepted.length;
    expect((total - missing.length) / total, `missing:\n${missing.join('\n')}`).toBeGreaterThanOrEqual(0.98);
  });
});
