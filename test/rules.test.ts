// Every rule beyond types runs its own fixtures, as remark-lint keeps its rules:
// test/fixtures/rules/<rule-id>/ok*.yaml are valid; not-ok*.yaml break that rule alone, and
// not-ok*.txt next to each holds its messages in full ("LINE:COL message", one a line).
// A file named *.profile.yaml is a unit profile.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../src/plan/validate.js';
import { PLAN_RULES } from '../src/plan/rules.js';
import { checkProfileText, PROFILE_RULES } from '../src/plan/profile.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test', 'fixtures', 'rules');
const ids = [...PLAN_RULES, ...PROFILE_RULES].map((r) => r.id);

const check = (name: string, text: string) => (name.endsWith('.profile.yaml') ? checkProfileText(name, text) : checkText(name, text));

describe('rules beyond types', () => {
  it('each rule has its own id and a folder of fixtures, and each folder is a rule', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(readdirSync(DIR).sort()).toEqual([...ids].sort());
  });

  describe.each(ids)('%s', (id) => {
    const files = readdirSync(join(DIR, id)).filter((f) => f.endsWith('.yaml'));
    it('has at least one ok and one not-ok plan', () => {
      expect(files.filter((f) => f.startsWith('ok')).length).toBeGreaterThan(0);
      expect(files.filter((f) => f.startsWith('not-ok')).length).toBeGreaterThan(0);
    });
    it.each(files)('%s', (f) => {
      const r = check(f, readFileSync(join(DIR, id, f), 'utf8'));
      const got = r.messages.map((m) => `${m.line}:${m.column} ${m.message}${m.rule === id ? '' : ` [${m.rule}]`}`);
      if (f.startsWith('ok')) expect(got).toEqual([]);
      else expect(got.join('\n') + '\n').toBe(readFileSync(join(DIR, id, f.replace(/\.yaml$/, '.txt')), 'utf8'));
    });
  });
});
