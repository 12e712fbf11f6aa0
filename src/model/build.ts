// Plan → document model. Wording comes from the templates; styles are referred to by name.
import type { Block, Plan, Section } from '../plan/normalize.js';
import { roman } from '../plan/normalize.js';
import { parseInline, escapeInline } from '../text/inline.js';
import { upperVi } from '../text/normalize-text.js';
import type { AppendixModel, DocModel, Node, Para, Run, Table, TableCell } from './model.js';
import { CLOSING, HEADER, PAGE, SIGNATURE_GAP_LINES, type StyleName } from './stylesheet.js';
import { textWidthMm } from './metrics.js';
import type { Templates } from './templates.js';

const para = (style: StyleName, text: string, extra: Partial<Para> = {}): Para => ({
  type: 'paragraph',
  style,
  runs: parseInline(text).map((s) => ({ text: s.text, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}) })),
  ...extra,
});

const plainPara = (style: StyleName, text: string, extra: Partial<Para> = {}): Para => para(style, escapeInline(text), extra);


/** Largest size in `sizes` at which every line fits `availMm`; the smallest when none does (it wraps). */
function fitSize(lines: string[], sizes: number[], bold: boolean, italic: boolean, availMm: number): number {
  for (const s of sizes) if (lines.every((l) => textWidthMm(l, s, bold, italic) <= availMm)) return s;
  return sizes[sizes.length - 1];
}

function citationText(t: Templates, c: Extract<Plan['bases'][number]['items'][number], { type: 'citation' }>): string {
  return t['van-ban-can-cu']({
    loai: c.kind,
    so_ky_hieu: c.number ?? null,
    ngay: c.date ?? null,
    co_quan: c.issuer ?? null,
    trich_yeu: c.subject ?? null,
    lien_tu: c.connective,
    kieu_ngay: c.dateStyle,
  });
}

function bases(plan: Plan, t: Templates): Para[] {
  const out: Para[] = [];
  for (const g of plan.bases) {
    const items = g.items.map((i) => (i.type === 'text' ? i.text : citationText(t, i)));
    if (g.oneByLine) {
      items.forEach((v, k) =>
        out.push(para('CanCu', t['dong-can-cu']({ mo_dau: g.opening, van_ban: v, dau: k === items.length - 1 ? g.end : ';' }))),
      );
    } else out.push(para('CanCuDong', t['nhom-can-cu']({ mo_dau: g.opening, van_ban: items, dau_cuoi: g.end })));
  }
  return out;
}

function reportText(t: Templates, b: Extract<Block, { type: 'report' }>): string {
  const r = b.report;
  return t['bao-cao']({
    truoc: r.before,
    ky: r.periods.map((p) => ({ ten: p.name, han: p.due, moc: p.mark })),
    noi: r.joiner,
    sau: r.after,
    nghieng: r.italic,
  });
}

function blocks(bs: Block[], t: Templates, depth: number, out: Para[]): void {
  for (const b of bs) {
    switch (b.type) {
      case 'paragraph':
        out.push(para('Body', b.text));
        break;
      case 'report':
        out.push(para(b.bullet ? 'Gach' : 'Body', (b.bullet ? '- ' : '') + reportText(t, b)));
        break;
      case 'unit':
        out.push(para(depth === 0 ? 'Khoan' : 'KhoanCon', `${b.marker} ${b.name}`));
        blocks(b.children, t, depth + 1, out);
        break;
      case 'item': {
        const title = b.text || (b.role ? t['tieu-de-phan']({ phan: b.role }) : '');
        if (b.level === 'khoan') {
          const style: StyleName = b.heading ? (depth === 0 ? 'Khoan' : 'KhoanCon') : 'Body';
          const p = para(style, `${b.marker} ${title}`);
          if (b.inline) p.runs.push(...inlineRuns(b.inline));
          out.push(p);
          blocks(b.children, t, depth + 1, out);
        } else {
          const style: StyleName = b.level === 'diem' ? 'Diem' : b.level === 'gach' ? 'Gach' : 'Cong';
          out.push(para(style, `${b.marker} ${title}`));
          blocks(b.children, t, depth, out);
        }
        break;
      }
    }
  }
}

/** Text written on the same line after a heading: ": Theo quy định hiện hành." in regular weight. */
function inlineRuns(text: string): Run[] {
  return parseInline(text).map((s, i) => ({ text: (i === 0 ? ': ' : '') + s.text, bold: !!s.bold, italic: !!s.italic }));
}

function section(s: Section, t: Templates, out: Para[]): void {
  const title = s.title || (s.role ? upperVi(t['tieu-de-phan']({ phan: s.role })) : '');
  const p = para('Muc', `${s.numeral}. ${title}`);
  if (s.inline) p.runs.push(...inlineRuns(s.inline));
  out.push(p);
  blocks(s.children, t, 0, out);
}

/** ND30: the content ends with "./." right after the final full stop. */
function endMark(ps: Para[]): void {
  const last = [...ps].reverse().find((p) => p.runs.length > 0);
  if (!last) return;
  const run = last.runs[last.runs.length - 1];
  const text = run.text.replace(/\s+$/, '');
  run.text = text.endsWith('./.') ? text : text.endsWith('.') ? text + '/.' : text.replace(/[\s;:,]+$/, '') + './.';
}

function signer(plan: Plan, t: Templates): Para[] {
  const s = plan.signer;
  const lines = t['nguoi-ky']({
    thay_mat: s.collective ?? null,
    quyen_han: s.authority ?? null,
    thu_truong: s.head ?? null,
    chuc_vu: s.title ?? null,
  })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return [
    ...lines.map((l) => plainPara('ChucVu', upperVi(l))),
    ...Array.from({ length: SIGNATURE_GAP_LINES }, () => plainPara('KhoangKy', '')),
    plainPara('HoTen', s.name),
  ];
}

function appendix(plan: Plan, t: Templates, index: number, count: number, textWidthOf: (landscape: boolean) => number): AppendixModel {
  const a = plan.appendices[index];
  const avail = textWidthOf(a.landscape);
  const weights = a.columns.map((c) => c.width ?? (/^stt$/i.test(c.name) ? 12 : 35));
  const total = weights.reduce((x, y) => x + y, 0);
  const columnsMm = weights.map((w) => (w / total) * avail);
  const align = (v?: string): TableCell['align'] => (v === 'giua' ? 'center' : v === 'phai' ? 'right' : v === 'deu' ? 'both' : v === 'trai' ? 'left' : undefined);
  const header: TableCell[] = a.columns.map((c, col) => ({ col, rowSpan: 1, colSpan: 1, align: 'center', paras: [para('BangDau', c.name)] }));
  const rows: TableCell[][] = a.rows.map((r) =>
    r.cells.map(({ col, cell }) => ({
      col,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      align: align(cell.align ?? a.columns[col]?.align),
      paras: (cell.lines.length ? cell.lines : ['']).map((l) => para('Bang', l)),
    })),
  );
  const table: Table = { type: 'table', columnsMm, header, rows };
  const ref = t['tham-chieu-phu-luc']({
    ten_loai: plan.kind,
    so: plan.number ?? null,
    ky_hieu: plan.symbol,
    ngay: plan.date ?? null,
    co_quan: plan.issuerName,
  });
  const heading: Node[] = [
    plainPara('PhuLucSo', t['tieu-de-phu-luc']({ so_la_ma: count > 1 ? roman(index + 1) : null })),
    para('PhuLucTen', upperVi(a.title)),
    plainPara('PhuLucThamChieu', ref),
    { type: 'rule', widthMm: Math.min(40, textWidthMm(ref, 14, false, true) / 3) },
  ];
  return { landscape: a.landscape, heading, table };
}

/** Build the document model of a plan. Pure: same plan and templates, same model. */
export function buildModel(plan: Plan, t: Templates): DocModel {
  const m = plan.layout.marginsMm;
  const textMm = PAGE.widthMm - m.left - m.right;
  const rightMm = Math.min(HEADER.rightColMm, textMm * 0.64);
  const leftMm = textMm - rightMm;
  const pad = HEADER.cellPaddingMm * 2;

  // ô 2: agency names; one size down (13 → 12) when a line would wrap. [R] 12–13 pt
  const agencyLines = [...plan.superior, ...plan.issuer];
  const agencySize = fitSize(agencyLines, [13, 12], true, false, leftMm - pad);
  const left: Node[] = [
    ...plan.superior.map((l) => plainPara('CoQuanChuQuan', l, agencySize !== 13 ? { sizePt: agencySize } : {})),
    ...plan.issuer.map((l) => plainPara('CoQuanBanHanh', l, agencySize !== 13 ? { sizePt: agencySize } : {})),
  ];
  const issuerWidth = Math.max(...plan.issuer.map((l) => textWidthMm(l, agencySize, true)));
  left.push({ type: 'rule', widthMm: Math.min(leftMm - pad, Math.max(HEADER.issuerLineMinMm, issuerWidth * HEADER.issuerLineRatio)) });

  // ô 1: Quốc hiệu 13 / Tiêu ngữ 14, falling back to 12 / 13 if the column is too narrow.
  const qhSize = fitSize([HEADER.quocHieu], [13, 12], true, false, rightMm - pad);
  const tnSize = qhSize === 13 ? 14 : 13;
  const right: Node[] = [
    plainPara('QuocHieu', HEADER.quocHieu, qhSize !== 13 ? { sizePt: qhSize } : {}),
    plainPara('TieuNgu', HEADER.tieuNgu, tnSize !== 14 ? { sizePt: tnSize } : {}),
    { type: 'rule', widthMm: textWidthMm(HEADER.tieuNgu, tnSize, true) }, // [R] as long as the text
  ];

  // ô 3 and ô 4, on one line (row 2 of the header table).
  const number = plainPara('SoKyHieu', t['so-ky-hieu']({ so: plan.number ?? null, ky_hieu: plan.symbol }));
  const placeDateText = t['dia-danh-ngay']({ dia_danh: plan.place, ngay: plan.date ?? null });
  const pdSize = fitSize([placeDateText], [14, 13], false, true, rightMm - pad);
  const placeDate = plainPara('DiaDanhNgay', placeDateText, pdSize !== 14 ? { sizePt: pdSize } : {});

  // ô 5a
  const subjectWidth = Math.min(textWidthMm(plan.subject, 14, true), textMm);
  const title: Node[] = [
    plainPara('TenLoai', t['ten-loai']({ ten_loai: plan.kind })),
    para('TrichYeu', plan.subject),
    { type: 'rule', style: 'DuongKeTrichYeu', widthMm: Math.min(HEADER.subjectLineMaxMm, Math.max(25, subjectWidth * HEADER.subjectLineRatio)) },
  ];

  // ô 6
  const body: Para[] = [...bases(plan, t)];
  blocks(plan.opening, t, 0, body);
  for (const s of plan.sections) section(s, t, body);
  const closingParas: Para[] = [];
  blocks(plan.closing, t, 0, closingParas);
  body.push(...closingParas);
  endMark(closingParas.length ? closingParas : body);

  // ô 9b and ô 7
  const closingLeft: Para[] = [
    plainPara('NoiNhanNhan', 'Nơi nhận:'),
    ...plan.recipients.map((r) => plainPara('NoiNhan', t['noi-nhan']({ ten: r.name, muc_dich: r.purpose ?? null }))),
    plainPara('NoiNhan', t.luu({ luu: plan.storage })),
  ];
  const closingLeftMm = textMm * CLOSING.leftRatio;

  const landscapeWidth = PAGE.heightMm - PAGE.landscapeMargins.left - PAGE.landscapeMargins.right;
  const appendices = plan.appendices.map((_, i) =>
    appendix(plan, t, i, plan.appendices.length, (landscape) => (landscape ? landscapeWidth : textMm)),
  );

  return {
    page: { marginsMm: m, bodySizePt: plan.layout.fontSize },
    properties: {
      title: `${plan.kind} ${plan.subject}`.replace(/\*/g, ''),
      subject: plan.subject.replace(/\*/g, ''),
      creator: plan.issuerName,
      date: plan.date ?? '',
    },
    header: { leftMm, rightMm, left, right, number, placeDate },
    title,
    body,
    closing: { leftMm: closingLeftMm, rightMm: textMm - closingLeftMm, left: closingLeft, right: signer(plan, t) },
    appendices,
  };
}
