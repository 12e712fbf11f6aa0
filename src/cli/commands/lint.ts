// `kehoach lint`: the plan's (or unit profile's) validation messages, then the ND30 and Vietnamese
// spelling rules; --fix rewrites what it can in place, keeping comments and layout.
import { hasErrors } from '../../messages.js';
import { lintFile } from '../../lint/lint.js';
import { isProfile } from '../../read/input.js';
import { rewriteInPlace } from '../../write/atomic.js';
import type { Report } from '../report.js';
import { eachInput, verdict } from './validate.js';

export async function runLint(files: string[], o: { fix?: boolean; strict?: boolean }, report: Report): Promise<number> {
  let errors = false;
  let warnings = false;
  const unreadable = await eachInput(files, report, (f, bytes) => {
    const text = Buffer.from(bytes).toString('utf8');
    const r = lintFile(f, bytes, { fix: o.fix, profile: isProfile(f, text) });
    if (o.fix && r.fixes > 0) {
      rewriteInPlace(f, bytes, r.fixed); // mode, BOM, line ends and links kept
      report.wrote(f, `đã sửa ${r.fixes} chỗ trong`);
    }
    report.add(r.messages);
    if (hasErrors(r.messages)) errors = true;
    else if (r.messages.length) warnings = true;
    if (!r.messages.length) report.note(verdict(f, r.messages, 'không có cảnh báo'));
  });
  return unreadable ? 2 : errors || (o.strict && warnings) ? 1 : 0;
}
