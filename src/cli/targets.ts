// Where render, import and derive write: under each input's name with a new extension, beside the input
// (or in --out-dir), or to -o when there is one input. One rule, so the three commands refuse the same
// mistakes in the same words, before anything is written.
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { checkDir, ensureDir, writeAtomic } from '../write/atomic.js';

export interface TargetOptions {
  output?: string;
  outDir?: string;
}

/** The file written for `file`: -o, else `file`'s name with `ext` in --out-dir, or in `dir` (beside the input). */
export const targetFor = (file: string, o: TargetOptions, ext: string, dir = dirname(file)): string =>
  o.output ?? join(o.outDir ?? dir, basename(file, extname(file)) + ext);

/** -o and --out-dir together, or -o for several inputs (`inputs` names them: "tệp", "hồ sơ đơn vị"). */
export function checkOutputOptions(o: TargetOptions, count: number, inputs: string): void {
  if (o.output && o.outDir) throw new UsageError('dùng -o hoặc --out-dir, không dùng cả hai.');
  if (o.output && count > 1) throw new UsageError(`-o chỉ dùng với một ${inputs}; nhiều ${inputs} hãy dùng --out-dir.`);
}

/**
 * The target of each input (--out-dir is checked, made at the first write). Two inputs that would be written to one file, or a target
 * that is one of the inputs (a profile beside the parent plan, named as its derived plan), are refused; names are compared without case, as Windows and macOS compare them, so that a batch behaves
 * the same everywhere.
 */
export function prepareTargets(files: readonly string[], o: TargetOptions, ext: string, dir?: string, others: readonly string[] = []): string[] {
  const keyOf = (f: string) => resolve(f).normalize('NFC').toLowerCase();
  // an input (or another file the command reads: derive's parent plan) is never a target
  const inputs = new Set([...files, ...others].map(keyOf));
  const seen = new Map<string, string>();
  const targets = files.map((file) => {
    const target = targetFor(file, o, ext, dir);
    const key = keyOf(target);
    if (inputs.has(key)) throw new UsageError(`${target}: tệp đầu ra trùng với tệp đầu vào; hãy ghi ra chỗ khác: --out-dir <thư mục> hoặc -o <tệp>.`);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new UsageError(
        first === file
          ? `${file} có hai lần trong danh sách tệp; mỗi tệp chỉ ghi một lần.`
          : `${first} và ${file} cùng ghi ra ${target}; hãy đổi tên một tệp, hoặc tạo từng tệp với -o.`,
      );
    }
    seen.set(key, file);
    return target;
  });
  if (o.outDir) checkDir(o.outDir);
  return targets;
}

/**
 * One output written whole (write/atomic.ts); the --out-dir folder is made at the first write, so that a run that
 * writes nothing (an invalid plan, a missing input) leaves no folder behind.
 */
export function writeOut(o: TargetOptions, target: string, bytes: Uint8Array, inputs: readonly string[]): void {
  if (o.outDir) ensureDir(o.outDir);
  writeAtomic(target, bytes, inputs);
}
