import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../src/cli/main.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const EXAMPLES = join(ROOT, 'examples');
export const SHARED = resolve(ROOT, '..', 'shared');

export const exampleFiles = (): string[] =>
  readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(EXAMPLES, f));

/** Run the CLI in-process; returns exit code and what it printed. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

/** The seed file an example names in its header comment ("# Nguồn: ../shared/seeds/NNN_....txt"). */
export function seedOf(example: string): string | undefined {
  const m = /seeds\/(\d{3}_[0-9a-f]+\.txt)/.exec(readFileSync(example, 'utf8').split('\n').slice(0, 5).join('\n'));
  return m ? join(SHARED, 'seeds', m[1]) : undefined;
}
