// The hostile-input corpus: every case goes through the real CLI in its own process, with a 1 GB heap
// and a 10 s limit. Each must end with its expected exit code and messages (LINE:COL rule), print no
// stack trace, and leave no output file unless the input was in fact fine.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, run } from './helpers.js';

const DIR = join(ROOT, 'test', 'bad-input');
const BIN = join(ROOT, 'bin', 'kehoach.js');
const DEPT = join(ROOT, 'examples', '01-hau-giang-tuyen-truyen-cchc.yaml');
const expected: Record<string, { exit: number; messages: string[] }> = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));

const ok = readFileSync(join(DIR, 'crlf.yaml'), 'utf8').replace(/\r\n/g, '\n');
const rows = (n: number, cells = (i: number) => `Nhiệm vụ ${i}, Phòng TCHC, Quý ${(i % 4) + 1}`) =>
  ok + 'phu_luc:\n  - tieu_de: Bảng\n    cot: [A, B, C]\n    hang:\n' + Array.from({ length: n }, (_, i) => `      - o: [${cells(i)}]\n`).join('');

const labelled = readFileSync(join(ROOT, 'test', 'fixtures', 'messages', 'nhan-hai-cham-sau-khoa.yaml'), 'utf8');

/** Cases too big or too binary to keep as files: made at test time. */
const generated: Record<string, { bytes: () => Uint8Array; exit: number; messages: string[] }> = {
  'nhi-phan.png': { bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), exit: 1, messages: ['3:1 tep-nhi-phan'] },
  // a document saved or named as a plan: said what it is and how to bring it in (kehoach import)
  'pdf-dat-ten-yaml.yaml': { bytes: () => Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), exit: 1, messages: ['1:1 tep-van-ban'] },
  'docx-dat-ten-yaml.yaml': { bytes: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0]), exit: 1, messages: ['1:1 tep-van-ban'] },
  'nul.yaml': { bytes: () => Buffer.from(ok.replace('Một đoạn', 'Một\0đoạn')), exit: 1, messages: ['6:43 tep-nhi-phan'] },
  'utf8-sai.yaml': { bytes: () => Buffer.concat([Buffer.from('co_quan_ban_hanh: S'), Buffer.from([0xd4, 0x20]), Buffer.from(' Y TẾ\n')]), exit: 1, messages: ['1:20 ma-hoa'] },
  'windows-1258.yaml': { bytes: () => Buffer.from([...Buffer.from('dia_danh: H'), 0xe2, 0xd5, ...Buffer.from('u Giang\n')]), exit: 1, messages: ['1:12 ma-hoa'] },
  'utf16le.yaml': { bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ok, 'utf16le')]), exit: 1, messages: ['1:1 ma-hoa'] },
  'utf16be.yaml': { bytes: () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ok, 'utf16le').swap16()]), exit: 1, messages: ['1:1 ma-hoa'] },
  'long-10000-cap.yaml': { bytes: () => Buffer.from('a: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n'), exit: 1, messages: ['1:67 qua-sau'] },
  'long-10000-bang.yaml': { bytes: () => Buffer.from('a: ' + '{b: '.repeat(10000) + '1' + '}'.repeat(10000) + '\n'), exit: 1, messages: ['1:256 qua-sau'] },
  // a long run of spaces inside a line the reader explains (a label, a value opened with "**"): each message
  // is made in linear time (a lazy match before "\s*$" once took 36 s here)
  'nhan-hai-cham-150k-dau-cach.yaml': { bytes: () => Buffer.from(labelled.replace('Địa điểm: sân trường.', `Địa điểm: sân${' '.repeat(150_000)}trường.`)), exit: 1, messages: ['9:7 nhan-hai-cham'] },
  'dau-sao-150k-dau-cach.yaml': { bytes: () => Buffer.from(labelled.replace('- gach: Địa điểm: sân trường.', `- **Lưu ý** sân${' '.repeat(150_000)}trường. {`)), exit: 1, messages: ['9:9 dau-sao-dau'] },
  'long-600-thut-le.yaml': { bytes: () => Buffer.from(Array.from({ length: 600 }, (_, i) => ' '.repeat(i) + 'a:\n').join('') + ' '.repeat(600) + 'b: 1\n'), exit: 1, messages: ['65:65 qua-sau'] },
  'van-ban-50mb.yaml': { bytes: () => Buffer.alloc(50 * 1024 * 1024, 'a'), exit: 1, messages: ['1:1 tep-qua-lon'] },
  '8000-noi-nhan.yaml': {
    bytes: () => Buffer.from(ok.replace('noi_nhan: [Sở Nội vụ]', 'noi_nhan:\n' + Array.from({ length: 8_000 }, (_, i) => `  - Đơn vị ${i}\n`).join(''))),
    exit: 1,
    messages: ['8:3 danh-sach-dai'],
  },
  '4001-hang.yaml': { bytes: () => Buffer.from(rows(4_001, (i) => `${i}, b, c`)), exit: 1, messages: ['14:7 danh-sach-dai'] },
  'hang-con-qua-dai.yaml': {
    bytes: () => Buffer.from(ok + 'phu_luc:\n  - tieu_de: Bảng\n    cot: [A]\n    hang:\n      - o: [x]\n        con:\n' + '          - o: [y]\n'.repeat(5_000)),
    exit: 1,
    messages: ['14:7 bang-qua-dai'],
  },
  '4000-hang.yaml': { bytes: () => Buffer.from(rows(4_000, (i) => `Nhiệm vụ ${i}, TCHC, Quý ${(i % 4) + 1}`)), exit: 0, messages: [] },
};

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kehoach-bad-'));
  for (const [name, g] of Object.entries(generated)) writeFileSync(join(work, name), g.bytes());
});

// In process (the CLI's own main(), as a clerk's command runs it): a crash or a stack trace fails the case.
// How long the worst of these take is the benchmark's to say (bench/worst-case.mjs), not a test's.
async function runCase(file: string, name: string, exit: number, messages: string[], extra: string[] = []) {
  const out = join(work, 'out-' + name);
  mkdirSync(out, { recursive: true });
  // ho-so-*: a unit profile, used to derive from the Hậu Giang department plan
  const args = name.startsWith('ho-so-') ? ['derive', DEPT, '--unit', file] : ['render', file];
  const r = await run([...args, '--out-dir', out, '-q', ...extra]);
  expect(r.err, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(r.err).not.toMatch(/lỗi nội bộ/);
  expect(r.code, `${name}: ${r.err.slice(0, 2000)}`).toBe(exit);
  // only messages about the case's own file (derive also names the department plan when it is at fault)
  const mine = r.err.split('\n').filter((l) => l.startsWith(file + ':')).join('\n');
  const got = [...new Set([...mine.matchAll(/^.*?:(\d+):(\d+): lỗi: .* \[([a-z-]+)\]$/gm)].map((m) => `${m[1]}:${m[2]} ${m[3]}`))].sort();
  expect(got, r.err.slice(0, 2000)).toEqual([...messages].sort());
  const written = readdirSync(out);
  if (exit === 0) expect(written).toEqual([name.replace(/\.[a-z0-9]+$/, name.startsWith('ho-so-') ? '.yaml' : '.docx')]);
  else expect(written, 'nothing written for an invalid plan').toEqual([]);
}

describe('hostile input corpus', () => {
  it('has at least 40 cases, unit profiles among them', () => {
    expect(Object.keys(expected).length + Object.keys(generated).length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).filter((n) => n.startsWith('ho-so-')).length).toBeGreaterThanOrEqual(5);
  });
  it.each(Object.keys(expected).sort())('%s', async (name) => runCase(join(DIR, name), name, expected[name].exit, expected[name].messages));
  it.each(Object.keys(generated).sort())('%s (generated)', async (name) => runCase(join(work, name), name, generated[name].exit, generated[name].messages));
});

describe('the size limit', () => {
  it('a 50 MB file is not reported as 5.0 MB: the message gives the limit, never a size it did not measure', () => {
    const r = spawnSync(process.execPath, [BIN, 'validate', join(work, 'van-ban-50mb.yaml')], { encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tệp lớn hơn giới hạn 192 KB cho một kế hoạch');
    expect(r.stderr).not.toMatch(/\d\.\d MB|50 MB|5 MB/);
  });
});

describe('usage problems exit 2 with a message', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 10_000 });
  it.each([
    ['a missing file', ['render', '/khong/co/ke-hoach.yaml'], /không tìm thấy tệp/],
    ['a folder as the plan', ['validate', DIR], /là một thư mục/],
    ['an unknown flag', ['render', '--khong-co'], /tùy chọn không hợp lệ/],
    ['an unknown command', ['ve'], /lệnh không có/],
    ['no file', ['render'], /thiếu tên tệp/],
  ])('%s', (_, args, message) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
