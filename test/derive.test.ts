import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { earlierWorkingDay } from '../src/derive/derive.js';
import { checkBytes, checkText } from '../src/plan/validate.js';
import { deriveCases, derivedFiles, EXAMPLES, ROOT, run } from './helpers.js';

const BIN = join(ROOT, 'bin', 'kehoach.js');

describe('derive examples', () => {
  it('has at least two cases with two or more units each', () => {
    const cases = deriveCases();
    expect(cases.length).toBeGreaterThanOrEqual(2);
    for (const c of cases) expect(c.units.length).toBeGreaterThanOrEqual(2);
  });

  it.each(deriveCases().map((c) => [c.name, c]))('%s: re-deriving reproduces the committed plans exactly', async (_, c) => {
    const out = mkdtempSync(join(tmpdir(), 'kehoach-derive-'));
    // the committed files point editors at the schema relative to derived/; derive into a twin folder
    const twin = join(out, 'examples', 'derive', c.name, 'derived');
    mkdirSync(twin, { recursive: true });
    const again = await run(['derive', c.dept, '--unit', ...c.units, '--out-dir', twin, '-q']);
    expect(again.code, again.err).toBe(0);
    for (const u of c.units) {
      const name = basename(u);
      const committed = readFileSync(join(c.derived, name), 'utf8');
      expect(readFileSync(join(twin, name), 'utf8').replace(/\$schema=\S+/, ''), name).toBe(committed.replace(/\$schema=\S+/, ''));
    }
    expect(readdirSync(twin).sort()).toEqual(readdirSync(c.derived).sort());
  });

  it.each(derivedFiles().map((f) => [basename(f), f]))('%s is a valid plan that cites its department plan in full', (_, f) => {
    const r = checkBytes(f, readFileSync(f));
    expect(r.messages).toEqual([]);
    const p = r.plan!;
    expect(p.so).toBeNull();
    expect(p.can_cu[0].mo_dau).toBe('Thực hiện');
    const cite = p.can_cu[0].van_ban[0];
    expect(typeof cite !== 'string' && cite.so_ky_hieu && cite.ngay && cite.co_quan).toBeTruthy();
    expect(p.noi_nhan[0].muc_dich).toBe('báo cáo');
    expect(p.luu[0]).toBe('VT');
    const text = readFileSync(f, 'utf8');
    expect(text).toMatch(/^  # từ mục I, Kế hoạch \d+\/KH-SYT$/m);
  });

  it('reporting deadlines move earlier by the margin, to a working day', () => {
    const f = derivedFiles().find((x) => x.includes('hau-giang') && x.includes('ttyt'))!;
    const periods = JSON.stringify(parse(readFileSync(f, 'utf8')));
    // department: 20/6 and 20/12/2019; margin 5 days → 15/6 (Saturday) → 14/6; 15/12 (Sunday) → 13/12
    expect(periods).toContain('"han":"2019-06-14"');
    expect(periods).toContain('"han":"2019-12-13"');
  });
});

describe('validate knows a unit profile', () => {
  it('checks it against the profile schema, not the plan schema', () => {
    const units = deriveCases().flatMap((c) => c.units);
    const ok = spawnSync(process.execPath, [BIN, 'validate', ...units], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    const bad = join(mkdtempSync(join(tmpdir(), 'kehoach-v-')), 'ho-so.yaml');
    writeFileSync(bad, readFileSync(units[0], 'utf8').replace('dia_danh:', 'dia_danhh:'));
    const r = spawnSync(process.execPath, [BIN, 'validate', bad], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/khóa không có trong mẫu kế hoạch: "dia_danhh"; có phải ý là "dia_danh"\?/);
    expect(r.stderr).not.toMatch(/co_quan_ban_hanh/);
  });
});

describe('working days', () => {
  it.each([
    ['2022-06-20', 5, '2022-06-15'], // Wednesday
    ['2019-06-20', 5, '2019-06-14'], // Saturday → Friday
    ['2022-09-07', 5, '2022-09-01'], // 2 September (fixed holiday), a Friday → Thursday 1 September
    ['2023-05-06', 5, '2023-04-28'], // 1 May → 30 April (holiday, Sunday) → 29 (Saturday) → 28
    ['2021-01-04', 3, '2020-12-31'], // 1 January → 31 December
    ['2022-06-20', 0, '2022-06-20'],
  ])('%s minus %i days → %s', (d, n, want) => expect(earlierWorkingDay(d, n)).toBe(want));
});

describe('derive: bad input', () => {
  const work = mkdtempSync(join(tmpdir(), 'kehoach-derive-bad-'));
  const dept = join(EXAMPLES, '01-hau-giang-tuyen-truyen-cchc.yaml');
  const hauGiangUnit = join(EXAMPLES, 'derive', 'hau-giang', 'units', 'bvdk-tinh.yaml'); // BVĐK, 7 days
  const haiDuongUnit = join(EXAMPLES, 'derive', 'hai-duong', 'units', 'bvdk-tinh.yaml');
  const good = hauGiangUnit;
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, 'derive', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('an invalid profile: its problems with positions, nothing written for it, the others written, exit 1', () => {
    const bad = join(work, 'sai.yaml');
    writeFileSync(bad, readFileSync(good, 'utf8').replace('viet_tat: BVĐK', 'viet_tat: bv dk').replace('bao_cao_truoc: 7', 'bao_cao_truoc: bảy'));
    const out = join(work, 'ra1');
    mkdirSync(out);
    const r = cli([dept, '--unit', bad, good, '--out-dir', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${bad}:5:11: lỗi: .*\\[viet-tat\\]`));
    expect(r.stderr).toMatch(/sai\.yaml:\d+:\d+: lỗi: bao_cao_truoc: cần một số/);
    expect(readdirSync(out)).toEqual([basename(good)]);
  });

  it('a profile naming a department the plan does not know', () => {
    const other = join(work, 'khac.yaml');
    writeFileSync(other, readFileSync(haiDuongUnit, 'utf8'));
    const r = cli([dept, '--unit', other, '--out-dir', work]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${other}:6:11: lỗi: hồ sơ ghi cơ quan cấp trên "Sở Y tế Hải Dương", nhưng kế hoạch do "Sở Y tế Hậu Giang" ban hành.*\\[cap-tren\\]`));
  });

  it('a plan with no tasks for units, and no number', () => {
    const unit = join(work, 'phu-my.yaml');
    writeFileSync(unit, readFileSync(haiDuongUnit, 'utf8').replace('cap_tren: Sở Y tế Hải Dương', 'cap_tren: Trung tâm Y tế Phù Mỹ'));
    const r = cli([join(EXAMPLES, '02-phu-my-truyen-thong-cchc.yaml'), '--unit', unit, '--out-dir', work]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\[khong-co-nhiem-vu\]/);
    expect(r.stderr).toMatch(/\[chua-co-so\]/);
  });

  // the department plan is dated 2019-01-23; its unit tasks report by 2019-06-20 and 2019-12-20
  it.each([
    ['2022-02-30', /--date 2022-02-30: không có ngày này trong lịch/],
    ['2019-13-01', /--date 2019-13-01: không có ngày này trong lịch/],
    ['2019-01-22', /--date 2019-01-22: trước ngày ban hành của kế hoạch cấp trên \(2019-01-23\)/],
  ])('--date %s is a usage error that says what is wrong, and nothing is written', (date, why) => {
    const out = join(work, `ngay-${date}`);
    mkdirSync(out);
    const r = cli([dept, '--unit', good, '--out-dir', out, '--date', date]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).not.toMatch(/lỗi của kehoach/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('--date on the parent plan\'s date is fine', () => {
    const out = join(work, 'ngay-dung');
    mkdirSync(out);
    const r = cli([dept, '--unit', good, '--out-dir', out, '--date', '2019-01-23']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, basename(good)), 'utf8')).toMatch(/^ngay: 2019-01-23$/m);
  });

  it('a deadline moved before the unit plan\'s date keeps the parent\'s, with a warning at its position', () => {
    const out = join(work, 'ngay-muon');
    mkdirSync(out);
    // 20/6 minus 7 days is 13/6, before a unit plan of 18/6
    const r = cli([dept, '--unit', good, '--out-dir', out, '--date', '2019-06-18']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${dept}:\\d+:\\d+: cảnh báo: hạn báo cáo 2019-06-20 .*giữ hạn của cấp trên.*\\[han-giu-nguyen\\]`));
    const written = JSON.stringify(parse(readFileSync(join(out, basename(good)), 'utf8')));
    expect(written).toContain('"han":"2019-06-20"');
    expect(written).toContain('"han":"2019-12-13"'); // 20/12 minus 7 days, a Friday: moved as usual
  });

  it('a --date after a parent deadline names that deadline instead of blaming kehoach', () => {
    const out = join(work, 'ngay-qua-han');
    mkdirSync(out);
    const r = cli([dept, '--unit', good, '--out-dir', out, '--date', '2019-07-18']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${dept}:\\d+:\\d+: lỗi: hạn báo cáo 2019-06-20 của kế hoạch cấp trên đã qua ngày của kế hoạch đơn vị \\(2019-07-18\\).*\\[han-da-qua\\]`));
    expect(r.stderr).not.toMatch(/lỗi của kehoach/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('two profiles with the same file name: refused before anything is written, naming both (exit 2)', () => {
    const a = join(work, 'cung-ten-a');
    const b = join(work, 'cung-ten-b');
    const out = join(work, 'cung-ten-ra');
    for (const d of [a, b, out]) mkdirSync(d);
    copyFileSync(good, join(a, 'don-vi.yaml'));
    copyFileSync(hauGiangUnit.replace('bvdk-tinh', 'ttyt-chau-thanh-a'), join(b, 'don-vi.yaml'));
    const r = cli([dept, '--unit', join(a, 'don-vi.yaml'), join(b, 'don-vi.yaml'), '--out-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(join(a, 'don-vi.yaml'));
    expect(r.stderr).toContain(join(b, 'don-vi.yaml'));
    expect(readdirSync(out)).toEqual([]);
  });

  it('a substitution that leaves a * open is the profile\'s mistake, said at the substitution', () => {
    const unit = join(work, 'thay-sao.yaml');
    writeFileSync(unit, readFileSync(haiDuongUnit, 'utf8').replace('thanh: "viên chức, người lao động Bệnh viện"', 'thanh: "**cải"'));
    const out = join(work, 'thay-sao-ra');
    mkdirSync(out);
    const r = cli([join(EXAMPLES, '04-hai-duong-tuyen-truyen-cchc.yaml'), '--unit', unit, '--out-dir', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${unit}:\\d+:\\d+: lỗi: thay "cán bộ, công chức, viên chức" bằng "\\*\\*cải" để lại dấu \\* .*\\[thay-the-dinh-dang\\]`));
    expect(r.stderr).not.toMatch(/lỗi của kehoach/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('100 unit profiles in one command; plain progress lines when not a terminal', () => {
    const dir = join(work, 'tram');
    const out = join(work, 'tram-ra');
    mkdirSync(dir);
    mkdirSync(out);
    const src = deriveCases()[0].units[0];
    const units = Array.from({ length: 100 }, (_, i) => {
      const f = join(dir, `don-vi-${String(i).padStart(3, '0')}.yaml`);
      copyFileSync(src, f);
      return f;
    });
    const r = cli([deriveCases()[0].dept, '--unit', ...units, '--out-dir', out]);
    expect(r.status, r.stderr.slice(0, 500)).toBe(0);
    expect(readdirSync(out).length).toBe(100);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('đã ghi ')).length).toBe(100);
    expect(r.stderr).not.toMatch(/\r|\x1b\[/);
  });
});

describe('derive keeps the appendix rows that concern units', () => {
  it('rows mentioning the keyword are kept (with their sub-rows) and numbered again', async () => {
    const { derive } = await import('../src/derive/derive.js');
    const { checkProfile } = await import('../src/plan/profile.js');
    const src = readFileSync(join(EXAMPLES, '01-hau-giang-tuyen-truyen-cchc.yaml'), 'utf8') +
      `phu_luc:
  - tieu_de: Nhiệm vụ trọng tâm
    so_thu_tu: true
    cot: [STT, Nhiệm vụ, Chủ trì]
    hang:
      - o: [Tổng hợp báo cáo của ngành, Văn phòng Sở]
      - o: [Tuyên truyền tại các đơn vị trực thuộc, Các đơn vị]
        con:
          - o: [Niêm yết thủ tục hành chính, Bộ phận một cửa]
      - o: [Kiểm tra công vụ, Phòng Tổ chức cán bộ]
      - o: [Cuộc thi trực tuyến cho đơn vị, Các đơn vị]
`;
    const dept = checkText('dept.yaml', src);
    expect(dept.messages).toEqual([]);
    const unit = checkProfile('u.yaml', readFileSync(deriveCases()[1].units[1]));
    const wording = { opening: () => 'Mở đầu.', closing: () => 'Kết.', report: () => 'Định kỳ báo cáo' };
    const d = derive(dept.input!, dept.plan!, unit.profile!, { wording });
    if ('problems' in d) throw new Error(JSON.stringify(d.problems));
    const rows = d.plan.phu_luc![0].hang!;
    expect(rows.map((r) => r.o![0])).toEqual(['Tuyên truyền tại các đơn vị trực thuộc', 'Cuộc thi trực tuyến cho đơn vị']);
    expect(rows[0].con?.length).toBe(1);
    const again = checkText('unit.yaml', (await import('yaml')).stringify(d.plan));
    expect(again.plan!.phu_luc[0].hang.map((r) => r.o[0].noi_dung[0])).toEqual(['1.', '1.1', '2.']);
  });
});
