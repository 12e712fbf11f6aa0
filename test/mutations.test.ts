// One-line slips of a clerk's hand, made in the real examples by a seeded generator: a space more or less
// at a line's start, the space after a colon lost, a closing bracket or quote lost, a "- " lost, a colon
// lost, " #…" after a value, "**" (bold) opening a value. Whatever the slip, validation never throws,
// every message names a line of the file, and one slip costs a handful of messages, not one per later line.
// Slips of punctuation inside values (what lint repairs): lint --fix changes words, never what YAML reads.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { lintText } from '../src/lint/lint.js';
import { checkText } from '../src/plan/validate.js';
import { exampleFiles } from './helpers.js';

const SEED = Number(process.env.MUTATION_SEED ?? Date.now() % 2 ** 31);
/** Numbers below n, the same run for the same seed (a linear congruential generator). */
function seeded(seed: number): (n: number) => number {
  return (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
}

const SLIPS: ((l: string) => string)[] = [
  (l) => ' ' + l,
  (l) => l.replace(/^ /, ''),
  (l) => l.replace(': ', ':'),
  (l) => l.replace(/[\]}"]/, ''),
  (l) => l.replace('- ', ''),
  (l) => l.replace(/: /, ' '),
  (l) => `${l} #3`,
  (l) => l.replace(/^(\s*-\s+|[^:]*:\s+)/, '$1**'),
];

it(`a one-line slip in any example gives messages on the file's lines, and few of them (seed ${SEED}; MUTATION_SEED=${SEED} repeats it)`, () => {
  const next = seeded(SEED);
  let slipped = 0;
  for (const f of exampleFiles()) {
    const lines = readFileSync(f, 'utf8').split('\n');
    for (let i = 0; i < 25; i++) {
      const k = next(lines.length);
      const s = next(SLIPS.length);
      const changed = [...lines];
      changed[k] = SLIPS[s](lines[k]);
      if (changed[k] === lines[k]) continue;
      const where = `${f}:${k + 1} slip ${s}: ${JSON.stringify(changed[k])}`;
      const r = checkText('x.yaml', changed.join('\n'));
      for (const m of r.messages) {
        expect(m.line, where).toBeGreaterThanOrEqual(1);
        expect(m.line, where).toBeLessThanOrEqual(changed.length);
        expect(m.column, where).toBeGreaterThanOrEqual(1);
        expect(m.message, where).not.toMatch(/\bundefined\b|\[object /);
      }
      expect(r.messages.length, where).toBeLessThanOrEqual(8);
      slipped++;
    }
  }
  expect(slipped).toBeGreaterThan(120);
});

/** Punctuation slips lint repairs, some of them YAML's own signs once repaired (": ", " #", a number). */
const TYPOS = [',', ':', ';', ' ,', ' :', ':x', ',#', ' #', '  ', ' .', '..', ',,', '::', '( ', ' )', '"', '\\', 'Lưu:VT', '2019 -2020', '4179 /KH'];

/** A value's kind of data, and its keys: what YAML reads, without the words. */
const shape = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(shape) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, shape(v)])) : typeof x;

it(`lint --fix on punctuation slips inside values keeps every key, list and kind of value as YAML reads them (seed ${SEED})`, () => {
  const next = seeded(SEED);
  let fixed = 0;
  for (const f of exampleFiles()) {
    const base = readFileSync(f, 'utf8').split('\n');
    for (let i = 0; i < 3; i++) {
      const lines = [...base];
      for (let m = 0; m < 6; m++) {
        const k = next(lines.length);
        // inside a value: after "key: ", or after the "- " of a list item
        const c = lines[k].includes(': ') ? lines[k].indexOf(': ') + 2 : (/^\s*- /.exec(lines[k])?.[0].length ?? -1);
        if (c < 0 || lines[k].trimStart().startsWith('#')) continue;
        const at = c + next(Math.max(1, lines[k].length - c));
        lines[k] = lines[k].slice(0, at) + TYPOS[next(TYPOS.length)] + lines[k].slice(at);
      }
      const text = lines.join('\n');
      let before: unknown;
      try {
        before = parse(text);
      } catch {
        continue; // a slip YAML itself refuses: validation's part, above
      }
      const r = lintText('x.yaml', text, { fix: true });
      expect(shape(parse(r.fixed)), `${f}: ${text}`).toEqual(shape(before));
      if (r.fixes) fixed++;
    }
  }
  // the property held on files lint did fix: 14–24 of the 39 over twelve seeds tried (15, the bound before, failed one)
  expect(fixed).toBeGreaterThan(8);
});
