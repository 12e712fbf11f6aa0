// Writing a file whole or not at all: a temporary file created exclusively, under a random name, in the
// target's folder, then renamed over the target. Creating it exclusively (O_EXCL, and O_NOFOLLOW where
// there is one) means a link planted under the temporary name is never followed: another user who can
// write in that folder cannot redirect the write to a file of their choosing.
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { printable } from '../messages.js';
import { fsReason, irregularKind } from '../read/input.js';
import { holdTemporary } from '../signals.js';

const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Write bytes to `target` atomically; refuses to overwrite any of `inputs`. An existing target keeps its mode. */
export function writeAtomic(target: string, bytes: Uint8Array, inputs: readonly string[] = []): void {
  const t = printable(target);
  // "-o newdir/" names a folder: never quietly write a file called "newdir"
  if (/[\\/]$/.test(target)) throw new UsageError(`${t}: tên kết thúc bằng "/" là tên thư mục; hãy ghi rõ tên tệp (render và derive nhận thư mục qua --out-dir).`);
  const abs = resolve(target);
  const st = statOrUndefined(abs);
  const real = st ? realOrNull(abs) : null; // a file that is not there yet is none of the inputs
  const taken = inputPaths(inputs);
  if (taken.has(abs) || (real !== null && taken.has(real))) {
    throw new UsageError(`${t}: tệp đầu ra trùng với tệp đầu vào; hãy chọn tên khác (-o).`);
  }
  if (st?.isDirectory()) throw new UsageError(`${t}: là một thư mục; hãy ghi rõ tên tệp hoặc dùng --out-dir.`);
  // A device or pipe (/dev/full, /dev/null) must never be replaced by a rename.
  if (st && !st.isFile()) throw new UsageError(`${t}: ${irregularKind(st)}, không phải tệp thường; hãy chọn một tên tệp khác.`);
  const dir = dirname(abs);
  let folder: Stats | undefined;
  try {
    folder = statSync(dir, { throwIfNoEntry: false });
  } catch (e) {
    throw new UsageError(fsReason(target, e)); // a path through a file, a link loop
  }
  if (!folder) throw new UsageError(`${t}: thư mục ${printable(dirname(target))} chưa có; hãy tạo thư mục đó trước.`);
  if (!folder.isDirectory()) throw new UsageError(fsReason(target, { code: 'ENOTDIR' }));

  let tmp = '';
  let fd: number | undefined;
  let held: ReturnType<typeof holdTemporary> | undefined;
  try {
    for (let attempt = 0; fd === undefined; attempt++) {
      tmp = join(dir, `.${basename(abs).slice(0, 60)}.${randomBytes(6).toString('hex')}.tmp`);
      held = holdTemporary(tmp);
      try {
        fd = openSync(tmp, EXCLUSIVE, 0o666);
      } catch (e) {
        held.release(); // not ours: never remove what is there
        held = undefined;
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt === 9) throw e;
      }
    }
    if (st) keepOwnerAndMode(fd, st);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    if (held) removeQuietly(tmp);
    throw new UsageError(fsReason(target, e));
  } finally {
    held?.release();
  }
}

/** The replaced file's mode (and, when the system lets us, its owner) carry over to the new one. */
function keepOwnerAndMode(fd: number, st: Stats): void {
  if (process.getuid && (st.uid !== process.getuid() || st.gid !== process.getgid?.())) {
    try {
      fchownSync(fd, st.uid, st.gid);
    } catch {
      // only root may give a file away: the new file is then the writer's, as any new file would be
    }
  }
  fchmodSync(fd, st.mode & 0o777); // never set-user-id or set-group-id: the content is new
}

/**
 * Rewrite a text file in place with new text (what `lint --fix` does): through a symlink to the file it
 * points at; keeping the file's mode, its UTF-8 byte-order mark and its CRLF line ends; refusing a
 * read-only file. `before` is the file's bytes as read.
 */
export function rewriteInPlace(file: string, before: Uint8Array, text: string): void {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (e) {
    throw new UsageError(fsReason(file, e));
  }
  const st = statOrUndefined(real);
  if (st?.isFile() && (!(st.mode & 0o222) || !writable(real))) {
    throw new UsageError(`${printable(file)}: tệp chỉ cho phép đọc, không sửa; nếu muốn sửa, hãy cho phép ghi (chmod u+w) rồi chạy lại.`);
  }
  const head = Buffer.from(before.subarray(0, 3));
  const bom = head.equals(Buffer.from([0xef, 0xbb, 0xbf])) ? '\ufeff' : '';
  const crlf = crlfOnly(before);
  const body = bom + (crlf ? text.replace(/\r?\n/g, '\r\n') : text).replace(/^\ufeff/, '');
  writeAtomic(real, Buffer.from(body, 'utf8'));
}

/** Whether every line end in the bytes is CRLF (and there is at least one). */
function crlfOnly(b: Uint8Array): boolean {
  let seen = false;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) {
    if (i === 0 || b[i - 1] !== 0x0d) return false;
    seen = true;
  }
  return seen;
}

function writable(p: string): boolean {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The folder given with --out-dir: refused when it is a file (before any work). */
export function checkDir(dir: string): void {
  const st = statOrUndefined(dir);
  if (st && !st.isDirectory()) throw new UsageError(`${printable(dir)}: là một tệp, không phải thư mục; --out-dir cần tên một thư mục.`);
}

/** The folder given with --out-dir, created when it does not exist yet. */
export function ensureDir(dir: string): void {
  checkDir(dir);
  if (statOrUndefined(dir)) return;
  // each missing folder made in turn from the nearest one that exists (Node's recursive mkdir spins for ever
  // where the file system refuses with ENOENT, as /proc does)
  const missing: string[] = [];
  for (let d = resolve(dir); !statOrUndefined(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      throw new UsageError(fsReason(dir, e));
    }
  }
}

function statOrUndefined(p: string): Stats | undefined {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined; // a path through a file, a link loop: the write reports it
  }
}

function removeQuietly(f: string): void {
  try {
    rmSync(f, { force: true });
  } catch {
    // nothing was created there (a path through a file, a read-only disk): nothing to remove
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
