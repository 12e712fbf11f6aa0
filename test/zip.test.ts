import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, Packer, Paragraph } from 'docx';
import { readZip, zip } from '../src/write/zip.js';

describe('zip', () => {
  it('readZip gives back what zip wrote, in order, at any size', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ path: fc.stringMatching(/^[a-z]{1,8}\/[a-z]{1,8}\.xml$/), data: fc.uint8Array({ maxLength: 5000 }) }), { selector: (e) => e.path, maxLength: 8 }), (entries) => {
        const back = readZip(zip(entries, new Date('2020-01-01T00:00:00Z')));
        expect([...back.keys()]).toEqual(entries.map((e) => e.path));
        for (const e of entries) expect(Buffer.compare(back.get(e.path)!, Buffer.from(e.data))).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
  it('the same entries and instant give the same bytes', () => {
    const e = [{ path: 'a.xml', data: Buffer.from('<a/>') }];
    const when = new Date('2019-01-23T00:00:00Z');
    expect(Buffer.compare(Buffer.from(zip(e, when)), Buffer.from(zip(e, when)))).toBe(0);
  });
  it('reads a zip written by another writer (docx, through fflate)', async () => {
    const buf = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch')] }] }));
    expect(readZip(buf).get('word/document.xml')!.toString('utf8')).toContain('Kế hoạch');
  });
});
