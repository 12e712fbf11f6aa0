import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readZip } from '../src/write/zip.js';
import { main } from '../src/cli/main.js';
import { readDocx } from '../src/import/docx-read.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const EXAMPLES = join(ROOT, 'examples');
export const SHARED = resolve(ROOT, '..', 'shared');

export const exampleFiles = (): string[] =>
  readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(EXAMPLES, f));

/** Run the CLI in-process; returns exit code and what it printed. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

/**
 * The CLI in-process, answering as spawnSync does (status, stdout, stderr). Starting node for each call
 * costs about half a second on this machine; tests of the process itself (signals, the terminal, the
 * environment, the built bundle) still spawn it.
 */
export async function kehoach(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const r = await run(args);
  return { status: r.code, stdout: r.out, stderr: r.err };
}

/** The first example with the longest header names and date a Vietnamese office has (ND30 §3's fallback sizes). */
export const longHeaderPlan = (): string =>
  readFileSync(exampleFiles()[0], 'utf8')
    .replace('co_quan_chu_quan: UBND TỈNH HẬU GIANG', 'co_quan_chu_quan: ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH')
    .replace('co_quan_ban_hanh: SỞ Y TẾ', 'co_quan_ban_hanh: TRUNG TÂM KIỂM SOÁT BỆNH TẬT THÀNH PHỐ')
    .replace('dia_danh: Hậu Giang', 'dia_danh: Thành phố Hồ Chí Minh')
    .replace('ngay: 2019-01-23', 'ngay: 2018-12-29');

/** The seed file an example names in its header comment ("# Nguồn: ../shared/seeds/NNN_....txt"). */
export function seedOf(example: string): string | undefined {
  const m = /seeds\/(\d{3}_[0-9a-f]+\.txt)/.exec(readFileSync(example, 'utf8').split('\n').slice(0, 5).join('\n'));
  return m ? join(SHARED, 'seeds', m[1]) : undefined;
}

/** A .docx's parts as text, by name (the project's own zip reader). */
export const unzip = (buf: Buffer): Map<string, string> => new Map([...readZip(buf)].map(([k, v]) => [k, v.toString('utf8')]));


export const DERIVE = join(EXAMPLES, 'derive');

/** Derive cases: examples/derive/<case>/ with the department plan at the top, units/ and derived/. */
export const deriveCases = (): { name: string; dept: string; units: string[]; derived: string }[] =>
  readdirSync(DERIVE)
    .sort()
    .map((name) => {
      const dir = join(DERIVE, name);
      const dept = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
      if (dept.length !== 1) throw new Error(`${dir}: cần đúng một kế hoạch cấp trên, có ${dept.length}`);
      return {
        name,
        dept: join(dir, dept[0]),
        units: readdirSync(join(dir, 'units')).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, 'units', f)),
        derived: join(dir, 'derived'),
      };
    });

export const derivedFiles = (): string[] =>
  deriveCases().flatMap((c) => readdirSync(c.derived).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(c.derived, f)));

/** What a reader sees of a .docx: every non-empty paragraph (numbering markers included), in order. */
export function paragraphs(docx: Uint8Array): string[] {
  const out: string[] = [];
  for (const b of readDocx(docx)) {
    const ps = b.kind === 'p' ? [b.p] : b.t.rows.flatMap((r) => r.flatMap((c) => c.paras));
    for (const p of ps) {
      const t = `${p.marker ? p.marker + ' ' : ''}${p.plain}`.replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
    }
  }
  return out;
}

