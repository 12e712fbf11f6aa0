// LibreOffice headless, the one converter kehoach drives: .docx → PDF for `render --pdf`, .doc → .docx for
// `import`. Found on PATH; converting many files costs one LibreOffice start.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tempDir } from './read/input.js';
import { SIGNATURE, startsWith } from './read/source.js';

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
 * Convert documents (the bytes of `from` files: "docx", "doc") to `to` ("pdf", "docx", "doc:MS Word 97"):
 * each result's bytes in order, undefined where LibreOffice made none, with its last complaint. Each input
 * is converted under its position in the batch, because LibreOffice names each result after its input in
 * one folder (two x.docx would give one x.pdf); the work folder has a LibreOffice profile of its own, so
 * that a LibreOffice the clerk has open does not interfere, and is removed afterwards. Undefined without soffice.
 */
export function convert(
  inputs: readonly Uint8Array[],
  /** The inputs' file extension, or each input's: LibreOffice chooses its reader by the name. */
  from: string | readonly string[],
  to: string,
  timeoutMs = 30 * 60_000,
): { outputs: (Buffer | undefined)[]; complaint: string } | undefined {
  const soffice = findSoffice();
  if (!soffice) return undefined;
  const dir = tempDir('kehoach-soffice-');
  try {
    mkdirSync(join(dir, 'in'));
    const files = inputs.map((bytes, i) => {
      const f = join(dir, 'in', `${i}.${typeof from === 'string' ? from : from[i]}`);
      writeFileSync(f, bytes);
      return f;
    });
    const out = join(dir, 'out');
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', out, ...files], { encoding: 'utf8', timeout: timeoutMs });
    const ext = to.split(':')[0];
    const outputs = inputs.map((_, i) => {
      try {
        return readFileSync(join(out, `${i}.${ext}`));
      } catch {
        return undefined;
      }
    });
    return { outputs, complaint: (r.stderr ?? '').trim().split('\n').pop() ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ascii = (b: Uint8Array, n: number) => String.fromCharCode(...b.subarray(0, n));

/**
 * The format LibreOffice reads a Word 97–2003, OpenDocument, RTF, HTML or MHT file as (its file extension),
 * by the file's first bytes; undefined for anything else.
 */
export function officeFormat(b: Uint8Array): 'doc' | 'odt' | 'rtf' | 'html' | 'mht' | undefined {
  if (startsWith(b, SIGNATURE.ole)) return 'doc';
  // an OpenDocument zip opens with its "mimetype" entry, stored
  if (startsWith(b, SIGNATURE.zip) && ascii(b, 100).includes('application/vnd.oasis.opendocument.text')) return 'odt';
  const head = ascii(b, 512).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^<(?:\?xml|!doctype html|!--|html[\s>])/.test(head) && /<html[\s>]/.test(head)) return 'html';
  if (head.startsWith('mime-version:')) return 'mht';
  return undefined;
}

