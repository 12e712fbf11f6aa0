// A defect corpus for `kehoach lint`: defects of every rule planted, by a seeded generator, into the
// prose of real plans (examples/ of every sector, derived plans, fixture texts). A planted copy carries one
// defect of each rule, each on a line of its own; edits never add a line, so the clean text's lines hold.
// Controls are benign edits (a new citation given in full, a defined abbreviation) that must stay quiet.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar, isMap, isPair, isSeq, LineCounter, parseDocument } from 'yaml';
import { bare } from '../src/lint/syllable.js';
import { ndDay, ndMonth } from '../src/text/dates.js';
import { derivedFiles, exampleFiles, ROOT } from './helpers.js';

export const FIXTURE_TEXTS = join(ROOT, 'test', 'fixtures', 'lint', 'texts');
const yamlUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f)) : [];
/** The texts defects are planted into: the examples, the department and derived plans, the fixture texts. */
export const corpusFiles = (): string[] => [
  ...exampleFiles(), // the department plans of examples/derive are links to these
  ...derivedFiles(),
  ...yamlUnder(FIXTURE_TEXTS),
];

export interface Source {
  name: string;
  text: string;
}
export interface Defect {
  /** Rules any one of which reporting at `line` finds it. */
  rules: string[];
  line: number;
  what: string;
}
export interface Planted extends Source {
  source: string;
  defects: Defect[];
  /** Benign edits (rules empty): nothing may be reported for them. */
  controls?: Defect[];
}

/** mulberry32: small, seeded, the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE_KEYS = new Set(['gach', 'khoan', 'mo_dau', 'ket_thuc', 'cung_dong', 'noi_dung', 'truoc']);

/** One line of a prose value: [from, to) in the source. */
interface Segment {
  from: number;
  to: number;
  line: number;
}

export function segments(text: string): Segment[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const out: Segment[] = [];
  const visit = (n: unknown, key: string) => {
    if (isScalar(n) && typeof n.value === 'string' && n.range && PROSE_KEYS.has(key)) {
      const [a, b] = n.range;
      let start = a;
      for (const part of text.slice(a, b).split('\n')) {
        const lead = part.length - part.trimStart().length;
        const from = start + lead;
        const to = start + part.trimEnd().length;
        if (to - from > 20 && !/^[>|]/.test(text.slice(from, to))) out.push({ from, to, line: lines.linePos(from).line });
        start += part.length + 1;
      }
    } else if (isSeq(n)) for (const it of n.items) visit(it, key);
    else if (isMap(n)) for (const p of n.items) if (isPair(p)) visit(p.value, isScalar(p.key) ? String(p.key.value) : key);
  };
  visit(doc.contents, '');
  return out;
}

interface Site {
  at: number;
  length: number;
  line: number;
  replace: string;
}

/** Every match of `re` inside one prose line, with its replacement. */
function sites(text: string, segs: Segment[], re: RegExp, replace: (m: RegExpExecArray) => string | undefined): Site[] {
  const out: Site[] = [];
  for (const s of segs) {
    const part = text.slice(s.from, s.to);
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    for (let m = g.exec(part); m; m = g.exec(part)) {
      const r = replace(m);
      if (r !== undefined && r !== m[0]) out.push({ at: s.from + m.index, length: m[0].length, line: s.line, replace: r });
      if (!m[0].length) g.lastIndex++;
    }
  }
  return out;
}

const W = '[\\p{L}\\p{M}]';
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
const marked = (w: string) => bare(w) !== w;

type Planter = (src: Source, segs: Segment[], r: () => number) => { sites: Site[]; rules: string[]; what: string } | undefined;

/** Phrases of the name classes a clerk mistypes, as the texts write them. */
const NAMES = ['Ủy ban nhân dân', 'Hội đồng nhân dân', 'Sở Y tế', 'Bộ Y tế', 'Bộ Nội vụ', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Xây dựng', 'Thủ tướng Chính phủ', 'Chính phủ', 'Giám đốc', 'Phó Giám đốc', 'Nhà nước', 'Kế hoạch', 'Quyết định', 'Nghị quyết', 'Chỉ thị', 'Nghị định', 'Chương trình', 'Tỉnh ủy', 'Ban Chấp hành', 'Trung tâm Y tế', 'Bộ Chính trị', 'Ban Bí thư', 'Chủ tịch', 'Trung ương'];

const PLANTERS: Record<string, Planter> = {
  'chu-bi-tach': (src, segs, r) => {
    const s = sites(src.text, segs, new RegExp(`(?<!${W})${W}{3,}(?!${W})`, 'u'), (m) => {
      const w = m[0];
      if (!marked(w) || w === w.toUpperCase()) return undefined;
      const k = 1 + Math.floor(r() * (w.length - 1));
      return `${w.slice(0, k)} ${w.slice(k)}`;
    });
    return { sites: s, rules: ['chu-bi-tach'], what: 'âm tiết bị tách' };
  },
  'khong-dau': (src, segs) => {
    const s = sites(src.text, segs, new RegExp(`(?<!${W})\\p{Ll}${W}* \\p{Ll}${W}*(?: \\p{Ll}${W}*)?(?!${W})`, 'u'), (m) => (m[0].split(' ').filter(marked).length >= 1 ? bare(m[0]) : undefined));
    return { sites: s, rules: ['khong-dau'], what: 'mất dấu' };
  },
  // one word of a pair the text writes at least four times, typed without its marks: "hành chính" → "hành chinh"
  'khong-dau-mot-chu': (src, segs) => {
    const pairs = new Map<string, number>();
    const said = segs.map((g) => src.text.slice(g.from, g.to)).join('\n'); // prose lint surely reads (no comment, no name)
    for (const m of said.matchAll(new RegExp(`(?<!${W})(\\p{Ll}${W}*) (?=(\\p{Ll}${W}*)(?!${W}))`, 'gu'))) pairs.set(`${m[1]} ${m[2]}`, (pairs.get(`${m[1]} ${m[2]}`) ?? 0) + 1);
    const words = new Set(said.toLowerCase().match(new RegExp(`${W}+`, 'gu')));
    const s = sites(src.text, segs, new RegExp(`(?<!${W})(\\p{Ll}${W}*) (\\p{Ll}${W}*)(?!${W})`, 'u'), (m) =>
      marked(m[2]) && (pairs.get(m[0]) ?? 0) >= 4 && !words.has(bare(m[2])) ? `${m[1]} ${bare(m[2])}` : undefined,
    );
    return { sites: s, rules: ['khong-dau'], what: 'một chữ mất dấu' };
  },
  // one word of a pair the text writes at least four times, typed with another tone: "hành chính" → "hành chình"
  'nham-dau-mot-chu': (src, segs, r) => {
    const said = segs.map((g) => src.text.slice(g.from, g.to)).join('\n');
    const pairs = new Map<string, number>();
    for (const m of said.matchAll(new RegExp(`(?<!${W})(\\p{Ll}${W}*) (?=(\\p{Ll}${W}*)(?!${W}))`, 'gu'))) pairs.set(`${m[1]} ${m[2]}`, (pairs.get(`${m[1]} ${m[2]}`) ?? 0) + 1);
    const words = new Set(said.toLowerCase().match(new RegExp(`${W}+`, 'gu')));
    const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    const retoned = (w: string) => {
      const d = w.normalize('NFD');
      const tone = TONES.find((t) => d.includes(t));
      if (!tone) return undefined;
      const others = TONES.filter((t) => t !== tone);
      // the new tone after the vowel's other marks ("ệ" is e, dot below, circumflex): the tone composes last
      const at = d.indexOf(tone);
      const rest = d.slice(0, at) + d.slice(at + 1);
      let end = at;
      while (end < rest.length && /\p{M}/u.test(rest[end])) end++;
      return (rest.slice(0, end) + others[Math.floor(r() * others.length)] + rest.slice(end)).normalize('NFC');
    };
    const s = sites(src.text, segs, new RegExp(`(?<!${W})(\\p{Ll}${W}*) (\\p{Ll}${W}*)(?!${W})`, 'u'), (m) => {
      if ((pairs.get(m[0]) ?? 0) < 4) return undefined;
      const w = retoned(m[2]);
      return w && !words.has(w) ? `${m[1]} ${w}` : undefined;
    });
    return { sites: s, rules: ['nham-dau'], what: 'một chữ gõ nhầm dấu' };
  },
  // a name kehoach init writes, left unreplaced: "… của Tên cơ quan …"
  'chu-mau': (src, segs) => ({ sites: sites(src.text, segs, /(?<=\p{Ll} )của(?= \p{L})/u, () => 'của Tên cơ quan và'), rules: ['chu-mau', 'viet-hoa'], what: 'chữ mẫu chưa thay' }),
  // a decision's recipient line in a plan (its template copied): one recipient becomes "Như Điều 3"
  'nhu-dieu': (src) => {
    if (/^quyet_dinh:/m.test(src.text)) return undefined;
    const start = src.text.search(/^noi_nhan:\n/m);
    if (start < 0) return undefined;
    const out: Site[] = [];
    // a recipient written as plain text ("  - Sở Nội vụ"), not a mapping ("  - ten: …") or quoted
    const re = /^  - (?![a-z_]+:\s)([^{"'\n][^\n]*)$/gm;
    re.lastIndex = start;
    for (let m = re.exec(src.text); m && !/\n(?! )/.test(src.text.slice(start + 10, m.index)); m = re.exec(src.text)) {
      const at = m.index + 4;
      out.push({ at, length: m[1].length, line: src.text.slice(0, at).split('\n').length, replace: 'Như Điều 3' });
    }
    return { sites: out, rules: ['nhu-dieu'], what: 'nơi nhận của quyết định trong kế hoạch' };
  },
  // the misreads OCR makes of phrases the texts write: "đổi mới" → "đối mới", "chuyên môn" → "chuyên mồn"
  'nham-dau': (src, segs, r) => {
    const OCR: Record<string, string[]> = { 'đổi mới': ['đối mới'], 'biến đổi': ['biến đối'], 'chuyển đổi': ['chuyển đối'], 'tuyên truyền': ['tuyền truyền', 'tuyển truyền'], 'lồng ghép': ['lông ghép'], 'chuyên môn': ['chuyên mồn'], 'thẩm quyền': ['thẩm quyên'], 'kiểm tra': ['kiếm tra'], 'sửa đổi': ['sửa đối'] };
    const s = sites(src.text, segs, new RegExp(`(?<!${W})(${Object.keys(OCR).join('|')})(?!${W})`, 'u'), (m) => {
      const wrong = OCR[m[0]];
      return wrong[Math.floor(r() * wrong.length)];
    });
    return { sites: s, rules: ['nham-dau'], what: 'chữ nhận dạng nhầm dấu' };
  },
  'lap-tu': (src, segs) => ({ sites: sites(src.text, segs, new RegExp(`(?<=\\p{Ll} )(\\p{Ll}${W}*)(?= \\p{Ll})`, 'u'), (m) => `${m[0]} ${m[0]}`), rules: ['lap-tu'], what: 'từ lặp' }),
  'dau-lap': (src, segs, r) => ({ sites: sites(src.text, segs, /(?<=\p{L}), (?=\p{L})/u, () => [',, ', ' ,, ', ';; '][Math.floor(r() * 3)]), rules: ['dau-lap', 'dau-cach'], what: 'dấu câu lặp' }),
  // an appendix the body never refers to: added at the end of a plan that has none and never says "phụ lục"
  'phu-luc-dan-chieu': (src) => {
    if (/^phu_luc:/mu.test(src.text) || /phụ lục/iu.test(src.text) || !src.text.endsWith('\n')) return undefined;
    const line = src.text.split('\n').length + 1; // "phu_luc:" on the file's next line, its tieu_de after it
    return { sites: [{ at: src.text.length, length: 0, line, replace: 'phu_luc:\n  - tieu_de: Danh mục nhiệm vụ năm 2026\n    noi_dung: [Các nhiệm vụ cụ thể.]\n' }], rules: ['phu-luc-dan-chieu'], what: 'phụ lục không được nhắc tới' };
  },
  // a date in figures without ô 4's zeros, or with one too many ("8/11/2011", "05/03/2024")
  'ngay-so': (src, segs) => ({
    sites: sites(src.text, segs, /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/u, (m) => {
      const [d, mo] = [m[1], m[2]];
      if (d.startsWith('0')) return `${d.slice(1)}/${mo}/${m[3]}`;
      if (Number(mo) >= 3 && mo.length === 1) return `${d}/0${mo}/${m[3]}`;
      if (mo.startsWith('0')) return `${d}/${mo.slice(1)}/${m[3]}`;
      return undefined;
    }),
    rules: ['ngay-so'],
    what: 'ngày thiếu hay thừa số 0',
  }),
  // the plan's trích yếu written in capitals, as many offices do
  'trich-yeu-hoa': (src) => {
    const m = /^trich_yeu: ([^>|"'\n][^\n]*)$/mu.exec(src.text);
    if (!m || m[1] === m[1].toLocaleUpperCase('vi')) return undefined;
    const at = m.index + 'trich_yeu: '.length;
    return { sites: [{ at, length: m[1].length, line: src.text.slice(0, at).split('\n').length, replace: m[1].toLocaleUpperCase('vi') }], rules: ['trich-yeu-hoa'], what: 'trích yếu in hoa' };
  },
  // a whole one-line value put inside Word's curly quotes (the straight quotes AutoCorrect turned)
  'nhay-cong': (src, segs) => ({
    sites: segs.flatMap((g) => {
      const part = src.text.slice(g.from, g.to);
      const head = src.text.slice(src.text.lastIndexOf('\n', g.from - 1) + 1, g.from);
      // (a value of one line: the next line opens an item or a key, not the value's second line)
      const next = src.text.slice(g.to + 1, src.text.indexOf('\n', g.to + 1) >>> 0);
      const whole = /^\s*(?:- |- [a-z_]+: |[a-z_]+: )$/u.test(head) && src.text[g.to] === '\n' && /^\s*(?:- |[a-z_]+:|#|$)/u.test(next) && !/["'“”‘’]|: | #/u.test(part);
      return whole ? [{ at: g.from, length: part.length, line: g.line, replace: `“${part}”` }] : [];
    }),
    rules: ['nhay-cong'],
    what: 'cả giá trị trong dấu nháy cong',
  }),
  'dau-cach': (src, segs, r) => ({ sites: sites(src.text, segs, /(?<=\p{L}), (?=\p{L})/u, () => [' , ', ' ; '][Math.floor(r() * 2)]), rules: ['dau-cach'], what: 'dấu cách trước dấu câu' }),
  'gach-noi': (src, segs, r) => ({ sites: sites(src.text, segs, /(\d{4}) ?- ?(\d{4})/u, (m) => (r() < 0.5 ? `${m[1]} -${m[2]}` : `${m[1]}- ${m[2]}`)), rules: ['gach-noi'], what: 'gạch nối lệch' }),
  'ngay-khong-co': (src, segs, r) => ({
    sites: sites(src.text, segs, /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/u, (m) => (r() < 0.5 ? `30/02/${m[3]}` : `31/${['04', '06', '09', '11'][Math.floor(r() * 4)]}/${m[3]}`)),
    rules: ['ngay-khong-co'],
    what: 'ngày không có trên lịch',
  }),
  'ngay-nhat-quan': (src, segs) => {
    const numeric = src.text.match(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/g)?.length ?? 0;
    const words = src.text.match(/ngày \d{1,2} tháng \d{1,2} năm \d{4}/g)?.length ?? 0;
    if (numeric < words + 3) return undefined;
    return { sites: sites(src.text, segs, /ngày (\d{1,2})\/(\d{1,2})\/(\d{4})\b/u, (m) => `ngày ${m[1]} tháng ${m[2]} năm ${m[3]}`), rules: ['ngay-nhat-quan'], what: 'ngày khác kiểu' };
  },
  'viet-hoa': (src, segs, r) => {
    const names = new RegExp(`(?<![\\p{L}])(?:${NAMES.join('|')})(?![\\p{L}])`, 'u');
    const title = sites(src.text, segs, names, (m) => m[0].split(' ').map(cap).join(' '));
    const lowerType = sites(src.text, segs, /(?<=\p{Ll} )(Sở|Bộ|Phòng|Trung tâm) (?=Y tế|Nội vụ|Tài chính|Xây dựng|Giáo dục|Kế hoạch|Tư pháp)/u, (m) => `${lowerFirst(m[1])} `);
    const unit = sites(src.text, segs, /(?<=\p{Ll} )tỉnh (?=\p{Lu}\p{Ll})/u, () => 'Tỉnh ');
    const docType = sites(src.text, segs, /(Kế hoạch|Quyết định|Nghị quyết|Chỉ thị|Nghị định) số/u, (m) => `${lowerFirst(m[1])} số`);
    const pick = [title, lowerType, unit, docType].filter((x) => x.length);
    if (!pick.length) return undefined;
    return { sites: pick[Math.floor(r() * pick.length)], rules: ['viet-hoa'], what: 'viết hoa sai' };
  },
  'viet-tat': (src, segs) => {
    const text = src.text;
    const s = sites(text, segs, /(?<=\p{Ll} )(\p{Ll}+) (\p{Ll}+)(?: (\p{Ll}+))?(?= \p{Ll})/u, (m) => {
      // initials as a clerk writes them: marks dropped, Đ kept ("đầu tư" → "ĐT")
      const ab = m[0]
        .split(' ')
        .map((w) => (w[0] === 'đ' ? 'Đ' : bare(w[0]).toUpperCase()))
        .join('');
      if (ab.length < 2 || new RegExp(`(?<!\\p{L})${ab}(?!\\p{L})`, 'u').test(text) || /^[IVXLC]+$/.test(ab)) return undefined;
      return ab;
    });
    // a defined abbreviation used before its definition
    const defs = [...text.matchAll(/\((\p{Lu}{2,})\)/gu)].filter((d, k, all) => all.findIndex((e) => e[1] === d[1]) === k); // first definitions
    const early = defs.flatMap((d) => sites(text.slice(0, d.index), segs.filter((g) => g.to <= d.index!), /(?<=\p{L}), (?=\p{Ll})/u, () => `, ${d[1]}, `));
    return { sites: [...s, ...early], rules: ['viet-tat'], what: 'chữ viết tắt chưa định nghĩa' };
  },
  'trich-dan': (src, segs, r) => {
    const text = src.text;
    const cited = [...text.matchAll(/(Nghị quyết|Quyết định|Chỉ thị|Nghị định|Kế hoạch|Thông tư) số (\S+) ngày (\d{2})\/(\d{2})\/(\d{4})/gu)];
    const canCu = [...text.matchAll(/loai: (.+)\n\s+so_ky_hieu: (\S+)\n\s+ngay: (\d{4})-(\d{2})-(\d{2})/gu)].map((m) => ({ type: m[1], num: m[2], d: m[5], mo: m[4], y: m[3] }));
    const known = [...cited.map((m) => ({ type: m[1], num: m[2], d: m[3], mo: m[4], y: m[5], at: m.index! })), ...canCu.map((c) => ({ ...c, at: 0 }))];
    const n = 1 + Math.floor(r() * 400);
    const forms = [`${n}/2023/NĐ-CP`, `${n}/QĐ-TTg`, `${n}-NQ/TU`, `${n}-CT/TW`, `${n}-QĐ/TW`, `${String(n % 30).padStart(2, '0')}/CT-TTg`, `${n}/KH-UBND`];
    const types = ['Nghị định', 'Quyết định', 'Nghị quyết', 'Chỉ thị', 'Quyết định', 'Chỉ thị', 'Kế hoạch'];
    const k = Math.floor(r() * forms.length);
    const kind = r();
    const after = (from: number) => segs.filter((g) => g.from > from);
    const end = /(?<=\p{L})([.;:])(?=\s|$)/u;
    if (kind < 0.4 || !known.length) {
      if (text.includes(forms[k])) return undefined;
      return { sites: sites(text, segs, end, (m) => `, theo ${types[k]} số ${forms[k]} của cấp trên${m[1]}`), rules: ['trich-dan'], what: 'trích dẫn lần đầu thiếu ngày' };
    }
    const c = known[Math.floor(r() * known.length)];
    // (in ND30's form, as the texts write their dates: "13/7/2026", "04/02/2016")
    const mo = ndMonth(Number(c.mo));
    const day = kind < 0.7 ? `${ndDay(Number(c.d))}/${mo}/${c.y}` : `${ndDay(((Number(c.d) + 9) % 28) + 1)}/${mo}/${c.y}`;
    return { sites: sites(text, after(c.at), end, (m) => `, theo ${c.type} số ${c.num} ngày ${day}${m[1]}`), rules: ['trich-dan'], what: kind < 0.7 ? 'trích dẫn đầy đủ lặp lại' : 'ngày trích dẫn mâu thuẫn' };
  },
};

/** Benign edits: must not draw a warning. */
const CONTROLS: Planter[] = [
  (src, segs, r) => {
    const n = 500 + Math.floor(r() * 400);
    return { sites: sites(src.text, segs, /(?<=\p{L})([.;])(?=\s|$)/u, (m) => `, theo Quyết định số ${n}/QĐ-UBND ngày 12/10/2022 của Ủy ban nhân dân tỉnh về phân cấp quản lý${m[1]}`), rules: [], what: 'trích dẫn mới đầy đủ' };
  },
  (src, segs) => ({ sites: sites(src.text, segs, /(?<=\p{L}), (?=\p{Ll})/u, () => ', khu kinh tế cửa khẩu (KKTCK) và các KKTCK khác, '), rules: [], what: 'viết tắt có định nghĩa' }),
  (src, segs) => ({ sites: sites(src.text, segs, /(?<=\p{L}), (?=\p{Ll})/u, () => ', phối hợp với Tỉnh Đoàn, Sở Tài chính, Ủy ban nhân dân tỉnh, ') , rules: [], what: 'tên cơ quan viết đúng' }),
];

/**
 * `copies` planted copies of the texts, each with one defect of every rule (on lines of their own), and
 * `controls` copies with every benign edit. One lint run then judges a dozen defects.
 */
export function plant(sources: Source[], seed: number, copies: number, controls: number): Planted[] {
  const r = rng(seed);
  const segs = new Map(sources.map((s) => [s.name, segments(s.text)]));
  const make = (planters: [string, Planter][], k: number, kind: string): Planted => {
    const src = sources[Math.floor(r() * sources.length)];
    const used = new Set<number>();
    const edits: { site: Site; defect: Defect }[] = [];
    for (const [id, planter] of planters) {
      const p = planter(src, segs.get(src.name)!.filter((g) => !used.has(g.line)), r);
      if (!p || !p.sites.length) continue;
      const site = p.sites[Math.floor(r() * p.sites.length)];
      used.add(site.line);
      edits.push({ site, defect: { rules: p.rules, line: site.line, what: `${id}: ${p.what}: "${src.text.slice(site.at, site.at + site.length)}" → "${site.replace}"` } });
    }
    let text = src.text;
    for (const { site } of [...edits].sort((a, b) => b.site.at - a.site.at)) text = text.slice(0, site.at) + site.replace + text.slice(site.at + site.length);
    return { name: `${src.name}#${kind}${k}`, text, defects: edits.map((e) => e.defect), source: src.name };
  };
  const out: Planted[] = [];
  for (let k = 0; k < copies; k++) out.push(make(Object.entries(PLANTERS), k, 'defects'));
  for (let k = 0; k < controls; k++) {
    const p = make(CONTROLS.map((c, i) => [`control-${i}`, c]), k, 'controls');
    out.push({ ...p, defects: [], controls: p.defects });
  }
  return out;
}

export const readSources = (files: string[], root: string): Source[] => files.map((f) => ({ name: f.slice(root.length + 1), text: readFileSync(f, 'utf8') }));
