// `kehoach check`: what CI trusts. Finds every plan and unit profile under the given paths, validates
// them, renders every plan and derives every declared department/unit pair into a temporary folder,
// re-opens each .docx (the zip opens, every XML part is well-formed), and ends with "N đạt, N lỗi".
// A path with nothing to check is an error: a green check must mean something was checked.
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { readZip } from '../../write/zip.js';
import type { Message } from '../../messages.js';
import { formatMessage, hasErrors } from '../../messages.js';
import { checkBytes, checkText } from '../../plan/validate.js';
import { checkProfile } from '../../plan/profile.js';
import { isProfile, readInput, UsageError } from '../io.js';
import type { Report } from '../report.js';


export interface CheckResult {
  file: string;
  kind: 'kế hoạch' | 'hồ sơ đơn vị' | 'derive';
  ok: boolean;
  messages: Message[];
  note?: string;
}

// ------------------------------------------------------------------ finding files

function walk(path: string, out: string[]): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`${path}: không tìm thấy tệp hoặc thư mục.`);
  }
  if (st.isFile()) {
    // forward slashes everywhere (Windows accepts them), so the folder patterns below hold
    if (/\.ya?ml$/i.test(path)) out.push(path.split(sep).join('/'));
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    walk(join(path, name), out);
  }
}

/** Department/unit pairs: a folder with units/ and exactly one plan at its top. */
function derivePairs(files: string[]): { dept: string; unit: string }[] {
  const pairs: { dept: string; unit: string }[] = [];
  const dirs = new Set(files.filter((f) => /\/units\/[^/]+$/.test(f)).map((f) => f.replace(/\/units\/[^/]+$/, '')));
  for (const dir of [...dirs].sort()) {
    const top = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f));
    if (top.length !== 1) continue;
    // paths here use "/" (walk() made them so); path.join would bring back "\\" on Windows
    for (const unit of files.filter((f) => f.startsWith(`${dir}/units/`))) pairs.push({ dept: `${dir}/${top[0]}`, unit });
  }
  return pairs;
}

// ------------------------------------------------------------------ re-opening a .docx

/** Problems with a .docx: the zip must open and every XML part must be well-formed. */
export function reopenDocx(bytes: Uint8Array): string[] {
  let parts: Map<string, Buffer>;
  try {
    parts = readZip(bytes);
  } catch (e) {
    return [`không mở được tệp zip (${(e as Error).message})`];
  }
  const problems: string[] = [];
  for (const [name, data] of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const bad = xmlProblem(data.toString('utf8'));
    if (bad) problems.push(`${name}: ${bad}`);
  }
  for (const need of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']) {
    if (!parts.has(need)) problems.push(`thiếu phần ${need}`);
  }
  return problems;
}

/** A small well-formedness check: balanced tags, quoted attributes, known entities. */
export function xmlProblem(xml: string): string | undefined {
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0] === '<') return `ký tự "<" không hợp lệ ở vị trí ${m.index}`;
    if (m[0].startsWith('&')) return `thực thể "&" không hợp lệ ở vị trí ${m.index}`;
    if (m[2] === undefined) continue; // declaration, comment, CDATA
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) return `thẻ đóng </${m[2]}> không khớp với <${open ?? ''}> ở vị trí ${m.index}`;
    } else if (!m[4]) stack.push(m[2]);
  }
  if (stack.length) return `thẻ <${stack[stack.length - 1]}> không được đóng`;
  return undefined;
}

// ------------------------------------------------------------------ the command

export async function runCheck(paths: string[], report: Report): Promise<number> {
  const files: string[] = [];
  const given = paths.length ? paths : ['examples'];
  for (const p of given) walk(p, files);
  if (!files.length) throw new UsageError(`${given.join(', ')}: không có tệp kế hoạch (.yaml) nào để kiểm tra.`);
  // a plan linked into a derive folder is the same plan: check it once
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const real = realpathSync(f);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
  const { renderPlan, loadTemplates } = await import('../../write/index.js');
  const { runDerive } = await import('./derive.js');
  const templates = loadTemplates();
  const tmp = mkdtempSync(join(tmpdir(), 'kehoach-check-'));
  const results: CheckResult[] = [];
  const tty = process.stderr.isTTY && !report.quiet && !report.json;
  const jobs: (() => Promise<CheckResult>)[] = [];

  for (const file of unique) {
    if (isProfile(file)) {
      jobs.push(async () => {
        const r = checkProfile(file, readInput(file));
        return { file, kind: 'hồ sơ đơn vị', ok: !hasErrors(r.messages), messages: r.messages };
      });
      continue;
    }
    jobs.push(async () => {
      const r = checkBytes(file, readInput(file));
      if (!r.plan) return { file, kind: 'kế hoạch', ok: false, messages: r.messages };
      const problems = reopenDocx(await renderPlan(r.plan, { templates }));
      return { file, kind: 'kế hoạch', ok: problems.length === 0, messages: r.messages, note: problems.join('; ') || undefined };
    });
  }
  for (const { dept, unit } of derivePairs(files)) {
    jobs.push(async () => {
      const out = join(tmp, `${results.length}-${basename(unit)}`);
      const quietIo = { out: () => {}, err: () => {} };
      const d = await runDerive(dept, { unit: [unit], output: out, quiet: true }, quietIo);
      const label = `${unit} ← ${relative(join(unit, '..', '..'), dept)}`;
      if (d.code !== 0) return { file: label, kind: 'derive', ok: false, messages: d.messages };
      const again = checkText(out, readFileSync(out, 'utf8'));
      const problems = again.plan ? reopenDocx(await renderPlan(again.plan, { templates })) : ['kế hoạch soạn ra không hợp lệ'];
      return { file: label, kind: 'derive', ok: problems.length === 0 && !hasErrors(again.messages), messages: again.messages, note: problems.join('; ') || undefined };
    });
  }

  for (const [i, job] of jobs.entries()) {
    await new Promise((r) => setImmediate(r));
    let r: CheckResult;
    try {
      r = await job();
    } catch (e) {
      const file = e instanceof UsageError ? e.message : String(e);
      r = { file, kind: 'kế hoạch', ok: false, messages: [], note: e instanceof Error ? e.message : String(e) };
    }
    results.push(r);
    if (tty) {
      const width = 30;
      const done = Math.round(((i + 1) / jobs.length) * width);
      process.stderr.write(`\r[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${i + 1}/${jobs.length}\x1b[K${i + 1 === jobs.length ? '\r\x1b[K' : ''}`);
    }
    report.print(`${r.ok ? 'đạt ' : 'LỖI '} ${r.kind}: ${r.file}`);
    if (!r.ok) {
      for (const m of r.messages.filter((x) => x.severity === 'lỗi')) report.print(`      ${formatMessage(m)}`);
      if (r.note) report.print(`      ${r.note}`);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  report.print(`${passed} đạt, ${failed} lỗi`);
  Object.assign(report.data, { passed, failed, results });
  return failed ? 1 : 0;
}
