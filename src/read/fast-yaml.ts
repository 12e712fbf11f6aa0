// The quick way to read a plan that has no problems. The `yaml` library (source.ts) keeps every
// node's position, which is what messages need, but a cold process spends most of a `validate` in
// it. js-yaml reads the same text into the same data several times faster, without positions. So a
// plan is first read here; only when anything at all is wrong with it is it read again by `yaml`,
// and every message comes from that reading. For the two to agree:
//   - plain scalars resolve by the YAML 1.2 core schema with `yaml`'s own rules (below), so a value
//     is the same string, number, boolean or null either way;
//   - text with what only `yaml` guards against or what the two might read differently is left to
//     `yaml` (anchors and aliases, tags, directives, several documents, tabs);
//   - anything js-yaml rejects is left to `yaml`, which reports it.
// test/fast-yaml.test.ts holds both readers to the same data on every example, every invalid plan,
// generated plans, and random edits of them.
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/** One implicit type per tag (js-yaml keeps one): the first of its patterns that matches converts. */
const scalar = (tag: string, forms: [RegExp, (s: string) => unknown][]) => {
  const form = (s: string | null) => forms.find(([re]) => re.test(s ?? ''));
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string | null) => form(s) !== undefined,
    construct: (s: string | null) => form(s)![1](s ?? ''),
  });
};

// The core schema's plain scalars, with the patterns and conversions of yaml/dist/schema/core, in
// its order.
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar('bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']]),
    scalar('int', [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ]),
    scalar('float', [
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
});

/**
 * Text that only `yaml` reads: an anchor (&a), a tag (!t), a complex key (? k) or a directive
 * (%YAML) where a node or line starts, a line starting like a document marker (--- or ..., even
 * "---#", which js-yaml reads as a marker and a comment and `yaml` reports), a tab, a carriage return alone, a # right
 * after a closing quote or bracket. `yaml` limits aliases and reports tags; on the rest the two
 * readers differ. Inline text such as "R&D", "A & B", "Chú ý!" or "Vì sao?" does not match.
 */
const LEFT_TO_YAML = /(?:^|[\s[{,])[&!?]\S|(?:^|[\s[{,])\?(?:\s|$)|^%|^(?:---|\.\.\.)|\t|\r(?!\n)|["'\]}]#/m;

/** The data of a YAML text, or undefined when it is for `yaml` to read (and perhaps to report). */
export function quickLoad(text: string): unknown {
  if (LEFT_TO_YAML.test(text)) return undefined;
  // A quoted value or a [flow] {collection} over several lines is also left to `yaml`: js-yaml
  // accepts continuation lines that are not indented enough, which `yaml` rightly reports.
  const starts: number[] = [];
  let multiLineFlow = false;
  const listener = (event: 'open' | 'close', state: { position: number }) => {
    if (event === 'open') return void starts.push(state.position);
    let at = starts.pop()!;
    if (multiLineFlow) return;
    // the node's first character (no copy of its text: the root node is the whole file)
    for (let c = text.charCodeAt(at); c === 32 || c === 10 || c === 13; c = text.charCodeAt(++at));
    const first = text[at];
    if (first !== '"' && first !== "'" && first !== '[' && first !== '{') return;
    const eol = text.indexOf('\n', at);
    if (eol !== -1 && eol < state.position) multiLineFlow = true;
  };
  try {
    const data = load(text, { schema: CORE, json: false, listener });
    return multiLineFlow ? undefined : data;
  } catch {
    return undefined;
  }
}
