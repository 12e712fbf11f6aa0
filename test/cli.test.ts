// The command line as a clerk meets it: every word Vietnamese, every outcome said (in JSON too), and
// the batch bugs of issue 12 (same-named inputs, their PDFs, init's date, --dump-model of several files).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleFiles, ROOT, run } from './helpers.js';

const BIN = join(ROOT, 'bin', 'kehoach.js');
const cli = (args: string[], env: NodeJS.ProcessEnv = process.env) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env });
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `kehoach-${name}-`));
const [PLAN_A, PLAN_B] = exampleFiles();
const COMMANDS = ['validate', 'render', 'derive', 'lint', 'check', 'init', 'schema'];
const NEW_FILE = 'khong-co-thu-muc/ke-hoach.yaml'; // in a folder that does not exist: nothing can be written

describe('help, in Vietnamese only', () => {
  // commander's own words, in any case (issue 17: "none of … in any case")
  const ENGLISH = /usage|options|commands|arguments|default|choices|required|did you mean|error/i;
  const helps: [string, string[]][] = [
    ['kehoach', []],
    ['kehoach --help', ['--help']],
    ['kehoach help', ['help']],
    ...COMMANDS.flatMap((c): [string, string[]][] => [
      [`kehoach ${c} --help`, [c, '--help']],
      [`kehoach help ${c}`, ['help', c]],
    ]),
  ];
  it.each(helps)('%s: exit 0, on standard output, no English word of commander', async (_, args) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Cách dùng: kehoach/);
    expect(r.out).not.toMatch(ENGLISH);
  });
  it('every command is listed by bare kehoach, and each one\'s help names it', async () => {
    const bare = (await run([])).out;
    for (const c of COMMANDS) {
      expect(bare).toMatch(new RegExp(`^  ${c} `, 'm'));
      expect((await run(['help', c])).out).toMatch(new RegExp(`^Cách dùng: kehoach ${c} `));
    }
    expect(bare).toContain('Tùy chọn:');
    expect(bare).toContain('Lệnh:');
  });
  it('choices and defaults are said in Vietnamese', async () => {
    const render = (await run(['render', '--help'])).out;
    expect(render).toMatch(/--format <kiểu> +kiểu kết quả: text \(dòng chữ\) hoặc json \(một đối\s+tượng JSON\) \(chọn: text, json; mặc định: text\)/);
    expect((await run(['init', '--help'])).out).toMatch(/tệp +tên tệp kế hoạch mới \(mặc định: ke-hoach\.yaml\)/);
  });
  it('the built command gives the same help as the source', async () => {
    for (const args of [[], ['render', '--help'], ['help', 'derive']]) {
      const r = cli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe((await run(args)).out);
    }
  });
});

describe('usage errors, said in full in Vietnamese (exit 2)', () => {
  const cases: [string[], string][] = [
    [['rendr', 'x.yaml'], 'kehoach: lỗi: lệnh không có: rendr (có phải ý là render?). Các lệnh: validate, render, derive, import, lint, check, init, schema, keys, xem.'],
    [['render', '--formt', 'json', 'x.yaml'], 'kehoach: lỗi: tùy chọn không hợp lệ: --formt (có phải ý là --format?). Xem "kehoach render --help".'],
    [['derive', 'x.yaml'], 'kehoach: lỗi: lệnh này cần tùy chọn --unit <hồ-sơ.yaml...>. Xem "kehoach derive --help".'],
    [['render', '--format', 'xml', 'x.yaml'], 'kehoach: lỗi: tùy chọn --format <kiểu> không nhận giá trị "xml"; chọn một trong: text, json.'],
    [['render', 'x.yaml', '--out-dir'], 'kehoach: lỗi: tùy chọn --out-dir <thư mục> cần một giá trị. Xem "kehoach render --help".'],
    [['render'], 'kehoach: lỗi: thiếu tên tệp. Xem "kehoach render --help".'],
    [['derive', '--unit', 'u.yaml'], 'kehoach: lỗi: thiếu tham số <kế-hoạch-cấp-trên>. Xem "kehoach derive --help".'],
    [['help', 'rendr'], 'kehoach: lỗi: lệnh không có: rendr. Các lệnh: validate, render, derive, import, lint, check, init, schema, keys, xem.'],
    [['schema', 'x.yaml'], 'kehoach: lỗi: thừa tham số: lệnh schema nhận không tham số nào, đã cho 1. Xem "kehoach schema --help".'],
    [['init', '--date', '2025-13-01', NEW_FILE], 'kehoach: lỗi: --date 2025-13-01: không phải một ngày có trên lịch; cần dạng NĂM-THÁNG-NGÀY, ví dụ 2025-03-24.'],
    [['init', '--date', '2025-02-29', NEW_FILE], 'kehoach: lỗi: --date 2025-02-29: không phải một ngày có trên lịch; cần dạng NĂM-THÁNG-NGÀY, ví dụ 2025-03-24.'],
  ];
  it.each(cases)('kehoach %j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(message + '\n');
  });
  it('init --date that does not exist writes nothing', async () => {
    const f = join(tmp('init-date'), 'ke-hoach.yaml');
    expect((await run(['init', '--date', '2025-13-01', f])).code).toBe(2);
    expect(existsSync(f)).toBe(false);
  });
});

describe('--version', () => {
  it('names the version and the decree whose layout it follows', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    const r = cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`kehoach ${version}: văn bản theo thể thức Nghị định 30/2020/NĐ-CP (Phụ lục I; Kế hoạch theo Mẫu 1.4, Phụ lục III); tệp kế hoạch định dạng phiên bản 3\n`);
  });
});

describe('saying what happened', () => {
  it('a plan that is fine gets one line', async () => {
    const r = await run(['validate', PLAN_A]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`${PLAN_A}: hợp lệ\n`);
    expect((await run(['validate', '-q', PLAN_A])).err).toBe('');
  });
  it('lint of a clean file says so in one line', async () => {
    const clean = exampleFiles()[1]; // 02: no lint warning
    const r = await run(['lint', clean]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`${clean}: không có cảnh báo\n`);
  });
  it('validate a.yaml missing.yaml b.yaml: every file reported, then exit 2', async () => {
    const missing = join(tmpdir(), 'khong-co', 'ke-hoach.yaml');
    const r = await run(['validate', PLAN_A, missing, PLAN_B]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${PLAN_A}: hợp lệ\nkehoach: lỗi: ${missing}: không tìm thấy tệp hoặc thư mục.\n${PLAN_B}: hợp lệ\n`);
  });
  it('check on a path with no plan is an error, never "0 đạt, 0 lỗi"', async () => {
    const dir = tmp('check-empty');
    writeFileSync(join(dir, 'ghi-chu.txt'), 'không phải kế hoạch\n');
    const r = await run(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`kehoach: lỗi: ${dir}: không có tệp kế hoạch (.yaml) nào để kiểm tra.\n`);
  });
  it('no hint says "npx kehoach": the starter file names the installed command', async () => {
    const f = join(tmp('init-hint'), 'ke-hoach.yaml');
    expect((await run(['init', f])).code).toBe(0);
    const head = readFileSync(f, 'utf8').split('\n').slice(0, 5).join('\n');
    expect(head).toContain('#   kehoach validate ke-hoach.yaml');
    expect(head).not.toContain('npx');
  });
});

describe('--format json: every outcome is one JSON object on standard output', () => {
  it('a usage error', async () => {
    const r = await run(['render', '--format', 'json', '--khong-co', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual({
      exit: 2,
      messages: [{ severity: 'lỗi', rule: 'cach-dung', message: 'tùy chọn không hợp lệ: --khong-co. Xem "kehoach render --help".' }],
      written: [],
    });
  });
  it('a file that cannot be read', async () => {
    const r = await run(['validate', '--format=json', '/khong/co.yaml']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ exit: 2, messages: [{ severity: 'lỗi', rule: 'cach-dung', message: '/khong/co.yaml: không tìm thấy tệp hoặc thư mục.' }], written: [] });
  });
  it('render lists the files it wrote', async () => {
    const out = tmp('json-render');
    const r = await run(['render', '--format', 'json', PLAN_A, PLAN_B, '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const names = [PLAN_A, PLAN_B].map((f) => join(out, f.split('/').pop()!.replace(/\.yaml$/, '.docx')));
    expect(JSON.parse(r.out)).toEqual({ exit: 0, messages: [], written: names });
    for (const n of names) expect(existsSync(n)).toBe(true);
  });
  it('derive lists the files it wrote, and one it left (exit 2) as a message, nothing on standard error', async () => {
    const out = tmp('json-derive');
    const c = join(ROOT, 'examples', 'derive', 'hau-giang');
    const units = readdirSync(join(c, 'units')).map((f) => join(c, 'units', f));
    const args = ['derive', '--format', 'json', join(c, 'ke-hoach-so-y-te.yaml'), '--unit', ...units, '--out-dir', out];
    const r = await run(args);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const names = units.map((u) => join(out, u.split('/').pop()!));
    expect(JSON.parse(r.out)).toMatchObject({ exit: 0, written: names });
    const again = await run(args);
    expect(again.code).toBe(2);
    expect(again.err).toBe('');
    const j = JSON.parse(again.out);
    expect(j.written).toEqual([]);
    expect(j.messages.map((m: { message: string }) => m.message)).toEqual(names.map((n) => expect.stringContaining(`bỏ qua ${n}: tệp đã có`)));
  });
  it('check: the counts, in the same object', async () => {
    const r = await run(['check', '--format', 'json', PLAN_A]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ exit: 0, messages: [], passed: 1, failed: 0 });
  });
});

describe('same-named inputs (issue 12)', () => {
  /** Two different plans, both called x.yaml, in a/ and b/. */
  function twins() {
    const dir = tmp('twins');
    const [a, b] = [join(dir, 'a', 'x.yaml'), join(dir, 'b', 'x.yaml')];
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(PLAN_A, a);
    copyFileSync(PLAN_B, b);
    return { dir, a, b };
  }
  it('render a/x.yaml b/x.yaml --out-dir out: refused before writing anything, naming both', async () => {
    const { dir, a, b } = twins();
    const out = join(dir, 'out');
    const r = await run(['render', a, b, '--out-dir', out]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`kehoach: lỗi: ${a} và ${b} cùng ghi ra ${join(out, 'x.docx')}; hãy đổi tên một tệp, hoặc tạo từng tệp với -o.\n`);
    expect(existsSync(out)).toBe(false);
  });
  it('names that differ only in case are the same file on Windows and macOS: refused too', async () => {
    const { dir, a } = twins();
    const upper = join(dir, 'b', 'X.yaml');
    copyFileSync(PLAN_B, upper);
    const r = await run(['render', a, upper, '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${a} và ${upper} cùng ghi ra`);
  });
  it('the same file twice is refused', async () => {
    const r = await run(['render', PLAN_A, PLAN_A, '--out-dir', tmp('twice')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`kehoach: lỗi: ${PLAN_A} có hai lần trong danh sách tệp; mỗi tệp chỉ ghi một lần.\n`);
  });
  it('derive and import follow the same rule: two inputs named alike are refused before anything is written', async () => {
    const { dir, a, b } = twins();
    const out = join(dir, 'out');
    const d = await run(['derive', PLAN_A, '--unit', a, b, '--out-dir', out]);
    expect(d.code).toBe(2);
    expect(d.err).toBe(`kehoach: lỗi: ${a} và ${b} cùng ghi ra ${join(out, 'x.yaml')}; hãy đổi tên một tệp, hoặc tạo từng tệp với -o.\n`);
    const ta = join(dir, 'a', 'k.txt');
    const tb = join(dir, 'b', 'K.txt');
    writeFileSync(ta, 'KẾ HOẠCH\n');
    writeFileSync(tb, 'KẾ HOẠCH\n');
    const i = await run(['import', ta, tb, '--out-dir', out]);
    expect(i.code).toBe(2);
    expect(i.err).toContain(`${ta} và ${tb} cùng ghi ra`);
    expect(existsSync(out)).toBe(false);
  });
  it('beside their inputs, a/x.yaml and b/x.yaml each get their own PDF', () => {
    const { dir, a, b } = twins();
    // a stand-in LibreOffice: each PDF says which .docx it was made from (its bytes' digest)
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'soffice'),
      '#!/bin/sh\nout=""\nwhile [ $# -gt 0 ]; do case "$1" in --outdir) out="$2"; shift;; *.docx) mkdir -p "$out"; sha256sum < "$1" > "$out/$(basename "$1" .docx).pdf";; esac; shift; done\n',
    );
    chmodSync(join(bin, 'soffice'), 0o755);
    const r = cli(['render', a, b, '--pdf'], { ...process.env, PATH: `${bin}:${process.env.PATH}` });
    expect(r.status, r.stderr).toBe(0);
    const digest = (f: string) => spawnSync('sha256sum', { input: readFileSync(f), encoding: 'utf8' }).stdout;
    for (const side of ['a', 'b']) {
      expect(readFileSync(join(dir, side, 'x.pdf'), 'utf8')).toBe(digest(join(dir, side, 'x.docx')));
    }
    expect(readFileSync(join(dir, 'a', 'x.pdf'), 'utf8')).not.toBe(readFileSync(join(dir, 'b', 'x.pdf'), 'utf8'));
    expect(r.stderr.trim().split('\n')).toEqual([`đã ghi ${join(dir, 'a', 'x.docx')}`, `đã ghi ${join(dir, 'b', 'x.docx')}`, `đã ghi ${join(dir, 'a', 'x.pdf')}`, `đã ghi ${join(dir, 'b', 'x.pdf')}`]);
  });
});

describe('render --dump-model', () => {
  it('several files: one JSON array, one model per file, in order', async () => {
    const one = await run(['render', '--dump-model', PLAN_A]);
    const two = await run(['render', '--dump-model', PLAN_A, PLAN_B]);
    expect(two.code).toBe(0);
    const models = JSON.parse(two.out);
    expect(Array.isArray(models)).toBe(true);
    expect(models.length).toBe(2);
    expect(JSON.parse(one.out)).toEqual([models[0]]);
    expect(models[0]).not.toEqual(models[1]);
  });
});

describe('init takes the clerk\'s local date', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });
  it('01:00 on 1 January 2026 in Việt Nam (still 2025 in UTC) gives a 2026 plan', async () => {
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-12-31T18:00:00Z'));
    const f = join(tmp('init-tz'), 'ke-hoach.yaml');
    const r = await run(['init', f]);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(f, 'utf8');
    expect(text).toMatch(/^ngay: 2026-01 /m);
    expect(text).toContain('trich_yeu: "Thực hiện nhiệm vụ năm 2026"');
  });
});

describe('the starter file', () => {
  it('init writes one file and says so', async () => {
    const dir = tmp('init-one');
    const r = await run(['init', join(dir, 'ke-hoach.yaml')]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`đã tạo ${join(dir, 'ke-hoach.yaml')}\n`);
    expect(readdirSync(dir)).toEqual(['ke-hoach.yaml']);
  });
});

describe('the installed command', () => {
  it('a clone where the bundle was never built says how to build it (exit 2, no stack trace)', () => {
    const home = tmp('unbuilt');
    cpSync(join(ROOT, 'bin'), join(home, 'bin'), { recursive: true });
    const r = spawnSync(process.execPath, [join(home, 'bin', 'kehoach.js'), '--version'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kehoach: lỗi: chưa có dist/kehoach.mjs; trong thư mục mã nguồn hãy chạy "npm run build".\n');
  });
  it('runs from the files package.json ships alone (no node_modules), from another folder', () => {
    // what `npm pack` puts in the tarball: the bundle must carry every library it uses
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    // pdfjs-dist alone stays outside the bundle (it loads its worker from beside itself): installed beside it
    expect(pkg.dependencies ?? {}).toEqual({ 'pdfjs-dist': expect.any(String) });
    const home = tmp('installed');
    for (const f of [...pkg.files, 'package.json']) cpSync(join(ROOT, f), join(home, 'kehoach', f), { recursive: true });
    cpSync(join(ROOT, 'node_modules', 'pdfjs-dist'), join(home, 'kehoach', 'node_modules', 'pdfjs-dist'), { recursive: true });
    const work = join(home, 'viec');
    mkdirSync(work);
    copyFileSync(PLAN_A, join(work, 'ke-hoach.yaml'));
    const r = spawnSync(process.execPath, [join(home, 'kehoach', 'bin', 'kehoach.js'), 'render', 'ke-hoach.yaml'], { cwd: work, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('đã ghi ke-hoach.docx\n');
    expect(r.status).toBe(0);
    expect(readFileSync(join(work, 'ke-hoach.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});
