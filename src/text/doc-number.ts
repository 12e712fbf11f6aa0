// The form of a document's số and ký hiệu (Nghị định 30, Phụ lục I): the number, the year for legal
// documents, then the symbols of its type and issuer. One home for every reader of it: the plan's rules (a
// cited document's so_ky_hieu), lint (numbers in running text) and import (a citation it recognises).

/** A symbol: "NQ", "NĐ", "TTg", "QĐi", "QH15" (a law's carries the legislature's number), "SGD&ĐT". */
const SYMBOL = '[A-ZĐ][A-Za-zĐđ]*(?:&[A-ZĐ][A-Za-zĐđ]*)?\\d*';

/** Every form of số/ký hiệu: 30c/NQ-CP, 30/2020/NĐ-CP, 05/CT-TTg, 1344/SYT-NVY, 12-NQ/TU, 35-CT/TW. */
export const DOC_NUMBER_FORM = `\\d{1,5}[a-zđ]?(?:/\\d{4})?(?:/${SYMBOL}(?:-${SYMBOL})*|-${SYMBOL}(?:/${SYMBOL})+)`;

const WHOLE = new RegExp(`^${DOC_NUMBER_FORM}$`, 'u');

/** Whether `s` is a số/ký hiệu and nothing more. */
export const isDocNumber = (s: string): boolean => WHOLE.test(s);

/**
 * The types of document a text cites by number ("Quyết định số 12/QĐ-UBND"), written as a citation opens
 * them; a longer name before one it holds ("Thông tư liên tịch" before "Thông tư"), so that alternation
 * takes the whole name. Cited by number, the type takes a capital (ND30, Phụ lục I).
 */
export const DOC_TYPES = [
  'Hiến pháp', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Nghị quyết', 'Nghị định', 'Quyết định', 'Chỉ thị', 'Thông tư liên tịch', 'Thông tư',
  'Kế hoạch', 'Công văn', 'Công điện', 'Hướng dẫn', 'Thông báo', 'Chương trình', 'Kết luận', 'Đề án', 'Quy chế', 'Quy định',
];
