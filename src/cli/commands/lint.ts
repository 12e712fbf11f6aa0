// `kehoach lint`: the plan's validation messages, then the ND30 and Vietnamese spelling rules; --fix
// rewrites what it can in place, keeping comments and layout.
import { hasErrors } from '../../messages.js';
import { lintText } from '../../lint/lint.js';
import { checkBytes } from '../../plan/validate.js';
import { decode } from '../../read/source.js';
import { writeAtomic } from '../io.js';
import type { Report } from '../report.js';
import { eachInput, verdict } from './validate.js';

export async function runLint(files: string[], o: { fix?: boolean; strict?: boolean }, report: Report): Promise<number> {
  let errors = false;
  let warnings = false;
  const unreadable = await eachInput(files, report, (f, bytes) => {
    const ms = [...checkBytes(f, bytes).messages];
    const text = decode(f, bytes).text;
    if (text !== undefined) {
      const r = lintText(f, text);
      if (o.fix && r.fixes > 0) {
        writeAtomic(f, Buffer.from(r.fixed, 'utf8'));
        report.wrote(f, `đã sửa ${r.fixes} chỗ trong`);
        ms.push(...lintText(f, r.fixed).messages); // what is left after the fixes
      } else ms.push(...r.messages);
    }
    report.add(ms);
    if (hasErrors(ms)) errors = true;
    else if (ms.length) warnings = true;
    if (!ms.length) report.note(verdict(f, ms, 'không có cảnh báo'));
  });
  return unreadable ? 2 : errors || (o.strict && warnings) ? 1 : 0;
}
