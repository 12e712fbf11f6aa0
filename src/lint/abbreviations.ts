// Abbreviations (Nghị định 30, Phụ lục I): a word in capitals that the plan uses before it has
// written it out with the abbreviation in brackets ("Khu công nghiệp (KCN)"). No list of known
// abbreviations: any capitals word counts, except the symbols inside a số/ký hiệu, the plan's own
// ký hiệu, Roman numerals, text written in capitals (headings) and the short list below.
import { DOC_NUMBER, NAME_KEYS } from './citations.js';
import { hasVietnameseMarks, isSyllable } from './syllable.js';
import { isAllCaps, type Finding, type PlanRule, type Text } from './types.js';

/**
 * Abbreviations a plan may use without writing them out, each because the decree itself does:
 * UBND, HĐND (the agency lines of Phụ lục I's examples: "UBND TỈNH …"), VT (Văn thư, in the "Lưu: VT"
 * line of ô 9b), STT (the first column of the decree's own tables); ISO, the name of a standard
 * ("TCVN ISO 9001:2015" is the national standard's own title), not an abbreviation the plan makes.
 */
export const ALLOWED = new Set(['UBND', 'HĐND', 'VT', 'STT', 'ISO']);

/** Keys whose values are names, recipients and signatures, written in conventional short forms. */
const NOT_PROSE = new Set([...NAME_KEYS, 'muc_dich', 'quyen_han']);
/** Keys that hold the plan's own ký hiệu. */
export const OWN_SYMBOL_KEYS = new Set(['viet_tat', 'ky_hieu', 'so_ky_hieu']);

// one token for initials joined by "&" ("TN&MT", "KH&CN")
const TOKEN = /(?<![\p{L}\p{M}\d&])(?:\p{Lu}[\p{Lu}\p{M}]*(?:&\p{Lu}[\p{Lu}\p{M}]*)+|\p{Lu}[\p{Lu}\p{M}]+)(?![\p{L}\p{M}&])/gu;
/** A số/ký hiệu whose number is left blank for the registry: "Kế hoạch số /KH-BTNMT", "Số:    /QĐ-UBND". */
const BLANK_NUMBER = /(?<=(?:^|[\s(])[Ss]ố:?[\s.…]*)\/[\p{Lu}\d]+(?:[-/][\p{Lu}\d]+)*/gu;
/** A table's number column, titled as the decree's tables ("STT") or as many real ones ("TT"). */
const NUMBER_COLUMN = /^(?:S?TT|Số TT)$/u;
const ROMAN = /^(?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})$|^L?X{0,3}(?:IX|IV|V?I{0,3})$/;
const DEFINITION = /\(\s*(?:(?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+là\s+)?([\p{Lu}\p{M}&]+(?:[\s,;/-]+[\p{Lu}\p{M}&]+)*)\s*\)/gu;

/** An abbreviation is made of initials; a Vietnamese syllable in capitals ("KẾ HOẠCH", "KINH PHÍ") is a word. */
const wordInCapitals = (w: string) => isSyllable(w) && (hasVietnameseMarks(w) || w.length >= 3);

export const abbreviations: PlanRule = {
  id: 'viet-tat',
  scope: 'plan',
  description:
    'Chữ viết tắt (chữ in hoa như KCN, GPMB, PCCC, CCHC) phải được viết đầy đủ kèm chữ tắt trong ngoặc ở lần dùng đầu: "Khu công nghiệp (KCN)". Không tính ký hiệu trong số văn bản, ký hiệu của chính kế hoạch (kể cả khi để trống số: "số /KH-BTNMT"), tên cột số thứ tự (TT, STT), số La Mã, chữ tiếng Việt viết in hoa (KẾ HOẠCH), tiêu đề in hoa và UBND, HĐND, VT, STT, ISO.',
  examples: {
    ok: [
      'tầm quan trọng công tác cải cách hành chính (CCHC) ¶ Kế hoạch CCHC năm 2022',
      'Khu công nghiệp (sau đây gọi tắt là KCN) ¶ các KCN trên địa bàn',
      'theo Kế hoạch số 4179/KH-UBND ngày 07/12/2018 của UBND tỉnh ¶ Mục II, Phụ lục III',
      'MỤC ĐÍCH, YÊU CẦU',
      'Bộ Tài nguyên và Môi trường (TN&MT) ¶ các đơn vị thuộc Bộ TN&MT',
      '(Ban hành kèm theo Kế hoạch số /KH-BTNMT ngày tháng 8 năm 2024) ¶ TT ¶ Số:    /QĐ-UBND',
      'KẾ HOẠCH Tuyên truyền cải cách hành chính ¶ IV. KINH PHÍ THỰC HIỆN: Theo quy định hiện hành.',
    ],
    notOk: ['thực hiện Kế hoạch CCHC năm 2019 ¶ công tác cải cách hành chính (CCHC)', 'công tác GPMB các KCN', 'bảo đảm an toàn PCCC tại cơ sở', 'các đơn vị thuộc Bộ TN&MT'],
  },
  check(texts: Text[]) {
    const out: { at: number; finding: Finding }[] = [];
    const own = new Set<string>(texts.filter((t) => OWN_SYMBOL_KEYS.has(t.key)).flatMap((t) => t.text.match(/\p{Lu}[\p{Lu}\p{M}]+/gu) ?? []));
    const defined = new Set<string>();
    const reported = new Set<string>();
    texts.forEach((t, at) => {
      if (OWN_SYMBOL_KEYS.has(t.key) || NUMBER_COLUMN.test(t.text.trim())) return;
      const defs = new Map<number, string[]>();
      for (const m of t.text.matchAll(DEFINITION)) defs.set(m.index!, m[1].split(/[\s,;/-]+/));
      const inNumber = [...t.text.matchAll(DOC_NUMBER), ...t.text.matchAll(BLANK_NUMBER)].map((m) => [m.index!, m.index! + m[0].length]);
      const words = t.text.match(/[\p{L}\p{M}]+/gu) ?? [];
      const heading = words.length >= 2 && words.filter((w) => isAllCaps(w)).length / words.length >= 0.6;
      const prose = !NOT_PROSE.has(t.key) && !heading;
      const events: { index: number; define?: string[]; use?: string }[] = [...defs].map(([index, define]) => ({ index, define }));
      for (const m of t.text.matchAll(TOKEN)) events.push({ index: m.index!, use: m[0] });
      events.sort((a, b) => a.index - b.index || (a.define ? -1 : 1));
      for (const e of events) {
        if (e.define) {
          for (const d of e.define) defined.add(d);
          continue;
        }
        const ab = e.use!;
        if (!prose || defined.has(ab) || reported.has(ab) || ALLOWED.has(ab) || own.has(ab) || ROMAN.test(ab) || wordInCapitals(ab)) continue;
        if (inNumber.some(([a, b]) => e.index >= a && e.index < b)) continue;
        out.push({ at, finding: { index: e.index, length: ab.length, message: `chữ viết tắt "${ab}" dùng trước khi được viết đầy đủ; lần đầu hãy viết đầy đủ rồi ghi "(${ab})"` } });
        reported.add(ab);
      }
    });
    return out;
  },
};
