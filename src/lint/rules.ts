// ND30 and Vietnamese rules beyond the schema. Each rule reads the text of one value (local rules) or
// all values in document order (plan-wide rules) and returns findings with offsets into that text and,
// where a fix is safe, its replacement. Every rule carries ok / not-ok examples that its test runs.
import { isRealDate } from '../text/dates.js';
import { hasVietnameseMarks, isSyllable } from './syllable.js';

export interface Finding {
  /** Offset and length in the text the rule was given. */
  index: number;
  length: number;
  message: string;
  /** Replacement for [index, index + length), when the fix is safe. */
  fix?: string;
}

export interface Text {
  /** The value's text as it stands in the source (so offsets map to line:column). */
  text: string;
  /** The key it belongs to, e.g. "gach", "trich_yeu". */
  key: string;
}

interface RuleBase {
  id: string;
  description: string;
  examples: { ok: string[]; notOk: string[] };
}
export interface LocalRule extends RuleBase {
  scope: 'value';
  check(text: string): Finding[];
}
export interface PlanRule extends RuleBase {
  scope: 'plan';
  /** Findings per text index. Examples are texts of one plan, separated by " ¶ ". */
  check(texts: Text[]): { at: number; finding: Finding }[];
}
export type Rule = LocalRule | PlanRule;

const LETTERS = '\\p{L}\\p{M}';
const lower = (s: string) => s.toLocaleLowerCase('vi');

// ------------------------------------------------------------------ split words

const splitWords: LocalRule = {
  id: 'chu-bi-tach',
  scope: 'value',
  description: 'Chữ bị tách bởi dấu cách thừa trong một âm tiết (lỗi sao chép từ PDF): "T uyên", "Kế hoạc h", "201 8".',
  examples: {
    ok: ['Tuyên truyền cải cách hành chính', 'ngành Y tế năm 2019', 'điểm a khoản 2 Điều 5', 'giai đoạn 2016 - 2020', 'ISO 9001: 2015', 'mạng internet', 'video clips'],
    notOk: ['T uyên truyền', 'Kế hoạc h CCHC', 'tỉnh Hậ u Giang', 'năm 201 8', 'cô ng tác', 'các B ộ, ngành', 'kịp t hời'],
  },
  check(text) {
    const out: Finding[] = [];
    // two tokens separated by spaces on one line, each made of letters, or digits that make a year
    const re = new RegExp(`(?<![${LETTERS}\\d])([${LETTERS}]+|\\d+)( +)([${LETTERS}]+|\\d+)(?![${LETTERS}\\d])`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [, a, gap, b] = m;
      let split = false;
      if (/^\d+$/.test(a) && /^\d+$/.test(b)) split = a.length + b.length === 4 && /^(19|20)\d\d$/.test(a + b) && a.length < 4;
      else if (!/\d/.test(a + b) && !(a.length > 1 && a === a.toUpperCase()) && !(b.length > 1 && b === b.toUpperCase())) {
        split = (!isSyllable(a) || !isSyllable(b)) && isSyllable(a + b) && (a + b).length > 1;
      }
      if (split) {
        out.push({ index: m.index, length: m[0].length, message: `chữ bị tách: "${m[0]}" → "${a}${b}"`, fix: a + b });
        re.lastIndex = m.index + a.length + gap.length; // b may start the next pair
      } else re.lastIndex = m.index + a.length; // slide by one token
    }
    return out;
  },
};

// ------------------------------------------------------------------ no diacritics

const noDiacritics: LocalRule = {
  id: 'khong-dau',
  scope: 'value',
  description: 'Tiếng Việt viết không dấu (lỗi OCR): âm tiết tận cùng bằng c, ch, p, t mà không có dấu sắc/nặng, trong đoạn hầu như không có dấu.',
  examples: {
    ok: ['Tuyên truyền công tác cải cách hành chính năm 2024', 'PAR INDEX, SIPAS, PAPI, DTI', 'Email: abc@gmail.com'],
    notOk: ['Tuyen truyen cong tac cai cach hanh chinh nam 2024', 'Nang cao nhan thuc, vai tro, trach nhiem cua nguoi dung dau'],
  },
  check(text) {
    const words = text.match(new RegExp(`[${LETTERS}]+`, 'gu')) ?? [];
    const lowerWords = words.filter((w) => w !== w.toUpperCase() || w.length === 1);
    if (lowerWords.length < 5) return [];
    const marked = lowerWords.filter(hasVietnameseMarks).length;
    if (marked / lowerWords.length > 0.2) return [];
    // words that could only be Vietnamese with a tone: a stop final with no tone mark
    const toneless = lowerWords.filter((w) => /^[a-z]+$/i.test(w) && /(c|ch|p|t)$/i.test(w) && isSyllable(w.replace(/(c|ch|p|t)$/i, '') + 'n'));
    if (toneless.length < 2) return [];
    return [{ index: 0, length: Math.min(text.length, 40), message: `đoạn chữ có vẻ là tiếng Việt viết không dấu ("${toneless.slice(0, 3).join('", "')}" ...); hãy gõ lại có dấu` }];
  },
};

// ------------------------------------------------------------------ capitals (Phụ lục II)

const DOC_TYPES_LOWER = 'nghị quyết|quyết định|kế hoạch|chỉ thị|thông tư|nghị định|công văn|hướng dẫn|chương trình|thông báo';

// JavaScript's \b only knows ASCII letters; Vietnamese words need Unicode lookarounds.
const word = (s: string) => new RegExp(`(?<![\\p{L}])${s}(?![\\p{L}])`, 'gu');
const AGENCY_FIXES: [RegExp, string][] = [
  [word('Sở (y|Y) (tế|Tế)'), 'Sở Y tế'],
  [word('Bộ y tế'), 'Bộ Y tế'],
  [word('Trung tâm y tế'), 'Trung tâm Y tế'],
  [word('Sở nội vụ'), 'Sở Nội vụ'],
  [word('Bộ nội vụ'), 'Bộ Nội vụ'],
  [word('Sở tài chính'), 'Sở Tài chính'],
  [word('Bộ tài chính'), 'Bộ Tài chính'],
  [word('Ủy ban nhân dân Tỉnh'), 'Ủy ban nhân dân tỉnh'],
];

const capitals: LocalRule = {
  id: 'viet-hoa',
  scope: 'value',
  description: 'Viết hoa theo Phụ lục II Nghị định 30: "Sở Y tế", "Bộ Nội vụ"; "tỉnh Hậu Giang" (chữ "tỉnh" viết thường giữa câu); tên loại văn bản cụ thể "Kế hoạch số 181/KH-SYT".',
  examples: {
    ok: ['Sở Y tế Hậu Giang', 'trên địa bàn tỉnh Hậu Giang', 'Tỉnh ủy đã chỉ đạo', 'Sở Nội vụ', 'theo Kế hoạch số 13/KH-SYT', 'xây dựng kế hoạch tuyên truyền'],
    notOk: ['gửi Sở y tế', 'Sở y Tế', 'của Tỉnh Lai Châu', 'báo cáo Bộ nội vụ', 'theo kế hoạch số 13/KH-SYT', 'tại quyết định số 225/QĐ-TTg'],
  },
  check(text) {
    const out: Finding[] = [];
    for (const [re, right] of AGENCY_FIXES) {
      for (const m of text.matchAll(re)) if (m[0] !== right) out.push({ index: m.index!, length: m[0].length, message: `viết hoa: "${m[0]}" → "${right}"`, fix: right });
    }
    // a specific document: its type capitalised ("Kế hoạch số 181/KH-SYT")
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])(${DOC_TYPES_LOWER}) số \\d`, 'gu'))) {
      const right = m[1][0].toLocaleUpperCase('vi') + m[1].slice(1);
      out.push({ index: m.index!, length: m[1].length, message: `viết hoa tên loại văn bản cụ thể: "${m[1]}" → "${right}"`, fix: right });
    }
    // "Tỉnh/Huyện/Xã + proper name" in running text: the generic word is lower case
    const re = new RegExp(`(?<=[${LETTERS},] )(Tỉnh|Huyện|Xã)(?= [\\p{Lu}])`, 'gu');
    for (const m of text.matchAll(re)) {
      const after = text.slice(m.index! + m[0].length + 1);
      if (/^ủy/iu.test(after)) continue;
      out.push({ index: m.index!, length: m[0].length, message: `viết hoa: "${m[0]}" giữa câu viết thường: "${lower(m[0])}"`, fix: lower(m[0]) });
    }
    return out;
  },
};

// ------------------------------------------------------------------ punctuation

const spacing: LocalRule = {
  id: 'dau-cach',
  scope: 'value',
  description: 'Không có dấu cách trước dấu câu (, . ; : ! ? )) và sau dấu mở ngoặc.',
  examples: {
    ok: ['Sở Y tế, doanh nghiệp.', 'giai đoạn 2016 - 2020', 'thực hiện./.', '(nếu có)'],
    notOk: ['trực thuộc Sở Y tế , doanh nghiệp', 'trên địa bàn tỉnh .', 'kinh phí ( nếu có)', 'Kế hoạch 2019 ;'],
  },
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(/(?<=\S)( +)([,.;:!?)])(?!\/)/g)) out.push({ index: m.index!, length: m[0].length, message: `dấu cách thừa trước "${m[2]}"`, fix: m[2] });
    for (const m of text.matchAll(/\(( +)(?=\S)/g)) out.push({ index: m.index!, length: m[0].length, message: 'dấu cách thừa sau "("', fix: '(' });
    return out;
  },
};

const doubled: LocalRule = {
  id: 'dau-lap',
  scope: 'value',
  description: 'Dấu câu lặp: ",,", ";;", "::", ".." (trừ dấu ba chấm "..." và "./.").',
  examples: { ok: ['tin ngắn, bài viết,...', 'thực hiện./.', 'v.v...'], notOk: ['Sở Y tế,, doanh nghiệp', 'thực hiện;;', 'như sau::', 'năm 2019..'] },
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(/([,;:])\1+/g)) out.push({ index: m.index!, length: m[0].length, message: `dấu "${m[1]}" lặp`, fix: m[1] });
    for (const m of text.matchAll(/(?<![./])\.\.(?![./])/g)) out.push({ index: m.index!, length: 2, message: 'dấu "." lặp', fix: '.' });
    return out;
  },
};

const ranges: LocalRule = {
  id: 'gach-noi',
  scope: 'value',
  description: 'Khoảng số (năm, ngày) dùng gạch nối cân đối: "2022 - 2025" hoặc "2022-2025", không "2022 -2025".',
  examples: { ok: ['giai đoạn 2022 - 2025', 'giai đoạn 2021-2030', 'kinh tế - xã hội'], notOk: ['giai đoạn 2022 -2025', 'giai đoạn 2022- 2025'] },
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(/(\d) (-)(\d)|(\d)(-) (\d)/g)) {
      out.push({ index: m.index!, length: m[0].length, message: `gạch nối lệch trong "${m[0]}"; viết "${(m[1] ?? m[4])} - ${(m[3] ?? m[6])}"`, fix: `${m[1] ?? m[4]} - ${m[3] ?? m[6]}` });
    }
    return out;
  },
};

// ------------------------------------------------------------------ dates in the body

const DATE_NUM = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
const DATE_WORDS = /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/g;

const badDates: LocalRule = {
  id: 'ngay-khong-co',
  scope: 'value',
  description: 'Ngày trong nội dung phải có trên lịch.',
  examples: { ok: ['ngày 08/11/2011', 'ngày 29 tháng 02 năm 2024'], notOk: ['ngày 30/02/2019', 'ngày 31 tháng 4 năm 2020'] },
  check(text) {
    const out: Finding[] = [];
    for (const re of [DATE_NUM, DATE_WORDS]) {
      for (const m of text.matchAll(re)) {
        const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
        if (!isRealDate(iso)) out.push({ index: m.index!, length: m[0].length, message: `ngày "${m[0]}" không có trên lịch` });
      }
    }
    return out;
  },
};

const dateFormats: PlanRule = {
  id: 'ngay-nhat-quan',
  scope: 'plan',
  description: 'Ngày trong nội dung viết một kiểu trong cả kế hoạch: 08/11/2011 hoặc ngày 08 tháng 11 năm 2011.',
  examples: { ok: ['ngày 08/11/2011 ¶ ngày 04/02/2016'], notOk: ['ngày 08/11/2011 ¶ ngày 04/02/2016 ¶ ngày 07 tháng 12 năm 2018'] },
  check(texts) {
    const found: { at: number; index: number; length: number; kind: 'so' | 'chu' }[] = [];
    texts.forEach((t, at) => {
      for (const m of t.text.matchAll(DATE_NUM)) found.push({ at, index: m.index!, length: m[0].length, kind: 'so' });
      for (const m of t.text.matchAll(DATE_WORDS)) found.push({ at, index: m.index!, length: m[0].length, kind: 'chu' });
    });
    const so = found.filter((f) => f.kind === 'so').length;
    const chu = found.length - so;
    if (!so || !chu) return [];
    const minority = so >= chu ? 'chu' : 'so';
    const majority = minority === 'so' ? 'ngày 08 tháng 11 năm 2011' : '08/11/2011';
    return found
      .filter((f) => f.kind === minority)
      .map((f) => ({ at: f.at, finding: { index: f.index, length: f.length, message: `ngày viết khác kiểu với phần lớn kế hoạch (${majority})` } }));
  },
};

// ------------------------------------------------------------------ citations and abbreviations

const DOC_TYPES = 'Nghị quyết|Quyết định|Kế hoạch|Chỉ thị|Thông tư|Nghị định|Công văn|Hướng dẫn|Chương trình|Thông báo';
const CITATION = new RegExp(`(${DOC_TYPES}) (?:số )?(\\d+[a-z]?(?:/\\d{4})?/[A-ZĐ][A-ZĐa-zđ0-9-]*)`, 'gu');

const citations: PlanRule = {
  id: 'trich-dan',
  scope: 'plan',
  description: 'Văn bản trích dẫn đầy đủ (loại, số ký hiệu, ngày, cơ quan, trích yếu) lần đầu, lần sau chỉ ghi loại và số ký hiệu.',
  examples: {
    ok: ['Thực hiện Kế hoạch số 13/KH-SYT ngày 26/01/2022 của Sở Y tế về CCHC ¶ Triển khai Kế hoạch số 13/KH-SYT.'],
    notOk: [
      'Thực hiện Kế hoạch số 13/KH-SYT ngày 26/01/2022 của Sở Y tế về CCHC ¶ theo Kế hoạch số 13/KH-SYT ngày 26/01/2022 của Sở Y tế.',
      'theo Chỉ thị số 26/CT-TTg của Thủ tướng Chính phủ.',
    ],
  },
  check(texts) {
    const out: { at: number; finding: Finding }[] = [];
    const full = new Map<string, number>();
    texts.forEach((t, at) => {
      for (const m of t.text.matchAll(CITATION)) {
        const number = m[2];
        // cited in full when the date follows the number (then the issuer and the subject)
        const isFull = /^\s+ngày /.test(t.text.slice(m.index! + m[0].length));
        if (full.has(number)) {
          if (isFull) out.push({ at, finding: { index: m.index!, length: m[0].length, message: `${m[1]} số ${number} đã trích dẫn đầy đủ trước đó; lần sau chỉ ghi "${m[1]} số ${number}"` } });
        } else if (isFull) full.set(number, at);
        else {
          full.set(number, at);
          out.push({ at, finding: { index: m.index!, length: m[0].length, message: `trích dẫn lần đầu ${m[1]} số ${number} phải ghi đủ ngày ban hành, cơ quan ban hành và trích yếu (Nghị định 30)` } });
        }
      }
    });
    return out;
  },
};

/** Abbreviations common in health-sector plans and what they stand for. */
export const ABBREVIATIONS: Record<string, string> = {
  CCHC: 'cải cách hành chính',
  TTHC: 'thủ tục hành chính',
  CCVC: 'công chức, viên chức',
  CBCCVC: 'cán bộ, công chức, viên chức',
  KCB: 'khám chữa bệnh',
  CNTT: 'công nghệ thông tin',
  BHYT: 'bảo hiểm y tế',
  TTĐT: 'thông tin điện tử',
  TTGDSK: 'truyền thông giáo dục sức khỏe',
  CCVCLĐ: 'công chức, viên chức, người lao động',
  CCVCNLĐ: 'công chức, viên chức, người lao động',
  GDSK: 'giáo dục sức khỏe',
  CSSK: 'chăm sóc sức khỏe',
};

const abbreviations: PlanRule = {
  id: 'viet-tat',
  scope: 'plan',
  description: 'Chữ viết tắt (CCHC, TTHC, CCVC, KCB ...) phải được viết đầy đủ kèm chữ tắt trong ngoặc ở lần dùng đầu: "cải cách hành chính (CCHC)".',
  examples: {
    ok: ['tầm quan trọng công tác cải cách hành chính (CCHC) ¶ Kế hoạch CCHC năm 2022'],
    notOk: ['thực hiện Kế hoạch CCHC năm 2019 ¶ công tác cải cách hành chính (CCHC)'],
  },
  check(texts) {
    const out: { at: number; finding: Finding }[] = [];
    const defined = new Set<string>();
    // recipient and signature lines use abbreviations by convention ("Cổng TTĐT SYT")
    const PROSE_ONLY = new Set(['noi_nhan', 'ten', 'muc_dich', 'thu_truong', 'chuc_vu', 'ho_ten', 'thay_mat', 'co_quan_chu_quan', 'co_quan_ban_hanh', 'ten_co_quan']);
    texts.forEach((t, at) => {
      if (PROSE_ONLY.has(t.key)) return;
      // in reading order: "(CCHC)" defines it from there on; a bare CCHC before that is reported
      for (const m of t.text.matchAll(/(?<![\p{L}])([A-ZĐ]{2,})(?![\p{L}])/gu)) {
        const ab = m[1];
        if (t.text.slice(Math.max(0, m.index! - 1), m.index!) === '(' && t.text[m.index! + ab.length] === ')') {
          defined.add(ab);
          continue;
        }
        if (!(ab in ABBREVIATIONS) || defined.has(ab)) continue;
        out.push({ at, finding: { index: m.index!, length: ab.length, message: `chữ viết tắt "${ab}" dùng trước khi được viết đầy đủ; lần đầu hãy viết "${ABBREVIATIONS[ab]} (${ab})"` } });
        defined.add(ab); // once per abbreviation
      }
    });
    return out;
  },
};

export const RULES: Rule[] = [splitWords, noDiacritics, capitals, spacing, doubled, ranges, badDates, dateFormats, citations, abbreviations];
