// kehoach keys (issue 17 item 7): every key of the format, in Vietnamese, with its meaning, looked up
// without an editor; read off the one schema, so a key the validator accepts is never missing.
import { describe, expect, it } from 'vitest';
import { keyEntries, keysText } from '../src/plan/keys.js';
import { keysOf } from '../src/plan/issues.js';
import { planSchemas } from '../src/plan/schema.js';
import { profileSchema } from '../src/plan/profile.js';
import { run } from './helpers.js';

describe('kehoach keys', () => {
  it.each([
    ['plan', false, () => planSchemas().PlanSchema],
    ['unit profile', true, profileSchema],
  ] as const)('lists every key of the %s with a Vietnamese title', (_, unit, schema) => {
    const entries = keyEntries(unit);
    const listed = new Set(entries.map((e) => e.key));
    for (const k of keysOf(schema)()) expect(listed.has(k), k).toBe(true);
    // each key has a title of its own (not just its name) and nearly all say what it is for
    expect(entries.filter((e) => e.title === e.key).map((e) => `${e.block}/${e.key}`)).toEqual([]);
    expect(entries.filter((e) => e.description).length / entries.length).toBeGreaterThan(0.9);
  });

  it('filters by a word, and says so when nothing matches', async () => {
    const r = await run(['keys', 'ho_ten']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('Người ký:\n  ho_ten — Họ và tên: Họ tên người ký; không ghi học hàm, học vị, trừ khi quy định của ngành cho phép (y tế, giáo dục, quân đội).\n');
    expect(keysText(false, 'khong_co_khoa')).toBe('không có khóa nào khớp "khong_co_khoa".');
  });
});
