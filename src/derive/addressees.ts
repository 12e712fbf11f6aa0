// Whom a parent plan addresses, told by name where the plan does not say (`cap` of a don_vi) and where it
// names no don_vi at all (a published plan, restored or imported, writes "Các đơn vị trực thuộc" or "UBND
// các huyện" as a heading or at the head of a sentence). Rules as data: each with names it takes and names
// it leaves, walked by test/addressees.test.ts.
import { isBodyName } from '../text/bodies.js';


export type Scope = 'truc_thuoc' | 'co_quan' | 'phoi_hop';

export interface ScopeRule {
  scope: Scope;
  pattern: RegExp;
  examples: { ok: string[]; notOk: string[] };
}

/** Not followed by a letter: JavaScript's \b knows only ASCII letters, and "tổ" ends in one it does not. */
const END = '(?![\\p{L}\\p{M}])';

/** The first rule that takes a name gives its scope; a name no rule takes is someone else (phoi_hop). */
/** A level of local government, as a plan names the communes or districts together: "xã, phường, thị trấn". */
// (an đặc khu is a commune-level unit since 01/7/2025: "UBND các xã, phường, đặc khu")
const LEVEL = '(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố)';

export const SCOPE_RULES: readonly ScopeRule[] = [
  {
    // the units below the issuer, whatever the sector: said to be below, or named in the plural
    scope: 'truc_thuoc',
    pattern: new RegExp(
      `trực thuộc${END}|(?:^|\\s)(?:các|những)\\s+(?:đơn vị|cơ sở|trường|trạm|trung tâm|bệnh viện|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|thôn|ấp|tổ dân phố|khu dân cư|khu phố|địa phương|sở|cơ quan, đơn vị)${END}|cấp (?:huyện|xã)${END}|(?:^|\\s)(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\\s+${LEVEL}(?:\\s*(?:,|và)\\s*${LEVEL})+${END}|^sở,\\s*ban,\\s*ngành${END}`,
      'iu',
    ),
    examples: {
      ok: ['Các đơn vị trực thuộc', 'UBND các huyện, thành phố', 'UBND các xã, phường, đặc khu', 'Ủy ban nhân dân các đặc khu', 'Các sở, ban, ngành', 'Các trường học', 'Phòng Giáo dục và Đào tạo các huyện', 'Các cơ quan, đơn vị trực thuộc Sở', 'Ban Công tác Mặt trận các thôn', 'Các tổ dân phố', 'Ủy ban nhân dân xã, phường', 'UBND xã, phường, thị trấn', 'Sở, ban, ngành liên quan'],
      notOk: ['Các khoa, phòng', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'Sở Nội vụ', 'Phòng Tổ chức - Hành chính', 'Công an tỉnh', 'Ủy ban nhân dân xã Phong Điền', 'UBND thành phố Cần Thơ'],
    },
  },
  {
    // the issuer's own departments
    scope: 'co_quan',
    pattern: new RegExp(`^(?:các\\s+)?(?:phòng|khoa|văn phòng|thanh tra|bộ phận|tổ)${END}`, 'iu'),
    examples: {
      ok: ['Phòng Tổ chức - Hành chính', 'Các khoa, phòng', 'Văn phòng Sở', 'Thanh tra Sở', 'Tổ Văn phòng'],
      notOk: ['Trung tâm Kiểm soát bệnh tật tỉnh', 'Sở Nội vụ', 'Công an tỉnh', 'Tổng cục Thống kê'],
    },
  },
];


/**
 * The body a sentence opens with as its doer ("Sở Công Thương chủ trì …", "Cục Lâm nghiệp và Kiểm lâm có trách
 * nhiệm tham mưu …"): its name, and where the task begins (after "có trách nhiệm"); undefined for another sentence.
 */
export function doerAtHead(text: string): { name: string; taskAt: number } | undefined {
  const m = /^([^,.;:]{3,120}?)\s+(?:có trách nhiệm\s*:?\s*|(?=(?:chủ trì|phối hợp|thực hiện|tham mưu)(?![\p{L}\p{M}])))/u.exec(text);
  return m && isBodyName(m[1]) ? { name: m[1], taskAt: m[0].length } : undefined;
}

/** The scope of a don_vi the plan gives no `cap`, by its name. */
export function scopeOfName(name: string): Scope {
  return SCOPE_RULES.find((r) => r.pattern.test(name))?.scope ?? 'phoi_hop';
}

/**
 * Kinds of unit, told by the unit's own name, and how a parent addresses that kind: a commune takes what a
 * province gives "Ủy ban nhân dân cấp xã" or "các xã, phường", a sở what it gives "các sở, ban, ngành".
 */
export const UNIT_KINDS: readonly { unit: RegExp; addressed: RegExp; examples: { unit: string; ok: string[]; notOk: string[] } }[] = [
  {
    unit: /^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(?:xã|phường|thị trấn|đặc khu)(?![\p{L}\p{M}])/iu,
    addressed: /(?:^|\s)(?:xã|phường|thị trấn|đặc khu|cấp xã|địa phương)(?![\p{L}\p{M}])/iu,
    examples: { unit: 'Ủy ban nhân dân xã Bảo Thắng', ok: ['Ủy ban nhân dân cấp xã', 'UBND các xã, phường'], notOk: ['Các sở, ban, ngành và các đơn vị khác có liên quan'] },
  },
  {
    unit: /^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(?:huyện|quận|thị xã|thành phố)(?![\p{L}\p{M}])/iu,
    addressed: /(?:^|\s)(?:huyện|quận|thị xã|thành phố|cấp huyện|địa phương)(?![\p{L}\p{M}])/iu,
    examples: { unit: 'Ủy ban nhân dân huyện Mai Sơn', ok: ['Chủ tịch UBND các huyện, thành phố'], notOk: ['Các sở, ban, ngành'] },
  },
  {
    unit: /^Sở\s/u,
    addressed: /(?:^|\s)(?:sở|sở, ban, ngành|cơ quan chuyên môn)(?![\p{L}\p{M}])/iu,
    examples: { unit: 'Sở Giáo dục và Đào tạo tỉnh Sơn La', ok: ['Thủ trưởng các sở, ban, ngành', 'Các Sở, ngành'], notOk: ['Ủy ban nhân dân cấp xã'] },
  },
  {
    unit: /^Trường\s/u,
    addressed: /(?:^|\s)(?:trường|cơ sở giáo dục)(?![\p{L}\p{M}])/iu,
    examples: { unit: 'Trường Tiểu học Mỹ Chánh', ok: ['Các trường học', 'Các cơ sở giáo dục'], notOk: ['Các phòng chuyên môn'] },
  },
];

/** Whether a parent's addressee names this unit's kind; true for a unit of no known kind. */
export function addressesKind(addressee: string, unitName: string): boolean {
  const kind = UNIT_KINDS.find((k) => k.unit.test(unitName));
  return !kind || kind.addressed.test(addressee);
}

/** An ủy ban nhân dân (of a commune, district or province), by its name. */
const LOCAL_GOVERNMENT = /^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s/iu;
/** Local governments named as addressees: "UBND các xã, phường, đặc khu", "cấp xã", "các địa phương". */
const GOVERNMENTS = /(?:^|\s)(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|cấp xã|cấp huyện|địa phương)(?![\p{L}\p{M}])/iu;
/** Addressees that are not local governments: "các sở, ban, ngành", "các cơ quan, đơn vị", "các trường". */
const NOT_GOVERNMENTS = /(?:^|\s)(?:sở|ban|ngành|cơ quan|đơn vị|trung tâm|trường|bệnh viện|cơ sở)(?![\p{L}\p{M}])/iu;

/**
 * Whether an addressee names local governments alone ("UBND các xã, phường, đặc khu", "Ủy ban nhân dân cấp
 * xã") and the unit is none (a sở, a Trung tâm Phục vụ hành chính công): what it is given is never that unit's.
 */
export function governmentsOnly(addressee: string, unitName: string): boolean {
  return !LOCAL_GOVERNMENT.test(unitName) && GOVERNMENTS.test(addressee) && !NOT_GOVERNMENTS.test(addressee);
}

/** What a sentence's doers end at: the first verb of the task. */
const FIRST_VERB = /\s(?:căn cứ|chủ động|chủ trì|tổ chức|xây dựng|triển khai|thực hiện|có trách nhiệm|chịu trách nhiệm|chỉ đạo|phối hợp|quán triệt|báo cáo|tiếp tục|tiến hành|đánh giá|giám sát|theo dõi|đôn đốc|hướng dẫn|bố trí|lồng ghép|rà soát|tham mưu|tăng cường|đẩy mạnh)(?![\p{L}\p{M}])/iu;

/**
 * Whether a sentence of Tổ chức thực hiện opens by addressing the units below ("Thủ trưởng các sở, ban,
 * ngành …; Chủ tịch UBND các huyện … căn cứ chức năng …"), not someone else ("Giao Công an tỉnh chủ trì …") and
 * not about the plan ("Quá trình thực hiện nếu có khó khăn …").
 */
export function addressesUnits(text: string): boolean {
  return unitsEnd(text) !== undefined;
}

/** Where the doers of a sentence that addresses the units end (its first verb); undefined for another sentence. */
function unitsEnd(text: string): number | undefined {
  const verb = FIRST_VERB.exec(text);
  if (!verb || verb.index > 240) return undefined;
  const doers = text.slice(0, verb.index);
  return DOERS.test(doers) && SCOPE_RULES[0].pattern.test(doers) ? verb.index : undefined;
}

/** How a sentence that names its doers opens: their heads, or the bodies themselves. */
const DOERS = /^(?:Thủ trưởng|Chủ tịch|Giám đốc|Hiệu trưởng|Lãnh đạo|Trưởng|Người đứng đầu|Các|Những|UBND|Ủy ban|Uỷ ban|Phòng|Sở)\s/u;

/**
 * A sentence that addresses the units, told as the unit's own task: the doers cut ("Các sở, ban, ngành …;
 * UBND các huyện, thành phố tiếp tục tổ chức …" → "Tiếp tục tổ chức …"), with a bare "có trách nhiệm:"
 * after them. Undefined for any other sentence.
 */
export function withoutDoers(text: string): string | undefined {
  const end = unitsEnd(text);
  if (end === undefined) return undefined;
  const rest = text.slice(end).trim().replace(/^(?:có|chịu) trách nhiệm\s*:?\s*/iu, '');
  return rest && rest[0].toLocaleUpperCase('vi') + rest.slice(1);
}
