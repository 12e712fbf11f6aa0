// Blocks a reader sees (from a .docx or a text) → a plan in the YAML format, by content and layout: the
// header's two columns, KẾ HOẠCH and its trích yếu, căn cứ, numbered sections and items, the closing
// sentence, nơi nhận beside the signer, appendices. Nothing is dropped: what cannot be placed stays as a
// plain paragraph where it stood, with a note ("CẦN XEM") that becomes a YAML comment.
import type { Block, Cell, Para, TableBlock } from './docx-read.js';
import { ROLE_TITLES, ROLES, type Role } from '../plan/schema.js';
import { acrossByDefault, roman } from '../plan/normalize.js';
import { plainText } from '../text/inline.js';
import { isUpper, withoutTones } from '../text/normalize-text.js';
import { isRealDate } from '../text/dates.js';
import { DOC_TYPES as DOC_TYPE_NAMES, isDocNumber } from '../text/doc-number.js';
import { isBodyName } from '../text/bodies.js';

export type Path = (string | number)[];

export interface Recognised {
  /** The plan as the YAML format writes it, keys in the order of the examples. */
  plan: Record<string, unknown>;
  /** A comment to put before the value at a path: what was guessed or is uncertain. */
  notes: { path: Path; note: string }[];
  /** What was recognised, for the summary printed per file. */
  found: string[];
  /** Guesses the clerk should check. */
  guesses: string[];
}

const QUOC_HIEU = /^CỘNG\s*HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM$/iu;
const TIEU_NGU = /^Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc$/iu;
const SO = /^Số\s*:\s*(\d*)\s*\/\s*([A-ZĐ0-9][A-ZĐ0-9-]*)\s*$/u;
// a day or month left for the registry is blank, or dots ("ngày ... tháng 8 năm 2026")
const PLACE_DATE = /^(.+?),\s*ngày\s*(?:(\d{1,2})|[.…_]*)\s*tháng\s*(?:(\d{1,2})|[.…_]*)\s*năm\s+(\d{4})\s*$/u;
/**
 * A header line that starts an agency's name ("TRƯỜNG THPT …", "SỞ Y TẾ"), not one that goes on with it ("ĐỒNG
 * THÁP"); compared without tones, as a name read by OCR may have lost one ("TRƯƠNG THPT").
 */
const AGENCY_START = new RegExp(withoutTones(/^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|SỞ|PHÒNG|BỘ|CỤC|CHI CỤC|TỔNG CỤC|VỤ|VIỆN|TRUNG TÂM|BỆNH VIỆN|TRƯỜNG|BAN|VĂN PHÒNG|THANH TRA|ĐOÀN|HỘI|CÔNG AN|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|TỈNH ỦY|HUYỆN ỦY|MẶT TRẬN|TRẠM|ĐÀI|BẢO HIỂM|KHO BẠC|TỔNG CÔNG TY|CÔNG TY|LIÊN ĐOÀN|CHI NHÁNH)(?=\s|$)/u.source), 'u');
const RULE_LINE = /^[\s_\-–—=.]*$/u;
const ROMAN = /^([IVXLC]+)\.\s+(.*)$/su;
// the period may be lost (a scan's "1 NỘI DUNG"); then a capital follows, as a title starts: "03 ngày: …" is a sentence
const KHOAN = /^(\d+(?:\.\d+)*)(?:\.\s+|\s+(?=\p{Lu}))(.*)$/su;
// a) b) by default; a. a/ a/. as some offices write them (kieu_diem)
const DIEM = /^([a-zđ])(\)|\/\.?|\.)\s+(.*)$/su;
const GACH = /^[-–•]\s+(.*)$/su;
const CONG = /^\+\s+(.*)$/su;
const BASIS_OPENERS = /^(Căn cứ|Thực hiện|Theo|Xét|Triển khai|Thực hiện chỉ đạo của)\s+(.*)$/su;
// (and "Văn bản số …", as offices cite a letter)
const DOC_TYPES = [...DOC_TYPE_NAMES, 'Văn bản'].join('|');
/** What an agency does with its plan in the sentence that opens it: "Sở Y tế ban hành Kế hoạch …". */
const ISSUES = 'ban hành|xây dựng|triển khai|lập';
const CITATION = new RegExp(
  `^(${DOC_TYPES})\\s+số\\s+([^\\s,;]+)\\s+ngày\\s+(?:(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))(?:\\s+của\\s+(.+))?$`,
  'su',
);

const pad2 = (n: string | number) => String(n).padStart(2, '0');
const clean = (s: string) => s.replace(/[\t ]+/g, ' ').trim();

/** Text of a paragraph for matching: no markup, spaces folded. */
const plainOf = (p: Para) => clean(p.plain.replace(/\n/g, ' '));

/** A paragraph's text with inline markup, its automatic marker prepended (a reader sees both). */
function fullText(p: Para): string {
  const t = clean(p.text.replace(/\n/g, ' '));
  return p.marker ? `${p.marker} ${t}` : t;
}

/** Split "**I. TITLE**: rest" into the bold head and what follows its colon. */
function headAndInline(p: Para): { head: string; inline?: string } {
  const t = fullText(p);
  // (bold, or bold and italic: "***3.1. Đối tượng***: …"; the closing stars match the opening ones)
  const m = /^(\*{2,3})([^*]+)\1\s*:\s*(.+)$/su.exec(t) ?? /^(\*{2,3})([^*]+):\1\s*(.+)$/su.exec(t);
  if (m) return { head: m[2].trim(), inline: m[3].trim() };
  // a text without weights: an upper-case head before its colon ("IV. KINH PHÍ THỰC HIỆN: Theo …")
  const u = /^([^:*]+):\s+(.+)$/su.exec(t);
  if (u && isUpper(u[1].replace(/^[IVXLC]+\.\s*/u, ''))) return { head: u[1].trim(), inline: u[2].trim() };
  return { head: plainText(t) };
}

type Ctx = Recognised;

function citation(text: string, c: Ctx): Record<string, unknown> | string {
  const body = text.replace(/[;.,]\s*$/u, '').trim();
  const m = CITATION.exec(body);
  if (!m) return body;
  const [, loai, so, d1, m1, y1, d2, m2, y2, rest] = m;
  const ngay = y1 ? `${y1}-${pad2(m1)}-${pad2(d1)}` : `${y2}-${pad2(m2)}-${pad2(d2)}`;
  // a date that is on no calendar (a typing slip, or a scan's "37" for "27") is not guessed at: the citation
  // stays the source's text, for the clerk to correct
  if (!isRealDate(ngay)) {
    c.guesses.push(`căn cứ "${body.slice(0, 60)}" có ngày không có trên lịch: giữ nguyên văn bản, cần kiểm tra.`);
    return body;
  }
  // likewise a number not in the ND30 form ("01-KH-UBND", a scan's "13/KH-SYT'")
  if (!isDocNumber(so)) {
    c.guesses.push(`căn cứ "${body.slice(0, 60)}" có số, ký hiệu "${so}" không đúng dạng: giữ nguyên văn bản, cần kiểm tra.`);
    return body;
  }
  const out: Record<string, unknown> = { loai, so_ky_hieu: so, ngay };
  if (!y1) out.kieu_ngay = 'chu';
  if (rest) {
    // the issuer ends at "về" (the usual connective) or before a verb that starts the subject
    const ve = /^(.+?)\s+(về việc|về|việc)\s+(.+)$/su.exec(rest);
    const verb = /^(.+?)\s+((?:phê duyệt|ban hành|quy định|hướng dẫn|triển khai|thực hiện|tổ chức|tăng cường|đẩy mạnh|sửa đổi|bổ sung)\b.*)$/su.exec(rest);
    // whichever comes first: "của Chính phủ quy định về …" is Chính phủ's, "quy định về …" its subject
    if (ve && !(verb && verb[1].length < ve[1].length)) Object.assign(out, { co_quan: ve[1], ...(ve[2] !== 'về' ? { lien_tu: ve[2] } : {}), trich_yeu: ve[3] });
    else if (verb) Object.assign(out, { co_quan: verb[1], lien_tu: '', trich_yeu: verb[2] });
    else out.co_quan = rest;
  }
  return out;
}

/** One căn cứ paragraph: its opener and the documents it cites ("Thực hiện A; B; C."). */
function basisParagraph(text: string): { opener: string; items: string[]; end: string; rest?: string } | undefined {
  const m = BASIS_OPENERS.exec(text);
  if (!m) return undefined;
  // "… năm 2019. Sở Y tế Hậu Giang ban hành Kế hoạch …", "Căn cứ tình hình thực tế của Trường …, Trường … ban
  // hành Kế hoạch …": the sentence after the căn cứ is the opening (at the first such full stop or comma)
  for (const cut of m[2].matchAll(/[.,]\s+(?=\p{Lu})/gu)) {
    const rest = m[2].slice(cut.index! + cut[0].length);
    if (!new RegExp(`^\\p{Lu}[^.]*?(?:${ISSUES})\\s`, 'su').test(rest) || new RegExp(`^(?:${DOC_TYPES})(?=\\s)`, 'u').test(rest)) continue;
    const head = basisParagraph(`${m[1]} ${m[2].slice(0, cut.index! + 1)}`);
    if (head) return { ...head, rest };
  }
  const end = /([.;:,])\s*$/.exec(m[2])?.[1] ?? '.';
  const body = m[2].replace(/[.;:,]\s*$/u, '');
  // "…; Luật …; Căn cứ Kế hoạch số …": a document per item, the opener said again or not
  const items = body.split(new RegExp(`;\\s+(?=(?:${m[1]}\\s+)?(?:${DOC_TYPES})(?=\\s))`, 'u'));
  return { opener: m[1], items, end };
}

/** Lines of a header written without a table: the Quốc hiệu, tiêu ngữ and date stand on the right. */
export function headerColumns(pieces: Para[]): { left: Para[]; right: Para[] } {
  const left: Para[] = [];
  const right: Para[] = [];
  for (const p of pieces) (QUOC_HIEU.test(plainOf(p)) || TIEU_NGU.test(plainOf(p)) || PLACE_DATE.test(plainOf(p)) ? right : left).push(p);
  return { left, right };
}

/** A paragraph's pieces: its lines (manual breaks, tabs), or itself. */
const pieces = (ps: Para[]): Para[] => ps.flatMap((p) => p.lines ?? [p]);

/** Địa danh and ngày from a "Hà Nội, ngày 05 tháng 3 năm 2026" line (a day or month left blank: the plan's the same). */
function placeDate(c: Ctx, pd: RegExpExecArray): void {
  c.plan.dia_danh = pd[1].trim();
  c.plan.ngay = pd[2] && pd[3] ? `${pd[4]}-${pad2(pd[3])}-${pad2(pd[2])}` : pd[3] ? `${pd[4]}-${pad2(pd[3])}` : pd[4];
}

/** The header (ô 1–4): agency lines, Số, place and date. */
function header(left: Para[], right: Para[], c: Ctx): void {
  const agency: Para[] = [];
  for (const p of [...left, ...right]) {
    const t = plainOf(p);
    if (!t || RULE_LINE.test(t) || QUOC_HIEU.test(t) || TIEU_NGU.test(t)) continue;
    const so = SO.exec(t);
    const pd = PLACE_DATE.exec(t);
    if (so) {
      if (so[1]) c.plan.so = Number(so[1]);
      c.plan.ky_hieu = so[2];
      c.found.push(`số, ký hiệu: ${t}`);
    } else if (pd) {
      placeDate(c, pd);
      c.found.push(`địa danh, ngày tháng: ${t}`);
    } else if (/^V\/v\s/u.test(t)) {
      c.notes.push({ path: ['trich_yeu'], note: `CẦN XEM: văn bản gốc có dòng "${t}" dưới số, ký hiệu; Nghị định 30 chỉ cho công văn dòng "V/v", kế hoạch ghi trích yếu dưới chữ KẾ HOẠCH, nên dòng này không đưa vào.` });
    } else if (left.includes(p) && !/^\[.*\]$/u.test(t)) agency.push(p);
    else c.notes.push({ path: [], note: `CẦN XEM: dòng "${t}" ở phần đầu văn bản không rõ là gì, chưa đưa vào kế hoạch.` });
  }
  if (!agency.length) return;
  // ô 2: the superior agency is not bold, the issuing agency is; a text without weights: the first line
  // is the superior one when there are several
  let superior = agency.filter((p) => !p.bold);
  let issuer = agency.filter((p) => p.bold);
  if (!issuer.length) {
    // without weights, the issuer's name starts at the last line that starts a name ("SỞ GIÁO DỤC VÀ ĐÀO TẠO /
    // ĐỒNG THÁP / TRƯỜNG THPT …": the school's); one line that starts a name, the first, is one name over its
    // lines ("ĐOÀN KIỂM TRA / THEO QUYẾT ĐỊNH / SỐ …"); with none, a second line that goes on with "VÀ …" or an
    // administrative unit ("TỈNH SƠN LA") is the same name, else the first line is the superior one
    const starts = agency.flatMap((p, k) => (AGENCY_START.test(withoutTones(plainOf(p))) ? [k] : []));
    const oneName = (starts.length === 1 && starts[0] === 0) || (agency.length === 2 && /^(VÀ|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)(?=\s)/u.test(plainOf(agency[1])));
    const at = starts.length > 1 ? starts[starts.length - 1] : agency.length > 1 && !oneName ? 1 : 0;
    superior = agency.slice(0, at);
    issuer = agency.slice(at);
    if (at > 0) c.guesses.push(`dòng ${superior.map((p) => `"${plainOf(p)}"`).join(', ')} được coi là cơ quan chủ quản (không có chữ đậm để phân biệt).`);
  }
  const lines = (ps: Para[]) => (ps.length === 1 ? plainOf(ps[0]) : ps.map(plainOf));
  if (superior.length) c.plan.co_quan_chu_quan = lines(superior);
  c.plan.co_quan_ban_hanh = lines(issuer);
  c.found.push(`cơ quan ban hành: ${issuer.map(plainOf).join(' ')}`);
}

/** The closing table: nơi nhận and Lưu on the left, the signer on the right. */
function closing(left: Para[], right: Para[], c: Ctx): void {
  const recipients: string[] = [];
  // a line that goes on with the item before it: the item started with a dash and did not end with ";" or
  // "." (a scan's lines come one by one; a Word paragraph is never cut in two)
  let open = false;
  for (const p of left) {
    const t = plainOf(p);
    if (!t || /^Nơi nhận\s*:?$/iu.test(t)) continue;
    const luu = /^[-–]?\s*Lưu\s*:\s*(.+?)\.?$/iu.exec(t);
    const marked = /^[-–•+]/u.test(t);
    if (luu) c.plan.luu = luu[1].trim();
    else if (open && !marked) recipients[recipients.length - 1] += ` ${t.replace(/[;.,]$/u, '').trim()}`;
    else recipients.push(t.replace(/^[-–•+]\s*/u, '').replace(/[;.,]$/u, '').trim());
    open = !luu && (marked || open) && !/[;.]$/u.test(t);
  }
  if (recipients.length) c.plan.noi_nhan = recipients;
  c.found.push(`nơi nhận: ${recipients.length} dòng`);
  // a converter that joined the cell's lines: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" is two authority lines, and
  // "PHÓ CHỦ TỊCH Nguyễn Thành Sinh" the title over the name
  const lines = right
    .map(plainOf)
    .filter((t) => t && !RULE_LINE.test(t))
    .flatMap((t) => (AUTHORITY.test(t) || /^T\/M\./u.test(t) ? t.split(/\s+(?=(?:KT|TL|TUQ|Q)\.\s?\p{Lu})/u) : [t]))
    .flatMap((t) => {
      const m = /^((?:[\p{Lu}\p{M}]+\s+)*[\p{Lu}\p{M}]{2,})\s+(\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]*)+)$/u.exec(t);
      return m && !AUTHORITY.test(t) ? [m[1], m[2]] : [t];
    });
  if (!lines.length) return;
  const signer: Record<string, unknown> = {};
  // the name is the last line not in capitals; capital lines under it are duoi_ten (a title held elsewhere)
  const at = lines.findLastIndex((l) => !isUpper(l));
  const under = at >= 0 ? lines.splice(at + 1) : [];
  // (every line in capitals: the last is the name, "NGUYỄN VĂN A", unless it is a title: then the name is still to
  // be written, as a template leaves it)
  const title = /(?:^|\s)(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|PHÓ|BÍ THƯ|THỦ TRƯỞNG|THỦ TƯỚNG|CHÁNH|ỦY VIÊN|THƯ KÝ)(?:\s|$)/u;
  const name = at >= 0 || !title.test(lines[lines.length - 1]) ? lines.pop()! : undefined;
  const titles: string[] = [];
  for (const l of lines) {
    // "T/M." is written for "TM." (ND30 §6: "TM.")
    const tm = /^T\/?M\.\s*(.+)$/u.exec(l);
    const auth = /^(KT|TL|TUQ|Q)\.\s*(.+)$/u.exec(l);
    if (tm) signer.thay_mat = tm[1];
    else if (auth) Object.assign(signer, { quyen_han: auth[1], thu_truong: auth[2] });
    else if (isUpper(l)) titles.push(l);
    else c.notes.push({ path: ['nguoi_ky'], note: `CẦN XEM: dòng "${l}" trong khối chữ ký chưa được đưa vào.` });
  }
  // title lines as the source breaks them (a head of a committee who also holds a state title: two lines)
  if (titles.length) signer.chuc_vu = titles.length === 1 || titles.length > 3 ? titles.join(' ') : titles;
  if (name !== undefined) signer.ho_ten = name;
  if (under.length) signer.duoi_ten = under.length === 1 ? under[0] : under;
  c.plan.nguoi_ky = signer;
  c.found.push(`người ký: ${[...lines, ...(name !== undefined ? [name] : [])].join(' / ')}`);
}

type Item = Record<string, unknown>;

/** A container of the body under construction: its list, the level of its items, numbering seen so far. */
interface Frame {
  list: unknown[];
  path: Path;
  rank: number;
  /** Within a section: its role (for recognising units in Tổ chức thực hiện). */
  role?: Role;
  /** The section or item whose list this is (it carries the điểm's letter form). */
  owner?: Item;
}

/** A closing's first words: "Trên đây là Kế hoạch …". */
const CLOSING_START = /^Trên đây là(?=\s)/u;
/** A closing's first words when it is found at the end of the body: "Trong quá trình thực hiện …, nếu có vướng mắc". */
const CLOSING_LATE = /^(?:Trong quá|Quá) trình (?:tổ chức )?(?:thực hiện|triển khai)\b.*\b(?:vướng mắc|khó khăn|phát sinh)\b/u;

/** A closing paragraph as the issuer's last word: "Ủy ban nhân dân tỉnh yêu cầu các sở … nghiêm túc triển khai thực hiện Kế hoạch này". */
const CLOSING_ASK = /(?<![\p{L}\p{M}])(?:yêu cầu|đề nghị)(?![\p{L}\p{M}])[^.;]*(?<![\p{L}\p{M}])(?:thực hiện|triển khai)(?![\p{L}\p{M}])[^.;]*(?<![\p{L}\p{M}])kế hoạch này(?![\p{L}\p{M}])/iu;

const RANK = { muc: 0, khoan: 1, diem: 10, gach: 11, cong: 12 } as const;

class Body {
  private sections: Item[] = [];
  private stack: Frame[] = [];
  readonly opening: unknown[] = [];
  readonly closingParas: unknown[] = [];
  private usedRoles = new Set<Role>();
  private inClosing = false;
  /** The run of plain paragraphs the body ends with so far: where a closing without "Trên đây là" is looked for. */
  private tail: { list: unknown[]; start: number } | undefined;
  /** The part (A., B. …) the sections go into, once the plan has parts. */
  private part: Item | undefined;

  /**
   * `flat`: a list of blocks without sections (an appendix's content); `depthOffset`: 1 when the
   * sections are numbered 1., 2. (danh_so: muc: so), so that "3.1." is a khoản of section 3.
   */
  constructor(
    private c: Ctx,
    private flat?: { list: unknown[]; path: Path },
    public depthOffset = 0,
  ) {
    if (flat) this.stack = [{ list: flat.list, path: flat.path, rank: 0 }];
  }

  get started(): boolean {
    return this.sections.length > 0 || !!this.flat;
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  private role(title: string): Role | undefined {
    const r = ROLE_TITLES[title.toLocaleLowerCase('vi').replace(/[.:]$/u, '').trim()];
    if (!r || this.usedRoles.has(r) || !ROLES.includes(r)) return undefined;
    this.usedRoles.add(r);
    return r;
  }

  section(p: Para, numeral: string, expected: string): void {
    const { head, inline } = headAndInline(p);
    const title = head.replace(/^(?:[IVXLC]+|\d+)\.\s*/u, '');
    const s: Item = { muc: title };
    if (inline) s.cung_dong = inline;
    const r = ROLE_TITLES[title.toLocaleLowerCase('vi')];
    // a section under its part's default title is that part ("TỔ CHỨC THỰC HIỆN": where derive puts the unit's
    // own responsibilities); its title stays as written
    const role = this.role(title);
    if (role) s.phan = role;
    s.noi_dung = [];
    // inside a part (A., B. …) the Roman sections are the part's own, numbered again from I.
    const part = this.part;
    const path: Path = part ? ['noi_dung', this.sections.length - 1, 'cac_muc', ((part.cac_muc as Item[] | undefined) ?? []).length] : ['noi_dung', this.sections.length];
    if (numeral !== expected) this.c.notes.push({ path, note: `CẦN XEM: văn bản gốc đánh số "${numeral}.", kehoach đánh theo thứ tự là "${expected}.".` });
    if (part) ((part.cac_muc as Item[]) ??= []).push(s);
    else this.sections.push(s);
    this.stack = [{ list: s.noi_dung as unknown[], path: [...path, 'noi_dung'], rank: 0, role: r, owner: s }];
    this.inClosing = false;
    this.tail = undefined;
  }

  /** A part above the Roman sections ("A. MỤC ĐÍCH, YÊU CẦU"): its own items, then its sections. */
  partHeading(p: Para, letter: string, expected: string): void {
    const { head } = headAndInline(p);
    const title = head.replace(/^\p{Lu}\.\s*/u, '');
    const s: Item = { phan_lon: title };
    // a part under its default title is that part, as a section is ("D. TỔ CHỨC THỰC HIỆN": where derive puts the unit's own)
    const role = this.role(title);
    if (role) s.phan = role;
    s.noi_dung = [];
    const path: Path = ['noi_dung', this.sections.length];
    if (letter !== expected) this.c.notes.push({ path, note: `CẦN XEM: văn bản gốc ghi phần "${letter}.", kehoach đánh theo thứ tự là "${expected}.".` });
    this.sections.push(s);
    this.part = s;
    this.stack = [{ list: s.noi_dung as unknown[], path: [...path, 'noi_dung'], rank: 0 }];
    this.inClosing = false;
    this.tail = undefined;
  }

  /** Place an item of `rank` under the nearest container of a lower rank. */
  private place(rank: number, item: Item, childList?: unknown[]): void {
    while (this.stack.length > 1 && this.top().rank >= rank) this.stack.pop();
    const f = this.top();
    const path: Path = [...f.path, f.list.length];
    f.list.push(item);
    this.tail = undefined;
    if (childList) this.stack.push({ list: childList, path: [...path, 'noi_dung'], rank, role: f.role, owner: item });
  }

  item(p: Para): void {
    // the place and date typed at the end of the body (above Nơi nhận), not in the header: the plan's own
    const pd = !this.c.plan.ngay ? PLACE_DATE.exec(plainOf(p)) : null;
    if (pd) {
      placeDate(this.c, pd);
      this.c.found.push(`địa danh, ngày tháng (cuối văn bản): ${plainOf(p)}`);
      return;
    }
    if (!this.flat && (this.inClosing || CLOSING_START.test(plainOf(p)))) {
      this.inClosing = true;
      this.closingParas.push(fullText(p));
      return;
    }
    const text = fullText(p);
    const plain = plainText(text);
    let m: RegExpExecArray | null;
    if ((m = KHOAN.exec(plain)) && !/^\d+\.\d{3}/.test(plain) && this.started) {
      const depth = Math.max(1, m[1].split('.').length - this.depthOffset);
      const { head, inline } = headAndInline(p);
      const title = head.replace(/^\d+(?:\.\d+)*\.?\s*/u, '');
      const kids: unknown[] = [];
      const it: Item = {};
      const inTask = this.top().role === 'to_chuc_thuc_hien' || this.stack[0]?.role === 'to_chuc_thuc_hien';
      const role = p.bold || inline ? this.role(title) : undefined;
      // (a body's name, not a sentence that opens with one, "Cục … có trách nhiệm:"; or a kind of the issuer's own
      // units: "Khoa …", "Tổ …", "Các trường …")
      if (p.bold && inTask && depth === 1 && !inline && ((isBodyName(title) && !/\bcó trách nhiệm\b|:$/u.test(title)) || /^(Phòng|Khoa|Ban|Văn phòng|Trung tâm|Các|Sở|Ủy ban|UBND|Bệnh viện|Trạm|Đội|Tổ|Trường|Công an|Bộ phận)(?=\s)/u.test(title))) {
        it.don_vi = title;
      } else {
        if (role) it.phan = role;
        else it.khoan = p.bold || inline ? title : stripMarker(text);
        if (!p.bold && !inline) it.tieu_de = false;
        if (inline) it.cung_dong = inline;
      }
      it.noi_dung = kids;
      this.place(RANK.khoan + depth - 1, it, kids);
      return;
    }
    if ((m = DIEM.exec(plain)) && this.started) {
      const kids: unknown[] = [];
      this.place(RANK.diem, { diem: stripMarker(text), noi_dung: kids }, kids);
      // the letter's form belongs to the list's owner ("a." under this khoản); "a)" is the default
      const owner = this.stack[this.stack.length - 2]?.owner;
      if (m[2] !== ')' && owner && owner.kieu_diem === undefined) owner.kieu_diem = `a${m[2]}`;
      return;
    }
    if ((m = GACH.exec(plain))) {
      const kids: unknown[] = [];
      if (!this.started) this.opening.push({ gach: stripMarker(text) });
      else this.place(RANK.gach, { gach: stripMarker(text), noi_dung: kids }, kids);
      return;
    }
    if ((m = CONG.exec(plain)) && this.started) {
      this.place(RANK.cong, { cong: stripMarker(text) });
      return;
    }
    if (!this.started) this.opening.push(text);
    else {
      // a plain paragraph belongs to the numbered item above it, not to a bullet
      while (this.stack.length > 1 && this.top().rank >= RANK.diem) this.stack.pop();
      const list = this.top().list;
      if (p.align === 'center') this.tail = undefined;
      else if (!this.tail || this.tail.list !== list) this.tail = { list, start: list.length };
      // a centred line in the body ("(chi tiết tại Phụ lục I)"): a free line of its own
      list.push(p.align === 'center' ? { giua: text } : text);
    }
  }

  /** A table among the paragraphs, where a plain paragraph would go; `make` gets the path of its "bang". */
  table(make: (at: Path) => Item): Item {
    let list: unknown[];
    let at: Path;
    if (!this.started) [list, at] = [this.opening, ['mo_dau']];
    else if (this.inClosing) [list, at] = [this.closingParas, ['ket_thuc']];
    else {
      // as a plain paragraph: it belongs to the numbered item above it, not to a bullet
      while (this.stack.length > 1 && this.top().rank >= RANK.diem) this.stack.pop();
      [list, at] = [this.top().list, this.top().path];
    }
    const t = make([...at, list.length, 'bang']);
    list.push({ bang: t });
    this.tail = undefined;
    return t;
  }

  /**
   * The closing when it does not open with "Trên đây là": the body's last plain paragraphs, from one
   * that opens as closings do ("Trong quá trình thực hiện, nếu có vướng mắc …"). A numbered khoản
   * saying so stays a khoản, and a section is never left empty.
   */
  endBody(): void {
    if (this.flat || this.inClosing || !this.tail) return;
    const { list, start } = this.tail;
    let at = list.findIndex((x, i) => i >= start && typeof x === 'string' && CLOSING_LATE.test(plainText(x)));
    // (the issuer's request, last and alone: a sentence of a unit's tasks never asks for "Kế hoạch này")
    // (and it ends the text, "./.": a unit's own paragraph asking its members is no closing)
    const last = list.at(-1);
    if (at < 0 && list.length > 1 && typeof last === 'string' && CLOSING_ASK.test(plainText(last)) && /\.\/\.\s*$/u.test(last)) at = list.length - 1;
    if (at > 0) this.closingParas.push(...list.splice(at));
  }

  /** The sections, with empty child lists removed (a flat body: its blocks). */
  result(): Item[] {
    const prune = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(prune);
      if (v && typeof v === 'object') {
        const o: Item = {};
        // a department named over nothing (a template's "1. Ban Thường trực …:" left to fill) is a heading, not a don_vi
        const empty = 'don_vi' in v && Array.isArray((v as Item).noi_dung) && ((v as Item).noi_dung as unknown[]).length === 0;
        for (const [k, x] of Object.entries(v)) {
          if (k === 'noi_dung' && Array.isArray(x) && x.length === 0 && !('muc' in v)) continue;
          o[empty && k === 'don_vi' ? 'khoan' : k] = prune(x);
        }
        return o;
      }
      return v;
    };
    return (this.flat ? (this.flat.list as Item[]) : this.sections).map((s) => prune(s) as Item);
  }
}

/** The text after a typed or automatic marker ("1.", "a)", "-", "+"), with its markup. */
function stripMarker(text: string): string {
  const m = /^(\*{1,3})?((?:\d+(?:\.\d+)*\.?)|[a-zđ](?:\)|\/\.?|\.)|[-–•+])\s+(.*)$/su.exec(text);
  if (!m) return text;
  return (m[1] ?? '') + m[3];
}

/** An appendix: "Phụ lục", its title, the reference line, then its table. */
const isAppendixHeading = (p: Para): boolean => /^Phụ lục\b/iu.test(plainOf(p)) && (p.align === 'center' || p.bold);

/**
 * An appendix: its heading (the centred lines under "Phụ lục …", up to the reference line "(Kèm theo …)"),
 * then what it holds, as the format has it: blocks before a table (noi_dung), the table, blocks under it
 * (ghi_chu), and a signature block to fill in (ky_ten: an unruled table with lines on the right only).
 */
function appendix(heading: Para, rest: Block[], c: Ctx, index: number): Item {
  const centred = (b: Block | undefined) => b?.kind === 'p' && (b.p.align === 'center' || !plainOf(b.p));
  // the reference line among the centred lines that open the appendix (the first other line found once); in a PDF
  // a reference line as wide as the page cannot show it is centred
  const isReference = (b: Block) => b.kind === 'p' && REFERENCE_START.test(plainOf(b.p));
  const opening = rest.findIndex((b) => !centred(b) && !isReference(b));
  const refAt = rest.findIndex((b, j) => (opening < 0 || j < opening) && isReference(b));
  let k = refAt + 1;
  if (refAt < 0) while (centred(rest[k])) k++;
  const paras = [heading, ...rest.slice(0, k).map((b) => (b as { p: Para }).p)];
  const title = paras.map(plainOf).filter((t) => t && !/^Phụ lục\b/iu.test(t) && !REFERENCE_START.test(t) && !RULE_LINE.test(t));
  // the reference line, with the lines a PDF wrapped it onto, up to its closing bracket
  let ref = paras.map(plainOf).find((t) => REFERENCE_START.test(t));
  if (ref && !/\)\.?\s*$/u.test(ref)) {
    // (only up to a line that closes it, within three: a line left unclosed keeps what follows it)
    const more: string[] = [];
    for (let j = k; j < k + 3 && rest[j]?.kind === 'p'; j++) {
      more.push(plainOf((rest[j] as { p: Para }).p));
      if (/\)\.?\s*$/u.test(more.at(-1)!)) {
        ref = [ref, ...more].join(' ');
        k = j + 1;
        break;
      }
    }
  }
  // it names the issuer as sentences do ("… của Trung tâm Y tế Phù Cát)")
  const of = ref && /\bcủa\s+(.+?)\)\s*$/u.exec(ref);
  if (of && c.plan.ten_co_quan === undefined && !c.plan.quyet_dinh) c.plan.ten_co_quan = of[1];
  const a: Item = { tieu_de: title.join(' ') || `Phụ lục ${index + 1}` };
  // the page's direction, when it is not the one kehoach would choose for the table
  const direction = (columns: readonly unknown[]) => {
    if (!!heading.landscape !== acrossByDefault(columns.map(() => ({})))) a.huong = heading.landscape ? 'ngang' : 'doc';
  };
  // "(Kèm theo Kế hoạch số … ngày 10 tháng 3 năm 2026 …)" is made again from the plan's own fields (a
  // decision's date as the decision writes it); another wording or date form is kept as written
  const numericDefault = (c.plan.quyet_dinh as Item | undefined)?.kieu_ngay === 'so';
  if (ref && (!/^\(Kèm theo\b/u.test(ref) || /ngày\s+\d{1,2}\/\d{1,2}\/\d{4}/u.test(ref) !== numericDefault)) a.tham_chieu = ref;
  const before: Para[] = [];
  const after: Para[] = [];
  let table: TableBlock | undefined;
  for (const b of rest.slice(k)) {
    if (b.kind === 'p') {
      (table ? after : before).push(b.p);
      continue;
    }
    const all = b.t.rows.flatMap((r) => r);
    const left = pieces(all.filter((cell) => cell.col === 0).flatMap((cell) => cell.paras)).filter((q) => plainOf(q));
    const right = pieces(all.filter((cell) => cell.col > 0).flatMap((cell) => cell.paras)).map(plainOf).filter((t) => t);
    if (!b.t.ruled && !left.length && right.length) a.ky_ten = right;
    else if (!table) table = b.t;
    else {
      // a second table: its rows kept as paragraphs under the first
      for (const r of b.t.rows) after.push(paraOf(r.map((cell) => cellText(cell).join(' ')).join(' | ')));
      c.notes.push({ path: ['phu_luc', index], note: 'CẦN XEM: phụ lục có hơn một bảng; các bảng sau được chuyển thành đoạn văn (mỗi hàng một đoạn, các ô cách nhau bằng "|").' });
    }
  }
  const blocksOf = (ps: Para[], key: string) => {
    if (!ps.some((q) => plainOf(q))) return;
    const body = new Body(c, { list: [], path: ['phu_luc', index, key] });
    for (const q of ps) if (plainOf(q)) body.item(q);
    a[key] = body.result();
  };
  blocksOf(before, 'noi_dung');
  if (!table) {
    if (!a.noi_dung) {
      c.notes.push({ path: ['phu_luc', index], note: 'CẦN XEM: phụ lục không có bảng; nội dung đã ghi vào tên phụ lục.' });
      a.cot = ['Nội dung'];
      a.hang = [];
    }
    direction((a.cot as unknown[] | undefined) ?? []);
    return orderedBy(a, APPENDIX_ORDER);
  }
  Object.assign(a, tableItem(table, c, ['phu_luc', index]));
  const names = a.cot as string[];
  blocksOf(after, 'ghi_chu');
  c.found.push(`phụ lục ${index + 1}: ${names.length} cột, ${table.rows.length - (a.so_cot ? 2 : 1)} hàng`);
  direction(names);
  return orderedBy(a, APPENDIX_ORDER);
}

/** A ruled table's columns and rows as the plan writes them (STT by position, group rows, spans); notes under `at`. */
function tableItem(table: TableBlock, c: Ctx, at: Path): Item {
  const t: Item = {};
  const [head, ...below] = table.rows;
  // the header row is bold by its style: its names without the markup
  const names = head.flatMap((cell) => Array.from({ length: cell.colSpan }, () => plainText(cellText(cell).join(' '))));
  // a row "(1) (2) (3) …" under the header numbers the columns (so_cot), it is no data
  const columnNumbers = isColumnNumbers(below[0], names.length);
  const rows = columnNumbers ? below.slice(1) : below;
  // an STT column numbered by position: "1", "2" or "1.", "2." for rows; "1.1", "a)" or "-" for the rows under them
  const number = (r: Cell[]) => plainText(cellText(r[0] ?? { paras: [], col: 0, colSpan: 1, rowSpan: 1 }).join(''));
  const TOP = /^\d+\.?$/u;
  const SUB = /^(\d+\.\d+(?:\.\d+)*\.?|[a-zđ]\)|-)$/u;
  // a scan's number misread ("B." for "9.", "1," for "1."): a short token where most rows have a number
  const misread = (n: string) => !TOP.test(n) && !SUB.test(n) && /^\S{1,3}$/u.test(n);
  const numbered = rows.filter((r) => TOP.test(number(r)) || SUB.test(number(r))).length;
  const stt =
    /^(STT|TT|Số TT|Số thứ tự)$/iu.test(names[0] ?? '') &&
    rows.length > 0 &&
    rows.every((r) => r[0]?.col === 0 && (TOP.test(number(r)) || SUB.test(number(r)) || misread(number(r)))) &&
    numbered >= rows.length / 2;
  if (stt) {
    const tops = rows.map(number).filter((n) => TOP.test(n));
    t.so_thu_tu = tops.length && tops.every((n) => !n.endsWith('.')) ? '1' : true;
    const subs = rows.map(number).filter((n) => SUB.test(n));
    if (subs.length && subs.every((n) => /^[a-zđ]\)$/u.test(n))) t.stt_con = 'a)';
    else if (subs.length && subs.every((n) => n === '-')) t.stt_con = '-';
  }
  const out: Item[] = [];
  let parent: Item | undefined;
  const width = names.length - (stt ? 1 : 0);
  for (const r of rows) {
    const cells = stt ? r.slice(1) : r;
    // a group row: one bold cell across every column after the STT
    const group = cells.length === 1 && cells[0].colSpan === width && width > 1 && cells[0].paras.every((q) => !plainOf(q) || q.bold);
    const o = cells.map((cell) => {
      const lines = cellText(cell);
      const v: unknown = lines.length === 1 ? lines[0] : lines.length === 0 ? '' : lines;
      return cell.colSpan > 1 || cell.rowSpan > 1 ? { noi_dung: v, ...(cell.rowSpan > 1 ? { gop_hang: cell.rowSpan } : {}), ...(cell.colSpan > 1 ? { gop_cot: cell.colSpan } : {}) } : v;
    });
    const row: Item = group ? { nhom: plainText(cellText(cells[0]).join(' ')) } : { o };
    if (stt && misread(number(r))) c.notes.push({ path: [...at, 'hang', out.length], note: `CẦN XEM: số thứ tự của hàng này đọc được "${number(r)}"; kehoach đánh số theo thứ tự.` });
    if (stt && SUB.test(number(r)) && parent) ((parent.con as Item[]) ??= []).push(row);
    else {
      out.push(row);
      parent = row;
    }
  }
  return { cot: names, ...t, ...(columnNumbers ? { so_cot: columnNumbers } : {}), hang: out };
}

/**
 * A table row "(1) (2) (3) …" across `columns` columns, one number a column: true; 'tru_stt' when the first
 * column's cell is blank and the numbers start at the next; false for another row.
 */
export function isColumnNumbers(row: Cell[] | undefined, columns: number): boolean | 'tru_stt' {
  if (!row || row.length !== columns) return false;
  const texts = row.map((cell) => plainText(cellText(cell).join('')));
  const skip = texts[0] === '' ? 1 : 0;
  return columns - skip >= 1 + skip && texts.every((t, k) => k < skip || t === `(${k + 1 - skip})`) && (skip ? 'tru_stt' : true);
}

const cellText = (cell: Cell): string[] => cell.paras.map((p) => clean(p.text.replace(/\n/g, ' '))).filter((t, i, all) => t !== '' || all.length === 1);

/**
 * Recognise a plan in the blocks of a document. `paragraphsAsWritten`: the source's paragraphs are its writer's (Word, a PDF's layout), not lines that
 * text extraction may have joined; then the sentence after the bases in their paragraph stays with them (in a text, only
 * the rest of the bases' own sentence, after a comma).
 */
export function recognise(blocks: Block[], paragraphsAsWritten = true): Recognised {
  const c: Ctx = { plan: {}, notes: [], found: [], guesses: [] };
  let i = 0;
  // ô 1–4: the first table without rules, when it holds the Quốc hiệu
  const first = blocks[0];
  const headerLine = (p: Para) => QUOC_HIEU.test(plainOf(p)) || SO.test(plainOf(p)) || PLACE_DATE.test(plainOf(p));
  if (first?.kind === 'table' && !first.t.ruled && first.t.rows.some((r) => r.some((cell) => pieces(cell.paras).some(headerLine)))) {
    const cells = first.t.rows.flatMap((r) => r);
    header(pieces(cells.filter((x) => x.col === 0).flatMap((x) => x.paras)), pieces(cells.filter((x) => x.col > 0).flatMap((x) => x.paras)), c);
    i = 1;
  } else {
    // a header typed as paragraphs, the two columns on one line split by tabs
    const kindAt = blocks.findIndex((b, k) => k < 15 && b.kind === 'p' && DOCUMENT_NAME.test(plainOf(b.p)));
    const before = blocks.slice(0, Math.max(0, kindAt)).flatMap((b) => (b.kind === 'p' ? pieces([b.p]) : []));
    if (kindAt > 0 && before.some(headerLine)) {
      const { left, right } = headerColumns(before);
      header(left, right, c);
      i = kindAt;
    }
  }
  const para = (k: number) => (blocks[k]?.kind === 'p' ? (blocks[k] as { p: Para }).p : undefined);
  const skipEmpty = () => {
    while (para(i) && !plainOf(para(i)!)) i++;
  };
  skipEmpty();
  // a plan issued by a decision (§8a): the decision's page comes first
  const decision = para(i) && /^QUYẾT ĐỊNH$/u.test(plainOf(para(i)!)) ? decisionPage(blocks, i + 1, c) : undefined;
  if (decision) i = decision.next;
  skipEmpty();
  // ô 5a: KẾ HOẠCH, then the trích yếu (centred lines) up to an empty line or the body
  const kind = para(i);
  let referenceLine: string | undefined;
  const named = kind ? PLAN_NAME.exec(plainOf(kind)) : null;
  if (named) {
    i++;
    // "KẾ HOẠCH HÀNH ĐỘNG": the kind the plan's name says, printed as written
    if (named[1]) c.plan.ten_loai = `Kế hoạch ${named[1].toLocaleLowerCase('vi')}`;
    const subject: string[] = [];
    // (a trích yếu as wide as the page may not look centred in a scan: the first bold or capital paragraph is it)
    const isSubject = (q: Para) => (q.align === 'center' || (subject.length === 0 && (q.bold || isUpper(plainOf(q))))) && !REFERENCE_START.test(plainOf(q));
    while (para(i) && plainOf(para(i)!) && isSubject(para(i)!) && !RULE_LINE.test(plainOf(para(i)!))) subject.push(...pieces([para(i++)!]).map(plainOf));
    // the source's line breaks are kept: a trích yếu breaks where its writer chose (a list of lines)
    c.plan.trich_yeu = subjectOf(subject);
    c.found.push(`trích yếu: ${subject.join(' ')}`);
    // "(Kèm theo Quyết định số … ngày … của …)": who decided, in the words of a sentence, and how the date is written
    // (a line a PDF or a scan broke in two is read to its closing bracket)
    let end = i;
    let line = '';
    if (decision && para(i) && REFERENCE_START.test(plainOf(para(i)!)))
      for (; para(end) && end < i + 3 && !line.endsWith(')'); end++) line = clean(`${line} ${plainOf(para(end)!)}`);
    const ref = REFERENCE.exec(line);
    if (ref && decision) {
      decision.d.tham_quyen = ref[2];
      if (/^\d{1,2}\/\d{1,2}\/\d{4}$/u.test(ref[1])) decision.d.kieu_ngay = 'so';
      i = end;
    }
    // a plan issued by a decision, brought in without the decision: its reference line stays where it stood,
    // centred and in italics, and the clerk is told how to bring the decision too
    if (!decision && para(i) && REFERENCE_START.test(plainOf(para(i)!))) {
      for (end = i, line = ''; para(end) && end < i + 3 && !line.endsWith(')'); end++) line = clean(`${line} ${plainOf(para(end)!)}`);
      referenceLine = line;
      i = end;
    }
  } else c.notes.push({ path: [], note: 'CẦN XEM: không thấy dòng "KẾ HOẠCH" ở đầu văn bản.' });
  if (decision) c.plan.quyet_dinh = decision.d;

  const body = new Body(c);
  // sections numbered 1., 2. where no Roman numeral heads one (before the appendices): danh_so: muc: so
  const end = blocks.findIndex((b, k) => k >= i && b.kind === 'p' && isAppendixHeading(b.p));
  const bodyParas = blocks.slice(i, end < 0 ? undefined : end).flatMap((b) => (b.kind === 'p' ? [b.p] : []));
  const romanHeads = bodyParas.some((q) => ROMAN.test(plainText(fullText(q))) && (q.bold || isUpper(plainText(fullText(q)).split(':')[0])));
  // (a scan has no weights: then "1. …" with "3.1. …" somewhere says the same)
  const numeric =
    !romanHeads &&
    (bodyParas.some((q) => q.bold && /^1\.\s+\S/u.test(plainText(fullText(q)))) ||
      (bodyParas.every((q) => !q.bold) && bodyParas.some((q) => /^1\.\s+\S/u.test(plainOf(q))) && bodyParas.some((q) => /^\d+\.\d+\.?\s+\S/u.test(plainOf(q)))));
  if (numeric) {
    body.depthOffset = 1;
    c.plan.danh_so = { muc: 'so' };
  }
  // an appendix that opens with its title alone, after the closing block: centred capitals with the reference line
  // right under them ("DANH MỤC …", "(Kèm theo Kế hoạch số …)"), no "Phụ lục" line
  // (the last closing block: a decision's comes before the plan it issues)
  const closedAt = blocks.findLastIndex((b) => b.kind === 'table' && !b.t.ruled && b.t.rows.flat().some((cell) => cell.col === 0 && cell.paras.some((q) => /^Nơi nhận/iu.test(plainOf(q)))));
  const isHeading = (j: number) => blocks[j]?.kind === 'p' && isAppendixHeading((blocks[j] as { p: Para }).p);
  const opensAppendix = (k: number): boolean => {
    const b = blocks[k];
    if (b?.kind !== 'p') return false;
    if (isAppendixHeading(b.p)) return true;
    const t = plainOf(b.p);
    const under = (j: number) => blocks[j]?.kind === 'p' && REFERENCE_START.test(plainOf((blocks[j] as { p: Para }).p));
    // the title under a "Phụ lục" line is that appendix's, a line or two below it (an OCR'd page may put its number between)
    return closedAt >= 0 && k > closedAt && (b.p.align === 'center' || !!b.p.bold) && !!t && isUpper(t) && ![1, 2, 3].some((d) => isHeading(k - d)) && (under(k + 1) || under(k + 2));
  };
  const bases: Item[] = [];
  let sectionNo = 0;
  let partNo = 0;
  const appendices: Item[] = [];
  for (; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      const all = b.t.rows.flatMap((r) => r);
      const left = all.filter((cell) => cell.col === 0).flatMap((cell) => cell.paras);
      const right = all.filter((cell) => cell.col > 0).flatMap((cell) => cell.paras);
      // the closing block: Nơi nhận beside the signer, or the signer alone ("TM. BAN THƯỜNG TRỰC / CHỦ TỊCH", a
      // template's, with no Nơi nhận yet)
      const signerAlone = () => pieces(left).every((p) => !plainOf(p)) && pieces(right).slice(0, 1).some((p) => AUTHORITY.test(plainOf(p)));
      if (!b.t.ruled && (pieces(left).some((p) => /^Nơi nhận/iu.test(plainOf(p))) || signerAlone())) {
        closing(pieces(left), pieces(right), c);
        continue;
      }
      // a table in the body stays where it stands, as a "bang" block
      const t = body.table((at) => tableItem(b.t, c, at));
      c.found.push(`bảng trong nội dung: ${(t.cot as unknown[]).length} cột, ${b.t.rows.length - (t.so_cot ? 2 : 1)} hàng`);
      continue;
    }
    const p = b.p;
    const t = plainOf(p);
    if (!t) continue;
    if (opensAppendix(i)) {
      // an appendix runs to the next one
      let k = i + 1;
      while (k < blocks.length && !opensAppendix(k)) k++;
      appendices.push(appendix(p, blocks.slice(i + 1, k), c, appendices.length));
      i = k - 1;
      continue;
    }
    // a part above the Roman sections: "A. MỤC ĐÍCH, YÊU CẦU" in capitals, starting at A. (I, V, X, L are numerals)
    const part = /^([A-HJ-KM-UWYZ])\.\s+(\p{Lu}.*)$/u.exec(plainText(fullText(p)));
    if (part && (p.bold || isUpper(part[2])) && isUpper(part[2].split(':')[0]) && (part[1] === 'A' || partNo > 0)) {
      body.partHeading(p, part[1], String.fromCharCode(65 + partNo++));
      sectionNo = 0;
      continue;
    }
    const heads = p.bold || (!p.italic && plainOf(p).length < 100 && !/[.;,]$/u.test(plainOf(p)) && bodyParas.every((q) => !q.bold));
    const numbered = numeric && heads ? /^(\d+)\.\s+\S/u.exec(plainText(fullText(p))) : null;
    if (numbered) {
      body.section(p, numbered[1], String(++sectionNo));
      continue;
    }
    const heading = ROMAN.exec(plainText(fullText(p)));
    if (heading && (p.bold || isUpper(heading[2].split(':')[0]))) {
      body.section(p, heading[1], roman(++sectionNo));
      continue;
    }
    // OCR reads "II." as "H." or "Il.", or drops its period ("II NỘI DUNG"): an upper-case heading with such
    // a numeral where the next section is due is that section
    const misread = /^([HIl1|]{1,3}|[IVX]*[Hl1|][IVX]*|[IVXLC]+)(\.?)\s+(\p{Lu}.{3,})$/u.exec(plainText(fullText(p)));
    const expected = roman(sectionNo + 1);
    // a true numeral without its period only where it is the one due ("XI MĂNG …" is no section)
    const valid = !!misread && /^[IVXLC]+$/u.test(misread[1]);
    if (misread && body.started && (!valid || (!misread[2] && misread[1] === expected)) && isUpper(misread[3].split(':')[0])) {
      const seen = misread[1] + misread[2];
      c.guesses.push(`"${seen}" ở đầu mục "${misread[3].slice(0, 40)}" được đọc là "${expected}." (nhận dạng chữ thường nhầm số La Mã).`);
      const fixed = { ...p, text: fullText(p).replace(seen, `${expected}.`), plain: plainText(fullText(p)).replace(seen, `${expected}.`), marker: undefined };
      body.section(fixed, expected, roman(++sectionNo));
      continue;
    }
    if (!body.started) {
      // a further document of the group above on a line of its own, its opener not said again
      // ("Thực hiện Chỉ thị số 27/CT-TTg …;" / "Công văn số 6676/BYT-CDS …")
      const last = bases.at(-1);
      const goesOn = last && last.dau_cuoi_tam === ';' && !last.cau_tiep && !body.opening.length && new RegExp(`^(?:${DOC_TYPES})\\s+số\\s`, 'u').test(t);
      const basis = basisParagraph(goesOn ? `${last.mo_dau as string} ${t}` : t);
      if (basis && !body.opening.length) {
        addBasis(bases, basis, c);
        // the sentence that follows the bases in their paragraph ("… Ủy ban nhân dân tỉnh ban hành Kế hoạch …
        // như sau:") stays in it; in a text, whose paragraphs extraction may have run together, where the bases
        // end with a comma (their sentence goes on: "Căn cứ …, Trung tâm … như sau:")
        if (basis.rest && (paragraphsAsWritten || basis.end === ',')) bases[bases.length - 1].cau_tiep = basis.rest;
        else if (basis.rest) body.item({ ...p, text: basis.rest, plain: plainText(basis.rest), marker: undefined, lines: undefined });
        continue;
      }
    }
    body.item(p);
  }
  if (bases.length) {
    c.plan.can_cu = basesOut(bases);
    c.found.push(`căn cứ: ${bases.reduce((n, g) => n + (g.van_ban as unknown[]).length, 0)} văn bản`);
  }
  if (body.opening.length) c.plan.mo_dau = body.opening;
  if (referenceLine) {
    c.plan.mo_dau = [{ giua: `*${referenceLine}*` }, ...((c.plan.mo_dau as unknown[] | undefined) ?? [])];
    c.notes.push({ path: ['mo_dau', 0], note: 'CẦN XEM: kế hoạch này ban hành kèm một quyết định mà tệp không có; dòng "(Kèm theo …)" được giữ ở đây. Có văn bản quyết định thì nhập cả hai trong một tệp (quyết định trước), hoặc viết khối quyet_dinh (xem README).' });
  }
  // a letter's "Kính gửi:" in a plan (as AI tools write one): kept, and said
  const kinhGui = ((c.plan.mo_dau as unknown[] | undefined) ?? []).findIndex((x) => typeof x === 'string' && /^(?:\*\*)?Kính gửi\b/u.test(x));
  if (kinhGui >= 0) c.notes.push({ path: ['mo_dau', kinhGui], note: 'CẦN XEM: kế hoạch không có dòng "Kính gửi" (Nghị định 30 dành dòng này cho công văn); hãy xóa dòng này, nơi nhận ghi ở noi_nhan.' });
  nameFromOpening(c, [...body.opening, ...bases.map((g) => g.cau_tiep)]);
  body.endBody();
  const sections = body.result();
  c.plan.noi_dung = sections;
  c.found.push(`nội dung: ${sections.length} mục`);
  if (body.closingParas.length) {
    const last = body.closingParas.length - 1;
    // the renderer adds "./." after the final full stop
    c.plan.ket_thuc = body.closingParas.map((x, k) => (k === last && typeof x === 'string' ? x.replace(/\s*\.\/\.\s*$/u, '.') : x));
  } else stripEndMark(sections);
  if (appendices.length) c.plan.phu_luc = appendices;
  c.plan = ordered(c.plan);
  return c;
}

/**
 * The agency's name as sentences write it, when the opening says it in full ("Sở Y tế Hậu Giang ban hành Kế
 * hoạch …" under the header "SỞ Y TẾ"; "Trường THPT Đốc Binh Kiều" under "TRƯỜNG THPT ĐỐC BINH KIỀU"): the header's
 * name, or one that starts as it and says more, in the case sentences write. Else the plan leaves it to the
 * header's lines, as it did.
 */
function nameFromOpening(c: Ctx, texts: unknown[]): void {
  if (c.plan.ten_co_quan !== undefined || c.plan.quyet_dinh) return;
  const header = [c.plan.co_quan_ban_hanh ?? []].flat().join(' ').toLocaleUpperCase('vi');
  for (const t of texts) {
    if (typeof t !== 'string') continue;
    const name = new RegExp(`^(\\p{Lu}[^,;:.()]*?)\\s+(?:${ISSUES})\\s`, 'u').exec(plainText(t))?.[1];
    if (!name || !header || name.split(/\s+/u).length > 14) continue;
    const upper = name.toLocaleUpperCase('vi');
    if (upper === header || upper.startsWith(header + ' ')) {
      c.plan.ten_co_quan = name;
      c.found.push(`tên cơ quan trong câu: ${name}`);
      return;
    }
  }
}

/**
 * Add one căn cứ paragraph to the groups so far. Consecutive paragraphs with one opener, each ending
 * with ";", are one group printed a document per line (tach_dong); each line is then one entry as
 * written, even when it cites several documents ("Luật A; Luật B;" stays on its line).
 */
function addBasis(bases: Item[], basis: NonNullable<ReturnType<typeof basisParagraph>>, c: Ctx): void {
  const entry = (items: string[]) => (items.length === 1 ? citation(items[0], c) : items.join('; '));
  const prev = bases[bases.length - 1];
  if (prev && prev.mo_dau === basis.opener && prev.dau_cuoi_tam === ';' && !prev.cau_tiep) {
    if (!prev.tach_dong) prev.van_ban = [entry(prev.cac_dong as string[])];
    (prev.van_ban as unknown[]).push(entry(basis.items));
    prev.tach_dong = true;
    prev.dau_cuoi = prev.dau_cuoi_tam = basis.end;
  } else bases.push({ mo_dau: basis.opener, van_ban: basis.items.map((x) => citation(x, c)), dau_cuoi: basis.end, dau_cuoi_tam: basis.end, cac_dong: basis.items });
}

/** The groups as the YAML writes them, each end left out where it is the default ("." ; the last group's is `lastEnd`). */
const basesOut = (bases: Item[], lastEnd = '.'): Item[] =>
  bases.map(({ dau_cuoi_tam, cac_dong, dau_cuoi, ...g }, i) => ({ ...g, ...(dau_cuoi !== (i === bases.length - 1 ? lastEnd : '.') ? { dau_cuoi } : {}) }));

const subjectOf = (lines: string[]): string | string[] => (lines.length > 1 && lines.length <= 4 ? lines : lines.join(' '));

/** The start of a reference line "(Kèm theo …)" or "(Ban hành kèm theo …)": every reader keeps it a line of its own. */
/** A signer's authority line opening a signature block: "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC" (ND30 §6). */
export const AUTHORITY = /^(TM|KT|TL|TUQ|Q)\.\s?\p{Lu}/u;
export const REFERENCE_START = /^\((?:Ban hành\s+)?kèm theo\b/iu;
/** A document's name on its own line: a plan's, or the decision's that issues it. */
export const DOCUMENT_NAME = /^(KẾ HOẠCH(?:\s+(?:QUỐC GIA|HÀNH ĐỘNG|LIÊN TỊCH|LIÊN NGÀNH|PHỐI HỢP))?|QUYẾT ĐỊNH)$/u;
/** A plan's name on its own line, "KẾ HOẠCH" or a kind of plan the name says ("KẾ HOẠCH HÀNH ĐỘNG", "KẾ HOẠCH QUỐC GIA"). */
export const PLAN_NAME = /^KẾ HOẠCH(?:\s+(QUỐC GIA|HÀNH ĐỘNG|LIÊN TỊCH|LIÊN NGÀNH|PHỐI HỢP))?$/u;
/** An appendix's heading on its own line: "Phụ lục I", "PHỤ LỤC 2" (OCR may read "II" as "H"). */
export const APPENDIX_LINE = /^(?:Phụ lục|PHỤ LỤC)(?:\s+[\p{Lu}\d.]{1,5})?$/u;
/** "(Kèm theo Quyết định số 254/QĐ-UBND ngày 17/02/2023 của Chủ tịch Ủy ban nhân dân tỉnh)": the date, who. */
const REFERENCE = /^\((?:Ban hành )?[Kk]èm theo Quyết định số:?\s+\S+\s+ngày\s+(.+?)\s+của\s+(.+)\)$/u;

/**
 * The decision that issues a plan (§8a, Mẫu 1.3), from after "QUYẾT ĐỊNH" up to the plan's "KẾ HOẠCH":
 * its trích yếu and the authority under it, căn cứ, "Theo đề nghị của …", the articles, and the nơi
 * nhận and signature (which are the whole document's). A header of the plan's own page (names and
 * Quốc hiệu, no number) is passed over; without one, dau_trang_ke_hoach is false.
 */
function decisionPage(blocks: Block[], start: number, c: Ctx): { d: Item; next: number } {
  const d: Item = {};
  const p = (k: number) => (blocks[k]?.kind === 'p' ? (blocks[k] as { p: Para }).p : undefined);
  let i = start;
  // the centred lines: the trích yếu, then the authority ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") last
  const centred: string[] = [];
  // (a line as wide as the page may not look centred in a PDF or a scan: bold or capitals will do, up to the căn cứ)
  const titleLine = (q: Para) => {
    const t = plainOf(q);
    if (!t) return true;
    if (BASIS_OPENERS.test(t) || /^(Theo đề nghị|QUYẾT ĐỊNH\s*:|Điều\s+\d)/u.test(t)) return false;
    return q.align === 'center' || q.bold || isUpper(t);
  };
  for (; p(i) && titleLine(p(i)!); i++) centred.push(...pieces([p(i)!]).map(plainOf).filter((t) => t && !RULE_LINE.test(t)));
  const authority = centred.length > 1 ? centred.pop()! : undefined;
  d.trich_yeu = subjectOf(centred);
  // in capitals here; the reference line under the plan's trích yếu gives it as a sentence writes it
  if (authority) d.tham_quyen = authority.charAt(0) + authority.slice(1).toLocaleLowerCase('vi');
  c.found.push(`quyết định: ${centred.join(' ')}`);
  const bases: Item[] = [];
  const articles: string[] = [];
  let ownHeader = false;
  for (; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      const all = b.t.rows.flatMap((r) => r);
      const left = pieces(all.filter((cell) => cell.col === 0).flatMap((cell) => cell.paras));
      const right = pieces(all.filter((cell) => cell.col > 0).flatMap((cell) => cell.paras));
      if (left.some((x) => /^Nơi nhận/iu.test(plainOf(x)))) closing(left, right, c);
      else if (right.some((x) => QUOC_HIEU.test(plainOf(x)))) ownHeader = true; // the plan's page: the same agency again
      else c.notes.push({ path: ['quyet_dinh'], note: `CẦN XEM: một bảng trong quyết định chưa được đưa vào: ${b.t.rows.map((r) => r.map((cell) => cellText(cell).join(' ')).join(' | ')).join(' / ')}` });
      continue;
    }
    const t = plainOf(b.p);
    if (!t) continue;
    if (/^KẾ HOẠCH$/u.test(t)) break;
    if (/^QUYẾT ĐỊNH\s*:$/u.test(t)) continue;
    const article = /^\*{0,3}Điều\s+\d+\s*\.\s*\*{0,3}\s*(.+)$/su.exec(fullText(b.p));
    const proposal = /^Theo đề nghị của\s+(.+?)[.;]?$/u.exec(t);
    const basis = !articles.length && !proposal ? basisParagraph(t) : undefined;
    if (article) articles.push(article[1]);
    else if (proposal) d.de_nghi = proposal[1];
    else if (basis) addBasis(bases, basis, c);
    else if (articles.length) {
      // a paragraph under an article is part of it (an article is one paragraph in the format)
      articles[articles.length - 1] += ' ' + fullText(b.p);
      c.notes.push({ path: ['quyet_dinh', 'dieu', articles.length - 1], note: 'CẦN XEM: điều này có nhiều đoạn trong văn bản gốc; các đoạn được nối thành một.' });
    } else c.notes.push({ path: ['quyet_dinh'], note: `CẦN XEM: đoạn "${t}" trong quyết định chưa được đưa vào.` });
  }
  // (the last group ends with ";" by default when "Theo đề nghị của …" follows it, as in normalize.ts)
  if (bases.length) d.can_cu = basesOut(bases, d.de_nghi ? ';' : '.');
  // the renderer adds "./." after the last article
  if (articles.length) articles[articles.length - 1] = articles[articles.length - 1].replace(/\s*\.\/\.\s*$/u, '.');
  d.dieu = articles;
  if (!ownHeader) d.dau_trang_ke_hoach = false;
  c.found.push(`quyết định: ${bases.length} nhóm căn cứ, ${articles.length} điều`);
  return { d, next: i };
}

function paraOf(text: string): Para {
  return { text, plain: plainText(text), align: 'both', bold: false, italic: false, fonts: [] };
}

/** Without a closing paragraph, "./." ends the last paragraph of the body. */
function stripEndMark(sections: Item[]): void {
  const last = (list: unknown[]): void => {
    const k = list.length - 1;
    const v = list[k];
    // "./." on a line of its own: what the renderer writes under a content that ends in a table
    if (typeof v === 'string' && /^\.\/\.$/u.test(v.trim())) list.pop();
    else if (typeof v === 'string') list[k] = v.replace(/\s*\.\/\.\s*$/u, '.');
    else if (v && typeof v === 'object') {
      const o = v as Item;
      if (Array.isArray(o.noi_dung) && o.noi_dung.length) last(o.noi_dung);
      else for (const key of ['gach', 'cong', 'diem', 'khoan', 'cung_dong', 'muc']) if (typeof o[key] === 'string') o[key] = (o[key] as string).replace(/\s*\.\/\.\s*$/u, '.');
    }
  };
  if (sections.length) last([sections[sections.length - 1]]);
}

const ORDER = ['co_quan_chu_quan', 'co_quan_ban_hanh', 'ten_co_quan', 'viet_tat', 'so', 'ky_hieu', 'dia_danh', 'ngay', 'ten_loai', 'trich_yeu', 'can_cu', 'mo_dau', 'danh_so', 'noi_dung', 'ket_thuc', 'quyet_dinh', 'noi_nhan', 'luu', 'nguoi_ky', 'phu_luc', 'trinh_bay'];

/** Keys in the order the examples write them; a ký hiệu KH-XYZ is written as viet_tat: XYZ. */
function ordered(p: Item): Item {
  if (typeof p.ky_hieu === 'string' && /^KH-[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u.test(p.ky_hieu)) {
    p.viet_tat = p.ky_hieu.slice(3);
    delete p.ky_hieu;
  }
  return orderedBy(p, ORDER);
}

const APPENDIX_ORDER = ['tieu_de', 'tham_chieu', 'huong', 'noi_dung', 'so_thu_tu', 'stt_con', 'so_cot', 'cot', 'hang', 'ghi_chu', 'ky_ten'];

function orderedBy(p: Item, keys: readonly string[]): Item {
  const out: Item = {};
  for (const k of keys) if (p[k] !== undefined) out[k] = p[k];
  return out;
}
