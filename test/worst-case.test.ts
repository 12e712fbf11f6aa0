// Linear time on hostile input, measured by counting work (source.ts's `work`: nodes visited, lookup
// steps, lines scanned, messages made), never by the clock: from size n to 4n the work grows at most
// 4.5 times, for each costly shape of bench/worst-case.mjs. The timings at the limits are the bench's.
import { describe, expect, it } from 'vitest';
import { checkText, MAX_MESSAGES } from '../src/plan/validate.js';
import { MAX_FILE_BYTES, work } from '../src/read/source.js';
import { checkBytes } from '../src/plan/validate.js';
// @ts-expect-error: a plain ES module without types
import { LIMIT_BYTES, MAX_N, SHAPES } from '../bench/worst-case.mjs';
import { LIMITS } from '../src/plan/schema.js';

const shapes = SHAPES as Record<string, (n: number) => string>;
const N: Record<string, number> = { 'deep-nesting': 5, 'dash-lines': 30, 'many-problems': 40, 'lint-brackets': 20 };

function workOf(text: string): number {
  const before = work.steps;
  checkText('x.yaml', text);
  return work.steps - before;
}

describe('work grows linearly with the size of a hostile file', () => {
  it.each(Object.keys(shapes))('%s', (name) => {
    const n = N[name] ?? 100;
    const small = workOf(shapes[name](n));
    const large = workOf(shapes[name](4 * n));
    expect(small).toBeGreaterThan(n); // the count does see the shape
    expect(large / small, `${small} → ${large}`).toBeLessThanOrEqual(4.5);
    expect(Buffer.byteLength(shapes[name](4 * n))).toBeLessThan(MAX_FILE_BYTES);
  });
});

describe('limits', () => {
  it('the benchmark measures at the limits the tool has', () => {
    expect(LIMIT_BYTES).toBe(MAX_FILE_BYTES);
    expect(MAX_N['many-rows']).toBe(LIMITS.rows);
  });
  it(`at most ${MAX_MESSAGES} messages per file, then how many more there were`, () => {
    const r = checkText('x.yaml', shapes['many-keys'](MAX_MESSAGES + 57));
    expect(r.messages.length).toBe(MAX_MESSAGES + 1);
    expect(r.messages.slice(0, -1).every((m) => m.rule === 'khoa-la')).toBe(true);
    const last = r.messages.at(-1)!;
    expect(last.rule).toBe('qua-nhieu-loi');
    expect(last.message).toBe(`còn 57 lỗi nữa từ đây chưa hiện (mỗi tệp hiện nhiều nhất ${MAX_MESSAGES} lỗi); hãy sửa các lỗi trên rồi kiểm tra lại.`);
    // the first ones in file order
    expect(r.messages[0].message).toContain('"khoa_la_0"');
    expect(last.line).toBe(r.messages[MAX_MESSAGES - 1].line + 1);
  });

  it('duplicate keys are found in one pass, each at its own position', () => {
    const r = checkText('x.yaml', shapes['duplicate-keys'](3));
    expect(r.messages.map((m) => `${m.line}:${m.column} ${m.rule}`)).toEqual(['13:1 yaml', '14:1 yaml', '15:1 yaml']);
    expect(r.messages[0].message).toBe('lỗi cú pháp YAML: khóa bị lặp lại trong cùng một khối; mỗi khóa chỉ được viết một lần, hãy xóa hoặc gộp khóa trùng.');
  });

  it('a file one byte over the limit is refused; one at the limit is read', () => {
    const at = new Uint8Array(MAX_FILE_BYTES).fill(0x61);
    expect(checkBytes('x.yaml', at).messages.map((m) => m.rule)).toEqual(['goc-khong-phai-bang']);
    const over = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(checkBytes('x.yaml', over).messages.map((m) => m.rule)).toEqual(['tep-qua-lon']);
  });
});
