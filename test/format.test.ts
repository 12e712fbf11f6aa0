// The forms of issue 20: what the format lets a plan say and how the model and the .docx show it.
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/plan/validate.js';
import { buildModel, loadTemplates, renderPlan } from '../src/write/index.js';
import type { DocModel, Para } from '../src/model/model.js';
import { unzip } from './helpers.js';

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

const text = (p: Para) => p.runs.map((r) => r.text).join('');
const find = (m: DocModel, start: string) => {
  const p = m.body.find((x) => text(x).startsWith(start));
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
