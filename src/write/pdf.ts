// PDF through LibreOffice headless (src/soffice.ts): one LibreOffice start for a whole batch. Returns the
// bytes; the CLI writes them.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const work = mkdtempSync(join(tmpdir(), 'kehoach-pdf-'));
  try {
    // LibreOffice names each PDF after its .docx in one output folder: two inputs both called x.docx
    // would give one x.pdf. Each is converted under its position in the batch instead.
    mkdirSync(join(work, 'in'));
    const inputs = docxFiles.map((f, i) => {
      const copy = join(work, 'in', `${i}.docx`);
      copyFileSync(f, copy);
      return copy;
    });
    const r = convert(inputs, 'pdf')!;
    try {
      return docxFiles.map((f, i) => {
        try {
          return readFileSync(join(r.out, `${i}.pdf`));
        } catch {
          throw new UsageError(`LibreOffice không tạo được PDF cho ${f}${r.stderr ? ` (${r.stderr.trim().split('\n').pop()})` : ''}.`);
        }
      });
    } finally {
      rmSync(r.dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
