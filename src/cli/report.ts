// What a command tells the clerk. In text, each thing is printed as it happens (problems and notes on
// standard error, in the order they arose); with --format json, everything, usage and system errors
// included, is gathered into one JSON object printed on standard output when the command ends.
import { formatMessage, printable, type Io, type Message } from '../messages.js';

export type Format = 'text' | 'json';

/** A problem that is not in a plan: a wrong command line, a file that cannot be read or written. */
export interface Problem {
  severity: 'lỗi';
  /** "cach-dung" for the command line and files, "loi-noi-bo" for a bug in kehoach. */
  rule: string;
  message: string;
}

export class Report {
  readonly json: boolean;
  /** With -q: no warnings and no notes, only errors. */
  quiet = false;
  private readonly messages: (Message | Problem)[] = [];
  private readonly files: string[] = [];

  constructor(
    private readonly io: Io,
    format: Format,
    private readonly colour = false,
  ) {
    this.json = format === 'json';
  }

  /** Problems found in a plan or profile. */
  add(ms: readonly Message[]): void {
    for (const m of ms) {
      if (this.json) this.messages.push(m);
      else if (!this.quiet || m.severity === 'lỗi') this.io.err(this.paint(m));
    }
  }

  /** A usage or system problem (exit 2): "kehoach: lỗi: …" in text. */
  fail(message: string, rule = 'cach-dung'): void {
    if (this.json) this.messages.push({ severity: 'lỗi', rule, message });
    else this.io.err(`kehoach: ${rule === 'loi-noi-bo' ? 'lỗi nội bộ' : 'lỗi'}: ${printable(message)}`);
  }

  /** A line for the clerk ("x.yaml: hợp lệ"); text only, not with -q. */
  note(line: string): void {
    if (!this.json && !this.quiet) this.io.err(printable(line));
  }

  /** A file written: listed in JSON, noted in text. */
  wrote(file: string, verb = 'đã ghi'): void {
    this.files.push(file);
    this.note(`${verb} ${file}`);
  }

  /** A command's own result on standard output, in text (what check prints, a schema). */
  print(text: string): void {
    if (!this.json) this.io.out(text);
  }

  /** A command's own result, as fields of the JSON object (check's counts, render's models). */
  readonly data: Record<string, unknown> = {};

  /** The end of the command: in JSON, the one object on standard output. Returns the exit code. */
  end(code: number): number {
    if (this.json) this.io.out(JSON.stringify({ exit: code, messages: this.messages, written: this.files, ...this.data }, null, 2));
    return code;
  }

  private paint(m: Message): string {
    const line = formatMessage(m);
    if (!this.colour) return line;
    return line.replace(`: ${m.severity}: `, `: ${m.severity === 'lỗi' ? '\x1b[31m' : '\x1b[33m'}${m.severity}\x1b[0m: `);
  }
}

/**
 * A progress bar on the terminal's standard error, "[####------] 3/10 name", redrawn in place; erased
 * once done reaches total, so that what follows starts on a clean line.
 */
export function progress(done: number, total: number, label = ''): void {
  const width = 30;
  const n = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(n)}${'-'.repeat(width - n)}] ${done}/${total}${label && ` ${label}`}\x1b[K${done === total ? '\r\x1b[K' : ''}`);
}
