// Messages that fix the mistake (issue 17), compared in full: each test/fixtures/messages/NAME.yaml
// has NAME.txt with its messages, "LINE:COL [rule] message" one a line. NAME.profile.yaml is checked
// as a unit profile.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../src/plan/validate.js';
import { checkProfileText } from '../src/plan/profile.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test', 'fixtures', 'messages');

describe('messages, in full', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.yaml')))('%s', (f) => {
    const text = readFileSync(join(DIR, f), 'utf8');
    const r = f.endsWith('.profile.yaml') ? checkProfileText(f, text) : checkText(f, text);
    const got = r.messages.map((m) => `${m.line}:${m.column} [${m.rule}] ${m.message}\n`).join('');
    expect(got).toBe(readFileSync(join(DIR, f.replace(/\.yaml$/, '.txt')), 'utf8'));
  });
});
