// PDF through LibreOffice headless: one LibreOffice start for a whole batch, written beside each .docx.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { writeAtomic } from './atomic.js';

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

/** Convert the .docx files to PDF beside them; returns the PDF paths. */
export function toPdf(docxFiles: string[]): string[] {
  const soffice = findSoffice();
  if (!soffice) {
    throw new UsageError(`cần LibreOffice để tạo PDF nhưng không tìm thấy lệnh soffice; hãy cài gói Debian ${PDF_PACKAGE} (sudo apt-get install ${PDF_PACKAGE}).`);
  }
  const work = mkdtempSync(join(tmpdir(), 'kehoach-pdf-'));
  try {
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'out'), ...docxFiles], {
      encoding: 'utf8',
      timeout: 30 * 60_000,
    });
    const out: string[] = [];
    for (const f of docxFiles) {
      const made = join(work, 'out', basename(f).replace(/\.docx$/i, '') + '.pdf');
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
    rmSync(work, { recursive: true, force: true });
  }
}
