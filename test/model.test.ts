// Plan → document model: what the normalised plan and the templates make of a plan's dates, numbering
// and title (the examples' full models are held by the goldens in render.test.ts).
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/plan/validate.js';
import { buildModel, loadTemplates } from '../src/write/index.js';
import type { DocModel } from '../src/model/model.js';
import { letter } from '../src/plan/normalize.js';
import { textWidthMm } from '../src/model/metrics.js';
import { WIDTHS } from '../src/model/metrics-data.js';

const templates = loadTemplates();

/** A small valid plan; `extra` adds keys (YAML) at the end. */
const plan = (o: { ngay?: string; trich_yeu?: string; noi_dung?: string; can_cu?: string }) => `
co_quan_ban_hanh: SỞ Y TẾ
viet_tat: SYT
dia_danh: Hậu Giang
ngay: ${o.ngay ?? '2026-01-15'}
trich_yeu: ${o.trich_yeu ?? 'Tuyên truyền cải cách hành chính'}
${o.can_cu ?? ''}
noi_dung:
  - muc: Mục đích
    noi_dung:
${o.noi_dung ?? '      - gach: Nâng cao nhận thức.'}
noi_nhan: [Sở Nội vụ]
luu: VT
nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A }
`;

function model(yaml: string): DocModel {
  const r = checkText('x.yaml', yaml);
  expect(r.messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
  return buildModel(r.plan!, templates);
}

const bodyText = (m: DocModel) => m.body.map((p) => (p.type === 'paragraph' ? p.runs.map((r) => r.text).join('') : ''));

describe('one date rule for every numeric date (spec §8b)', () => {
  const citations = `can_cu:
  - mo_dau: Căn cứ
    tach_dong: true
    van_ban:
      - { loai: Nghị quyết, so_ky_hieu: 30c/NQ-CP, ngay: 2011-11-08, co_quan: Chính phủ, trich_yeu: cải cách }
      - { loai: Quyết định, so_ky_hieu: 1/QĐ-UBND, ngay: 2024-03-05, co_quan: UBND tỉnh, trich_yeu: cải cách }
      - { loai: Kế hoạch, so_ky_hieu: 2/KH-SYT, ngay: 2016-02-04, co_quan: Sở Y tế, trich_yeu: cải cách }`;
  const reports = `      - bao_cao:
          truoc: Báo cáo về Sở Y tế
          ky:
            - { ten: quý I, han: 2026-02-10 }
            - { ten: 6 tháng, han: 2026-06-05 }
            - { ten: năm, han: 2027-01-05 }
          sau: .`;
  const text = bodyText(model(plan({ can_cu: citations, noi_dung: reports }))).join('\n');

  it('citations: ô 4 zeros (day < 10; months 1 and 2)', () => {
    expect(text).toContain('Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ');
    expect(text).toContain('Quyết định số 1/QĐ-UBND ngày 05/3/2024 của UBND tỉnh');
    expect(text).toContain('Kế hoạch số 2/KH-SYT ngày 04/02/2016 của Sở Y tế');
  });
  it("deadlines: the same zeros, and the year when it is not the plan's", () => {
    expect(text).toContain('Báo cáo về Sở Y tế quý I (trước ngày 10/02), 6 tháng (trước ngày 05/6) và năm (trước ngày 05/01/2027).');
  });
  it('a plan without a date prints deadlines without a year', () => {
    const undated = bodyText(model(plan({ ngay: 'null', noi_dung: reports }))).join('\n');
    expect(undated).toContain('(trước ngày 05/01)');
  });
});

describe('numbering', () => {
  it('every điểm has a letter, past the 552 of two letters', () => {
    expect([0, 22, 23, 551, 552, 553].map(letter)).toEqual(['a', 'y', 'aa', 'yy', 'aaa', 'aab']);
    const items = Array.from({ length: 560 }, (_, i) => `      - diem: Ý ${i + 1}.`).join('\n');
    const markers = bodyText(model(plan({ noi_dung: items }))).filter((t) => / Ý \d+\./.test(t)).map((t) => t.split(' ')[0]);
    expect(markers).toHaveLength(560);
    expect(new Set(markers).size).toBe(560);
    expect(markers.every((m) => /^[a-zđ]+\)$/.test(m))).toBe(true);
    expect(markers[552]).toBe('aaa)');
  });
});

describe('document properties', () => {
  it('the title is the text a reader sees: markup removed, an escaped star kept as a star', () => {
    const m = model(plan({ trich_yeu: '"Tuyên truyền **cải cách** hành chính \\\\* năm 2026"' }));
    expect(m.properties.title).toBe('Kế hoạch Tuyên truyền cải cách hành chính * năm 2026');
    expect(m.properties.subject).toBe('Tuyên truyền cải cách hành chính * năm 2026');
  });
});

describe('column widths when the longest words cannot all fit (bang-qua-rong)', () => {
  it('only the column of the long word breaks it: every other column keeps room for its longest word', async () => {
    const { columnWidths } = await import('../src/model/columns.js');
    const { textWidthMm } = await import('../src/model/metrics.js');
    const { TABLE } = await import('../src/model/stylesheet.js');
    const yaml = [
      'co_quan_ban_hanh: SỞ Y TẾ',
      'ten_co_quan: Sở Y tế',
      'viet_tat: SYT',
      'dia_danh: Quảng Nam',
      'ngay: 2026-01-05',
      'trich_yeu: Đầu mối',
      'noi_dung:',
      '  - muc: ĐẦU MỐI',
      '    noi_dung:',
      '      - bang:',
      '          so_thu_tu: true',
      '          cot: [STT, Đơn vị, Điện thoại, Thời gian, Thư điện tử]',
      '          hang:',
      '            - o: [Văn phòng Sở, "0235.3852.123", Tháng 3/2026, "vanphongsoyte.quangnam.phongtochuccanbo@quangnam.gov.vn"]',
      '            - o: [Trung tâm Kiểm soát bệnh tật, "0235.3852.456", Tháng 4/2026, cdc@quangnam.gov.vn]',
      'noi_nhan: [Bộ Y tế]',
      'luu: VT',
      'nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn An }',
      '',
    ].join('\n');
    const plan = checkText('x.yaml', yaml).plan!;
    const table = (plan.noi_dung[0].noi_dung[0] as { bang: Parameters<typeof columnWidths>[0] }).bang;
    const { columnsMm, neededMm } = columnWidths(table, 165);
    expect(neededMm).toBeGreaterThan(165);
    expect(columnsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(165, 6);
    const room = (i: number) => columnsMm[i] - 2 * TABLE.cellPaddingMm;
    expect(room(0)).toBeGreaterThanOrEqual(textWidthMm('STT', TABLE.sizePt, true));
    expect(room(1)).toBeGreaterThanOrEqual(textWidthMm('Trung', TABLE.sizePt, false));
    expect(room(2)).toBeGreaterThanOrEqual(textWidthMm('0235.3852.123', TABLE.sizePt, false));
    expect(room(3)).toBeGreaterThanOrEqual(textWidthMm('3/2026', TABLE.sizePt, false));
    expect(room(4)).toBeLessThan(textWidthMm('vanphongsoyte.quangnam.phongtochuccanbo@quangnam.gov.vn', TABLE.sizePt, false));
  });
});

describe('separator lines as long as ND30 asks (§3: as long as the Tiêu ngữ; 1/3–1/2 of the trích yếu)', () => {
  it('every Vietnamese letter has its own width in each style, not an "M"\'s: Liberation 2 measures them', () => {
    const letters = [...'ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ'].flatMap((c) => [c, c.toUpperCase()]);
    for (const style of ['r', 'b', 'i', 'bi']) for (const c of letters) expect(WIDTHS[style][c.codePointAt(0)!], `${style} ${c}`).toBeDefined();
    // a letter with marks is as wide as its base letter in Times New Roman's metrics
    expect(textWidthMm('Độc lập, hạnh phúc', 14, true)).toBeCloseTo(textWidthMm('Đoc lap, hanh phuc', 14, true), 2);
  });

  it('the line under the Tiêu ngữ is as long as its text; under a short trích yếu, 1/3–1/2 of it', () => {
    const m = model(plan({ trich_yeu: 'Phòng, chống dịch' }));
    const rule = m.header!.right.find((n) => n.type === 'rule')!;
    expect(rule.type === 'rule' && rule.widthMm).toBeCloseTo(textWidthMm('Độc lập - Tự do - Hạnh phúc', 14, true), 1);
    const under = m.title.find((n) => n.type === 'rule')!;
    const text = textWidthMm('Phòng, chống dịch', 14, true);
    expect(under.type === 'rule' && under.widthMm).toBeGreaterThanOrEqual(text / 3);
    expect(under.type === 'rule' && under.widthMm).toBeLessThanOrEqual(text / 2);
  });
});
