// Two readers, one result. A plan is first read the quick way (js-yaml, src/plan/fast-yaml.ts) and read
// again by `yaml`, with positions, only when something is wrong. Whatever the text, checking it must
// give the same plan and the same messages either way, and a valid plan is the same data to both.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { quickLoad } from '../src/read/fast-yaml.js';
import { parseSource } from '../src/read/source.js';
import { checkText } from '../src/plan/validate.js';
import { checkProfileText } from '../src/plan/profile.js';
import { plan } from './arbitraries.js';
import { ROOT } from './helpers.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(n) ? [p] : [];
  });
}

const files = [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'test', 'invalid')), ...yamlFiles(join(ROOT, 'test', 'bad-input'))];
const texts = files.map((f) => ({ f, text: readFileSync(f, 'utf8') }));

/** The same verdict, messages and plan whichever way the text is read; the same data when both read it. */
function agree(text: string, profile = false): { quick: boolean; valid: boolean } {
  const quick = quickLoad(text);
  const check = profile ? checkProfileText : checkText;
  const a = check('x.yaml', text);
  const b = check('x.yaml', text, { quick: false });
  expect(a).toStrictEqual(b);
  const valid = a.messages.length === 0;
  // (an invalid text may be read differently: an empty key is "null" to one and "" to the other;
  // its data is never used, and its messages come from `yaml` alone)
  if (quick !== undefined && valid) expect(quick).toStrictEqual(parseSource('x.yaml', text).source?.data);
  return { quick: quick !== undefined, valid };
}

describe('the quick reader reads what yaml reads', () => {
  it('every example, unit profile, invalid and hostile plan', () => {
    let quick = 0;
    for (const { f, text } of texts) {
      const r = agree(text, f.includes('/units/') || f.includes('profile'));
      if (r.quick) quick++;
    }
    // the examples at least are read the quick way (otherwise this test would prove nothing)
    expect(quick).toBeGreaterThanOrEqual(yamlFiles(join(ROOT, 'examples')).length);
  });

  it('generated plans, as yaml writes them and in other styles', () => {
    fc.assert(
      fc.property(plan, fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'), fc.boolean(), (p, style, crlf) => {
        let source = stringify(p, { lineWidth: 40, minContentWidth: 10, defaultStringType: style as 'PLAIN', defaultKeyType: 'PLAIN' });
        if (crlf) source = source.replace(/\n/g, '\r\n');
        const r = agree(source);
        expect(r.valid, source).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a line that starts like a document marker is left to yaml, whatever follows the marker', () => {
    const text = texts.find(({ f }) => f.includes('/examples/01-'))!.text;
    for (const mark of ['---', '---#', '--- #', '...', '...#', '---x: 1']) {
      expect(quickLoad(`${mark}${text}`), mark).toBeUndefined();
      agree(`${mark}${text}`);
      agree(`${text}\n${mark}\n`);
    }
  });

  it('random edits of the examples: a character or a line added, removed or changed', () => {
    const examples = texts.filter(({ f }) => f.includes('/examples/') && !f.includes('/derive/'));
    const marks = [' ', '  ', '\n', ':', ': ', '- ', '-', '#', ' #', '"', "'", '|', '>', '[', ']', '{', '}', ',', '\\', '0', '1.5', '0x1F', '0o7', '1e3', '.inf', '~', 'null', 'true', 'yes', '?', '*', '&', '!', '%', '@', '`', '\t', '\r', '...', '---'];
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('insert', 'delete', 'replace', 'dupline', 'dropline', 'indent', 'dedent'),
      mark: fc.constantFrom(...marks),
      n: fc.integer({ min: 1, max: 3 }),
    });
    let quickValid = 0;
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        let t = examples[which].text;
        for (const e of edits) {
          const at = e.at % (t.length + 1);
          const lineStart = t.lastIndexOf('\n', at - 1) + 1;
          const lineEnd = t.indexOf('\n', at) < 0 ? t.length : t.indexOf('\n', at) + 1;
          if (e.kind === 'insert') t = t.slice(0, at) + e.mark + t.slice(at);
          else if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.n);
          else if (e.kind === 'replace') t = t.slice(0, at) + e.mark + t.slice(at + e.n);
          else if (e.kind === 'dupline') t = t.slice(0, lineEnd) + t.slice(lineStart, lineEnd) + t.slice(lineEnd);
          else if (e.kind === 'dropline') t = t.slice(0, lineStart) + t.slice(lineEnd);
          else if (e.kind === 'indent') t = t.slice(0, lineStart) + ' '.repeat(e.n) + t.slice(lineStart);
          else t = t.slice(0, lineStart) + t.slice(lineStart).replace(new RegExp(`^ {1,${e.n}}`), '');
        }
        const r = agree(t);
        if (r.quick && r.valid) quickValid++;
      }),
      { numRuns: Number(process.env.EDIT_RUNS ?? 2000) },
    );
    // many edits leave a valid plan (in a comment or a text): those were read the quick way
    expect(quickValid).toBeGreaterThan(100);
  });
});
