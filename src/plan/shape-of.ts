// The shape (shape.ts) of a zod schema, read off zod's definitions. Only what the plan format uses is
// known here; anything else (a transform, a default, another kind of check) is refused, so that a
// change to the schema that the shape cannot follow fails the build and the tests, not a clerk.
import type * as z from 'zod';
import { REFINEMENTS } from './refinements.js';
import type { Check, Shape, ShapeTable } from './shape.js';

interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [k: string]: unknown;
}

const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

function checkOf(def: Record<string, unknown>, on: string): Check {
  switch (def.check) {
    case 'min_length':
      return { k: 'minLength', n: def.minimum as number };
    case 'max_length':
      return { k: 'maxLength', n: def.maximum as number };
    case 'string_format':
      if (def.format === 'regex') {
        const p = def.pattern as RegExp;
        return { k: 'regex', source: p.source, flags: p.flags.replace(/[gy]/g, '') };
      }
      break;
    case 'greater_than':
      return { k: def.inclusive ? 'gte' : 'gt', n: def.value as number };
    case 'less_than':
      return { k: def.inclusive ? 'lte' : 'lt', n: def.value as number };
    case 'number_format':
      if (def.format === 'safeint') return { k: 'safeint' };
      break;
    case 'custom': {
      const name = (Object.keys(REFINEMENTS) as (keyof typeof REFINEMENTS)[]).find((n) => REFINEMENTS[n] === def.fn);
      if (name) return { k: 'refine', name };
      throw new Error(`shape-of: một .refine() của ${on} không có trong REFINEMENTS (refinements.ts)`);
    }
  }
  throw new Error(`shape-of: kiểm tra "${String(def.check)}${def.format ? `:${String(def.format)}` : ''}" của ${on} chưa được hỗ trợ`);
}

export function shapeOf(schema: z.ZodType): ShapeTable {
  const shapes: Shape[] = [];
  const index = new Map<unknown, number>();
  const visit = (s: unknown): number => {
    // a lazy schema (the recursive ones) as zod resolves it: once, then the same schema every time
    while (defOf(s).type === 'lazy') s = (s as { _zod: { innerType: unknown } })._zod.innerType;
    const def = defOf(s);
    const known = index.get(def);
    if (known !== undefined) return known;
    const i = shapes.length;
    index.set(def, i);
    shapes.push({ t: 'boolean' }); // held until the shape is complete (a recursive schema refers back to it)
    const checks = () => (def.checks ?? []).map((c) => checkOf(c._zod.def, def.type));
    let shape: Shape;
    switch (def.type) {
      case 'string':
      case 'number':
        shape = { t: def.type, checks: checks() };
        break;
      case 'boolean':
        shape = { t: 'boolean' };
        break;
      case 'enum':
        shape = { t: 'values', values: Object.values(def.entries as Record<string, string>) };
        break;
      case 'literal':
        shape = { t: 'values', values: [...(def.values as (string | number | boolean | null)[])] };
        break;
      case 'array':
        shape = { t: 'array', of: visit(def.element), checks: checks() };
        break;
      case 'object': {
        const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type;
        if (catchall !== undefined && catchall !== 'never') throw new Error(`shape-of: object với catchall ${catchall} chưa được hỗ trợ`);
        const keys = Object.entries(def.shape as Record<string, unknown>).map(([k, v]): [string, number] => [k, visit(v)]);
        shape = { t: 'object', keys, strict: catchall === 'never' };
        break;
      }
      case 'union':
        if (def.inclusive === false || def.discriminator !== undefined) throw new Error('shape-of: union loại này chưa được hỗ trợ');
        shape = { t: 'union', of: (def.options as unknown[]).map(visit) };
        break;
      case 'optional':
      case 'nullable':
        shape = { t: def.type, of: visit(def.innerType) };
        break;
      default:
        throw new Error(`shape-of: kiểu "${def.type}" của zod chưa được hỗ trợ`);
    }
    // checks only where the shape carries them (strings, numbers, arrays)
    if (def.checks?.length && !('checks' in shape)) throw new Error(`shape-of: ${def.type} có kiểm tra chưa được hỗ trợ`);
    shapes[i] = shape;
    return i;
  };
  const root = visit(schema);
  return { root, shapes };
}
