// Messages, not exceptions (vfile style): every problem is collected with where it is, and only the
// CLI decides the exit code.
export type Severity = 'lỗi' | 'cảnh báo';

export interface Message {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable id of the rule that found it, e.g. "khoa-la" (unknown key). */
  rule: string;
  /** Vietnamese: what was found, what was expected, how to fix it. */
  message: string;
}

export const hasErrors = (ms: readonly Message[]): boolean => ms.some((m) => m.severity === 'lỗi');

/**
 * A user-supplied string (a file name, a key, a value echoed in a message) as it is safe to print:
 * control characters (C0, DEL, C1: newlines, ESC and BEL sequences that would move the cursor, retitle
 * the window or forge a line of output) are shown escaped, everything else as it is.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function formatMessage(m: Message): string {
  return `${printable(m.file)}:${m.line}:${m.column}: ${m.severity}: ${printable(m.message)} [${m.rule}]`;
}

/** Where a command prints: standard output and standard error, or a test's buffers. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
