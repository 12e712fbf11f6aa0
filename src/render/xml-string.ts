// XML text of the objects docx's Formatter makes ({ "w:b": { _attr: { "w:val": false } } }), by the
// algorithm of docx's own stringifyXmlable (docx 9.15, MIT), which docx keeps to itself: the same
// bytes as docx writes. Used for document.xml alone when the other parts are known (docx-writer.ts);
// the golden tests hold it to docx's output.
type Xmlable = Record<string, unknown>;
interface Resolved {
  name: string | undefined;
  attributes: string[];
  content: (Resolved | string | undefined)[];
  indents: string;
}

const ESCAPES = new Map([
  ['&', '&amp;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
]);
const escapeAll = (v: string) => v.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES.get(c) ?? '');
const escapeValue = (v: unknown) => (typeof v === 'string' ? escapeAll(v) : v);

function resolve(data: Xmlable, depth: number): Resolved {
  const name = Object.keys(data)[0];
  const values = name === undefined ? undefined : data[name];
  const attributes: string[] = [];
  const content: (Resolved | string | undefined)[] = [];
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr)) attributes.push(`${key}="${String(escapeValue(value))}"`);
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values) {
          if (typeof value === 'object') {
            if (Object.keys(value)[0] === '_attr') addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(resolve(value as Xmlable, depth + 1));
          } else {
            content.pop();
            isStringContent = true;
            content.push(escapeValue(value) as string);
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(escapeValue(values) as string);
  return { name, attributes, content, indents: '' };
}

function format(element: Resolved | string | undefined): string {
  if (typeof element !== 'object') return String(element);
  const { name, attributes, content } = element;
  const { length } = content;
  const open = (name ? `<${name}` : '') + (attributes.length > 0 ? ` ${attributes.join(' ')}` : '') + (length > 0 ? (name ? '>' : '') : '/>');
  if (length === 0) return open;
  return open + content.map((child) => (child === undefined ? '' : format(child))).join('') + (name ? `</${name}>` : '');
}

/** The XML of a formatted part, unindented, with the declaration docx writes. */
export function xmlString(input: Xmlable, declaration: { standalone?: string; encoding?: string }): string {
  const standalone = declaration.standalone ? ` standalone="${escapeAll(declaration.standalone)}"` : '';
  return `<?xml version="1.0" encoding="${escapeAll(declaration.encoding || 'UTF-8')}"${standalone}?>` + format(resolve(input, 0));
}
