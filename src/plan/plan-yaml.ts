// A plan as readable YAML in the project's style: the keys in the order given, block style, lines wrapped
// as the examples are, and a comment before each value a note is attached to (what was guessed, what to check).
import { Document, isMap, isNode, isScalar, Scalar, visit } from 'yaml';

export interface Note {
  path: readonly (string | number)[];
  note: string;
}

const PARTS = new Set(['can_cu', 'mo_dau', 'danh_so', 'noi_dung', 'ket_thuc', 'quyet_dinh', 'noi_nhan', 'nguoi_ky', 'phu_luc']);

export function planYaml(plan: unknown, header: readonly string[], notes: readonly Note[] = []): string {
  const doc = new Document(plan, { keepUndefined: false });
  // long text folded (">-") as the examples write it; a blank line before each large part
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.value.length > 100 && !/\n|^\s|\s$/.test(node.value)) node.type = Scalar.BLOCK_FOLDED;
    },
  });
  if (isMap(doc.contents)) for (const pair of doc.contents.items) if (isScalar(pair.key) && PARTS.has(String(pair.key.value))) pair.key.spaceBefore = true;
  doc.commentBefore = header.map((l) => ' ' + l).join('\n');
  for (const { path, note } of notes) {
    const node = path.length ? doc.getIn(path, true) : undefined;
    if (isNode(node)) node.commentBefore = node.commentBefore ? `${node.commentBefore}\n ${note}` : ` ${note}`;
    else doc.commentBefore += `\n ${note}`;
  }
  return doc.toString({ lineWidth: 110, minContentWidth: 40, indentSeq: true });
}
