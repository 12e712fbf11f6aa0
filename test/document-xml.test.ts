import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { checkBytes } from '../src/plan/validate.js';
import { buildModel, loadTemplates } from '../src/write/index.js';
import { compileParts } from '../src/write/docx-compile.js';
import { documentXml, frameOf } from '../src/write/document-xml.js';
import type { AppendixModel, DocModel, Node, Para } from '../src/model/model.js';
import { exampleFiles } from './helpers.js';

/** docx's document.xml of a model, and the frame document-xml.ts takes from docx's output. */
function byDocx(m: DocModel) {
  const parts = compileParts(m, '');
  const doc = parts.get('word/document.xml')!;
  const xml = typeof doc === 'string' ? doc : doc.join('');
  const frame = frameOf(xml, String(parts.get('word/_rels/document.xml.rels')), 1 + m.appendices.length);
  return { xml, frame };
}

const text = fc.string({ unit: fc.constantFrom('a', 'ệ', 'Đ', ' ', '&', '<', '>', '"', "'", '1', '\t'), minLength: 0, maxLength: 6 });
const run = fc.record({ text, bold: fc.option(fc.boolean(), { nil: undefined }), italic: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['text'] });
const para: fc.Arbitrary<Para> = fc
  .record({
    style: fc.constantFrom('Body', 'Muc', 'CoQuanBanHanh', 'KhoangKy', 'HoTen'),
    runs: fc.array(run, { minLength: 0, maxLength: 3 }),
    sizePt: fc.option(fc.constantFrom(11, 12, 13), { nil: undefined }),
  })
  .map(({ style, runs, sizePt }) => ({ type: 'paragraph' as const, style: style as Para['style'], runs, ...(sizePt ? { sizePt } : {}) }));
const rule: fc.Arbitrary<Node> = fc
  .record({ widthMm: fc.integer({ min: 5, max: 200 }), style: fc.option(fc.constantFrom('DuongKe', 'DuongKeTrichYeu'), { nil: undefined }) })
  .map(({ widthMm, style }) => ({ type: 'rule' as const, widthMm, ...(style ? { style: style as Para['style'] } : {}) }));
const nodes = fc.array(fc.oneof(para, rule), { minLength: 0, maxLength: 4 });
const margins = fc.record({ top: fc.integer({ min: 15, max: 25 }), bottom: fc.integer({ min: 15, max: 25 }), left: fc.integer({ min: 25, max: 35 }), right: fc.integer({ min: 10, max: 20 }) });
const appendix: fc.Arbitrary<AppendixModel> = fc.record({
  landscape: fc.boolean(),
  heading: nodes,
  table: fc.record({ text }).map(({ text }) => ({
    type: 'table' as const,
    columnsMm: [20, 60],
    header: [0, 1].map((col) => ({ col, rowSpan: 1, colSpan: 1, align: 'center' as const, paras: [{ type: 'paragraph' as const, style: 'BangDau' as const, runs: [{ text: `Cột ${col}` }] }] })),
    rows: [[0, 1].map((col) => ({ col, rowSpan: 1, colSpan: 1, paras: [{ type: 'paragraph' as const, style: 'Bang' as const, runs: [{ text }] }] }))],
  })),
});

/** A random model: any nodes in each place, empty cells and bodies, stepped-down sizes, 0–2 appendices. */
const model: fc.Arbitrary<DocModel> = fc.record({
  page: fc.record({ marginsMm: margins, bodySizePt: fc.constantFrom(13 as const, 14 as const) }),
  properties: fc.constant({ title: 't', subject: 's', creator: 'c', date: '2026' }),
  header: fc.record({ leftMm: fc.integer({ min: 40, max: 90 }), rightMm: fc.integer({ min: 60, max: 110 }), left: nodes, right: nodes, number: para, placeDate: para }),
  title: nodes,
  body: fc.array(para, { minLength: 0, maxLength: 5 }),
  closing: fc.record({ leftMm: fc.integer({ min: 40, max: 90 }), rightMm: fc.integer({ min: 60, max: 110 }), left: fc.array(para, { maxLength: 3 }), right: fc.array(para, { maxLength: 3 }) }),
  appendices: fc.array(appendix, { minLength: 0, maxLength: 2 }),
});

describe('document.xml written from the model', () => {
  it('equals what docx writes for every example', () => {
    const templates = loadTemplates();
    for (const f of exampleFiles()) {
      const m = buildModel(checkBytes(f, readFileSync(f)).plan!, templates);
      const { xml, frame } = byDocx(m);
      expect(documentXml(m, frame).join(''), f).toBe(xml);
    }
  });

  it('equals what docx writes for random models', () => {
    fc.assert(
      fc.property(model, (m) => {
        const { xml, frame } = byDocx(m);
        expect(documentXml(m, frame).join('')).toBe(xml);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a frame of another number of sections', () => {
    const m = buildModel(checkBytes(exampleFiles()[0], readFileSync(exampleFiles()[0])).plan!, loadTemplates());
    const { frame } = byDocx(m);
    expect(() => documentXml({ ...m, appendices: [...m.appendices, ...m.appendices, m.appendices[0]].filter(Boolean) }, { ...frame, headers: [] })).toThrow();
  });
});
