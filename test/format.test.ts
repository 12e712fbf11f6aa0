// The forms of issue 20: what the format lets a plan say and how the model and the .docx show it.
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/plan/validate.js';
import { buildModel, loadTemplates, renderPlan } from '../src/write/index.js';
import type { DocModel, Flow, Para } from '../src/model/model.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kehoach, unzip } from './helpers.js';
import { textWidthMm } from '../src/model/metrics.js';
import { planJsonSchema } from '../src/plan/json-schema.js';
import { FORMAT_CHANGES, FORMAT_VERSION } from '../src/plan/versions.js';

const templates = loadTemplates();

/** A small valid plan with the given `noi_dung` (YAML, indented as a top-level key's value). */
const plan = (noiDung: string, extra = '') => `
co_quan_ban_hanh: SỞ Y TẾ
viet_tat: SYT
dia_danh: Hậu Giang
ngay: 2026-01-15
trich_yeu: Tuyên truyền cải cách hành chính
noi_dung:
${noiDung}
noi_nhan: [Sở Nội vụ]
luu: VT
nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A }
${extra}`;

const errorsOf = (yaml: string) => checkText('x.yaml', yaml).messages.filter((m) => m.severity === 'lỗi');

function model(yaml: string): DocModel {
  const r = checkText('x.yaml', yaml);
  expect(r.messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
  return buildModel(r.plan!, templates);
}

/** A paragraph's text; a table in the body has none of its own. */
const text = (p: Flow) => (p.type === 'paragraph' ? p.runs.map((r) => r.text).join('') : '');
const find = (m: DocModel, start: string) => {
  const p = m.body.find((x): x is Para => x.type === 'paragraph' && text(x).startsWith(start));
  expect(p, start).toBeDefined();
  return p!;
};

describe('item 7: keep-with-next only for a heading alone on its line', () => {
  const yaml = plan(`  - muc: Thời gian
    cung_dong: Năm 2026.
  - muc: Nội dung
    noi_dung:
      - khoan: Thời gian thực hiện
        cung_dong: tháng 3.
      - khoan: Địa điểm
        noi_dung: [Tại Sở Y tế.]`);

  it('the model drops keep-with-next from headings with same-line text, keeps it for the others', () => {
    const m = model(yaml);
    expect(find(m, 'I. THỜI GIAN').keepNext).toBe(false);
    expect(find(m, '1. Thời gian thực hiện').keepNext).toBe(false);
    expect(find(m, 'II. NỘI DUNG').keepNext).toBeUndefined();
    expect(find(m, '2. Địa điểm').keepNext).toBeUndefined();
  });

  it('the .docx says so explicitly over the heading style', async () => {
    const r = checkText('x.yaml', yaml);
    const xml = unzip(Buffer.from(await renderPlan(r.plan!, { templates }))).get('word/document.xml')!;
    const paraOf = (s: string) => xml.split('<w:p>').find((p) => p.includes(s))!;
    expect(paraOf('Thời gian thực hiện')).toContain('<w:keepNext w:val="false"/>');
    expect(paraOf('I. THỜI GIAN')).toContain('<w:keepNext w:val="false"/>');
    expect(paraOf('Địa điểm')).not.toContain('w:keepNext');
  });
});

describe('item 1: a plan issued by a decision (spec §8a)', () => {
  const decision = (extra = '') => plan(
    `  - muc: Mục đích
    noi_dung: [Bảo vệ bí mật nhà nước.]`,
    `quyet_dinh:
  trich_yeu: Ban hành Kế hoạch bảo vệ bí mật nhà nước năm 2023
  tham_quyen: Chủ tịch Ủy ban nhân dân tỉnh
  can_cu:
    - { mo_dau: Căn cứ, tach_dong: true, van_ban: [Luật Bảo vệ bí mật nhà nước ngày 15 tháng 11 năm 2018] }
  de_nghi: Giám đốc Công an tỉnh
  dieu:
    - Ban hành kèm theo Quyết định này Kế hoạch bảo vệ bí mật nhà nước năm 2023.
    - Quyết định này có hiệu lực kể từ ngày ký.
${extra}`,
  ).replace('viet_tat: SYT', 'viet_tat: UBND\nso: 254\nky_hieu: QĐ-UBND');

  it('accepts ky_hieu QĐ-…, and refuses KH-… on a decision and QĐ-… on a plain plan', () => {
    expect(errorsOf(decision())).toEqual([]);
    expect(errorsOf(decision().replace('ky_hieu: QĐ-UBND', 'ky_hieu: KH-UBND')).map((m) => m.rule)).toEqual(['ky-hieu']);
    expect(errorsOf(plan('  - muc: A').replace('viet_tat: SYT', 'ky_hieu: QĐ-SYT')).map((m) => m.rule)).toEqual(['ky-hieu']);
  });

  it('the decision: its số, title, authority, căn cứ, "QUYẾT ĐỊNH:", bold numbered articles, the one closing', () => {
    const m = model(decision());
    const d = m.decision!;
    expect(d.header.number && text(d.header.number)).toBe('Số: 254/QĐ-UBND');
    const title = d.title.flatMap((n) => (n.type === 'paragraph' ? [text(n)] : []));
    expect(title).toEqual(['QUYẾT ĐỊNH', 'Ban hành Kế hoạch bảo vệ bí mật nhà nước năm 2023', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH']);
    expect(d.body.map(text)).toEqual([
      'Căn cứ Luật Bảo vệ bí mật nhà nước ngày 15 tháng 11 năm 2018;',
      'Theo đề nghị của Giám đốc Công an tỉnh.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch bảo vệ bí mật nhà nước năm 2023.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.',
    ]);
    expect(d.body[0].style).toBe('CanCu');
    expect(d.body[3].runs[0]).toEqual({ text: 'Điều 1. ', bold: true });
    expect(d.body[3].runs[1].bold).toBeUndefined();
    expect(d.closing.right.map(text).filter(Boolean)).toEqual(['GIÁM ĐỐC', 'Nguyễn Văn A']);
  });

  it('the plan: header without Số or date, the centred italic reference line, no closing of its own', () => {
    const m = model(decision());
    expect(m.header!.number).toBeNull();
    expect(m.header!.placeDate).toBeNull();
    expect(m.closing).toBeNull();
    const ref = m.title.find((n) => n.type === 'paragraph' && n.style === 'ThamChieu') as Para;
    expect(text(ref)).toBe('(Kèm theo Quyết định số 254/QĐ-UBND ngày 15 tháng 01 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh)');
    expect(m.body.map(text).at(-1)).toMatch(/\.\/\.$/);
  });

  it('numeric date in the reference line, and no header on the plan page, when asked', () => {
    const m = model(decision('  kieu_ngay: so\n  dau_trang_ke_hoach: false'));
    expect(m.header).toBeNull();
    const ref = m.title.find((n) => n.type === 'paragraph' && n.style === 'ThamChieu') as Para;
    expect(text(ref)).toContain('ngày 15/01/2026 của');
  });

  it('the .docx: the decision, then the plan in a section of its own (a new page), with one signature', async () => {
    const r = checkText('x.yaml', decision());
    const xml = unzip(Buffer.from(await renderPlan(r.plan!, { templates }))).get('word/document.xml')!;
    const [first, second] = xml.split('<w:sectPr');
    expect(first).toContain('Số: 254/QĐ-UBND');
    expect(first).toContain('Nguyễn Văn A');
    expect(second, "a section break after the decision").toBeDefined();
    const plan = xml.slice(xml.indexOf('</w:sectPr>'));
    expect(plan).toContain('(Kèm theo Quyết định số 254/QĐ-UBND');
    expect(plan).not.toContain('Số:');
    expect(plan).not.toContain('Nguyễn Văn A');
    expect(plan).not.toContain('Nơi nhận');
  });
});

describe('item 2: numbering the writer chooses', () => {
  const heads = (m: DocModel) => m.body.map(text);

  it('a level above the Roman numerals: A., B. with I., II. inside, restarting in each part', () => {
    const m = model(plan(`  - phan_lon: Mục đích, yêu cầu
    noi_dung:
      - khoan: Mục đích
  - phan_lon: Nội dung
    cac_muc:
      - muc: Tuyên truyền
        noi_dung: [{ khoan: Hội nghị }]
      - muc: Kiểm tra
  - phan_lon: Tổ chức thực hiện
    cac_muc:
      - muc: Phân công`));
    expect(heads(m)).toEqual([
      'A. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'B. NỘI DUNG',
      'I. TUYÊN TRUYỀN',
      '1. Hội nghị',
      'II. KIỂM TRA',
      'C. TỔ CHỨC THỰC HIỆN',
      'I. PHÂN CÔNG./.',
    ]);
    expect((m.body[0] as Para).style).toBe('Muc');
  });

  it('no Roman level: 1., 1.1., and the letter form a.', () => {
    const m = model(
      plan(`  - muc: Mục tiêu
    noi_dung: [{ gach: Đánh giá. }]
  - muc: Đối tượng, nội dung kiểm tra
    noi_dung:
      - khoan: Đối tượng kiểm tra
        cung_dong: các đơn vị.
      - khoan: Phương thức kiểm tra
        noi_dung: [{ diem: Thu thập tài liệu; }, { diem: Kiểm tra thực tế. }]`, 'danh_so: { muc: so, diem: a. }'),
    );
    expect(heads(m)).toEqual([
      '1. Mục tiêu',
      '- Đánh giá.',
      '2. Đối tượng, nội dung kiểm tra',
      '2.1. Đối tượng kiểm tra: các đơn vị.',
      '2.2. Phương thức kiểm tra',
      'a. Thu thập tài liệu;',
      'b. Kiểm tra thực tế./.',
    ]);
    expect((m.body[0] as Para).style).toBe('Khoan');
    expect((m.body[3] as Para).style).toBe('KhoanCon');
  });

  it('letter forms a), a. and a/ chosen per plan and per khoản', () => {
    const m = model(
      plan(`  - muc: Nội dung
    noi_dung:
      - khoan: Một
        noi_dung: [{ diem: x }, { diem: y }]
      - khoan: Hai
        kieu_diem: a)
        noi_dung: [{ diem: z }]`, 'danh_so: { diem: a/ }'),
    );
    expect(heads(m).filter((h) => /^[a-zđ]/.test(h))).toEqual(['a/ x', 'b/ y', 'a) z./.']);
  });

  it('an empty section is an error, and parts are not mixed with Roman sections', () => {
    expect(errorsOf(plan('  - {}')).map((m) => [m.rule, m.line])).toEqual([['muc-trong', 8]]);
    expect(errorsOf(plan('  - noi_dung: [Một câu.]')).map((m) => m.rule)).toEqual(['muc-trong']);
    expect(errorsOf(plan('  - { phan_lon: A }\n  - { muc: B }')).map((m) => m.rule)).toEqual(['phan-lon']);
    expect(errorsOf(plan('  - { muc: B, cac_muc: [{ muc: C }] }')).map((m) => m.rule)).toEqual(['phan-lon']);
  });
});

describe('item 5 (part): appendix table rows never split across pages', () => {
  it('every row of an appendix table is cantSplit', async () => {
    const yaml = plan('  - muc: A', `phu_luc:
  - tieu_de: Kế hoạch chi tiết
    cot: [Nội dung, Thời gian]
    hang:
      - o: [Hội nghị, Quý I]
      - o: [Kiểm tra, Quý II]`);
    const r = checkText('x.yaml', yaml);
    const xml = unzip(Buffer.from(await renderPlan(r.plan!, { templates }))).get('word/document.xml')!;
    const table = xml.slice(xml.lastIndexOf('<w:tbl>'));
    const rows = table.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/<w:cantSplit\/>/);
  });
});

describe('item 3 (part): free lines and signers', () => {
  it('a centred line in the body, without the first-line indent', () => {
    const m = model(plan(`  - muc: Nội dung
    noi_dung:
      - gach: Hoàn thiện hạ tầng.
      - giua: (chi tiết Phụ lục 01 đính kèm)`));
    const p = find(m, '(chi tiết Phụ lục 01');
    expect(p.style).toBe('Giua');
  });

  it('a signer with two title lines and no TM./KT., and lines under the name', () => {
    const m = model(
      plan('  - muc: A').replace(
        'nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A }',
        'nguoi_ky: { chuc_vu: [Trưởng ban, Phó Thủ tướng], ho_ten: Nguyễn Văn A, duoi_ten: [Phó Giám đốc, Sở Công Thương] }',
      ),
    );
    const right = m.closing!.right.map((p) => [p.style, text(p)]).filter(([, t]) => t);
    expect(right).toEqual([
      ['ChucVu', 'TRƯỞNG BAN'],
      ['ChucVu', 'PHÓ THỦ TƯỚNG'],
      ['HoTen', 'Nguyễn Văn A'],
      ['ChucVu', 'PHÓ GIÁM ĐỐC'],
      ['ChucVu', 'SỞ CÔNG THƯƠNG'],
    ]);
  });

  it('the trích yếu breaks where its writer breaks it (a list of lines); a string is left to the page', async () => {
    const yaml = plan('  - muc: A').replace(
      'trich_yeu: Tuyên truyền cải cách hành chính',
      'trich_yeu: [Tuyên truyền cải cách hành chính, "trên địa bàn tỉnh, giai đoạn 2026 - 2030"]',
    );
    const m = model(yaml);
    const subjectOf = (d: DocModel) => d.title.flatMap((p) => (p.type === 'paragraph' && p.style === 'TrichYeu' ? [text(p)] : []));
    const subject = subjectOf(m);
    expect(subject).toEqual(['Tuyên truyền cải cách hành chính', 'trên địa bàn tỉnh, giai đoạn 2026 - 2030']);
    // one sentence wherever the plan is named: the document's title, citations of it
    expect(m.properties.subject).toBe('Tuyên truyền cải cách hành chính trên địa bàn tỉnh, giai đoạn 2026 - 2030');
    const xml = unzip(Buffer.from(await renderPlan(checkText('x.yaml', yaml).plan!, { templates }))).get('word/document.xml')!;
    expect(xml.match(/w:val="TrichYeu"/g)?.length).toBe(2);
    expect(subjectOf(model(plan('  - muc: A')))).toEqual(['Tuyên truyền cải cách hành chính']);
    // at most four lines; each line a non-empty text
    expect(errorsOf(yaml.replace('"trên địa bàn tỉnh, giai đoạn 2026 - 2030"', '""')).length).toBeGreaterThan(0);
    expect(errorsOf(yaml.replace('[Tuyên', '[a, b, c, d, Tuyên')).length).toBeGreaterThan(0);
  });

  it('an agency name too long for its column: a warning with the line Word would break and the lines to write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-ten-dai-'));
    const f = join(dir, 'k.yaml');
    writeFileSync(f, plan('  - muc: A').replace('co_quan_ban_hanh: SỞ Y TẾ', 'co_quan_chu_quan: ỦY BAN NHÂN DÂN TỈNH SƠN LA\nco_quan_ban_hanh: SỞ Y TẾ'));
    const r = await kehoach(['validate', f]);
    expect(r.status, 'a warning, not an error').toBe(0);
    expect(r.stderr).toContain(`${f}:2:19: cảnh báo: tên cơ quan quá dài cho cột trái của phần đầu`);
    expect(r.stderr).toContain('Word sẽ ngắt dòng thành "ỦY BAN NHÂN DÂN TỈNH SƠN / LA"');
    expect(r.stderr).toContain('ví dụ co_quan_chu_quan: [ỦY BAN NHÂN DÂN, TỈNH SƠN LA]. [ten-co-quan-dai]');
    // written as the lines it suggests: no warning; a name with no break by meaning gets the form only
    writeFileSync(f, readFileSync(f, 'utf8').replace('co_quan_chu_quan: ỦY BAN NHÂN DÂN TỈNH SƠN LA', 'co_quan_chu_quan: [ỦY BAN NHÂN DÂN, TỈNH SƠN LA]'));
    expect((await kehoach(['validate', f])).stderr).not.toContain('cảnh báo');
    writeFileSync(f, readFileSync(f, 'utf8').replace('co_quan_ban_hanh: SỞ Y TẾ', 'co_quan_ban_hanh: [TRƯỜNG TRUNG HỌC PHỔ THÔNG NGUYỄN BỈNH KHIÊM]'));
    const school = await kehoach(['render', f, '-o', join(dir, 'k.docx')]);
    expect(school.status).toBe(0);
    expect(school.stderr).toMatch(/k\.yaml:3:20: cảnh báo: .*ngắt ở chỗ hợp nghĩa: co_quan_ban_hanh: \[dòng 1, dòng 2\]/);
    // check passes the plan and shows the warning under it
    const checked = await kehoach(['check', dir]);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toMatch(/^đạt {2}kế hoạch: .*k\.yaml\n {6}.*k\.yaml:3:20: cảnh báo: tên cơ quan quá dài/m);
  });

  it('a line break inside a text is an error, naming where; a final one (">", "|") is not', () => {
    const broken = plan('  - muc: A').replace('trich_yeu: Tuyên truyền cải cách hành chính', 'trich_yeu: "Tuyên truyền\\ncải cách"');
    expect(errorsOf(broken).map((m) => [m.rule, m.line])).toEqual([['xuong-dong', 6]]);
    const block = plan('  - muc: A\n    noi_dung:\n      - doan: |\n          Một đoạn\n          hai dòng.');
    expect(errorsOf(block).map((m) => m.rule)).toEqual(['xuong-dong']);
    expect(errorsOf(plan('  - muc: A\n    noi_dung:\n      - doan: >\n          Một đoạn\n          hai dòng.'))).toEqual([]);
  });
});

describe('item 5: tables as real appendices use them', () => {
  const appendix = (opts: string, rows: string) =>
    model(
      plan('  - muc: A', `phu_luc:
  - tieu_de: Kế hoạch chi tiết
    cot: [TT, Nội dung hoạt động, Thời gian]
${opts}
    hang:
${rows}`),
    ).appendices[0].table!;
  const cellsText = (t: ReturnType<typeof appendix>) => t.rows.map((r) => r.map((c) => c.paras.map(text).join('/')));

  it('group rows across the columns after STT, bold; STT "1" with sub-rows a)', () => {
    const t = appendix('    so_thu_tu: "1"\n    stt_con: a)', `      - nhom: Tổ chức tuyên truyền
        con:
          - o: [Hội nghị, Quý III]
          - o: [Truyền thông, Thường xuyên]
      - o: [Đàm phán, Thường xuyên]`);
    expect(cellsText(t)).toEqual([['1', 'Tổ chức tuyên truyền'], ['a)', 'Hội nghị', 'Quý III'], ['b)', 'Truyền thông', 'Thường xuyên'], ['2', 'Đàm phán', 'Thường xuyên']]);
    expect(t.rows[0][1].colSpan).toBe(2);
    expect(t.rows[0][1].paras[0].runs.every((r) => r.bold)).toBe(true);
  });

  it('STT "1." with sub-rows 1.1 (the default) or "-"', () => {
    const rows = `      - o: [Hội nghị, Quý III]
        con: [{ o: [Chuẩn bị, Quý II] }]`;
    expect(cellsText(appendix('    so_thu_tu: true', rows)).map((r) => r[0])).toEqual(['1.', '1.1']);
    expect(cellsText(appendix('    so_thu_tu: true\n    stt_con: "-"', rows)).map((r) => r[0])).toEqual(['1.', '-']);
  });

  it('a column-number row repeated with the header', async () => {
    const yaml = plan('  - muc: A', `phu_luc:
  - tieu_de: Kế hoạch chi tiết
    cot: [Nội dung, Thời gian]
    so_cot: true
    hang: [{ o: [Hội nghị, Quý I] }]`);
    const r = checkText('x.yaml', yaml);
    const xml = unzip(Buffer.from(await renderPlan(r.plan!, { templates }))).get('word/document.xml')!;
    const rows = xml.slice(xml.lastIndexOf('<w:tbl>')).split('<w:tr>').slice(1);
    expect(rows[1]).toContain('<w:tblHeader/>');
    expect([...rows[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual(['(1)', '(2)']);
  });

  it('a column-number row that leaves the STT column blank (so_cot: tru_stt), as many plans number only the data columns', async () => {
    const yaml = plan('  - muc: A', `phu_luc:
  - tieu_de: Kế hoạch chi tiết
    so_thu_tu: true
    cot: [TT, Nội dung, Thời gian]
    so_cot: tru_stt
    hang: [{ o: [Hội nghị, Quý I] }]`);
    const r = checkText('x.yaml', yaml);
    const xml = unzip(Buffer.from(await renderPlan(r.plan!, { templates }))).get('word/document.xml')!;
    const rows = xml.slice(xml.lastIndexOf('<w:tbl>')).split('<w:tr>').slice(1);
    expect(rows[1]).toContain('<w:tblHeader/>');
    expect(rows[1].split('<w:tc>').slice(1).map((c) => [...c.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))).toEqual(['', '(1)', '(2)']);
  });

  it('default widths: a narrow TT column, wide text columns, narrow short ones', () => {
    const t = appendix('', `      - o: ["1", "Tổ chức các hội nghị, hội thảo chuyên đề phổ biến, hướng dẫn thực hiện Nghị định", Quý III]
      - o: ["2", "Xây dựng cơ sở dữ liệu về kiểm kê khí nhà kính và kết quả giảm phát thải", Quý IV]`);
    const [tt, content, time] = t.columnsMm;
    expect(tt).toBeLessThan(time);
    expect(tt, 'no column narrower than its widest word').toBeGreaterThanOrEqual(textWidthMm('TT', 12, true) + 3);
    expect(content).toBeGreaterThan(2 * time);
  });
});

describe('item 5: a group row inside a merged cell', () => {
  it('is an error', () => {
    const yaml = plan('  - muc: A', `phu_luc:
  - tieu_de: Bảng
    cot: [Nội dung, Thời gian]
    hang:
      - o: [Hội nghị, { noi_dung: Quý I, gop_hang: 2 }]
      - nhom: Nhóm hai`);
    expect(errorsOf(yaml).map((m) => m.rule)).toEqual(['bang-nhom']);
  });

  it('a row is cells or a group, not both nor neither', () => {
    const t = (row: string) => plan('  - muc: A', `phu_luc:
  - tieu_de: Bảng
    cot: [A, B]
    hang:
      - ${row}`);
    expect(errorsOf(t('{ o: [x, y], nhom: Z }')).map((m) => m.rule)).toEqual(['bang-nhom']);
    expect(errorsOf(t('{ con: [{ o: [x, y] }] }')).map((m) => m.rule)).toEqual(['bang-nhom']);
  });
});

describe('item 4: appendices that are not one table', () => {
  const withAppendix = (a: string) => plan('  - muc: A', `phu_luc:\n${a}`);

  it('body-like content, a note under the table, its own reference line, a signature block to fill in', () => {
    const m = model(
      withAppendix(`  - tieu_de: Đề cương báo cáo
    tham_chieu: (Ban hành kèm theo Kế hoạch số    /KH-SYT)
    noi_dung:
      - giua: "**BÁO CÁO**"
      - khoan: Kết quả kiểm tra
        noi_dung: [{ diem: Hồ sơ. }]
    cot: [Nội dung, Kết quả]
    hang: [{ o: [Hồ sơ, Đạt] }]
    ghi_chu: ["*Ghi chú:* thời gian có thể thay đổi."]
    ky_ten: [LÃNH ĐẠO ĐƠN VỊ, "(Ký tên, đóng dấu)"]`),
    );
    const a = m.appendices[0];
    const heading = a.heading.flatMap((n) => (n.type === 'paragraph' ? [text(n)] : []));
    expect(heading).toContain('(Ban hành kèm theo Kế hoạch số /KH-SYT)');
    expect(a.before!.map(text)).toEqual(['BÁO CÁO', '1. Kết quả kiểm tra', 'a) Hồ sơ.']);
    expect(a.table).not.toBeNull();
    expect(a.after!.map(text)).toEqual(['Ghi chú: thời gian có thể thay đổi.']);
    expect(a.signature!.right.map((p) => [text(p), !!p.runs[0].italic])).toEqual([['LÃNH ĐẠO ĐƠN VỊ', false], ['(Ký tên, đóng dấu)', true]]);
  });

  it('an appendix without a table renders; one with neither table nor content, or half a table, is an error', async () => {
    const yaml = withAppendix('  - tieu_de: Đề cương\n    noi_dung: [Phần mở đầu.]');
    const r = checkText('x.yaml', yaml);
    expect(r.messages.filter((x) => x.severity === 'lỗi')).toEqual([]);
    const xml = unzip(Buffer.from(await renderPlan(r.plan!, { templates }))).get('word/document.xml')!;
    expect(xml).toContain('Phần mở đầu.');
    expect(errorsOf(withAppendix('  - tieu_de: Trống')).map((x) => x.rule)).toEqual(['phu-luc']);
    expect(errorsOf(withAppendix('  - tieu_de: Nửa\n    cot: [A]')).map((x) => x.rule)).toEqual(['phu-luc']);
  });
});

describe('item 6 (part) and item 3 (part): citations and the sentence after the bases', () => {
  const bases = (g: string) => model(plan('  - muc: A', '').replace('noi_dung:', `can_cu:\n${g}\nnoi_dung:`)).body.map(text);

  it('a law: its name, then its date; a citation without the word "số"', () => {
    const out = bases(`  - mo_dau: Căn cứ
    tach_dong: true
    van_ban:
      - { loai: Luật, trich_yeu: Bảo vệ bí mật nhà nước, ngay: 2018-11-15, kieu_ngay: chu }
      - { loai: Quyết định, so_ky_hieu: 1050/QĐ-SCT, chu_so: false, ngay: 2026-03-06, co_quan: Sở Công Thương, trich_yeu: kiểm tra }`);
    expect(out[0]).toBe('Căn cứ Luật Bảo vệ bí mật nhà nước ngày 15 tháng 11 năm 2018;');
    expect(out[1]).toBe('Căn cứ Quyết định 1050/QĐ-SCT ngày 06/3/2026 của Sở Công Thương về kiểm tra.');
  });

  it('the bases and the sentence that follows as one paragraph', () => {
    const out = bases(`  - mo_dau: Thực hiện
    dau_cuoi: ","
    cau_tiep: "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:"
    van_ban:
      - { loai: Chỉ thị, so_ky_hieu: 13/CT-TTg, ngay: 2024-05-02, co_quan: Thủ tướng Chính phủ, trich_yeu: tín chỉ các-bon }`);
    expect(out[0]).toBe('Thực hiện Chỉ thị số 13/CT-TTg ngày 02/5/2024 của Thủ tướng Chính phủ về tín chỉ các-bon, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:');
  });
});

describe('item 8 (part): the JSON Schema says the rules beyond types it can', () => {
  type S = Record<string, unknown>;
  // just the keywords crossFieldRules uses, evaluated on one object
  const holds = (s: S, v: S): boolean =>
    (!s.required || (s.required as string[]).every((k) => k in v)) &&
    (!s.anyOf || (s.anyOf as S[]).some((x) => holds(x, v))) &&
    (!s.allOf || (s.allOf as S[]).every((x) => holds(x, v))) &&
    (!s.not || !holds(s.not as S, v)) &&
    (!s.if || (holds(s.if as S, v) ? !s.then || holds(s.then as S, v) : !s.else || holds(s.else as S, v))) &&
    (!s.properties || Object.entries(s.properties as Record<string, S>).every(([k, p]) => !(k in v) || !p.pattern || new RegExp(p.pattern as string, 'u').test(String(v[k])))) &&
    (!s.dependentRequired || Object.entries(s.dependentRequired as Record<string, string[]>).every(([k, ks]) => !(k in v) || ks.every((x) => x in v)));
  const schema = JSON.parse(planJsonSchema()) as S;
  const top = { allOf: schema.allOf } as S;
  const defs = schema.$defs as Record<string, S>;
  const cliRefuses = (yaml: string) => errorsOf(yaml).length > 0;
  const decisionYaml = (k: string) =>
    plan('  - muc: A', `quyet_dinh: { trich_yeu: Ban hành, tham_quyen: Chủ tịch, dieu: [Ban hành.] }`).replace('viet_tat: SYT', `ky_hieu: ${k}`);

  it('ký hiệu: QĐ- with a decision, KH- without; the CLI agrees', () => {
    for (const [v, yaml] of [
      [{ ky_hieu: 'QĐ-UBND', quyet_dinh: {} }, decisionYaml('QĐ-UBND')],
      [{ ky_hieu: 'KH-UBND', quyet_dinh: {} }, decisionYaml('KH-UBND')],
      [{ ky_hieu: 'QĐ-SYT' }, plan('  - muc: A').replace('viet_tat: SYT', 'ky_hieu: QĐ-SYT')],
      [{ ky_hieu: 'KH-SYT' }, plan('  - muc: A').replace('viet_tat: SYT', 'ky_hieu: KH-SYT')],
    ] as [S, string][]) {
      expect(holds(top, v), JSON.stringify(v)).toBe(!cliRefuses(yaml));
    }
  });

  it('a section needs a title, a signer under KT. the head, an appendix a table or content', () => {
    expect(holds(defs.MucHoacPhan, { noi_dung: [] })).toBe(false);
    expect(holds(defs.MucHoacPhan, { muc: 'A' })).toBe(true);
    expect(holds(defs.NguoiKy, { quyen_han: 'KT', chuc_vu: 'PHÓ', ho_ten: 'A' })).toBe(false);
    expect(holds(defs.PhuLuc, { tieu_de: 'A', cot: ['x'] })).toBe(false);
    expect(holds(defs.PhuLuc, { tieu_de: 'A' })).toBe(false);
    expect(holds(defs.PhuLuc, { tieu_de: 'A', noi_dung: ['x'] })).toBe(true);
  });
});

describe('item 9: the format has a version', () => {
  // a plan as format 1 accepted it: a "|" block and a "\n" inside a text printed as spaces
  const v1 = plan('  - muc: NỘI DUNG\n    noi_dung:\n      - doan: |\n          Một đoạn văn\n          viết trên hai dòng.', 'phien_ban: 1\n').replace(
    'trich_yeu: Tuyên truyền cải cách hành chính',
    'trich_yeu: "Tuyên truyền\\ncải cách hành chính"',
  );

  it('a plan of the older version: each change says what it was and what to change; lint --fix changes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-phien-ban-'));
    const f = join(dir, 'cu.yaml');
    writeFileSync(f, v1);
    const before = await kehoach(['validate', f]);
    expect(before.status).toBe(1);
    const changed = before.stderr.split('\n').filter((l) => l.includes('[xuong-dong]'));
    expect(changed.length).toBe(2);
    for (const l of changed) expect(l).toContain('(thay đổi ở định dạng phiên bản 2: trước đây dấu xuống dòng giữa chữ');
    const fixed = await kehoach(['lint', '--fix', f]);
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe(v1.replace('doan: |', 'doan: >-').replace('Tuyên truyền\\ncải cách', 'Tuyên truyền cải cách'));
    expect((await kehoach(['validate', f])).status).toBe(0);
    // what format 1 printed: the lines joined by a space
    const p = checkText('cu.yaml', readFileSync(f, 'utf8')).plan!;
    expect(p.trich_yeu).toBe('Tuyên truyền cải cách hành chính');
    expect(JSON.stringify(p.noi_dung)).toContain('Một đoạn văn viết trên hai dòng.');
  });

  it('a plan written for a newer kehoach is refused with the reason; the version is in --version, init and the JSON Schema', async () => {
    const newer = errorsOf(plan('  - muc: A', 'phien_ban: 4\n'));
    expect(newer.map((m) => [m.rule, m.message])).toEqual([
      ['phien-ban', 'phien_ban: tệp viết theo định dạng phiên bản 4, mới hơn kehoach này (đọc đến phiên bản 3); hãy cập nhật kehoach (xem "Cài đặt" trong README).'],
    ]);
    expect(errorsOf(plan('  - muc: A', 'phien_ban: 3\n'))).toEqual([]);
    expect(errorsOf(plan('  - muc: A', 'phien_ban: 2\n'))).toEqual([]);
    expect(errorsOf(plan('  - muc: A', 'phien_ban: 0\n')).map((m) => m.rule)).toEqual(['phien-ban']);
    expect((await kehoach(['--version'])).stdout).toContain('tệp kế hoạch định dạng phiên bản 3');
    const fresh = join(mkdtempSync(join(tmpdir(), 'kehoach-init-')), 'moi.yaml');
    expect((await kehoach(['init', fresh])).status).toBe(0);
    expect(readFileSync(fresh, 'utf8')).toMatch(/^phien_ban: 3 /m);
    const defs = (JSON.parse(planJsonSchema()) as { $defs: Record<string, { properties: Record<string, { maximum?: number }> }> }).$defs;
    expect(defs.KeHoach.properties.phien_ban.maximum).toBe(3);
  });

  it('README lists every change of the format, with its rule', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(FORMAT_CHANGES.length).toBeGreaterThan(0);
    for (const c of FORMAT_CHANGES) expect(readme).toContain(`| ${c.version} | \`${c.rule}\` |`);
    expect(readme).toContain(`phiên bản hiện tại là **${FORMAT_VERSION}**`);
  });
});

describe('a table in the body ("bang"), where the plan sets it', () => {
  const yaml = plan(`  - muc: NỘI DUNG
    noi_dung:
      - khoan: Lịch kiểm tra
        noi_dung:
          - "Lịch cụ thể như sau:"
          - bang:
              cot: [STT, Đơn vị, Thời gian]
              so_thu_tu: true
              hang:
                - o: [Xã An Hòa, Tháng 4]
                - nhom: Đợt hai
                  con:
                    - o: [Xã An Tân, { noi_dung: Tháng 5, can: giua }]
          - Các đoàn báo cáo sau mỗi đợt.
  - muc: TỔ CHỨC THỰC HIỆN
    noi_dung:
      - bang:
          cot: [Đơn vị, Nhiệm vụ]
          hang: [{ o: [Văn phòng, Chuẩn bị tài liệu] }]`);

  it('the model holds the table between the paragraphs, as wide as the text, the line above it kept with it', () => {
    const m = model(yaml);
    const kinds = m.body.map((f) => (f.type === 'table' ? 'BANG' : text(f)));
    expect(kinds).toEqual(['I. NỘI DUNG', '1. Lịch kiểm tra', 'Lịch cụ thể như sau:', 'BANG', 'Các đoàn báo cáo sau mỗi đợt.', 'II. TỔ CHỨC THỰC HIỆN', 'BANG', './.']);
    const t = m.body[3];
    if (t.type !== 'table') throw new Error('not a table');
    expect(t.columnsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(210 - 30 - 15, 5);
    // STT by position, the group row across the data columns, the sub-row numbered under it
    expect(t.rows.map((r) => r.map((c) => c.paras.map((p) => p.runs.map((x) => x.text).join('')).join('/')))).toEqual([['1.', 'Xã An Hòa', 'Tháng 4'], ['2.', 'Đợt hai'], ['2.1', 'Xã An Tân', 'Tháng 5']]);
    expect(t.rows[1][1].colSpan).toBe(2);
    expect(t.rows[2][2].align).toBe('center');
    expect((m.body[2] as Para).keepNext).toBe(true);
  });

  it('the .docx has each table at its place, ruled, its header row repeated', async () => {
    const r = checkText('x.yaml', yaml);
    const xml = unzip(Buffer.from(await renderPlan(r.plan!, { templates }))).get('word/document.xml')!;
    const at = (s: string) => xml.indexOf(s);
    expect(at('Lịch cụ thể như sau:')).toBeLessThan(at('Xã An Hòa'));
    expect(at('Xã An Hòa')).toBeLessThan(at('Các đoàn báo cáo sau mỗi đợt.'));
    expect(at('II. TỔ CHỨC THỰC HIỆN')).toBeLessThan(at('Chuẩn bị tài liệu'));
    // header, closing and the two data tables; the closing block comes after both
    expect(xml.split('<w:tbl>')).toHaveLength(5);
    expect(at('Chuẩn bị tài liệu')).toBeLessThan(at('Nơi nhận'));
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
  });

  it('a table whose longest words cannot fit its page: a warning at its columns, saying what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-bang-rong-'));
    const f = join(dir, 'k.yaml');
    const cols = ['Chuyên đề', 'Báo cáo viên', 'Thời gian', 'Địa điểm', 'Hình thức', 'Đối tượng', 'Kinh phí', 'Phương tiện'];
    const row = ['Chuyên đề hóa', 'Công an xã', 'Buổi sáng', 'Hội trường', 'Tập trung', 'Học sinh', 'Ngân sách', 'Loa đài'];
    const wide = `      - bang:\n          cot: [${cols.join(', ')}]\n          hang:\n            - o: [${row.map((w) => w.replace(/ /g, '')).join(', ')}]`;
    writeFileSync(f, plan(`  - muc: NỘI DUNG\n    noi_dung:\n${wide}`));
    const r = await kehoach(['validate', f]);
    expect(r.status, 'a warning, not an error').toBe(0);
    expect(r.stderr).toMatch(new RegExp(`k\\.yaml:11:16: cảnh báo: bảng 8 cột không vừa trang: chữ dài nhất của mỗi cột cần \\d+ mm, trang chỉ rộng 165 mm .*hoặc chuyển bảng thành một phụ lục in trang ngang\\. \\[bang-qua-rong\\]`));
    // the same table as an appendix turned across fits: no warning; upright, it is told to turn
    const appendix = (huong: string) => plan('  - muc: A', `phu_luc:\n  - tieu_de: Lịch\n    huong: ${huong}\n    cot: [${cols.join(', ')}]\n    hang:\n      - o: [${row.map((w) => w.replace(/ /g, '')).join(', ')}]`);
    writeFileSync(f, appendix('ngang'));
    expect((await kehoach(['validate', f])).stderr).not.toContain('bang-qua-rong');
    writeFileSync(f, appendix('doc'));
    expect((await kehoach(['validate', f])).stderr).toMatch(/cảnh báo: bảng 8 cột không vừa trang.*hoặc in phụ lục này trang ngang \(huong: ngang\)\. \[bang-qua-rong\]/);
  });

  it('its rows follow the table rules, at their path in the body', () => {
    const bad = plan(`  - muc: NỘI DUNG
    noi_dung:
      - bang:
          cot: [A, B]
          hang: [{ o: [a, b, c] }]`);
    expect(errorsOf(bad).map((m) => `${m.line}:${m.column} ${m.rule}`)).toEqual(['12:30 bang-o']);
  });
});
