// A derived plan as readable YAML, in the same order and style as a hand-written one, with a comment
// before each derived part saying where in the department's plan it came from.
import { Document, isNode } from 'yaml';
import type { Derived } from './derive.js';

export function derivedYaml(d: Derived, header: string[]): string {
  const doc = new Document(d.plan, { keepUndefined: false });
  doc.commentBefore = header.map((l) => ' ' + l).join('\n');
  for (const { path, note } of d.notes) {
    const node = doc.getIn(path, true);
    if (isNode(node)) node.commentBefore = note.split('\n').map((l) => ' ' + l).join('\n');
  }
  return doc.toString({ lineWidth: 110, minContentWidth: 40, indentSeq: true });
}
