// The type check, in the suite's pool: it runs beside the other files (much of the suite waits on
// LibreOffice and poppler) instead of before all of them.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

describe('types', () => {
  it('tsc --noEmit finds no error in src/, test/, bench/ and scripts/', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', ROOT], { encoding: 'utf8', timeout: 170_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
