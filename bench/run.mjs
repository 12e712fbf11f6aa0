// kehoach benchmark: whole-process timings and peak memory, run as a clerk runs the tool (the built
// command, bin/kehoach.js: run `npm run build` first). Targets of issue 12, "Speed that must still hold".
//   npm run bench              full run (a few minutes)
//   npm run bench -- --short   the short version CI prints
// Prints median, min and max of each figure and its ratio to Node's bare start, measured in pairs
// (A B A B ...) so that drift of the machine cancels out; writes bench/results.json. It reports and
// never fails: timing belongs here, not in the tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHORT = process.argv.includes('--short');
const RUNS = SHORT ? 5 : 21;
const BIN = join(ROOT, 'bin', 'kehoach.js');
const RSS = join(ROOT, 'bench', 'report-rss.cjs');
const work = mkdtempSync(join(tmpdir(), 'kehoach-bench-'));

/** One whole-process run: wall seconds and peak resident memory (MB) of the node process. */
function once(cmd, args, codes = [0]) {
  const isNode = cmd === process.execPath;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, isNode ? ['-r', RSS, ...args] : args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!codes.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const kb = isNode ? Number(String(r.output[3] ?? '').trim()) : NaN;
  return { wall, mb: kb / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** A against B in pairs: medians of both and of the pairwise ratio A/B. */
function paired(a, b, runs = RUNS) {
  once(...a);
  once(...b); // warm-up
  const ta = [], tb = [], ratio = [], mem = [];
  for (let i = 0; i < runs; i++) {
    const x = once(...a);
    const y = once(...b);
    ta.push(x.wall), tb.push(y.wall), ratio.push(x.wall / y.wall), mem.push(x.mb);
  }
  return { a: stats(ta), b: stats(tb), ratio: stats(ratio), mb: stats(mem) };
}

function single(a, runs = RUNS) {
  once(...a);
  const t = [], mem = [];
  for (let i = 0; i < runs; i++) {
    const x = once(...a);
    t.push(x.wall), mem.push(x.mb);
  }
  return { time: stats(t), mb: stats(mem) };
}

const fmt = (s) => `${s.median.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})`;
const node = [process.execPath, ['-e', '0']];
const results = { machine: { cpus: cpus().length, model: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version }, date: new Date().toISOString().slice(0, 10), short: SHORT, figures: {}, targets: [] };
const out = (s) => process.stdout.write(s + '\n');
/** One line of the table, with the target it is held to and whether this run met it. */
const line = (label, figure, target, met) => {
  results.targets.push({ label, target, met });
  out(`${label.padEnd(34)}${figure.padEnd(44)}${target} ${met ? 'đạt' : 'KHÔNG ĐẠT'}`);
};

out(`kehoach benchmark${SHORT ? ' (ngắn)' : ''}: ${results.machine.cpus} nhân, ${results.machine.memGB} GB, Node ${process.version}; giây: trung vị (nhỏ nhất–lớn nhất)`);

// 1. Node's bare start: what the ratios are measured against
const bare = single(node);
results.figures.node = bare;
out(`${'node -e 0'.padEnd(34)}${fmt(bare.time)} s   ${bare.mb.median.toFixed(0)} MB`);

// 2. validate and cold render of typical plans, each paired with Node's bare start
const typical = join(ROOT, 'examples', '01-hau-giang-tuyen-truyen-cchc.yaml');
const v = paired([process.execPath, [BIN, 'validate', '-q', typical]], node);
results.figures.validate = v;
line('validate (kế hoạch 7 trang)', `${fmt(v.a)} s ${v.mb.median.toFixed(0)} MB = ${v.ratio.median.toFixed(2)}×`, '≤ 3× node', v.ratio.median <= 3);
const examples = ['01-hau-giang-tuyen-truyen-cchc', '02-phu-my-truyen-thong-cchc', '03-lai-chau-tuyen-truyen-cchc', '04-hai-duong-tuyen-truyen-cchc', '05-phu-cat-tuyen-truyen-cchc'];
results.figures.render = {};
for (const ex of SHORT ? examples.slice(0, 1) : examples) {
  const r = paired([process.execPath, [BIN, 'render', join(ROOT, 'examples', `${ex}.yaml`), '-o', join(work, `${ex}.docx`), '-q']], node);
  results.figures.render[ex] = r;
  line(`render ${ex.slice(0, 2)} (lần chạy đầu)`, `${fmt(r.a)} s ${r.mb.median.toFixed(0)} MB = ${r.ratio.median.toFixed(2)}×`, '≤ 6× node', r.ratio.median <= 6);
}

// 3. a large appendix: time and peak memory
const head = readFileSync(join(ROOT, 'examples', '02-phu-my-truyen-thong-cchc.yaml'), 'utf8');
const withRows = (n) => {
  const f = join(work, `hang-${n}.yaml`);
  const rows = Array.from({ length: n }, (_, i) => `      - o: ["Nhiệm vụ số ${i + 1}: tuyên truyền cải cách hành chính tại đơn vị", "Phòng TCHC", "Các khoa, phòng", "Quý ${(i % 4) + 1}/2022", "Tin, bài viết"]\n`).join('');
  writeFileSync(f, `${head}\nphu_luc:\n  - tieu_de: Bảng nhiệm vụ\n    so_thu_tu: true\n    cot: [STT, Nhiệm vụ, Chủ trì, Phối hợp, Thời gian, Sản phẩm]\n    hang:\n${rows}`);
  return f;
};
const rows = single([process.execPath, [BIN, 'render', withRows(1000), '-o', join(work, 'hang-1000.docx'), '-q']], SHORT ? 2 : 5);
results.figures.rows1000 = rows;
line('phụ lục 1.000 hàng', `${fmt(rows.time)} s ${rows.mb.median.toFixed(0)} MB`, '≤ 1,5 s, ≤ 350 MB', rows.time.median <= 1.5 && rows.mb.max <= 350);

// 4. 200 plans in one render call
const batch = join(work, 'lo');
mkdirSync(batch);
const plans = Array.from({ length: 200 }, (_, i) => {
  const f = join(batch, `ke-hoach-${String(i).padStart(3, '0')}.yaml`);
  copyFileSync(join(ROOT, 'examples', examples[i % examples.length] + '.yaml'), f);
  return f;
});
const b = single([process.execPath, [BIN, 'render', ...plans, '--out-dir', join(work, 'lo-ra'), '-q']], SHORT ? 1 : 3);
results.figures.batch = { plans: plans.length, ...b };
line(`${plans.length} kế hoạch trong một lệnh`, `${fmt(b.time)} s ${b.mb.median.toFixed(0)} MB`, '≤ 8 s', b.time.median <= 8);

// 5. Worst cases (issue 13): each costly shape at the size limit, validated in ≤ 2 s and ≤ 500 MB;
// the longest table the format allows, rendered in ≤ 1 GB (bench/worst-case.mjs makes them)
{
  const { SHAPES, MAX_N, LIMIT_BYTES, largest, COMMAND } = await import('./worst-case.mjs');
  results.figures.worst = {};
  for (const [name, shape] of Object.entries(SHAPES)) {
    const n = Math.min(largest(shape, LIMIT_BYTES), MAX_N[name] ?? Infinity);
    const f = join(work, `xau-${name}.yaml`);
    const runs = SHORT ? 1 : 3;
    const t = [], mem = [];
    for (let i = 0; i < runs; i++) {
      writeFileSync(f, shape(n)); // again each run: lint --fix rewrites it
      const x = once(process.execPath, [BIN, ...(COMMAND[name] ?? ['validate', '-q']), f], [0, 1]);
      t.push(x.wall), mem.push(x.mb);
    }
    const w = { n, time: stats(t), mb: stats(mem) };
    results.figures.worst[name] = w;
    line(`tệp xấu nhất: ${name}`, `${fmt(w.time)} s ${w.mb.median.toFixed(0)} MB`, '≤ 2 s, ≤ 500 MB', w.time.median <= 2 && w.mb.median <= 500);
  }
  // import of the texts that cost it the most, at 400 KB: linear, ≤ 3 s
  const { IMPORT_SHAPES, IMPORT_BYTES } = await import('./worst-case.mjs');
  for (const [name, shape] of Object.entries(IMPORT_SHAPES)) {
    const t = join(work, `xau-nhap-${name}.txt`);
    writeFileSync(t, shape(largest(shape, IMPORT_BYTES)));
    const x = once(process.execPath, [BIN, 'import', t, '-o', join(work, `xau-nhap-${name}.yaml`), '-q', '--force'], [0, 1]);
    results.figures.worst[`import-${name}`] = x;
    line(`nhập xấu nhất: ${name}`, `${x.wall.toFixed(2)} s ${x.mb.toFixed(0)} MB`, '≤ 3 s, ≤ 500 MB', x.wall <= 3 && x.mb <= 500);
  }
  const f = join(work, 'xau-render.yaml');
  writeFileSync(f, SHAPES['many-rows'](MAX_N['many-rows']));
  const r = once(process.execPath, [BIN, 'render', f, '-o', join(work, 'xau-render.docx'), '-q', '--force']);
  results.figures.worst.render = { n: MAX_N['many-rows'], ...r };
  line(`render bảng ${MAX_N['many-rows']} hàng`, `${r.wall.toFixed(2)} s ${r.mb.toFixed(0)} MB`, '≤ 1 GB', r.mb <= 1024);
}

// 6. kehoach xem: from saving the plan to the updated page in a real browser (bench/xem.mjs)
try {
  const x = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bench', 'xem.mjs'), '--json', ...(SHORT ? ['--short'] : [])], { encoding: 'utf8' }));
  results.figures.xem = x;
  const med = x.median;
  line('xem: lưu tệp → trang cập nhật', `${typeof med === 'number' ? med.toFixed(3) : JSON.stringify(x).slice(0, 40)} s`, '≤ 0,3 s', typeof med === 'number' && med <= 0.3);
} catch (e) {
  out(`xem: không đo được (${String(e).split('\n')[0]}); cần chromium`);
}

rmSync(work, { recursive: true, force: true });
const file = SHORT ? 'results-short.json' : 'results.json';
writeFileSync(join(ROOT, 'bench', file), JSON.stringify(results, null, 2) + '\n');
out(`${results.targets.filter((t) => t.met).length}/${results.targets.length} mục tiêu đạt; đã ghi bench/${file}`);
