// PDF through LibreOffice headless: one LibreOffice start for a whole batch. Returns the bytes; the
// CLI writes them.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { UsageError } from '../errors.js';

export const PDF_PACKAGE = 'libreoffice-writer-nogui';

export function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export function needSoffice(): string {
  const soffice = findSoffice();
  if (soffice) return soffice;
  throw new UsageError(`cần LibreOffice để tạo PDF nhưng không tìm thấy lệnh soffice; hãy cài gói Debian ${PDF_PACKAGE} (sudo apt-get install ${PDF_PACKAGE}).`);
}

/** The PDF of each .docx, in the same order. */
export function toPdf(docxFiles: readonly string[]): Uint8Array[] {
  const soffice = needSoffice();
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
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'out'), ...inputs], {
      encoding: 'utf8',
      timeout: 30 * 60_000,
    });
    return docxFiles.map((f, i) => {
      try {
        return readFileSync(join(work, 'out', `${i}.pdf`));
      } catch {
        throw new UsageError(`LibreOffice không tạo được PDF cho ${f}${r.stderr ? ` (${r.stderr.trim().split('\n').pop()})` : ''}.`);
      }
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
