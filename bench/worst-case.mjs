// Worst-case inputs: a generator for each shape of plan that costs the reader, the validator or lint the
// most for its size. test/worst-case.test.ts counts the work they cause at n and 4n (linear growth);
// run directly, this script makes each as large as the size limit (LIMIT_BYTES) allows and times `validate` on it:
//   node bench/worst-case.mjs          (after node scripts/build.mjs)
// Every file must validate in at most 2 s and 500 MB (issue 13).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A valid plan that the shapes below grow. */
export const BASE = `co_quan_ban_hanh: SỞ Y TẾ
viet_tat: SYT
dia_danh: Hậu Giang
ngay: 2019-01-23
trich_yeu: Tuyên truyền cải cách hành chính
noi_dung:
  - muc: MỤC ĐÍCH
    noi_dung:
      - Một đoạn văn.
noi_nhan: [Sở Nội vụ]
luu: VT
nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A }
`;

const repeat = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');

/** Each shape: n → the text of a plan. */
export const SHAPES = {
  /** Unknown keys at the top level (each one a message). */
  'many-keys': (n) => BASE + repeat(n, (i) => `khoa_la_${i}: x\n`),
  /** The same key again and again (the YAML library's own check of this was quadratic). */
  'duplicate-keys': (n) => BASE + repeat(n, () => `trich_yeu: Lần nữa\n`),
  /** A long list where a short one is expected. */
  'long-list': (n) => BASE.replace('noi_nhan: [Sở Nội vụ]', 'noi_nhan:\n' + repeat(n, (i) => `  - Đơn vị ${i}\n`)),
  /** A long list of items that are each wrong (a message each, and a union tried on each). */
  'many-problems': (n) => BASE.replace('noi_nhan:', repeat(n, (i) => `  - muc: Mục ${i}\n    noi_dung: [{ gach: ${i}, la: x }]\n`) + 'noi_nhan:'),
  /** Blocks nested as deep as allowed, over and over. */
  'deep-nesting': (n) =>
    BASE.replace(
      '      - Một đoạn văn.\n',
      repeat(n, () => repeat(25, (d) => `${' '.repeat(6 + 4 * d)}- gach: Ý con\n${' '.repeat(8 + 4 * d)}noi_dung:\n`) + `${' '.repeat(106)}- Ý cuối.\n`),
    ),
  /** Lines of dashes, each one a level of nesting (as deep as allowed). */
  'dash-lines': (n) => BASE + 'x:\n' + repeat(n, () => '  ' + '- '.repeat(50) + 'a\n'),
  /** An appendix table with many rows, cells merged across rows and columns. */
  'many-rows': (n) =>
    BASE +
    'phu_luc:\n  - tieu_de: Bảng\n    so_thu_tu: true\n    cot: [STT, A, B, C]\n    hang:\n' +
    // (a cell merged down needs a row below it: the last row never merges)
    repeat(n, (i) => [`      - o: [{ noi_dung: a${i}, gop_cot: 2 }, c]\n`, i < n - 1 ? `      - o: [a${i}, { noi_dung: b${i}, gop_hang: 2 }, c]\n` : `      - o: [a${i}, b${i}, c]\n`, `      - o: [x, y]\n`][i % 3]),
  /** An appendix table whose rows are all wrong (too many cells, overlapping merges). */
  'many-bad-rows': (n) =>
    BASE + 'phu_luc:\n  - tieu_de: Bảng\n    cot: [A, B, C]\n    hang:\n' + repeat(n, (i) => (i % 2 ? `      - o: [{ noi_dung: x, gop_cot: 2 }, y]\n` : `      - o: [a, { noi_dung: b, gop_hang: 2 }, c, d]\n`)),
  /** Tables in the body, each a few rows, every other one wrong (its grid checked, its problems reported). */
  'body-tables': (n) =>
    BASE.replace(
      '      - Một đoạn văn.\n',
      repeat(n, (i) => `      - bang:\n          cot: [A, B, C]\n          hang:\n            - o: [a${i}, { noi_dung: b, gop_hang: 2 }, c]\n            - o: [x, y${i % 2 ? '' : ', z'}]\n`),
    ),
  /** One label line ("- Địa điểm: …") whose text is a long run of spaces: the line the reader explains. */
  'label-spaces': (n) => BASE.replace('      - Một đoạn văn.\n', `      - Địa điểm: sân${' '.repeat(n)}trường.\n`),
  /** One long paragraph of slips lint fixes (a repeated word, a missing space): `lint --fix` rewrites it once, not once per slip. */
  'lint-fixes': (n) => BASE.replace('      - Một đoạn văn.\n', `      - >-\n${repeat(n, () => '        thực hiện trong trong năm,các cán bộ\n')}`),
  /** Many short values each with a slip and repeated syllables, as OCR and pasted text leave them. */
  'lint-values': (n) => BASE.replace('      - Một đoạn văn.\n', repeat(n, (i) => `      - Thi công công trình ${i},hành vi vi phạm các các xã\n`)),
  /** Values of brackets never closed over capitals ("[TÊN [TÊN …"): lint's search for a template's blanks ("[TÊN HOẠT ĐỘNG]"). */
  'lint-brackets': (n) => BASE.replace('      - Một đoạn văn.\n', repeat(n, () => `      - "${'[TÊN '.repeat(400)}"\n`)),
};

/**
 * Texts that cost `import` the most for their size (a .txt, read as extraction and converters leave one): Markdown
 * stars run together, a page number after every line, empty list items. Timed by bench/run.mjs at IMPORT_BYTES.
 */
export const IMPORT_SHAPES = {
  stars: (n) => '**a*'.repeat(n),
  'page-numbers': (n) => repeat(n, (i) => `Nội dung dòng\n${i}\n`),
  'empty-items': (n) => '- \n'.repeat(n),
};
export const IMPORT_BYTES = 400 * 1024;

/** The command each shape is timed with (validate unless said): lint --fix shapes cost the fixes, not the reading. */
export const COMMAND = { 'lint-fixes': ['lint', '--fix'], 'lint-values': ['lint', '--fix'], 'lint-brackets': ['lint'] };

/** At most this n, where the plan format has a limit of its own (rows per table: LIMITS.rows). */
export const MAX_N = { 'many-rows': 4_000 };

/** The size limit of a plan file (src/read/source.ts MAX_FILE_BYTES; test/worst-case.test.ts holds them equal). */
export const LIMIT_BYTES = 192 * 1024;

/** The largest n whose plan stays under `bytes`. */
export function largest(shape, bytes) {
  let lo = 1;
  let hi = 2;
  while (Buffer.byteLength(shape(hi)) < bytes) (lo = hi), (hi *= 2);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (Buffer.byteLength(shape(mid)) < bytes) lo = mid;
    else hi = mid;
  }
  return lo;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-worst-'));
  // CPU seconds beside wall seconds: on a busy machine the wall clock also counts other processes' turns.
  const report = `data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();writeSync(3,JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1e6,mb:u.maxRSS/1024}))})`;
  console.log('shape            n        KB   exit  seconds  cpu s  peak MB');
  for (const [name, shape] of Object.entries(SHAPES)) {
    const n = Math.min(largest(shape, LIMIT_BYTES), MAX_N[name] ?? Infinity);
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, shape(n));
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', report, join(root, 'bin', 'kehoach.js'), ...(COMMAND[name] ?? ['validate', '-q']), file], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const { cpu, mb } = JSON.parse(String(r.output[3]));
    const kb = Buffer.byteLength(shape(n)) / 1024;
    console.log(`${name.padEnd(16)} ${String(n).padStart(7)} ${kb.toFixed(0).padStart(6)} ${String(r.status).padStart(6)} ${seconds.toFixed(2).padStart(8)} ${cpu.toFixed(2).padStart(6)} ${mb.toFixed(0).padStart(8)}`);
  }
}
