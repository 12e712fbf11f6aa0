// The names `kehoach init` writes for the clerk to replace, in one place: init writes them, lint finds any left.
import type { Finding, LocalRule } from './types.js';

export const STARTER = {
  chu_quan: 'TÊN CƠ QUAN CẤP TRÊN',
  ban_hanh: 'TÊN CƠ QUAN BAN HÀNH',
  ten: 'Tên cơ quan',
  dia_danh: 'Tên tỉnh',
  chuc_vu: 'THỦ TRƯỞNG CƠ QUAN',
  ho_ten: 'Họ và tên',
  cap_tren: 'Cơ quan cấp trên (báo cáo)',
} as const;

const NOT_LETTER = '(?![\\p{L}\\p{M}])';
/** Where a starter name stands: a name in capitals anywhere; the others as a whole value, or "Tên cơ quan" inside a sentence. */
const LEFT = new RegExp(
  [
    `(?<![\\p{L}\\p{M}])(?:${STARTER.chu_quan}|${STARTER.ban_hanh}|${STARTER.chuc_vu})${NOT_LETTER}`,
    `^"?(?:${STARTER.ten}|${STARTER.dia_danh}|${STARTER.ho_ten}|${STARTER.cap_tren.replace(/[()]/g, '\\$&')})"?$`,
    // "… của Tên cơ quan.", "Tên cơ quan xây dựng Kế hoạch …": a capital T no sentence writes there
    `(?<=\\p{Ll}\\s+)${STARTER.ten}${NOT_LETTER}|^"?${STARTER.ten}(?=\\s+\\p{Ll})`,
  ].join('|'),
  'gu',
);

/**
 * A bracketed blank a template or an AI draft leaves to fill: "[TÊN HOẠT ĐỘNG]", "[Họ và tên]", "[ngày/tháng/năm]"
 * (capitals, or the words a blank opens with); not a note's number "[1]", nor a Markdown link "[…](…)".
 */
// (one way to match each text, and no "[" inside: a scan from one "[" ends at the next, so unclosed brackets cost
// linear time)
const BLANK = /\[(?!\d+\])((?:[^[\]\n\p{Ll}\p{Lu}]*\p{Lu}[^[\]\n\p{Ll}]*|(?:Tên|tên|Họ|họ|Số|số|Ngày|ngày|Địa|địa|Chức|chức|Đơn vị|đơn vị|Cơ quan|cơ quan|Nội dung|nội dung|Thời gian|thời gian)(?![\p{L}\p{M}])[^[\]\n]{0,50}))\](?!\()/gu;

export const starterLeft: LocalRule = {
  id: 'chu-mau',
  scope: 'value',
  description:
    'Chữ mẫu chưa được thay bằng thông tin thật: của "kehoach init" ("TÊN CƠ QUAN BAN HÀNH", "Tên tỉnh", "Họ và tên", "… của Tên cơ quan"), hay chỗ trống trong ngoặc vuông mà bản mẫu, công cụ AI để lại ("[TÊN HOẠT ĐỘNG]", "[Họ và tên]").',
  examples: {
    ok: ['Sở Y tế Hậu Giang', 'Tên cơ quan, đơn vị được kiểm tra', 'ghi rõ họ và tên người nhận', 'Cơ quan cấp trên trực tiếp có trách nhiệm theo dõi', 'THỦ TRƯỞNG CƠ QUANG', 'theo các văn bản¹ [1] của Bộ', '[xem hướng dẫn](https://soyte.gov.vn)'],
    notOk: ['TÊN CƠ QUAN BAN HÀNH', '"Tên tỉnh"', 'Họ và tên', 'Trên đây là Kế hoạch thực hiện nhiệm vụ năm 2026 của Tên cơ quan.', 'Tên cơ quan xây dựng Kế hoạch với các nội dung sau:', 'Cơ quan cấp trên (báo cáo)', 'KT. THỦ TRƯỞNG CƠ QUAN', 'Tổ chức [TÊN HOẠT ĐỘNG / PHONG TRÀO] năm 2026', '[Họ và tên]', 'Thời gian: [ngày/tháng/năm]'],
  },
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(LEFT)) {
      const at = m.index! + (m[0].startsWith('"') ? 1 : 0);
      const said = m[0].replace(/^"|"$/g, '');
      out.push({ index: at, length: said.length, message: `"${said}" là chữ mẫu của kehoach init; hãy thay bằng thông tin thật của kế hoạch` });
    }
    for (const m of text.matchAll(BLANK)) out.push({ index: m.index!, length: m[0].length, message: `"${m[0]}" là chỗ trống của bản mẫu; hãy thay bằng thông tin thật của kế hoạch` });
    return out;
  },
};
