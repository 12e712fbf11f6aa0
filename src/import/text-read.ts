// Plain text copied from Word or a PDF → the blocks a reader sees, as docx-read.ts gives them for a .docx:
// wrapped lines joined into paragraphs, the header's two columns and the signer's column told apart by
// content (the text has no layout left), headings recognised by their markers and shape.
import { notesMoved, type Block, type Cell, type Para } from './docx-read.js';
import { AUTHORITY, headerColumns, PLAN_NAME, REFERENCE_START } from './recognize.js';
import { escapeInline, plainText, superscript, unbalancedMarkup } from '../text/inline.js';
import { convertedText, detectLegacy, fromLegacy } from '../text/legacy.js';
import { isUpper, plainSpaces } from '../text/normalize-text.js';

/** The names of a document's kind, the Quốc hiệu's first words and the Tiêu ngữ's, as patterns the lines below share. */
const KIND = '(?:KẾ HOẠCH|QUYẾT ĐỊNH)';
const QUOC_HIEU_START = 'CỘNG\\s+HÒA\\s+XÃ\\s+HỘI';
const TIEU_NGU_START = 'Độc\\s+lập\\s*[-–]';
/** A line that opens with the kind's name ("KẾ HOẠCH", "QUYẾT ĐỊNH …"). */
const KIND_LINE = new RegExp(`^\\s*${KIND}\\b`, 'u');
/** The kind's name in bold on its line, "**KẾ HOẠCH**" or "**KẾ HOẠCH TỔ CHỨC …**": read without the bold. */
const BOLD_KIND = new RegExp(`^\\s*\\*\\*\\s*(${KIND}(?:\\s[^*]*)?)\\s*\\*\\*\\s*$`, 'u');
/** The first half of a Quốc hiệu a narrow column wrapped. */
const QUOC_HIEU_HALF = new RegExp(`^${QUOC_HIEU_START}$`, 'u');
/**
 * Where a header line splits into its columns: tabs, wide gaps, and (columns a PDF put on one line with a single
 * space) before the Quốc hiệu and the Tiêu ngữ, and after the Tiêu ngữ.
 */
const HEADER_COLUMNS = new RegExp(`\\t|\\s{3,}|\\s(?=${QUOC_HIEU_START})|\\s(?=${TIEU_NGU_START})|(?<=Hạnh\\s+phúc\\**)\\s+`, 'u');
const SO_THEN_DATE = /^(Số\s*:\s*\S*\s*\/\s*\S+)\s+(.+?,\s*ngày\b.*)$/u;
// (a number opens an item only with its dot, "1.", "1.2.", or as "1.2": a line that opens "15 tuổi" or "2022 của"
// goes on a sentence a PDF wrapped; a reference line "(Kèm theo …)" opens its own)
const MARKER = /^(?:[IVXLC]+\.\s|\d+(?:\.\d+)*\.\s|\d+(?:\.\d+)+\s|\((?:Ban hành\s+)?[Kk]èm theo\b|[a-zđ](?:\)|\/\.?|\.)\s|[-–•+]\s|Căn cứ(?=\s)|Thực hiện\b|Nơi nhận\b|Trên đây\b|Phụ lục\b)/u;
/** A line that opens with a marker, in bold or not ("**1. Sở Y tế**" is "1. Sở Y tế"). */
const isMarked = (l: string): boolean => MARKER.test(l) || (l.startsWith('*') && MARKER.test(plainText(l)));
/** The titles a decision's authority opens with: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BỘ TRƯỞNG BỘ Y TẾ". */
const TITLES = 'CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|TRƯỞNG BAN|THỦ TRƯỞNG|HIỆU TRƯỞNG|CỤC TRƯỞNG|VIỆN TRƯỞNG';
const AUTHORITY_TITLE = new RegExp(`^(?:${TITLES})$`, 'u');
/** A trích yếu with the authority an extraction joined to it: the two parts. */
const AUTHORITY_JOINED = new RegExp(`^(.+?)\\s+((?:${TITLES}|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\\s[^]*)$`, 'u');
/** Where a decision's title block ends: its căn cứ, the proposal, "QUYẾT ĐỊNH:", an article. */
const DECISION_BODY = /^(Căn cứ|Theo đề nghị|QUYẾT ĐỊNH\s*:|Điều\s+\d)/u;

/**
 * A paragraph of the text. Texts copied through Markdown or HTML keep their emphasis as **…**, *…*,
 * <b>…</b>, <i>…</i>: balanced, it is kept as the plan's inline markup; a lone star is a star.
 */
function para(raw: string, extra: Partial<Para> = {}): Para {
  const marked = raw.replace(/<\/?(b|strong)>/giu, '**').replace(/<\/?(i|em)>/giu, '*');
  const text = unbalancedMarkup(marked) ? escapeInline(marked) : marked;
  const plain = plainText(text);
  const whole = /^\*\*[^*]+\*\*$/u.test(text.trim());
  return { text, plain, align: 'both', bold: whole, italic: false, fonts: [], ...extra };
}


/** A numbered line short enough to be a heading, without the full stop a sentence ends with. */
const looksLikeHeading = (t: string) => /^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?)\s/u.test(t) && t.length <= 120 && !/[.;,]$/u.test(t);

/** Marks a table row among the paragraphs (a character no text holds). */
const ROW = '\u0001';

/** Rows of a table copied as text: cells split by tabs, a cell's "- a - b" items one line each. */
function tableOf(rows: string[]): Block {
  const cells = rows.map((r) => r.slice(1).split('\t').map((c) => c.trim()));
  // a header repeated where the table crossed a page
  const body = cells.filter((r, i) => i === 0 || r.join('\t') !== cells[0].join('\t'));
  const width = Math.max(...body.map((r) => r.length));
  return {
    kind: 'table',
    t: {
      ruled: true,
      columns: width,
      rows: body.map((r) =>
        // a row of one cell in a wider table is a group row: one cell across every column
        // (so is a Markdown row whose first cell alone is filled, in bold: "| **Buổi sáng** | | |")
        (r.length === 1 || (/^\*\*[^*]+\*\*$/u.test(r[0]) && r.slice(1).every((c) => !c))) && width > 1 ? [{ paras: [para(r[0])], col: 0, colSpan: width, rowSpan: 1 }] :
        Array.from({ length: width }, (_, col): Cell => {
          const c = r[col] ?? '';
          const items = cellLines(c).flatMap((x) => (/^[-–]\s/u.test(x) ? x.split(/\s+(?=[-–]\s)/u) : [x])).filter((x, k, all) => x || all.length === 1);
          return { paras: items.map((x) => para(x)), col, colSpan: 1, rowSpan: 1 };
        }),
      ),
    },
  };
}

/** Names a narrow column (the signer's, the header's) wraps inside: "TM. ỦY BAN NHÂN" / "DÂN". */
const NAMES = ['ỦY BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN', 'BAN CHỈ ĐẠO', 'BAN THƯỜNG VỤ', 'BAN CHẤP HÀNH'].map((n) => n.split(' '));
/** Whether `a` ends inside one of NAMES and `b` goes on with the rest of it. */
const splitsName = (a: string, b: string): boolean => {
  const end = a.trim().split(/\s+/u);
  const start = b.trim().split(/\s+/u);
  return NAMES.some((words) => words.slice(1).some((_, i) => words.slice(0, i + 1).every((w, k) => end[end.length - i - 1 + k] === w) && words.slice(i + 1).every((w, k) => start[k] === w)));
};

/**
 * Join the lines of a text into paragraphs: a blank line or a marker starts a new one. A blank line
 * inside a sentence (the line before ends without punctuation, the next goes on in lower case or with a
 * number, as extraction leaves a wrapped line) joins the two; `joined` counts them.
 */
function paragraphs(lines: string[], joined = { n: 0 }): string[] {
  const out: string[] = [];
  // the paragraph so far as its lines (trimmed), and what is asked of it kept as it grows, so that a paragraph of
  // many lines costs linear time: whether it has a small letter, a capital
  let parts: string[] = [];
  let size = 0;
  let lower = false;
  let capital = false;
  let blank = false;
  let single = false; // the paragraph so far is one line
  const flush = () => {
    if (parts.length) out.push(parts.join(' ').replace(/\s+/g, ' ').trim());
    parts = [];
    size = 0;
    lower = capital = false;
  };
  const letters = (l: string) => {
    size += l.length + 1;
    lower ||= l !== l.toLocaleUpperCase('vi');
    capital ||= /\p{Lu}/u.test(l);
  };
  const add = (l: string) => {
    parts.push(l);
    letters(l);
  };
  // the paragraph so far: its last line (where it ends), and whether it is in capitals
  const lastLine = () => parts.at(-1) ?? '';
  const inCapitals = () => capital && !lower;
  // a text that marks its items with "-" uses "–" inside its sentences ("đồng bằng – miền núi"): where a PDF put
  // one at the head of a line, after a line that ends no sentence, it goes on that sentence
  const hyphens = lines.filter((l) => /^\s*-\s/u.test(l)).length;
  const enDashInText = hyphens >= 3 && lines.filter((l) => /^\s*–\s/u.test(l)).length < hyphens;
  for (const raw of lines) {
    // a Markdown heading: a paragraph of its own, whatever comes before or after it
    if (raw.startsWith(ALONE)) {
      flush();
      out.push(raw.slice(1).replace(/\s+/g, ' ').trim());
      blank = false;
      single = false;
      continue;
    }
    // a row of a table copied as text: its cells split by tabs, kept on its own
    if ((raw.match(/\t/g)?.length ?? 0) >= 2) {
      flush();
      out.push(ROW + raw.replace(/\s+$/u, ''));
      continue;
    }
    // a row of a table written as Markdown ("| TT | Nhiệm vụ |"); its rule "| --- |" says nothing
    // (a row of one cell inside a table, "| Buổi sáng … |", is a group row across it)
    const piped = /^\s*\|(.*\|.*)\|\s*$/u.exec(raw) ?? (out.at(-1)?.startsWith(ROW) && !parts.length ? /^\s*\|([^|]+)\|\s*$/u.exec(raw) : null);
    if (piped) {
      flush();
      const cells = piped[1].split('|').map((c) => c.trim());
      if (!cells.every((c) => /^:?-{3,}:?$/u.test(c))) out.push(ROW + cells.join('\t'));
      continue;
    }
    const l = raw.trim();
    if (!l) {
      blank = true;
      continue;
    }
    if (blank) {
      if (parts.length && !/[.:;!?]$/u.test(lastLine()) && /^[\p{Ll}\d]/u.test(l) && !MARKER.test(l) && !inCapitals()) joined.n++;
      else flush(), (single = false);
      blank = false;
    }
    const prevLast = lastLine();
    const prevUpper = inCapitals();
    // (a line in brackets, "(Kèm theo …)", "(chi tiết tại Phụ lục I)", ends like a sentence)
    const ends = /[.:;!?…]$|\.\/\.$/u.test(prevLast) || (parts.length > 0 && parts[0].startsWith('(') && prevLast.endsWith(')'));
    // a heading in capitals that a page wrapped goes on in capitals: after a comma or a joining word ("MỤC ĐÍCH, /
    // YÊU CẦU"), after a long numbered heading ("… DU LỊCH / CỘNG ĐỒNG …"), inside a name ("ỦY BAN NHÂN / DÂN"); a short
    // one ("IV. TỔ CHỨC THỰC HIỆN" over "UBND CÁC XÃ") stands alone unless its bold runs on (readText joins those).
    // (No heading is longer than a few lines: a longer paragraph, joined whatever follows, is not read again.)
    const caps = isUpper(l) && prevUpper && size <= 400;
    const prev = caps ? plainText(parts.join(' ')) : '';
    const capsGoOn =
      caps && !isMarked(l) && !AUTHORITY.test(plainText(l)) &&
      (/,$|\s(?:VÀ|CỦA|VỀ|CHO|VỚI|TRONG|TẠI|THEO|ĐỂ|CÁC|NĂM)$/u.test(prev) || (looksLikeHeading(prev) && prev.length > 40) || splitsName(prev, plainText(l)));
    // short capital lines (agency names, the signer's titles) stand each on their own
    const shortCaps = caps && prev.length <= 40 && !capsGoOn;
    // a numbered heading alone on its line ("1. Mục đích") is a paragraph of its own
    const heading = single && looksLikeHeading(plainText(prevLast)) && /^\p{Lu}/u.test(l) && !capsGoOn;
    const dashGoesOn = enDashInText && /^–\s/u.test(l) && parts.length > 0 && !ends && !prevUpper && !looksLikeHeading(plainText(prevLast));
    if (!parts.length || (isMarked(l) && !dashGoesOn) || (ends && /^(?:[\p{Lu}(]|\\\*)/u.test(l)) || isUpper(l) !== prevUpper || AUTHORITY.test(plainText(l)) || shortCaps || heading) {
      flush();
      add(l);
      single = true;
    } else {
      // a ký hiệu a PDF broke after its hyphen ("157/KH-" / "UBND") is one word again; bold over the two lines
      // ("**II. NỘI DUNG**" / "**THỰC HIỆN**") is one run
      if (/[\p{L}\d]-$/u.test(prevLast)) (parts[parts.length - 1] = prevLast + l), letters(l);
      else if (prevLast.endsWith('**') && l.startsWith('**')) (parts[parts.length - 1] = prevLast.slice(0, -2)), add(l.slice(2));
      else add(l);
      single = false;
    }
  }
  flush();
  return out;
}

/** A line drawn with characters under the trích yếu or the Tiêu ngữ ("_______", "-----"): the text's, not the plan's. */
const DRAWN_RULE = /^\s*(?:[_\-–—=]\s*){3,}$/u;
/** A page number left alone on its line by a PDF: "2", "- 2 -", "Trang 2". */
const PAGE_NUMBER = /^\s*(?:[-–]\s*|Trang\s+)?(\d{1,3})(?:\s*[-–])?\s*$/u;

/**
 * The text without the page numbers a PDF left in it: a line of only the next page's number, at least ten
 * lines after the last one (a table's numbers 1, 2, 3 come closer, and start at 1).
 */
function withoutPageNumbers(lines: string[], repairs: string[]): string[] {
  const dropped: number[] = [];
  let since = 0;
  const out = lines.filter((l) => {
    const m = PAGE_NUMBER.exec(l);
    if (m && Number(m[1]) === dropped.length + 2 && since >= 10) {
      dropped.push(Number(m[1]));
      since = 0;
      return false;
    }
    if (l.trim()) since++;
    return true;
  });
  if (dropped.length) repairs.push(`bỏ ${dropped.length} số trang của bản PDF còn lại trong chữ (trang ${dropped.join(', ')}).`);
  return out;
}

/**
 * The header's lines as one line each where a narrow column wrapped them: the Quốc hiệu ("CỘNG HÒA XÃ HỘI" /
 * "CHỦ NGHĨA VIỆT NAM"), and the place and date ("Cần Thơ, ngày 21" / "tháng 11 năm 2025"). A converter's
 * emphasis around a header line ("*Cần Thơ, …*") is the header's style, not its text.
 */
function joinedHeader(parts: Para[]): Para[] {
  const out: Para[] = [];
  for (const p of parts) {
    const text = p.plain.replace(/^[*_\s]+|[*_\s]+$/gu, '');
    if (!text) continue;
    const prev = out.at(-1)?.plain;
    if (prev && ((QUOC_HIEU_HALF.test(prev) && /^CHỦ\s+NGHĨA\b/u.test(text)) || (/,\s*ngày\b/u.test(prev) && !/\bnăm\s+\d{4}$/u.test(prev)))) out[out.length - 1] = para(`${prev} ${text}`);
    else out.push(para(text));
  }
  return out;
}

/** Where a note's reference stood in a paragraph, until the paragraph is whole (characters no text holds). */
const NOTE_REF = /\u0002(\d+)\u0003/gu;

/**
 * Footnotes a text keeps after its signature, as a PDF or a converter writes them: "[1] Chương trình số …",
 * numbered from 1 in order, each referred to in the body by "[1]" after a word. The referred ones leave the
 * end of the text; their references are marked for `withNotes`. A note no one refers to stays where it is.
 */
function notesAtEnd(lines: string[]): { lines: string[]; notes: Map<number, string> } {
  const none = { lines, notes: new Map<number, string>() };
  const after = lines.findLastIndex((l) => /^\s*(?:[-–]\s*)?Nơi nhận\b/u.test(l));
  const start = lines.findIndex((l, i) => i > after && /^\s*\[1\]/u.test(l));
  if (after < 0 || start < 0) return none;
  const texts: string[] = [];
  // (the notes end where an appendix begins: it goes on after them)
  let end = start;
  for (; end < lines.length && !/^\s*(?:PHỤ LỤC|Phụ lục)\b/u.test(lines[end]); end++) {
    const m = /^\s*\[(\d{1,3})\]\s*(.*)$/u.exec(lines[end]);
    if (m && Number(m[1]) === texts.length + 1) texts.push(m[2]);
    else texts[texts.length - 1] += ` ${lines[end].trim()}`;
  }
  const notes = new Map<number, string>();
  const ref = /(?<=[\p{L}\p{N}.,;:)”"])\[(\d{1,3})\]/gu;
  const mark = (l: string) =>
    l.replace(ref, (whole, n: string) => {
      if (!texts[Number(n) - 1] || notes.has(Number(n))) return whole;
      notes.set(Number(n), texts[Number(n) - 1].replace(/\s+/gu, ' ').trim());
      return `\u0002${n}\u0003`;
    });
  const before = lines.slice(0, start).map(mark);
  const appendices = lines.slice(end).map(mark);
  // the notes no one refers to, in their place after the signature
  const left = texts.flatMap((t, i) => (notes.has(i + 1) ? [] : [`[${i + 1}] ${t}`]));
  return { lines: [...before, ...left, ...appendices], notes };
}

/** The paragraphs with each note after the one that refers to it (after the table, for a row), its number shown small. */
function withNotes(ps: string[], notes: Map<number, string>): string[] {
  const out: string[] = [];
  let due: string[] = [];
  for (const p of ps) {
    if (!p.startsWith(ROW) && due.length) out.push(...due.splice(0));
    out.push(p.replace(NOTE_REF, (_, n: string) => superscript(Number(n))));
    for (const m of p.matchAll(NOTE_REF)) due.push(`${superscript(Number(m[1]))} ${notes.get(Number(m[1]))}`);
  }
  return [...out, ...due];
}

/**
 * A line set in spaced letters, as a PDF gives a title ("K Ế  H O Ạ C H", "T r i ể n  k h a i"): nearly every
 * piece one letter, the words apart by two spaces or more. Its words, joined; undefined for another line.
 */
function unspaced(line: string): string | undefined {
  const pieces = line.trim().split(/\s+/u);
  const words = line.trim().split(/\s{2,}/u);
  if (pieces.length < 4 || words.length < 2 || words.length === pieces.length) return undefined;
  const letters = pieces.filter((t) => [...t].length === 1 && /\p{L}/u.test(t)).length;
  if (letters / pieces.length < 0.8) return undefined;
  // within a word its letters join; a longer piece ("I.", "2026") keeps its space
  const word = (w: string) => w.split(/\s/u).reduce((out, t, i, all) => out + (i > 0 && ([...t].length > 1 || [...all[i - 1]].length > 1) ? ' ' : '') + t, '');
  return line.replace(/^(\s*).*$/su, '$1') + words.map(word).join(' ');
}

/** Marks a line that stands as a paragraph of its own (a Markdown heading), a character no text holds. */
const ALONE = '\u0004';

/**
 * Markdown as AI tools write a plan: a heading "## I. MỤC ĐÍCH" is the line "I. MỤC ĐÍCH", a paragraph of its
 * own ("# KẾ HOẠCH" is the kind's name); a list of "* " items is a list of "- " items (a lone "* Lưu ý: …" stays
 * a star); the citation marks a chat tool leaves ("[cite: 1, 3]") go, and are counted.
 */
function markdownLines(lines: string[], repairs: string[]): string[] {
  const starItems = lines.filter((l) => /^\s*\*\s+(?!\*)\S/u.test(l)).length;
  let cites = 0;
  const out = lines.map((raw) => {
    let l = raw.replace(/\s*\[cite:\s*[\d,\s]+\]/gu, () => (cites++, ''));
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/u.exec(l);
    if (heading) {
      const text = heading[1].trim();
      return new RegExp(`^(?:\\*\\*)?\\s*${KIND}\\s*(?:\\*\\*)?$`, 'u').test(text) ? text.replace(/\*\*/gu, '').trim() : ALONE + text;
    }
    if (starItems >= 2) l = l.replace(/^(\s*)\*\s+(?!\*)(?=\S)/u, '$1- ');
    return l;
  });
  if (cites) repairs.push(`bỏ ${cites} dấu trích nguồn của công cụ AI ("[cite: …]").`);
  return out;
}

/**
 * Table rows that a converter wrote with bars between their cells only ("TT | Nhiệm vụ | Chủ trì"), closed as
 * Markdown closes them, so that one reading serves both. Under such a row, a row opening with a bar has its
 * first cell empty (" | (1) | (2)"), as Markdown's leading bar would not say. A row is one of two or more such
 * lines in a run (a table has a header and rows; "a | b | c" under its rule "---|---|---" too), or the closing
 * block's "Nơi nhận: … | TM. …"; a sentence with a bar in it ("Thời gian: tháng 4 | Địa điểm: …"), a list item, a
 * web page's breadcrumb, stand alone and stay text.
 */
function pipedRows(lines: string[]): string[] {
  // (every bar with white space or the line's end on both sides: '"| … |"' in a sentence is no row)
  const bareRow = (t: string) => /(?:^|\s)\|(?:\s|$)/u.test(t) && !/[^\s]\||\|[^\s]/u.test(t) && !(t.startsWith('|') && t.endsWith('|')) && !/^[-–+•*]\s/u.test(t);
  const ruleRow = (t: string) => /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$/u.test(t) && !(t.startsWith('|') && t.endsWith('|'));
  const kind = lines.map((l) => {
    const t = l.trim();
    return ruleRow(t) ? 'rule' : bareRow(t) ? 'row' : undefined;
  });
  const inRun = (i: number) => !!kind[i] && (!!kind[i - 1] || !!kind[i + 1] || /^Nơi nhận\b/u.test(lines[i].trim()));
  let bare = false;
  return lines.map((l, i) => {
    const t = l.trim();
    if (!inRun(i)) {
      if (t) bare = false;
      return l;
    }
    if (kind[i] === 'rule') return `| ${t.replace(/^\|/u, '').replace(/\|$/u, '').trim()} |`;
    const emptyFirst = t.startsWith('|') && bare;
    bare = !t.startsWith('|') || emptyFirst;
    return `${t.startsWith('|') && !emptyFirst ? '' : '| '}${t}${t.endsWith('|') ? '' : ' |'}`;
  });
}

/** The cells of a Markdown table row ("| a | b |"), undefined for another line. */
const pipeCells = (line: string): string[] | undefined => /^\s*\|(.*)\|\s*$/u.exec(line)?.[1].split('|').map((c) => c.trim());
/** A cell's lines: Markdown tables write a line break as <br>. */
const cellLines = (cell: string): string[] => cell.split(/<br\s*\/?>/iu).map((l) => l.trim());

/**
 * Markdown tables that only lay the page out, as AI tools and converters write a plan: the header (agency |
 * Quốc hiệu, Số | place and date) before the kind's name, and the closing block (Nơi nhận | signer). Their
 * cells become lines, left cell first, as a text copied from Word has them; the content's tables stay tables.
 */
function layoutTables(lines: string[]): string[] {
  const kindAt = lines.findIndex((l) => KIND_LINE.test(l.replace(/^\s*\*\*/u, '')));
  return lines.flatMap((l, i) => {
    const cells = pipeCells(l);
    if (!cells) return [l];
    const layout = (kindAt >= 0 && i < kindAt) || /^(?:\*\*)?\s*Nơi nhận\b/u.test(cells[0]);
    if (!layout) return [l];
    // the row under the header row says nothing
    if (cells.every((c) => /^:?-{3,}:?$/u.test(c))) return [];
    return [...cells.flatMap(cellLines), ''];
  });
}

/** ô 1–4 from the lines above the kind's name: the two columns told apart by content, as one unruled table. */
function headerBlock(lines: string[]): Block | undefined {
  const parts: Para[] = [];
  for (const line of lines) {
    // (a number left blank, "Số:      /KH-MTTQ", is one piece: the spaces are the registry's)
    const raw = line.replace(ALONE, '').replace(/(Số\s*:)\s+(?=\/)/u, '$1 ');
    // (columns a PDF put on one line with a single space: split before the Quốc hiệu and the Tiêu ngữ, and after it)
    for (let part of raw.split(HEADER_COLUMNS)) {
      part = part.trim();
      const sd = SO_THEN_DATE.exec(part);
      if (sd) parts.push(para(sd[1]), para(sd[2]));
      else if (part) parts.push(para(part));
    }
  }
  const { left, right } = headerColumns(joinedHeader(parts));
  const cell = (paras: Para[], col: number): Cell => ({ paras, col, colSpan: 1, rowSpan: 1 });
  return left.length || right.length ? { kind: 'table', t: { rows: [[cell(left, 0), cell(right, 1)]], columns: 2, ruled: false } } : undefined;
}

/** A line holding the Quốc hiệu or the Tiêu ngữ (alone, or beside an agency line). */
const NATIONAL_LINE = new RegExp(`${QUOC_HIEU_START}|${TIEU_NGU_START}\\s*Tự\\s+do`, 'u');

/**
 * The header a plan issued by a decision repeats on its own page (Mẫu 1.3: the names and the Quốc hiệu, no
 * number), between the decision's signature and the plan's "KẾ HOẠCH": the lines holding the Quốc hiệu and the
 * agency lines in capitals just above them. Taken out of the lines, and given as ô 1–2.
 */
function planPageHeader(lines: string[]): { lines: string[]; header?: Block } {
  const planAt = lines.findIndex((l, i) => i > 0 && PLAN_NAME.test(l.trim()));
  if (!/^\s*QUYẾT ĐỊNH\b/u.test(lines[0] ?? '') || planAt < 0) return { lines };
  let from = planAt;
  let seen = false;
  for (let i = planAt - 1; i > 0 && planAt - i <= 8; i--) {
    const l = lines[i].trim();
    if (!l) continue;
    if (NATIONAL_LINE.test(l)) (seen = true), (from = i);
    else if (seen && isUpper(l) && l.length <= 60 && !AUTHORITY.test(l)) from = i;
    else break;
  }
  if (!seen) return { lines };
  return { lines: [...lines.slice(0, from), ...lines.slice(planAt)], header: headerBlock(lines.slice(from, planAt)) };
}

/** A field a legal portal lists above the document it shows ("Số hiệu: 1422/QĐ-TTg", "Cơ quan phát hành: Chính phủ"). */
const PORTAL_FIELD = /^\s*(?:Số hiệu|Loại văn bản|Nơi ban hành|Cơ quan ban hành|Cơ quan phát hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày có hiệu lực|Ngày công báo|Số công báo|Tình trạng(?: hiệu lực)?|Lĩnh vực|Lĩnh vực, ngành)\s*:/u;

/** The blocks of a text; `repairs` receives what was changed. */
export function readText(text: string, repairs: string[] = [], seen?: { spaces: number; invisible: number }): Block[] {
  let t = text.replace(/\r\n?/g, '\n');
  const legacy = detectLegacy(t);
  if (legacy) {
    t = fromLegacy(t, legacy);
    repairs.push(convertedText(legacy));
  }
  t = t.normalize('NFC');
  // no-break and wide spaces become spaces, invisible marks go (after the legacy decoding: TCVN3's "ư" is a
  // soft hyphen), before the lines are read; importDocument reports them for every source
  t = plainSpaces(t, seen);
  // a line that is only a web address is the web page's, not the plan's (a text saved from a page keeps
  // its links and footers): left out, and named in the repairs so that nothing goes unseen
  const urls: string[] = [];
  const all = t.split('\n');
  // and so are the fields a legal portal lists above a document ("Cơ quan ban hành: …", "Người ký: …"), before
  // the first line of the document itself
  const firstOwn = all.findIndex((l) => l.trim() && !PORTAL_FIELD.test(l) && !/^\s*https?:\/\//u.test(l));
  const fields = all.slice(0, Math.max(0, firstOwn)).filter((l) => PORTAL_FIELD.test(l)).map((l) => l.trim());
  const kept = all.filter((l, i) => !(/^\s*https?:\/\/\S+\s*$/u.test(l) && urls.push(l.trim())) && !(i < firstOwn && PORTAL_FIELD.test(l)));
  if (urls.length) repairs.push(`bỏ ${urls.length} dòng chỉ có địa chỉ web (của trang web, không phải của kế hoạch): ${urls.join(' ')}`);
  if (fields.length) repairs.push(`bỏ ${fields.length} dòng thông tin của trang web đăng văn bản, đứng trước văn bản: ${fields.map((f) => `"${f}"`).join(', ')}.`);
  // bold that runs over several lines ("**KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC**") is closed and reopened on each
  let open = false;
  const spaced: string[] = [];
  const flat = layoutTables(pipedRows(markdownLines(kept, repairs))).map((l) => {
    const joined = unspaced(l);
    if (joined === undefined) return l;
    spaced.push(joined);
    return joined;
  });
  if (spaced.length) repairs.push(`ghép lại ${spaced.length} dòng chữ in giãn cách (từng chữ cái cách nhau): ${spaced.map((x) => `"${x}"`).join(', ')}.`);
  // the line where the bold that runs on opened, to join a wrapped heading back (below)
  let runFrom = -1;
  const done: string[] = [];
  flat.forEach((raw, i) => (done[i] = lineOf(raw, i)));
  const lines = done;
  function lineOf(raw: string, i: number): string {
    // a Word table a converter wrote as text keeps a line of only "|" between its cells: a break, no more
    if (/^\s*\|\s*$/u.test(raw)) return '';
    // a line of only stars ("**", "** **") opens or closes bold that runs over lines, and says nothing itself
    if (/^\s*\*\*(?:\s*\*\*)*\s*$/u.test(raw)) {
      if ((raw.match(/\*\*/g)!.length % 2) === 1) open = !open;
      return '';
    }
    // "**Nơi nhận:**", as Markdown writes it, opens the closing block as "Nơi nhận:" does
    raw = raw.replace(/^(\s*)\*{1,3}\s*(Nơi nhận\s*:?)\s*\*{1,3}/u, '$1$2');
    // the kind's name in bold on its line, "**KẾ HOẠCH**" or "**KẾ HOẠCH TỔ CHỨC …**", is read without the bold
    const kind = BOLD_KIND.exec(raw);
    if (kind) return kind[1];
    // a star that opens a note ("* Lưu ý: …") is a character, not the start of italics
    const l = raw.replace(/^(\s*)\*(?=\s)/u, '$1\\*');
    if (!l.trim()) return l;
    const odd = (l.match(/\*\*/g)?.length ?? 0) % 2 === 1;
    const goesOn = open;
    let out = open ? `**${l.trimStart()}` : l;
    if (odd) open = !open;
    if (open) out = `${out.trimEnd()}**`;
    // a numbered heading in capitals whose bold runs on to the next line ("**II. NỘI DUNG" / "THỰC HIỆN**") is one
    // heading: the page wrapped it (a heading of its own on the next line has bold of its own)
    if (goesOn && runFrom === i - 1 && isUpper(plainText(out)) && looksLikeHeading(plainText(done[i - 1]))) {
      done[i - 1] = `${done[i - 1].replace(/\*\*$/u, '')} ${out.replace(/^\*\*/u, '')}`;
      runFrom = i;
      return '';
    }
    if (!goesOn && open) runFrom = i;
    return out;
  }
  const blocks: Block[] = [];
  // ô 1–4: everything before the line "KẾ HOẠCH"
  // (a plan issued by a decision begins with QUYẾT ĐỊNH; its own KẾ HOẠCH comes after the decision)
  const kindAt = lines.findIndex((l) => KIND_LINE.test(l));
  if (kindAt > 0) {
    const header = headerBlock(lines.slice(0, kindAt));
    if (header) blocks.push(header);
  }
  const cleaned = withoutPageNumbers(kindAt >= 0 ? lines.slice(kindAt) : lines, repairs).filter((l) => !DRAWN_RULE.test(l));
  const { lines: planLines, header: planHeader } = planPageHeader(cleaned);
  const { lines: rest, notes } = notesAtEnd(planLines);
  if (notes.size) repairs.push(notesMoved(notes.size));
  // "KẾ HOẠCH Tuyên truyền …" on one line: the kind, then the trích yếu
  if (kindAt >= 0) {
    const m = new RegExp(`^\\s*(${KIND})\\s+(.+)$`, 'u').exec(rest[0]);
    if (m && !PLAN_NAME.test(rest[0].trim())) rest.splice(0, 1, m[1], m[2]);
  }
  // a text double-spaced by its extraction (a blank line after nearly every line): blank lines say nothing
  const filled = rest.filter((l) => l.trim()).length;
  const followedByBlank = rest.filter((l, j) => l.trim() && j + 1 < rest.length && !rest[j + 1].trim()).length;
  const doubleSpaced = filled > 20 && followedByBlank / filled > 0.8;
  if (doubleSpaced) repairs.push('văn bản cách một dòng trống sau mỗi dòng: các dòng được nối lại thành đoạn theo dấu câu và ký hiệu đầu dòng.');
  const joined = { n: 0 };
  const ps = withNotes(paragraphs(doubleSpaced ? rest.filter((l) => l.trim()) : rest, joined), notes);
  if (joined.n) repairs.push(`nối lại ${joined.n} chỗ câu bị ngắt bởi dòng trống (dòng sau viết tiếp bằng chữ thường hoặc chữ số).`);
  let k = 0;
  const centred = (t: string) => blocks.push({ kind: 'p', p: para(t, { align: 'center', bold: true }) });
  // the kind's name, then its trích yếu (a decision's: then its authority) up to the first căn cứ or
  // numbered part, and a plan's reference line "(Kèm theo Quyết định …)"
  const title = (max: number, decision = false) => {
    centred(ps[k++]);
    // (the first line is the trích yếu whatever it starts with: "Thực hiện Nghị quyết …" is one)
    // (a letter's "Kính gửi:", which a plan has not, ends it too: it stays a paragraph)
    for (const start = k; k < ps.length && k < start + max && (k === start || !isMarked(ps[k])) && !DECISION_BODY.test(ps[k]) && !REFERENCE_START.test(ps[k]) && !/^(?:\*\*)?Kính gửi\b/u.test(ps[k]); ) {
      // a decision's authority ("BỘ TRƯỞNG BỘ …") that the extraction joined to its trích yếu stands apart
      const joined = decision ? AUTHORITY_JOINED.exec(ps[k]) : null;
      // (not the authority's own title: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" is one line)
      if (joined && !AUTHORITY_TITLE.test(joined[1]) && !/\s(?:CỦA|VÀ)$/u.test(joined[1]) && DECISION_BODY.test(ps[k + 1] ?? '')) centred(joined[1]), centred(joined[2]), k++;
      else centred(ps[k++]);
    }
    if (REFERENCE_START.test(ps[k] ?? '')) blocks.push({ kind: 'p', p: para(ps[k++], { align: 'center', italic: true }) });
  };
  const emit = (list: string[]) => {
    for (let j = 0; j < list.length; j++) {
      if (list[j].startsWith(ROW)) {
        const start = j;
        while (j + 1 < list.length && list[j + 1].startsWith(ROW)) j++;
        blocks.push(tableOf(list.slice(start, j + 1)));
      } else blocks.push({ kind: 'p', p: para(list[j], looksLikeHeading(plainText(list[j])) ? { bold: true } : {}) });
    }
  };
  /** The closing block from `from`: "Nơi nhận:" (or the signer's first line) up to `until`. */
  const closing = (from: number, until: number): void => {
    let closeAt = ps.findIndex((p, i) => i >= from && i < until && /^Nơi nhận\b/u.test(p));
    if (closeAt < 0) closeAt = until;
    // signer lines the extraction put before "Nơi nhận:"
    let signStart = closeAt;
    while (signStart > from && (AUTHORITY.test(ps[signStart - 1]) || (isUpper(ps[signStart - 1]) && ps[signStart - 1].length < 40 && !/^[IVXLC]+\./u.test(ps[signStart - 1])))) signStart--;
    emit(ps.slice(from, signStart));
    if (closeAt < until || signStart < closeAt) closingTable(signStart, until);
  };
  const closingTable = (signStart: number, closeEnd: number) => {
    const left: Para[] = [];
    const right: Para[] = [];
    for (const p of ps.slice(signStart, closeEnd)) {
      if (/^Nơi nhận\b/u.test(p)) {
        const after = p.replace(/^Nơi nhận\s*:?\s*/u, '');
        left.push(para('Nơi nhận:'));
        // the signer's line the extraction put beside "Nơi nhận:"
        if (after && isUpper(plainText(after)) && !/^[-–]/u.test(after)) right.push(para(after, { bold: true }));
        else if (after) for (const r of after.split(/(?<=;)\s+(?=[-–])/u)) left.push(para(r));
      } else if (/^[-–]\s/u.test(p)) {
        // "- Như trên; - Lưu: VT." joined by the extraction: one recipient each; a signer's line the extraction put
        // at the end of one ("- TT. Thành ủy; TT. HĐND thành phố; KT. CHỦ TỊCH") is the signer's
        for (const r of p.split(/(?<=[;.])\s+(?=[-–]\s)/u)) {
          const signer = /^(.*?[;,]?)\s+((?:TM|KT|TL|TUQ|Q)\.\s*\p{Lu}[\p{Lu}\s]*)$/u.exec(r);
          if (signer && isUpper(signer[2])) left.push(para(signer[1])), right.push(para(signer[2], { bold: true }));
          else left.push(para(r));
        }
      } else if (left.length && (/^Lưu\s*:/u.test(p) || (/;$/u.test(p) && !isUpper(plainText(p))))) {
        // a recipient typed without its dash: "Sở GDĐT Đồng Tháp (báo cáo);", "Lưu: VT." (never a signer's line)
        left.push(para(p));
      } else right.push(para(p, { bold: true }));
    }
    if (right.length > 1 || left.length) {
      blocks.push({ kind: 'table', t: { rows: [[{ paras: left, col: 0, colSpan: 1, rowSpan: 1 }, { paras: right, col: 1, colSpan: 1, rowSpan: 1 }]], columns: 2, ruled: false } });
    }
  };
  if (ps[0] === 'QUYẾT ĐỊNH') {
    // the decision, up to the plan it issues: its nơi nhận and signature are the whole document's
    title(6, true);
    const planAt = ps.findIndex((p, i) => i >= k && PLAN_NAME.test(p));
    closing(k, planAt < 0 ? ps.length : planAt);
    if (planHeader) blocks.push(planHeader);
    k = planAt < 0 ? ps.length : planAt;
  }
  if (PLAN_NAME.test(ps[k] ?? '')) title(2);
  // a plan issued by a decision has no closing of its own: its appendices follow its body
  const decided = ps[0] === 'QUYẾT ĐỊNH';
  // (found once: a text of many "Phụ lục" lines stays linear)
  const recipientsAt = ps.findIndex((x, i) => i >= k && /^Nơi nhận\b/u.test(x));
  // an appendix may open with its title alone, in capitals, its reference line right under it ("DANH MỤC …",
  // "(Kèm theo Kế hoạch số …)"), with no "Phụ lục" line: it is no signer's line
  const titled = (p: string, i: number) => !/^Phụ lục\b/iu.test(p) && isUpper(plainText(p)) && !AUTHORITY.test(p) && ps.slice(i + 1, i + 3).some((q) => REFERENCE_START.test(q));
  const opensAppendix = (p: string, i: number) => (/^Phụ lục\b/iu.test(p) && p.length < 60) || titled(p, i);
  const appendixAt = ps.findIndex((p, i) => i >= k && (decided ? /^Phụ lục\b/iu.test(p) && p.length < 60 : recipientsAt >= 0 && i > recipientsAt && (/^Phụ lục\b/iu.test(p) || titled(p, i))));
  closing(k, appendixAt < 0 ? ps.length : appendixAt);
  if (appendixAt >= 0) {
    // each appendix: "Phụ lục …" (or its title alone), its title and the reference line "(Ban hành kèm theo …)" when there is one
    const starts = ps.flatMap((p, i) => (i >= appendixAt && opensAppendix(p, i) && !(i > 0 && /^Phụ lục\b/iu.test(ps[i - 1])) ? [i] : []));
    starts.forEach((at, n) => {
      const end = starts[n + 1] ?? ps.length;
      const ref = ps.slice(at, Math.min(at + 4, end)).findIndex((p) => REFERENCE_START.test(p));
      const head = ps.slice(at, Math.min(end, at + (ref > 0 ? ref + 1 : 2)));
      for (const h of head) blocks.push({ kind: 'p', p: para(h, { align: 'center', bold: true }) });
      const rows = ps.slice(at + head.length, end);
      // an appendix's table has no columns left in a text: its lines kept as rows of one column
      if (rows.some((r) => r.startsWith(ROW))) emit(rows);
      else if (rows.length) {
        repairs.push(`phụ lục: ${rows.length} dòng giữ thành các hàng của một cột (văn bản không còn cột của bảng).`);
        const cell = (t: string): Cell => ({ paras: [para(t)], col: 0, colSpan: 1, rowSpan: 1 });
        blocks.push({ kind: 'table', t: { rows: [[cell('Nội dung')], ...rows.map((r) => [cell(r)])], columns: 1, ruled: true } });
      }
    });
  }
  return blocks;
}
