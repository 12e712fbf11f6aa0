// Citations of other documents (Nghị định 30, Điều 9 and Phụ lục I): the first time a document is
// cited it is cited in full (type, number, date, issuer, subject), later only by type and number.
// A document is its number and its date: numbers start again each year, so one number with two dates
// in one year is a contradiction, and in two years it is two documents.
import { DOC_NUMBER_FORM } from '../text/doc-number.js';
import { ndNumericDate } from '../text/dates.js';
import { LETTERS, type Finding, type PlanRule, type Text } from './types.js';

export const DOC_NUMBER = new RegExp(`(?<![${LETTERS}\\d/-])${DOC_NUMBER_FORM}(?![${LETTERS}\\d])`, 'gu');
/** The same without the g flag, for test(): a g regex keeps a lastIndex that matchAll would start from. */
const HAS_NUMBER = new RegExp(DOC_NUMBER.source, 'u');

/** Document types as they are written, either case for each syllable ("Nghị quyết", "nghị Quyết"). */
const TYPES = ['Nghị quyết', 'Quyết định', 'Kế hoạch', 'Chỉ thị', 'Thông tư', 'Nghị định', 'Công văn', 'Hướng dẫn', 'Chương trình', 'Thông báo', 'Quy chế', 'Quy định', 'Kết luận', 'Thông tri', 'Đề án', 'Báo cáo', 'Luật', 'Pháp lệnh', 'Công điện']
  .map((t) => t.split(' ').map((s) => `[${s[0].toUpperCase()}${s[0].toLowerCase()}]${s.slice(1)}`).join('\\s+'))
  .join('|');
const CITATION = new RegExp(`(?<![${LETTERS}])(${TYPES})\\s+(?:số:?\\s*)?(${DOC_NUMBER_FORM})(?![${LETTERS}\\d])`, 'gu');
const DATE = '(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})';
/** The date after the number, the issuer possibly between: "số 34-NQ/TU của Tỉnh ủy Lào Cai ngày 27/12/2025". */
const DATE_AFTER = new RegExp(`[\\s,]*(?:của(?:\\s+[${LETTERS}]+){1,8}[\\s,]+)?(?:(?:được\\s+)?ban\\s+hành\\s+)?ngày\\s+(?:${DATE})`, 'uy');
const DATE_BEFORE = new RegExp(`[Nn]gày\\s+(?:${DATE})`, 'gu');

/** Values that name someone or something; a number in them is part of a name, not a citation. */
export const NAME_KEYS = new Set(['ten_co_quan', 'ten', 'ten_dong', 'co_quan_ban_hanh', 'co_quan_chu_quan', 'noi_nhan', 'luu', 'chuc_vu', 'ho_ten', 'thu_truong', 'thay_mat', 'cap_tren']);

const dayOf = (m: RegExpMatchArray | RegExpExecArray, at: number) => {
  const [d, mo, y] = m[at] !== undefined ? [m[at], m[at + 1], m[at + 2]] : [m[at + 3], m[at + 4], m[at + 5]];
  // day: the key two citations compare by; shown: as ND30 writes it in a message ("08/4/2025")
  return { day: `${d.padStart(2, '0')}/${mo.padStart(2, '0')}/${y}`, shown: ndNumericDate(`${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`), year: y };
};

/** How far back the head of a citation's sentence is looked for: a sentence's opening date is near; a bound keeps a text of many citations linear. */
const SENTENCE_REACH = 1000;

/** The date a citation gives: after the number, or at the head of its sentence ("Ngày …, Chính phủ ban hành Nghị định số …"). */
function dateOf(text: string, from: number, to: number): ReturnType<typeof dayOf> | undefined {
  DATE_AFTER.lastIndex = to;
  const after = DATE_AFTER.exec(text);
  if (after) return dayOf(after, 1);
  const head = text.slice(Math.max(0, from - SENTENCE_REACH), from);
  const sentence = head.slice(Math.max(0, ...[...head.matchAll(/[.;!?:](?=\s)/g)].map((m) => m.index! + 1)));
  // the sentence cites nothing before this document, so its date is this document's
  if (HAS_NUMBER.test(sentence)) return undefined;
  const before = [...sentence.matchAll(DATE_BEFORE)].pop();
  return before ? dayOf(before, 1) : undefined;
}

export const citations: PlanRule = {
  id: 'trich-dan',
  scope: 'plan',
  description:
    'Văn bản trích dẫn lần đầu ghi đủ loại, số ký hiệu, ngày ban hành, cơ quan ban hành và trích yếu; lần sau chỉ ghi loại và số ký hiệu. Một văn bản là số ký hiệu cùng ngày ban hành: cùng số, khác ngày trong cùng một năm là mâu thuẫn.',
  examples: {
    ok: [
      'Thực hiện Kế hoạch số 13/KH-SYT ngày 26/01/2022 của Sở Y tế về CCHC ¶ Triển khai Kế hoạch số 13/KH-SYT.',
      'Chỉ thị số 05/CT-TTg ngày 15/02/2016 của Thủ tướng Chính phủ ¶ Chỉ thị số 05/CT-TTg ngày 22/01/2019 của Thủ tướng Chính phủ',
      'Ngày 08/11/2011, Chính phủ ban hành Nghị quyết số 30c/NQ-CP về Chương trình tổng thể cải cách hành chính ¶ theo Nghị quyết số 30c/NQ-CP',
      'Nghị quyết số 12-NQ/TU ngày 10/3/2022 của Tỉnh ủy về phát triển công nghiệp ¶ Quyết định số 09-QĐ/TW ngày 02/5/2021 của Ban Chấp hành Trung ương',
      'Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh ủy Lào Cai ngày 27/12/2025 về phát triển các khu, cụm công nghiệp',
      'Luật số 146/2025/QH15 ngày 10/12/2025 của Quốc hội',
    ],
    notOk: [
      'Thực hiện Kế hoạch số 13/KH-SYT ngày 26/01/2022 của Sở Y tế về CCHC ¶ theo Kế hoạch số 13/KH-SYT ngày 26/01/2022 của Sở Y tế.',
      'theo Chỉ thị số 26/CT-TTg của Thủ tướng Chính phủ.',
      'theo Chỉ thị số 35-CT/TW của Bộ Chính trị.',
      'Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ ¶ theo Nghị định số 30/2020/NĐ-CP ngày 05/6/2020',
      'Quyết định số 225/QĐ-TTg ngày 04/02/2016 của Thủ tướng Chính phủ ¶ Quyết định số 225/QĐ-TTg ngày 14/02/2016',
    ],
  },
  check(texts: Text[]) {
    const out: { at: number; finding: Finding }[] = [];
    const seen = new Map<string, { day?: string; shown?: string; year?: string }[]>();
    texts.forEach((t, at) => {
      // the plan's trích yếu and its decision's are titles: the body still cites in full (a cited document's subject,
      // printed in its căn cứ sentence, cites)
      if (NAME_KEYS.has(t.key) || t.title) return;
      for (const m of t.text.matchAll(CITATION)) {
        const type = m[1].replace(/\s+/g, ' ');
        const number = m[2];
        const date = dateOf(t.text, m.index!, m.index! + m[0].length);
        const earlier = seen.get(number) ?? [];
        const finding = (message: string) => out.push({ at, finding: { index: m.index!, length: m[0].length, message } });
        if (date) {
          const year = /\/(\d{4})\//.exec(number)?.[1] ?? date.year; // a number with its year is one document
          const same = earlier.find((e) => e.day && (/\/\d{4}\//.test(number) || e.year === year));
          if (same?.day === date.day) finding(`${type} số ${number} đã trích dẫn đầy đủ trước đó; lần sau chỉ ghi "${type} số ${number}"`);
          else if (same) finding(`${type} số ${number} ngày ${date.shown} không khớp với lần trích dẫn trước (ngày ${same.shown}); cùng số ký hiệu trong cùng năm là một văn bản`);
          else earlier.push({ day: date.day, shown: date.shown, year });
        } else if (!earlier.length) {
          finding(`trích dẫn lần đầu ${type} số ${number} phải ghi đủ ngày ban hành, cơ quan ban hành và trích yếu (Nghị định 30)`);
          earlier.push({});
        }
        seen.set(number, earlier);
      }
    });
    return out;
  },
};
