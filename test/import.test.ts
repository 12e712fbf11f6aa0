// kehoach import: every example survives render → import → render with the same text, paragraph by
// paragraph (also after LibreOffice re-saves the .docx); Word's own habits (automatic numbering, tabs in
// the header, manual line breaks, vertical merges, TCVN3 and VNI fonts) import to the right fields; seeds'
// texts import to plans that match the restored examples.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  BorderStyle,
} from 'docx';
import { parse } from 'yaml';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CannotRead } from '../src/errors.js';
import { importDocument } from '../src/import/index.js';
import { checkText } from '../src/plan/validate.js';
import type { Block } from '../src/plan/normalize.js';
import { renderPlan } from '../src/write/index.js';
import { exampleFiles, paragraphs, ROOT, run, seedOf, SHARED } from './helpers.js';


async function renderFile(file: string, text = readFileSync(file, 'utf8')): Promise<Uint8Array> {
  const c = checkText(file, text);
  if (!c.plan) throw new Error(`${file}: ${c.messages.map((m) => `${m.line}:${m.column} ${m.message}`).join('\n')}`);
  return renderPlan(c.plan);
}

/** Import a .docx and render the result again. */
async function roundTrip(docx: Uint8Array, name: string): Promise<{ yaml: string; again: Uint8Array }> {
  const r = await importDocument(name, docx, 'docx', '../schemas/plan.schema.json');
  return { yaml: r.yaml, again: await renderFile(name.replace(/\.docx$/, '.yaml'), r.yaml) };
}

describe('render → import → render', () => {
  it.each(exampleFiles().map((f) => [basename(f), f]))('%s: the same paragraphs, the same numbering', async (_, file) => {
    const docx = await renderFile(file);
    const { yaml, again } = await roundTrip(docx, basename(file, '.yaml') + '.docx');
    expect(paragraphs(again)).toEqual(paragraphs(docx));
    // the closing comes back as the closing, whatever its first words, not as the last section's paragraph
    // (as checked: "uỷ" is "ủy"; the full stop the renderer's "./." gives may not be in the source)
    const closing = (text: string) => (checkText(file, text).input?.ket_thuc ?? []).map((p) => (typeof p === 'string' ? p.replace(/\.$/u, '') : p));
    expect(closing(yaml)).toEqual(closing(readFileSync(file, 'utf8')));
    // each cited document apart ("…; Căn cứ Kế hoạch số …" too), its issuer where the plan names one
    const cited = (text: string) => {
      const input = checkText(file, text).input;
      const groups = input?.can_cu ?? input?.quyet_dinh?.can_cu;
      return groups?.map((g) => g.van_ban.map((v) => (typeof v === 'string' ? 'văn bản' : `${v.so_ky_hieu} của ${v.co_quan}`)));
    };
    if (cited(readFileSync(file, 'utf8'))) expect(cited(yaml)).toEqual(cited(readFileSync(file, 'utf8')));
    // the agency's name in sentences, when the import finds one, is the plan's
    const name = parse(yaml).ten_co_quan;
    if (name !== undefined) expect(name).toBe(checkText(file, readFileSync(file, 'utf8')).input?.ten_co_quan);
    // each appendix on a page turned as the source's is
    const across = (text: string) => checkText(file, text).plan?.phu_luc.map((a) => a.ngang);
    expect(across(yaml)).toEqual(across(readFileSync(file, 'utf8')));
  });

  it('the agency\'s name as sentences write it, from an opening that says it in full under a shorter header', async () => {
    for (const [example, header, name] of [
      ['01-hau-giang-tuyen-truyen-cchc', 'SỞ Y TẾ', 'Sở Y tế Hậu Giang'],
      ['mttq-xa-luong-minh-kh-2025-12-10-tiep-cong-dan', 'BAN THƯỜNG TRỰC', 'Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh'],
    ]) {
      const file = exampleFiles().find((f) => basename(f, '.yaml') === example)!;
      const { yaml } = await roundTrip(await renderFile(file), `${example}.docx`);
      expect(parse(yaml)).toMatchObject({ co_quan_ban_hanh: header, ten_co_quan: name });
    }
  });

  it('after LibreOffice re-saves each example (styles renamed, numbering rewritten)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-import-lo-'));
    const originals = new Map<string, Uint8Array>();
    for (const f of exampleFiles()) {
      const name = basename(f, '.yaml') + '.docx';
      const bytes = await renderFile(f);
      originals.set(name, bytes);
      writeFileSync(join(dir, name), bytes);
    }
    const profile = mkdtempSync(join(tmpdir(), 'kehoach-lo-profile-'));
    const lo = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 're'), ...[...originals.keys()].map((n) => join(dir, n))],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(lo.status, `LibreOffice (soffice) is needed: ${lo.stderr ?? lo.error}`).toBe(0);
    for (const [name, bytes] of originals) {
      const resaved = readFileSync(join(dir, 're', name));
      expect(resaved.equals(Buffer.from(bytes)), 'LibreOffice wrote a file of its own').toBe(false);
      const { again } = await roundTrip(resaved, name);
      expect(paragraphs(again), name).toEqual(paragraphs(bytes));
    }
  });
});

// ------------------------------------------------------------------ documents as Word makes them

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const run_ = (text: string, o: { bold?: boolean; italics?: boolean; font?: string } = {}) => new TextRun({ text, ...o });
const p = (children: TextRun[], o: { center?: boolean; numbering?: { reference: string; level: number } } = {}) =>
  new Paragraph({ children, alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, numbering: o.numbering });
const cell = (children: Paragraph[], o: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children, ...o });

/** The closing block: Nơi nhận beside the signer, the signer's lines split by manual line breaks. */
const closingTable = (recipients = ['- Như trên;']) =>
  new Table({
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([p([run_('Nơi nhận:', { bold: true, italics: true })]), ...recipients.map((r) => p([run_(r)])), p([run_('- Lưu: VT, VP.')])]),
          cell([
            p([run_('KT. CHỦ TỊCH', { bold: true }), new TextRun({ text: 'PHÓ CHỦ TỊCH', bold: true, break: 1 })], { center: true }),
            p([], { center: true }),
            p([run_('Nguyễn Văn An', { bold: true })], { center: true }),
          ]),
        ],
      }),
    ],
  });

async function wordDocument(body: (Paragraph | Table)[], numbering = true): Promise<Uint8Array> {
  const doc = new Document({
    numbering: numbering
      ? {
          config: [
            {
              reference: 'ke-hoach',
              levels: [
                { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT },
                { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
                { level: 2, format: LevelFormat.DECIMAL, text: '%2.%3.', alignment: AlignmentType.LEFT },
                { level: 3, format: LevelFormat.LOWER_LETTER, text: '%4)', alignment: AlignmentType.LEFT },
                { level: 4, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT },
              ],
            },
          ],
        }
      : undefined,
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A header typed as paragraphs: the two columns on one line, split by a tab, as many offices do. */
const tabbedHeader = (font?: string, capitals?: string) => [
  p([run_('ỦY BAN NHÂN DÂN', { font: capitals }), new TextRun({ children: [new Tab()] }), run_('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, font: capitals })]),
  p([run_('HUYỆN AN LÃO', { bold: true, font: capitals }), new TextRun({ children: [new Tab()] }), run_('Độc lập - Tự do - Hạnh phúc', { bold: true, font })]),
  p([run_('Số: 15/KH-UBND', { font }), new TextRun({ children: [new Tab()] }), run_('An Lão, ngày 05 tháng 3 năm 2025', { italics: true, font })]),
];

const N = (level: number) => ({ reference: 'ke-hoach', level });

/** A plan's text as a scan gives it, one paragraph a line, under its title: imported as a .txt. */
const importLines = (lines: string[]) =>
  importDocument('quet.txt', Buffer.from(['KẾ HOẠCH', 'Phòng chống thiên tai năm 2025', ...lines].join('\n\n')), 'txt', 'x');

describe("Word's own habits", () => {
  it('automatic multi-level numbering, a tabbed header, manual line breaks: the fields and the levels', async () => {
    const docx = await wordDocument([
      ...tabbedHeader(),
      p([run_('KẾ HOẠCH', { bold: true })], { center: true }),
      p([run_('Phòng chống thiên tai năm 2025', { bold: true }), new TextRun({ text: 'trên địa bàn huyện', bold: true, break: 1 })], { center: true }),
      p([run_('MỤC ĐÍCH, YÊU CẦU', { bold: true })], { numbering: N(0) }),
      p([run_('Mục đích', { bold: true })], { numbering: N(1) }),
      p([run_('Chủ động phòng ngừa, giảm thiểu thiệt hại.')], { numbering: N(4) }),
      p([run_('Yêu cầu', { bold: true })], { numbering: N(1) }),
      p([run_('Cụ thể', { bold: true })], { numbering: N(2) }),
      p([run_('Bảo đảm an toàn cho người dân;')], { numbering: N(3) }),
      p([run_('Hạn chế thiệt hại về tài sản.')], { numbering: N(3) }),
      p([run_('TỔ CHỨC THỰC HIỆN', { bold: true })], { numbering: N(0) }),
      p([run_('Các xã, thị trấn triển khai thực hiện Kế hoạch này.')]),
      closingTable(),
    ]);
    const r = await importDocument('word.docx', docx, 'docx', '../schemas/plan.schema.json');
    const plan = parse(r.yaml);
    expect(plan.co_quan_chu_quan).toBe('ỦY BAN NHÂN DÂN');
    expect(plan.co_quan_ban_hanh).toBe('HUYỆN AN LÃO');
    expect([plan.so, plan.viet_tat, plan.dia_danh, plan.ngay]).toEqual([15, 'UBND', 'An Lão', '2025-03-05']); // ký hiệu KH-UBND
    expect(plan.trich_yeu, 'the writer\'s line break kept').toEqual(['Phòng chống thiên tai năm 2025', 'trên địa bàn huyện']);
    expect(plan.noi_dung.map((s: { muc: string }) => s.muc)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'TỔ CHỨC THỰC HIỆN']);
    expect(plan.noi_dung[0].noi_dung).toEqual([
      { phan: 'muc_dich', noi_dung: [{ gach: 'Chủ động phòng ngừa, giảm thiểu thiệt hại.' }] },
      { phan: 'yeu_cau', noi_dung: [{ khoan: 'Cụ thể', noi_dung: [{ diem: 'Bảo đảm an toàn cho người dân;' }, { diem: 'Hạn chế thiệt hại về tài sản.' }] }] },
    ]);
    expect(plan.nguoi_ky).toEqual({ quyen_han: 'KT', thu_truong: 'CHỦ TỊCH', chuc_vu: 'PHÓ CHỦ TỊCH', ho_ten: 'Nguyễn Văn An' });
    expect(plan.noi_nhan).toEqual(['Như trên']);
    expect(plan.luu).toBe('VT, VP');
    expect(r.yaml).toMatch(/^trich_yeu:\n  - Phòng chống thiên tai năm 2025\n  - trên địa bàn huyện\n/m); // the line break the writer chose is kept
    expect(checkText('word.yaml', r.yaml).messages).toEqual([]);
  });

  it('an appendix table with vertical and horizontal merges: gop_hang and gop_cot', async () => {
    const t = (s: string) => p([run_(s)]);
    const docx = await wordDocument([
      ...tabbedHeader(),
      p([run_('KẾ HOẠCH', { bold: true })], { center: true }),
      p([run_('Kiểm tra công tác năm 2025', { bold: true })], { center: true }),
      p([run_('I. NỘI DUNG', { bold: true })]),
      p([run_('Kiểm tra theo phụ lục.')]),
      closingTable(),
      p([run_('Phụ lục', { bold: true })], { center: true }),
      p([run_('LỊCH KIỂM TRA', { bold: true })], { center: true }),
      p([run_('(Kèm theo Kế hoạch số 15/KH-UBND ngày 05 tháng 3 năm 2025 của Ủy ban nhân dân huyện An Lão)', { italics: true })], { center: true }),
      new Table({
        rows: [
          new TableRow({ children: [cell([t('STT')]), cell([t('Đơn vị')]), cell([t('Thời gian')]), cell([t('Ghi chú')])] }),
          new TableRow({ children: [cell([t('1.')]), cell([t('Xã An Hòa')]), cell([t('Tháng 4')], { rowSpan: 2 }), cell([t('')])] }),
          new TableRow({ children: [cell([t('2.')]), cell([t('Xã An Tân')]), cell([t('')])] }),
          new TableRow({ children: [cell([t('3.')]), cell([t('Thị trấn An Lão')], { columnSpan: 2 }), cell([t('Cuối năm')])] }),
        ],
      }),
    ], false);
    const plan = parse((await importDocument('bang.docx', docx, 'docx', 'x')).yaml);
    expect(plan.ten_co_quan).toBe('Ủy ban nhân dân huyện An Lão');
    const a = plan.phu_luc[0];
    expect(a.tieu_de).toBe('LỊCH KIỂM TRA');
    expect(a.so_thu_tu).toBe(true);
    expect(a.cot).toEqual(['STT', 'Đơn vị', 'Thời gian', 'Ghi chú']);
    expect(a.hang).toEqual([
      { o: ['Xã An Hòa', { noi_dung: 'Tháng 4', gop_hang: 2 }, ''] },
      { o: ['Xã An Tân', ''] },
      { o: [{ noi_dung: 'Thị trấn An Lão', gop_cot: 2 }, 'Cuối năm'] },
    ]);
    expect(checkText('bang.yaml', (await importDocument('bang.docx', docx, 'docx', 'x')).yaml).messages).toEqual([]);
  });

  it('a table in the body of a Word plan stays where it stands, a "bang" block between its paragraphs', async () => {
    const t = (s: string) => p([run_(s)]);
    const grid = (rows: string[][]) => new Table({ rows: rows.map((r) => new TableRow({ children: r.map((x) => cell([t(x)])) })) });
    const docx = await wordDocument([
      ...tabbedHeader(),
      p([run_('KẾ HOẠCH', { bold: true })], { center: true }),
      p([run_('Kiểm tra công tác năm 2025', { bold: true })], { center: true }),
      p([run_('I. NỘI DUNG', { bold: true })]),
      p([run_('Lịch kiểm tra các xã')]),
      grid([['Đơn vị', 'Thời gian'], ['Xã An Hòa', 'Tháng 4'], ['Xã An Tân', 'Tháng 5']]),
      p([run_('Kiểm tra theo lịch trên.')]),
      closingTable(),
      p([run_('Phụ lục', { bold: true })], { center: true }),
      p([run_('DANH SÁCH THÀNH VIÊN', { bold: true })], { center: true }),
      grid([['Họ tên', 'Chức vụ'], ['Nguyễn Văn An', 'Trưởng đoàn']]),
    ], false);
    const r = await importDocument('bang-than.docx', docx, 'docx', 'x');
    const plan = parse(r.yaml);
    expect(plan.phu_luc.map((a: { tieu_de: string }) => a.tieu_de)).toEqual(['DANH SÁCH THÀNH VIÊN']);
    expect(plan.noi_dung[0].noi_dung).toEqual([
      'Lịch kiểm tra các xã',
      { bang: { cot: ['Đơn vị', 'Thời gian'], hang: [{ o: ['Xã An Hòa', 'Tháng 4'] }, { o: ['Xã An Tân', 'Tháng 5'] }] } },
      'Kiểm tra theo lịch trên.',
    ]);
    expect(checkText('bang-than.yaml', r.yaml).messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
  });

  // TCVN3 ("ABC", .VnTime; capitals from .VnTimeH) and VNI (VNI-Times), as the bytes of those fonts show
  it.each([
    ['TCVN3', '.VnTime', '.VnTimeH', 'KÕ ho¹ch c¶i c¸ch hµnh chÝnh', 'Phßng chèng thiªn tai n¨m 2025', 'kÕ ho¹ch'],
    ['VNI', 'VNI-Times', 'VNI-Times', 'Keá hoaïch caûi caùch haønh chính', 'Phoøng choáng thieân tai naêm 2025', 'KEÁ HOAÏCH'],
  ])('a %s document is converted to Unicode and the conversion is listed', async (name, font, capitals, body, subject, kind) => {
    const docx = await wordDocument([
      ...tabbedHeader(font),
      p([run_(kind, { bold: true, font: capitals })], { center: true }),
      p([run_(subject, { bold: true, font })], { center: true }),
      p([run_('I. ', { bold: true }), run_(name === 'VNI' ? 'MUÏC ÑÍCH' : 'môc ®Ých', { bold: true, font: capitals })]),
      p([run_(body + '.', { font })]),
      closingTable(),
    ], false);
    const r = await importDocument('cu.docx', docx, 'docx', 'x');
    const plan = parse(r.yaml);
    expect(plan.trich_yeu).toBe('Phòng chống thiên tai năm 2025');
    expect(plan.noi_dung[0]).toEqual({ muc: 'MỤC ĐÍCH', phan: 'muc_dich', noi_dung: ['Kế hoạch cải cách hành chính.'] });
    expect(r.repairs.join('\n')).toMatch(new RegExp(`${font.replace('.', '\\.')}.*${name === 'VNI' ? 'VNI' : 'TCVN3'}`));
  });

  // a recipient cut in two (Enter pressed inside it, or a scan's lines): the line without a dash goes on with it
  it('a nơi nhận line that goes on with the item before it is joined to it', async () => {
    const docx = await wordDocument([
      p([run_('KẾ HOẠCH', { bold: true })], { center: true }),
      p([run_('Phòng chống thiên tai năm 2025', { bold: true })], { center: true }),
      p([run_('I. MỤC ĐÍCH', { bold: true })]),
      p([run_('Bảo đảm an toàn cho người dân.')]),
      closingTable(['- Như trên;', '- Văn phòng Sở (bố trí kinh phí, phương tiện', 'phục vụ Đoàn kiểm tra);', '- Các phòng', '- UBND các xã']),
    ], false);
    const plan = parse((await importDocument('cat.docx', docx, 'docx', 'x')).yaml);
    expect(plan.noi_nhan).toEqual(['Như trên', 'Văn phòng Sở (bố trí kinh phí, phương tiện phục vụ Đoàn kiểm tra)', 'Các phòng', 'UBND các xã']);
    expect(plan.luu).toBe('VT, VP');
  });

  // what OCR makes of a section's Roman numeral: "H." for "II.", "III" without its period
  it('a section numeral OCR misread is read as the one due, and listed as a guess', async () => {
    const r = await importLines([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Bảo đảm an toàn cho người dân.',
      'H. NỘI DUNG',
      '- Tuyên truyền cho người dân.',
      'III TỔ CHỨC THỰC HIỆN',
      '- Các phòng triển khai.',
      'XI MĂNG VÀ SẮT THÉP DỰ TRỮ ĐỦ DÙNG',
      'V KINH PHÍ',
    ]);
    const plan = parse(r.yaml);
    expect(plan.noi_dung.map((s: { muc: string }) => s.muc)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG', 'TỔ CHỨC THỰC HIỆN']);
    expect(r.guesses.join('\n')).toMatch(/"H\." ở đầu mục "NỘI DUNG" được đọc là "II\."/);
    expect(r.guesses.join('\n')).toMatch(/"III" ở đầu mục "TỔ CHỨC THỰC HIỆN" được đọc là "III\."/);
    // "XI MĂNG" is no section, nor "V" where IV is due: both stay text of the section before
    expect(r.yaml).toContain('XI MĂNG VÀ SẮT THÉP DỰ TRỮ ĐỦ DÙNG');
    expect(r.yaml).toContain('V KINH PHÍ');
  });

  // "ngày 37 tháng 7": a scan's misread, or a slip in the source; no date is guessed
  it('a cited document whose date is on no calendar stays the source\'s text, and is listed as a guess', async () => {
    const r = await importLines([
      'Căn cứ Quyết định số 1237/QĐ-TTg ngày 37 tháng 7 năm 2013 của Thủ tướng Chính phủ về việc phê duyệt Đề án;',
      'Căn cứ Quyết định số 12/QĐ-UBND ngày 27 tháng 7 năm 2013 của Ủy ban nhân dân tỉnh về việc phê duyệt Đề án,',
      'Ủy ban nhân dân xã ban hành Kế hoạch như sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Bảo đảm an toàn cho người dân.',
    ]);
    const bases = parse(r.yaml).can_cu.flatMap((b: { van_ban?: unknown[] }) => b.van_ban ?? [b]);
    expect(bases[0]).toBe('Quyết định số 1237/QĐ-TTg ngày 37 tháng 7 năm 2013 của Thủ tướng Chính phủ về việc phê duyệt Đề án');
    expect(bases[1]).toMatchObject({ so_ky_hieu: '12/QĐ-UBND', ngay: '2013-07-27' });
    expect(r.guesses.join('\n')).toMatch(/ngày không có trên lịch/);
    // (the header is missing: those errors are the text's own)
    expect(checkText('x.yaml', r.yaml).messages.map((m) => m.message).filter((m) => /lịch|can_cu/.test(m))).toEqual([]);
  });

  // "01-KH-UBND": a slip in the source, or a scan's misread "/"; the number is not guessed at either
  it('a cited document whose number is not in the ND30 form stays the source\'s text, and is listed as a guess', async () => {
    const r = await importLines([
      'Căn cứ Kế hoạch số 01-KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh về thực hiện nhiệm vụ năm 2026;',
      'Căn cứ Kế hoạch số 13/KH-SYT ngày 26/01/2026 của Sở Y tế về cải cách hành chính,',
      'Ủy ban nhân dân xã ban hành Kế hoạch như sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Bảo đảm an toàn cho người dân.',
    ]);
    const bases = parse(r.yaml).can_cu.flatMap((b: { van_ban?: unknown[] }) => b.van_ban ?? [b]);
    expect(bases[0]).toBe('Kế hoạch số 01-KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh về thực hiện nhiệm vụ năm 2026');
    expect(bases[1]).toMatchObject({ so_ky_hieu: '13/KH-SYT', ngay: '2026-01-26' });
    expect(r.guesses.join('\n')).toMatch(/số, ký hiệu "01-KH-UBND" không đúng dạng/);
    expect(checkText('x.yaml', r.yaml).messages.filter((m) => m.rule === 'so-ky-hieu' || /can_cu/.test(m.message))).toEqual([]);
  });

  it('a TCVN3 text file (8-bit) is detected by its characters', async () => {
    const text = 'KÕ ho¹ch\n\nPhßng chèng thiªn tai n¨m 2025\n\nI. Môc ®Ých\n\n- B¶o ®¶m an toµn cho ng­êi d©n.\n';
    const r = await importDocument('cu.txt', Buffer.from(text, 'latin1'), 'txt', 'x');
    expect(r.repairs.join('\n')).toMatch(/TCVN3/);
    expect(r.yaml).toContain('Bảo đảm an toàn cho người dân.');
  });
});

describe('importing the texts of the seeds and of the restored real plans', () => {
  // The seeds are texts extracted from published plans; most lost their header in the extraction, and the
  // restored examples supplied it. What a seed does not contain is taken from its example; every line the
  // seed does contain must come out as the example has it.
  // One seed falls short of 95%: 003 lost nearly all its diacritics in OCR, which no safe rule restores.
  // (000's stray spaces inside words, blank lines inside sentences and page links are repaired; two of its
  // lines keep other damage: "3,4" for "3, 4", which may be a decimal, and the misread "phố biến".)
  const FLOOR: Record<string, number> = { '04-hai-duong-tuyen-truyen-cchc.yaml': 0.27 };
  const HEADER = ['co_quan_chu_quan', 'co_quan_ban_hanh', 'ten_co_quan', 'viet_tat', 'ky_hieu', 'so', 'dia_danh', 'ngay', 'trich_yeu', 'noi_nhan', 'luu', 'nguoi_ky'];
  // …and the text each restored real plan keeps beside it (examples/NAME.source.txt), without the lines
  // of provenance ("# Nguồn: …") written above the document's own text
  const sourceOf = (f: string) => f.replace(/\.yaml$/, '.source.txt');
  const cases = exampleFiles().flatMap((f) => (seedOf(f) && existsSync(seedOf(f)!) ? [[basename(f), f, seedOf(f)!]] : []));
  const sources = exampleFiles().flatMap((f) => (existsSync(sourceOf(f)) ? [[basename(f), f, sourceOf(f)]] : []));
  const documentText = (file: string) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const start = lines.findIndex((l) => !l.startsWith('#'));
    return Buffer.from(lines.slice(start).join('\n'));
  };
  // A school's plan as its own repository keeps it (Markdown, verbatim: bold, "#" headings, "---"): the header one line each, the
  // number and the day left blank (dots), a "V/v" line, the sentence after the căn cứ after a comma, its programme
  // as tables in the body with group rows (the format holds tables in appendices)
  it('a school\'s plan kept as Markdown (examples/truong-thpt-…source.txt): a valid plan, its header read right', async () => {
    const source = join(ROOT, 'examples', 'truong-thpt-doc-binh-kieu-sinh-hoat-cong-dan.source.txt');
    const r = await importDocument('truong.txt', documentText(source), 'txt', 'x');
    expect(checkText('x.yaml', r.yaml).messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
    expect(parse(r.yaml)).toMatchObject({
      co_quan_chu_quan: ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'ĐỒNG THÁP'],
      co_quan_ban_hanh: 'TRƯỜNG THPT ĐỐC BINH KIỀU',
      viet_tat: 'THPTĐBK',
      dia_danh: 'Đốc Binh Kiều',
      ngay: '2026-08',
      trich_yeu: 'Tổ chức sinh hoạt công dân đầu năm học 2026 - 2027',
      mo_dau: ['Trường THPT Đốc Binh Kiều ban hành Kế hoạch tổ chức sinh hoạt công dân đầu năm học 2026 - 2027, cụ thể như sau:'],
      nguoi_ky: { quyen_han: 'KT', thu_truong: 'HIỆU TRƯỞNG', chuc_vu: 'PHÓ HIỆU TRƯỞNG', ho_ten: 'Nguyễn Minh Trí' },
    });
    expect(parse(r.yaml).can_cu[0].van_ban).toHaveLength(2);
    // the name in sentences, as the opening writes it
    expect(parse(r.yaml).ten_co_quan).toBe('Trường THPT Đốc Binh Kiều');
    // the V/v line is said; the four tables of the body stay where they stand, each after the line that names it;
    // a group row keeps its table whole
    expect(r.yaml).toMatch(/# CẦN XEM: văn bản gốc có dòng "V\/v tổ chức/);
    const plan = checkText('x.yaml', r.yaml).plan!;
    expect(plan.phu_luc).toEqual([]);
    const tables: [string, number][] = [];
    const firstRows: unknown[] = [];
    // each table with the line above it (its khoản's title when it comes first)
    const walk = (bs: Block[], owner: string) =>
      bs.forEach((b, k) => {
        if ('bang' in b) tables.push([k ? (bs[k - 1] as { doan: string }).doan : owner, b.bang.hang.length]), firstRows.push(b.bang.hang[0]);
        else if ('khoan' in b) walk(b.noi_dung, b.khoan);
      });
    plan.noi_dung.forEach((s) => walk(s.noi_dung, s.muc));
    expect(tables).toEqual([
      ['NGÀY 1: THỨ HAI, NGÀY 24/8/2026', 8],
      ['NGÀY 2: THỨ BA, NGÀY 25/8/2026', 7],
      ['NGÀY 3: THỨ TƯ, NGÀY 26/8/2026', 7],
      ['Các hoạt động bổ sung', 3],
    ]);
    // (the raw Markdown writes it in bold: "| **Buổi sáng …** ||||")
    expect(firstRows[0]).toEqual({ o: [{ noi_dung: ['Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường dưới sân cờ'], gop_hang: 1, gop_cot: 4, cot: 0, dam: true }], hang_con: false });
  });

  it('the seeds are there to import', () => {
    expect(existsSync(SHARED), `../shared is missing: the seeds are read from ${SHARED}`).toBe(true);
    expect(cases.length).toBe(readdirSync(join(SHARED, 'seeds')).filter((f) => f.endsWith('.txt')).length);
  });
  it('the restored real plans keep their source text beside them', () => expect(sources.length).toBeGreaterThanOrEqual(7));
  it.each([...cases, ...sources])('%s: the share of the example\'s lines the imported text gives', async (_, example, seed) => {
    const r = await importDocument(basename(seed), seed.endsWith('.source.txt') ? documentText(seed) : readFileSync(seed), 'txt', 'x');
    const plan = parse(r.yaml);
    const restored = parse(readFileSync(example, 'utf8'));
    for (const k of HEADER) if (plan[k] === undefined && restored[k] !== undefined) plan[k] = restored[k];
    const { stringify } = await import('yaml');
    const want = paragraphs(await renderFile(example));
    const got = new Set(paragraphs(await renderFile(basename(seed), stringify(plan))));
    const share = want.filter((l) => got.has(l)).length / want.length;
    console.log(`${basename(seed)} → ${basename(example)}: ${(share * 100).toFixed(1)}% of ${want.length} lines; repairs: ${r.repairs.length}`);
    if (basename(example).startsWith('01-')) expect(r.repairs.join('\n')).toMatch(/chữ bị tách|tách/); // the repairs are listed
    expect(share).toBeGreaterThanOrEqual(FLOOR[basename(example)] ?? 0.95);
  });
});

describe('kehoach import (the command)', () => {
  it('writes beside the source, never over an existing file without --force, and reports what it found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-import-cli-'));
    const docx = join(dir, 'ke-hoach.docx');
    writeFileSync(docx, await renderFile(exampleFiles()[0]));
    const first = await run(['import', docx]);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/nhận ra: trích yếu/);
    const yaml = join(dir, 'ke-hoach.yaml');
    expect(readFileSync(yaml, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*plan\.schema\.json$/);
    writeFileSync(yaml, readFileSync(yaml, 'utf8') + '# sửa tay\n');
    const again = await run(['import', docx]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/tệp đã có .*--force/);
    expect(readFileSync(yaml, 'utf8')).toMatch(/# sửa tay\n$/);
    expect((await run(['import', docx, '--force'])).code).toBe(0);
    expect(readFileSync(yaml, 'utf8')).not.toMatch(/# sửa tay/);
  });

  it('a file is read as what it is, whatever its name: a .docx named .pdf or .doc, a Notepad "Unicode" (UTF-16) text; a .doc that is nothing readable is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-import-named-'));
    const docx = await renderFile(exampleFiles()[0]);
    writeFileSync(join(dir, 'la-docx.pdf'), docx);
    writeFileSync(join(dir, 'ten-doc.doc'), docx);
    writeFileSync(join(dir, 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('KẾ HOẠCH\n\nPhòng chống thiên tai năm 2025\n\nI. NỘI DUNG\n\n1. Kiểm tra các xã.\n', 'utf16le')]));
    writeFileSync(join(dir, 'rac.doc'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256)));
    const r = await run(['import', ...['la-docx.pdf', 'ten-doc.doc', 'unicode.txt', 'rac.doc'].map((f) => join(dir, f))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('  đã sửa: tệp mang đuôi .pdf nhưng là tệp Word (.docx): đọc theo nội dung.');
    expect(r.err).toContain('  đã sửa: tệp mang đuôi .doc nhưng là tệp Word (.docx): đọc theo nội dung.');
    for (const f of ['la-docx.yaml', 'ten-doc.yaml']) expect(parse(readFileSync(join(dir, f), 'utf8')).trich_yeu).toBe(parse(readFileSync(exampleFiles()[0], 'utf8')).trich_yeu);
    expect(r.err).toContain('  đã sửa: tệp mã UTF-16 (Unicode của Notepad): đọc và ghi lại thành UTF-8.');
    expect(parse(readFileSync(join(dir, 'unicode.yaml'), 'utf8')).trich_yeu).toBe('Phòng chống thiên tai năm 2025');
    expect(r.err).toContain(`${join(dir, 'rac.doc')}:1:1: lỗi: tệp .doc này không phải văn bản Word 97–2003, OpenDocument, RTF hay HTML; hãy mở tệp bằng phần mềm đã tạo ra nó và lưu thành .docx. [khong-doc-duoc]`);
    expect(existsSync(join(dir, 'rac.yaml'))).toBe(false);
  });

  it('a file that is not a .docx inside: that file\'s problem (exit 1) with a message, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-import-bad-'));
    const bad = join(dir, 'hong.docx');
    writeFileSync(bad, 'không phải zip');
    const r = await run(['import', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${bad}:1:1: lỗi: không mở được tệp .docx: tệp hỏng hoặc chưa tải về hết (không phải tệp zip hợp lệ). [khong-doc-duoc]\n`);
    expect(existsSync(join(dir, 'hong.yaml'))).toBe(false);
  });
});

const example = exampleFiles()[0];
/** The example rendered, with some parts replaced (undefined drops a part). */
async function altered(parts: Record<string, string | Uint8Array | undefined>): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = unzipSync(await renderFile(example));
  for (const [name, v] of Object.entries(parts)) {
    if (v === undefined) delete files[name];
    else files[name] = typeof v === 'string' ? strToU8(v) : v;
  }
  return zipSync(files);
}
const part = async (name: string) => strFromU8(unzipSync(await renderFile(example))[name]);

/** The example's document.xml with `insert` put before its first section heading ("I. …"). */
async function beforeFirstSection(insert: string): Promise<string> {
  const xml = await part('word/document.xml');
  const at = xml.indexOf('<w:p><w:pPr><w:pStyle w:val="Muc"/>');
  expect(at).toBeGreaterThan(0);
  return xml.slice(0, at) + insert + xml.slice(at);
}

describe('a damaged or heavy source: its own message, never an internal error, the words kept where they can be', () => {
  const cannotRead = async (docx: Uint8Array) => {
    const e = await importDocument('x.docx', docx, 'docx', 'x').then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(CannotRead);
    return (e as Error).message;
  };

  it('a document part that is not XML, or nested past any real document: the file cannot be read, and the clerk is told to re-save it', async () => {
    const xml = await part('word/document.xml');
    const broken = xml.replace('<w:t xml:space="preserve">KẾ HOẠCH', '<w:t xml:space=preserve>KẾ HOẠCH');
    expect(await cannotRead(await altered({ 'word/document.xml': broken }))).toMatch(/word\/document\.xml không phải XML hợp lệ; hãy mở tệp bằng Word hoặc LibreOffice, lưu lại/);
    const deep = xml.replace('<w:body>', '<w:body><w:p><w:r>' + '<w:r>'.repeat(3000));
    expect(await cannotRead(await altered({ 'word/document.xml': deep }))).toMatch(/không phải XML hợp lệ/);
  });

  it('a damaged style or numbering part costs the looks, not the words: imported, and the repair says what was skipped', async () => {
    const r = await importDocument('x.docx', await altered({ 'word/styles.xml': '<w:styles', 'word/numbering.xml': '<?xml version="1.0"?><w:numbering x="' }), 'docx', 'x');
    expect(r.repairs).toEqual(expect.arrayContaining([expect.stringMatching(/^phần word\/styles\.xml của tệp bị hỏng: bỏ qua/), expect.stringMatching(/^phần word\/numbering\.xml của tệp bị hỏng/)]));
    // without the styles the title is no longer told apart by its look, but its words are there
    expect(r.yaml).toContain(parse(readFileSync(example, 'utf8')).trich_yeu);
  });

  it('numbers out of any range in a table or a list (a span of a billion columns, a start of -1, a level of 99) are kept within Word\'s own limits', async () => {
    const t = (s: string) => p([run_(s)]);
    const files = unzipSync(
      await wordDocument([
        ...tabbedHeader(),
        p([run_('KẾ HOẠCH', { bold: true })], { center: true }),
        p([run_('Kiểm tra công tác năm 2025', { bold: true })], { center: true }),
        p([run_('NỘI DUNG', { bold: true })], { numbering: N(0) }),
        p([run_('Kiểm tra theo bảng.')], { numbering: N(1) }),
        new Table({ rows: [new TableRow({ children: [cell([t('Nội dung kiểm tra')], { columnSpan: 2 })] }), new TableRow({ children: [cell([t('Xã An Hòa')]), cell([t('Xã An Vinh')])] })] }),
        closingTable(),
      ]),
    );
    const xml = strFromU8(files['word/document.xml']).replace(/<w:gridSpan w:val="\d+"\/>/g, '<w:gridSpan w:val="999999999"/>').replace(/<w:ilvl w:val="\d+"\/>/g, '<w:ilvl w:val="99"/>');
    const numbering = strFromU8(files['word/numbering.xml']).replace(/<w:start w:val="\d+"\/>/g, '<w:start w:val="-1"/>');
    expect([xml, numbering].map((x) => /999999999|w:val="99"|w:val="-1"/.test(x))).toEqual([true, true]);
    const r = await importDocument('x.docx', zipSync({ ...files, 'word/document.xml': strToU8(xml), 'word/numbering.xml': strToU8(numbering) }), 'docx', 'x');
    for (const words of ['Kiểm tra theo bảng.', 'Nội dung kiểm tra', 'Xã An Hòa', 'Xã An Vinh']) expect(r.yaml).toContain(words);
  });

  it('a table without a row, and a bold run with a long stretch of spaces inside, import with every word', async () => {
    const xml = (await part('word/document.xml')).replace('<w:body>', `<w:body><w:tbl><w:tblPr/><w:tblGrid/></w:tbl><w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Đầu${' '.repeat(20000)}cuối </w:t></w:r></w:p>`);
    const r = await importDocument('x.docx', await altered({ 'word/document.xml': xml }), 'docx', 'x');
    expect(r.yaml).toMatch(/\*\*Đầu +cuối\*\*/);
  });

  it('control characters a PDF\'s font mapping or a paste leaves are dropped, and the repair names them: the plan validates as far as its text goes', async () => {
    const r = await importLines(['I. NỘI DUNG', '1. Kiểm tra\u0013 các xã\u0001.']);
    expect(r.repairs).toContain('bỏ ký tự điều khiển không in được (U+0001, U+0013) mà tệp nguồn mang theo.');
    expect(parse(r.yaml).noi_dung[0].noi_dung[0].khoan).toBe('Kiểm tra các xã.');
    expect(checkText('x.yaml', r.yaml).messages.filter((m) => m.rule === 'ky-tu-cam')).toEqual([]);
  });

  it('a part that would unpack to more than 64 MB (a zip bomb) is refused before it is unpacked', async () => {
    // the size a zip declares for document.xml set past the limit in its central directory, as a bomb declares it
    // (a real one, 64 MB of spaces packed, costs the test a second to make and says the same)
    const bomb = Buffer.from(await renderFile(example));
    let patched = 0;
    for (let at = bomb.indexOf('PK\x01\x02'); at >= 0; at = bomb.indexOf('PK\x01\x02', at + 4)) {
      const name = bomb.toString('utf8', at + 46, at + 46 + bomb.readUInt16LE(at + 28));
      if (name === 'word/document.xml') (bomb.writeUInt32LE(64 * 2 ** 20 + 1, at + 24), patched++);
    }
    expect(patched).toBe(1);
    expect(await cannotRead(bomb)).toMatch(/^tệp \.docx giải nén ra hơn 64 MB \(từ phần word\/document\.xml\)/);
  });

  it('parts each under the limit that unpack to more than 64 MB together (a bomb of many parts) are refused too', async () => {
    const bomb = Buffer.from(await renderFile(example));
    const parts = new Set(['word/document.xml', 'word/styles.xml', 'word/numbering.xml']);
    let patched = 0;
    for (let at = bomb.indexOf('PK\x01\x02'); at >= 0; at = bomb.indexOf('PK\x01\x02', at + 4)) {
      const name = bomb.toString('utf8', at + 46, at + 46 + bomb.readUInt16LE(at + 28));
      if (parts.has(name)) (bomb.writeUInt32LE(30 * 2 ** 20, at + 24), patched++);
    }
    expect(patched).toBe(3);
    expect(await cannotRead(bomb)).toMatch(/^tệp \.docx giải nén ra hơn 64 MB/);
  });

  it('a Word file or a PDF with a picture weighs far more than a plan in YAML: a 400 KB .docx imports; a 3 MB .txt is refused with its limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-import-heavy-'));
    const heavy = join(dir, 'co-logo.docx');
    // a stored (uncompressed) picture, as Word keeps a JPEG
    writeFileSync(heavy, await altered({ 'word/media/logo.jpeg': new Uint8Array(400_000).map((_, i) => (i * 7919) % 251) }));
    const ok = await run(['import', heavy]);
    expect(ok.code, ok.err).toBe(0);
    expect(parse(readFileSync(join(dir, 'co-logo.yaml'), 'utf8')).trich_yeu).toBe(parse(readFileSync(example, 'utf8')).trich_yeu);
    const big = join(dir, 'dai.txt');
    writeFileSync(big, 'KẾ HOẠCH\n'.repeat(350_000));
    const refused = await run(['import', big]);
    expect([refused.code, refused.err]).toEqual([1, `${big}:1:1: lỗi: tệp lớn hơn 2 MB, giới hạn cho một tệp .txt; hãy kiểm tra đúng tệp chưa. [khong-doc-duoc]\n`]);
    expect(existsSync(join(dir, 'dai.yaml'))).toBe(false);
  });
});

describe('text boxes (Word keeps a header, a stamp or a note in one)', () => {
  it('their words are read once (not again from the copy kept for older readers), before the paragraph they are anchored in', async () => {
    const box = (words: string) =>
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="500000"/><wp:wrapNone/><wp:docPr id="5" name="Text Box 5"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>${words}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape id="tb5" style="width:150pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>${words}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Đoạn có hộp chữ.</w:t></w:r></w:p>`;
    const r = await importDocument('x.docx', await altered({ 'word/document.xml': await beforeFirstSection(box('Chữ trong hộp')) }), 'docx', 'x');
    const lines = r.yaml.split('\n');
    expect(lines.filter((l) => l.includes('Chữ trong hộp'))).toHaveLength(1);
    expect(lines.findIndex((l) => l.includes('Chữ trong hộp'))).toBe(lines.findIndex((l) => l.includes('Đoạn có hộp chữ.')) - 1);
  });
});

describe('footnotes (kehoach prints none)', () => {
  it('each becomes a paragraph right after the one that refers to it, opening with its number, which stays where the reference was', async () => {
    const cited = '<w:p><w:r><w:t>Theo hướng dẫn của Bộ</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>';
    const footnotes =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Công văn số 12/BYT-KCB ngày 05/01/2024.</w:t></w:r></w:p></w:footnote></w:footnotes>';
    const r = await importDocument('x.docx', await altered({ 'word/document.xml': await beforeFirstSection(cited), 'word/footnotes.xml': footnotes }), 'docx', 'x');
    const lines = r.yaml.split('\n');
    const i = lines.findIndex((l) => l.includes('Theo hướng dẫn của Bộ¹.'));
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toContain('¹ Công văn số 12/BYT-KCB ngày 05/01/2024.');
    expect(r.repairs).toContain('đưa 1 chú thích cuối trang vào thành đoạn riêng ngay sau đoạn có dấu chú thích (số nhỏ ¹, ², …); kehoach không in chú thích cuối trang: hãy đưa vào câu hoặc xóa.');
  });
});

describe('content controls and custom XML (Word forms wrap blocks, table rows and cells in them)', () => {
  it('what they wrap is read as if they were not there', async () => {
    const xml = await part('word/document.xml');
    const sdt = (s: string) => `<w:sdt><w:sdtPr><w:alias w:val="Ô nhập"/></w:sdtPr><w:sdtContent>${s}</w:sdtContent></w:sdt>`;
    // the first row of the header table, the paragraph in its first cell, the title and the last body paragraph
    const row = /<w:tr>.*?<\/w:tr>/.exec(xml)![0];
    const cellPara = /<w:p><w:pPr><w:pStyle w:val="CoQuanChuQuan"\/>.*?<\/w:p>/.exec(row)![0];
    const title = /<w:p><w:pPr><w:pStyle w:val="TenLoai"\/>.*?<\/w:p>/.exec(xml)![0];
    const wrapped = xml
      .replace(row, sdt(row.replace(cellPara, sdt(cellPara))))
      .replace(title, `<w:customXml w:element="tieuDe">${sdt(title)}</w:customXml>`);
    expect(wrapped.match(/<w:sdtContent>/g)).toHaveLength(3);
    const plain = await importDocument('x.docx', await altered({}), 'docx', 'x');
    const forms = await importDocument('x.docx', await altered({ 'word/document.xml': wrapped }), 'docx', 'x');
    expect(forms.yaml).toBe(plain.yaml);
    expect(parse(plain.yaml).co_quan_chu_quan).toBeTruthy();
  });
});

describe('content a generator embeds as HTML or RTF (w:altChunk, as "export to Word" of web systems makes it)', () => {
  it('is read where it stands, through LibreOffice, and the report says so', async () => {
    const rels = (await part('word/_rels/document.xml.rels')).replace(
      '</Relationships>',
      '<Relationship Id="rIdHtml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk1.htm"/>' +
        '<Relationship Id="rIdRtf" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="/word/chunk2.rtf"/></Relationships>',
    );
    const html = '<html><head><meta charset="utf-8"></head><body><p>Đoạn nhúng bằng HTML.</p></body></html>';
    const rtf = '{\\rtf1\\ansi\\uc1 {\\pard \\u272?o\\u7841?n nh\\u250?ng b\\u7857?ng RTF.\\par}}';
    const docx = await altered({
      'word/document.xml': await beforeFirstSection('<w:altChunk r:id="rIdHtml"/><w:altChunk r:id="rIdRtf"/>'),
      'word/_rels/document.xml.rels': rels,
      'word/chunk1.htm': html,
      'word/chunk2.rtf': rtf,
    });
    const r = await importDocument('x.docx', docx, 'docx', 'x');
    const lines = r.yaml.split('\n');
    const i = lines.findIndex((l) => l.includes('Đoạn nhúng bằng HTML.'));
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toContain('Đoạn nhúng bằng RTF.');
    expect(r.repairs).toContain('đọc 2 phần nội dung nhúng dạng HTML/RTF (altChunk) qua LibreOffice.');
  });
});

describe("Word's list styles (numStyleLink)", () => {
  it('a list that takes its levels from a list style numbers its paragraphs as the style does', async () => {
    const docx = await wordDocument([
      ...tabbedHeader(),
      p([run_('KẾ HOẠCH', { bold: true })], { center: true }),
      p([run_('Phòng chống thiên tai năm 2025', { bold: true })], { center: true }),
      p([run_('MỤC ĐÍCH, YÊU CẦU', { bold: true })], { numbering: N(0) }),
      p([run_('Mục đích', { bold: true })], { numbering: N(1) }),
      p([run_('Chủ động phòng ngừa.')], { numbering: N(4) }),
      p([run_('TỔ CHỨC THỰC HIỆN', { bold: true })], { numbering: N(0) }),
      p([run_('Các xã triển khai thực hiện.')]),
      closingTable(),
    ]);
    const files: Record<string, Uint8Array> = unzipSync(docx);
    // every list's levels moved into a list style: the abstract list the paragraphs use only names the style
    const numbering = strFromU8(files['word/numbering.xml'])
      .replace(/<w:abstractNum w:abstractNumId="(\d+)"([^>]*)>/g, (m, id: string) => `${m}<w:styleLink w:val="Style${id}"/>`)
      .replace(/(<w:num w:numId="\d+"[^>]*>)<w:abstractNumId w:val="(\d+)"\/>/g, (_, num: string, id: string) => `${num}<w:abstractNumId w:val="9${id}"/>`)
      .replace(/<\/w:numbering>/, () => [...strFromU8(files['word/numbering.xml']).matchAll(/<w:abstractNum w:abstractNumId="(\d+)"/g)].map((m) => `<w:abstractNum w:abstractNumId="9${m[1]}"><w:numStyleLink w:val="Style${m[1]}"/></w:abstractNum>`).join('') + '</w:numbering>');
    expect(numbering).toMatch(/<w:numStyleLink w:val="Style\d+"\/>/);
    const linked = await importDocument('word.docx', zipSync({ ...files, 'word/numbering.xml': strToU8(numbering) }), 'docx', 'x');
    const plain = await importDocument('word.docx', docx, 'docx', 'x');
    expect(linked.yaml).toBe(plain.yaml);
    expect(parse(plain.yaml).noi_dung.map((s: { muc: string }) => s.muc)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'TỔ CHỨC THỰC HIỆN']);
  });
});

describe('text shown in capitals by its format (w:caps), as typed in lower case', () => {
  it('is read as a reader sees it: the title and the section headings in capitals', async () => {
    const caps = (text: string) => new TextRun({ text, bold: true, allCaps: true });
    const docx = await wordDocument([
      ...tabbedHeader(),
      p([caps('Kế hoạch')], { center: true }),
      p([run_('Phòng chống thiên tai năm 2025', { bold: true })], { center: true }),
      p([caps('mục đích, yêu cầu')], { numbering: N(0) }),
      p([run_('Chủ động phòng ngừa.')], { numbering: N(4) }),
      p([caps('tổ chức thực hiện')], { numbering: N(0) }),
      p([run_('Các xã triển khai thực hiện.')]),
      closingTable(),
    ]);
    expect(strFromU8(unzipSync(docx)['word/document.xml'])).toContain('<w:caps/>');
    const plan = parse((await importDocument('word.docx', docx, 'docx', 'x')).yaml);
    expect(plan.trich_yeu).toBe('Phòng chống thiên tai năm 2025');
    expect(plan.noi_dung.map((s: { muc: string }) => s.muc)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'TỔ CHỨC THỰC HIỆN']);
  });
});

describe('hidden text (w:vanish: a template\'s instructions)', () => {
  it('is left out, as Word neither shows nor prints it, and the report counts it', async () => {
    const docx = await wordDocument([
      ...tabbedHeader(),
      p([run_('KẾ HOẠCH', { bold: true })], { center: true }),
      p([run_('Phòng chống thiên tai năm 2025', { bold: true }), new TextRun({ text: ' (ghi tên kế hoạch vào đây)', vanish: true })], { center: true }),
      p([run_('I. NỘI DUNG', { bold: true })]),
      p([new TextRun({ text: 'Hướng dẫn: mỗi ý một đoạn.', vanish: true })]),
      p([run_('Các xã triển khai thực hiện.')]),
      closingTable(),
    ]);
    const r = await importDocument('word.docx', docx, 'docx', 'x');
    expect(parse(r.yaml).trich_yeu).toBe('Phòng chống thiên tai năm 2025');
    expect(r.yaml).not.toMatch(/ghi tên kế hoạch|Hướng dẫn/);
    expect(r.repairs).toContain('bỏ 2 đoạn chữ ẩn (Word không hiện, không in: thường là lời hướng dẫn của mẫu).');
  });
});

describe('no-break spaces (Word\'s Ctrl+Shift+Space, text pasted from the web) in a .docx', () => {
  it('are plain spaces before anything is recognised, as in a text file: the same plan, and the report counts them', async () => {
    const xml = (await part('word/document.xml')).replace(/(<w:t xml:space="preserve">[^<]*) /g, '$1\u00a0').replace(/Nơi nhận:/, 'Nơi\u00a0nhận:');
    expect(xml.match(/\u00a0/g)!.length).toBeGreaterThan(40);
    const plain = await importDocument('x.docx', await altered({}), 'docx', 'x');
    const nbsp = await importDocument('x.docx', await altered({ 'word/document.xml': xml }), 'docx', 'x');
    expect(nbsp.yaml).toBe(plain.yaml);
    expect(nbsp.repairs.join('\n')).toMatch(/^\d+ dấu cách đặc biệt \(không ngắt dòng\) thành dấu cách thường\.$/m);
  });
});

describe('a .docx typed in decomposed Unicode (Unikey\'s "Unicode tổ hợp": a letter, then its marks)', () => {
  it('is read in NFC, so that its title, headings and fields are recognised: the same plan as the composed one', async () => {
    const xml = await part('word/document.xml');
    const nfd = xml.replace(/<w:t xml:space="preserve">([^<]*)</g, (_, t: string) => `<w:t xml:space="preserve">${t.normalize('NFD')}<`);
    expect(nfd).not.toBe(xml);
    const composed = await importDocument('x.docx', await altered({}), 'docx', 'x');
    const decomposed = await importDocument('x.docx', await altered({ 'word/document.xml': nfd }), 'docx', 'x');
    expect(decomposed.yaml).toBe(composed.yaml);
  });
});

describe('a text whose Nơi nhận lines have no dash, its place and date above them', () => {
  it('reads them as recipients and Lưu, not as the signer, and the date as the plan\'s', async () => {
    const text = ['KẾ HOẠCH', 'Phòng, chống bạo lực học đường năm 2026', 'I. MỤC ĐÍCH', '- Bảo đảm an toàn trường học./.', 'Đốc Binh Kiều, ngày 28 tháng 4 năm 2026', 'Nơi nhận:', 'Sở GDĐT Đồng Tháp (báo cáo);', 'Ban Giám hiệu;', 'Lưu: VT.', 'HIỆU TRƯỞNG', 'Nguyễn Văn A'].join('\n\n');
    const r = await importDocument('truong.txt', Buffer.from(text), 'txt', 'x');
    const plan = parse(r.yaml);
    expect(plan.noi_nhan).toEqual(['Sở GDĐT Đồng Tháp (báo cáo)', 'Ban Giám hiệu']);
    expect(plan.luu).toBe('VT');
    expect(plan.nguoi_ky).toEqual({ chuc_vu: 'HIỆU TRƯỞNG', ho_ten: 'Nguyễn Văn A' });
    // the place and date typed above Nơi nhận are the plan's, not a body paragraph
    expect(plan.dia_danh).toBe('Đốc Binh Kiều');
    expect(plan.ngay).toBe('2026-04-28');
    expect(r.yaml).not.toMatch(/- Đốc Binh Kiều, ngày/);
  });
});

describe('text taken from a PDF or a Word-to-Markdown converter: the traces of the page read through', () => {
  // each line as pdftotext or a converter leaves it (test/fixtures/import/pdf-text.txt holds them with notes)
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'pdf-text.txt'), 'utf8');
  const imported = importDocument('pdf-text.txt', Buffer.from(text), 'txt', 'x');

  it('reads the header: columns joined by one space, a converter\'s "|" cells, the place and date over two lines', async () => {
    const r = await imported;
    const plan = parse(r.yaml);
    expect(plan.co_quan_ban_hanh).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HUẾ']);
    expect(plan.so).toBe(188);
    expect(plan.viet_tat).toBe('UBND');
    expect(plan.dia_danh).toBe('Huế');
    expect(plan.ngay).toBe('2026-04-02');
    expect(plan.trich_yeu).toBe('Phát triển du lịch cộng đồng năm 2026');
  });

  it('keeps a sentence whole across a line that opens with a number, and a ký hiệu broken after its hyphen', async () => {
    const plan = parse((await imported).yaml);
    const text = JSON.stringify(plan);
    expect(text).toContain('Tỷ lệ trẻ em dưới 15 tuổi đạt 22%');
    expect(text).toContain('ngày 26 tháng 7 năm 2022 của Ủy ban nhân dân thành phố');
    // the căn cứ after the first, its opener not said again, is in the same group
    expect(plan.can_cu[0].van_ban.map((v: { so_ky_hieu: string }) => v.so_ky_hieu)).toEqual(['275/KH-UBND', '157/KH-UBND']);
  });

  it('joins a heading in capitals a narrow page wrapped, and drops page numbers and drawn lines, saying so', async () => {
    const r = await imported;
    const plan = parse(r.yaml);
    expect(plan.noi_dung.map((s: { muc: string }) => s.muc)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'ĐỊNH HƯỚNG PHÁT TRIỂN DU LỊCH SINH THÁI, DU LỊCH CỘNG ĐỒNG THEO CÁC VÙNG']);
    expect(r.repairs).toContain('bỏ 2 số trang của bản PDF còn lại trong chữ (trang 2, 3).');
    expect(r.yaml).not.toMatch(/____|- "?[23]"?$/mu);
  });

  it('moves footnotes written after the signature to just after the sentence that refers to them, and reads the signer wrapped in its column', async () => {
    const r = await imported;
    const plan = parse(r.yaml);
    const lines = r.yaml.split('\n');
    const at = lines.findIndex((l) => l.includes('các chương trình, kế hoạch¹'));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + 4).join(' ')).toContain('¹ Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Huế.');
    expect(r.repairs).toContain('đưa 1 chú thích cuối trang vào thành đoạn riêng ngay sau đoạn có dấu chú thích (số nhỏ ¹, ², …); kehoach không in chú thích cuối trang: hãy đưa vào câu hoặc xóa.');
    expect(plan.nguoi_ky).toEqual({ thay_mat: 'ỦY BAN NHÂN DÂN', quyen_han: 'KT', thu_truong: 'CHỦ TỊCH', chuc_vu: 'PHÓ CHỦ TỊCH', ho_ten: 'Nguyễn Văn An' });
    expect(r.yaml).not.toContain('# CẦN XEM:');
    expect(checkText('x.yaml', r.yaml).plan, 'a valid plan').toBeDefined();
  });
});

describe('a plan written in Markdown, laid out with tables (as AI tools and converters write one)', () => {
  it('reads the header table and the closing table as the header and the closing block; a table of the content stays a table', async () => {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'markdown-bang.md'), 'utf8');
    const r = await importDocument('markdown-bang.md', Buffer.from(text), 'txt', 'x');
    const plan = parse(r.yaml);
    expect(plan).toMatchObject({ co_quan_ban_hanh: ['ỦY BAN NHÂN DÂN', 'XÃ TÂN PHÚ'], so: 12, dia_danh: 'Tân Phú', ngay: '2026-03-05', trich_yeu: 'Tổ chức Ngày hội đọc sách năm 2026' });
    expect(plan.can_cu[0].van_ban[0].so_ky_hieu).toBe('30/KH-UBND');
    expect(plan.noi_dung[1].noi_dung[0].bang.cot).toEqual(['STT', 'Nội dung', 'Thời gian']);
    expect(plan.noi_nhan).toEqual(['UBND huyện']);
    expect(plan.nguoi_ky).toEqual({ thay_mat: 'ỦY BAN NHÂN DÂN', chuc_vu: 'CHỦ TỊCH', ho_ten: 'Nguyễn Văn B' });
    expect(checkText('x.yaml', r.yaml).messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
  });
});

describe('a title a PDF set in spaced letters', () => {
  it('is joined again, word by word ("K Ế  H O Ạ C H" → "KẾ HOẠCH"), and said so; single letters apart by single spaces stay', async () => {
    const text = ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hà Nội, ngày 05 tháng 3 năm 2026', 'K Ế  H O Ạ C H', 'T r i ể n  k h a i  c ô n g  t á c  n ă m  2026', 'I. M Ụ C  Đ Í C H', '- Phương án a b c d được chọn./.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A'].join('\n');
    const r = await importDocument('gian.txt', Buffer.from(text), 'txt', 'x');
    const plan = parse(r.yaml);
    expect(plan.trich_yeu).toBe('Triển khai công tác năm 2026');
    expect(plan.noi_dung[0].muc).toBe('MỤC ĐÍCH');
    expect(r.yaml).toContain('Phương án a b c d được chọn.');
    expect(r.repairs).toContain('ghép lại 3 dòng chữ in giãn cách (từng chữ cái cách nhau): "KẾ HOẠCH", "Triển khai công tác năm 2026", "I. MỤC ĐÍCH".');
  });
});

describe('a kind of plan its name says ("KẾ HOẠCH HÀNH ĐỘNG", "KẾ HOẠCH QUỐC GIA")', () => {
  it('is the plan\'s ten_loai, and the line after it the trích yếu', async () => {
    for (const [line, kind] of [['KẾ HOẠCH HÀNH ĐỘNG', 'Kế hoạch hành động'], ['KẾ HOẠCH QUỐC GIA', 'Kế hoạch quốc gia']]) {
      const text = ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hà Nội, ngày 05 tháng 3 năm 2026', line, 'Thực hiện Nghị quyết số 20-NQ/TW về y tế', 'I. MỤC ĐÍCH', '- Bảo đảm an toàn./.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A'].join('\n');
      const plan = parse((await importDocument('hd.txt', Buffer.from(text), 'txt', 'x')).yaml);
      expect(plan.ten_loai).toBe(kind);
      expect(plan.trich_yeu).toBe('Thực hiện Nghị quyết số 20-NQ/TW về y tế');
    }
  });
});

describe('a decision and the plan it issues in one text, the plan\'s page with its own header (Mẫu 1.3)', () => {
  it('reads the decision, its signer, and the plan\'s own header as the plan\'s page, not as the signer\'s lines', async () => {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'quyet-dinh-ke-hoach.txt'), 'utf8');
    const r = await importDocument('qd.txt', Buffer.from(text), 'txt', 'x');
    const plan = parse(r.yaml);
    expect(plan.quyet_dinh.trich_yeu).toBe('Ban hành Kế hoạch phòng, chống thiên tai năm 2025');
    expect(plan.quyet_dinh.tham_quyen).toBe('Chủ tịch Ủy ban nhân dân tỉnh');
    expect(plan.quyet_dinh.dieu).toHaveLength(3);
    // the plan's page repeats the names and the Quốc hiệu: dau_trang_ke_hoach stays as its default (true)
    expect(plan.quyet_dinh.dau_trang_ke_hoach).toBeUndefined();
    expect(plan.nguoi_ky).toEqual({ quyen_han: 'KT', thu_truong: 'CHỦ TỊCH', chuc_vu: 'PHÓ CHỦ TỊCH', ho_ten: 'Nguyễn Văn A' });
    expect(plan.trich_yeu).toBe('Phòng, chống thiên tai năm 2025');
    expect(r.yaml).not.toContain('# CẦN XEM:');
    expect(checkText('x.yaml', r.yaml).messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
  });
});

describe('a text saved from a legal portal, its fields listed above the document', () => {
  it('leaves the fields out and lists them; a "Số:" line of the document itself stays', async () => {
    const text = ['Cơ quan ban hành: Sở Y tế', 'Số hiệu: 12/KH-SYT', 'Người ký: Nguyễn Văn A', '', 'SỞ Y TẾ', 'Số: 12/KH-SYT        Hà Nội, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phòng chống dịch năm 2026', 'I. MỤC ĐÍCH', '- Bảo đảm an toàn./.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A'].join('\n');
    const r = await importDocument('web.txt', Buffer.from(text), 'txt', 'x');
    const plan = parse(r.yaml);
    expect(plan.co_quan_chu_quan).toBeUndefined();
    expect(plan.co_quan_ban_hanh).toBe('SỞ Y TẾ');
    expect(plan.so).toBe(12);
    expect(r.repairs).toContain('bỏ 3 dòng thông tin của trang web đăng văn bản, đứng trước văn bản: "Cơ quan ban hành: Sở Y tế", "Số hiệu: 12/KH-SYT", "Người ký: Nguyễn Văn A".');
  });
});

describe('footnotes after the signature, then an appendix', () => {
  it('the notes end where the appendix begins: the appendix stays an appendix', async () => {
    const text = ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hà Nội, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phòng chống dịch năm 2026', 'I. MỤC ĐÍCH', '- Thực hiện các văn bản[1] của Bộ./.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A', '[1] Công văn số 12/BYT-DP ngày 05/01/2026.', 'Phụ lục', 'DANH SÁCH ĐƠN VỊ', 'STT\tĐơn vị\tGhi chú', '1\tTrạm Y tế A\tTháng 4'].join('\n');
    const r = await importDocument('pl.txt', Buffer.from(text), 'txt', 'x');
    const plan = parse(r.yaml);
    expect(r.yaml).toContain('¹ Công văn số 12/BYT-DP ngày 05/01/2026.');
    expect(plan.phu_luc).toHaveLength(1);
    expect(JSON.stringify(plan.phu_luc)).not.toContain('Công văn số 12');
    expect(JSON.stringify(plan.phu_luc)).toContain('Trạm Y tế A');
  });
});

describe('a numbered heading in capitals a narrow page wrapped, in bold over its two lines', () => {
  it('is one heading: "**II. NỘI DUNG" / "THỰC HIỆN**" → "NỘI DUNG THỰC HIỆN", and "TỔ CHỨC THỰC HIỆN" is the plan\'s part', async () => {
    const text = ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hà Nội, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phòng chống dịch năm 2026', '', '**I. MỤC ĐÍCH', 'YÊU CẦU**', '', 'Bảo đảm an toàn.', '', '**II. NỘI DUNG', 'THỰC HIỆN**', '', '1. Tuyên truyền.', '', '**III. TỔ CHỨC', 'THỰC HIỆN**', '', 'Các phòng thực hiện./.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A'].join('\n');
    const plan = parse((await importDocument('bold.txt', Buffer.from(text), 'txt', 'x')).yaml);
    expect(plan.noi_dung.map((s: { muc: string }) => s.muc)).toEqual(['MỤC ĐÍCH YÊU CẦU', 'NỘI DUNG THỰC HIỆN', 'TỔ CHỨC THỰC HIỆN']);
    expect(plan.noi_dung[2].phan).toBe('to_chuc_thuc_hien');
  });
});

describe('a text whose bases and the sentence after them share a paragraph', () => {
  const text = (join: string) => ['SỞ Y TẾ HẬU GIANG', 'TRUNG TÂM Y TẾ HUYỆN CHÂU THÀNH A', 'Số: 12/KH-TTYT', 'Châu Thành A, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Tuyên truyền cải cách hành chính năm 2026', '', `Căn cứ Kế hoạch số 181/KH-SYT ngày 20 tháng 02 năm 2026 của Sở Y tế Hậu Giang về tuyên truyền cải cách hành chính năm 2026${join}Trung tâm Y tế huyện Châu Thành A xây dựng Kế hoạch như sau:`, '', 'I. MỤC ĐÍCH, YÊU CẦU', 'Nâng cao nhận thức.', 'II. TỔ CHỨC THỰC HIỆN', 'Các khoa, phòng thực hiện./.', 'Nơi nhận:', '- Sở Y tế;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A'].join('\n');
  const of = async (join: string) => parse((await importDocument('a.txt', Buffer.from(text(join)), 'txt', 'x')).yaml);
  it('after a comma, its sentence goes on: one paragraph (cau_tiep), as a .docx gives it', async () => {
    const p = await of(', ');
    expect(p.can_cu[0].cau_tiep).toBe('Trung tâm Y tế huyện Châu Thành A xây dựng Kế hoạch như sau:');
    expect(p.mo_dau).toBeUndefined();
  });
  // (text extraction may have run two paragraphs together: seed 000 "… năm 2019. Sở Y tế Hậu Giang ban hành …")
  it('after a full stop, a sentence of its own: the opening paragraph', async () => {
    const p = await of('. ');
    expect(p.can_cu[0].cau_tiep).toBeUndefined();
    expect(p.mo_dau).toEqual(['Trung tâm Y tế huyện Châu Thành A xây dựng Kế hoạch như sau:']);
  });
});

describe('a part under another of its usual titles ("III. KINH PHÍ", "NGUỒN KINH PHÍ", "VỐN ĐẦU TƯ" as Lào Cai KH 134 heads it)', () => {
  it("is that part (derive marks a budget part's sentences for the unit to rewrite), its title kept as written", async () => {
    const plan = (budget: string) => ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hà Nội, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phòng chống dịch năm 2026', '', 'I. MỤC ĐÍCH, YÊU CẦU', '', 'Bảo đảm an toàn.', '', `II. ${budget}`, '', 'Kinh phí thực hiện từ nguồn ngân sách nhà nước giao năm 2026.', '', 'III. TỔ CHỨC THỰC HIỆN KẾ HOẠCH', '', 'Các phòng thực hiện./.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A'].join('\n');
    for (const budget of ['KINH PHÍ', 'NGUỒN KINH PHÍ', 'VỐN ĐẦU TƯ']) {
      const p = parse((await importDocument('kinh-phi.txt', Buffer.from(plan(budget)), 'txt', 'x')).yaml);
      expect(p.noi_dung.map((s: { muc: string; phan?: string }) => [s.muc, s.phan])).toEqual([['MỤC ĐÍCH, YÊU CẦU', undefined], [budget, 'kinh_phi'], ['TỔ CHỨC THỰC HIỆN KẾ HOẠCH', 'to_chuc_thuc_hien']]);
    }
  });
});

describe('a plan issued by a decision, brought in without the decision', () => {
  it('keeps its reference line as a centred line in italics with a note, and still reads the căn cứ after it', async () => {
    const text = ['THỦ TƯỚNG CHÍNH PHỦ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '        Độc lập - Tự do - Hạnh phúc', 'KẾ HOẠCH', 'Thích ứng với biến đổi khí hậu giai đoạn 2021 - 2030', '(Kèm theo Quyết định số 1422/QĐ-TTg', 'ngày 19 tháng 11 năm 2024 của Thủ tướng Chính phủ)', 'Thực hiện Luật Bảo vệ môi trường số 72/2020/QH14 ngày 17 tháng 11 năm 2020 của Quốc hội, Thủ tướng Chính phủ ban hành Kế hoạch với những nội dung sau:', 'I. MỤC TIÊU', '- Giảm thiểu rủi ro./.'].join('\n');
    const r = await importDocument('kem.txt', Buffer.from(text), 'txt', 'x');
    const plan = parse(r.yaml);
    expect(plan.trich_yeu).toBe('Thích ứng với biến đổi khí hậu giai đoạn 2021 - 2030');
    expect(plan.can_cu[0].mo_dau).toBe('Thực hiện');
    expect(plan.mo_dau[0]).toEqual({ giua: '*(Kèm theo Quyết định số 1422/QĐ-TTg ngày 19 tháng 11 năm 2024 của Thủ tướng Chính phủ)*' });
    expect(r.yaml).toMatch(/# CẦN XEM: kế hoạch này ban hành kèm một quyết định mà tệp không có/u);
  });
});

describe('a plan an AI tool wrote in Markdown', () => {
  it('reads "#" headings, "* " lists, a bold group row, the header\'s bold and italic lines, and drops "[cite: …]" marks, saying so', async () => {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'ai-markdown.md'), 'utf8');
    const r = await importDocument('ai.md', Buffer.from(text), 'txt', 'x');
    const plan = parse(r.yaml);
    expect(plan).toMatchObject({ co_quan_ban_hanh: ['ỦY BAN NHÂN DÂN', 'XÃ TÂN PHÚ'], viet_tat: 'UBND', dia_danh: 'Tân Phú', ngay: '2026-03-05', trich_yeu: 'Tổ chức Ngày hội đọc sách năm 2026' });
    expect(plan.noi_dung.map((s: { muc: string }) => s.muc)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG', 'TỔ CHỨC THỰC HIỆN']);
    // the line under a heading is a paragraph of its own, and the "* " items are gạch
    expect(plan.noi_dung[0].noi_dung[0].noi_dung).toEqual(['03 ngày đầu tháng 4 hằng năm dành cho hoạt động đọc sách.', { gach: 'Khuyến khích người dân đọc sách.' }, { gach: 'Xây dựng văn hóa đọc trong cộng đồng.' }]);
    expect(plan.noi_dung[1].noi_dung[0].bang.hang[0]).toEqual({ nhom: 'Buổi sáng' });
    expect(plan.nguoi_ky).toEqual({ thay_mat: 'ỦY BAN NHÂN DÂN', chuc_vu: 'CHỦ TỊCH', ho_ten: 'Nguyễn Văn B' });
    expect(r.repairs).toContain('bỏ 2 dấu trích nguồn của công cụ AI ("[cite: …]").');
    expect(r.yaml).toMatch(/# CẦN XEM: kế hoạch không có dòng "Kính gửi".*\n\s+- "\*\*Kính gửi: Ủy ban nhân dân huyện\*\*"/u);
    expect(r.yaml).not.toMatch(/#{2,}|\[cite/u);
    expect(checkText('x.yaml', r.yaml).messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
  });
});

describe('a template with a department named over nothing yet', () => {
  it('keeps the name as a heading to fill (khoan), not a don_vi that must have tasks', async () => {
    const text = ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hà Nội, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phòng chống dịch năm 2026', 'I. MỤC ĐÍCH', '- Bảo đảm an toàn.', 'II. TỔ CHỨC THỰC HIỆN', '**1. Phòng Nghiệp vụ Y:**', '**2. Phòng Tổ chức cán bộ:**', '- Theo dõi, đôn đốc./.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A'].join('\n');
    const r = await importDocument('mau.txt', Buffer.from(text), 'txt', 'x');
    const tasks = parse(r.yaml).noi_dung[1].noi_dung;
    expect(tasks[0]).toEqual({ khoan: 'Phòng Nghiệp vụ Y:' });
    expect(tasks[1].don_vi).toBe('Phòng Tổ chức cán bộ:');
    expect(checkText('x.yaml', r.yaml).messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
  });
});

describe('a template\'s signature: the signer\'s lines alone, no Nơi nhận, no name yet', () => {
  it('is the signer (its titles), not a table in the last section', async () => {
    const text = ['ỦY BAN MTTQ VIỆT NAM', 'PHƯỜNG CHÁNH HIỆP', 'Số:    /KH-MTTQ        Chánh Hiệp, ngày   tháng   năm 2026', 'KẾ HOẠCH', 'Về việc tổ chức ngày hội', 'I. MỤC ĐÍCH', '1. Mục đích:', 'II. TỔ CHỨC THỰC HIỆN', '1. Các tổ chức thành viên:', '', 'TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH'].join('\n');
    const r = await importDocument('mau.txt', Buffer.from(text), 'txt', 'x');
    const plan = parse(r.yaml);
    expect(plan.nguoi_ky).toEqual({ thay_mat: 'BAN THƯỜNG TRỰC', chuc_vu: 'CHỦ TỊCH' });
    expect(r.yaml).not.toContain('bang:');
    // a name written in capitals is still the name
    const named = parse((await importDocument('mau.txt', Buffer.from(`${text}\nNGUYỄN VĂN AN`), 'txt', 'x')).yaml);
    expect(named.nguoi_ky).toEqual({ thay_mat: 'BAN THƯỜNG TRỰC', chuc_vu: 'CHỦ TỊCH', ho_ten: 'NGUYỄN VĂN AN' });
  });
});

describe('a number an emoji keyboard wrote ("1️." with its variation selector)', () => {
  it('is a number: the item is a khoản', async () => {
    const text = ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hà Nội, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phát triển du lịch', 'I. ĐỊNH HƯỚNG', '1\uFE0F. Vùng Di sản – Sông Hương', '- Phát triển du lịch văn hóa.', '2\uFE0F. Vùng Biển – Đầm phá Tam Giang', '- Phát triển du lịch biển./.', 'Nơi nhận:', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A'].join('\n');
    const plan = parse((await importDocument('emoji.txt', Buffer.from(text), 'txt', 'x')).yaml);
    expect(plan.noi_dung[0].noi_dung.map((b: { khoan?: string }) => b.khoan)).toEqual(['Vùng Di sản – Sông Hương', 'Vùng Biển – Đầm phá Tam Giang']);
  });
});

describe('a short numbered heading over a line in capitals of its own', () => {
  it('stays itself: "II. TỔ CHỨC THỰC HIỆN" over "UBND CÁC XÃ" is the plan\'s part, the line under it apart', async () => {
    const text = ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hà Nội, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phòng chống dịch năm 2026', 'I. MỤC ĐÍCH', '- Bảo đảm an toàn.', 'II. TỔ CHỨC THỰC HIỆN', 'UBND CÁC XÃ', '- Triển khai tại địa phương./.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A'].join('\n');
    const plan = parse((await importDocument('t.txt', Buffer.from(text), 'txt', 'x')).yaml);
    expect(plan.noi_dung[1]).toMatchObject({ muc: 'TỔ CHỨC THỰC HIỆN', phan: 'to_chuc_thuc_hien' });
    expect(JSON.stringify(plan.noi_dung[1].noi_dung)).toContain('UBND CÁC XÃ');
  });
});

describe('a Word file a converter wrote as text, a table row a line, its cells apart by " | " (draft KH of UBND tỉnh Lào Cai, 2026)', () => {
  // test/fixtures/import/word-table-text.txt: lines of the draft in Trangsct/skill-sct (van-ban-goc/KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.txt)
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'word-table-text.txt'), 'utf8');
  const imported = importDocument('word-table-text.txt', Buffer.from(text), 'txt', 'x');

  it('reads the header row by row, and the closing row as Nơi nhận beside the signer: a valid plan', async () => {
    const r = await imported;
    const plan = parse(r.yaml);
    expect(plan.co_quan_ban_hanh).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI']);
    expect(plan.dia_danh).toBe('Lào Cai');
    expect(plan.luu).toBe('VT, KT');
    // "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" is two lines of authority; "PHÓ CHỦ TỊCH Nguyễn Thành Sinh" a title over a name
    expect(plan.nguoi_ky).toEqual({ thay_mat: 'ỦY BAN NHÂN DÂN', quyen_han: 'KT', thu_truong: 'CHỦ TỊCH', chuc_vu: 'PHÓ CHỦ TỊCH', ho_ten: 'Nguyễn Thành Sinh' });
    expect(checkText('x.yaml', r.yaml).plan, 'a valid plan').toBeDefined();
  });

  it('reads the appendix as its columns, the row of column numbers with STT left blank as so_cot: tru_stt', async () => {
    const plan = parse((await imported).yaml);
    expect(plan.phu_luc[0]).toMatchObject({ so_thu_tu: '1', so_cot: 'tru_stt', cot: ['TT', 'Tên nhiệm vụ', 'Sở, ngành chủ trì tham mưu', 'Thời gian thực hiện'] });
    expect(plan.phu_luc[0].hang).toEqual([{ o: ['Tổ chức quán triệt', 'Các Sở, ban, ngành', 'Quý II/2026'] }, { o: ['Rà soát quy hoạch', 'Sở Nông nghiệp và Môi trường', 'Tháng 5/2026'] }]);
  });

  it('takes every body Tổ chức thực hiện names as a unit, and the issuer\'s last request as the closing', async () => {
    const plan = parse((await imported).yaml);
    expect(plan.noi_dung[1].noi_dung.map((k: { don_vi?: string }) => k.don_vi)).toEqual(['Sở Công Thương', 'Thanh tra tỉnh', 'Bộ Chỉ huy Quân sự tỉnh']);
    expect(plan.ket_thuc).toEqual(['Ủy ban nhân dân tỉnh Lào Cai yêu cầu các Sở nghiêm túc triển khai thực hiện Kế hoạch này.']);
  });
});

describe('an appendix\'s reference line the page wrapped (a PDF of a plan whose issuer has a long name)', () => {
  it('is read whole, up to its closing bracket: the issuer\'s name from it, no stray line "Hậu Giang)" in the appendix', async () => {
    const text = ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hậu Giang, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phòng chống dịch năm 2026', 'I. MỤC ĐÍCH', '- Bảo đảm an toàn.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A', 'Phụ lục', 'DANH MỤC NHIỆM VỤ', '(Kèm theo Kế hoạch số 12/KH-SYT ngày 05 tháng 3 năm 2026 của Sở Y tế tỉnh', 'Hậu Giang)', 'STT\tNhiệm vụ\tThời gian', '1\tTập huấn\tQuý I'].join('\n\n');
    const plan = parse((await importDocument('t.txt', Buffer.from(text), 'txt', 'x')).yaml);
    expect(plan.ten_co_quan).toBe('Sở Y tế tỉnh Hậu Giang');
    expect(plan.phu_luc[0].noi_dung).toBeUndefined();
    expect(plan.phu_luc[0].hang).toEqual([{ o: ['Tập huấn', 'Quý I'] }]);
  });
});

describe('bars inside sentences (review of the converter-table reading)', () => {
  it('a sentence or a list item with " | " in it stays text; only a run of two or more such lines is a table', async () => {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'thanh-doc-trong-cau.txt'), 'utf8');
    const r = await importDocument('t.txt', Buffer.from(text), 'txt', 'x');
    expect(r.yaml).not.toContain('bang:');
    const plan = parse(r.yaml);
    expect(JSON.stringify(plan.noi_dung)).toContain('Cổng thông tin điện tử | Zalo OA | Facebook của xã.');
    expect(JSON.stringify(plan.noi_dung)).toContain('Thời gian: tháng 4 | Địa điểm: Nhà văn hóa xã.');
    // a table without outer bars, under its rule "---|---|---", is one table
    const bare = ['KẾ HOẠCH', 'Ngày hội đọc sách', 'I. NỘI DUNG', 'STT | Nội dung | Thời gian', '---|---|---', '1 | Trưng bày sách | Tháng 4', '2 | Thi kể chuyện | Tháng 5'].join('\n');
    const t = parse((await importDocument('b.txt', Buffer.from(bare), 'txt', 'x')).yaml);
    expect(t.noi_dung[0].noi_dung[0].bang).toMatchObject({ cot: ['STT', 'Nội dung', 'Thời gian'], hang: [{ o: ['Trưng bày sách', 'Tháng 4'] }, { o: ['Thi kể chuyện', 'Tháng 5'] }] });
  });

  it('an appendix reference line left unclosed keeps the paragraphs after it (a .docx)', async () => {
    const yaml = readFileSync(exampleFiles().find((f) => f.includes('05-phu-cat'))!, 'utf8').replace(/^phu_luc:\n  - tieu_de: (.*)$/m, (m) => `${m}\n    tham_chieu: "(Kèm theo Kế hoạch của Trung tâm Y tế Phù Cát"\n    noi_dung: [Đoạn thứ nhất của phụ lục., Đoạn thứ hai của phụ lục.]`);
    expect(yaml).toContain('tham_chieu: "(Kèm theo Kế hoạch của Trung tâm Y tế Phù Cát"');
    const plan = parse((await importDocument('p.docx', await renderFile('p.yaml', yaml), 'docx', 'x')).yaml);
    expect(JSON.stringify(plan.phu_luc[0].noi_dung)).toContain('Đoạn thứ nhất của phụ lục.');
  });

  it('the issuer\'s last request ends the text; a unit\'s paragraph asking its members stays the unit\'s', async () => {
    const text = ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hậu Giang, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phòng chống dịch năm 2026', 'I. TỔ CHỨC THỰC HIỆN', '1. Hội Nông dân tỉnh', '- Tuyên truyền.', 'Hội Nông dân tỉnh yêu cầu hội viên triển khai thực hiện Kế hoạch này.', '2. Sở Tài chính', '- Bố trí kinh phí.', 'Đề nghị các đơn vị nghiêm túc triển khai thực hiện Kế hoạch này./.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn A'].join('\n');
    const plan = parse((await importDocument('t.txt', Buffer.from(text), 'txt', 'x')).yaml);
    expect(JSON.stringify(plan.noi_dung[0].noi_dung[0])).toContain('Hội Nông dân tỉnh yêu cầu hội viên');
    expect(plan.ket_thuc).toEqual(['Đề nghị các đơn vị nghiêm túc triển khai thực hiện Kế hoạch này.']);
  });

  it('a signer\'s name with an initial ("Nguyễn Q. Bình") is one name', async () => {
    const text = ['SỞ Y TẾ', 'Số: 12/KH-SYT        Hậu Giang, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phòng chống dịch năm 2026', 'I. MỤC ĐÍCH', '- Bảo đảm an toàn./.', 'Nơi nhận:', '- Các phòng;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Q. Bình'].join('\n');
    expect(parse((await importDocument('t.txt', Buffer.from(text), 'txt', 'x')).yaml).nguoi_ky).toEqual({ chuc_vu: 'GIÁM ĐỐC', ho_ten: 'Nguyễn Q. Bình' });
  });
});

describe('an appendix that opens with its title alone, no "Phụ lục" line (Huế KH 188/KH-UBND, 2026: "DANH MỤC …" then "(Kèm theo …)")', () => {
  it('is an appendix: the signer keeps its name, the title and the reference line are not signer lines', async () => {
    const text = ['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'THÀNH PHỐ HUẾ Độc lập - Tự do - Hạnh phúc', 'Số: 188 /KH-UBND Huế, ngày 02 tháng 4 năm 2026', 'KẾ HOẠCH', 'Phát triển du lịch cộng đồng', 'I. MỤC ĐÍCH', '- Bảo đảm hiệu quả./.', 'Nơi nhận: TM. ỦY BAN NHÂN DÂN', '- TT. Thành ủy;', 'KT. CHỦ TỊCH', '- Lưu: VT, DL.', 'PHÓ CHỦ TỊCH', 'Trần Hữu Thùy Giang', '', 'DANH MỤC NỘI DUNG PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG', 'THÀNH PHỐ HUẾ GIAI ĐOẠN 2026 – 2027', '(Kèm theo Kế hoạch số: 188 /KH-UBND ngày 02 tháng 4 năm 2026 của UBND thành phố Huế)', 'STT\tNội dung\tThời gian', '1\tChỉnh trang cảnh quan\tNăm 2026'].join('\n');
    const plan = parse((await importDocument('t.txt', Buffer.from(text), 'txt', 'x')).yaml);
    expect(plan.nguoi_ky).toMatchObject({ thay_mat: 'ỦY BAN NHÂN DÂN', quyen_han: 'KT', thu_truong: 'CHỦ TỊCH', chuc_vu: 'PHÓ CHỦ TỊCH', ho_ten: 'Trần Hữu Thùy Giang' });
    expect(plan.phu_luc[0].tieu_de).toContain('DANH MỤC NỘI DUNG PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG');
    expect(plan.phu_luc[0].hang).toEqual([{ o: ['Chỉnh trang cảnh quan', 'Năm 2026'] }]);
  });
});

describe('an en dash inside a sentence that a PDF put at the head of a line (Huế KH 188/KH-UBND, 2026: "đồng bằng – miền núi" / "– biển, đầm phá")', () => {
  it('goes on the sentence where the text marks its items with "-": no item "biển, đầm phá …" cut from its sentence', async () => {
    const text = ['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'THÀNH PHỐ HUẾ Độc lập - Tự do - Hạnh phúc', 'Số: 188 /KH-UBND Huế, ngày 02 tháng 4 năm 2026', 'KẾ HOẠCH', 'Phát triển du lịch cộng đồng', 'I. MỤC TIÊU', '1. Mục tiêu chung', 'Phát triển du lịch theo không gian đồng bằng – miền núi', '– biển, đầm phá, góp phần nâng cao chất lượng sản phẩm du lịch.', '2. Mục tiêu cụ thể', '- Hình thành 04 cụm du lịch;', '- Đào tạo 50% hộ dân;', '- Xây dựng bản đồ số gồm: (1) Vùng Di sản; (4) Vùng Nông nghiệp – Làng quê', '– Trải nghiệm OCOP; nhằm phục vụ công tác quản lý.', '- Kết nối tour tuyến./.', 'Nơi nhận:', '- Lưu: VT.', 'CHỦ TỊCH', 'Nguyễn Văn A'].join('\n');
    const plan = parse((await importDocument('t.txt', Buffer.from(text), 'txt', 'x')).yaml);
    const said = JSON.stringify(plan.noi_dung);
    expect(said).toContain('đồng bằng – miền núi – biển, đầm phá, góp phần');
    expect(said).toContain('Vùng Nông nghiệp – Làng quê – Trải nghiệm OCOP; nhằm phục vụ');
    expect(said).not.toContain('"gach":"biển');
    expect(said).not.toContain('"gach":"Trải nghiệm');
  });
});

describe('a line that ends with the ellipsis character "…" ends its sentence as "..." does (Huế KH 188/KH-UBND, 2026)', () => {
  it('the label on the next line ("Định hướng phát triển:") is a paragraph of its own', async () => {
    const text = ['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'THÀNH PHỐ HUẾ Độc lập - Tự do - Hạnh phúc', 'Số: 188 /KH-UBND Huế, ngày 02 tháng 4 năm 2026', 'KẾ HOẠCH', 'Phát triển du lịch cộng đồng', 'I. ĐỊNH HƯỚNG', '1. Vùng Di sản', 'Phạm vi và tiềm năng:', 'Các phường ven sông Hương: Kim Long, Thủy Xuân, Dương Nổ,', 'Thanh Thủy…', 'Định hướng phát triển:', '- Phát huy hệ thống nhà vườn./.', 'Nơi nhận:', '- Lưu: VT.', 'CHỦ TỊCH', 'Nguyễn Văn A'].join('\n');
    const plan = parse((await importDocument('t.txt', Buffer.from(text), 'txt', 'x')).yaml);
    expect(plan.noi_dung[0].noi_dung[0].noi_dung).toEqual(['Phạm vi và tiềm năng:', 'Các phường ven sông Hương: Kim Long, Thủy Xuân, Dương Nổ, Thanh Thủy…', 'Định hướng phát triển:', { gach: 'Phát huy hệ thống nhà vườn.' }]);
  });
});

describe('a signer\'s line a PDF put at the end of a recipient\'s line (Huế KH 275/KH-UBND, 2025: "- TT. Thành ủy; TT. HĐND thành phố; KT. CHỦ TỊCH")', () => {
  it('goes to the signer: KT. CHỦ TỊCH is kept, the recipient ends where it did', async () => {
    const text = ['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'THÀNH PHỐ HUẾ Độc lập - Tự do - Hạnh phúc', 'Số: 275 /KH-UBND Huế, ngày 25 tháng 6 năm 2025', 'KẾ HOẠCH', 'Phát triển du lịch', 'I. MỤC TIÊU', '- Phát triển du lịch./.', 'Nơi nhận: TM. ỦY BAN NHÂN DÂN', '- TT. Thành ủy; TT. HĐND thành phố; KT. CHỦ TỊCH', '- CT, các PCT UBND thành phố;', 'PHÓ CHỦ TỊCH', '- Lưu: VT, DL.', 'Nguyễn Thanh Bình'].join('\n');
    const plan = parse((await importDocument('t.txt', Buffer.from(text), 'txt', 'x')).yaml);
    expect(plan.nguoi_ky).toEqual({ thay_mat: 'ỦY BAN NHÂN DÂN', quyen_han: 'KT', thu_truong: 'CHỦ TỊCH', chuc_vu: 'PHÓ CHỦ TỊCH', ho_ten: 'Nguyễn Thanh Bình' });
    expect(plan.noi_nhan[0]).toBe('TT. Thành ủy; TT. HĐND thành phố');
  });
});
