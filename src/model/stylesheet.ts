// The one stylesheet: every size, weight, spacing and indent of the document, each with the ND30 rule
// it implements (../shared/spec/nd30-layout.md; [R] decree text, [M] decree template, [P] practice).
// Handlers refer to these styles by name; no formatting values appear anywhere else.

export type Align = 'left' | 'center' | 'right' | 'both';

export interface ParaStyle {
  name: string;
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  allCaps?: boolean;
  align: Align;
  firstLineTw?: number;
  hangingTw?: number;
  beforePt: number;
  afterPt: number;
  /** Line spacing in 240ths of a line (240 = single). */
  line: number;
  keepNext?: boolean;
}

export const FONT = 'Times New Roman'; // [R] Phụ lục I §1: Times New Roman, Unicode TCVN 6909:2001
export const COLOR = '000000'; // [R] black text

/** Page geometry, in mm. [R] §2: A4 portrait; margins top/bottom 20–25, left 30–35, right 15–20. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  // [P] common template default 20/20/30/15 (165 mm text width); configurable per plan
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  // [M] the decree's own landscape section: 30/15 left/right, 20/15 top/bottom
  landscapeMargins: { top: 20, bottom: 15, left: 30, right: 15 },
  headerMm: 10, // page number sits in the top margin [R]
};

/** Header table: [M]/[P] 65 mm + 100 mm, two rows (names and lines; số and date on one line [R]). */
export const HEADER = {
  // Quốc hiệu at 13 pt needs about 96 mm; "Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2025" at 13 pt
  // italic about 98.4 mm [P, measured]: 103 mm keeps both on one line; the left column keeps 62 mm.
  rightColMm: 103,
  cellPaddingMm: 0.5, // header cells: little padding, the columns carry the space
  quocHieu: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', // [R] ô 1, "HÒA" per §12.2
  tieuNgu: 'Độc lập - Tự do - Hạnh phúc', // [R] ô 1, hyphen with a space each side
  issuerLineRatio: 0.4, // [R] line under the agency: 1/3–1/2 of the text; §12.3 use the longest line
  issuerLineMinMm: 20, // [P] §12.3 short names (SỞ Y TẾ) get about 20–30 mm
  subjectLineRatio: 0.4, // [R] line under the trích yếu: 1/3–1/2 of its length
  subjectLineMaxMm: 60,
  ruleSizeEighths: 6, // 0.75 pt solid line
};

/** Signature block: [P] §6, about 3–5 blank 14 pt lines for signature and seal. */
export const SIGNATURE_GAP_LINES = 4;

/** Closing table: [P] 45 % recipients, 55 % signer (Mẫu 1.4 uses 2994 + 6290 twips). */
export const CLOSING = { leftRatio: 0.45 };

/** Word's "single" line of Times New Roman (ascent + descent + gap of the font, about 1.15 em). */
export const SINGLE_LINE_EM = 1.15;

/** Appendix tables: [P] §5 body tables 11–13 pt. */
export const TABLE = { sizePt: 12, cellPaddingMm: 1.5, headerRepeat: true };

const body = (size: number) => ({
  sizePt: size, // [R] ô 6: 13–14 pt, one size for the whole body [P]
  align: 'both' as const, // [R] justified
  firstLineTw: 567, // [R] first-line indent 1 cm (or 1.27 cm); [M] template uses 1 cm
  beforePt: 6, // [R] at least 6 pt between paragraphs; [M] template: 6 pt before
  afterPt: 0,
  line: 240, // [R] single to 1.5 lines; single as the decree's template
});

/** All paragraph styles, by the body size the plan asks for (13 or 14). */
export function styles(size: 13 | 14): ParaStyle[] {
  const b = body(size);
  return [
    { name: 'Body', ...b },
    // [R] §5 căn cứ block: italic, one basis per line; inline "Thực hiện ..." paragraphs are upright [P]
    { name: 'CanCu', ...b, italic: true },
    { name: 'CanCuDong', ...b },
    // [M]/[P] §5 heading table: "I. MỤC ĐÍCH, YÊU CẦU" uppercase bold at the body indent
    { name: 'Muc', ...b, bold: true, keepNext: true },
    // [M] "1. Mục đích": khoản with a title, normal case bold
    { name: 'Khoan', ...b, bold: true, keepNext: true },
    // [P] "1.1." sub-khoản: bold italic
    { name: 'KhoanCon', ...b, bold: true, italic: true, keepNext: true },
    // [R] điểm a), b) and [P] "-", "+" lists: normal case, upright, body indent
    { name: 'Diem', ...b },
    { name: 'Gach', ...b },
    { name: 'Cong', ...b },
    // [P] a free centred line in the body, e.g. "(chi tiết tại Phụ lục I)": body size, no indent
    { name: 'Giua', ...b, align: 'center', firstLineTw: undefined },
    // ô 1: [R] Quốc hiệu 12–13 bold upper; [P] 13
    { name: 'QuocHieu', sizePt: 13, bold: true, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    // ô 1: [R] Tiêu ngữ 13–14 bold; [P] 14
    { name: 'TieuNgu', sizePt: 14, bold: true, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    // ô 2: [R] chủ quản 12–13 upper, not bold; ban hành 12–13 upper bold; single spacing
    { name: 'CoQuanChuQuan', sizePt: 13, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    { name: 'CoQuanBanHanh', sizePt: 13, bold: true, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    // ô 3: [R] "Số: 181/KH-SYT", 13 pt fixed, upright, centred under the agency. The 6 pt before it (and before ô 4)
    // stand in for the decree template's rule line, a paragraph of "_" a full line high with 0 pt around it: a
    // drawn 2 pt rule without them would put "Số:" a line closer to the name than the template does
    { name: 'SoKyHieu', sizePt: 13, align: 'center', beforePt: 6, afterPt: 0, line: 240 },
    // ô 4: [R] place and date 13–14 italic, centred under the Quốc hiệu; [P] 14, 13 when too long
    { name: 'DiaDanhNgay', sizePt: 14, italic: true, align: 'center', beforePt: 6, afterPt: 0, line: 240 },
    // separator lines under agency, tiêu ngữ and trích yếu: [R] solid, centred
    { name: 'DuongKe', sizePt: 2, align: 'center', beforePt: 2, afterPt: 0, line: 240 },
    // [P] §4: the trích yếu's line, then space before the body
    { name: 'DuongKeTrichYeu', sizePt: 2, align: 'center', beforePt: 3, afterPt: 12, line: 240 },
    // [M] Mẫu 2.1: the line under an appendix's reference line, clear of the table below it
    { name: 'DuongKePhuLuc', sizePt: 2, align: 'center', beforePt: 2, afterPt: 6, line: 240 },
    // the paragraph that ends a section after a table: it holds the section's properties, as a .docx must; the
    // size of a rule line, so that a table ending at the page's foot leaves no page empty but for it
    { name: 'CuoiPhan', sizePt: 1, align: 'left', beforePt: 0, afterPt: 0, line: 240 },
    // ô 5a: [R] "KẾ HOẠCH" 13–14 upper bold centred; [M] 14; [P] about 12 pt above
    { name: 'TenLoai', sizePt: 14, bold: true, allCaps: false, align: 'center', beforePt: 18, afterPt: 0, line: 240 },
    // ô 5a: [R] trích yếu 13–14 bold, centred directly under the tên loại
    { name: 'TrichYeu', sizePt: 14, bold: true, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    // ô 9b: [R] "Nơi nhận:" 12 pt bold italic, flush left; list 11 pt upright
    { name: 'NoiNhanNhan', sizePt: 12, bold: true, italic: true, align: 'left', beforePt: 0, afterPt: 0, line: 240 },
    { name: 'NoiNhan', sizePt: 11, align: 'left', beforePt: 0, afterPt: 0, line: 240 },
    // ô 7a: [R] authority and titles 13–14 upper bold, centred; 7b: name 13–14 bold
    { name: 'ChucVu', sizePt: 14, bold: true, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    { name: 'KhoangKy', sizePt: 14, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    { name: 'HoTen', sizePt: 14, bold: true, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    // §8a decision: the issuing authority, uppercase bold centred on its own line; "QUYẾT ĐỊNH:" likewise
    { name: 'ThamQuyen', sizePt: 14, bold: true, align: 'center', beforePt: 0, afterPt: 6, line: 240 },
    { name: 'QuyetDinh', sizePt: 14, bold: true, align: 'center', beforePt: 6, afterPt: 0, line: 240, keepNext: true },
    // §8a the plan's reference line to the decision: italic, centred, under the trích yếu
    { name: 'ThamChieu', sizePt: 14, italic: true, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    // page number: [R] 13–14, upright, centred in the top margin
    { name: 'SoTrang', sizePt: 14, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    // Phụ lục heading: [R] §8 "Phụ lục I" 14 bold; title 13–14 upper bold; reference line italic
    { name: 'PhuLucSo', sizePt: 14, bold: true, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    { name: 'PhuLucTen', sizePt: 14, bold: true, align: 'center', beforePt: 0, afterPt: 0, line: 240 },
    { name: 'PhuLucThamChieu', sizePt: 14, italic: true, align: 'center', beforePt: 0, afterPt: 6, line: 240 },
    // tables: [P] 11–13 pt
    { name: 'BangDau', sizePt: TABLE.sizePt, bold: true, align: 'center', beforePt: 3, afterPt: 3, line: 240 },
    { name: 'Bang', sizePt: TABLE.sizePt, align: 'left', beforePt: 3, afterPt: 3, line: 240 },
  ];
}

export type StyleName =
  | 'Body'
  | 'CanCu'
  | 'CanCuDong'
  | 'Muc'
  | 'Khoan'
  | 'KhoanCon'
  | 'Diem'
  | 'Gach'
  | 'Cong'
  | 'Giua'
  | 'QuocHieu'
  | 'TieuNgu'
  | 'CoQuanChuQuan'
  | 'CoQuanBanHanh'
  | 'SoKyHieu'
  | 'DiaDanhNgay'
  | 'DuongKe'
  | 'DuongKeTrichYeu'
  | 'DuongKePhuLuc'
  | 'TenLoai'
  | 'TrichYeu'
  | 'NoiNhanNhan'
  | 'NoiNhan'
  | 'ChucVu'
  | 'KhoangKy'
  | 'HoTen'
  | 'SoTrang'
  | 'ThamQuyen'
  | 'QuyetDinh'
  | 'ThamChieu'
  | 'PhuLucSo'
  | 'PhuLucTen'
  | 'PhuLucThamChieu'
  | 'BangDau'
  | 'Bang';
