// The plan schema as plain data (shape-of.ts reads it off the zod schema; the build records it), and
// a check of a value against it that needs no zod: what a new process checks a plan with when nothing
// is wrong with it. It accepts exactly what zod accepts and gives what zod's parse gives (object keys
// in the schema's order), which the tests hold it to; anything it does not accept goes to zod, whose
// issues become the messages.
import { REFINEMENTS } from './refinements.js';

export type Check =
  | { k: 'minLength' | 'maxLength'; n: number }
  | { k: 'regex'; source: string; flags: string }
  | { k: 'refine'; name: keyof typeof REFINEMENTS }
  | { k: 'gt' | 'gte' | 'lt' | 'lte'; n: number }
  | { k: 'safeint' };

export type Shape =
  | { t: 'string' | 'number'; checks: Check[] }
  | { t: 'boolean' }
  | { t: 'values'; values: (string | number | boolean | null)[] }
  | { t: 'array'; of: number; checks: Check[] }
  | { t: 'object'; keys: [string, number][]; strict: boolean }
  | { t: 'union'; of: number[] }
  | { t: 'optional' | 'nullable'; of: number };

/** Shapes refer to each other by index, so that a recursive schema is a finite table. */
export interface ShapeTable {
  root: number;
  shapes: Shape[];
}

const FAIL = Symbol('fail');
type Out = unknown | typeof FAIL;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value as zod's parse gives it, or undefined when zod would report anything. */
export function parseShape(table: ShapeTable, value: unknown): { value: unknown } | undefined {
  const regexes = new Map<Check, RegExp>();
  const regex = (c: Check & { k: 'regex' }) => {
    let r = regexes.get(c);
    if (!r) regexes.set(c, (r = new RegExp(c.source, c.flags)));
    return r;
  };
  const passes = (checks: Check[], v: string | number | unknown[]): boolean => {
    for (const c of checks) {
      switch (c.k) {
        case 'minLength':
          if ((v as string | unknown[]).length < c.n) return false;
          break;
        case 'maxLength':
          if ((v as string | unknown[]).length > c.n) return false;
          break;
        case 'regex':
          if (!regex(c).test(v as string)) return false;
          break;
        case 'refine':
          if (!REFINEMENTS[c.name](v as string)) return false;
          break;
        case 'gt':
          if (!((v as number) > c.n)) return false;
          break;
        case 'gte':
          if (!((v as number) >= c.n)) return false;
          break;
        case 'lt':
          if (!((v as number) < c.n)) return false;
          break;
        case 'lte':
          if (!((v as number) <= c.n)) return false;
          break;
        case 'safeint':
          if (!Number.isSafeInteger(v)) return false;
          break;
      }
    }
    return true;
  };
  const run = (i: number, v: unknown): Out => {
    const s = table.shapes[i];
    switch (s.t) {
      case 'string':
        return typeof v === 'string' && passes(s.checks, v) ? v : FAIL;
      case 'number':
        return typeof v === 'number' && Number.isFinite(v) && passes(s.checks, v) ? v : FAIL;
      case 'boolean':
        return typeof v === 'boolean' ? v : FAIL;
      case 'values':
        return s.values.includes(v as string) ? v : FAIL;
      case 'optional':
        return v === undefined ? v : run(s.of, v);
      case 'nullable':
        return v === null ? v : run(s.of, v);
      case 'union':
        for (const o of s.of) {
          const r = run(o, v);
          if (r !== FAIL) return r;
        }
        return FAIL;
      case 'array': {
        if (!Array.isArray(v) || !passes(s.checks, v)) return FAIL;
        const out = new Array<unknown>(v.length);
        for (let k = 0; k < v.length; k++) {
          const r = run(s.of, v[k]);
          if (r === FAIL) return FAIL;
          out[k] = r;
        }
        return out;
      }
      case 'object': {
        if (!isObject(v)) return FAIL;
        if (s.strict) for (const k of Object.keys(v)) if (!s.keys.some(([key]) => key === k)) return FAIL;
        const out: Record<string, unknown> = {};
        for (const [key, shape] of s.keys) {
          const present = key in v;
          const r = run(shape, v[key]);
          if (r === FAIL) return FAIL;
          if (r !== undefined || present) out[key] = r;
        }
        return out;
      }
    }
  };
  const r = run(table.root, value);
  return r === FAIL ? undefined : { value: r };
}
