// `kehoach import FILE...`: an existing plan (.docx, .doc, .pdf, .txt) brought into YAML beside it (or -o /
// --out-dir), never over a file that exists unless --force; a summary per file (what was recognised,
// guessed, repaired), then the problems `validate` finds in what was written.
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { planSchemaFrom } from '../../install.js';
import { docsToDocx, importDocument, kindOf, readSource } from '../../import/index.js';
import { checkText } from '../../plan/validate.js';
import { hasErrors } from '../../messages.js';
import { CannotRead, UsageError } from '../../errors.js';
import type { Report } from '../report.js';
import { checkOutputOptions, prepareTargets, writeOut } from '../targets.js';

export interface ImportOptions {
  output?: string;
  outDir?: string;
  force?: boolean;
  ocr?: boolean;
}

export async function runImport(files: string[], o: ImportOptions, report: Report): Promise<number> {
  checkOutputOptions(o, files.length, 'tệp');
  // checked before anything is written: a bad batch writes nothing
  for (const f of files) if (!kindOf(f)) throw new UsageError(`${f}: chưa đọc được loại tệp này; kehoach import nhận .docx, .doc, .odt, .rtf, .pdf và .txt.`);
  const targets = prepareTargets(files, o, '.yaml');
  if (!o.force) for (const t of targets) if (existsSync(t)) throw new UsageError(`${t}: tệp đã có (có thể đã được sửa tay); thêm --force để ghi đè.`);
  let errors = false;
  let failed = false;
  // every .doc of the batch through one LibreOffice start, before the first is imported
  const docs = files.flatMap((f, i) => (kindOf(f) === 'doc' ? [i] : []));
  // a source is read when its turn comes (a batch of scans is not held in memory at once)
  const read = (f: string): Uint8Array | CannotRead => {
    try {
      return readSource(f, kindOf(f)!);
    } catch (e) {
      if (e instanceof CannotRead) return e;
      throw e;
    }
  };
  const raw = docs.map((i) => read(files[i]));
  // a .doc LibreOffice made a .docx of is read as one; any other (a .docx or a text under that name) as it is
  const converted = new Map(docsToDocx(raw).map((d, k) => [docs[k], { bytes: d, named: d === raw[k] ? 'doc' : 'docx' } as const]));
  for (const [i, f] of files.entries()) {
    const target = targets[i];
    const schema = planSchemaFrom(dirname(target));
    let r: Awaited<ReturnType<typeof importDocument>>;
    try {
      const c = converted.get(i);
      const source = c ? c.bytes : read(f);
      if (source instanceof CannotRead) throw source;
      r = await importDocument(basename(f), source, c?.named ?? kindOf(f)!, schema, { ocr: o.ocr });
    } catch (e) {
      // a file that cannot be read (missing, a folder): said, and the others still imported (exit 2)
      if (e instanceof UsageError) {
        report.fail(e.message);
        failed = true;
        continue;
      }
      // the file is what it is (a scan without --ocr, a .doc without LibreOffice): that file's problem
      if (!(e instanceof CannotRead)) throw e;
      report.add([{ file: f, line: 1, column: 1, severity: 'lỗi', rule: 'khong-doc-duoc', message: e.message }]);
      errors = true;
      continue;
    }
    writeOut(o, target, Buffer.from(r.yaml, 'utf8'), files);
    report.wrote(target, `${f} →`);
    for (const x of r.found) report.note(`  nhận ra: ${x}`);
    for (const x of r.guesses) report.note(`  đoán: ${x}`);
    for (const x of r.repairs) report.note(`  đã sửa: ${x}`);
    const ms = checkText(target, r.yaml).messages;
    report.add(ms);
    if (hasErrors(ms)) errors = true;
  }
  return failed ? 2 : errors ? 1 : 0;
}
