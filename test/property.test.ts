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
import { renderPlan, loadTemplates } from '../src/render/index.js';
import { normalizeText, upperVi, hasIllegalChar } from '../src/text/normalize-text.js';
import { SHARED, unzip } from './helpers.js';

const templates = loadTemplates();
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

// Text as clerks paste it: Vietnamese in NFC and NFD, ASCII, punctuation, quotes, astral characters,
// odd spaces. No '*' (inline markup) and nothing XML cannot carry (tested separately below).
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0123456789') },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '  ', '\t', ',', '.', ';', ':', '-', '–', '(', ')', '"', "'", '“', '”', '/', '&', '<', '>', '%', '#', '@', '!', '?', '\\') },
  { weight: 1, arbitrary: fc.constantFrom('e\u0302\u0301', 'o\u031b\u0300', '\u200b', '\u00a0', '\u3000', '😀', '𝄞', '中', 'ß', 'Ω') },
);
const text = fc
  .array(unit, { minLength: 1, maxLength: 40 })
  .map((a) => a.join(''))
  .filter((s) => normalizeText(s) !== '' && !/^[-?:,[\]{}#&!|>'"%@`]/.test(normalizeText(s)) === false ? true : normalizeText(s) !== '');

const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const leaf = fc.oneof(text, text.map((t) => ({ gach: t })), text.map((t) => ({ cong: t })), text.map((t) => ({ diem: t })), text.map((t) => ({ khoan: t, tieu_de: false })));
const block = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 1, arbitrary: fc.record({ khoan: text, noi_dung: fc.array(leaf, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ gach: text, noi_dung: fc.array(leaf, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ don_vi: text, noi_dung: fc.array(leaf, { minLength: 1, maxLength: 2 }) }) },
);

const table = fc.integer({ min: 1, max: 7 }).chain((cols) =>
  fc.record({
    tieu_de: text,
    cot: fc.array(text, { minLength: cols, maxLength: cols }),
    hang: fc.array(fc.record({ o: fc.array(fc.oneof(text, fc.constant('')), { minLength: cols, maxLength: cols }) }), { minLength: 0, maxLength: 5 }),
  }),
);

const plan = fc
  .record(
    {
      co_quan_chu_quan: text,
      co_quan_ban_hanh: text,
      viet_tat: fc.constantFrom('SYT', 'TTYT', 'BVĐK'),
      so: fc.integer({ min: 1, max: 99999 }),
      dia_danh: text,
      ngay: fc.oneof(date, date.map((d) => d.slice(0, 7))),
      trich_yeu: text,
      can_cu: fc.array(
        fc.record({
          mo_dau: text,
          van_ban: fc.array(fc.oneof(text, fc.record({ loai: text, so_ky_hieu: fc.constantFrom('13/KH-SYT', '30c/NQ-CP'), ngay: date, co_quan: text, trich_yeu: text })), { minLength: 1, maxLength: 3 }),
        }),
        { maxLength: 2 },
      ),
      mo_dau: fc.array(text, { maxLength: 2 }),
      noi_dung: fc.array(fc.record({ muc: text, noi_dung: fc.array(block, { maxLength: 4 }) }), { minLength: 1, maxLength: 4 }),
      ket_thuc: fc.array(text, { minLength: 1, maxLength: 2 }),
      noi_nhan: fc.uniqueArray(text, { minLength: 1, maxLength: 5, selector: (t) => normalizeText(t).toLocaleLowerCase('vi').replace(/\s*\([^)]*\)\s*$/, '').replace(/[;.]$/, '') }),
      luu: fc.constantFrom('VT', 'VT, TC-HC'),
      nguoi_ky: fc.record({ chuc_vu: text, ho_ten: text }),
      phu_luc: fc.array(table, { maxLength: 2 }),
    },
    { requiredKeys: ['co_quan_ban_hanh', 'viet_tat', 'dia_danh', 'trich_yeu', 'noi_dung', 'ket_thuc', 'noi_nhan', 'luu', 'nguoi_ky'] },
  );

/** Every text a generated plan holds, with how it should read in the document. */
function texts(p: Record<string, unknown>): string[] {
  const out: string[] = [];
  const up = new Set(['co_quan_chu_quan', 'co_quan_ban_hanh', 'muc', 'tieu_de', 'chuc_vu']);
  const visit = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (['viet_tat', 'ngay', 'so_ky_hieu', 'luu'].includes(key)) return;
      const n = normalizeText(v);
      out.push(up.has(key) ? upperVi(n) : n);
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(p, '');
  return out.filter((t) => t !== '');
}

/** The text of each paragraph of document.xml, runs joined, entities decoded. */
function paragraphs(xml: string): string {
  const dec = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => dec(m[1])).join(''))
    .join('\n');
}

describe('property: any accepted plan renders to a valid .docx that keeps its text', () => {
  it(`${RUNS} generated plans`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-prop-'));
    const files: string[] = [];
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const source = stringify(p, { lineWidth: 0 });
        const checked = checkText('sinh-ngau-nhien.yaml', source);
        expect(checked.messages.filter((m) => m.severity === 'lỗi'), source).toEqual([]);
        const bytes = await renderPlan(checked.plan!, { templates });
        const doc = paragraphs(unzip(Buffer.from(bytes)).get('word/document.xml')!);
        // The last closing paragraph ends in "./." (ND30): a trailing , ; : before it is dropped.
        const closing = (p as { ket_thuc?: string[] }).ket_thuc ?? [];
        const last = closing.length ? normalizeText(closing[closing.length - 1]) : undefined;
        const { noi_nhan, ...rest } = p as { noi_nhan: string[] };
        for (const t of texts(rest)) {
          const want = t === last && !t.endsWith('.') ? t.replace(/[\s;:,]+$/, '') + './.' : t;
          expect(doc, `missing: ${JSON.stringify(want)}`).toContain(want);
        }
        // Each recipient is a line "- NAME (PURPOSE);": its own final ; or . gives way to the list's ";".
        const squeezed = doc.replace(/\s+/g, '');
        for (const r of noi_nhan) expect(squeezed).toContain('-' + normalizeText(r).replace(/[;.]$/, '').replace(/\s+/g, '') + ';');
        const f = join(dir, `p${files.length}.docx`);
        writeFileSync(f, bytes);
        files.push(f);
      }),
      { numRuns: RUNS },
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
