import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { Document, Packer, Paragraph } from 'docx';
import { readZip, stampZip } from '../src/write/zip.js';

/** Each central-directory entry's MS-DOS [date, time], and the same from its local header. */
function stamps(zip: Uint8Array): [number, number][] {
  const b = Buffer.from(zip);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out: [number, number][] = [];
  for (let i = 0, p = b.readUInt32LE(end + 16); i < b.readUInt16LE(end + 10); i++) {
    const local = b.readUInt32LE(p + 42);
    out.push([b.readUInt16LE(p + 14), b.readUInt16LE(p + 12)], [b.readUInt16LE(local + 12), b.readUInt16LE(local + 10)]);
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}

const entries = fc.uniqueArray(fc.record({ path: fc.stringMatching(/^[a-z]{1,8}\/[a-z]{1,8}\.xml$/), data: fc.uint8Array({ maxLength: 5000 }) }), { selector: (e) => e.path, minLength: 1, maxLength: 8 });

describe('zip', () => {
  it('stampZip keeps every entry, in order, and stamps each with the instant (UTC fields, in both headers)', () => {
    fc.assert(
      fc.property(entries, fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2107-12-31T00:00:00Z'), noInvalidDate: true }), (es, when) => {
        const packed = stampZip(zipSync(Object.fromEntries(es.map((e) => [e.path, e.data]))), when);
        const back = readZip(packed);
        expect([...back.keys()]).toEqual(es.map((e) => e.path));
        for (const e of es) expect(Buffer.compare(back.get(e.path)!, Buffer.from(e.data))).toBe(0);
        const date = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
        const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
        for (const s of stamps(packed)) expect(s).toEqual([date, time]);
      }),
      { numRuns: 100 },
    );
  });
  it('an instant before 1980 is stamped 1980', () => {
    const packed = stampZip(zipSync({ 'a.xml': new Uint8Array([60, 97, 47, 62]) }), new Date('1970-01-01T00:00:00Z'));
    expect(stamps(packed)[0]).toEqual([(0 << 9) | (1 << 5) | 1, 0]);
  });
  it('reads the zip docx writes', async () => {
    const buf = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch')] }] }));
    expect(readZip(buf).get('word/document.xml')!.toString('utf8')).toContain('Kế hoạch');
  });
  it('a file that is not a zip is refused with a message', () => {
    expect(() => readZip(Buffer.from('không phải zip'))).toThrow(/tệp zip hỏng/);
  });
});
