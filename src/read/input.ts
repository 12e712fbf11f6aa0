// Reading an input file: only a regular file is opened (a FIFO or a device would block the read or
// never end), and at most one byte past the size limit is read.
import { closeSync, constants, fstatSync, mkdtempSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { printable } from '../messages.js';
import { MAX_FILE_BYTES } from './source.js';

/**
 * Read an input file, at most `limit` + 1 bytes (the caller reports a file over its limit); anything that is
 * not a readable regular file is a usage problem (exit 2).
 */
export function readInput(file: string, limit = MAX_FILE_BYTES): Uint8Array {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw new UsageError(fsReason(file, e));
  }
  refuseIrregular(file, st);
  let fd: number;
  try {
    // O_NONBLOCK: should a FIFO be swapped in after the check above, opening it does not wait for a writer
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    throw new UsageError(fsReason(file, e));
  }
  try {
    const opened = fstatSync(fd);
    refuseIrregular(file, opened);
    // Read at most one byte past the limit: the caller's size check (decode() for a plan) reports it.
    const cap = Math.min(opened.size || limit + 1, limit + 1);
    const buf = Buffer.allocUnsafe(cap);
    let n = 0;
    while (n < cap) {
      const r = readSync(fd, buf, n, cap - n, null);
      if (r === 0) break;
      n += r;
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(fsReason(file, e));
  } finally {
    closeSync(fd);
  }
}

function refuseIrregular(file: string, st: Stats): void {
  if (st.isDirectory()) throw new UsageError(`${printable(file)}: là một thư mục, không phải tệp kế hoạch.`);
  if (!st.isFile()) throw new UsageError(`${printable(file)}: ${irregularKind(st)}, không phải tệp thường; hãy chỉ đúng tệp .yaml của kế hoạch.`);
}

/** What a path that is neither a file nor a folder is, in words. */
export function irregularKind(st: Stats): string {
  if (st.isFIFO()) return 'là một đường ống (FIFO)';
  if (st.isSocket()) return 'là một socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'là một thiết bị';
  return 'là một tệp đặc biệt';
}

/** A file system error as a Vietnamese sentence naming the path. */
export function fsReason(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const f = printable(file);
  switch (code) {
    case 'ENOENT':
      return `${f}: không tìm thấy tệp hoặc thư mục.`;
    case 'EACCES':
    case 'EPERM':
      return `${f}: không có quyền đọc/ghi.`;
    case 'EISDIR':
      return `${f}: là một thư mục, không phải tệp.`;
    case 'ENOSPC':
      return `${f}: ổ đĩa đã đầy, không ghi được.`;
    case 'EROFS':
      return `${f}: ổ đĩa chỉ cho phép đọc.`;
    case 'ENOTDIR':
      return `${f}: đường dẫn có một phần không phải thư mục.`;
    case 'ELOOP':
      return `${f}: liên kết tượng trưng (symlink) trỏ vòng quanh, không dẫn tới tệp nào.`;
    case 'ENAMETOOLONG':
      return `${f}: đường dẫn quá dài.`;
    default:
      return `${f}: không truy cập được (${code ?? String(e)}).`;
  }
}

/**
 * A unit profile: in a units/ folder, pointing editors at unit.schema.json on its first line, or written as
 * one (a superior and departments at the top level, which no plan has).
 */
export function isProfile(file: string, text?: string): boolean {
  if (/(^|[\\/])units[\\/]/.test(file)) return true;
  const t = text ?? readFileSync(file, 'utf8');
  return /unit\.schema\.json/.test(t.split('\n', 1)[0]) || (/^cap_tren\s*:/m.test(t) && /^bo_phan\s*:/m.test(t));
}

/** A new private folder for a tool's files; a system without a usable temporary folder is a usage problem (exit 2). */
export function tempDir(prefix: string): string {
  try {
    return mkdtempSync(join(tmpdir(), prefix));
  } catch (e) {
    throw new UsageError(`không tạo được thư mục tạm: ${fsReason(tmpdir(), e)} Hãy kiểm tra biến môi trường TMPDIR.`);
  }
}
