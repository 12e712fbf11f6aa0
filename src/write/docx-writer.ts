// The .docx of a document model. Every part but two is the same for all documents of a kind (the
// body size decides styles.xml; the number of sections the headers and relationships): docx compiles
// those (docx-compile.ts), the build records them for the kinds the examples are (precomputed.ts),
// and each is deflated once. document.xml is written from the model by document-xml.ts, core.xml
// here. A kind not known yet is compiled whole by docx once, then known for the rest of the process.
import type { DocModel } from '../model/model.js';
import { pack, zip, type Packed, type ZipEntry } from './zip.js';
import { byCodeUnit } from '../text/normalize-text.js';
import { PRECOMPUTED_PARTS } from '../model/precomputed.js';
import { documentXml, frameOf, type DocumentFrame } from './document-xml.js';
import { compileParts } from './docx-compile.js';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The instant recorded in the file: SOURCE_DATE_EPOCH when set, else the plan's date, else 2000-01-01. */
export function documentInstant(planDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const full = /^\d{4}-\d{2}-\d{2}$/.test(planDate) ? planDate : /^\d{4}-\d{2}$/.test(planDate) ? `${planDate}-01` : /^\d{4}$/.test(planDate) ? `${planDate}-01-01` : '2000-01-01';
  return new Date(`${full}T00:00:00Z`);
}

function coreXml(m: DocModel, when: Date): string {
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(m.properties.title)}</dc:title>` +
    `<dc:subject>${xmlEscape(m.properties.subject)}</dc:subject>` +
    `<dc:creator>${xmlEscape(m.properties.creator)}</dc:creator>` +
    '<dc:description>Kế hoạch soạn bằng kehoach</dc:description>' +
    `<cp:lastModifiedBy>${xmlEscape(m.properties.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** A part's XML: one string, or chunks (a large appendix is never joined into one string). */
export type Part = string | string[];

export const partText = (p: Part): string => (typeof p === 'string' ? p : p.join(''));

const DOCUMENT = 'word/document.xml';
const CORE = 'docProps/core.xml';

/** What decides the parts other than document.xml and core.xml. */
const kindOf = (m: DocModel) => `${m.page.bodySizePt}/${1 + m.appendices.length}`;

interface Kind {
  parts: Map<string, string>;
  frame: DocumentFrame;
}

const known = new Map<string, Kind>(
  Object.entries(PRECOMPUTED_PARTS.kinds).map(([k, { parts, open, headers }]) => [
    k,
    { parts: new Map(Object.entries(parts).map(([path, i]) => [path, PRECOMPUTED_PARTS.xml[i]])), frame: { open: PRECOMPUTED_PARTS.xml[open], headers } },
  ]),
);

/** The XML of the known parts, and each deflated once (by the build, or once per process). */
const constantXml = new Set<string>([...known.values()].flatMap((k) => [...k.parts.values()]));
const packedOnce = new Map<string, Packed>(
  PRECOMPUTED_PARTS.packed.flatMap((p, i) => (p ? [[PRECOMPUTED_PARTS.xml[i], { deflated: Buffer.from(p.deflated, 'base64'), crc: p.crc, size: p.size }]] : [])),
);

/** The known kinds, as the build records them: each distinct XML once, and each kind's parts by index. */
export function partsKnown(): typeof PRECOMPUTED_PARTS {
  const xml = [...new Set([...constantXml, ...[...known.values()].map((k) => k.frame.open)])];
  const index = new Map(xml.map((x, i) => [x, i]));
  const kinds = Object.fromEntries(
    [...known].map(([k, { parts, frame }]) => [k, { parts: Object.fromEntries([...parts].map(([path, x]) => [path, index.get(x)!])), open: index.get(frame.open)!, headers: frame.headers }]),
  );
  const packed = xml.map((x) => {
    if (!constantXml.has(x)) return null; // an opening of document.xml
    const p = pack(Buffer.from(x, 'utf8'));
    return { deflated: Buffer.from(p.deflated).toString('base64'), crc: p.crc, size: p.size };
  });
  return { xml, kinds, packed };
}

/**
 * The XML parts of the document, by path, as they will be zipped. `reuse: false` (tests) has docx
 * compile every part even when the kind is known.
 */
export function documentParts(m: DocModel, when: Date, opts: { reuse?: boolean } = {}): Map<string, Part> {
  const core = coreXml(m, when);
  const key = kindOf(m);
  const kind = opts.reuse === false ? undefined : known.get(key);
  if (kind) return new Map<string, Part>([...kind.parts, [DOCUMENT, documentXml(m, kind.frame)], [CORE, core]]);
  const parts = compileParts(m, core);
  if (!known.has(key)) {
    const constant = new Map([...parts].filter((e): e is [string, string] => e[0] !== DOCUMENT && e[0] !== CORE && typeof e[1] === 'string'));
    const frame = frameOf(partText(parts.get(DOCUMENT)!), constant.get('word/_rels/document.xml.rels') ?? '', 1 + m.appendices.length);
    known.set(key, { parts: constant, frame });
    for (const xml of constant.values()) constantXml.add(xml);
  }
  return parts;
}

const ORDER = ['[Content_Types].xml', '_rels/.rels'];

/** Pack the parts into a .docx: [Content_Types].xml first, then the rest in a fixed order. */
export function packParts(parts: Map<string, Part>, when: Date): Uint8Array {
  const names = [...parts.keys()].sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || byCodeUnit(a, b);
  });
  const bytes = (p: Part): Buffer => {
    if (typeof p === 'string') return Buffer.from(p, 'utf8');
    // chunks encoded straight into one buffer (a large document.xml is never one string, nor copied twice)
    let size = 0;
    for (const c of p) size += Buffer.byteLength(c, 'utf8');
    const b = Buffer.allocUnsafe(size);
    let at = 0;
    for (const c of p) at += b.write(c, at, 'utf8');
    return b;
  };
  const entries: ZipEntry[] = names.map((path) => {
    const part = parts.get(path)!;
    if (typeof part !== 'string' || !constantXml.has(part)) return { path, data: bytes(part) };
    let packed = packedOnce.get(part);
    if (!packed) packedOnce.set(part, (packed = pack(bytes(part))));
    return { path, packed };
  });
  return zip(entries, when);
}
