// Capitals by the rules of Phụ lục II, Nghị định 30 (spec §11), applied to the word classes the
// decree names rather than to a list of full names:
// - a name of an agency, a position, a document type or a field is a compound word: its first syllable
//   takes the capital, the rest stay lower case ("Ủy ban nhân dân", "Thủ tướng Chính phủ", "Sở Nội vụ");
// - the type of an agency followed by its field is one name: both capitalised ("Sở Y tế", not "sở Y tế");
// - the Party and a few bodies have fixed forms ("Đảng Cộng sản Việt Nam", "Bộ Chính trị");
// - the generic word of an administrative unit stays lower case mid-sentence ("tỉnh Hậu Giang", "Ủy ban
//   nhân dân tỉnh"), unless it names an organisation ("Tỉnh Đoàn", "Tỉnh ủy") or a unit named by a number;
// - a specific document's type is capitalised ("Kế hoạch số 181/KH-SYT");
// - a pair the plan itself writes in lower case is not a proper name when it appears Title Cased.
// A run of capitalised words that none of these explains is a proper name (a place, a person) and is
// left alone.
import { ndSpelling } from '../text/normalize-text.js';
import { DOC_TYPES } from '../text/doc-number.js';
import { isAllCaps, isCapitalised, lower, onePerPlace, WORD, type Finding, type LocalRule } from './types.js';

/** Compound words of the classes Phụ lục II names, in their capitalised form. */
const TERMS: string[] = [
  // agency types
  'Ủy ban nhân dân', 'Hội đồng nhân dân', 'Ủy ban', 'Hội đồng', 'Hiệp hội', 'Trung tâm', 'Văn phòng', 'Thanh tra', 'Tổng cục', 'Chi cục', 'Bệnh viện', 'Kho bạc',
  'Ban Chấp hành', 'Ban Thường vụ', 'Ban Giám đốc', 'Ban Giám hiệu', 'Ban Chỉ đạo', 'Ban Quản lý', 'Đảng ủy', 'Tỉnh ủy', 'Huyện ủy', 'Thành ủy', 'Quận ủy', 'Thị ủy', 'Đảng bộ', 'Chi bộ',
  // positions
  'Thủ tướng', 'Phó Thủ tướng', 'Chủ tịch', 'Phó Chủ tịch', 'Bộ trưởng', 'Thứ trưởng', 'Giám đốc', 'Phó Giám đốc', 'Tổng Giám đốc', 'Trưởng phòng', 'Phó Trưởng phòng',
  'Trưởng ban', 'Phó Trưởng ban', 'Chánh Văn phòng', 'Phó Chánh Văn phòng', 'Chánh Thanh tra', 'Bí thư', 'Phó Bí thư', 'Tổng Bí thư', 'Hiệu trưởng', 'Phó Hiệu trưởng',
  'Cục trưởng', 'Vụ trưởng', 'Viện trưởng', 'Chi cục trưởng', 'Chỉ huy trưởng', 'Trưởng đoàn',
  // the State and the Party (fixed forms keep their inner capitals)
  'Chính phủ', 'Quốc hội', 'Nhà nước', 'Nhân dân', 'Trung ương', 'Tổ quốc', 'Đảng Cộng sản Việt Nam', 'Đảng Cộng sản', 'Ban Chấp hành Trung ương', 'Bộ Chính trị', 'Ban Bí thư',
  'Mặt trận Tổ quốc Việt Nam', 'Mặt trận Tổ quốc', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'Thủ đô Hà Nội',
  // document types
  'Nghị quyết', 'Quyết định', 'Chỉ thị', 'Kế hoạch', 'Thông tư', 'Nghị định', 'Công văn', 'Hướng dẫn', 'Chương trình', 'Thông báo', 'Quy chế', 'Quy định',
  'Đề án', 'Phương án', 'Báo cáo', 'Tờ trình', 'Kết luận', 'Pháp lệnh', 'Bộ luật', 'Công điện', 'Thông tri', 'Hiến pháp',
];

/** Fields of state management (the ministries' and departments' names); `verb` when the word is also a verb. */
const FIELDS: [string, boolean][] = [
  ['Y tế', false], ['Nội vụ', false], ['Tài chính', false], ['Tư pháp', false], ['Công Thương', false], ['Ngoại vụ', false], ['Ngoại giao', false],
  ['Văn hóa', false], ['Tài nguyên', false], ['Môi trường', false], ['Giao thông', false], ['Giao thông vận tải', false], ['Khoa học', false],
  ['Nông nghiệp', false], ['Dân tộc', false], ['Quốc phòng', false], ['Kế hoạch', false], ['Lao động', false], ['Thương binh', false], ['Kinh tế', false],
  ['Tuyên giáo', false], ['Dân vận', false], ['Nội chính', false], ['Dân số', false], ['Thể thao', false], ['Du lịch', false],
  ['Xây dựng', true], ['Giáo dục', true], ['Đào tạo', true], ['Thông tin', true], ['Truyền thông', true], ['Tổ chức', true], ['Kiểm tra', true], ['Quản lý', true],
];

/** Agency types that, followed by a field, make one name. */
const AGENCY_TYPES = ['Sở', 'Bộ', 'Phòng', 'Cục', 'Chi cục', 'Tổng cục', 'Trung tâm', 'Văn phòng', 'Ban', 'Viện', 'Vụ', 'Trường', 'Đài', 'Hội', 'Hiệp hội', 'Đoàn', 'Ủy ban', 'Thanh tra', 'Bệnh viện'];
/** Words that open an organisation's name, whose next word (its function) is capitalised too: "Quỹ Phát triển …". */
const ORG_HEADS = new Set([...AGENCY_TYPES.map((t) => lower(t)), 'quỹ', 'công ty', 'tổng công ty', 'quân khu', 'đội', 'cụm', 'khu', 'hợp tác xã', 'liên đoàn', 'học viện', 'đại học']);
/** Words that make a compound with an agency type word: "cơ sở", "cán bộ", "dự phòng" are not agencies. */
const COMPOUND_HEADS = new Set(['cơ', 'trụ', 'cán', 'toàn', 'nội', 'đồng', 'tiến', 'dự', 'đề', 'quốc', 'thư', 'học', 'chi', 'tổng', 'ủy', 'bệnh', 'hiệp']);

const syllables = (s: string) => lower(s).split(' ');
const key = (ws: string[]) => ws.map(lower).join(' ');
const TERM_MAP = new Map(TERMS.map((t) => [key(syllables(t)), t]));
const FIELD_MAP = new Map(FIELDS.map(([f, verb]) => [key(syllables(f)), { form: f, verb }]));
const FIELD_TERMS = new Map(FIELDS.map(([f]) => [key(syllables(f)), f]));
const TYPE_MAP = new Map(AGENCY_TYPES.map((t) => [key(syllables(t)), t]));
/** For each table, the lengths (longest first) of its entries by their first syllable: only those are tried. */
const LENGTHS = new Map<Map<string, unknown>, Map<string, number[]>>(
  [TERM_MAP, FIELD_MAP, FIELD_TERMS, TYPE_MAP].map((m) => {
    const by = new Map<string, number[]>();
    for (const k of m.keys()) {
      const parts = k.split(' ');
      by.set(parts[0], [...new Set([...(by.get(parts[0]) ?? []), parts.length])].sort((a, b) => b - a));
    }
    return [m as Map<string, unknown>, by];
  }),
);
/** A fixed form has capitals past its first syllable ("Bộ Chính trị"): any deviation is reported. */
const isFixedForm = (t: string) => t.split(' ').slice(1).some(isCapitalised);

const UNIT = /(?<=[\p{L}\p{M}\d,)]\s+)(Tỉnh|Huyện|Xã|Thị xã|Thị trấn|Thành phố)(?![\p{L}\p{M}])/gu;
/** After an administrative unit word, these make it an organisation's name: "Tỉnh Đoàn", "Tỉnh ủy", "Xã đội". */
// (\s+ between words: a folded YAML value keeps its line breaks, "Hồ Chí⏎          Minh")
const UNIT_ORG = /\s+(?:ủy|uỷ|đoàn|hội|đội|ban|Ủy|Uỷ|Đoàn|Hội|Đội|Ban)(?![\p{L}\p{M}])|\s+\d|\s+Hồ\s+Chí\s+Minh/uy;
/** A number after white space, at lastIndex. */
const NUMBER_AFTER = /\s+\d/y;
/** Whether a sticky pattern matches at `at` (not at some later place: no copy of the rest of the text either). */
const matchesAt = (re: RegExp, text: string, at: number) => ((re.lastIndex = at), re.test(text));
const UNIT_WORDS = new Set(['tỉnh', 'huyện', 'xã', 'phường', 'quận', 'thị', 'phố', 'ấp', 'thôn', 'bản', 'khóm', 'tổ']);
// (\s+ between words here too: "quyết⏎    định số 12" in a folded value)
const DOC_TYPE_NUMBER = new RegExp(
  `(?<![\\p{L}])(${DOC_TYPES.map((t) => t.toLocaleLowerCase('vi').replace(/ /g, '\\s+')).join('|')})\\s+số\\s+\\d`,
  'gu',
);

interface W {
  w: string;
  index: number;
  end: number;
}

const capitalise = (w: string) => w[0].toUpperCase() + w.slice(1);

export const capitals: LocalRule = {
  id: 'viet-hoa',
  fixes: true,
  scope: 'value',
  description:
    'Viết hoa theo Phụ lục II Nghị định 30: tên cơ quan, chức vụ, loại văn bản viết hoa chữ đầu ("Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Thủ tướng Chính phủ", "Ban Giám đốc"); "Đảng Cộng sản Việt Nam"; "tỉnh Hậu Giang" (chữ "tỉnh" viết thường giữa câu); "Kế hoạch số 181/KH-SYT". Tên riêng (địa danh, "Tỉnh Đoàn") giữ nguyên.',
  examples: {
    ok: [
      'Sở Y tế Hậu Giang', 'trên địa bàn tỉnh Hậu Giang', 'Tỉnh ủy đã chỉ đạo', 'Sở Nội vụ', 'theo Kế hoạch số 13/KH-SYT', 'xây dựng kế hoạch tuyên truyền',
      'phối hợp với Tỉnh Đoàn Hậu Giang', 'Ủy ban nhân dân tỉnh Quảng Nam', 'Uỷ ban Kiểm tra Đảng uỷ xã', 'Thủ tướng Chính phủ', 'Đảng Cộng sản Việt Nam', 'Ban Giám đốc Bệnh viện', 'ông Lê Văn Hóa',
      'Sở tổ chức hội nghị', 'các cơ sở Y tế', 'Bộ Công Thương', 'Quận 1', 'Lao động - Thương binh và Xã hội', 'UBND TỈNH HẬU GIANG',
      'làm Trưởng Ban Chỉ đạo', 'phường Trung Tâm', 'Hiệp hội Du lịch thành phố', 'thống nhất cao; đến CCN Thống Nhất', 'thống nhất cao; đến Cụm công nghiệp Thống Nhất 1', 'phát triển khoa học; Quỹ Phát triển khoa học', 'của Tỉnh uỷ Lào Cai', 'nhà ở tại Thành phố Hồ Chí\n    Minh',
    ],
    notOk: [
      'gửi Sở y tế', 'theo quyết\n    định số 12/QĐ-UBND', 'Sở y Tế', 'của Tỉnh Lai Châu', 'báo cáo Bộ nội vụ', 'theo kế hoạch số 13/KH-SYT', 'tại quyết định số 225/QĐ-TTg', 'Ủy Ban Nhân Dân tỉnh', 'Sở Nội Vụ',
      'Bộ Y Tế', 'Sở Tài Chính', 'Hiệp Hội Du lịch', 'gửi sở Y tế', 'Đảng cộng sản Việt Nam', 'Thủ Tướng Chính Phủ', 'Ban Giám Đốc', 'theo Nghị Quyết của Tỉnh ủy', 'Ủy ban nhân dân Tỉnh', 'theo luật số 15/2012/QH13',
    ],
  },
  check(text, ctx) {
    const out: Finding[] = [];
    // words in ND30's tone placement ("Uỷ ban" reads as "Ủy ban"): the names are known in that spelling
    const words: W[] = [...text.matchAll(WORD)].map((m) => ({ w: ndSpelling(m[0].normalize('NFC')), index: m.index!, end: m.index! + m[0].length }));
    const lw = words.map((w) => lower(w.w));
    const gapOk = words.map((w, k) => k + 1 < words.length && /^[ \t\r\n]+$/.test(text.slice(w.end, words[k + 1].index)));
    const spaced = (a: W, b: W) => /^[ \t\r\n]+$/.test(text.slice(a.end, b.index));
    /** Words i..i+n-1 joined by spaces only, as a lower-case key. */
    const span = (i: number, n: number) => (i + n <= words.length && gapOk.slice(i, i + n - 1).every(Boolean) ? lw.slice(i, i + n).join(' ') : undefined);
    const match = <T>(map: Map<string, T>, i: number): { n: number; v: T } | undefined => {
      for (const n of LENGTHS.get(map)!.get(lw[i]) ?? []) {
        const k = span(i, n);
        const v = k === undefined ? undefined : map.get(k);
        if (v !== undefined) return { n, v };
      }
      return undefined;
    };
    const report = (from: W, to: W, right: string[], first: number, fixable = true) => {
      const wrong = words.slice(first, first + right.length);
      let fixed = '';
      wrong.forEach((w, k) => (fixed += (k ? text.slice(wrong[k - 1].end, w.index) : '') + right[k]));
      const was = text.slice(from.index, to.end);
      if (fixed !== ndSpelling(was)) out.push({ index: from.index, length: was.length, message: `viết hoa: "${was.replace(/\s+/g, ' ')}" → "${fixed.replace(/\s+/g, ' ')}"`, ...(fixable ? { fix: fixed } : {}) });
    };
    /** The word before i (spaces only between) is a capitalised word no rule explains: i continues a proper name. */
    const inName = (i: number, named: Set<number>) => i > 0 && spaced(words[i - 1], words[i]) && isCapitalised(words[i - 1].w) && !isAllCaps(words[i - 1].w) && !named.has(i - 1);

    /** Word i follows the generic word of an administrative unit: it starts a place name. */
    const afterUnit = (i: number) => i > 0 && spaced(words[i - 1], words[i]) && UNIT_WORDS.has(lower(words[i - 1].w));
    const named = new Set<number>(); // words a rule has explained as part of a name
    for (let i = 0; i < words.length; i++) {
      if (isAllCaps(words[i].w)) continue;
      // agency type + field: one name, both capitalised ("Sở Y tế")
      const type = match(TYPE_MAP, i);
      const field = type && match(FIELD_MAP, i + type.n);
      if (type && field && spaced(words[i + type.n - 1], words[i + type.n])) {
        const t = words[i];
        const f = words[i + type.n];
        const prev = words[i - 1];
        const compound = prev && spaced(prev, t) && COMPOUND_HEADS.has(lower(prev.w));
        if (!isCapitalised(t.w) && isCapitalised(f.w) && !isAllCaps(f.w) && !compound) report(t, t, [capitalise(t.w)], i);
        else if (isCapitalised(t.w) && !isCapitalised(f.w) && !field.v.verb) report(f, f, [capitalise(f.w)], i + type.n);
        for (let k = 0; k < type.n; k++) named.add(i + k);
      }
      // a compound of a named class: first syllable capitalised, the rest as the decree writes them
      const term = match(TERM_MAP, i) ?? match(FIELD_TERMS, i);
      if (term) {
        const ws = words.slice(i, i + term.n);
        const fixedForm = isFixedForm(term.v);
        const triggered = fixedForm ? ws.some((w) => isCapitalised(w.w)) : isCapitalised(ws[0].w);
        // "phường Trung Tâm" is a place; "Trưởng Ban Chỉ đạo" holds the name "Ban Chỉ đạo"
        const place = afterUnit(i);
        const longer = ws.some((_, k) => k > 0 && (match(TERM_MAP, i + k)?.n ?? 0) + k > term.n);
        if (triggered && !place && !longer && !ws.some((w) => isAllCaps(w.w)) && (fixedForm || !inName(i, named))) {
          const right = term.v.split(' ').map((s, k) => (k === 0 && !fixedForm ? ws[0].w : s));
          report(ws[0], ws[ws.length - 1], right, i);
        }
        for (let k = 0; k < term.n; k++) named.add(i + k);
        i += term.n - 1;
        continue;
      }
      // a pair the plan writes in lower case elsewhere is a common word, not a name ("Tuyên Truyền")
      const next = words[i + 1];
      const startsName = () => match(TERM_MAP, i + 1) ?? match(FIELD_TERMS, i + 1) ?? match(TYPE_MAP, i + 1); // "Ngành Y tế": "Y" heads a field
      if (next && spaced(words[i], next) && isCapitalised(words[i].w) && isCapitalised(next.w) && !isAllCaps(next.w) && ctx.lowerPairs.has(key([words[i].w, next.w])) && !startsName()) {
        // a place ("phường Thống Nhất", "CCN Thống Nhất") or an organisation's function ("Quỹ Phát triển …")
        // or a name with a number ("Cụm công nghiệp Thống Nhất 1")
        const nameSlot = afterUnit(i) || (i > 0 && spaced(words[i - 1], words[i]) && isAllCaps(words[i - 1].w)) || ORG_HEADS.has(lower(words[i].w)) || matchesAt(NUMBER_AFTER, text, next.end);
        // a guess from the plan's own words: reported, never fixed, since a name may look like a common word
        if (!nameSlot && !inName(i, named)) report(next, next, [lower(next.w)], i + 1, false);
      }
    }
    // the generic word of an administrative unit, mid-sentence
    for (const m of text.matchAll(UNIT)) {
      if (matchesAt(UNIT_ORG, text, m.index! + m[0].length)) continue;
      out.push({ index: m.index!, length: m[0].length, message: `viết hoa: "${m[0]}" giữa câu viết thường: "${lower(m[0])}"`, fix: lower(m[0]) });
    }
    // a specific document: its type capitalised ("Kế hoạch số 181/KH-SYT")
    for (const m of text.matchAll(DOC_TYPE_NUMBER)) {
      const right = capitalise(m[1]);
      out.push({ index: m.index!, length: m[1].length, message: `viết hoa tên loại văn bản cụ thể: "${m[1].replace(/\s+/gu, ' ')}" → "${right.replace(/\s+/gu, ' ')}"`, fix: right });
    }
    return onePerPlace(out);
  },
};
