// ND30 §3: a long date or agency name never overflows its column; it steps one size down (the spec's
// fallback) and, read back from LibreOffice, stays on the same text line as "Số:".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkText } from '../src/plan/validate.js';
import { buildModel, loadTemplates } from '../src/write/index.js';
import { agencyWarnings, headerColumns, nameWarnings, roomIn, textWidth } from '../src/model/header-fit.js';
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
