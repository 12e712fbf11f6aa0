// kehoach benchmark: whole-process timings and peak memory, run as a clerk runs the tool.
//   npm run bench              full run (about 3 minutes)
//   npm run bench -- --short   the short version CI prints
// Prints median, min and max of each figure and its ratio to Node's bare start, measured in pairs
// (A B A B ...) so that drift of the machine cancels out; writes bench/results.json.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
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
function once(cmd, args) {
  const isNode = cmd === process.execPath;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, isNode ? ['-r', RSS, ...args] : args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
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
const results = { machine: { cpus: cpus().length, model: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version }, date: new Date().toISOString().slice(0, 10), short: SHORT, figures: {} };
const out = (s) => process.stdout.write(s + '\n');

out(`kehoach benchmark${SHORT ? ' (ngắn)' : ''}: ${results.machine.cpus} nhân, ${results.machine.memGB} GB, Node ${process.version}; giây: trung vị (nhỏ nhất–lớn nhất)`);

// 1. Node's bare start
const bare = single(node);
results.figures.node = bare;
out(`${'node -e 0'.padEnd(38)}${fmt(bare.time)} s   ${bare.mb.median.toFixed(0)} MB`);

// 2. validate and cold render of a typical plan, against Node's bare start
const typical = join(ROOT, 'examples', '01-hau-giang-tuyen-truyen-cchc.yaml');
const v = paired([process.execPath, [BIN, 'validate', typical]], node);
results.figures.validate = v;
out(`${'validate (kế hoạch 7 trang)'.padEnd(38)}${fmt(v.a)} s   ${v.mb.median.toFixed(0)} MB   = ${v.ratio.median.toFixed(2)}× node  (mục tiêu ≤ 1,5×)`);
const examples = ['01-hau-giang-tuyen-truyen-cchc', '02-phu-my-truyen-thong-cchc', '03-lai-chau-tuyen-truyen-cchc', '04-hai-duong-tuyen-truyen-cchc', '05-phu-cat-tuyen-truyen-cchc'];
results.figures.render = {};
for (const ex of SHORT ? examples.slice(0, 1) : examples) {
  const r = paired([process.execPath, [BIN, 'render', join(ROOT, 'examples', `${ex}.yaml`), '-o', join(work, `${ex}.docx`), '-q']], node);
  results.figures.render[ex] = r;
  out(`${`render ${ex}`.padEnd(38)}${fmt(r.a)} s   ${r.mb.median.toFixed(0)} MB   = ${r.ratio.median.toFixed(2)}× node  (mục tiêu ≤ 2×)`);
}

// 3. pandoc on the same content (the rendered .docx turned back into Markdown)
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
if (hasPandoc) {
  const md = join(work, 'typical.md');
  spawnSync('pandoc', ['-f', 'docx', '-t', 'markdown', '-o', md, join(work, '01-hau-giang-tuyen-truyen-cchc.docx')]);
  // kehoach against pandoc in pairs too, so that the ratio does not depend on when each was measured
  const typicalRender = [process.execPath, [BIN, 'render', typical, '-o', join(work, 'typical.docx'), '-q']];
  const p = paired(typicalRender, ['pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(work, 'pandoc.docx'), md]]);
  results.figures.pandoc = { time: p.b, kehoach: p.a, kehoachOverPandoc: p.ratio };
  out(`${'pandoc (cùng nội dung, Markdown)'.padEnd(38)}${fmt(p.b)} s   = ${(p.b.median / bare.time.median).toFixed(2)}× node; kehoach/pandoc = ${p.ratio.median.toFixed(2)} (theo cặp)`);
} else out('pandoc: không có (apt-get install pandoc để so sánh)');

// 4. large appendices: time and peak memory by rows
const head = readFileSync(join(ROOT, 'examples', '02-phu-my-truyen-thong-cchc.yaml'), 'utf8');
const withRows = (n) => {
  const f = join(work, `hang-${n}.yaml`);
  const rows = Array.from({ length: n }, (_, i) => `      - o: ["Nhiệm vụ số ${i + 1}: tuyên truyền cải cách hành chính tại đơn vị", "Phòng TCHC", "Các khoa, phòng", "Quý ${(i % 4) + 1}/2022", "Tin, bài viết"]\n`).join('');
  writeFileSync(f, `${head}\nphu_luc:\n  - tieu_de: Bảng nhiệm vụ\n    so_thu_tu: true\n    cot: [STT, Nhiệm vụ, Chủ trì, Phối hợp, Thời gian, Sản phẩm]\n    hang:\n${rows}`);
  return f;
};
results.figures.rows = {};
for (const n of SHORT ? [1000, 10000] : [1000, 5000, 10000, 20000]) {
  const f = withRows(n);
  const r = single([process.execPath, [BIN, 'render', f, '-o', join(work, `hang-${n}.docx`), '-q']], SHORT ? 2 : 3);
  results.figures.rows[n] = r;
  const target = n === 1000 ? '(mục tiêu ≤ 0,4 s)' : n === 10000 ? '(mục tiêu ≤ 2 s, ≤ 300 MB)' : '';
  out(`${`phụ lục ${String(n).padStart(6)} hàng`.padEnd(38)}${fmt(r.time)} s   ${r.mb.median.toFixed(0)} MB   ${(r.time.median / n * 1000).toFixed(3)} ms/hàng ${target}`);
}

// 5. 200 plans in one render call (the short version too: with fewer, starting the workers is most of it)
const batch = join(work, 'lo');
mkdirSync(batch);
const plans = Array.from({ length: 200 }, (_, i) => {
  const f = join(batch, `ke-hoach-${String(i).padStart(3, '0')}.yaml`);
  copyFileSync(join(ROOT, 'examples', examples[i % examples.length] + '.yaml'), f);
  return f;
});
const b = single([process.execPath, [BIN, 'render', ...plans, '--out-dir', join(work, 'lo-ra'), '-q']], SHORT ? 2 : 3);
results.figures.batch = { plans: plans.length, ...b, perSecond: plans.length / b.time.median };
out(`${`${plans.length} kế hoạch trong một lệnh`.padEnd(38)}${fmt(b.time)} s   ${b.mb.median.toFixed(0)} MB   = ${(plans.length / b.time.median).toFixed(0)} kế hoạch/giây (mục tiêu ≥ 100)`);

if (!existsSync(join(ROOT, 'bench'))) mkdirSync(join(ROOT, 'bench'));
writeFileSync(join(ROOT, 'bench', SHORT ? 'results-short.json' : 'results.json'), JSON.stringify(results, null, 2) + '\n');
out(`đã ghi bench/${SHORT ? 'results-short.json' : 'results.json'}`);
