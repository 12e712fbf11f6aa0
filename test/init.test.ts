// kehoach init (issue 17 item 6): a starter for any office, with an appendix and an example of every common
// item; --decision starts a plan issued by a decision; --unit fills in the unit's own fields.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkText } from '../src/plan/validate.js';
import { issuerLines } from '../src/plan/profile.js';
import { DERIVE, run } from './helpers.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'kehoach-init-')), 'ke-hoach.yaml');

describe('kehoach init', () => {
  it('a starter that belongs to no sector, valid, with an appendix and every common item shown', async () => {
    const f = fresh();
    expect((await run(['init', f, '--date', '2026-12-01'])).code).toBe(0);
    const text = readFileSync(f, 'utf8');
    expect(checkText(f, text).messages).toEqual([]);
    expect(text).not.toMatch(/y tế|Y TẾ|SYT|cải cách hành chính/);
    const plan = parse(text);
    expect(plan.phu_luc[0].cot[0]).toBe('STT');
    expect(JSON.stringify(plan.noi_dung)).toMatch(/"cap":"truc_thuoc"/);
    for (const item of ['diem', 'gach', 'cong', 'tieu_de', 'cung_dong', 'don_vi', 'gop_hang']) expect(text, item).toContain(`${item}:`);
    expect(text).toMatch(/# - bao_cao:/); // a reporting sentence, commented, to uncomment
    expect(text).not.toMatch(/npx kehoach/);
  });

  it('--decision: a plan issued by a decision, numbered QĐ-', async () => {
    const f = fresh();
    expect((await run(['init', f, '--decision', '--date', '2026-12-01'])).code).toBe(0);
    const c = checkText(f, readFileSync(f, 'utf8'));
    expect(c.messages).toEqual([]);
    expect(c.plan!.quyet_dinh).not.toBeNull();
    expect(c.plan!.ky_hieu).toBe('QĐ-CQ');
  });

  it('--unit: the unit’s own names, signer and recipients', async () => {
    const f = fresh();
    expect((await run(['init', f, '--unit', join(DERIVE, 'hau-giang', 'units', 'bvdk-tinh.yaml'), '--date', '2026-12-01'])).code).toBe(0);
    const plan = parse(readFileSync(f, 'utf8'));
    expect(plan.ten_co_quan).toMatch(/Bệnh viện/);
    expect(plan.nguoi_ky.ho_ten).not.toBe('Họ và tên');
    // the document cited is the superior's, as the profile names it (a ward's is no "Ủy ban nhân dân tỉnh")
    expect(plan.can_cu[0].van_ban[0].co_quan).toBe('Sở Y tế Hậu Giang');
  });

  it('--unit: every field of the signer (TM. with KT.), and a long name without ten_dong broken as a clerk breaks it: no warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-init-unit-'));
    const unit = join(dir, 'don-vi.yaml');
    const profile = readFileSync(join(DERIVE, 'phong-gddt', 'units', 'th-my-chanh.yaml'), 'utf8')
      .replace(/^ten: .*$/m, 'ten: Ủy ban nhân dân xã Phú Thọ')
      .replace(/^(co_quan_chu_quan|ten_dong): .*\n/gm, '')
      .replace(/^nguoi_ky:[^]*?(?=^\S)/m, 'nguoi_ky: { thay_mat: ỦY BAN NHÂN DÂN, quyen_han: KT, thu_truong: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, ho_ten: Trần Thị Hoa }\n');
    writeFileSync(unit, profile);
    const f = join(dir, 'ke-hoach.yaml');
    expect((await run(['init', f, '--unit', unit, '--date', '2026-12-01'])).code).toBe(0);
    const text = readFileSync(f, 'utf8');
    expect(parse(text).nguoi_ky).toEqual({ thay_mat: 'ỦY BAN NHÂN DÂN', quyen_han: 'KT', thu_truong: 'CHỦ TỊCH', chuc_vu: 'PHÓ CHỦ TỊCH', ho_ten: 'Trần Thị Hoa' });
    expect(parse(text).co_quan_ban_hanh).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ PHÚ THỌ']);
    expect(checkText(f, text).messages).toEqual([]);
  });

  it('a long name breaks before its administrative unit, never inside "xã hội"', () => {
    expect(issuerLines({ ten: 'Ủy ban nhân dân xã Phú Thọ' })).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ PHÚ THỌ']);
    expect(issuerLines({ ten: 'Phòng Văn hóa - Xã hội xã Chiềng Mung' })).toEqual(['PHÒNG VĂN HÓA - XÃ HỘI', 'XÃ CHIỀNG MUNG']);
    expect(issuerLines({ ten: 'Bảo hiểm xã hội huyện Mai Sơn' })).toEqual(['BẢO HIỂM XÃ HỘI', 'HUYỆN MAI SƠN']);
    expect(issuerLines({ ten: 'Sở Y tế' })).toBe('SỞ Y TẾ');
    // a merged sở's long name (2025) breaks before its last "và", as its header is written
    expect(issuerLines({ ten: 'Sở Nông nghiệp và Môi trường' })).toEqual(['SỞ NÔNG NGHIỆP', 'VÀ MÔI TRƯỜNG']);
    expect(issuerLines({ ten: 'Sở Văn hóa, Thể thao và Du lịch' })).toEqual(['SỞ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH']);
    expect(issuerLines({ ten: 'Sở Nông nghiệp và Môi trường thành phố Huế' })).toEqual(['SỞ NÔNG NGHIỆP', 'VÀ MÔI TRƯỜNG', 'THÀNH PHỐ HUẾ']);
    expect(issuerLines({ ten: 'Ủy ban nhân dân đặc khu Phú Quốc' })).toEqual(['ỦY BAN NHÂN DÂN', 'ĐẶC KHU PHÚ QUỐC']);
  });

  // the same header line derive writes for the unit (plan/profile.ts's chuQuanOf)
  it('--unit: the superior\'s line as the profile writes it; none for a people\'s committee', async () => {
    const school = fresh();
    expect((await run(['init', school, '--unit', join(DERIVE, 'phong-gddt', 'units', 'th-my-chanh.yaml'), '--date', '2026-12-01'])).code).toBe(0);
    expect(parse(readFileSync(school, 'utf8')).co_quan_chu_quan).toBe('PHÒNG GD&ĐT PHÙ MỸ');
    for (const [ten, dong, chuQuan] of [
      ['Ủy ban nhân dân xã Mỹ Chánh', '[ỦY BAN NHÂN DÂN, XÃ MỸ CHÁNH]', undefined],
      ['Bộ Giáo dục và Đào tạo', '[BỘ GIÁO DỤC VÀ ĐÀO TẠO]', undefined],
      ['Bộ Chỉ huy Quân sự tỉnh', '[BỘ CHỈ HUY QUÂN SỰ TỈNH]', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN PHÙ MỸ'], // the superior's line
    ]) {
      const dir = mkdtempSync(join(tmpdir(), 'kehoach-init-unit-'));
      const unit = join(dir, 'don-vi.yaml');
      writeFileSync(unit, readFileSync(join(DERIVE, 'phong-gddt', 'units', 'th-my-chanh.yaml'), 'utf8').replace(/^ten: .*$/m, `ten: ${ten}`).replace(/^co_quan_chu_quan: .*\n/m, '').replace(/^ten_dong: .*$/m, `ten_dong: ${dong}`));
      const f = join(dir, 'ke-hoach.yaml');
      expect((await run(['init', f, '--unit', unit, '--date', '2026-12-01'])).code).toBe(0);
      const text = readFileSync(f, 'utf8');
      expect(parse(text).co_quan_chu_quan, ten).toBe(chuQuan);
      expect(checkText(f, text).messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
    }
  });
});
