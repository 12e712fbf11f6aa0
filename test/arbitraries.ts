// Generators of plans for property-based tests (fast-check): what a clerk might write.
import fc from 'fast-check';
import { normalizeText } from '../src/text/normalize-text.js';

// Text as clerks paste it: Vietnamese in NFC and NFD, ASCII, punctuation, quotes, astral characters,
// odd spaces. No '*' (inline markup) and nothing XML cannot carry (tested separately below).
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0123456789') },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '  ', '\t', ',', '.', ';', ':', '-', '–', '(', ')', '"', "'", '“', '”', '/', '&', '<', '>', '%', '#', '@', '!', '?', '\\') },
  { weight: 1, arbitrary: fc.constantFrom('e\u0302\u0301', 'o\u031b\u0300', '\u200b', '\u00a0', '\u3000', '😀', '𝄞', '中', 'ß', 'Ω') },
);
export const text = fc
  .array(unit, { minLength: 1, maxLength: 40 })
  .map((a) => a.join(''))
  .filter((s) => normalizeText(s) !== '' && !/^[-?:,[\]{}#&!|>'"%@`]/.test(normalizeText(s)) === false ? true : normalizeText(s) !== '');

const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const table = fc.integer({ min: 1, max: 7 }).chain((cols) =>
  fc.record({
    tieu_de: text,
    cot: fc.array(text, { minLength: cols, maxLength: cols }),
    hang: fc.array(fc.record({ o: fc.array(fc.oneof(text, fc.constant('')), { minLength: cols, maxLength: cols }) }), { minLength: 0, maxLength: 5 }),
  }),
);

const leaf = fc.oneof(text, text.map((t) => ({ gach: t })), text.map((t) => ({ cong: t })), text.map((t) => ({ diem: t })), text.map((t) => ({ khoan: t, tieu_de: false })));
const block = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 1, arbitrary: fc.record({ khoan: text, noi_dung: fc.array(leaf, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ gach: text, noi_dung: fc.array(leaf, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ don_vi: text, noi_dung: fc.array(leaf, { minLength: 1, maxLength: 2 }) }) },
  // a table among the paragraphs: an appendix's table without its title
  { weight: 1, arbitrary: table.map(({ tieu_de: _, ...t }) => ({ bang: t })) },
);

export const plan = fc
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

