// ND30 and Vietnamese rules beyond the schema. Each rule reads the text of one value (local rules) or
// all values in document order (plan-wide rules) and returns findings with offsets into that text and,
// where a fix is safe, its replacement. Every rule carries ok / not-ok examples that its test runs.
import { isRealDate, ndDay, ndMonth } from '../text/dates.js';
import { roman } from '../plan/normalize.js';
import { isUpper } from '../text/normalize-text.js';
import { abbreviations } from './abbreviations.js';
import { capitals } from './capitals.js';
import { citations } from './citations.js';
import type { Finding, LocalRule, PlanRule, Rule } from './types.js';
import { misread, noDiacritics, repeatedWords, splitWords } from './words.js';
import { starterLeft } from './starter.js';

export type { Context, Finding, LocalRule, PlanRule, Rule, Text } from './types.js';

// ------------------------------------------------------------------ punctuation

const spacing: LocalRule = {
  id: 'dau-cach',
  fixes: true,
  scope: 'value',
  description: 'Không có dấu cách trước dấu câu (, . ; : ! ? )) và sau dấu mở ngoặc, không có giữa số và ký hiệu văn bản (4179/KH-UBND); có dấu cách sau dấu phẩy, chấm phẩy, hai chấm trước một chữ.',
  examples: {
    ok: ['Sở Y tế, doanh nghiệp.', 'giai đoạn 2016 - 2020', 'thực hiện./.', '(nếu có)', 'UBND TỈNH ...', 'các hình thức khác ...', 'tỷ lệ 1:500, mức 3,4', 'https://sonla.gov.vn', 'ngày 20/6, số 12/KH-SYT'],
    notOk: ['trực thuộc Sở Y tế , doanh nghiệp', 'trên địa bàn tỉnh .', 'kinh phí ( nếu có)', 'Kế hoạch 2019 ;', 'gửi qua Email:ten@gmail.com', 'Sở Y tế,doanh nghiệp', 'Kế hoạch số 4179 /KH-UBND', 'Kế hoạch số 75/KH- UBND', 'Quyết định số 12/ QĐ-UBND'],
  },
  check(text) {
    const out: Finding[] = [];
    // a document's number and its ký hiệu are one word: "4179 /KH-UBND"
    for (const m of text.matchAll(/(?<=\d)( +)(?=\/\p{Lu})/gu)) out.push({ index: m.index!, length: m[0].length, message: 'dấu cách thừa giữa số và ký hiệu văn bản', fix: '' });
    // … and so are its parts: "75/KH- UBND" (a line a PDF broke after the hyphen), "12/ QĐ-UBND"
    for (const m of text.matchAll(/(?<=\d\/(?:[\p{Lu}\d]+-)*)( +)(?=\p{Lu})/gu))
      out.push({ index: m.index!, length: m[0].length, message: 'dấu cách thừa trong ký hiệu văn bản', fix: '' });
    // a letter straight after "," ";" ":" (a number after them may be a decimal or a ratio: left alone)
    for (const m of text.matchAll(/(?<=\p{L})([,;:])(?=\p{L})/gu)) out.push({ index: m.index!, length: 1, message: `thiếu dấu cách sau "${m[1]}"`, fix: `${m[1]} ` });
    for (const m of text.matchAll(/(?<=\S)( +)([,;:!?)]|\.(?![./]))/g)) out.push({ index: m.index!, length: m[0].length, message: `dấu cách thừa trước "${m[2]}"`, fix: m[2] });
    for (const m of text.matchAll(/\(( +)(?=\S)/g)) out.push({ index: m.index!, length: m[0].length, message: 'dấu cách thừa sau "("', fix: '(' });
    return out;
  },
};

/**
 * A whole value inside Word's curly quotes (“…”): YAML's straight quotes that Word's AutoCorrect turned, which then
 * print around the paragraph. A phrase quoted inside a sentence is the writer's, and stays.
 */
const curlyQuoted: LocalRule = {
  id: 'nhay-cong',
  fixes: true,
  scope: 'value',
  description: 'Cả giá trị nằm trong dấu nháy cong “…” (Word tự đổi dấu nháy thẳng khi gõ hay chép): các dấu nháy ấy sẽ được in quanh cả đoạn; --fix bỏ chúng. Dấu nháy quanh một cụm từ trong câu được giữ.',
  examples: {
    ok: ['Tổ chức “Ngày chuyển đổi số” hằng tháng.', '“Ngày chuyển đổi số” và “Ngày pháp luật”', 'Ủy ban nhân dân huyện ban hành Kế hoạch như sau:'],
    notOk: ['“Ủy ban nhân dân huyện ban hành Kế hoạch như sau:”', '‘Tam Nông’'],
  },
  check(text) {
    const m = /^([“‘])([^“”‘’]+)([”’])$/u.exec(text);
    return m && (m[1] === '“') === (m[3] === '”') ? [{ index: 0, length: text.length, message: `cả giá trị nằm trong dấu nháy cong ${m[1]}…${m[3]} (Word tự đổi dấu nháy của YAML), nên các dấu nháy này sẽ được in ra; nếu không muốn in, hãy bỏ chúng`, fix: m[2] }] : [];
  },
};

const doubled: LocalRule = {
  id: 'dau-lap',
  fixes: true,
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
  fixes: true,
  scope: 'value',
  description: 'Khoảng số (năm, ngày) dùng gạch nối cân đối: "2022 - 2025" hoặc "2022-2025", không "2022 -2025".',
  examples: { ok: ['giai đoạn 2022 - 2025', 'giai đoạn 2021-2030', 'kinh tế - xã hội'], notOk: ['giai đoạn 2022 -2025', 'giai đoạn 2022- 2025'] },
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(/(\d+) (-)(\d+)|(\d+)(-) (\d+)/g)) {
      out.push({ index: m.index!, length: m[0].length, message: `gạch nối lệch trong "${m[0]}"; viết "${(m[1] ?? m[4])} - ${(m[3] ?? m[6])}"`, fix: `${m[1] ?? m[4]} - ${m[3] ?? m[6]}` });
    }
    return out;
  },
};

// ------------------------------------------------------------------ dates in the body

const DATE_NUM = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
const DATE_WORDS = /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/g;
/** The date a DATE_NUM or DATE_WORDS match writes, as YYYY-MM-DD. */
const isoOf = (m: RegExpMatchArray): string => `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;

const badDates: LocalRule = {
  id: 'ngay-khong-co',
  scope: 'value',
  description: 'Ngày trong nội dung phải có trên lịch.',
  examples: { ok: ['ngày 08/11/2011', 'ngày 29 tháng 02 năm 2024'], notOk: ['ngày 30/02/2019', 'ngày 31 tháng 4 năm 2020'] },
  check(text) {
    const out: Finding[] = [];
    for (const re of [DATE_NUM, DATE_WORDS]) {
      for (const m of text.matchAll(re)) {
        if (!isRealDate(isoOf(m))) out.push({ index: m.index!, length: m[0].length, message: `ngày "${m[0]}" không có trên lịch` });
      }
    }
    return out;
  },
};

/** §8b: a date written in figures in the text takes ô 4's zeros, as every date kehoach prints does. */
const dateZeros: LocalRule = {
  id: 'ngay-so',
  fixes: true,
  scope: 'value',
  description: 'Ngày viết bằng số theo cùng quy tắc số 0 của ô 4 (Nghị định 30), như mọi ngày kehoach in: ngày dưới 10 và tháng 1, 2 có số 0 ở trước, các tháng khác không (08/11/2011, 04/02/2016, 05/3/2024; không viết 5/3/2024 hay 05/03/2024).',
  examples: { ok: ['ngày 08/11/2011', 'ngày 04/02/2016, ngày 05/3/2024', 'tỷ lệ 1/2, Quý 1/2026', 'ngày 30/02/2019'], notOk: ['ngày 4/2/2026', 'trước ngày 28/2/2020', 'ngày 08/03/2024'] },
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(DATE_NUM)) {
      if (!isRealDate(isoOf(m))) continue; // ngay-khong-co says so
      const want = `${ndDay(Number(m[1]))}/${ndMonth(Number(m[2]))}/${m[3]}`;
      if (want !== m[0]) out.push({ index: m.index!, length: m[0].length, message: `ngày "${m[0]}" viết theo quy tắc số 0 của Nghị định 30: "${want}"`, fix: want });
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
    const found: { at: number; index: number; length: number; kind: 'so' | 'chu'; text: string }[] = [];
    texts.forEach((t, at) => {
      // a structured citation's date prints as its kieu_ngay says, not as the text stands in for it
      if (t.synthetic) return;
      for (const m of t.text.matchAll(DATE_NUM)) found.push({ at, index: m.index!, length: m[0].length, kind: 'so', text: m[0] });
      for (const m of t.text.matchAll(DATE_WORDS)) found.push({ at, index: m.index!, length: m[0].length, kind: 'chu', text: m[0] });
    });
    found.sort((a, b) => a.at - b.at || a.index - b.index);
    const so = found.filter((f) => f.kind === 'so').length;
    const chu = found.length - so;
    if (!so || !chu) return [];
    const minority = so >= chu ? 'chu' : 'so';
    const majority = found.find((f) => f.kind !== minority)!.text; // the plan's own first date of the usual kind
    return found
      .filter((f) => f.kind === minority)
      .map((f) => ({ at: f.at, finding: { index: f.index, length: f.length, message: `ngày "${f.text}" viết khác kiểu với phần lớn kế hoạch (như "${majority}")` } }));
  },
};

// ------------------------------------------------------------------ recipients

/**
 * "Như Điều 3" in the nơi nhận sends the document to those an article names: a decision's form. A plan has no
 * articles (the line comes from a decision's template); a decision must have that article.
 */
const articleRecipients: PlanRule = {
  id: 'nhu-dieu',
  scope: 'plan',
  wholeFile: true, // the decision's articles against the recipients written at the top of the file
  description: 'Nơi nhận "Như Điều 3" chỉ đúng với quyết định có điều ấy: kế hoạch không có điều (dòng chép từ mẫu quyết định); quyết định phải có điều được nhắc.',
  examples: { ok: ['Sở Nội vụ ¶ Các đơn vị trực thuộc', 'Thực hiện như Điều 3 của Nghị định.', 'Như Điều 3 Luật này quy định, các cơ quan phải báo cáo.'], notOk: ['Như Điều 3 ¶ Sở Nội vụ', 'Như Điều 2 (để thực hiện);'] },
  check(texts) {
    // a decision's articles are its "dieu" values (the plan it issues is in the same file)
    const articles = texts.filter((t) => t.key === 'dieu').length;
    const out: { at: number; finding: Finding }[] = [];
    texts.forEach((t, at) => {
      // the whole value, as a recipient is written ("Như Điều 3", "Như Điều 3 (để thực hiện);"), not a sentence
      const m = /^(["']?)(Như Điều (\d+))(?:\s*\([^)]*\))?\s*[;.,]?\1$/u.exec(t.text);
      if (!m || (articles && Number(m[3]) <= articles)) return;
      const message = articles
        ? `quyết định có ${articles} điều, không có Điều ${m[3]}: hãy sửa số điều trong "${m[2]}"`
        : `"${m[2]}" là cách ghi nơi nhận của quyết định, kế hoạch không có điều: hãy ghi tên các cơ quan, đơn vị nhận`;
      out.push({ at, finding: { index: m[1].length, length: m[2].length, message } });
    });
    return out;
  },
};

/**
 * ND30 §8 [R]: the plan's body refers to each appendix: to "Phụ lục" when there is one, to "Phụ lục I", "Phụ lục II" …
 * (or 1, 2 …) when there are several. A missing reference is said at the appendix's title.
 */
const appendixRefs: PlanRule = {
  id: 'phu-luc-dan-chieu',
  scope: 'plan',
  description: 'Nội dung kế hoạch phải dẫn chiếu tới từng phụ lục (Nghị định 30): có một phụ lục thì nhắc "Phụ lục", có nhiều thì nhắc "Phụ lục I", "Phụ lục II" … ở chỗ liên quan.',
  examples: {
    ok: ['Danh mục nhiệm vụ tại Phụ lục kèm theo. ¶ [phụ lục] Danh mục nhiệm vụ', 'Chi tiết tại Phụ lục I. ¶ Xem Phụ lục II. ¶ [phụ lục] Nhiệm vụ ¶ [phụ lục] Kinh phí', 'Không có phụ lục.'],
    notOk: ['Tổ chức thực hiện. ¶ [phụ lục] Danh mục nhiệm vụ', 'Chi tiết tại Phụ lục II. ¶ [phụ lục] Nhiệm vụ ¶ [phụ lục] Kinh phí'],
  },
  check(texts) {
    const titles = texts.flatMap((t, at) => (t.appendixTitle ? [at] : []));
    if (!titles.length) return [];
    const body = texts.filter((t) => !t.appendix && !t.synthetic).map((t) => t.text).join('\n');
    const named = (k: number) =>
      titles.length === 1 ? /phụ lục/iu.test(body) : new RegExp(`phụ lục\\s+(?:số\\s+)?(?:${roman(k + 1)}|${k + 1})(?![\\p{L}\\d])`, 'iu').test(body);
    const name = (k: number) => (titles.length === 1 ? 'Phụ lục' : `Phụ lục ${roman(k + 1)}`);
    return titles.flatMap((at, k) =>
      named(k) ? [] : [{ at, finding: { index: 0, length: texts[at].text.length, message: `nội dung kế hoạch chưa nhắc tới ${name(k)} (Nghị định 30: nội dung dẫn chiếu tới từng phụ lục); hãy ghi, ví dụ, "(chi tiết tại ${name(k)})" ở chỗ liên quan` } }],
    );
  },
};

/** ND30 ô 5a [R]: a trích yếu is written in lower case (bold): the plan's own, and its decision's. */
const subjectInCapitals: PlanRule = {
  id: 'trich-yeu-hoa',
  scope: 'plan',
  description: 'Trích yếu của kế hoạch (và của quyết định ban hành nó) viết chữ thường, đậm (Nghị định 30, ô 5a); viết in hoa cả câu là sai thể thức, dù nhiều văn bản vẫn làm vậy.',
  examples: {
    ok: ['[trích yếu] Tuyên truyền cải cách hành chính năm 2026', '[trích yếu] Triển khai Nghị định số 30/2020/NĐ-CP', 'NỘI DUNG THỰC HIỆN'],
    notOk: ['[trích yếu] TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
  },
  check(texts) {
    return texts.flatMap((t, at) =>
      t.title && isUpper(t.text.replace(/^[>|][-+]?\s*/u, ''))
        ? [{ at, finding: { index: 0, length: t.text.length, message: 'trích yếu viết in hoa cả câu; Nghị định 30 viết trích yếu bằng chữ thường, đậm (chỉ viết hoa chữ đầu và tên riêng)' } }]
        : [],
    );
  },
};

export const RULES: Rule[] = [splitWords, noDiacritics, misread, repeatedWords, capitals, spacing, curlyQuoted, doubled, ranges, badDates, dateZeros, dateFormats, citations, abbreviations, starterLeft, articleRecipients, appendixRefs, subjectInCapitals];
