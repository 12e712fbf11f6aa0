// Precision and recall of `kehoach lint` on a seeded defect corpus (lint-corpus.ts): defects of every
// rule planted into the prose of the examples, the derived plans and the non-health fixture texts.
// A finding counts as found when a rule that names the defect reports it on the defect's line; any
// other new finding (not in the clean text's own warnings) is a false alarm, on controls as well.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint/lint.js';
import { RULES } from '../src/lint/rules.js';
import type { Message } from '../src/messages.js';
import { corpusFiles, plant, readSources, type Defect, type Planted } from './lint-corpus.js';
import { ROOT } from './helpers.js';

const SEED = 20261201;
const COPIES = 40;

describe('lint on a seeded defect corpus', () => {
  const sources = readSources(corpusFiles(), ROOT);
  const keys = (name: string, text: string) => lintText(name, text, { fix: false }).messages.map((m) => `${m.rule}@${m.line}`);
  const baseline = new Map(sources.map((s) => [s.name, new Set(keys(s.name, s.text))]));
  const corpus: Planted[] = plant(sources, SEED, COPIES, 6);

  it('finds at least 97% precision and 90% recall, over every rule', () => {
    const perRule = new Map<string, { planted: number; found: number }>();
    const misses: string[] = [];
    const alarms: string[] = [];
    let tp = 0;
    let fp = 0;
    for (const p of corpus) {
      const base = baseline.get(p.source)!;
      const got = lintText(p.name, p.text, { fix: false }).messages;
      const hits = (d: Defect, m: Message) => d.rules.includes(m.rule) && m.line === d.line;
      for (const d of p.defects) {
        const stat = perRule.get(d.rules[0]) ?? { planted: 0, found: 0 };
        stat.planted++;
        if (got.some((m) => hits(d, m))) {
          stat.found++;
          tp++;
        } else misses.push(`${p.name}:${d.line}: ${d.what}`);
        perRule.set(d.rules[0], stat);
      }
      for (const m of got) {
        if (base.has(`${m.rule}@${m.line}`) || p.defects.some((d) => hits(d, m))) continue;
        fp++;
        alarms.push(`${p.name}:${m.line}:${m.column} [${m.rule}] ${m.message}`);
      }
    }
    const planted = corpus.reduce((n, p) => n + p.defects.length, 0);
    const controls = corpus.reduce((n, p) => n + (p.controls?.length ?? 0), 0);
    const precision = tp / (tp + fp);
    const recall = tp / planted;
    const table = [...perRule].map(([rule, s]) => `  ${rule.padEnd(15)} ${String(s.found).padStart(3)}/${s.planted}`).join('\n');
    console.log(
      `lint corpus (seed ${SEED}): ${planted} defects and ${controls} benign edits in copies of ${sources.length} texts\n${table}\n` +
        `precision ${(precision * 100).toFixed(1)}% (${tp}/${tp + fp}), recall ${(recall * 100).toFixed(1)}% (${tp}/${planted})` +
        (misses.length ? `\nmisses:\n  ${misses.join('\n  ')}` : '') +
        (alarms.length ? `\nfalse alarms:\n  ${alarms.join('\n  ')}` : ''),
    );
    expect(planted).toBeGreaterThanOrEqual(150);
    expect(controls).toBeGreaterThanOrEqual(15);
    // every rule has defects planted, at least ten of each
    for (const rule of RULES) expect(perRule.get(rule.id)?.planted ?? 0, rule.id).toBeGreaterThanOrEqual(10);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
