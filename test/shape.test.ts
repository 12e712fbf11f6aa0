import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { planSchemas } from '../src/plan/schema.js';
import { profileSchema } from '../src/plan/profile.js';
import { shapeOf } from '../src/plan/shape-of.js';
import { parseShape, type Check, type ShapeTable } from '../src/plan/shape.js';
import { quickLoad } from '../src/read/fast-yaml.js';
import { exampleFiles } from './helpers.js';

/** The shape and zod agree: the same verdict, and on success the same value with keys in the same order. */
function agree(schema: z.ZodType, value: unknown): boolean {
  const byZod = schema.safeParse(value);
  const byShape = parseShape(shapeOf(schema), value);
  expect(byShape !== undefined, JSON.stringify(value)).toBe(byZod.success);
  if (byZod.success) {
    expect(byShape!.value).toStrictEqual(byZod.data);
    expect(JSON.stringify(byShape!.value)).toBe(JSON.stringify(byZod.data));
  }
  return byZod.success;
}

const S = planSchemas();
const KEYS = [...S.KNOWN_KEYS, 'x'];

/** Values near what the schemas expect: dates real and not, numbers at and past the limits, known keys. */
const scalar = fc.oneof(
  fc.constantFrom('', ' ', 'a', 'SYT', 'KH-SYT', 'kh-syt', 'Đ-1', 'so', 'chu', 'KT', 'và', ',', '.', 'doc', 'ngang', 'trai', 'giua', 'muc_dich', 'noi_dung', 'truc_thuoc'),
  fc.constantFrom('2024-02-29', '2023-02-29', '2024-13-01', '2024-1-01', '2024', '2024-02', '2024-00', '20240', '2024-02-30x'),
  fc.constantFrom(0, 1, -1, 0.5, 13, 14, 15, 19.5, 20, 25, 25.1, 30, 35, 99999, 100000, 2 ** 53, NaN, Infinity, -0),
  fc.constantFrom(true, false, null, undefined),
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -5, max: 400 }),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, scalar, tie('arr'), tie('obj')),
  arr: fc.array(tie('v'), { maxLength: 4 }),
  obj: fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 5 }),
})).v;

/**
 * Values built from a shape: mostly what it accepts, with each check's bounds hit on both sides, keys
 * left out or added, and now and then a value of the wrong kind, so that every check is decided both ways.
 */
function near(table: ShapeTable, i: number, depth = 0): fc.Arbitrary<unknown> {
  const s = table.shapes[i];
  const wrong = fc.constantFrom<unknown>(null, undefined, 0, '', 'x', true, [], {}, NaN);
  const bounds = (checks: Check[]) => checks.flatMap((c) => ('n' in c ? [c.n - 1, c.n - 0.5, c.n, c.n + 0.5, c.n + 1] : []));
  const mostly = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 30, arbitrary: a }, { weight: 1, arbitrary: wrong });
  if (depth > 6) return wrong;
  switch (s.t) {
    case 'string': {
      const lengths = bounds(s.checks).filter((n) => Number.isInteger(n) && n >= 0 && n <= 20_001);
      const pool = ['a', 'Sở Y tế', 'SYT', 'KH-SYT', 'KH-', 'Đ9-A', 'kh-syt', '2024-02-29', '2023-02-29', '2024-13-01', '2024', '2024-02', '2024-00', '2024-02-30x', ' ', ''];
      // the pool's strings that pass (most checks are patterns no random string would meet)
      const passing = pool.filter((x) => parseShape({ root: 0, shapes: [s] }, x));
      return mostly(
        fc.oneof(
          ...(passing.length ? [{ weight: 6, arbitrary: fc.constantFrom(...passing) }] : []),
          { weight: 2, arbitrary: fc.constantFrom(...pool) },
          { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
          ...(lengths.length ? [{ weight: 1, arbitrary: fc.constantFrom(...lengths).map((n) => 'a'.repeat(n)) }] : []),
        ),
      );
    }
    case 'number':
      return mostly(fc.oneof(fc.constantFrom(0, -0, 1, 13, 14, 2 ** 53, Infinity, NaN, ...bounds(s.checks)), fc.integer({ min: -3, max: 500 })));
    case 'boolean':
      return mostly(fc.boolean());
    case 'values':
      return mostly(fc.constantFrom(...s.values));
    case 'optional':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: near(table, s.of, depth) });
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: near(table, s.of, depth) });
    case 'union':
      return fc.oneof(...s.of.map((o) => near(table, o, depth + 1)));
    case 'array': {
      const lengths = bounds(s.checks).filter((n) => Number.isInteger(n) && n >= 0 && n <= 25);
      const el = near(table, s.of, depth + 1);
      return mostly(fc.oneof(fc.array(el, { maxLength: 3 }), ...(lengths.length ? [fc.constantFrom(...lengths).chain((n) => fc.array(el, { minLength: n, maxLength: n }))] : [])));
    }
    case 'object': {
      const entries = s.keys.map(([k, shape]) => fc.tuple(fc.constant(k), near(table, shape, depth + 1), fc.integer({ min: 0, max: 29 })));
      return mostly(
        fc.tuple(fc.tuple(...entries), fc.oneof({ weight: 19, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('x', 'ten', 'noi_dung') })).map(([kv, extra]) => {
          const o: Record<string, unknown> = {};
          for (const [k, v, keep] of kv) if (keep > 0 && v !== undefined) o[k] = v; // a key left out one time in thirty
          if (extra !== undefined && !(extra in o)) o[extra] = 'a';
          return o;
        }),
      );
    }
  }
}

describe('the shape of the plan schema (checking a plan without zod)', () => {
  it('agrees with zod on every example, as the quick path reads it', () => {
    for (const f of exampleFiles()) expect(agree(S.PlanSchema, quickLoad(readFileSync(f, 'utf8'))), f).toBe(true);
  });

  it('agrees with zod on random values, for each part of the plan and the unit profile', () => {
    const parts: [string, z.ZodType][] = [
      ...((Object.entries(S) as [string, unknown][]).filter(([k]) => k !== 'KNOWN_KEYS') as [string, z.ZodType][]),
      ['profile', profileSchema()],
    ];
    let valid = 0;
    for (const [name, schema] of parts) {
      fc.assert(
        fc.property(value, (v) => {
          if (agree(schema, v)) valid++;
        }),
        { numRuns: 300, seed: name.length },
      );
    }
    expect(valid).toBeGreaterThan(200); // some random values are valid (otherwise this proves little)
  });

  it('agrees with zod on values built from each shape, every check decided both ways', () => {
    const parts: [string, z.ZodType][] = [
      ...((Object.entries(S) as [string, unknown][]).filter(([k]) => k !== 'KNOWN_KEYS') as [string, z.ZodType][]),
      ['profile', profileSchema()],
    ];
    for (const [name, schema] of parts) {
      const table = shapeOf(schema);
      let valid = 0;
      let invalid = 0;
      fc.assert(
        fc.property(near(table, table.root), (v) => {
          if (agree(schema, v)) valid++;
          else invalid++;
        }),
        { numRuns: name === 'PlanSchema' ? 600 : 200, seed: 7 },
      );
      // (a whole plan or profile built this way is almost never valid, every optional part of it having
      // a chance to be wrong: the next test changes one value of an example)
      if (name !== 'PlanSchema' && name !== 'profile') expect(valid, name).toBeGreaterThan(0);
      expect(invalid, name).toBeGreaterThan(0);
    }
  });

  it('agrees with zod on examples with one value changed', () => {
    const plans = exampleFiles().map((f) => quickLoad(readFileSync(f, 'utf8')) as Record<string, unknown>);
    // every path to a value in a plan, to put a random value there
    const paths = (v: unknown, p: (string | number)[] = []): (string | number)[][] =>
      v && typeof v === 'object' ? [p, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...p, Array.isArray(v) ? Number(k) : k]))] : [p];
    const all = plans.flatMap((plan, i) => paths(plan).map((p) => [i, p] as const));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), value, fc.boolean(), (k, v, remove) => {
        const [i, path] = all[k];
        const plan = structuredClone(plans[i]);
        if (!path.length) return;
        let at: Record<string | number, unknown> = plan;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
        const last = path[path.length - 1];
        if (remove && !Array.isArray(at)) delete at[last];
        else at[last] = v;
        agree(S.PlanSchema, plan);
      }),
      { numRuns: 1000 },
    );
  });

  it('is what the build records: plain data', () => {
    const shape = shapeOf(S.PlanSchema);
    expect(JSON.parse(JSON.stringify(shape))).toStrictEqual(shape);
    expect(stringify(shape).length).toBeGreaterThan(1000);
  });

  it('refuses what it cannot follow, so that the build fails rather than a clerk', () => {
    expect(() => shapeOf(z.string().transform((s) => s.length))).toThrow(/pipe|chưa được hỗ trợ/);
    expect(() => shapeOf(z.string().default('a'))).toThrow(/chưa được hỗ trợ/);
    expect(() => shapeOf(z.string().email())).toThrow(/chưa được hỗ trợ/);
    expect(() => shapeOf(z.string().refine((s) => s.length > 2))).toThrow(/REFINEMENTS/);
    expect(() => shapeOf(z.object({ a: z.string() }).catchall(z.number()))).toThrow(/catchall/);
    expect(() => shapeOf(z.strictObject({ a: z.string() }).refine(() => true))).toThrow(/object có kiểm tra chưa được hỗ trợ/);
    expect(() => shapeOf(z.boolean().refine((b) => b))).toThrow(/boolean có kiểm tra chưa được hỗ trợ/);
  });
});
