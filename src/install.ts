// Files that ship with kehoach (templates/, schemas/), found from where the code runs: src/ when run
// from source, dist/ when built; both sit one or two folders below the installation's root.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path of `parts` inside the installation, looking upwards from the running code. */
export function installed(...parts: string[]): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, d = dirname(d)) if (existsSync(join(d, ...parts))) return join(d, ...parts);
  throw new Error(`không tìm thấy ${parts.join('/')} của kehoach`);
}

/** The path a plan file in `dir` gives its editor for the plan schema (its `$schema` comment): from `dir` to kehoach's own copy. */
export const planSchemaFrom = (dir: string): string => relative(resolve(dir), installed('schemas', 'plan.schema.json')).split(sep).join('/');
