// Plan → document model. Wording comes from the templates; styles are referred to by name.
import type { BasisGroup, Block, Decision, Plan, Section, TableSpec } from '../plan/normalize.js';
import { roman } from '../plan/normalize.js';
import { escapeInline, parseInline, plainText } from '../text/inline.js';
import { dateParts } from '../text/dates.js';
import { upperVi } from '../text/normalize-text.js';
import type { AppendixModel, ClosingModel, DecisionModel, DocModel, Flow, HeaderModel, Node, Para, Run, Table, TableCell } from './model.js';
import { CLOSING, HEADER, PAGE, SIGNATURE_GAP_LINES, SINGLE_LINE_EM, styles, type StyleName } from './stylesheet.js';
import { PT_TO_MM, textWidthMm } from './metrics.js';
import { AGENCY_SIZES, agencyLines, balancedLines, fitSize, headerColumns, LANDSCAPE_TEXT_MM, meaningfulLines, roomIn, SIGNER_BREAK_BEFORE, textWidth } from './header-fit.js';
import { columnWidths } from './columns.js';
import type { Templates } from './templates.js';

const para = (style: StyleName, text: string, extra: Partial<Para> = {}): Para => ({
  type: 'paragraph',
  style,
  runs: parseInline(text).map((s) => ({ text: s.text, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}) })),
  ...extra,
});

const plainPara = (style: StyleName, text: string, extra: Partial<Para> = {}): Para => para(style, escapeInline(text), extra);



/** Căn cứ groups; a decision's are all italic (§8a), a plan's inline groups upright [P]. */
function bases(groups: BasisGroup[], t: Templates, inline: 'CanCu' | 'CanCuDong' = 'CanCuDong'): Para[] {
  const out: Para[] = [];
  for (const g of groups) {
    const items = g.van_ban.map((v) => (typeof v === 'string' ? v : t['van-ban-can-cu'](v)));
    if (g.tach_dong) {
      // the sentence that follows goes after the last basis, in its paragraph
      const last = g.dau_cuoi + (g.cau_tiep ? ` ${g.cau_tiep}` : '');
      items.forEach((v, k) => out.push(para('CanCu', t['dong-can-cu']({ mo_dau: g.mo_dau, van_ban: v, dau: k === items.length - 1 ? last : ';' }))));
    } else out.push(para(inline, t['nhom-can-cu']({ ...g, van_ban: items })));
  }
  return out;
}

/** A khoản, mục or điểm's own title, or its part's default title. */
const titleOf = (t: Templates, text: string, phan?: string): string => text || (phan ? t['tieu-de-phan']({ phan }) : '');

/** Body blocks into `out`; a table takes the width `widthMm` of the text it stands in. */
function blocks(plan: Plan, bs: Block[], t: Templates, depth: number, widthMm: number, out: Flow[]): void {
  const heading = depth === 0 ? 'Khoan' : 'KhoanCon';
  for (const b of bs) {
    if ('doan' in b) out.push(para('Body', b.doan));
    else if ('bang' in b) {
      // the line that introduces a table ("Lịch kiểm tra như sau:") stays on its page
      const before = out.at(-1);
      if (before?.type === 'paragraph') before.keepNext = true;
      out.push(table(b.bang, widthMm));
    }
    else if ('giua' in b) out.push(para('Giua', b.giua));
    else if ('bao_cao' in b) {
      const text = t['bao-cao']({ ...b.bao_cao, nam: dateParts(plan.ngay).year ?? null });
      out.push(para(b.gach ? 'Gach' : 'Body', (b.gach ? '- ' : '') + text));
    } else if ('don_vi' in b) {
      out.push(para(heading, `${b.so} ${b.don_vi}`));
      blocks(plan, b.noi_dung, t, depth + 1, widthMm, out);
    } else if ('khoan' in b) {
      const p = para(b.tieu_de ? heading : 'Body', `${b.so} ${titleOf(t, b.khoan, b.phan)}`);
      if (b.cung_dong) sameLine(p, b.cung_dong);
      out.push(p);
      blocks(plan, b.noi_dung, t, depth + 1, widthMm, out);
    } else {
      const [style, text]: [StyleName, string] = 'diem' in b ? ['Diem', `${b.so} ${b.diem}`] : 'gach' in b ? ['Gach', `- ${b.gach}`] : ['Cong', `+ ${b.cong}`];
      out.push(para(style, text));
      blocks(plan, b.noi_dung, t, depth, widthMm, out);
    }
  }
}

/** Text written on the same line after a heading: ": Theo quy định hiện hành." in regular weight. */
function inlineRuns(text: string): Run[] {
  return parseInline(text).map((s, i) => ({ text: (i === 0 ? ': ' : '') + s.text, bold: !!s.bold, italic: !!s.italic }));
}

/**
 * A heading that carries its text on the same line is a paragraph of its own, not a title for what
 * follows: keep-with-next would chain a run of such lines into one block that cannot break.
 */
function sameLine(p: Para, text: string): void {
  p.runs.push(...inlineRuns(text));
  if (p.style !== 'Body') p.keepNext = false;
}

function section(plan: Plan, s: Section, t: Templates, widthMm: number, out: Flow[]): void {
  // a section of a plan with no Roman level is a khoản: its title as written, the khoản style
  const title = s.cap === 'khoan' ? titleOf(t, s.muc, s.phan) : s.muc || upperVi(titleOf(t, '', s.phan));
  const p = para(s.cap === 'khoan' ? 'Khoan' : 'Muc', `${s.so} ${title}`);
  if (s.cung_dong) sameLine(p, s.cung_dong);
  out.push(p);
  blocks(plan, s.noi_dung, t, s.cap === 'khoan' ? 1 : 0, widthMm, out);
  for (const m of s.cac_muc) section(plan, m, t, widthMm, out);
}

/** ND30: the content ends with "./." right after the final full stop; a content that ends in a table, on a line under it. */
function endMark(fs: Flow[]): void {
  if (fs.at(-1)?.type === 'table') return void fs.push(plainPara('Body', './.'));
  const last = [...fs].reverse().find((p): p is Para => p.type === 'paragraph' && p.runs.length > 0);
  if (!last) return;
  const run = last.runs[last.runs.length - 1];
  const text = run.text.replace(/\s+$/, '');
  run.text = text.endsWith('./.') ? text : text.endsWith('.') ? text + '/.' : text.replace(/[\s;:,]+$/, '') + './.';
}

function signer(plan: Plan, t: Templates, widthMm: number): Para[] {
  const lines = t['nguoi-ky'](plan.nguoi_ky)
    .split('\n')
    .map((l) => upperVi(l.trim()))
    .filter(Boolean);
  // [R] the title 13–14 pt: one size down when a line would wrap ("TUQ. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"); a line
  // too long even so breaks where its meaning does ("TUQ. CHỦ TỊCH / ỦY BAN NHÂN DÂN TỈNH"), not where the
  // column ends ("… NHÂN DÂN / TỈNH")
  const room = roomIn(widthMm);
  const size = fitSize(lines.map((text) => ({ text, bold: true })), [14, 13], room);
  const broken = lines.flatMap((l) => (textWidthMm(l, size, true) <= room ? [l] : (meaningfulLines(l.split(/\s+/u), size, true, room, SIGNER_BREAK_BEFORE) ?? [l])));
  return [
    ...broken.map((l) => plainPara('ChucVu', l, size !== 14 ? { sizePt: size } : {})),
    ...Array.from({ length: SIGNATURE_GAP_LINES }, () => plainPara('KhoangKy', '')),
    plainPara('HoTen', plan.nguoi_ky.ho_ten),
    ...plan.nguoi_ky.duoi_ten.map((l) => plainPara('ChucVu', l)),
  ];
}

const ALIGN = { trai: 'left', giua: 'center', phai: 'right', deu: 'both' } as const;

const bold = (p: Para): Para => ({ ...p, runs: p.runs.map((r) => ({ ...r, bold: true })) });

/** A ruled table `availMm` wide: an appendix's, or one among the body's paragraphs. */
function table(a: TableSpec, availMm: number): Table {
  const { columnsMm } = columnWidths(a, availMm);
  const header: TableCell[] = a.cot.map((c, col) => ({ col, rowSpan: 1, colSpan: 1, align: 'center', paras: [para('BangDau', c.ten)] }));
  const rows: TableCell[][] = a.hang.map((r) =>
    r.o.map((o) => {
      const can = o.can ?? a.cot[o.cot]?.can;
      return {
        col: o.cot,
        rowSpan: o.gop_hang,
        colSpan: o.gop_cot,
        align: can && ALIGN[can],
        paras: (o.noi_dung.length ? o.noi_dung : ['']).map((l) => (o.dam ? bold(para('Bang', l)) : para('Bang', l))),
      };
    }),
  );
  const skip = a.so_cot === 'tru_stt' ? 1 : 0;
  const numbers = a.cot.map((_, col): TableCell => ({ col, rowSpan: 1, colSpan: 1, align: 'center', paras: [plainPara('BangDau', col < skip ? '' : `(${col + 1 - skip})`)] }));
  return { type: 'table', columnsMm, header, rows, ...(a.so_cot ? { columnNumbers: numbers } : {}) };
}

function appendix(plan: Plan, t: Templates, index: number, textWidthOf: (landscape: boolean) => number): AppendixModel {
  const a = plan.phu_luc[index];
  const avail = textWidthOf(a.ngang);
  const ref = a.tham_chieu ?? reference(plan, t);
  const heading: Node[] = [
    plainPara('PhuLucSo', t['tieu-de-phu-luc']({ so_la_ma: plan.phu_luc.length > 1 ? roman(index + 1) : null })),
    para('PhuLucTen', upperVi(a.tieu_de)),
    plainPara('PhuLucThamChieu', ref),
    { type: 'rule', style: 'DuongKePhuLuc', widthMm: Math.min(40, textWidthMm(ref, 14, false, true) / 3) },
  ];
  const part = (bs: Block[]) => {
    const out: Flow[] = [];
    blocks(plan, bs, t, 0, avail, out);
    return out.length ? out : undefined;
  };
  // a line in brackets ("(Ký tên, đóng dấu)") is an instruction: italic, as on the decree's forms
  const signLine = (l: string): Para => {
    const p = plainPara('ChucVu', l);
    if (/^\(.*\)$/.test(l)) p.runs = p.runs.map((r) => ({ ...r, bold: false, italic: true }));
    return p;
  };
  const leftMm = avail * CLOSING.leftRatio;
  const signature: ClosingModel | undefined = a.ky_ten.length ? { leftMm, rightMm: avail - leftMm, left: [], right: a.ky_ten.map(signLine), keepTogether: true } : undefined;
  const before = part(a.noi_dung);
  const tbl = a.cot.length ? table(a, avail) : null;
  const after = part(a.ghi_chu);
  // what precedes the signing lines stays with them: the table's last row and the notes under it
  if (signature) keepWithClosing([...(before ?? []), ...(tbl ? [tbl] : []), ...(after ?? [])]);
  return { landscape: a.ngang, heading, before, table: tbl, after, ...(signature ? { signature } : {}) };
}

const DECISION = 'Quyết định';

/** The reference line "(Kèm theo … số … ngày … của …)" to the plan, or to the decision that issues it. */
function reference(plan: Plan, t: Templates): string {
  const d = plan.quyet_dinh;
  return t['tham-chieu-phu-luc'](
    d
      ? { ...plan, ten_loai: DECISION, co_quan: d.tham_quyen, kieu_ngay: d.kieu_ngay }
      : { ...plan, co_quan: plan.ten_co_quan, kieu_ngay: 'chu' },
  );
}

/** ô 1–4; without `withNumber` only the names and the Quốc hiệu (a plan issued by a decision, §8a). */
function header(plan: Plan, t: Templates, textMm: number, withNumber: boolean): HeaderModel {
  let { leftMm, rightMm } = headerColumns(textMm);

  // ô 2: agency names; one size down (13 → 12) when a line would wrap. [R] 12–13 pt
  const agencySize = fitSize(agencyLines(plan), AGENCY_SIZES, roomIn(leftMm));
  // ô 4 on one line: with wide margins (35/20 mm) the right column is narrower than usual, and a long place and
  // date would wrap even at 13 pt; it takes room from the left column, as far as the agency lines still fit
  // there at their size, and "Số: …" under them
  const placeDateText = withNumber ? t['dia-danh-ngay'](plan) : '';
  const numberText = withNumber ? t['so-ky-hieu'](plan) : '';
  const needMm = textWidthMm(placeDateText, 13, false, true) + 2 * HEADER.cellPaddingMm + 0.5;
  const leftLines = [...agencyLines(plan).map((l) => ({ ...l, size: agencySize })), { text: numberText, bold: false, size: 13 }];
  if (withNumber && needMm > rightMm && leftLines.every((l) => textWidthMm(l.text, l.size, l.bold) <= roomIn(textMm - needMm))) {
    rightMm = needMm;
    leftMm = textMm - needMm;
  }
  // ô 3 on one line: a long ký hiệu ("Số: …/KH-BCĐ389-UBND") with wide margins would wrap at a hyphen; it takes
  // room from the right column, as far as the Quốc hiệu still fits there at 12 pt ([R] 12–13) and the place and
  // date at 13
  const numberMm = textWidthMm(numberText, 13, false) + 2 * HEADER.cellPaddingMm + 0.5;
  const rightRoom = roomIn(textMm - numberMm);
  if (withNumber && numberMm > leftMm && textWidthMm(HEADER.quocHieu, 12, true) <= rightRoom && textWidthMm(placeDateText, 13, false, true) <= rightRoom) {
    leftMm = numberMm;
    rightMm = textMm - numberMm;
  }
  const agency = (style: StyleName) => (l: string) => plainPara(style, l, agencySize !== 13 ? { sizePt: agencySize } : {});
  const left: Node[] = [...plan.co_quan_chu_quan.map(agency('CoQuanChuQuan')), ...plan.co_quan_ban_hanh.map(agency('CoQuanBanHanh'))];
  const issuerWidth = Math.max(...plan.co_quan_ban_hanh.map((l) => textWidthMm(l, agencySize, true)));
  left.push({ type: 'rule', widthMm: Math.min(roomIn(leftMm), Math.max(HEADER.issuerLineMinMm, issuerWidth * HEADER.issuerLineRatio)) });

  // ô 1: Quốc hiệu 13 / Tiêu ngữ 14, falling back to 12 / 13 if the column is too narrow.
  const qhSize = fitSize([{ text: HEADER.quocHieu, bold: true }], [13, 12], roomIn(rightMm));
  const tnSize = qhSize === 13 ? 14 : 13;
  const right: Node[] = [
    plainPara('QuocHieu', HEADER.quocHieu, qhSize !== 13 ? { sizePt: qhSize } : {}),
    plainPara('TieuNgu', HEADER.tieuNgu, tnSize !== 14 ? { sizePt: tnSize } : {}),
    { type: 'rule', widthMm: textWidthMm(HEADER.tieuNgu, tnSize, true) }, // [R] as long as the text
  ];
  if (!withNumber) return { leftMm, rightMm, left, right, number: null, placeDate: null };

  // ô 3 and ô 4, on one line (row 2 of the header table).
  const number = plainPara('SoKyHieu', numberText);
  const pdSize = fitSize([{ text: placeDateText, bold: false, italic: true }], [14, 13], roomIn(rightMm));
  const placeDate = plainPara('DiaDanhNgay', placeDateText, pdSize !== 14 ? { sizePt: pdSize } : {});
  return { leftMm, rightMm, left, right, number, placeDate };
}

/** ô 5a: tên loại, trích yếu, then (a plan issued by a decision) the reference line, and the line under them. */
function titleBlock(plan: Plan, t: Templates, kind: string, written: string[], textMm: number, after: Para[] = []): Node[] {
  // one string: kehoach breaks it into even lines (1 mm short of the page, so that no line wraps again); a list
  // keeps the writer's own breaks, and a line of it too long for the page is broken the same way (Word would
  // wrap it and leave its last words alone; an OCR'd title comes in with two of its lines run together)
  const subject = written.flatMap((l) => balancedLines(l, 14, true, textMm - 1));
  const subjectWidth = Math.min(Math.max(...subject.map((l) => textWidthMm(plainText(l), 14, true))), textMm);
  return [
    plainPara('TenLoai', t['ten-loai']({ ...plan, ten_loai: kind })),
    // the writer's own line breaks: one paragraph a line, spaced as one paragraph
    ...subject.map((l) => para('TrichYeu', l)),
    ...after,
    { type: 'rule', style: 'DuongKeTrichYeu', widthMm: Math.min(HEADER.subjectLineMaxMm, subjectWidth * HEADER.subjectLineRatio) },
  ];
}

/** About how tall paragraphs print in a column (mm): each one's wrapped lines at its size, single spacing. */
function heightMm(ps: Para[], widthMm: number, bodySizePt: 13 | 14): number {
  const sizes = new Map(styles(bodySizePt).map((s) => [s.name, s]));
  return ps.reduce((h, p) => {
    const s = sizes.get(p.style);
    const size = p.sizePt ?? s?.sizePt ?? bodySizePt;
    const text = p.runs.map((r) => r.text).join('');
    const lines = Math.max(1, Math.ceil(textWidthMm(text, size, !!s?.bold) / roomIn(widthMm)));
    return h + lines * size * SINGLE_LINE_EM * PT_TO_MM;
  }, 0);
}

/** ô 9b and ô 7. */
function closing(plan: Plan, t: Templates, textMm: number): ClosingModel {
  const left: Para[] = [
    plainPara('NoiNhanNhan', 'Nơi nhận:'),
    ...plan.noi_nhan.map((r) => plainPara('NoiNhan', t['noi-nhan'](r))),
    plainPara('NoiNhan', t.luu(plan)),
  ];
  const leftMm = textMm * CLOSING.leftRatio;
  const right = signer(plan, t, textMm - leftMm);
  // kept on one page while it takes at most half of one: taller, a kept block leaves a half-empty page before it
  // (or, taller than a page, cannot be kept at all), so it breaks, the signer beside the first recipients
  const size = plan.trinh_bay.co_chu;
  const pageMm = PAGE.heightMm - plan.trinh_bay.le_tren - plan.trinh_bay.le_duoi;
  const keepTogether = Math.max(heightMm(left, leftMm, size), heightMm(right, textMm - leftMm, size)) <= pageMm / 2;
  return { leftMm, rightMm: textMm - leftMm, left, right, keepTogether };
}

/** The decision page (spec §8a, Mẫu 1.3): header with its số, title, authority, căn cứ, articles, closing. */
function decisionModel(plan: Plan, d: Decision, t: Templates, textMm: number): DecisionModel {
  const title = titleBlock(plan, t, DECISION, d.trich_yeu_dong, textMm);
  title.push(plainPara('ThamQuyen', upperVi(d.tham_quyen)));
  const body = bases(d.can_cu, t, 'CanCu');
  if (d.de_nghi) body.push(para('CanCu', t['de-nghi']({ de_nghi: d.de_nghi })));
  body.push(plainPara('QuyetDinh', t['ten-loai']({ ...plan, ten_loai: DECISION }) + ':'));
  const articles = d.dieu.map((text, i) => {
    const p = para('Body', text);
    p.runs.unshift({ text: t['so-dieu']({ so: i + 1 }) + ' ', bold: true });
    return p;
  });
  endMark(articles);
  body.push(...articles);
  keepWithClosing(body);
  return { header: header(plan, t, textMm, true), title, body, closing: closing(plan, t, textMm) };
}

/**
 * The end of what precedes a closing block stays on its page (the signature is never alone on a new page): the
 * last paragraph, or a table's last row, and a table's last row before a closing "./." too. Both writers follow it.
 */
function keepWithClosing(fs: Flow[]): void {
  fs.forEach((f, i) => {
    if (i === fs.length - 1 || (i === fs.length - 2 && f.type === 'table')) {
      if (f.type === 'table') f.keepEnd = true;
      else f.keepNext = true;
    }
  });
}

/** Build the document model of a plan. Pure: same plan and templates, same model. */
export function buildModel(plan: Plan, t: Templates): DocModel {
  const tb = plan.trinh_bay;
  const m = { top: tb.le_tren, bottom: tb.le_duoi, left: tb.le_trai, right: tb.le_phai };
  const textMm = textWidth(plan);
  const d = plan.quyet_dinh;

  // ô 5a; a plan issued by a decision refers to it under its trích yếu (§8a)
  const title = titleBlock(plan, t, plan.ten_loai, plan.trich_yeu_dong, textMm, d ? [plainPara('ThamChieu', reference(plan, t))] : []);

  // ô 6
  const body: Flow[] = [...bases(plan.can_cu, t)];
  blocks(plan, plan.mo_dau, t, 0, textMm, body);
  for (const s of plan.noi_dung) section(plan, s, t, textMm, body);
  const closingParas: Flow[] = [];
  blocks(plan, plan.ket_thuc, t, 0, textMm, closingParas);
  endMark(closingParas.length ? closingParas : body);
  body.push(...closingParas);
  // the decision carries the nơi nhận and the only signature (§8a)
  if (!d) keepWithClosing(body);

  const appendices = plan.phu_luc.map((_, i) => appendix(plan, t, i, (landscape) => (landscape ? LANDSCAPE_TEXT_MM : textMm)));

  return {
    page: { marginsMm: m, bodySizePt: tb.co_chu },
    properties: {
      title: plainText(`${plan.ten_loai} ${plan.trich_yeu}`),
      subject: plainText(plan.trich_yeu),
      creator: plan.ten_co_quan,
      date: plan.ngay ?? '',
    },
    decision: d ? decisionModel(plan, d, t, textMm) : null,
    header: !d ? header(plan, t, textMm, true) : d.dau_trang_ke_hoach ? header(plan, t, textMm, false) : null,
    title,
    body,
    // the decision carries the nơi nhận and the only signature (§8a)
    closing: d ? null : closing(plan, t, textMm),
    appendices,
  };
}
