// What a lint rule sees and returns. Rules are data (id, description, ok / not-ok examples that the
// tests run) plus a check over the source text of one value or of all values of a plan.

import { bare } from './syllable.js';

export interface Finding {
  /** Offset and length in the text the rule was given. */
  index: number;
  length: number;
  message: string;
  /** Replacement for [index, index + length), when the fix is safe. */
  fix?: string;
}

export interface Text {
  /** The value's text as it stands in the source (so offsets map to line:column). */
  text: string;
  /** The key it belongs to, e.g. "gach", "trich_yeu". */
  key: string;
  /** Made by lint from structured fields (a citation's loai, số and ngày): read by rules, never reported. */
  synthetic?: boolean;
  /** The plan's own trích yếu or its decision's: a title, where a document named is not yet cited. */
  title?: boolean;
  /** Written under phu_luc (an appendix's own text, not the body's). */
  appendix?: boolean;
  /** An appendix's title (its tieu_de). */
  appendixTitle?: boolean;
}

/**
 * A plan rule's example as the texts of one plan: separated by " ¶ "; a text written "[phụ lục] …" is an
 * appendix's title, "[trích yếu] …" the plan's trích yếu.
 */
export const exampleTexts = (example: string): Text[] =>
  example
    .split(' ¶ ')
    .map((text) =>
      text.startsWith('[phụ lục] ')
        ? { text: text.slice(10), key: 'tieu_de', appendix: true, appendixTitle: true }
        : text.startsWith('[trích yếu] ')
          ? { text: text.slice(12), key: 'trich_yeu', title: true }
          : { text, key: 'doan' },
    );

/** What the whole plan says, for rules that judge one value by the rest ("hoạch" is written elsewhere). */
export interface Context {
  /** Lower-case words of the plan. */
  words: Set<string>;
  /** Pairs of adjacent words the plan writes in lower case ("tuyên truyền"), with how often. */
  lowerPairs: Map<string, number>;
  /** Pairs of adjacent words in any case ("Thường trực" counts as "thường trực"), with how often. */
  pairs: Map<string, number>;
  /** Runs of three such words, with how often. */
  lowerTriples: Map<string, number>;
  /** How often the plan writes each lower-case word. */
  counts: Map<string, number>;
  /** Marked words of the plan with their marks taken off ("hành" → "hanh"). */
  bareOfMarked: Set<string>;
  /**
   * Pairs of adjacent words one of which is marked, by the pair with that word's marks taken off, with how
   * often each is written: "hành chinh" → {"hành chính": 17}.
   */
  markedPairs: Map<string, Map<string, number>>;
  /** Pairs of adjacent words, one of them marked, with every mark taken off: "phân công" → "phan cong". */
  barePairs: Set<string>;
}

interface RuleBase {
  id: string;
  /** Gives fixes (lint --fix): only such rules run again on the fixed text (test/lint.test.ts holds the mark true). */
  fixes?: true;
  description: string;
  examples: { ok: string[]; notOk: string[] };
}
export interface LocalRule extends RuleBase {
  scope: 'value';
  check(text: string, ctx: Context): Finding[];
}
export interface PlanRule extends RuleBase {
  scope: 'plan';
  /**
   * Reads the whole file at once. Otherwise a decision and the plan it issues (§8a) are judged apart: each is a
   * document of its own, with its own first citation, first abbreviation and way of writing dates.
   */
  wholeFile?: true;
  /** Findings per text index. Examples are texts of one plan (exampleTexts). */
  check(texts: Text[]): { at: number; finding: Finding }[];
}
export type Rule = LocalRule | PlanRule;

export const LETTERS = '\\p{L}\\p{M}';
export const WORD = /[\p{L}\p{M}]+/gu;
// Vietnamese has no locale-specific case mappings, and the locale-aware calls are many times slower.
export const lower = (s: string): string => s.toLowerCase();
export const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
/** A word in capitals ("SỞ", "CCHC"); one letter ("Y") is not. */
export const isAllCaps = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && w !== lower(w);

/** The plan's words and lower-case word pairs, read from every value. */
export function context(texts: string[]): Context {
  const words = new Set<string>();
  const lowerPairs = new Map<string, number>();
  const pairs = new Map<string, number>();
  const lowerTriples = new Map<string, number>();
  const counts = new Map<string, number>();
  const bareOfMarked = new Set<string>();
  const markedPairs = new Map<string, Map<string, number>>();
  const barePairs = new Set<string>();
  const addMarked = (key: string, pair: string) => {
    const forms = markedPairs.get(key) ?? markedPairs.set(key, new Map()).get(key)!;
    forms.set(pair, (forms.get(pair) ?? 0) + 1);
  };
  for (const raw of texts) {
    const t = raw.normalize('NFC');
    let prev: { w: string; end: number } | undefined;
    let run: string[] = []; // lower-case words joined by white space, the latest last
    for (const m of t.matchAll(WORD)) {
      const w = m[0];
      const joined = prev && /^\s+$/.test(t.slice(prev.end, m.index));
      run = joined && w === lower(w) ? [...run.slice(-2), w] : w === lower(w) ? [w] : [];
      if (run.length === 3) {
        const triple = run.join(' ');
        lowerTriples.set(triple, (lowerTriples.get(triple) ?? 0) + 1);
      }
      const l = lower(w);
      words.add(l);
      counts.set(l, (counts.get(l) ?? 0) + 1);
      if (bare(l) !== l) bareOfMarked.add(bare(l));
      if (joined) {
        const lp = lower(prev!.w);
        const pair = `${lp} ${l}`;
        pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
        if (bare(l) !== l) addMarked(`${lp} ${bare(l)}`, pair);
        if (bare(lp) !== lp) addMarked(`${bare(lp)} ${l}`, pair);
        if (bare(l) !== l || bare(lp) !== lp) barePairs.add(`${bare(lp)} ${bare(l)}`);
        if (w === l && prev!.w === lower(prev!.w)) lowerPairs.set(pair, (lowerPairs.get(pair) ?? 0) + 1);
      }
      prev = { w, end: m.index! + w.length };
    }
  }
  return { words, lowerPairs, pairs, lowerTriples, counts, bareOfMarked, markedPairs, barePairs };
}

/** Findings in text order, none overlapping an earlier one (two rules of one family never report a place twice). */
export function onePerPlace(found: Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const f of [...found].sort((a, b) => a.index - b.index)) {
    const last = kept[kept.length - 1];
    if (!last || f.index >= last.index + last.length) kept.push(f);
  }
  return kept;
}
