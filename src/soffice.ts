// LibreOffice headless, the one converter kehoach drives: .docx → PDF for `render --pdf`, .doc → .docx for
// `import`. Found on PATH; converting many files costs one LibreOffice start.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export const SOFFICE_PACKAGE = 'libreoffice-writer-nogui';

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

/**
 * Convert files to `format` ("pdf", "docx") into a new temporary folder (the caller removes it), with a
 * profile of its own so that a LibreOffice the clerk has open does not interfere. Undefined without soffice.
 */
export function convert(files: string[], format: string, timeoutMs = 30 * 60_000): { dir: string; out: string; stderr: string } | undefined {
  const soffice = findSoffice();
  if (!soffice) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-soffice-'));
  const out = join(dir, 'out');
  const r = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', format, '--outdir', out, ...files], { encoding: 'utf8', timeout: timeoutMs });
  return { dir, out, stderr: r.stderr ?? '' };
}
