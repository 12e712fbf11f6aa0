// The plan format: one zod schema, the single source of truth for what a clerk may write.
// Every key is ASCII Vietnamese, named after the ND30 component a clerk knows, and carries a
// Vietnamese title and description (they become the JSON Schema editors use for completion).
// This schema describes the *input*; normalize.ts turns a valid input into the Plan type that
// every later stage reads.
import * as z from 'zod';
import { isRealDate } from '../text/dates.js';
import { FORMAT_VERSION } from './versions.js';

/** A ký hiệu's form (ND30 Phụ lục III): groups in capitals joined by "-" (the Prime Minister's "TTg" as written). */
export const KY_HIEU_FORM = /^[A-ZĐ][A-ZĐ0-9]*(-(?:[A-ZĐ0-9]+|TTg))+$/u;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_PARTIAL = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Limits that keep a plan a plan: a hostile file gets a message, not a million-page document. */
export const LIMITS = { text: 20_000, blocks: 2_000, recipients: 300, bases: 100, rows: 4_000, appendices: 20 } as const;

export const ROLES = [
  'muc_dich',
  'yeu_cau',
  'doi_tuong',
  'noi_dung',
  'hinh_thuc',
  'thoi_gian',
  'kinh_phi',
  'to_chuc_thuc_hien',
] as const;
export type Role = (typeof ROLES)[number];
/**
 * The titles that name a part, lower case: its default title (templates/tieu-de-phan.hbs), then the other ways plans
 * head it ("III. KINH PHÍ"). "1. Mục đích" is phan muc_dich (import, derive).
 */
export const ROLE_TITLES: Record<string, Role> = {
  'mục đích': 'muc_dich',
  'yêu cầu': 'yeu_cau',
  'đối tượng': 'doi_tuong',
  'nội dung': 'noi_dung',
  'hình thức': 'hinh_thuc',
  'thời gian thực hiện': 'thoi_gian',
  'kinh phí thực hiện': 'kinh_phi',
  'tổ chức thực hiện': 'to_chuc_thuc_hien',
  'đối tượng, phạm vi': 'doi_tuong',
  'phạm vi, đối tượng': 'doi_tuong',
  'thời gian': 'thoi_gian',
  'kinh phí': 'kinh_phi',
  'nguồn kinh phí': 'kinh_phi',
  'kinh phí thực hiện kế hoạch': 'kinh_phi',
  'nguồn vốn': 'kinh_phi',
  'vốn đầu tư': 'kinh_phi',
  'tổ chức thực hiện kế hoạch': 'to_chuc_thuc_hien',
};

export const UNIT_SCOPES = ['truc_thuoc', 'co_quan', 'phoi_hop'] as const;

export type LetterForm = 'a)' | 'a.' | 'a/' | 'a/.';

/** The keys that say which kind a block is. */
const BLOCK_KEYS = new Set(['doan', 'giua', 'gach', 'cong', 'diem', 'khoan', 'phan', 'don_vi', 'bao_cao', 'bang']);
/** The keys that open a block of content (a section's "muc" too): "- gach:Triển khai" is such a key missing its space. */
export const CONTENT_KEYS: ReadonlySet<string> = new Set([...BLOCK_KEYS, 'muc']);
/** The issue of a branch a block cannot be of (issues.ts's pickBranch never picks it). */
export const BLOCK_OF_OTHER_KIND = 'khoi-khac';

export const AUTHORITIES = ['KT', 'TL', 'TUQ', 'Q'] as const;

// Recursive block types. The TypeScript shapes are written out so the recursion type-checks.
export type InputBlock =
  | string
  | { doan: string }
  | { giua: string }
  | { gach: string; noi_dung?: InputBlock[] }
  | { cong: string; noi_dung?: InputBlock[] }
  | { diem: string; noi_dung?: InputBlock[] }
  | { khoan?: string; phan?: Role; tieu_de?: boolean; cung_dong?: string; kieu_diem?: LetterForm; noi_dung?: InputBlock[] }
  | { don_vi: string; ma?: string; cap?: (typeof UNIT_SCOPES)[number]; noi_dung: InputBlock[] }
  | { bao_cao: InputReport; gach?: boolean }
  | { bang: InputTable };

export interface InputReport {
  truoc: string;
  ky: { ten: string; han: string; moc?: string }[];
  noi?: 'và' | ',';
  sau?: string;
  gui?: string;
  nghieng?: boolean;
}

/** A table in the body: the columns and rows of an appendix's table, on the body's page. */
export interface InputTable {
  cot: (string | { ten: string; rong?: number; can?: 'trai' | 'giua' | 'phai' | 'deu' })[];
  hang: InputRow[];
  so_thu_tu?: boolean | '1' | '1.';
  stt_con?: '1.1' | 'a)' | '-';
  so_cot?: boolean | 'tru_stt';
}

/** A row of cells, or a group row (one bold cell across the columns after STT) heading its sub-rows. */
export interface InputRow {
  o?: unknown[];
  nhom?: string;
  con?: InputRow[];
}

/** The schemas, built on first use: a command that checks no plan does not pay for them. */
function build() {
  const t = (title: string, description: string) => ({ title, description });

  /** Non-empty text. Inline `**đậm**` and `*nghiêng*` are allowed wherever text is shown. */
  const Text = z
    .string()
    .min(1)
    .max(LIMITS.text)
    .meta(t('Văn bản', 'Một đoạn chữ. Có thể in đậm bằng **...** và in nghiêng bằng *...*.'));

  /** A calendar date written as YYYY-MM-DD that really exists. */
  const IsoDate = z
    .string()
    .regex(ISO_DAY, { error: 'ngay-dinh-dang' })
    .refine((s) => !ISO_DAY.test(s) || isRealDate(s), { error: 'ngay-khong-ton-tai' })
    .meta(t('Ngày', 'Ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2019-01-23.'));

  /** The plan's own date: full, month and year only (the day left for the registry), or year only. */
  const PlanDate = z
    .string()
    .regex(ISO_PARTIAL, { error: 'ngay-dinh-dang' })
    .refine((s) => !ISO_PARTIAL.test(s) || isRealDate(s), { error: 'ngay-khong-ton-tai' })
    .meta(
      t(
        'Ngày ban hành',
        'Ngày ký: 2019-01-23 (đủ ngày), 2022-02 (để trống ngày cho văn thư điền), 2022 (chỉ năm). Bỏ trống cả dòng nếu chưa có ngày.',
      ),
    );

  const Lines = z
    .union([Text, z.array(Text).min(1).max(3)])
    .meta(t('Tên (một hoặc nhiều dòng)', 'Một dòng, hoặc danh sách các dòng khi tên dài phải xuống dòng.'));

  /** A trích yếu: one sentence, broken into lines where its writer breaks it (ô 5a, centred). */
  const Subject = (title: string, example: string) =>
    z
      .union([Text, z.array(Text).min(1).max(4)])
      .meta(t(title, `${example} Danh sách các dòng [dòng 1, dòng 2] khi người soạn muốn xuống dòng ở chỗ mình chọn; một chuỗi thì tự ngắt dòng.`));

  // ---------------------------------------------------------------- legal bases (căn cứ)

  const Citation = z
    .strictObject({
      loai: Text.meta(t('Loại văn bản', 'Ví dụ: Nghị quyết, Quyết định, Kế hoạch, Luật.')),
      so_ky_hieu: Text.optional().meta(
        t('Số, ký hiệu', 'Ví dụ 30c/NQ-CP. Bỏ trống với Luật, Pháp lệnh (chỉ ghi tên).'),
      ),
      ngay: IsoDate.optional().meta(t('Ngày ban hành', 'Ngày ban hành của văn bản được trích dẫn.')),
      co_quan: Text.optional().meta(t('Cơ quan ban hành', 'Ví dụ: Chính phủ, Thủ tướng Chính phủ, Sở Y tế.')),
      trich_yeu: Text.optional().meta(
        t('Trích yếu', 'Nội dung tóm tắt; với Luật là tên luật (Khám bệnh, chữa bệnh).'),
      ),
      lien_tu: z
        .string()
        .optional()
        .meta(t('Từ nối', 'Từ đứng trước trích yếu, mặc định "về". Ghi "" khi trích yếu tự bắt đầu câu (phê duyệt ...).')),
      kieu_ngay: z
        .enum(['so', 'chu'])
        .optional()
        .meta(t('Cách viết ngày', '"so": 08/11/2011 (mặc định); "chu": ngày 08 tháng 11 năm 2011.')),
      chu_so: z.boolean().optional().meta(t('Chữ "số"', 'false: không in chữ "số" trước số, ký hiệu (như văn bản gốc viết "Quyết định 1050/QĐ-SCT").')),
    })
    .meta({ id: 'VanBanCanCu', ...t('Văn bản căn cứ', 'Một văn bản được trích dẫn đầy đủ lần đầu theo Nghị định 30.') });

  const BasisGroup = z
    .strictObject({
      mo_dau: Text.meta(t('Từ mở đầu', 'Ví dụ: Thực hiện, Căn cứ.')),
      van_ban: z
        .array(z.union([Text, Citation]))
        .min(1)
        .meta(t('Các văn bản', 'Văn bản có số ký hiệu (trích dẫn đầy đủ), hoặc một câu tự do khi không có số.')),
      tach_dong: z
        .boolean()
        .optional()
        .meta(t('Mỗi văn bản một dòng', 'true: mỗi văn bản một đoạn, kết thúc bằng ";" (đoạn cuối "."), theo Nghị định 30.')),
      dau_cuoi: z
        .enum(['.', ';', ':', ','])
        .optional()
        .meta(t('Dấu kết thúc', 'Dấu cuối nhóm căn cứ, mặc định ".".')),
      cau_tiep: Text.optional().meta(
        t('Câu tiếp theo', 'Phần câu viết tiếp trong cùng đoạn, sau dấu kết thúc: "Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:".'),
      ),
    })
    .meta({ id: 'NhomCanCu', ...t('Nhóm căn cứ', 'Các văn bản cùng một từ mở đầu, viết thành một đoạn.') });

  // ---------------------------------------------------------------- body blocks


  const RoleSchema = z
    .enum(ROLES)
    .meta(
      t(
        'Phần của kế hoạch',
        'Phần mà mục/khoản này thể hiện: muc_dich, yeu_cau, doi_tuong, noi_dung, hinh_thuc, thoi_gian, kinh_phi, to_chuc_thuc_hien. Tên mặc định lấy theo phần.',
      ),
    );



  const children = () =>
    Blocks.optional().meta(t('Các ý con', 'Các ý nằm dưới ý này (đánh số, gạch đầu dòng hoặc đoạn văn).'));

  const Report = z
    .strictObject({
      truoc: Text.meta(t('Phần câu trước các kỳ', 'Ví dụ: "Định kỳ báo cáo về Sở Y tế kết quả thực hiện".')),
      ky: z
        .array(
          z.strictObject({
            ten: Text.meta(t('Kỳ báo cáo', 'Ví dụ: 6 tháng, hàng năm, quý.')),
            han: IsoDate.meta(t('Hạn gửi', 'Ngày phải gửi báo cáo, dạng NĂM-THÁNG-NGÀY.')),
            moc: Text.optional().meta(t('Chữ trước hạn', 'Mặc định "trước ngày"; có thể là "ngày".')),
          }),
        )
        .min(1)
        .meta(t('Các kỳ báo cáo', 'Mỗi kỳ có tên và hạn gửi; hạn được viết dạng 05/6.')),
      noi: z.enum(['và', ',']).optional().meta(t('Cách nối các kỳ', '"và" (mặc định) hoặc ",".')),
      sau: z.string().optional().meta(t('Phần câu sau các kỳ', 'Phần còn lại của câu, kể cả dấu chấm.')),
      gui: Text.optional().meta(t('Nơi nhận báo cáo', 'Cơ quan, bộ phận nhận báo cáo (để kế hoạch cấp dưới dời hạn).')),
      nghieng: z.boolean().optional().meta(t('In nghiêng hạn', 'true: hạn trong ngoặc được in nghiêng.')),
    })
    .meta({ id: 'BaoCao', ...t('Hạn báo cáo', 'Câu giao báo cáo định kỳ, có cấu trúc để kế hoạch cấp dưới dời hạn sớm hơn.') });

  const khoanShape = () => ({
    khoan: Text.optional().meta(t('Khoản', 'Tên hoặc nội dung khoản; số 1., 1.1. được đánh tự động.')),
    phan: RoleSchema.optional(),
    tieu_de: z
      .boolean()
      .optional()
      .meta(t('Là tiêu đề', 'true (mặc định): in đậm như tiêu đề; false: một câu thường có đánh số.')),
    kieu_diem: z.enum(['a)', 'a.', 'a/', 'a/.']).optional().meta(t('Dạng chữ cái của điểm', 'Cho các điểm trong khoản này: "a)", "a.", "a/" hoặc "a/.".')),
    cung_dong: Text.optional().meta(t('Nội dung cùng dòng', 'Chữ viết tiếp sau tiêu đề trên cùng dòng.')),
    noi_dung: children(),
  });

  /**
   * A block's branches, each checked only when the block could be of it: a block that has a key
   * naming another branch (gach, cong, khoan ...) and not in this branch's shape stops at once, with
   * BLOCK_OF_OTHER_KIND. So a wrong block costs the union one or two branches, not ten, and zod,
   * seeing one branch left, reports that branch's problems (the one pickBranch would choose). A block
   * this branch accepts never has such a key, so what is valid is unchanged. The guard is a transform
   * in front of the branch: JSON Schema (io: input) describes the branch itself.
   */
  const byKey = <T extends z.ZodObject>(branches: T[]) => {
    const named = new Set(branches.flatMap((b) => Object.keys(b.shape)).filter((k) => BLOCK_KEYS.has(k)));
    return branches.map((b) => {
      const own = new Set(Object.keys(b.shape));
      const other = [...named].filter((k) => !own.has(k));
      return z.pipe(
        z.transform((v: unknown, ctx) => {
          if (v && typeof v === 'object' && other.some((k) => Object.hasOwn(v, k))) {
            ctx.issues.push({ code: 'custom', message: BLOCK_OF_OTHER_KIND, input: v });
            return z.NEVER;
          }
          return v;
        }),
        b,
      ) as unknown as T; // the guard passes on what the branch accepts, unchanged: its types are the branch's
    });
  };

  const Block: z.ZodType<InputBlock, InputBlock> = z.lazy(() =>
    z.union([
      Text,
      ...byKey([
      z.strictObject({ doan: Text.meta(t('Đoạn văn', 'Một đoạn văn thường, thụt đầu dòng.')) }).meta({ id: 'Doan' }),
      z
        .strictObject({ giua: Text.meta(t('Dòng căn giữa', 'Ví dụ "(chi tiết tại Phụ lục I)": một dòng căn giữa, không thụt đầu dòng.')) })
        .meta({ id: 'Giua' }),
      z
        .strictObject({ gach: Text.meta(t('Gạch đầu dòng', 'Ý bắt đầu bằng "-".')), noi_dung: children() })
        .meta({ id: 'Gach', ...t('Ý gạch đầu dòng (-)', 'Ý bắt đầu bằng dấu "-".') }),
      z
        .strictObject({ cong: Text.meta(t('Dấu cộng', 'Ý bắt đầu bằng "+".')), noi_dung: children() })
        .meta({ id: 'Cong', ...t('Ý dấu cộng (+)', 'Ý cấp dưới, bắt đầu bằng dấu "+".') }),
      z
        .strictObject({ diem: Text.meta(t('Điểm', 'Nội dung điểm a), b), c)...')), noi_dung: children() })
        .meta({ id: 'Diem', ...t('Điểm a), b)', 'Chữ cái được đánh tự động theo thứ tự tiếng Việt (a, b, c, d, đ, e ...).') }),
      // Two branches so that each requires a key: an object with an unknown key then fails every branch
      // and the message names the branch that fits it best, rather than "khoan" by default.
      z.strictObject({ ...khoanShape(), khoan: Text.meta(t('Khoản', 'Tên hoặc nội dung khoản; số 1., 1.1. được đánh tự động.')) })
        .meta({ id: 'Khoan', ...t('Khoản 1., 1.1.', 'Khoản đánh số tự động theo vị trí.') }),
      z.strictObject({ ...khoanShape(), phan: RoleSchema })
        .meta({ id: 'KhoanPhan', ...t('Khoản là một phần có tên', 'Khoản mang tên mặc định của phần (Mục đích, Yêu cầu ...).') }),
      z
        .strictObject({
          don_vi: Text.meta(t('Đơn vị được giao', 'Tên đơn vị, bộ phận thực hiện (ví dụ: Phòng Tổ chức cán bộ).')),
          ma: Text.optional().meta(t('Viết tắt', 'Tên viết tắt của đơn vị (TCHC, KHNV ...).')),
          cap: z
            .enum(UNIT_SCOPES)
            .optional()
            .meta(
              t(
                'Loại đơn vị',
                'truc_thuoc: các đơn vị trực thuộc (cấp dưới); co_quan: phòng, bộ phận của cơ quan ban hành; phoi_hop: đơn vị khác.',
              ),
            ),
          // a unit with no task would print an empty heading
          noi_dung: Blocks.min(1).meta(t('Nhiệm vụ', 'Các nhiệm vụ giao cho đơn vị (ít nhất một).')),
        })
        .meta({ id: 'DonVi', ...t('Nhiệm vụ của một đơn vị', 'Một khoản trong phần tổ chức thực hiện: đơn vị và nhiệm vụ.') }),
      z
        .strictObject({
          bao_cao: Report,
          gach: z.boolean().optional().meta(t('Gạch đầu dòng', 'true: câu báo cáo bắt đầu bằng "-".')),
        })
        .meta({ id: 'CauBaoCao' }),
      z
        .strictObject({
          bang: z
            .strictObject({ cot: Columns().meta(colsMeta), ...rowNumbering(), hang: Rows().meta(rowsMeta) })
            .meta(t('Bảng', 'Các cột (cot) và các hàng (hang), như bảng của phụ lục; in ngay tại chỗ, rộng bằng lề chữ.')),
        })
        .meta({ id: 'Bang', ...t('Bảng trong nội dung', 'Một bảng nằm giữa các đoạn văn (bảng lớn nên để ở phụ lục).') }),
      ]),
    ]),
  );

  const Blocks = z
    .array(Block)
    .max(LIMITS.blocks)
    .meta({ id: 'CacY', ...t('Các ý', 'Danh sách đoạn văn, khoản, điểm, gạch đầu dòng.') });

  const LetterForm = z
    .enum(['a)', 'a.', 'a/', 'a/.'])
    .meta(t('Dạng chữ cái của điểm', '"a)" (mặc định, Nghị định 30), "a.", "a/" hoặc "a/.".'));

  const sectionShape = () => ({
    muc: Text.optional().meta(t('Tên mục', 'Tên mục La Mã (I., II. ...), viết hoa; số La Mã được đánh tự động.')),
    phan: RoleSchema.optional(),
    cung_dong: Text.optional().meta(t('Nội dung cùng dòng', 'Ví dụ: "Theo quy định hiện hành." viết ngay sau tên mục.')),
    kieu_diem: LetterForm.optional(),
    noi_dung: Blocks.optional(),
  });
  const Section = z.strictObject(sectionShape()).meta({ id: 'Muc', ...t('Mục (I., II. ...)', 'Một mục lớn của kế hoạch.') });

  // A part above the Roman sections ("A.", "B."): its own khoản, or Roman sections (cac_muc), numbered A., B. by position.
  const TopSection = z
    .strictObject({
      ...sectionShape(),
      phan_lon: Text.optional().meta(t('Phần (A., B. ...)', 'Tên phần lớn trên các mục La Mã, viết hoa; chữ A., B. được đánh tự động.')),
      cac_muc: z.array(Section).optional().meta(t('Các mục của phần', 'Các mục I., II. ... nằm trong phần này (số La Mã đánh lại từ I).')),
    })
    .meta({ id: 'MucHoacPhan', ...t('Mục (I., II. ...) hoặc phần (A., B. ...)', 'Một mục lớn, hoặc một phần lớn (phan_lon) chứa các mục.') });

  const Numbering = z
    .strictObject({
      muc: z
        .enum(['la_ma', 'so'])
        .optional()
        .meta(t('Cấp mục', '"la_ma" (mặc định): I., II. ...; "so": kế hoạch không có cấp La Mã, các mục đánh 1., 2. và khoản 1.1., 1.2.')),
      diem: LetterForm.optional(),
    })
    .meta({ id: 'DanhSo', ...t('Cách đánh số', 'Số vẫn được đánh tự động theo vị trí; ở đây chọn kiểu số.') });

  // ---------------------------------------------------------------- closing parts

  const Recipient = z
    .union([
      Text,
      z.strictObject({
        ten: Text.meta(t('Nơi nhận', 'Tên cơ quan, đơn vị nhận.')),
        muc_dich: Text.optional().meta(t('Để làm gì', 'Ví dụ: để biết, thực hiện, báo cáo; in trong ngoặc.')),
      }),
    ])
    .meta({ id: 'NoiNhan', ...t('Một nơi nhận', 'Ví dụ "Sở Nội vụ" hoặc "Các đơn vị trực thuộc (thực hiện)".') });


  const Signer = z
    .strictObject({
      thay_mat: Text.optional().meta(
        t('Thay mặt tập thể (TM.)', 'Tên tập thể khi ký thay mặt, ví dụ ỦY BAN NHÂN DÂN; in "TM. ỦY BAN NHÂN DÂN".'),
      ),
      quyen_han: z
        .enum(AUTHORITIES)
        .optional()
        .meta(t('Quyền hạn ký', 'KT (ký thay), TL (thừa lệnh), TUQ (thừa ủy quyền), Q (quyền). Bỏ trống khi người đứng đầu ký.')),
      thu_truong: Text.optional().meta(
        t('Chức vụ người đứng đầu', 'Ví dụ GIÁM ĐỐC; bắt buộc với KT, TL, TUQ, Q (in "KT. GIÁM ĐỐC").'),
      ),
      chuc_vu: Lines.optional().meta(
        t('Chức vụ người ký', 'Ví dụ PHÓ GIÁM ĐỐC; hai dòng khi người ký giữ hai chức danh: [TRƯỞNG BAN, PHÓ THỦ TƯỚNG].'),
      ),
      ho_ten: Text.meta(t('Họ và tên', 'Họ tên người ký; không ghi học hàm, học vị, trừ khi quy định của ngành cho phép (y tế, giáo dục, quân đội).')),
      duoi_ten: Lines.optional().meta(t('Dòng dưới họ tên', 'Ví dụ [PHÓ GIÁM ĐỐC, SỞ CÔNG THƯƠNG LÀO CAI]: chức vụ của người ký ở cơ quan mình.')),
    })
    .meta({ id: 'NguoiKy', ...t('Người ký', 'Quyền hạn, chức vụ và họ tên người ký (ô 7a, 7b).') });

  // ---------------------------------------------------------------- appendices

  const Cell = z
    .union([
      z.string(),
      z.array(z.string()),
      z.strictObject({
        noi_dung: z.union([z.string(), z.array(z.string())]).meta(t('Nội dung ô', 'Một hoặc nhiều dòng.')),
        gop_hang: z.number().int().min(1).optional().meta(t('Gộp hàng', 'Số hàng ô này chiếm (kể cả hàng hiện tại).')),
        gop_cot: z.number().int().min(1).optional().meta(t('Gộp cột', 'Số cột ô này chiếm.')),
        can: z.enum(['trai', 'giua', 'phai', 'deu']).optional().meta(t('Căn lề', 'trai, giua, phai, deu.')),
      }),
    ])
    .meta({ id: 'O', ...t('Ô của bảng', 'Chữ, danh sách dòng, hoặc ô có gộp hàng/cột.') });


  const subRows = () => z.array(Row).optional().meta(t('Hàng con', 'Các hàng con, đánh số 1.1, 1.2 (hoặc a), b) hay "-" theo stt_con).'));
  // One object rather than a union of a row and a group row: a table of many bad rows would be checked twice
  // over; validate.ts asks for exactly one of "o" and "nhom".
  const Row: z.ZodType<InputRow, InputRow> = z.lazy(() =>
    z
      .strictObject({
        o: z.array(Cell).optional().meta(t('Các ô', 'Các ô của hàng, theo thứ tự cột (không kể cột STT tự đánh).')),
        nhom: Text.optional().meta(t('Hàng nhóm', 'Thay cho "o": một ô in đậm trải hết các cột (sau cột STT), ví dụ tên một nhóm nhiệm vụ.')),
        con: subRows(),
      })
      .meta({ id: 'Hang', ...t('Hàng của bảng', 'Một hàng (o) hoặc một hàng nhóm (nhom), và các hàng con của nó.') }),
  );

  const Column = z.union([
    Text,
    z.strictObject({
      ten: Text.meta(t('Tên cột', 'Tiêu đề cột.')),
      rong: z.number().positive().max(400).optional().meta(t('Độ rộng (mm)', 'Độ rộng tương đối của cột, tính bằng mm.')),
      can: z.enum(['trai', 'giua', 'phai', 'deu']).optional().meta(t('Căn lề', 'Căn lề chữ trong cột.')),
    }),
  ]);

  const Columns = () => z.array(Column).min(1).max(20);
  const Rows = () => z.array(Row).max(LIMITS.rows);
  const colsMeta = t('Các cột', 'Tên các cột của bảng, theo thứ tự.');
  const rowsMeta = t('Các hàng', 'Các hàng dữ liệu (cùng với "cot").');
  /** How a table numbers its rows and columns: an appendix's table and a table in the body alike. */
  const rowNumbering = () => ({
    so_thu_tu: z
      .union([z.boolean(), z.enum(['1', '1.'])])
      .optional()
      .meta(t('Cột STT tự đánh', 'true hoặc "1.": cột đầu là STT, đánh 1., 2. tự động; "1": đánh 1, 2 (không dấu chấm); các hàng không ghi cột này.')),
    stt_con: z
      .enum(['1.1', 'a)', '-'])
      .optional()
      .meta(t('STT của hàng con', '"1.1" (mặc định): 1.1, 1.2; "a)": a), b); "-": gạch đầu dòng.')),
    so_cot: z
      .union([z.boolean(), z.literal('tru_stt')])
      .optional()
      .meta(t('Hàng số cột', 'true: dưới tiêu đề có hàng (1) (2) (3) … cho mọi cột, lặp lại cùng tiêu đề ở mỗi trang; "tru_stt": ô của cột đầu (STT) để trống, các cột sau đánh (1) (2) ….')),
  });

  const Appendix = z
    .strictObject({
      tieu_de: Text.meta(t('Tên phụ lục', 'Tên phụ lục, in hoa đậm dưới chữ "Phụ lục".')),
      tham_chieu: Text.optional().meta(
        t('Dòng tham chiếu', 'Thay dòng "(Kèm theo Kế hoạch số … )" tự tạo, ví dụ "(Ban hành kèm theo Kế hoạch số …/KH-BTNMT …)".'),
      ),
      noi_dung: Blocks.optional().meta(t('Nội dung phụ lục', 'Đoạn văn, khoản, điểm … in trước bảng (hoặc thay cho bảng), như thân kế hoạch.')),
      cot: Columns().optional().meta(colsMeta),
      ...rowNumbering(),
      hang: Rows().optional().meta(rowsMeta),
      ghi_chu: Blocks.optional().meta(t('Ghi chú dưới bảng', 'Đoạn văn in dưới bảng, ví dụ "Ghi chú: …".')),
      ky_ten: Lines.optional().meta(
        t('Chỗ ký để điền', 'Khối ký ở cuối phụ lục, ví dụ [LÃNH ĐẠO ĐƠN VỊ, "(Ký tên, đóng dấu)"] (dòng có dấu phẩy đặt trong dấu nháy); dòng trong ngoặc in nghiêng.'),
      ),
      huong: z
        .enum(['doc', 'ngang'])
        .optional()
        .meta(t('Hướng trang', 'doc hoặc ngang; mặc định tự chọn ngang khi bảng rộng (từ 6 cột).')),
    })
    .meta({ id: 'PhuLuc', ...t('Phụ lục', 'Một phụ lục, in trên trang mới: một bảng, nội dung như thân kế hoạch, hoặc cả hai.') });

  // ---------------------------------------------------------------- a plan issued by a decision (spec §8a)

  const Decision = z
    .strictObject({
      trich_yeu: Subject('Trích yếu quyết định', 'Ví dụ: Ban hành Kế hoạch thực hiện công tác bảo vệ bí mật nhà nước năm 2023.'),
      tham_quyen: Text.meta(
        t(
          'Thẩm quyền ban hành',
          'Người hoặc tập thể quyết định, viết thường: "Chủ tịch Ủy ban nhân dân tỉnh"; in HOA trên dòng riêng, và dùng trong dòng "(Kèm theo Quyết định số … của …)".',
        ),
      ),
      can_cu: z.array(BasisGroup).max(LIMITS.bases).optional().meta(t('Căn cứ', 'Các dòng "Căn cứ …;" của quyết định, in nghiêng.')),
      de_nghi: Text.optional().meta(t('Theo đề nghị của', 'Ví dụ: "Giám đốc Sở Y tế"; in "Theo đề nghị của Giám đốc Sở Y tế."')),
      dieu: z
        .array(Text)
        .min(1)
        .max(LIMITS.bases)
        .meta(t('Các điều', 'Nội dung Điều 1, Điều 2 …; chữ "Điều 1." được đánh tự động, in đậm; dấu "./." thêm vào điều cuối.')),
      kieu_ngay: z
        .enum(['so', 'chu'])
        .optional()
        .meta(t('Cách viết ngày trong dòng tham chiếu', '"chu" (mặc định): ngày 17 tháng 02 năm 2023; "so": ngày 17/02/2023.')),
      dau_trang_ke_hoach: z
        .boolean()
        .optional()
        .meta(t('Đầu trang của kế hoạch', 'true (mặc định): trang kế hoạch có tên cơ quan và Quốc hiệu (không có Số, ngày); false: không có.')),
    })
    .meta({
      id: 'QuyetDinh',
      ...t(
        'Quyết định ban hành kế hoạch',
        'Kế hoạch ban hành kèm theo quyết định (Mẫu 1.3): số, ký hiệu (QĐ-…), ngày, nơi nhận và người ký ở đầu tệp là của quyết định; kế hoạch kèm theo không có số, nơi nhận, chữ ký riêng.',
      ),
    });

  // ---------------------------------------------------------------- the plan

  const Layout = z
    .strictObject({
      co_chu: z.union([z.literal(13), z.literal(14)]).optional().meta(t('Cỡ chữ nội dung', '13 hoặc 14 (mặc định 14).')),
      le_tren: z.number().min(20).max(25).optional().meta(t('Lề trên (mm)', '20–25 mm.')),
      le_duoi: z.number().min(20).max(25).optional().meta(t('Lề dưới (mm)', '20–25 mm.')),
      le_trai: z.number().min(30).max(35).optional().meta(t('Lề trái (mm)', '30–35 mm.')),
      le_phai: z.number().min(15).max(20).optional().meta(t('Lề phải (mm)', '15–20 mm.')),
    })
    .meta({ id: 'TrinhBay', ...t('Trình bày', 'Cỡ chữ và lề trang, trong giới hạn của Nghị định 30.') });

  const PlanSchema = z
    .strictObject({
      phien_ban: z
        .number()
        .int({ error: 'phien-ban' })
        .min(1, { error: 'phien-ban' })
        .max(FORMAT_VERSION, { error: 'phien-ban' })
        .optional()
        .meta(
          t(
            'Phiên bản định dạng',
            `Phiên bản định dạng tệp kế hoạch mà tệp này viết theo; kehoach này đọc đến phiên bản ${FORMAT_VERSION}. Bỏ trống: phiên bản hiện tại.`,
          ),
        ),
      co_quan_chu_quan: Lines.optional().meta(
        t('Cơ quan chủ quản', 'Tên cơ quan cấp trên trực tiếp (ô 2), ví dụ UBND TỈNH HẬU GIANG. Bỏ trống nếu không có.'),
      ),
      co_quan_ban_hanh: Lines.meta(t('Cơ quan ban hành', 'Tên cơ quan ban hành (ô 2), ví dụ SỞ Y TẾ.')),
      ten_co_quan: Text.optional().meta(
        t('Tên cơ quan trong câu', 'Tên viết thường dùng trong câu, ví dụ "Sở Y tế". Mặc định lấy từ tên cơ quan ban hành.'),
      ),
      viet_tat: z
        .string()
        // (in capitals; "TTg", the Prime Minister's, as ND30 writes it)
        .regex(/^(?:[A-ZĐ0-9]+|TTg)(-(?:[A-ZĐ0-9]+|TTg))*$/u, { error: 'viet-tat' })
        .optional()
        .meta(t('Viết tắt cơ quan', 'Chữ viết tắt tên cơ quan ban hành, ví dụ SYT, TTYT.')),
      so: z
        .number()
        .int()
        .positive()
        .max(99999)
        .nullable()
        .optional()
        .meta(t('Số văn bản', 'Số thứ tự, ví dụ 181. Bỏ trống để văn thư điền sau khi ký.')),
      ky_hieu: z
        .string()
        .regex(KY_HIEU_FORM, { error: 'ky-hieu' })
        .optional()
        .meta(t('Ký hiệu', 'Ví dụ KH-SYT; QĐ-UBND khi kế hoạch ban hành kèm quyết định. Mặc định KH- (hoặc QĐ-) và chữ viết tắt của cơ quan.')),
      dia_danh: Text.meta(t('Địa danh', 'Tên đơn vị hành chính nơi cơ quan đóng trụ sở, ví dụ Hậu Giang.')),
      ngay: PlanDate.nullable().optional(),
      ten_loai: Text.optional().meta(t('Tên loại văn bản', 'Mặc định "Kế hoạch".')),
      trich_yeu: Subject('Trích yếu', 'Tóm tắt nội dung kế hoạch, một câu ngắn, không có "V/v".'),
      can_cu: z.array(BasisGroup).max(LIMITS.bases).optional().meta(t('Căn cứ', 'Các nhóm văn bản làm căn cứ (Thực hiện ..., Căn cứ ...).')),
      mo_dau: Blocks.optional().meta(t('Đoạn mở đầu', 'Đoạn văn sau căn cứ, ví dụ "... xây dựng Kế hoạch như sau:".')),
      noi_dung: z
        .array(TopSection)
        .min(1)
        .meta(t('Nội dung kế hoạch', 'Các mục I., II., III. ... (hoặc các phần A., B. ...). Số được đánh tự động.')),
      danh_so: Numbering.optional(),
      ket_thuc: Blocks.optional().meta(t('Đoạn kết', 'Đoạn kết thúc; dấu "./." được thêm tự động.')),
      noi_nhan: z.array(Recipient).min(1).max(LIMITS.recipients).meta(t('Nơi nhận', 'Danh sách nơi nhận; dòng "Lưu" ghi riêng ở khóa luu.')),
      luu: z
        .union([Text, z.array(Text).min(1)])
        .meta(t('Lưu', 'Nơi lưu, ví dụ "VT, TC-HC" hoặc [VT, TC-HC]; in "- Lưu: VT, TC-HC."')),
      nguoi_ky: Signer,
      quyet_dinh: Decision.optional(),
      phu_luc: z.array(Appendix).max(LIMITS.appendices).optional().meta(t('Phụ lục', 'Các phụ lục kèm theo, mỗi phụ lục một trang mới.')),
      trinh_bay: Layout.optional(),
    })
    .meta({
      id: 'KeHoach',
      title: 'Kế hoạch',
      description: 'Một kế hoạch (văn bản hành chính) theo thể thức Nghị định 30/2020/NĐ-CP.',
    });


  return { Text, IsoDate, PlanDate, Citation, BasisGroup, RoleSchema, Report, Block, Blocks, Section, Recipient, Signer, Cell, Row, Column, Appendix, Layout, Decision, TopSection, Numbering, PlanSchema };
}

let built: ReturnType<typeof build> | undefined;
export const planSchemas = (): ReturnType<typeof build> => (built ??= build());

export type InputPlan = z.input<ReturnType<typeof build>['PlanSchema']>;
