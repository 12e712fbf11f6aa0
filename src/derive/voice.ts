// What of the department's voice a derived plan still carries. Rules as data: each names the phrase it
// looks for (whole words) and why the clerk should rewrite the sentence. derive() applies the profile's
// substitutions first, so a phrase the profile adapts is no longer flagged.
import { doerAtHead, scopeOfName } from './addressees.js';
import { matchPhrase } from './text.js';

export interface VoiceContext {
  /** The parent agency, as it writes itself ("Sở Y tế Hậu Giang"). */
  parent: string;
  /** Whether the derived plan carries appendices of its own. */
  hasAppendix: boolean;
  /** The section role (phan) the text is in, if any. */
  role?: string;
  /** Phrases the profile wrote (its substitutions' `thanh`): the unit's own voice wherever they stand. */
  own?: string[];
  /** Whether a body's name is the unit itself, one of its departments or one of its units below. */
  isUnit?: (name: string) => boolean;
  /** Deadlines in sentences that derive moved, as they now read ("18 tháng 12", "13/6"): the unit's own. */
  moved?: string[];
}

export interface VoiceRule {
  id: string;
  /** Lower number first when flags must be rationed. */
  rank: number;
  /** The phrase found in `text`, or undefined. */
  find: (text: string, ctx: VoiceContext) => string | undefined;
  why: (found: string) => string;
}

/** The first of `phrases` found in the text, as the text writes it ("Website Sở Y tế"). */
const firstOf = (phrases: string[]) => (text: string) => phrases.reduce<string | undefined>((found, p) => found ?? matchPhrase(text, p), undefined);

/**
 * How the parent speaks of itself as the one in charge: "Lãnh đạo Sở", "Văn phòng Sở", "trực thuộc Sở Y
 * tế", "trang web Sở Y tế". A bare mention ("báo cáo về Sở Y tế") is the unit's own voice too.
 */
export function parentNames(parent: string): string[] {
  const head = parent.split(/\s+/)[0];
  // the agency without its place: "Sở Y tế", "Phòng Giáo dục và Đào tạo" (from "… huyện Phù Mỹ")
  const bare = parent.replace(/(?:\s+(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường))?(?:\s+\p{Lu}\p{Ll}*)+$/u, '');
  const names = bare !== parent && bare.includes(' ') ? [parent, bare] : [parent];
  return [`Lãnh đạo ${head}`, `Văn phòng ${head}`, ...names.flatMap((n) => [`trực thuộc ${n}`, `trang web ${n}`, `website ${n}`, `Cổng thông tin điện tử ${n}`])];
}

export const VOICE_RULES: VoiceRule[] = [
  {
    id: 'phu-luc',
    rank: 0,
    find: (t, c) => (c.hasAppendix ? undefined : /Phụ lục/u.exec(t)?.[0]),
    why: () => 'nhắc phụ lục mà kế hoạch của đơn vị không kèm; hãy bỏ câu nhắc, hoặc kèm phụ lục của đơn vị',
  },
  {
    id: 'han-trong-cau',
    rank: 1,
    find: (t, c) =>
      [...t.matchAll(/(?:trước|chậm nhất) ngày (\d{1,2}(?:\/| tháng )\d{1,2})/gu)].find((m) => !c.moved?.some((d) => d.startsWith(m[1])))?.[0] ??
      // a day of every month or quarter: "trước ngày 20 hằng tháng"
      /(?:trước|chậm nhất(?: là)?) ngày \d{1,2} (?:hằng|hàng|mỗi) (?:tháng|quý)/u.exec(t)?.[0] ??
      // (a periodic report whose date derive moved has the unit's date)
      (/báo cáo/u.test(t) && !c.moved?.some((d) => t.includes(d)) ? /[Đđ]ịnh kỳ (?:hằng|hàng) (?:tháng|quý|năm)/u.exec(t)?.[0] : undefined),
    why: (f) => `hạn báo cáo viết trong câu ("${f}") chưa được đưa sớm như các hạn khác; hãy ghi hạn của đơn vị`,
  },
  {
    // "Sở Công Thương chủ trì tham mưu …" kept in a commune's plan: the parent gave that task to another body
    id: 'noi-khac',
    rank: 1,
    find: (t, c) => {
      const who = doerAtHead(t.trim())?.name;
      return who && scopeOfName(who) !== 'truc_thuoc' && !c.isUnit?.(who) ? who : undefined;
    },
    why: (f) => `câu giao việc cho "${f}", không phải cho đơn vị; hãy bỏ câu, hoặc viết thành việc đơn vị phối hợp`,
  },
  {
    id: 'kinh-phi',
    rank: 2,
    find: (t, c) => (c.role === 'kinh_phi' ? firstOf(['ngân sách', 'dự toán', 'kinh phí'])(t) : undefined),
    why: () => 'nguồn kinh phí là của cấp trên; hãy ghi nguồn kinh phí của đơn vị',
  },
  {
    id: 'doi-tuong',
    rank: 2,
    find: (t, c) => (c.role === 'doi_tuong' ? t.split(/[,;.]/u)[0].trim() || undefined : undefined),
    why: () => 'đối tượng là của kế hoạch cấp trên; hãy ghi đối tượng của đơn vị (viên chức, người lao động, người bệnh, học sinh …)',
  },
  {
    id: 'cap-tren',
    rank: 3,
    find: (t, c) => firstOf(parentNames(c.parent))(t),
    why: (f) => `câu còn nhắc "${f}" theo lời của cấp trên; hãy viết theo lời của đơn vị (hoặc thêm vào thay_the của hồ sơ)`,
  },
  {
    id: 'nganh',
    rank: 4,
    find: firstOf(['toàn ngành', 'của ngành', 'trong ngành', 'ngành y tế', 'ngành giáo dục', 'trên địa bàn tỉnh', 'trên địa bàn huyện', 'các đơn vị trực thuộc', 'các phòng chuyên môn', 'từng đơn vị']),
    why: (f) => `"${f}" là phạm vi của cấp trên; hãy ghi phạm vi của đơn vị (hoặc thêm vào thay_the của hồ sơ)`,
  },
];

/** The first rule a text breaks, with why. */
export function voiceOf(text: string, ctx: VoiceContext): { rule: VoiceRule; why: string } | undefined {
  // "trên địa bàn huyện" the profile put there is the unit's scope, not the parent's
  const said = (ctx.own ?? []).filter((p) => p.trim()).reduce((t, p) => t.split(p).join(' … '), text);
  for (const rule of VOICE_RULES) {
    const found = rule.find(said, ctx);
    if (found) return { rule, why: rule.why(found) };
  }
  return undefined;
}

/** Sentences in a text, roughly: ends of sentence, and at least one per non-empty text. */
export const sentenceCount = (text: string): number => (text.trim() ? Math.max(1, (text.match(/[.!?:;](?=\s|$)/gu) ?? []).length) : 0);

/** "(Có Phụ lục … kèm theo)" and "(chi tiết tại Phụ lục …)": removed when the plan carries no appendix. */
export const withoutAppendixRefs = (s: string): string =>
  s.replace(/\s*\((?:[^()]*\s)?Phụ lục[^()]*\)/gu, '').replace(/^\s+$/u, '');
