// `kehoach check`: what CI trusts. Finds every plan and unit profile under the given paths, validates
// them, renders every plan and derives every declared department/unit pair into a temporary folder,
// re-opens each .docx (the zip opens, every XML part is well-formed), and ends with "N đạt, N lỗi".
// A path with nothing to check is an error: a green check must mean something was checked.
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { freshnessMessages } from '../../derive/provenance.js';
import { readZip } from '../../write/zip.js';
import type { Message } from '../../messages.js';
import { formatMessage, hasErrors, printable } from '../../messages.js';
import { holdTemporary } from '../../signals.js';
import { checkBytes, checkText } from '../../plan/validate.js';
import { withLayoutWarnings } from '../../model/header-fit.js';
import { checkProfile } from '../../plan/profile.js';
import { UsageError } from '../../errors.js';
import { fsReason, irregularKind, isProfile, readInput, tempDir } from '../../read/input.js';
import { progress, type Report } from '../report.js';


export interface CheckResult {
  file: string;
  kind: 'kế hoạch' | 'hồ sơ đơn vị' | 'derive' | 'tệp';
  ok: boolean;
  messages: Message[];
  note?: string;
}

// ------------------------------------------------------------------ finding files

/**
 * The plan and profile files under `path`. An entry that cannot be read as a file or folder (a pipe, a
 * socket, a broken or looping link) is a failed result of its own and the walk goes on; a folder reached
 * again through a link is walked once. Only a path given on the command line that is missing stops the run.
 */
function walk(path: string, out: string[], failed: CheckResult[], seen = new Set<string>(), top = true): void {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    if (top) throw new UsageError(fsReason(path, e));
    const dangling = (e as NodeJS.ErrnoException).code === 'ENOENT'; // listed by its folder: a link to nothing
    const note = dangling ? `${printable(path)}: liên kết tượng trưng (symlink) trỏ tới chỗ không có.` : fsReason(path, e);
    failed.push({ file: slashed(path), kind: 'tệp', ok: false, messages: [], note });
    return;
  }
  const plan = /\.ya?ml$/i.test(path);
  if (st.isFile()) {
    if (plan) out.push(slashed(path));
    return;
  }
  if (!st.isDirectory()) {
    // a pipe or device among the plans: say so instead of blocking on it; one with another name is no plan
    if (plan || top) failed.push({ file: slashed(path), kind: 'tệp', ok: false, messages: [], note: `${irregularKind(st)}, không phải tệp thường` });
    return;
  }
  const real = realpathSync(path);
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(path).sort();
  } catch (e) {
    failed.push({ file: slashed(path), kind: 'tệp', ok: false, messages: [], note: fsReason(path, e) });
    return;
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    walk(join(path, name), out, failed, seen, false);
  }
}

// forward slashes everywhere (Windows accepts them), so the folder patterns below hold
const slashed = (path: string): string => path.split(sep).join('/');

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
  const unreadable: CheckResult[] = [];
  for (const p of given) walk(p, files, unreadable);
  if (!files.length && !unreadable.length) throw new UsageError(`${given.join(', ')}: không có tệp kế hoạch (.yaml) nào để kiểm tra.`);
  // a plan linked into a derive folder is the same plan: check it once
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const real = realpathSync(f);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
  const { renderPlan, loadTemplates } = await import('../../write/index.js');
  const { deriveUnits } = await import('./derive.js');
  const templates = loadTemplates();
  const results: CheckResult[] = [];
  const tty = process.stderr.isTTY && !report.quiet && !report.json;
  const jobs: (() => Promise<CheckResult>)[] = unreadable.map((r) => async () => r);

  for (const file of unique) {
    if (isProfile(file)) {
      jobs.push(async () => {
        const r = checkProfile(file, readInput(file));
        return { file, kind: 'hồ sơ đơn vị', ok: !hasErrors(r.messages), messages: r.messages };
      });
      continue;
    }
    jobs.push(async () => {
      const bytes = readInput(file);
      const r = withLayoutWarnings(file, bytes, checkBytes(file, bytes));
      if (!r.plan) return { file, kind: 'kế hoạch', ok: false, messages: r.messages };
      const problems = reopenDocx(await renderPlan(r.plan, { templates }));
      return { file, kind: 'kế hoạch', ok: problems.length === 0, messages: r.messages, note: problems.join('; ') || undefined };
    });
  }
  for (const { dept, unit } of derivePairs(files)) {
    jobs.push(async () => {
      // a folder of its own that lives only while this derive runs: a signal removes it with the process
      const tmp = tempDir('kehoach-check-');
      const held = holdTemporary(tmp);
      const out = join(tmp, basename(unit));
      let d: Awaited<ReturnType<typeof deriveUnits>>;
      let text = '';
      try {
        d = await deriveUnits(dept, { unit: [unit], output: out });
        if (d.code === 0) text = readFileSync(out, 'utf8');
      } finally {
        rmSync(tmp, { recursive: true, force: true });
        held.release();
      }
      const label = `${unit} ← ${relative(join(unit, '..', '..'), dept)}`;
      if (d.code !== 0) return { file: label, kind: 'derive', ok: false, messages: d.messages };
      const again = checkText(out, text);
      const problems = again.plan ? reopenDocx(await renderPlan(again.plan, { templates })) : ['kế hoạch soạn ra không hợp lệ'];
      // the unit's plan kept beside the pair: has its parent or profile changed since it was derived?
      const kept = join(dirname(dirname(unit)), 'derived', basename(unit));
      const stale: Message[] = [];
      if (existsSync(kept)) {
        const parent = checkBytes(dept, readInput(dept));
        const profile = checkProfile(unit, readInput(unit)).profile;
        if (parent.plan && profile) stale.push(...freshnessMessages(kept, readFileSync(kept, 'utf8'), { plan: parent.plan, input: parent.input }, profile));
      }
      return { file: label, kind: 'derive', ok: problems.length === 0 && !hasErrors(again.messages), messages: [...again.messages, ...stale], note: problems.join('; ') || undefined };
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
    if (tty) progress(i + 1, jobs.length);
    report.print(`${r.ok ? 'đạt ' : 'LỖI '} ${r.kind}: ${printable(r.file)}`);
    // errors of a file that fails; warnings (a name too long for its column, a derived plan gone stale) always
    for (const m of r.messages.filter((x) => !r.ok || x.severity !== 'lỗi')) report.print(`      ${formatMessage(m)}`);
    if (!r.ok && r.note) report.print(`      ${printable(r.note)}`);
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  report.print(`${passed} đạt, ${failed} lỗi`);
  Object.assign(report.data, { passed, failed, results });
  return failed ? 1 : 0;
}
