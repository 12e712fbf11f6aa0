// PDF through LibreOffice headless: one LibreOffice start for a whole batch, written beside each .docx.
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { convert, findSoffice, SOFFICE_PACKAGE } from '../soffice.js';
import { UsageError, writeAtomic } from '../cli/io.js';

export const PDF_PACKAGE = SOFFICE_PACKAGE;
export { findSoffice };

/** Convert the .docx files to PDF beside them; returns the PDF paths. */
export function toPdf(docxFiles: string[]): string[] {
  const r = convert(docxFiles, 'pdf');
  if (!r) {
    throw new UsageError(`cần LibreOffice để tạo PDF nhưng không tìm thấy lệnh soffice; hãy cài gói Debian ${PDF_PACKAGE} (sudo apt-get install ${PDF_PACKAGE}).`);
  }
  try {
    const out: string[] = [];
    for (const f of docxFiles) {
      const made = join(r.out, basename(f).replace(/\.docx$/i, '') + '.pdf');
      let bytes: Buffer;
      try {
        bytes = readFileSync(made);
      } catch {
        throw new UsageError(`LibreOffice không tạo được PDF cho ${f}${r.stderr ? ` (${r.stderr.trim().split('\n').pop()})` : ''}.`);
      }
      const target = join(dirname(f), basename(made));
      writeAtomic(target, bytes);
      out.push(target);
    }
    return out;
  } finally {
    rmSync(r.dir, { recursive: true, force: true });
  }
}
