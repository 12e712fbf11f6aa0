// Words damaged on the way from PDF or a keyboard: a syllable cut by a stray space, Vietnamese typed
// without marks, a word written twice. Judged by syllable structure (syllable.ts), not by word lists.
import { bare, isSplit, hasVietnameseMarks, isSyllable, needsMarks } from './syllable.js';
import { isAllCaps, LETTERS, lower, WORD, type Context, type Finding, type LocalRule } from './types.js';
import { ndSpelling } from '../text/normalize-text.js';

export const splitWords: LocalRule = {
  id: 'chu-bi-tach',
  fixes: true,
  scope: 'value',
  description:
    'Âm tiết bị tách bởi dấu cách thừa (lỗi sao chép từ PDF), xét theo cấu tạo âm tiết tiếng Việt: "T uyên", "Kế hoạc h", "trư ờng", "nhi ệm" ("ờng", "ệm" không thể đứng đầu một âm tiết), "201 8".',
  examples: {
    ok: ['Tuyên truyền cải cách hành chính', 'ngành Y tế năm 2019', 'điểm a khoản 2 Điều 5', 'giai đoạn 2016 - 2020', 'ISO 9001: 2015', 'mạng internet', 'video clips', 'nhà ở xã hội', 'đi ô tô', 'khu ấy'],
    notOk: ['T uyên truyền', 'Kế hoạc h CCHC', 'tỉnh Hậ u Giang', 'năm 201 8', 'cô ng tác', 'các B ộ, ngành', 'kịp t hời', 'nhà trư ờng', 'nhi ệm vụ', 'T uy ên truyền', 'phả i làm', 'phê du yệt', 'củ a Sở', 'Phó Gi ám đốc'],
  },
  check(text, ctx) {
    const out: Finding[] = [];
    const known = (w: string) => ctx.words.has(w);
    // two tokens separated by spaces on one line, each made of letters, or digits that make a year
    const re = new RegExp(`(?<![${LETTERS}\\d])([${LETTERS}]+|\\d+)( +)([${LETTERS}]+|\\d+)(?![${LETTERS}\\d])`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [, a, gap, b] = m;
      let split = false;
      if (/^\d+$/.test(a) && /^\d+$/.test(b)) split = a.length + b.length === 4 && /^(19|20)\d\d$/.test(a + b) && a.length < 4;
      else if (!/\d/.test(a + b) && !isAllCaps(a) && !isAllCaps(b)) split = isSplit(a, b, known);
      const last = out[out.length - 1];
      if (split && last && m.index < last.index + last.length) {
        // a syllable cut twice ("T uy ên") is one finding
        const whole = text.slice(last.index, m.index + m[0].length);
        Object.assign(last, { length: whole.length, message: `chữ bị tách: "${whole}" → "${whole.replace(/ +/g, '')}"`, fix: whole.replace(/ +/g, '') });
        re.lastIndex = m.index + a.length + gap.length;
      } else if (split) {
        out.push({ index: m.index, length: m[0].length, message: `chữ bị tách: "${m[0]}" → "${a}${b}"`, fix: a + b });
        re.lastIndex = m.index + a.length + gap.length; // b may start the next pair
      } else re.lastIndex = m.index + a.length; // slide by one token
    }
    return out;
  },
};

/** A word inside an address, a file name or a code ("www.soyte.gov.vn", "abc@gmail.com"), not prose. */
const inCode = (text: string, from: number): boolean => {
  const spans = codeSpans(text);
  // the last span starting at or before `from` (binary search: a text of one long run costs no more than many words)
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][0] <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && from < spans[lo - 1][1];
};

/** The runs between spaces that are code, of the text read last (the rules read a value's words one after another). */
let spansOf: { text: string; spans: [number, number][] } = { text: '', spans: [] };
function codeSpans(text: string): [number, number][] {
  if (spansOf.text !== text) {
    const spans: [number, number][] = [];
    for (const m of text.matchAll(/[^ ]+/g)) if (/[@/_\\]|\p{L}\.\p{L}|:\/\//u.test(m[0])) spans.push([m.index!, m.index! + m[0].length]);
    spansOf = { text, spans };
  }
  return spansOf.spans;
}

/**
 * Words the plan writes so only here (`odd` tells which to look at), beside a word the plan pairs with another
 * form of them, the same letters with other marks, at least three times elsewhere: "hành chinh", "hành chình"
 * where it writes "hành chính". A typing slip the plan itself shows; a word of its own is written more than once.
 * `bothSides`: that form must also go with the word on the other side as the plan writes it somewhere, or that
 * word be a grammatical one ("địa phương thực hiện" is no reason to doubt "phương thức quản lý": "thực quản" is
 * written nowhere; "tổ chửc của" is doubted: "của" goes with anything).
 */
function pairTwins(text: string, ctx: Context, odd: (w: string) => boolean, bothSides = false): { index: number; length: number; word: string; pair: string; twin: string; n: number }[] {
  const words = [...text.matchAll(WORD)];
  const joined = (a?: RegExpMatchArray, b?: RegExpMatchArray) => !!a && !!b && /^\s+$/.test(text.slice(a.index! + a[0].length, b.index));
  const out: ReturnType<typeof pairTwins> = [];
  words.forEach((m, i) => {
    const w = m[0];
    if (w !== lower(w) || !odd(w) || inCode(text, m.index!)) return;
    const before = joined(words[i - 1], m) ? lower(words[i - 1][0]) : undefined;
    const after = joined(m, words[i + 1]) ? lower(words[i + 1][0]) : undefined;
    const sides = [
      before !== undefined && { pair: `${before} ${w}`, key: `${before} ${bare(w)}`, other: (t: string) => after === undefined || FUNCTION_WORDS.has(after) || ctx.pairs.has(`${t} ${after}`), at: 1 },
      after !== undefined && { pair: `${w} ${after}`, key: `${bare(w)} ${after}`, other: (t: string) => before === undefined || FUNCTION_WORDS.has(before) || ctx.pairs.has(`${before} ${t}`), at: 0 },
    ];
    // the word with its other neighbour is a set phrase ("thi hành kể từ ngày": "kể từ", not a slip for "hành kế")
    if ((after !== undefined && SET_PHRASES.has(`${w} ${after}`)) || (before !== undefined && SET_PHRASES.has(`${before} ${w}`))) return;
    for (const side of sides) {
      if (!side) continue;
      const [twin, n] = [...(ctx.markedPairs.get(side.key) ?? [])].filter(([f]) => f !== side.pair).sort((x, y) => y[1] - x[1])[0] ?? [];
      if (!twin || n < 3 || (bothSides && !side.other(twin.split(' ')[side.at]))) continue;
      out.push({ index: m.index!, length: w.length, word: w, pair: side.pair, twin, n });
      return;
    }
  });
  return out;
}

export const noDiacritics: LocalRule = {
  id: 'khong-dau',
  scope: 'value',
  description:
    'Tiếng Việt viết không dấu (lỗi OCR, bàn phím): cả đoạn hầu như không dấu, hoặc trong câu có dấu có chữ chỉ thành âm tiết tiếng Việt khi thêm dấu ("ke hoach": "hoach" cần dấu sắc hoặc nặng), hoặc hai chữ liền nhau không dấu mà kế hoạch chỉ viết ở chỗ đó, trong khi chỗ khác viết có dấu ("phan cong" / "phân công"), hoặc một chữ không dấu bên cạnh một chữ mà kế hoạch viết cùng cặp có dấu ít nhất ba lần ("hành chinh" / "hành chính").',
  examples: {
    ok: ['Tuyên truyền công tác cải cách hành chính năm 2024', 'PAR INDEX, SIPAS, PAPI, DTI', 'Email: abc@gmail.com', 'trên môi trường mạng internet, zalo, video clip', 'Trang thông tin điện tử www.soyte.haugiang.gov.vn', 'Sở ban hành các bản kế hoạch, các bản sao, các bản chính gửi các ban, ngành', 'nội dung tuyên truyền; xây dựng và ban hành, xây dựng và triển khai, xây dựng và kiểm tra; nội dung và hình thức', 'hành chính, hành chính công, hành chính nhà nước; chinh phục', 'báo cáo cơ chế; không bao che vi phạm'],
    notOk: ['Tuyen truyen cong tac cai cach hanh chinh nam 2024', 'Nang cao nhan thuc, vai tro, trach nhiem cua nguoi dung dau', 'Sở Y tế ban hành ke hoach tuyên truyền năm 2024', 'nâng cao nhan thuc của cán bộ', 'Sở Y tế phân công nhiệm vụ; các phòng phan cong lại', 'thủ tục hành chính, hành chính công, hành chính nhà nước và cải cách hành chinh', 'chính sách, chính sách mới, chính sách xã hội và chinh sách khác'],
  },
  check(text, ctx) {
    const words = [...text.matchAll(/[\p{L}\p{M}]+/gu)].filter((m) => !inCode(text, m.index!));
    const lowerWords = words.filter((m) => m[0] !== m[0].toUpperCase() || m[0].length === 1);
    if (lowerWords.length < 3) return [];
    const marked = lowerWords.filter((m) => hasVietnameseMarks(m[0])).length;
    if (marked / lowerWords.length <= 0.2) {
      if (lowerWords.length < 5) return [];
      // words that could only be Vietnamese with marks: "cach", "nguoi"
      const toneless = lowerWords.map((m) => m[0]).filter(needsMarks);
      if (toneless.length < 2) return [];
      return [{ index: 0, length: Math.min(text.length, 40), message: `đoạn chữ có vẻ là tiếng Việt viết không dấu ("${toneless.slice(0, 3).join('", "')}" ...); hãy gõ lại có dấu` }];
    }
    // an accented text: runs of unmarked words with one that needs marks ("ke hoach"), or with two
    // that the plan writes only here, each the twin of a marked word it writes elsewhere ("phan cong")
    const out: Finding[] = [];
    let run: RegExpMatchArray[] = [];
    const lone = (w: string) => w === lower(w) && ctx.counts.get(w) === 1 && ctx.bareOfMarked.has(w);
    // (two lone words: only where the plan writes the two together with marks; "bao che" is a phrase of its own
    // though the plan writes "báo" and "chế")
    const twins = (ws: RegExpMatchArray[]) => {
      const n = ws.filter((m) => lone(m[0])).length;
      const markedElsewhere = ws.some((m, i) => i > 0 && ctx.barePairs.has(lower(`${ws[i - 1][0]} ${m[0]}`)));
      return (n >= 2 && markedElsewhere) || (n >= 1 && ws.length >= 3 && ws.every((m) => ctx.bareOfMarked.has(lower(m[0]))));
    };
    const flush = () => {
      if (run.some((m) => needsMarks(lower(m[0])) && m[0] === lower(m[0])) || twins(run)) {
        // the run's ends that the plan also writes unmarked elsewhere are ordinary words ("liên quan")
        const odd = (m: RegExpMatchArray) => needsMarks(lower(m[0])) || lone(m[0]);
        const first = run.find(odd) ?? run[0];
        const last = run.findLast(odd) ?? run[run.length - 1];
        const span = text.slice(first.index!, last.index! + last[0].length).replace(/\s+/g, ' ');
        out.push({ index: first.index!, length: last.index! + last[0].length - first.index!, message: `chữ viết không dấu trong câu có dấu: "${span}"; hãy gõ lại có dấu` });
      }
      run = [];
    };
    for (const m of words) {
      const prev = run[run.length - 1];
      const joined = prev && /^\s+$/.test(text.slice(prev.index! + prev[0].length, m.index));
      if (!joined) flush();
      if (/^[a-zA-Z]+$/.test(m[0]) && !isAllCaps(m[0])) run.push(m);
      else flush();
    }
    flush();
    // a word the plan writes without marks only here, beside a word it pairs with its marked twin at least
    // three times elsewhere ("hành chinh" / "hành chính"; "nội dung", written often, is a word of its own)
    for (const t of pairTwins(text, ctx, (w) => /^[a-z]+$/.test(w) && lone(w))) {
      if (out.some((f) => t.index >= f.index && t.index < f.index + f.length)) continue;
      out.push({ index: t.index, length: t.length, message: `chữ "${t.word}" viết không dấu: "${t.pair}", trong khi kế hoạch viết "${t.twin}" ở ${t.n} chỗ khác; hãy gõ lại có dấu` });
    }
    return out.sort((a, b) => a.index - b.index);
  },
};

/**
 * Full reduplication that Vietnamese uses on purpose ("người người, nhà nhà", "ngày ngày", "dần dần");
 * any other word written twice in a row is a slip.
 */
const REDUPLICATED = new Set(['người', 'nhà', 'ngày', 'dần', 'từ', 'đâu', 'lâu', 'thường', 'mãi', 'đời', 'nơi', 'tháng', 'năm', 'chiều', 'xa', 'gần']);

/**
 * Grammatical words (prepositions, conjunctions, plural markers, auxiliaries): a closed class that never
 * ends one compound and starts the next, so "trong trong" is always a slip.
 */
/** Set phrases whose words are not doubted beside another word: "kể từ ngày ký", "kể cả". */
const SET_PHRASES = new Set(['kể từ', 'kể cả']);

const FUNCTION_WORDS = new Set(
  'trong của các và những được cho với để là có đã sẽ theo tại về từ trên dưới khi thì mà này đó hoặc cũng đều đang bị do nên như vào ra đến sau trước giữa qua bằng hay nhằm một mỗi mọi không chưa rất'.split(' '),
);

/** The word after white space at lastIndex (sticky: a copy of the rest of the text for each match would be quadratic). */
const WORD_AFTER = /\s+([\p{L}\p{M}]+)/uy;
const LETTER = /[\p{L}\p{M}]/u;

/** The word that ends, with white space after it, right at `end`; read backwards so that its cost is its own length. */
function wordBefore(text: string, end: number): string | undefined {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  if (i === end) return undefined;
  let j = i;
  for (;;) {
    // a letter outside the Basic Multilingual Plane is two code units
    const pair = j >= 2 && /[\uDC00-\uDFFF]/.test(text[j - 1]) && /[\uD800-\uDBFF]/.test(text[j - 2]);
    const ch = pair ? text.slice(j - 2, j) : text[j - 1];
    if (j === 0 || !LETTER.test(ch)) break;
    j -= ch.length;
  }
  return j < i ? text.slice(j, i) : undefined;
}

/**
 * Compounds of administrative text that often stand side by side sharing a syllable, one ending where the next
 * begins: "hành vi | vi phạm", "học sinh | sinh viên", "cán bộ | bộ phận". Two of them there are no repetition,
 * even in a plan that writes neither elsewhere.
 */
const COMPOUNDS = new Set(['hành vi', 'vi phạm', 'thi công', 'công trình', 'cán bộ', 'bộ phận', 'học sinh', 'sinh viên', 'người dân', 'dân tộc', 'quản lý', 'lý lịch', 'công chức', 'chức danh', 'tài sản', 'sản xuất', 'cơ sở', 'sở hữu']);

export const repeatedWords: LocalRule = {
  id: 'lap-tu',
  fixes: true,
  scope: 'value',
  description: 'Một từ viết lặp hai lần liền nhau ("trong trong", "các các"); trừ từ láy toàn bộ có nghĩa ("người người, nhà nhà", "ngày ngày", "dần dần") và âm tiết vừa cuối từ này vừa đầu từ sau mà kế hoạch cũng viết ở chỗ khác, hay là hai từ ghép hay gặp ("thi công công trình", "hành vi vi phạm", "học sinh sinh viên").',
  examples: {
    ok: ['người người, nhà nhà thi đua', 'dần dần nâng cao', 'Sở Y tế, Y tế cơ sở', 'năm 2020 2021', 'xử lý hành vi vi phạm; hành vi khác; các vi phạm khác', 'thi công công trình; hồ sơ thi công; công trình khác', 'Phó Chủ tịch Thường trực trực tiếp phụ trách; Ban Thường trực; làm việc trực tiếp', 'xử lý nghiêm hành vi vi phạm pháp luật', 'tuyên truyền cho học sinh sinh viên toàn tỉnh'],
    notOk: ['thực hiện trong trong năm 2024', 'Trong trong năm', 'triển khai các các nhiệm vụ', 'cán bộ bộ', 'thi công công công trình'],
  },
  check(text, ctx) {
    const out: Finding[] = [];
    const re = new RegExp(`(?<![${LETTERS}])([${LETTERS}]+)(\\s+)([${LETTERS}]+)(?![${LETTERS}])`, 'gu');
    /** The plan writes this pair somewhere else too (the pair itself counts once). */
    const elsewhere = (x?: string, y?: string) => x !== undefined && y !== undefined && (ctx.pairs.get(`${lower(x)} ${lower(y)}`) ?? 0) >= 2;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [, a, gap, b] = m;
      re.lastIndex = m.index + a.length;
      if (lower(a) !== lower(b) || b !== lower(b) || isAllCaps(a) || !isSyllable(b) || REDUPLICATED.has(lower(b))) continue;
      // one syllable ending a compound and starting the next: "thi công | công trình", "hành vi | vi phạm"
      const before = wordBefore(text, m.index);
      WORD_AFTER.lastIndex = m.index + m[0].length;
      const after = WORD_AFTER.exec(text)?.[1];
      // (unless the plan writes the phrase with one copy elsewhere: then the second is a slip)
      const phrase = before !== undefined && after !== undefined && (ctx.lowerTriples.get(lower(`${before} ${a} ${after}`)) ?? 0) > 0;
      const functionWord = FUNCTION_WORDS.has(lower(b));
      const compounds = before !== undefined && after !== undefined && COMPOUNDS.has(lower(`${before} ${a}`)) && COMPOUNDS.has(lower(`${b} ${after}`));
      if (!functionWord && ((elsewhere(before, a) && elsewhere(b, after)) || compounds) && !phrase) continue;
      // a repeated function word is a slip; a repeated content syllable may be two compounds side by side
      // ("hành vi | vi phạm" in a plan that writes neither elsewhere): said, never removed by --fix
      const oneLine = !gap.includes('\n');
      const sure = functionWord || phrase;
      out.push({
        index: m.index,
        length: m[0].length,
        message: `từ "${b}" viết lặp hai lần: "${a} ${b}"${sure ? '' : `; nếu là hai từ ghép đứng liền nhau ("hành vi vi phạm") thì giữ nguyên`}`,
        ...(oneLine && sure ? { fix: a } : {}),
      });
      re.lastIndex = m.index + a.length + gap.length; // "trong trong trong": the third is judged against the second
    }
    return out;
  },
};

/**
 * Words OCR reads with the wrong mark, in phrases where the misread form is no Vietnamese (tesseract's
 * Vietnamese model reads "đổi" as "đối", "môn" as "mồn"): the wrong phrase, the right one (same length), and
 * the words before or after it that make it a real phrase after all ("chuyển đối tượng", "tìm kiếm tra cứu").
 */
type Misread = readonly [wrong: string, right: string, unless?: { before?: string; after?: string }];
/** Words that make a compound with "đối": "… đối" before them is no misread "đổi". */
const DOI = { after: 'tượng|với|tác|chiếu|thoại|ngoại|xứng|thủ|diện|đầu|ứng|lập|phó|kháng|chất|nội|chứng|sánh|đãi|mặt|đáp|nghịch|cực|lưu|trọng' };
const MISREAD: readonly Misread[] = [
  ['biến đối', 'biến đổi', DOI],
  ['trao đối', 'trao đổi', DOI],
  ['sửa đối', 'sửa đổi', DOI],
  ['chuyển đối', 'chuyển đổi', DOI],
  ['thay đối', 'thay đổi', DOI],
  ['hoán đối', 'hoán đổi', DOI],
  ['đối mới', 'đổi mới'],
  ['tuyền truyền', 'tuyên truyền'],
  ['tuyển truyền', 'tuyên truyền'],
  ['lông ghép', 'lồng ghép'],
  ['chuyên mồn', 'chuyên môn'],
  ['thẩm quyên', 'thẩm quyền'],
  ['kiếm tra', 'kiểm tra', { before: 'tìm', after: 'cứu' }],
  ['kiếm soát', 'kiểm soát'],
  ['lần cận', 'lân cận'],
  ['thăng thắn', 'thẳng thắn'],
  ['thấm định', 'thẩm định'],
  ['thấm quyền', 'thẩm quyền'],
  ['thấm tra', 'thẩm tra'],
  ['bố sung', 'bổ sung'],
  ['cống thông tin', 'cổng thông tin'],
  ['cống dịch vụ công', 'cổng dịch vụ công'],
  ['thúc đấy', 'thúc đẩy'],
  ['đấy mạnh', 'đẩy mạnh'],
  ['tâm quan trọng', 'tầm quan trọng', { before: 'trọng' }],
  ['tâm nhìn', 'tầm nhìn'],
  ['tuần thủ', 'tuân thủ'],
  ['lăng phí', 'lãng phí'],
  ['bình đăng', 'bình đẳng'],
  ['cao đăng', 'cao đẳng', { after: 'ký|tải|nhập|kiểm' }],
  ['cửa khấu', 'cửa khẩu'],
  ['xuất khấu', 'xuất khẩu'],
  ['nhập khấu', 'nhập khẩu'],
  ['lầm nghiệp', 'lâm nghiệp'],
  ['tỉnh gọn', 'tinh gọn'],
  ['tỉnh thần', 'tinh thần'],
  ['chỉ tiết', 'chi tiết'],
  ['chỉ phí', 'chi phí'],
  ['uy ban', 'ủy ban'],
  ['tống hợp', 'tổng hợp'],
  ['tống kết', 'tổng kết'],
  ['đại biếu', 'đại biểu'],
  ['nhần dân', 'nhân dân'],
  ['lăng nghe', 'lắng nghe'],
  ['phần bổ', 'phân bổ'],
  ['t6 chức', 'tổ chức'],
  ['phần công', 'phân công', { after: 'việc|sức|lao' }],
  // read in the scans of the ministry's decision and Huế KH 188
  ['nhự điều', 'như điều'],
  ['nhự trên', 'như trên'],
  ['bảo tôn', 'bảo tồn'],
  ['ngần sách', 'ngân sách'],
  ['chỉ ngân sách', 'chi ngân sách'],
];
// words apart by any white space: the rules read a value as the file has it, where a folded line breaks it
const MISREAD_RE = new RegExp(
  `(?<![${LETTERS}])(?:${MISREAD.map(([w, , u]) => `${u?.before ? `(?<!(?:${u.before})\\s+)` : ''}${w.replace(/ /g, '\\s+')}${u?.after ? `(?!\\s+(?:${u.after})(?![${LETTERS}]))` : ''}`).join('|')})(?![${LETTERS}])`,
  'giu',
);
const RIGHT = new Map(MISREAD.map(([w, r]) => [w, r]));

export const misread: LocalRule = {
  id: 'nham-dau',
  fixes: true,
  scope: 'value',
  description: 'Chữ nhận dạng (OCR) nhầm dấu trong những cụm không có trong tiếng Việt: "biến đối" → "biến đổi", "Đối mới" → "Đổi mới", "chuyên mồn" → "chuyên môn", "kiếm tra" → "kiểm tra"; "đối tượng", "đối với", "tìm kiếm tra cứu" giữ nguyên. Và chữ gõ nhầm dấu mà chính kế hoạch cho thấy: một chữ chỉ viết một lần, bên cạnh một chữ mà kế hoạch viết cùng cặp với dấu khác ít nhất ba lần ("hành chình" / "hành chính").',
  examples: {
    ok: ['biến đổi khí hậu', 'chuyển đối tượng sang diện khác', 'tìm kiếm tra cứu văn bản', 'kiểm tra, giám sát', 'các đối tác', 'những trọng tâm quan trọng', 'chỉ trả lời', 'nâng cao đăng ký', 'một phần công việc', 'bố trí kinh phí', 'nước thấm qua tường', 'thông tin ấy', 'các bản kế hoạch, các bản sao, các bản chính; các bạn trẻ và các bạn học sinh', 'địa phương thực hiện, địa phương thực hiện, địa phương thực hiện; phương thức quản lý', 'ban hành kế hoạch, ban hành kế hoạch, ban hành kế hoạch; có hiệu lực thi hành kể từ ngày ký', 'bến thủy nội địa, bến thủy, bến thủy; bến thuỷ'],
    notOk: ['Biến đối khí hậu', 'chuyển đối số', 'ĐỐI MỚI', 'Tuyền truyền cải cách', 'lông ghép trong các hội nghị', 'chuyên mồn, nghiệp vụ', 'thẩm quyên', 'kiếm tra hồ sơ', 'thăng thắn phản ánh', 'thấm định hồ sơ', 'bố sung kinh phí', 'Đấy mạnh tuyên truyền', 'tâm quan trọng của công tác', 'quy định chỉ tiết', 'Uy ban nhân dân', 'Tống hợp, báo cáo', 'trường cao đăng nghề', '- Nhự Điều 3;', 'bảo tôn cảnh quan', 'dự toán chỉ ngân sách nhà nước', 'thủ tục hành chính, hành chính công, hành chính nhà nước và cải cách hành chình'],
  },
  check(text, ctx) {
    const out: Finding[] = [];
    for (const m of text.matchAll(MISREAD_RE)) {
      const right = [...RIGHT.get(lower(m[0]).replace(/\s+/gu, ' '))!.replace(/ /g, '')];
      // letter for letter (Vietnamese in NFC is one UTF-16 unit a letter), the white space and the case of each
      // letter as written ("ĐỐI MỚI" → "ĐỔI MỚI")
      let k = 0;
      const fix = [...m[0]].map((ch) => (/\s/u.test(ch) ? ch : ch === ch.toLowerCase() ? right[k++] : right[k++].toUpperCase())).join('');
      // the fix covers only the letters that change, so it never spans the line break of a folded line
      let a = 0;
      while (m[0][a] === fix[a]) a++;
      let b = fix.length - 1;
      while (m[0][b] === fix[b]) b--;
      const shown = (t: string) => t.replace(/\s+/gu, ' ');
      out.push({ index: m.index! + a, length: b - a + 1, message: `chữ nhận dạng nhầm dấu: "${shown(m[0])}" → "${shown(fix)}"`, fix: fix.slice(a, b + 1) });
    }
    // a word marked otherwise only here, where the plan pairs the same letters marked one way at least three times
    for (const t of pairTwins(text, ctx, (w) => bare(w) !== w && ctx.counts.get(w) === 1, true)) {
      if (out.some((f) => t.index < f.index + f.length && f.index < t.index + t.length)) continue;
      // the older tone placement ("thuỷ" for "thủy"): the same word, printed as ND30's form whichever is typed
      if (ndSpelling(t.pair) === ndSpelling(t.twin)) continue;
      out.push({ index: t.index, length: t.length, message: `chữ "${t.word}" có lẽ gõ nhầm dấu: "${t.pair}", trong khi kế hoạch viết "${t.twin}" ở ${t.n} chỗ khác; nếu là gõ nhầm, hãy gõ lại đúng dấu` });
    }
    return out.sort((a, b) => a.index - b.index);
  },
};
