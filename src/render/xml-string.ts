// XML text of the objects docx's Formatter makes ({ "w:b": { _attr: { "w:val": false } } }), written
// as docx's own stringifyXmlable (docx 9.15, MIT) writes them without indentation, which docx keeps to
// itself: the same bytes, quirks and all (a text child drops the child written just before it, as the
// xml package did). One pass, straight to text. Used for document.xml alone when the other parts are
// known (docx-writer.ts); the tests hold it to docx's output.
type Xmlable = Record<string, unknown>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const escapeAll = (v: string) => v.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
const escapeValue = (v: unknown): unknown => (typeof v === 'string' ? escapeAll(v) : v);

function element(data: Xmlable): string {
  let name: string | undefined;
  for (const k in data) {
    name = k;
    break;
  }
  const values = name === undefined ? undefined : data[name];
  let attributes = '';
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const key in attr) attributes += ` ${key}="${String(escapeValue(attr[key]))}"`;
  };
  // what goes between the tags; an element with nothing there (not even an empty text) closes itself
  let content: string[] | undefined;
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content = [`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`];
      if (Array.isArray(values)) {
        content ??= [];
        content.push('');
        let isStringContent = false;
        for (const value of values) {
          if (typeof value === 'object') {
            if (Object.keys(value as object)[0] === '_attr') addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(element(value as Xmlable));
          } else {
            content.pop();
            isStringContent = true;
            const v = escapeValue(value);
            content.push(v === undefined ? '' : String(v));
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else {
    const v = escapeValue(values);
    content = [v === undefined ? '' : String(v)];
  }
  const open = (name ? `<${name}` : '') + attributes;
  if (!content) return open + '/>';
  return open + (name ? '>' : '') + content.join('') + (name ? `</${name}>` : '');
}

/** The XML of a formatted part, unindented, with the declaration docx writes. */
export function xmlString(input: Xmlable, declaration: { standalone?: string; encoding?: string }): string {
  const standalone = declaration.standalone ? ` standalone="${escapeAll(declaration.standalone)}"` : '';
  return `<?xml version="1.0" encoding="${escapeAll(declaration.encoding || 'UTF-8')}"${standalone}?>` + element(input);
}
