// `kehoach import`: a plan from an existing document (.docx, .txt) as YAML that validates, with a report
// of what was recognised, guessed and repaired.
import { readDocx, type Block } from './docx-read.js';
import { readText } from './text-read.js';
import { readPdf } from './pdf-read.js';
import { recognise } from './recognize.js';
import { planYaml } from '../plan/plan-yaml.js';

export interface Imported {
  yaml: string;
  found: string[];
  guesses: string[];
  repairs: string[];
}

/** A text file: UTF-8, or an 8-bit code page (where TCVN3 and VNI texts live) when it is not. */
function textOf(bytes: Uint8Array, repairs: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    repairs.push('tệp không phải UTF-8: đọc theo bảng mã 8 bit (Windows-1252).');
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export type SourceKind = 'docx' | 'txt' | 'pdf';

export function kindOf(file: string): SourceKind | undefined {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  return ext === 'docx' ? 'docx' : ext === 'pdf' ? 'pdf' : ext === 'txt' || ext === 'text' || ext === 'md' ? 'txt' : undefined;
}

/** A PDF without a text layer (a scan): import needs OCR for it. */
export class NoTextLayer extends Error {}

/** Import the bytes of one document; `schemaRef` is the path the `$schema` comment gives. */
export async function importDocument(file: string, bytes: Uint8Array, kind: SourceKind, schemaRef: string): Promise<Imported> {
  const repairs: string[] = [];
  let blocks: Block[];
  if (kind === 'pdf') {
    const r = await readPdf(bytes, repairs);
    if (r.textLength < 20) throw new NoTextLayer('tệp PDF không có lớp chữ (bản quét)');
    blocks = r.blocks;
  } else blocks = kind === 'docx' ? readDocx(bytes, repairs) : readText(textOf(bytes, repairs), repairs);
  const r = recognise(blocks);
  const header = [`yaml-language-server: $schema=${schemaRef}`, `Nhập từ ${file} bằng "kehoach import"; hãy đọc lại các chỗ ghi "CẦN XEM".`];
  return { yaml: planYaml(r.plan, header, r.notes), found: r.found, guesses: r.guesses, repairs };
}
