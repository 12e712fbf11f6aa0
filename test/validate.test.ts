import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkBytes, checkText } from '../src/plan/validate.js';
import { suggest } from '../src/plan/issues.js';
import { planJsonSchema } from '../src/plan/json-schema.js';
import { exampleFiles, ROOT, run } from './helpers.js';

describe('examples', () => {
  it.each(exampleFiles().map((f) => [basename(f), f]))('%s validates', (_, f) => {
    const r = checkBytes(f, readFileSync(f));
    expect(r.messages.filter((m) => m.severity === 'lỗi')).toEqual([]);
    expect(r.plan).toBeDefined();
  });

  it('every example starts with the schema comment for editors', () => {
    for (const f of exampleFiles()) expect(readFileSync(f, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/plan.schema.json');
  });
});

// One loop over test/invalid/: each NAME.yaml has NAME.expected, one "LINE:COL rule" per line.
describe('invalid plans report every problem at its position', () => {
  const dir = join(ROOT, 'test', 'invalid');
  const cases = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  it('has a corpus', () => expect(cases.length).toBeGreaterThanOrEqual(15));
  it.each(cases)('%s', (name) => {
    const file = join(dir, name);
    const r = checkBytes(name, readFileSync(file));
    const expected = readFileSync(file.replace(/\.yaml$/, '.expected'), 'utf8').trim().split('\n').sort();
    const got = [...new Set(r.messages.filter((m) => m.severity === 'lỗi').map((m) => `${m.line}:${m.column} ${m.rule}`))].sort();
    expect(got).toEqual(expected);
    expect(r.plan).toBeUndefined();
    for (const m of r.messages) expect(m.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵẹẻẽèéêệềếểễịỉĩìíọỏõòóôộồốổỗơờớợởỡụủũùúưừứựửữỵỷỹỳýđ]/);
  });
});

describe('hostile bytes', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const rules = (bytes: Uint8Array) => checkBytes('x.yaml', bytes).messages.map((m) => `${m.line}:${m.column} ${m.rule}`);
  const ok = readFileSync(exampleFiles()[0], 'utf8');

  it('UTF-16 is refused with advice', () => expect(rules(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual(['1:1 ma-hoa']));
  it('NUL bytes mean a binary file', () => expect(rules(enc('a: b\nc: \0'))).toEqual(['2:4 tep-nhi-phan']));
  it('invalid UTF-8 is located', () => expect(rules(new Uint8Array([...enc('a: b\nc: '), 0xc3, 0x28]))).toEqual(['2:4 ma-hoa']));
  it('a UTF-8 BOM and CRLF line ends are fine', () => {
    const r = checkBytes('x.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(ok.replace(/\n/g, '\r\n'))]));
    expect(r.messages).toEqual([]);
    expect(r.plan).toBeDefined();
  });
  it('a control character inside text is an error at its value', () => {
    const r = checkText('x.yaml', ok.replace(/^trich_yeu: .*$/m, 'trich_yeu: "Tuyên\\u0007 truyền"'));
    expect(r.messages.map((m) => m.rule)).toContain('ky-tu-cam');
  });
  it('nesting 10,000 levels deep is refused without a crash', () => {
    const deep = 'a: ' + '['.repeat(10000) + ']'.repeat(10000);
    expect(rules(enc(deep))[0]).toMatch(/ (qua-sau|yaml)$/);
  });
  it('a file over the size limit is refused before parsing', () => {
    expect(rules(new Uint8Array(6 * 1024 * 1024).fill(0x61))).toEqual(['1:1 tep-qua-lon']);
  });
  it('a list or a block as a key is an error at the key (and no Node warning of the YAML library)', () => {
    expect(rules(enc('? [a, b]\n: c\n[d]: e\n'))).toEqual(['1:3 yaml', '3:1 yaml']);
  });
  it('NFD text is normalised to NFC', () => {
    const r = checkText('x.yaml', ok.replace('Tuyên truyền cải cách', 'Tuyên truyền cải cách'.normalize('NFD')));
    expect(r.plan!.trich_yeu).toBe(r.plan!.trich_yeu.normalize('NFC'));
    expect(r.plan!.trich_yeu).toContain('Tuyên truyền cải cách');
  });
});

describe('suggestions', () => {
  it.each([
    ['trich_yue', 'trich_yeu'],
    ['noi_nhận', 'noi_nhan'],
    ['nguoiky', 'nguoi_ky'],
    ['phu-luc', 'phu_luc'],
  ])('%s → %s', (k, s) => expect(suggest(k)).toBe(s));
  it('nothing for a word far from every key', () => expect(suggest('xyzzyqwerty')).toBeUndefined());
});

describe('JSON Schema', () => {
  it('schemas/plan.schema.json is what the zod schema generates (regenerate: kehoach schema > schemas/plan.schema.json)', () => {
    expect(readFileSync(join(ROOT, 'schemas', 'plan.schema.json'), 'utf8').trim()).toBe(planJsonSchema());
  });
  it('kehoach schema prints it', async () => {
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).$defs.KeHoach.title).toBe('Kế hoạch');
  });
});

describe('validate command', () => {
  it('exit 0 for valid plans', async () => expect((await run(['validate', ...exampleFiles()])).code).toBe(0));
  it('exit 1 with FILE:LINE:COL messages', async () => {
    const f = join(ROOT, 'test', 'invalid', 'ba-loi.yaml');
    const r = await run(['validate', f]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${f}:4:7: lỗi: ngay: ngày 2019-02-30 không có trên lịch`);
    expect(r.err).toContain('có phải ý là "trich_yeu"?');
  });
  it('--format json prints the same messages', async () => {
    const r = await run(['validate', '--format', 'json', join(ROOT, 'test', 'invalid', 'ba-loi.yaml')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).messages.map((m: { rule: string }) => m.rule).sort()).toEqual(['khoa-la', 'kieu-du-lieu', 'ngay-khong-ton-tai']);
  });
  it('exit 2 for a missing file, an unknown flag, no file', async () => {
    expect((await run(['validate', '/khong/co/tep.yaml'])).code).toBe(2);
    const flag = await run(['validate', '--khong-co', 'x.yaml']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/tùy chọn không hợp lệ/);
    expect((await run(['validate'])).code).toBe(2);
    expect((await run(['khong-co-lenh'])).code).toBe(2);
  });
});

describe('README', () => {
  it('its full example is a valid plan', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)![1];
    const r = checkText('README.md', yaml);
    expect(r.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
    expect(r.plan!.phu_luc[0].hang.length).toBe(3);
  });
});

describe('the examples the schema gives in its descriptions (kehoach keys, editors)', () => {
  it('the ky_ten example reads in YAML as the two lines it shows, not three ("(Ký tên", "đóng dấu)")', async () => {
    const { parse } = await import('yaml');
    const descriptions = [...planJsonSchema().matchAll(/"description": "((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    const kyTen = descriptions.find((d) => d.startsWith('Khối ký ở cuối phụ lục'))!;
    const example = /ví dụ (\[.*?\])(?= \()/u.exec(kyTen)![1];
    expect(parse(example)).toEqual(['LÃNH ĐẠO ĐƠN VỊ', '(Ký tên, đóng dấu)']);
  });
});

describe('unit profile JSON Schema', () => {
  it('schemas/unit.schema.json is what the zod schema generates (regenerate: kehoach schema --unit > schemas/unit.schema.json)', async () => {
    const { profileJsonSchema } = await import('../src/plan/json-schema.js');
    expect(readFileSync(join(ROOT, 'schemas', 'unit.schema.json'), 'utf8').trim()).toBe(profileJsonSchema());
  });
});

describe('__proto__ is a key like any other (issue 13)', () => {
  const ok = readFileSync(join(ROOT, 'test', 'bad-input', 'crlf.yaml'), 'utf8').replace(/\r\n/g, '\n');
  const found = (text: string) => checkText('x.yaml', text).messages.map((m) => `${m.line}:${m.column} ${m.rule} ${m.message}`);

  it('in place of dia_danh: reported, and dia_danh is missing', () => {
    const r = checkText('x.yaml', ok.replace('dia_danh: Hậu Giang', '__proto__:\n  dia_danh: X'));
    expect(r.plan).toBeUndefined();
    expect(found(ok.replace('dia_danh: Hậu Giang', '__proto__:\n  dia_danh: X'))).toEqual([
      '1:1 thieu-khoa thiếu khóa bắt buộc "dia_danh"; hãy thêm "dia_danh: ..." vào khối này.',
      '3:1 khoa-la khóa không có trong mẫu kế hoạch: "__proto__"; hãy xem các khóa hợp lệ trong schemas/plan.schema.json.',
    ]);
  });

  it('under nguoi_ky: reported, with the keys under it never read as the signer\'s', () => {
    const text = ok.replace('nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A }', 'nguoi_ky:\n  chuc_vu: GIÁM ĐỐC\n  ho_ten: Nguyễn Văn A\n  __proto__: { quyen_han: TL, extra_bad_key: 1 }');
    const r = checkText('x.yaml', text);
    expect(r.plan).toBeUndefined();
    expect(found(text)).toEqual(['12:3 khoa-la khóa không có trong mẫu kế hoạch: "__proto__"; hãy xem các khóa hợp lệ trong schemas/plan.schema.json.']);
  });

  it('the checked data has no inherited keys: a plan without __proto__ normalises as before', () => {
    const r = checkText('x.yaml', ok);
    expect(r.plan?.nguoi_ky).toMatchObject({ chuc_vu: 'GIÁM ĐỐC', ho_ten: 'Nguyễn Văn A' });
  });
});

describe('a unit with no task (issue 19: never an empty heading)', () => {
  it('is an error at its noi_dung', () => {
    const text = `co_quan_ban_hanh: SỞ Y TẾ
viet_tat: SYT
dia_danh: Hậu Giang
trich_yeu: Tuyên truyền
noi_dung:
  - phan: to_chuc_thuc_hien
    noi_dung:
      - don_vi: Phòng Tổ chức cán bộ
        noi_dung: []
noi_nhan: [Sở Nội vụ]
luu: VT
nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A }
`;
    const r = checkText('x.yaml', text);
    expect(r.plan).toBeUndefined();
    expect(r.messages.map((m) => `${m.line}:${m.column} ${m.rule}`)).toEqual(['9:19 danh-sach-rong']);
  });
});

describe('a plan date that does not exist', () => {
  it('is one error, at ngay: no deadline is said to fall before it', () => {
    const text = readFileSync(exampleFiles().find((f) => f.includes('01-hau-giang'))!, 'utf8').replace(/^ngay: 2019-01-23$/m, 'ngay: 2019-13-45');
    expect(text).toContain('ngay: 2019-13-45');
    const rules = checkText('x.yaml', text).messages.map((m) => m.rule);
    expect(rules).not.toContain('han-bao-cao');
    expect(rules.length).toBe(1);
  });
});
