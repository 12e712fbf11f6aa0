// PDF through LibreOffice headless (src/soffice.ts): one LibreOffice start for a whole batch. Returns the
// bytes; the CLI writes them.
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { convert, findSoffice, SOFFICE_PACKAGE } from '../soffice.js';

export const PDF_PACKAGE = SOFFICE_PACKAGE;

export function needSoffice(): string {
  const soffice = findSoffice();
  if (soffice) return soffice;
  throw new UsageError(`cần LibreOffice để tạo PDF nhưng không tìm thấy lệnh soffice; hãy cài gói Debian ${PDF_PACKAGE} (sudo apt-get install ${PDF_PACKAGE}).`);
}

/** The PDF of each .docx, in the same order. */
export function toPdf(docxFiles: readonly string[]): Uint8Array[] {
  needSoffice();
  const r = convert(docxFiles.map((f) => readFileSync(f)), 'docx', 'pdf')!;
  return docxFiles.map((f, i) => {
    const pdf = r.outputs[i];
    if (!pdf) throw new UsageError(`LibreOffice không tạo được PDF cho ${f}${r.complaint ? ` (${r.complaint})` : ''}.`);
    return pdf;
  });
}
