// ND30 §3: a long date or agency name never overflows its column; it steps one size down (the spec's
// fallback) and, read back from LibreOffice, stays on the same text line as "Số:".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkText } from '../src/plan/validate.js';
import { buildModel, loadTemplates } from '../src/write/index.js';
import { exampleFiles, longHeaderPlan } from './helpers.js';

const long = longHeaderPlan();

describe('long names and dates in the header', () => {
  it('step one size down in the model (date 14 → 13 pt, agency 13 → 12 pt)', () => {
    const plan = checkText('dai.yaml', long).plan!;
    const m = buildModel(plan, loadTemplates());
    expect(m.header!.placeDate!.sizePt).toBe(13);
    expect(m.header!.left.filter((n) => n.type === 'paragraph').every((n) => n.type === 'paragraph' && n.sizePt === 12)).toBe(true);
    // a short one keeps the default sizes
    const short = buildModel(checkText('ngan.yaml', readFileSync(exampleFiles()[0], 'utf8')).plan!, loadTemplates());
    expect(short.header!.placeDate!.sizePt).toBeUndefined();
  });
  // read back from LibreOffice: test/render.test.ts (one LibreOffice start for every plan it reads)
});
