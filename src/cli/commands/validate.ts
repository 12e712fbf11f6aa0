// `kehoach validate`: every file is checked and reported, whatever happens to the others; a file that
// cannot be read is reported in its turn and makes the exit code 2.
import { hasErrors, type Message } from '../../messages.js';
import { checkBytes } from '../../plan/validate.js';
import { withLayoutWarnings } from '../../model/header-fit.js';
import { UsageError } from '../../errors.js';
import { isProfile, readInput } from '../../read/input.js';
import type { Report } from '../report.js';

/** Read each file in turn; one that cannot be read is reported and the others still run. */
export async function eachInput(files: readonly string[], report: Report, use: (file: string, bytes: Uint8Array) => Promise<void> | void): Promise<boolean> {
  let unreadable = false;
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = readInput(f);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      report.fail(e.message);
      unreadable = true;
      continue;
    }
    await use(f, bytes);
  }
  return unreadable;
}

/** The one line for a file with no errors: "x.yaml: hợp lệ" (with the number of warnings, if any). */
export const verdict = (file: string, ms: readonly Message[], fine: string): string => {
  const warnings = ms.filter((m) => m.severity !== 'lỗi').length;
  return `${file}: ${fine}${warnings ? `, ${warnings} cảnh báo` : ''}`;
};

export async function runValidate(files: string[], report: Report): Promise<number> {
  let errors = false;
  const unreadable = await eachInput(files, report, async (f, bytes) => {
    // a unit profile is validated as one (by its schema comment, its units/ folder or its keys)
    const text = Buffer.from(bytes).toString('utf8');
    const { messages } = isProfile(f, text) ? (await import('../../plan/profile.js')).checkProfile(f, bytes) : withLayoutWarnings(f, bytes, checkBytes(f, bytes));
    report.add(messages);
    if (hasErrors(messages)) errors = true;
    else report.note(verdict(f, messages, 'hợp lệ'));
  });
  return unreadable ? 2 : errors ? 1 : 0;
}
