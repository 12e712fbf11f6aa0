// A unit profile: what a unit (Trung tâm Y tế, Bệnh viện ...) needs to turn its department's plan into
// its own. A clerk keeps one per unit and reuses it for every plan. Validated like a plan.
import * as z from 'zod';
import { planSchemas } from './schema.js';
import { checkWith } from './validate.js';
import type { Rule } from './rules.js';
import { keysOf, type Kind } from './issues.js';
import type { Message } from '../messages.js';
import { decode } from '../read/source.js';
import { noticesSchema, type Notices } from '../text/calendar.js';
import { upperVi } from '../text/normalize-text.js';

/** The schema of a unit profile, built on first use (as the plan's, schema.ts). */
function build() {
  const t = (title: string, description: string) => ({ title, description });

  const { Text, Signer } = planSchemas();

  // A unit's own days off (or worked rest days), one entry a day or a run of days, any year. Plain
  // data here; the dates (real, in order) are checked by profileRules with the notice file's schema.
  const OwnDay = z
    .strictObject({
      ngay: Text.optional().meta(t('Ngày', 'Một ngày, ví dụ 2027-06-23.')),
      tu: Text.optional().meta(t('Từ ngày', 'Ngày đầu của một đợt.')),
      den: Text.optional().meta(t('Đến ngày', 'Ngày cuối của một đợt.')),
      ten: Text.optional().meta(t('Tên', 'Ví dụ: Ngày nghỉ riêng của tỉnh.')),
      lam_viec: z.boolean().optional().meta(t('Ngày làm bù', 'true cho thứ Bảy, Chủ nhật mà đơn vị phải đi làm.')),
    })
    .meta({ id: 'NgayNghiRieng', ...t('Ngày nghỉ riêng', 'Một ngày ({ ngay }) hoặc một đợt ({ tu, den }) nghỉ riêng của đơn vị.') });

  const Department = z
    .strictObject({
      ten: Text.meta(t('Tên bộ phận', 'Ví dụ: Phòng Tổ chức - Hành chính.')),
      viet_tat: Text.meta(t('Viết tắt', 'Ví dụ TC-HC; dùng ở dòng "Lưu" và nơi nhận.')),
      hanh_chinh: z
        .boolean()
        .optional()
        .meta(t('Bộ phận hành chính', 'true cho bộ phận đầu mối: theo dõi, tổng hợp, báo cáo và lưu văn bản (đúng một bộ phận).')),
      tu_khoa: z
        .array(Text)
        .optional()
        .meta(t('Từ khóa nhiệm vụ', 'Nhiệm vụ của cấp trên có chứa một trong các từ này được giao cho bộ phận này.')),
      noi_nhan: Text.optional().meta(t('Tên ở nơi nhận', 'Cách ghi ở danh sách nơi nhận, ví dụ "Khoa, phòng, TYT". Mặc định là tên.')),
      chung: z
        .boolean()
        .optional()
        .meta(t('Các bộ phận cùng nhau', 'true cho mục chỉ tất cả bộ phận cùng nhau, ví dụ "Các khoa, phòng" hay "Các tổ chuyên môn": mục này nhận nhiệm vụ chung "căn cứ chức năng, nhiệm vụ …".')),
    })
    .meta({ id: 'BoPhan', ...t('Bộ phận', 'Một phòng, khoa, tổ, bộ phận của đơn vị.') });

  const Subordinate = z
    .strictObject({
      ten: Text.meta(t('Tên', 'Ví dụ: Các trạm y tế xã, thị trấn; Các điểm trường.')),
      noi_nhan: Text.optional().meta(t('Tên ở nơi nhận', 'Mặc định là tên.')),
    })
    .meta({ id: 'DonViTrucThuoc', ...t('Đơn vị trực thuộc', 'Một đơn vị (hay nhóm đơn vị) cấp dưới của đơn vị: trạm, trường, điểm, trung tâm.') });

  const ProfileSchema = z
    .strictObject({
      ten: Text.meta(t('Tên đơn vị', 'Tên dùng trong câu, ví dụ "Trung tâm Y tế Phù Mỹ".')),
      ten_ngan: Text.optional().meta(t('Tên ngắn', 'Tên dùng trong câu khi nhắc lại, ví dụ "Trung tâm", "Nhà trường", "Sở GDĐT". Mặc định là tên.')),
      co_quan_chu_quan: z
        .union([Text, z.array(Text).min(1).max(2), z.literal(false)])
        .optional()
        .meta(
          t(
            'Dòng cơ quan chủ quản',
            'Dòng trên cùng ở phần đầu, như đơn vị vẫn viết, ví dụ "UBND TỈNH QUẢNG NAM" hay "UBND HUYỆN PHÙ MỸ"; false khi đơn vị không có dòng này. Mặc định là cơ quan cấp trên viết hoa; không có với Ủy ban nhân dân, Hội đồng nhân dân, Bộ (Nghị định 30).',
          ),
        ),
      ten_dong: z
        .union([Text, z.array(Text).min(1).max(3)])
        .optional()
        .meta(t('Tên ở phần đầu', 'Các dòng tên ở ô 2, ví dụ [TRUNG TÂM Y TẾ, HUYỆN PHÙ MỸ]. Mặc định là tên viết hoa.')),
      viet_tat: z
        .string()
        .regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u, { error: 'viet-tat' })
        .meta(t('Viết tắt', 'Chữ viết tắt tên đơn vị trong ký hiệu văn bản, ví dụ TTYT.')),
      cap_tren: Text.meta(
        t('Cơ quan cấp trên', 'Tên cơ quan ban hành kế hoạch cấp trên, đúng như ten_co_quan của kế hoạch đó, ví dụ "Sở Y tế Bình Định".'),
      ),
      dia_danh: Text.meta(t('Địa danh', 'Nơi đơn vị đóng trụ sở, ví dụ Phù Mỹ.')),
      bo_phan: z.array(Department).min(1).max(100).meta(t('Các bộ phận', 'Các khoa, phòng của đơn vị.')),
      dau_moi: Text.optional().meta(
        t('Bộ phận đầu mối', 'Viết tắt của bộ phận theo dõi, đôn đốc, tổng hợp, báo cáo kế hoạch này; có thể khác bộ phận lưu văn bản. Mặc định là bộ phận hanh_chinh.'),
      ),
      truc_thuoc: z.array(Subordinate).max(50).optional().meta(t('Đơn vị trực thuộc', 'Các đơn vị cấp dưới của đơn vị (trạm, trường, điểm ...).')),
      de_nghi: z
        .array(Text)
        .max(20)
        .optional()
        .meta(t('Nơi đề nghị phối hợp', 'Cơ quan đơn vị chỉ đề nghị, không giao việc, ví dụ "UBND các xã, thị trấn".')),
      lanh_dao: z.array(Text).max(20).optional().meta(t('Lãnh đạo', 'Nơi nhận dành cho lãnh đạo, ví dụ "Lãnh đạo TTYT".')),
      nguoi_ky: Signer,
      thay_the: z
        .array(
          z.strictObject({
            tu: Text.meta(t('Cụm từ của cấp trên', 'Ví dụ: cán bộ, công chức, viên chức ngành y tế.')),
            thanh: Text.meta(t('Thay bằng', 'Ví dụ: viên chức và người lao động Trung tâm Y tế.')),
          }),
        )
        .max(200)
        .optional()
        .meta(t('Thay cụm từ', 'Các cụm từ của kế hoạch cấp trên được thay khi chép sang kế hoạch đơn vị.')),
      bao_cao_truoc: z
        .number()
        .int()
        .min(0)
        .max(60)
        .optional()
        .meta(t('Báo cáo sớm hơn (ngày làm việc)', 'Hạn báo cáo của đơn vị sớm hơn hạn của cấp trên bao nhiêu ngày làm việc (mặc định 5), không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết.')),
      ngay_nghi: z
        .array(OwnDay)
        .max(100)
        .optional()
        .meta(t('Ngày nghỉ riêng', 'Ngày nghỉ (hoặc ngày làm bù) riêng của đơn vị, ngoài lịch nghỉ chung trong data/ngay-nghi.yaml.')),
      noi_nhan: z.array(Text).max(50).optional().meta(t('Nơi nhận thêm', 'Nơi nhận luôn có, ví dụ "Trang TTĐT TTYT".')),
      tu_khoa_phu_luc: z
        .array(Text)
        .optional()
        .meta(t('Từ khóa phụ lục', 'Hàng phụ lục của cấp trên được giữ khi có chứa một trong các từ này (mặc định: "đơn vị").')),
    })
    .meta({ id: 'HoSoDonVi', title: 'Hồ sơ đơn vị', description: 'Thông tin một đơn vị dùng để soạn kế hoạch của đơn vị từ kế hoạch cấp trên (kehoach derive).' });

  return ProfileSchema;
}

let built: ReturnType<typeof build> | undefined;
export const profileSchema = (): ReturnType<typeof build> => (built ??= build());

/**
 * The line above the unit's name in its header: the profile's own; none for a people's committee or council
 * or a ministry, whose header is their name alone (ND30, Phụ lục I); else the superior's name in capitals.
 */
export function chuQuanOf(p: Pick<UnitProfile, 'co_quan_chu_quan' | 'ten' | 'cap_tren'>): string | string[] | undefined {
  if (p.co_quan_chu_quan === false) return undefined;
  if (p.co_quan_chu_quan !== undefined) return p.co_quan_chu_quan;
  return /^(?:(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s|Bộ (?!Chỉ huy)\p{Lu})/u.test(p.ten) ? undefined : upperVi(p.cap_tren);
}

/**
 * The unit's name as its header lines (ô 2): ten_dong, or its name in capitals, broken before the administrative
 * unit when it is longer than the header's column holds ("ỦY BAN NHÂN DÂN XÃ PHÚ THỌ" → "ỦY BAN NHÂN DÂN" /
 * "XÃ PHÚ THỌ"), where a clerk breaks it.
 */
export function issuerLines(p: Pick<UnitProfile, 'ten' | 'ten_dong'>): string | string[] {
  if (p.ten_dong !== undefined) return p.ten_dong;
  const name = upperVi(p.ten);
  const m = /^(.{6,}?)\s+((?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ(?! HỘI)|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s.+)$/u.exec(name);
  // (about 24 capitals fill the column at its largest size; the validator measures it exactly)
  if (name.length <= 24) return name;
  const lines = m ? [m[1], m[2]] : [name];
  // a name of two fields ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", as the sở merged in 2025 are named) breaks before its last "VÀ"
  const and = lines[0].length > 24 ? /^(.{6,})\s+(VÀ\s.+)$/u.exec(lines[0]) : null;
  if (and) lines.splice(0, 1, and[1], and[2]);
  return lines.length > 1 ? lines : name;
}

export type UnitProfile = z.output<ReturnType<typeof build>>;

const PROFILE_KIND: Kind = { noun: 'hồ sơ đơn vị', schemaFile: 'schemas/unit.schema.json', knownKeys: keysOf(profileSchema) };

/** A plan given where a profile is expected: said once, instead of a message for each of its keys. */
function planNotProfile(data: Record<string, unknown>): string | undefined {
  if (!('co_quan_ban_hanh' in data || 'noi_dung' in data || 'trich_yeu' in data)) return undefined;
  return 'đây là kế hoạch, không phải hồ sơ đơn vị; hồ sơ đơn vị có các khóa ten, viet_tat, cap_tren, dia_danh, bo_phan, nguoi_ky (xem schemas/unit.schema.json).';
}

/** The rules of a profile beyond types (as the plan's, rules.ts; fixtures in test/fixtures/rules/<id>/). */
export const PROFILE_RULES: readonly Rule[] = [
  {
    id: 'bo-phan-hanh-chinh',
    check: (p, report) => {
      if (!Array.isArray(p.bo_phan)) return;
      const admin = p.bo_phan.flatMap((b, i) => (b && typeof b === 'object' && (b as { hanh_chinh?: unknown }).hanh_chinh === true ? [i] : []));
      if (admin.length !== 1) {
        report(['bo_phan'], `cần đúng một bộ phận có "hanh_chinh: true" (đầu mối theo dõi, báo cáo, lưu văn bản), đang có ${admin.length}.`);
      }
    },
  },
  {
    id: 'bo-phan-trung',
    check: (p, report) => {
      if (!Array.isArray(p.bo_phan)) return;
      const seen = new Map<string, number>();
      p.bo_phan.forEach((b, i) => {
        const code = (b as { viet_tat?: unknown })?.viet_tat;
        if (typeof code !== 'string') return;
        if (seen.has(code)) report(['bo_phan', i, 'viet_tat'], `viết tắt "${code}" đã dùng cho bộ phận thứ ${seen.get(code)! + 1}.`);
        else seen.set(code, i);
      });
    },
  },
  {
    id: 'dau-moi',
    check: (p, report) => {
      if (!Array.isArray(p.bo_phan) || typeof p.dau_moi !== 'string') return;
      const codes = p.bo_phan.map((b) => (b as { viet_tat?: unknown })?.viet_tat);
      if (!codes.includes(p.dau_moi)) report(['dau_moi'], `"${p.dau_moi}" không phải viết tắt của bộ phận nào trong bo_phan (${codes.filter((c) => typeof c === 'string').join(', ')}).`);
    },
  },
  { id: 'ngay-nghi', check: (p, report) => noticeRules(p.ngay_nghi, (path, _rule, message) => report(path, message)) },
];

export function checkProfile(file: string, bytes: Uint8Array): { profile?: UnitProfile; messages: Message[] } {
  const d = decode(file, bytes);
  if (d.text === undefined) return { messages: d.messages };
  return checkProfileText(file, d.text);
}

export function checkProfileText(file: string, text: string): { profile?: UnitProfile; messages: Message[] } {
  const r = checkWith(file, text, { kind: PROFILE_KIND, schema: profileSchema, rules: PROFILE_RULES, otherKind: planNotProfile });
  return { profile: r.data as UnitProfile | undefined, messages: r.messages };
}

type OwnDays = NonNullable<UnitProfile['ngay_nghi']>;

/** A profile's `ngay_nghi` as notices by year (the calendar's input), with where each entry went. */
function byYear(list: OwnDays): { notices: Notices; at: Map<string, number> } {
  const notices: Notices = {};
  const at = new Map<string, number>(); // "2027/nghi/0" → index in the profile's list
  list.forEach((d, i) => {
    const y = (d.ngay ?? d.tu ?? '').slice(0, 4);
    const key = d.lam_viec ? 'lam_viec' : 'nghi';
    const year = (notices[y] ??= {});
    const days = (year[key] ??= []);
    at.set(`${y}/${key}/${days.length}`, i);
    const { lam_viec: _, ...span } = d;
    days.push(span);
  });
  return { notices, at };
}

/** A profile's own days off as notices by year, the calendar's input. */
export const profileNotices = (list: UnitProfile['ngay_nghi']): Notices => byYear(list ?? []).notices;

/** The notice file's own checks (real dates, one day or a run, in order) on a profile's days off. */
function noticeRules(list: unknown, err: (path: (string | number)[], rule: string, message: string) => void): void {
  if (!Array.isArray(list) || list.some((d) => !d || typeof d !== 'object')) return;
  const { notices, at } = byYear(list as OwnDays);
  const r = noticesSchema.safeParse(notices);
  if (r.success) return;
  for (const issue of r.error.issues) {
    const [y, key, k, ...rest] = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const i = at.get(`${String(y)}/${String(key)}/${String(k)}`);
    const message = i === undefined ? `cần một ngày dạng năm-tháng-ngày (ví dụ 2027-06-23): ${issue.message}` : issue.message;
    err(['ngay_nghi', i ?? 0, ...rest], 'ngay-nghi', message);
  }
}
