// File input and output for the CLI: bounded reads, and writes that are whole or nothing
// (a temporary file in the target folder, then an atomic rename).
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync, fstatSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_FILE_BYTES } from '../read/source.js';

import { UsageError } from '../errors.js';

export { UsageError };

/** Read a plan file; anything that is not a readable file is a usage problem (exit 2). */
export function readInput(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new UsageError(fsReason(file, e));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UsageError(`${file}: là một thư mục, không phải tệp kế hoạch.`);
    // Read at most one byte past the limit: the size check in decode() reports it with the file name.
    const cap = Math.min(st.size || MAX_FILE_BYTES + 1, MAX_FILE_BYTES + 1);
    const buf = Buffer.allocUnsafe(cap);
    let n = 0;
    while (n < cap) {
      const r = readSync(fd, buf, n, cap - n, null);
      if (r === 0) break;
      n += r;
    }
    if (st.size > MAX_FILE_BYTES) return new Uint8Array(st.size > n ? MAX_FILE_BYTES + 1 : n); // size only matters
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(fsReason(file, e));
  } finally {
    closeSync(fd);
  }
}

export function fsReason(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return `${file}: không tìm thấy tệp hoặc thư mục.`;
    case 'EACCES':
    case 'EPERM':
      return `${file}: không có quyền đọc/ghi.`;
    case 'EISDIR':
      return `${file}: là một thư mục, không phải tệp.`;
    case 'ENOSPC':
      return `${file}: ổ đĩa đã đầy, không ghi được.`;
    case 'EROFS':
      return `${file}: ổ đĩa chỉ cho phép đọc.`;
    case 'ENOTDIR':
      return `${file}: đường dẫn có một phần không phải thư mục.`;
    default:
      return `${file}: không truy cập được (${code ?? String(e)}).`;
  }
}

let tempFiles = new Set<string>();

/** Remove temporary files left by an interrupted write (called on SIGINT/SIGTERM). */
function removeQuietly(f: string): void {
  try {
    rmSync(f, { force: true });
  } catch {
    // nothing was created there (a path through a file, a read-only disk): nothing to remove
  }
}

export function cleanupTemps(dirs: readonly string[] = []): void {
  for (const f of tempFiles) removeQuietly(f);
  tempFiles = new Set();
  // worker threads share this process's id: their temporary files end the same way
  for (const d of new Set(dirs)) {
    try {
      for (const n of readdirSync(d)) if (n.endsWith(`.tmp-${process.pid}`)) removeQuietly(join(d, n));
    } catch {
      // folder gone or unreadable: nothing of ours to remove
    }
  }
}

/** Write bytes to `target` atomically; refuses to overwrite any of `inputs`. */
export function writeAtomic(target: string, bytes: Uint8Array, inputs: readonly string[] = []): void {
  const abs = resolve(target);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(abs, { throwIfNoEntry: false });
  } catch {
    st = undefined; // a path through a file, say: the write below reports it
  }
  const real = st ? realOrNull(abs) : null; // a file that is not there yet is none of the inputs
  const taken = inputPaths(inputs);
  if (taken.has(abs) || (real !== null && taken.has(real))) {
    throw new UsageError(`${target}: tệp đầu ra trùng với tệp đầu vào; hãy chọn tên khác (-o).`);
  }
  if (st?.isDirectory()) throw new UsageError(`${target}: là một thư mục; hãy ghi rõ tên tệp .docx hoặc dùng --out-dir.`);
  // A device or pipe (/dev/full, /dev/null) must never be replaced by a rename.
  if (st && !st.isFile()) throw new UsageError(`${target}: không phải tệp thường (thiết bị hoặc đường ống); hãy chọn một tên tệp .docx.`);
  const tmp = join(dirname(abs), `.${basename(abs)}.tmp-${process.pid}`);
  tempFiles.add(tmp);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', 0o644);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(tmp);
    throw new UsageError(fsReason(target, e));
  } finally {
    tempFiles.delete(tmp);
  }
}

function realOrNull(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

/**
 * The paths of the input files, as given and real, worked out once for a list of inputs: a batch
 * checks each of its outputs against the same list.
 */
const pathsOfInputs = new WeakMap<readonly string[], Set<string>>();
function inputPaths(inputs: readonly string[]): Set<string> {
  let paths = pathsOfInputs.get(inputs);
  if (!paths) {
    paths = new Set();
    for (const i of inputs) {
      const abs = resolve(i);
      paths.add(abs);
      const real = realOrNull(abs);
      if (real !== null) paths.add(real);
    }
    pathsOfInputs.set(inputs, paths);
  }
  return paths;
}

/** The folder given with --out-dir, created when it does not exist yet. */
export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(fsReason(dir, e));
  }
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: không phải thư mục.`);
}

/** A unit profile: in a units/ folder, or pointing editors at unit.schema.json on its first line. */
export const isProfile = (file: string, head?: string): boolean =>
  /(^|[\\/])units[\\/]/.test(file) || /unit\.schema\.json/.test((head ?? readFileSync(file, 'utf8')).split('\n', 1)[0]);
