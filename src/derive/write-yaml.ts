// A derived plan as readable YAML, in the same order and style as a hand-written one, with a comment
// before each derived part saying where in the department's plan it came from.
import { Document, isNode } from 'yaml';
import type { Derived } from './derive.js';

export function derivedYaml(d: Derived, header: string[]): string {
  const doc = new Document(d.plan, { keepUndefined: false });
  doc.commentBefore = header.map((l) => ' ' + l).join('\n');
  // several notes on one part (where it came from, what to rewrite) are one comment, in order
  const byPath = new Map<string, { path: (string | number)[]; lines: string[] }>();
  for (const { path, note } of d.notes) {
    const key = JSON.stringify(path);
    const entry = byPath.get(key) ?? { path, lines: [] };
    entry.lines.push(...note.split('\n'));
    byPath.set(key, entry);
  }
  for (const { path, lines } of byPath.values()) {
    const node = doc.getIn(path, true);
    if (isNode(node)) node.commentBefore = lines.map((l) => ' ' + l).join('\n');
  }
  return doc.toString({ lineWidth: 110, minContentWidth: 40, indentSeq: true });
}
