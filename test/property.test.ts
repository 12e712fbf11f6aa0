// Property-based tests: any plan the schema accepts renders to a .docx whose every part validates
// against the OOXML schemas, and the text of every field comes back out of the document as its NFC form.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkText } from '../src/plan/validate.js';
import { renderPlan, loadTemplates } from '../src/write/index.js';
import { hasIllegalChar, nameCase, normalizeText, upperVi } from '../src/text/normalize-text.js';
import { paragraphs, SHARED } from './helpers.js';
import { plan, text } from './arbitraries.js';

const templates = loadTemplates();
// 60 plans of every form (about 7 s); PROPERTY_RUNS=2000 for a long search
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
// A failure names its seed; PROPERTY_SEED=<seed> runs the same plans again.
const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);

/** Every text a generated plan holds, with how it should read in the document. */
function texts(p: Record<string, unknown>): string[] {
  const out: string[] = [];
  const up = new Set(['co_quan_chu_quan', 'co_quan_ban_hanh', 'muc', 'tieu_de', 'chuc_vu']);
  const visit = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (['viet_tat', 'ngay', 'so_ky_hieu', 'luu'].includes(key)) return;
      const n = normalizeText(v);
      // (capitals by ND30: names of bodies and titles upper case; a signer's name in capitals, a capital a word)
      out.push(up.has(key) ? upperVi(n) : key === 'ho_ten' ? nameCase(n) : n);
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(p, '');
  return out.filter((t) => t !== '');
}

/** The text of each paragraph of document.xml, runs joined, entities decoded. */
describe('property: any accepted plan renders to a valid .docx that keeps its text', () => {
  it(`${RUNS} generated plans (seed ${SEED})`, async () => {
    console.info(`property: ${RUNS} plans, PROPERTY_SEED=${SEED}`);
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-prop-'));
    const files: string[] = [];
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const source = stringify(p, { lineWidth: 0 });
        const checked = checkText('sinh-ngau-nhien.yaml', source);
        expect(checked.messages.filter((m) => m.severity === 'lỗi'), source).toEqual([]);
        const bytes = await renderPlan(checked.plan!, { templates });
        const doc = paragraphs(bytes).join('\n');
        // The last closing paragraph ends in "./." (ND30): a trailing , ; : before it is dropped.
        const closing = (p as { ket_thuc?: string[] }).ket_thuc ?? [];
        const last = closing.length ? normalizeText(closing[closing.length - 1]) : undefined;
        const { noi_nhan, ...rest } = p as { noi_nhan: string[] };
        for (const t of texts(rest)) {
          const want = t === last && !t.endsWith('.') ? t.replace(/[\s;:,]+$/, '') + './.' : t;
          // paragraphs() folds white space (no-break spaces included), so the text is folded the same way
          expect(doc, `missing: ${JSON.stringify(want)}`).toContain(want.replace(/\s+/g, ' ').trim());
        }
        // Each recipient is a line "- NAME (PURPOSE);": its own final ; or . gives way to the list's ";".
        const squeezed = doc.replace(/\s+/g, '');
        for (const r of noi_nhan) expect(squeezed).toContain('-' + normalizeText(r).replace(/[;.]$/, '').replace(/\s+/g, '') + ';');
        const f = join(dir, `p${files.length}.docx`);
        writeFileSync(f, bytes);
        files.push(f);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const r = spawnSync('bash', [join(SHARED, 'tools', 'validate-docx.sh'), '-q', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stdout.split('\n').filter((l) => /FAIL|line|INVALID/.test(l)).slice(0, 30).join('\n')).toBe(0);
    expect(r.stdout.match(/=> valid/g)?.length).toBe(files.length);
  });

  it('text with characters XML cannot carry is refused at validation, with a message', () => {
    const bad = fc.tuple(text, fc.constantFrom('\u0000', '\u0001', '\u0007', '\u000b', '\u001f', '\ufffe', '\uffff', '\ud800', '\udfff'), text).map(([a, c, b]) => a + c + b);
    fc.assert(
      fc.property(bad, (t) => {
        expect(hasIllegalChar(t)).toBe(true);
        const source = stringify({ co_quan_ban_hanh: 'SỞ Y TẾ', viet_tat: 'SYT', dia_danh: 'Hậu Giang', trich_yeu: t, noi_dung: [{ muc: 'A', noi_dung: ['x'] }], noi_nhan: ['Sở Nội vụ'], luu: 'VT', nguoi_ky: { chuc_vu: 'GIÁM ĐỐC', ho_ten: 'A' } });
        const r = checkText('x.yaml', source);
        expect(r.plan).toBeUndefined();
        expect(r.messages.map((m) => m.rule)).toContain(source.includes('\\0') || /\\x0|\\u0/.test(source) ? 'ky-tu-cam' : r.messages[0].rule);
        expect(r.messages.every((m) => m.line >= 1 && m.column >= 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
