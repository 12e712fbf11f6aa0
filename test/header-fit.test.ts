// ND30 §3: a long date or agency name never overflows its column; it steps one size down (the spec's
// fallback) and, read back from LibreOffice, stays on the same text line as "Số:".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkText } from '../src/plan/validate.js';
import { buildModel, loadTemplates } from '../src/write/index.js';
import { agencyWarnings, balancedLines, headerColumns, nameWarnings, roomIn, textWidth } from '../src/model/header-fit.js';
import { textWidthMm } from '../src/model/metrics.js';
import { exampleFiles, longHeaderPlan } from './helpers.js';

const long = longHeaderPlan();

describe('long names and dates in the header', () => {
  it('step one size down in the model (date 14 → 13 pt, agency 13 → 12 pt)', () => {
    const plan = checkText('dai.yaml', long).plan!;
    const m = buildModel(plan, loadTemplates());
    expect(m.header!.placeDate!.sizePt).toBe(13);
    expect(m.header!.left.filter((n) => n.type === 'paragraph').every((n) => n.type === 'paragraph' && n.sizePt === 12)).toBe(true);
    // a short one keeps the default sizes
    const short = buildModel(checkText('ngan.yaml', readFileSync(exampleFiles()[0], 'utf8')).plan!, loadTemplates());
    expect(short.header!.placeDate!.sizePt).toBeUndefined();
  });
  // read back from LibreOffice: test/render.test.ts (one LibreOffice start for every plan it reads)
});

describe('the superior agency line prints upright, and is measured so', () => {
  it('"SỞ Y TẾ THÀNH PHỐ CẦN THƠ" fits at 12 pt upright: no warning that it would wrap (taken for bold, it would not)', () => {
    const yaml = readFileSync(exampleFiles()[0], 'utf8').replace(/^co_quan_chu_quan:.*$/m, 'co_quan_chu_quan: SỞ Y TẾ THÀNH PHỐ CẦN THƠ').replace(/^co_quan_ban_hanh:.*$/m, 'co_quan_ban_hanh: TRUNG TÂM Y TẾ');
    const checked = checkText('x.yaml', yaml);
    const plan = checked.plan!;
    expect(plan.co_quan_chu_quan).toEqual(['SỞ Y TẾ THÀNH PHỐ CẦN THƠ']);
    const avail = roomIn(headerColumns(textWidth(plan)).leftMm);
    // the premise: bold it would not fit, upright it does
    expect(textWidthMm('SỞ Y TẾ THÀNH PHỐ CẦN THƠ', 12, true)).toBeGreaterThan(avail);
    expect(textWidthMm('SỞ Y TẾ THÀNH PHỐ CẦN THƠ', 12, false)).toBeLessThanOrEqual(avail);
    const m = buildModel(plan, loadTemplates());
    expect(m.header!.left.filter((n) => n.type === 'paragraph').map((n) => n.type === 'paragraph' && n.sizePt)).toEqual([12, 12]);
    expect(agencyWarnings(plan, checked.input!)).toEqual([]);
  });
});

describe('a plan without ten_co_quan (thieu-ten-co-quan)', () => {
  const withAppendix = readFileSync(exampleFiles().find((f) => f.includes('05-phu-cat'))!, 'utf8');
  const said = (yaml: string) => {
    const c = checkText('x.yaml', yaml);
    return nameWarnings(c.plan!, c.input!).map((w) => w.message);
  };
  it("is told that its appendix's reference line would name it in capitals; with ten_co_quan, or without an appendix, nothing is said", () => {
    const bare = withAppendix.replace(/^ten_co_quan:.*\n/m, '');
    expect(said(bare)).toEqual([expect.stringContaining('dòng tham chiếu của phụ lục sẽ ghi tên cơ quan in hoa ("… của TRUNG TÂM Y TẾ PHÙ CÁT)")')]);
    expect(said(withAppendix)).toEqual([]);
    expect(said(bare.replace(/^phu_luc:[\s\S]*$/m, ''))).toEqual([]);
  });
});

describe('a trích yếu written as one string: kehoach breaks its lines (ND30 leaves where to the writer)', () => {
  const room = 164; // the text width of A4 with 30 and 15 mm margins, less 1 mm
  const greedyCount = (text: string) => {
    let lines = 1;
    let line = '';
    for (const w of text.split(' ')) {
      const next = line ? `${line} ${w}` : w;
      if (line && textWidthMm(next, 14, true) > room) (lines++, (line = w));
      else line = next;
    }
    return lines;
  };
  const titles = [
    'Phát triển du lịch sinh thái, du lịch cộng đồng thành phố Huế giai đoạn 2026 – 2027',
    'TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 13/CT-TTG NGÀY 02 THÁNG 5 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ TÍN CHỈ CÁC-BON NHẰM THỰC HIỆN ĐÓNG GÓP DO QUỐC GIA TỰ QUYẾT ĐỊNH',
    'Tiếp công dân, xử lý đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh phục vụ bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 – 2031',
  ];
  it.each(titles)('%s: as many lines as Word would make, each fitting, every word in order, no line at a dash', (title) => {
    const lines = balancedLines(title, 14, true, room);
    expect(lines.join(' ')).toBe(title);
    expect(lines).toHaveLength(greedyCount(title));
    for (const l of lines) {
      expect(textWidthMm(l, 14, true)).toBeLessThanOrEqual(room);
      expect(l).not.toMatch(/^[–-] | [–-]$/u);
    }
  });
  it('breaks where the sentence does (after a comma, before "ngày", "về", "nhằm"), not inside "cộng đồng" or a date', () => {
    expect(balancedLines(titles[0], 14, true, room)).toEqual(['Phát triển du lịch sinh thái,', 'du lịch cộng đồng thành phố Huế giai đoạn 2026 – 2027']);
    expect(balancedLines(titles[1], 14, true, room)).toEqual([
      'TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 13/CT-TTG',
      'NGÀY 02 THÁNG 5 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ',
      'VỀ TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ TÍN CHỈ CÁC-BON',
      'NHẰM THỰC HIỆN ĐÓNG GÓP DO QUỐC GIA TỰ QUYẾT ĐỊNH',
    ]);
  });
  it('never cuts a figure from its word ("SỐ / 180/2026/NĐ-CP"), and cuts before a phrase rather than inside it ("CÔNG / TÁC")', () => {
    expect(balancedLines('BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ ĐỊNH SỐ 180/2026/NĐ-CP NGÀY 21 THÁNG 5 NĂM 2026 CỦA CHÍNH PHỦ QUY ĐỊNH VỀ DỊCH VỤ HẤP THỤ VÀ LƯU GIỮ CÁC-BON CỦA RỪNG', 14, true, room)).toEqual([
      'BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ ĐỊNH',
      'SỐ 180/2026/NĐ-CP NGÀY 21 THÁNG 5 NĂM 2026 CỦA CHÍNH PHỦ',
      'QUY ĐỊNH VỀ DỊCH VỤ HẤP THỤ VÀ LƯU GIỮ CÁC-BON CỦA RỪNG',
    ]);
    expect(balancedLines('BAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023', 14, true, room)).toEqual(['BAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC', 'BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023']);
  });
  it('leaves alone a title that fits on one line, one with inline marks, and one no layout fits', () => {
    for (const t of ['Tuyên truyền cải cách hành chính năm 2026', `${titles[0]} **năm 2026**`, 'Kiểm'.repeat(60)]) expect(balancedLines(t, 14, true, room)).toEqual([t]);
  });
  it('a plan\'s one-string trích yếu prints as those lines, one paragraph each; a list keeps the writer\'s lines', () => {
    const yaml = readFileSync(exampleFiles()[0], 'utf8').replace(/^trich_yeu:.*$/m, `trich_yeu: ${titles[0]}`);
    const title = (y: string) => buildModel(checkText('x.yaml', y).plan!, loadTemplates()).title.filter((n) => n.type === 'paragraph' && n.style === 'TrichYeu').map((n) => (n.type === 'paragraph' ? n.runs.map((r) => r.text).join('') : ''));
    expect(title(yaml)).toEqual(['Phát triển du lịch sinh thái,', 'du lịch cộng đồng thành phố Huế giai đoạn 2026 – 2027']);
    const list = yaml.replace(/^trich_yeu:.*$/m, 'trich_yeu: ["Phát triển du lịch sinh thái, du lịch cộng đồng", thành phố Huế giai đoạn 2026 – 2027]');
    expect(title(list)).toEqual(['Phát triển du lịch sinh thái, du lịch cộng đồng', 'thành phố Huế giai đoạn 2026 – 2027']);
    // a line of the list too long for the page (as OCR gives two lines run together) is broken as a string is
    const joined = yaml.replace(
      /^trich_yeu:.*$/m,
      'trich_yeu: [TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 13/CT-TTG, NGÀY 02 THÁNG 5 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ TÍN CHỈ CÁC-BON, NHẰM THỰC HIỆN ĐÓNG GÓP DO QUỐC GIA TỰ QUYẾT ĐỊNH]',
    );
    expect(title(joined)).toEqual(balancedLines(titles[1], 14, true, room));
  });
});
