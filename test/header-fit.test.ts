// ND30 §3: a long date or agency name never overflows its column; it steps one size down (the spec's
// fallback) and, read back from LibreOffice, stays on the same text line as "Số:".
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkText } from '../src/plan/validate.js';
import { buildModel, loadTemplates } from '../src/write/index.js';
import { exampleFiles, ROOT } from './helpers.js';

const long = readFileSync(exampleFiles()[0], 'utf8')
  .replace('co_quan_chu_quan: UBND TỈNH HẬU GIANG', 'co_quan_chu_quan: ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH')
  .replace('co_quan_ban_hanh: SỞ Y TẾ', 'co_quan_ban_hanh: TRUNG TÂM KIỂM SOÁT BỆNH TẬT THÀNH PHỐ')
  .replace('dia_danh: Hậu Giang', 'dia_danh: Thành phố Hồ Chí Minh')
  .replace('ngay: 2019-01-23', 'ngay: 2018-12-29');

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

  it('LibreOffice shows the date on one line, on the same line as "Số:"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-fit-'));
    writeFileSync(join(dir, 'dai.yaml'), long);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'kehoach.js'), 'render', join(dir, 'dai.yaml'), '--pdf', '-q'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const page1 = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', join(dir, 'dai.pdf'), '-'], { encoding: 'utf8' });
    const soLine = page1.split('\n').find((l) => l.includes('Số:'))!;
    expect(soLine).toMatch(/Số: 181\/KH-SYT\s+Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2018\s*$/);
  });
});
