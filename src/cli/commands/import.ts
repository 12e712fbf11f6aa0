// `kehoach import FILE...`: an existing plan (.docx, .txt) brought into YAML beside it (or -o / --out-dir),
// never over a file that exists unless --force; a summary per file, then the problems `validate` finds.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { installed } from '../../install.js';
import type { Io, Message } from '../../messages.js';
import { CannotRead, importDocument, kindOf } from '../../import/index.js';
import { checkText } from '../../plan/validate.js';
import { readInput, UsageError, writeAtomic } from '../io.js';

export interface ImportOptions {
  output?: string;
  outDir?: string;
  force?: boolean;
  quiet?: boolean;
  ocr?: boolean;
}

export async function runImport(files: string[], o: ImportOptions, io: Io): Promise<{ code: number; messages: Message[]; written: string[] }> {
  if (o.output && o.outDir) throw new UsageError('dùng -o hoặc --out-dir, không dùng cả hai.');
  if (o.output && files.length > 1) throw new UsageError('-o chỉ dùng với một tệp; nhiều tệp hãy dùng --out-dir.');
  const targets = files.map((f) => o.output ?? join(o.outDir ?? dirname(f), basename(f, extname(f)) + '.yaml'));
  // checked before anything is written: a bad batch writes nothing
  const seen = new Map<string, string>();
  files.forEach((f, i) => {
    if (!kindOf(f)) throw new UsageError(`${f}: chưa đọc được loại tệp này; kehoach import nhận .docx, .doc, .pdf và .txt.`);
    const t = resolve(targets[i]);
    if (seen.has(t)) throw new UsageError(`${seen.get(t)} và ${f} cùng ghi ra ${targets[i]}; hãy dùng -o hoặc đổi tên một tệp.`);
    seen.set(t, f);
    if (!o.force && existsSync(targets[i])) throw new UsageError(`${targets[i]}: tệp đã có (có thể đã được sửa tay); thêm --force để ghi đè.`);
  });
  const messages: Message[] = [];
  const written: string[] = [];
  for (const [i, f] of files.entries()) {
    const target = targets[i];
    const schema = relative(dirname(resolve(target)), installed('schemas', 'plan.schema.json')).split(sep).join('/');
    let r: Awaited<ReturnType<typeof importDocument>>;
    try {
      r = await importDocument(basename(f), readInput(f), kindOf(f)!, schema, { ocr: o.ocr });
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (e instanceof CannotRead) {
        // the file is what it is (a scan, an old .doc): a problem of that file, the others go on
        messages.push({ file: f, line: 1, column: 1, severity: 'lỗi', rule: 'khong-doc-duoc', message: e.message });
        continue;
      }
      throw new UsageError(`${f}: ${e instanceof Error ? e.message : String(e)}`);
    }
    writeAtomic(target, Buffer.from(r.yaml, 'utf8'), files);
    written.push(target);
    messages.push(...checkText(target, r.yaml).messages);
    if (o.quiet) continue;
    io.err(`${f} → ${target}`);
    for (const x of r.found) io.err(`  nhận ra: ${x}`);
    for (const x of r.guesses) io.err(`  đoán: ${x}`);
    for (const x of r.repairs) io.err(`  đã sửa: ${x}`);
  }
  return { code: messages.some((m) => m.severity === 'lỗi') ? 1 : 0, messages, written };
}
