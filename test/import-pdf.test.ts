// kehoach import from what a unit receives: the PDF LibreOffice makes of each example (a text layer, as
// e-office systems send), the same as a .doc, and a scan without --ocr (a clear error, exit 1).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { importDocument } from '../src/import/index.js';
import { checkText } from '../src/plan/validate.js';
import { renderPlan } from '../src/write/index.js';
import { convert } from '../src/soffice.js';
import { EXAMPLES, exampleFiles, kehoach, paragraphs, run } from './helpers.js';
import { imagesToPdf } from './scan.js';


async function render(file: string, text = readFileSync(file, 'utf8')): Promise<Uint8Array> {
  const c = checkText(file, text);
  if (!c.plan) throw new Error(`${file}: ${c.messages.map((m) => `${m.line}:${m.column} ${m.message}`).join('\n')}`);
  return renderPlan(c.plan);
}

/** The share of the example's paragraphs that the imported plan renders the same. */
async function share(docx: Uint8Array, imported: string): Promise<number> {
  const want = paragraphs(docx);
  const got = new Set(paragraphs(await render('imported.yaml', imported)));
  return want.filter((l) => got.has(l)).length / want.length;
}

const dir = mkdtempSync(join(tmpdir(), 'kehoach-import-pdf-'));
const docx = new Map<string, Uint8Array>();
const pdfs = new Map<string, Buffer>();
const docs = new Map<string, Buffer>();
/** Examples also tried as .doc. */
const DOC_CASES = 2;

/** An appendix table with its column numbers (so_cot) over five pages: the header and the numbers repeat on each. */
const COLUMN_NUMBERS = [
  'co_quan_ban_hanh: SỞ Y TẾ', 'viet_tat: SYT', 'dia_danh: Hậu Giang', 'ngay: 2019-01-23', 'trich_yeu: Tuyên truyền cải cách hành chính',
  'noi_dung: [{ muc: NỘI DUNG, noi_dung: [Lịch như sau.] }]', 'noi_nhan: [Sở Nội vụ]', 'luu: VT', 'nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A }',
  'phu_luc:', '  - tieu_de: Kế hoạch triển khai', '    so_thu_tu: "1"', '    so_cot: true', '    cot: [TT, Nội dung hoạt động, Cơ quan chủ trì, Thời gian]', '    hang:',
  ...Array.from({ length: 60 }, (_, i) => `      - o: ["Nhiệm vụ số ${i + 1}: tuyên truyền cải cách hành chính tại đơn vị trong toàn tỉnh", Cục Lâm nghiệp, Quý ${(i % 4) + 1}]`),
].join('\n');

beforeAll(async () => {
  for (const f of exampleFiles()) docx.set(basename(f, '.yaml'), await render(f));
  docx.set('so-cot', await render('so-cot.yaml', COLUMN_NUMBERS));
  // one LibreOffice start for each format
  const names = [...docx.keys()];
  const pdf = convert([...docx.values()], 'docx', 'pdf', 240_000);
  const doc = convert([...docx.values()].slice(0, DOC_CASES), 'docx', 'doc:MS Word 97', 240_000);
  if (!pdf || !doc) throw new Error('LibreOffice (soffice) is needed for these tests: apt-get install libreoffice-writer-nogui');
  names.forEach((name, i) => {
    if (!pdf.outputs[i] || (i < DOC_CASES && !doc.outputs[i])) throw new Error(`LibreOffice did not convert ${name}: ${pdf.complaint} ${doc.complaint}`);
    pdfs.set(name, pdf.outputs[i]!);
    if (i < DOC_CASES) docs.set(name, doc.outputs[i]!);
  });
}, 300_000);

describe('a table\'s row of column numbers (so_cot), over several pages', () => {
  it('comes back as so_cot, not as data rows, from the .docx and from the PDF; the reference line as the reference', async () => {
    const want = checkText('so-cot.yaml', COLUMN_NUMBERS).plan!.phu_luc[0];
    for (const [kind, bytes] of [['docx', docx.get('so-cot')!], ['pdf', pdfs.get('so-cot')!]] as const) {
      const r = await importDocument(`so-cot.${kind}`, bytes, kind, 'x');
      const a = checkText('x.yaml', r.yaml).plan!.phu_luc[0];
      expect([kind, a.so_cot, a.hang.length, a.noi_dung]).toEqual([kind, true, 60, []]);
      expect(a.hang.map((h) => h.o.map((o) => o.noi_dung.join(' ')))).toEqual(want.hang.map((h) => h.o.map((o) => o.noi_dung.join(' '))));
    }
  });
});

/**
 * A body's numbered tree without its words: each numbered item's number (`so`) and the numbered items under
 * it. A paragraph without a number is left out: print does not show whether it belongs to the item above it
 * or to the level above that (nor whether the last one closes the plan or its last section).
 */
function outline(x: unknown): unknown[] {
  if (Array.isArray(x)) return x.flatMap(outline);
  if (!x || typeof x !== 'object') return [];
  const o = x as Record<string, unknown>;
  const under = [...outline(o.cac_muc), ...outline(o.noi_dung)];
  return o.so ? [{ so: o.so, under }] : under;
}

describe('a PDF with a text layer', () => {
  it.each(exampleFiles().map((f) => [basename(f, '.yaml')]))('%s: at least 95% of its paragraphs come back, sections and items in place', async (name) => {
    const r = await importDocument(`${name}.pdf`, pdfs.get(name)!, 'pdf', 'x');
    const c = checkText('x.yaml', r.yaml);
    expect(c.messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
    const s = await share(docx.get(name)!, r.yaml);
    console.log(`${name}.pdf: ${(s * 100).toFixed(1)}% of the paragraphs; ${r.repairs.join(' ')}`);
    expect(s).toBeGreaterThanOrEqual(0.95);
    // the same sections, as the example has them
    const want = checkText('w.yaml', readFileSync(exampleFiles().find((f) => basename(f, '.yaml') === name)!, 'utf8')).plan!;
    expect(c.plan!.noi_dung.map((s) => s.so)).toEqual(want.noi_dung.map((s) => s.so));
    // and the same items: the tree of numbered khoản and điểm in each section
    expect(outline(c.plan!.noi_dung)).toEqual(outline(want.noi_dung));
    // each appendix on a page turned as the printed one is
    expect(c.plan!.phu_luc.map((a) => a.ngang)).toEqual(want.phu_luc.map((a) => a.ngang));
  });
});

// README's flow for a unit clerk: the province's plan arrives as a PDF; import it, derive the district's plan.
// The same plan as derived from the restored YAML (examples/derive/son-la), but for what print cannot carry.
describe('a department plan that arrives as a PDF', () => {
  it('ubnd-son-la: imported, then derived for a district, gives the district the plan the restored YAML gives', async () => {
    const name = 'ubnd-son-la-qd-254-bao-ve-bi-mat-nha-nuoc';
    const dept = join(dir, 'son-la.yaml');
    writeFileSync(dept, (await importDocument(`${name}.pdf`, pdfs.get(name)!, 'pdf', 'x')).yaml);
    const unit = join(EXAMPLES, 'derive', 'son-la', 'units', 'ubnd-huyen-mai-son.yaml');
    const out = join(dir, 'mai-son.yaml');
    const r = await kehoach(['derive', dept, '--unit', unit, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    // comments name the parent's file; "phan: noi_dung" is the restored plan's own mark on a section whose title
    // is not the part's default ("NỘI DUNG CÔNG TÁC"), which print cannot show
    const body = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => !/^\s*#/.test(l) && !/^\s*phan: noi_dung$/.test(l)).join('\n');
    expect(body(out)).toBe(body(join(EXAMPLES, 'derive', 'son-la', 'derived', 'ubnd-huyen-mai-son.yaml')));
  });
});

describe('a .doc (Word 97–2003)', () => {
  // the command as a clerk runs it on a folder of old files: every .doc through one LibreOffice start
  const names = exampleFiles().slice(0, DOC_CASES).map((f) => basename(f, '.yaml'));
  const out = join(dir, 'tu-doc');
  let batch: Awaited<ReturnType<typeof kehoach>>;
  beforeAll(async () => {
    for (const n of names) writeFileSync(join(dir, `${n}.doc`), docs.get(n)!);
    batch = await kehoach(['import', ...names.map((n) => join(dir, `${n}.doc`)), '--out-dir', out]);
  }, 240_000);

  it.each(names)('%s.doc imports like the .docx', async (name) => {
    expect(batch.status, batch.stderr).toBe(0);
    expect(await share(docx.get(name)!, readFileSync(join(out, `${name}.yaml`), 'utf8'))).toBe(1);
  });
});

describe('a scanned PDF', () => {
  it('without --ocr: exit 1, a message that says what to do, nothing written', async () => {
    // a page that is only a picture: a tiny grey JPEG
    const jpeg = Buffer.from(
      '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
      'base64',
    );
    const f = join(dir, 'ban-quet.pdf');
    writeFileSync(f, imagesToPdf([jpeg]));
    const r = await run(['import', f, '-o', join(dir, 'ban-quet.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ban-quet\.pdf:1:1: lỗi: tệp PDF không có lớp chữ \(bản quét\); thêm --ocr .*tesseract-ocr-vie/);
    expect(() => readFileSync(join(dir, 'ban-quet.yaml'))).toThrow();
  });
  it('with --ocr but without tesseract\'s Vietnamese data: that file\'s error naming the package, not an internal one', async () => {
    const jpeg = Buffer.from(
      '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
      'base64',
    );
    const f = join(dir, 'quet-thieu-du-lieu.pdf');
    writeFileSync(f, imagesToPdf([jpeg]));
    const saved = process.env.TESSDATA_PREFIX;
    process.env.TESSDATA_PREFIX = mkdtempSync(join(tmpdir(), 'kehoach-no-tessdata-'));
    try {
      const r = await run(['import', f, '--ocr', '-o', join(dir, 'quet-thieu-du-lieu.yaml')]);
      expect([r.code, r.err]).toEqual([1, `${f}:1:1: lỗi: tệp PDF là bản quét; cần tesseract có dữ liệu tiếng Việt để nhận dạng trang quét: sudo apt-get install tesseract-ocr tesseract-ocr-vie [khong-doc-duoc]\n`]);
    } finally {
      if (saved === undefined) delete process.env.TESSDATA_PREFIX;
      else process.env.TESSDATA_PREFIX = saved;
    }
  });
  it('a page larger than A2 is not read, with a message, even with --ocr', async () => {
    // the same picture stretched over 2.5 m: 300 dpi would make gigabytes of it
    const jpeg = Buffer.from(
      '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
      'base64',
    );
    const f = join(dir, 'ap-phich.pdf');
    writeFileSync(f, imagesToPdf([jpeg], 0.01));
    const r = await run(['import', f, '--ocr', '-o', join(dir, 'ap-phich.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ap-phich\.pdf:1:1: lỗi: trang 1 của bản quét khổ 2540 × 2540 mm, lớn hơn khổ A2/);
    expect(() => readFileSync(join(dir, 'ap-phich.yaml'))).toThrow();
  });
});

describe('a damaged PDF', () => {
  it('a page whose content cannot be unpacked: that file\'s error naming the page (exit 1), not an internal one', async () => {
    const pdf = Buffer.from(pdfs.get(basename(exampleFiles()[0], '.yaml'))!);
    // 20 bytes overwritten after each "stream" and "endstream", as a bad disk leaves them: streams that do not
    // unpack, and objects after them without their header (pdf.js reads past a broken stream alone as empty)
    let broken = 0;
    for (let at = pdf.indexOf('stream\n'); at >= 0; at = pdf.indexOf('stream\n', at + 1)) {
      pdf.fill(0x5a, at + 7, at + 27);
      broken++;
    }
    expect(broken).toBeGreaterThan(3);
    const f = join(dir, 'hong.pdf');
    writeFileSync(f, pdf);
    const r = await run(['import', f, '-o', join(dir, 'hong.yaml')]);
    expect([r.code, r.err]).toEqual([1, `${f}:1:1: lỗi: trang 1 của tệp PDF bị hỏng, không đọc được chữ; hãy xin lại tệp gốc, hoặc mở tệp bằng trình đọc PDF, in ra một tệp PDF mới rồi nhập lại. [khong-doc-duoc]\n`]);
    expect(() => readFileSync(join(dir, 'hong.yaml'))).toThrow();
  });
});

describe('a PDF or a Word 97–2003 file under a .docx name (as e-office systems mislabel them)', () => {
  it('is read as what it is, and the report says so', async () => {
    const name = basename(exampleFiles()[0], '.yaml');
    const pdf = join(dir, 'that-ra-la-pdf.docx');
    const doc = join(dir, 'that-ra-la-doc.docx');
    writeFileSync(pdf, pdfs.get(name)!);
    writeFileSync(doc, docs.get(name)!);
    const r = await run(['import', pdf, doc]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('  đã sửa: tệp mang đuôi .docx nhưng là tệp PDF: đọc theo nội dung.');
    expect(r.err).toContain('  đã sửa: tệp mang đuôi .docx nhưng là tệp Word 97–2003, OpenDocument, RTF hoặc HTML: đọc theo nội dung.');
    for (const f of ['that-ra-la-pdf.yaml', 'that-ra-la-doc.yaml']) expect(await share(docx.get(name)!, readFileSync(join(dir, f), 'utf8'))).toBeGreaterThan(0.95);
  });
});

describe('an OpenDocument (.odt) file, as offices on LibreOffice save them (RTF takes the same way: see the altChunk test)', () => {
  it('imports through LibreOffice, with the same paragraphs as the .docx', async () => {
    const name = basename(exampleFiles()[0], '.yaml');
    const odt = convert([docx.get(name)!], 'docx', 'odt');
    expect(odt?.outputs[0]).toBeTruthy();
    // and an .odt under a .docx name: known by its "mimetype" entry, not taken for a Word zip
    const files = [join(dir, 'van-ban.odt'), join(dir, 'odt-ten-docx.docx')];
    writeFileSync(files[0], odt!.outputs[0]!);
    writeFileSync(files[1], odt!.outputs[0]!);
    const r = await run(['import', ...files]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('  đã sửa: tệp mang đuôi .docx nhưng là tệp Word 97–2003, OpenDocument, RTF hoặc HTML: đọc theo nội dung.');
    for (const f of ['van-ban.yaml', 'odt-ten-docx.yaml']) expect(await share(docx.get(name)!, readFileSync(join(dir, f), 'utf8'))).toBeGreaterThan(0.95);
  });
});

describe('a PDF of a plan typed in TCVN3 (.VnTime), printed where the font was missing', () => {
  it('is told by its characters and read in Unicode, the conversion listed (a short plan is no scan either)', async () => {
    // the plan's words as TCVN3's codes show in any other font (the template's own words stay Unicode)
    const tcvn3 = [
      'co_quan_ban_hanh: SỞ Y TẾ', 'viet_tat: SYT', 'dia_danh: Hậu Giang', 'ngay: 2019-01-23', 'trich_yeu: Phßng chèng thiªn tai n¨m 2025',
      'noi_dung: [{ muc: NỘI DUNG, noi_dung: [KÕ ho¹ch c¶i c¸ch hµnh chÝnh cña c¸c x·.', ...Array.from({ length: 6 }, () => '"Tæ chøc tuyªn truyÒn, phæ biÕn kiÕn thøc phßng chèng thiªn tai ®Õn nh©n d©n trªn ®Þa bµn."'), '] }]',
      'noi_nhan: [Sở Nội vụ]', 'luu: VT', 'nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A }',
    ].join('\n').replace(/\n"/g, ', "').replace(/\n\] \}\]/, '] }]');
    const pdf = convert([await render('tcvn3.yaml', tcvn3)], 'docx', 'pdf');
    expect(pdf?.outputs[0]).toBeTruthy();
    const r = await importDocument('tcvn3.pdf', pdf!.outputs[0]!, 'pdf', 'x');
    expect(r.repairs).toContain('chuyển toàn bộ văn bản từ mã TCVN3 (ABC) sang Unicode (nhận ra theo ký tự; chữ hoa của phông riêng như .VnTimeH có thể thành chữ thường).');
    expect(r.yaml).toContain('trich_yeu: Phòng chống thiên tai năm 2025');
    expect(r.yaml).toContain('Kế hoạch cải cách hành chính của các xã.');
    expect(r.yaml).toContain('Tổ chức tuyên truyền, phổ biến kiến thức phòng chống thiên tai đến nhân dân trên địa bàn.');
    // the template's own Unicode words are not "converted" a second time
    expect(r.yaml).not.toMatch(/HềA|phỳc|thỏng/);
  });
});
