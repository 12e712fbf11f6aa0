// Every key of the plan format (or of a unit profile), in Vietnamese, with what it means and an example:
// what a clerk without an editor looks up (`kehoach keys`). Read off the JSON Schema that the one zod
// schema generates, so it can never differ from what `validate` accepts.
import { planJsonSchema, profileJsonSchema } from './json-schema.js';
import { printable } from '../messages.js';

interface Entry {
  block: string;
  key: string;
  title: string;
  description: string;
}

type Json = Record<string, unknown>;

/** The title and description of a property: its own, or those of the first of its forms that has them. */
function about(p: Json, defs: Record<string, Json>): { title?: string; description?: string } {
  if (typeof p.title === 'string' && p.title !== 'Văn bản') return { title: p.title, description: p.description as string | undefined };
  if (typeof p.$ref === 'string') return about(defs[p.$ref.replace('#/$defs/', '')] ?? {}, defs);
  for (const alt of [...((p.anyOf as Json[]) ?? []), ...((p.allOf as Json[]) ?? []), ...(p.items ? [p.items as Json] : [])]) {
    const a = about(alt, defs);
    if (a.title) return a;
  }
  return { title: typeof p.title === 'string' ? p.title : undefined, description: p.description as string | undefined };
}

export function keyEntries(unit = false): Entry[] {
  const schema = JSON.parse(unit ? profileJsonSchema() : planJsonSchema()) as Json;
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  const out: Entry[] = [];
  const seen = new Set<string>();
  const visit = (block: string, v: unknown): void => {
    if (Array.isArray(v)) return v.forEach((x) => visit(block, x));
    if (!v || typeof v !== 'object') return;
    const o = v as Json;
    const here = typeof o.title === 'string' && o.type === 'object' ? o.title : block;
    if (o.properties && typeof o.properties === 'object') {
      for (const [key, p] of Object.entries(o.properties as Record<string, Json>)) {
        const { title, description } = about(p, defs);
        if (!seen.has(`${here}/${key}`)) {
          seen.add(`${here}/${key}`);
          out.push({ block: here, key, title: title ?? key, description: description ?? '' });
        }
      }
    }
    for (const x of Object.values(o)) visit(here, x);
  };
  visit(unit ? 'Hồ sơ đơn vị' : 'Kế hoạch', defs);
  return out;
}

/** The entries as text: "khóa — Tên: giải thích", grouped by the block they belong to; `find` filters. */
export function keysText(unit = false, find?: string): string {
  const want = find?.toLowerCase();
  const rows = keyEntries(unit).filter((e) => !want || e.key.includes(want) || e.title.toLowerCase().includes(want));
  const lines: string[] = [];
  let block = '';
  for (const e of rows) {
    if (e.block !== block) lines.push(`${lines.length ? '\n' : ''}${(block = e.block)}:`);
    lines.push(`  ${e.key} — ${e.title}${e.description ? `: ${e.description}` : ''}`);
  }
  return lines.length ? lines.join('\n') : `không có khóa nào khớp "${printable(find ?? "")}".`;
}
