// Where a derived plan came from, written into it as one comment line, so that a later run (or
// `kehoach check`) can tell the clerk that the parent plan or the profile changed since. The hashes are
// of the validated data, not of the bytes: a comment or a re-wrapped line in the parent is no change.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { installed } from '../install.js';
import type { Message } from '../messages.js';
import type { Plan } from '../plan/normalize.js';
import { twoDigits } from '../text/dates.js';

const MARK = 'kehoach-derive:';
const LINE = /^# kehoach-derive: so=(\S+) ke-hoach=([0-9a-f]{16}) ho-so=([0-9a-f]{16})\s*$/m;

export interface Provenance {
  /** The parent's số/ký hiệu, e.g. 181/KH-SYT. */
  so: string;
  /** Hash of the parent plan's data. */
  keHoach: string;
  /** Hash of the unit profile's data. */
  hoSo: string;
}

/** JSON with object keys sorted: the same data gives the same text whatever the key order in YAML. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export const dataHash = (data: unknown): string => createHash('sha256').update(canonical(data)).digest('hex').slice(0, 16);

export function provenanceOf(so: string, parent: unknown, profile: unknown): Provenance {
  return { so, keHoach: dataHash(parent), hoSo: dataHash(profile) };
}

/** The comment line (without "# ") a derived file carries. */
export const provenanceLine = (p: Provenance): string => `${MARK} so=${p.so} ke-hoach=${p.keHoach} ho-so=${p.hoSo}`;

/** The provenance a derived file records, with its line (1-based), or undefined for a hand-written plan. */
export function readProvenance(text: string): (Provenance & { line: number }) | undefined {
  const m = LINE.exec(text);
  if (!m) return undefined;
  const line = text.slice(0, m.index).split('\n').length;
  return { so: m[1], keHoach: m[2], hoSo: m[3], line };
}

/**
 * What changed since a derived plan was written: the parent plan (or its số), or the unit profile.
 * Empty when nothing did, or when the plan records no provenance (written by hand).
 */
export function changedSinceDerived(derivedText: string, now: Provenance): { line: number; rule: string; message: string }[] {
  const was = readProvenance(derivedText);
  if (!was) return [];
  const out: { line: number; rule: string; message: string }[] = [];
  if (was.so !== now.so || was.keHoach !== now.keHoach) {
    out.push({
      line: was.line,
      rule: 'cap-tren-da-doi',
      message:
        was.so !== now.so
          ? `kế hoạch này soạn từ kế hoạch cấp trên số ${was.so}, nay kế hoạch cấp trên là số ${now.so}; hãy soạn lại (kehoach derive --force) hoặc so và sửa tay.`
          : `kế hoạch cấp trên (${now.so}) đã thay đổi từ khi soạn kế hoạch này; hãy so lại với bản mới: soạn lại ra tệp khác rồi chép phần đổi, hoặc soạn đè (--force) nếu chưa sửa gì.`,
    });
  }
  if (was.hoSo !== now.hoSo) {
    out.push({
      line: was.line,
      rule: 'ho-so-da-doi',
      message: 'hồ sơ đơn vị đã thay đổi từ khi soạn kế hoạch này (tên, bộ phận, người ký ...); hãy kiểm tra lại phần đầu, nơi nhận, người ký, hoặc soạn lại.',
    });
  }
  return out;
}

/** The schema's stable name (its $id), for a parent that names no schema. */
export const PLAN_SCHEMA_ID = 'https://kehoach.local/schemas/plan.schema.json';

/**
 * The `$schema` a derived file points its editor at: the parent's own, re-based from the parent's
 * folder to the derived file's (a URL stays as it is); else (none, a file that is not there, or the
 * schema inside kehoach's own folder seen from outside it) the schema's stable name. `parentDir` is the parent's real folder (a linked parent names its schema
 * from where it really is). Never the
 * folder kehoach happens to be installed in, which differs from one clerk's machine to the next.
 */
export function schemaRefFor(parentText: string, parentDir: string, outDir: string): string {
  const m = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(parentText.split('\n').slice(0, 5).join('\n'));
  if (!m) return PLAN_SCHEMA_ID;
  if (/^[a-z][a-z0-9+.-]{1,}:/i.test(m[1])) return m[1];
  const file = resolve(parentDir, m[1]);
  if (!existsSync(file)) return PLAN_SCHEMA_ID;
  // a parent that kehoach import or init wrote names the schema in kehoach's own folder: a path from the
  // clerk's folder into it holds on this machine only (a checkout's examples sit inside that folder: theirs holds)
  const home = dirname(dirname(installed('schemas', 'plan.schema.json')));
  const within = (f: string) => !relative(home, f).startsWith('..') && !isAbsolute(relative(home, f));
  if (within(file) && !within(resolve(outDir))) return PLAN_SCHEMA_ID;
  return relative(resolve(outDir), file).split(sep).join('/');
}

/** The parent's số/ký hiệu as a derived plan cites it: "181/KH-SYT", "05/KH-SYT". */
export const parentSo = (plan: Pick<Plan, 'so' | 'ky_hieu'>): string => `${twoDigits(plan.so ?? 0)}/${plan.ky_hieu}`;

/**
 * `kehoach check`'s view: warnings for a derived plan whose parent or profile changed since it was
 * derived (none for a plan written by hand).
 */
export function freshnessMessages(derivedFile: string, derivedText: string, parent: { plan: Plan; input: unknown }, profile: unknown): Message[] {
  return changedSinceDerived(derivedText, provenanceOf(parentSo(parent.plan), parent.input, profile)).map((m) => ({
    file: derivedFile,
    line: m.line,
    column: 1,
    severity: 'cảnh báo' as const,
    rule: m.rule,
    message: m.message,
  }));
}
