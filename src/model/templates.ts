// The wording of a plan comes from Handlebars templates in templates/: strict (a missing variable is an
// error naming the template file and line), no HTML escaping (Word is not HTML; the writer escapes XML),
// known helpers only. `--template DIR` overrides any template by file name.
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { ndLongDate, ndNumericDate, ndShortDate, twoDigits } from '../text/dates.js';
import { findIllegalChar, upperVi } from '../text/normalize-text.js';
import { TemplateError } from './template-error.js';
import { UsageError } from '../errors.js';
import { installed } from '../install.js';

export const TEMPLATE_NAMES = [
  'so-ky-hieu',
  'dia-danh-ngay',
  'ten-loai',
  'van-ban-can-cu',
  'nhom-can-cu',
  'dong-can-cu',
  'bao-cao',
  'tieu-de-phan',
  'nguoi-ky',
  'noi-nhan',
  'luu',
  'tieu-de-phu-luc',
  'tham-chieu-phu-luc',
  'de-nghi',
  'so-dieu',
  'mo-dau-trien-khai',
  'ket-thuc-trien-khai',
  'bao-cao-don-vi',
  'to-chuc-trien-khai',
  'ke-hoach-mau',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export type Templates = Record<TemplateName, (ctx: object) => string>;

/** Number of a document: leading zero below 10 (ND30 ô 3); blank space for the registry when absent. */
const soVanBan = (n: unknown): string =>
  typeof n === 'number' ? twoDigits(n) : '\u00a0'.repeat(8);

function helpers(): Record<string, Handlebars.HelperDelegate> {
  return {
    eq: (a: unknown, b: unknown) => a === b,
    so_van_ban: soVanBan,
    ngay_chu: (d: unknown) => ndLongDate(typeof d === 'string' ? d : undefined),
    ngay_so: (d: unknown) => ndNumericDate(String(d)),
    // {{han han ../nam}}: the plan's year, so that a deadline in another year shows its year
    han: (d: unknown, year: unknown) => ndShortDate(String(d), typeof year === 'number' ? year : undefined),
    viet_hoa: (s: unknown) => upperVi(String(s)),
    noi_ky: (i: number, n: number, noi: string) => (noi === ',' || i < n - 2 ? ', ' : ' và '),
    tiep: (s: unknown) => (typeof s !== 'string' || s === '' ? '' : /^[.,;:!?)]/.test(s) ? s : ' ' + s),
  };
}

/** Strict (a missing variable is an error), no HTML escaping, only the helpers above (and Handlebars' block helpers). */
const OPTIONS: CompileOptions = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(helpers()).map((h) => [h, true])),
};

const lineCol = (source: string, index: number): [number, number] => {
  const before = source.slice(0, index).split('\n');
  return [before.length, before[before.length - 1].length + 1];
};

/**
 * A template, compiled by Handlebars on first use (a render uses only some of them). One given by
 * the user (`checkNow`) is also compiled and checked at once, so a broken one stops the run before
 * any work. What a template writes goes into the document as plan text does: characters XML cannot
 * carry are refused, named by where they are in the template.
 */
function compile(hb: typeof Handlebars, file: string, source: string, checkNow: boolean): (ctx: object) => string {
  const refuseIllegal = (text: string) => {
    const bad = findIllegalChar(text);
    if (!bad) return;
    const at = findIllegalChar(source);
    const code = `U+${bad.code.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new TemplateError(`mẫu câu có ký tự ${code}, ký tự mà tệp .docx (XML) không chứa được; hãy xóa ký tự này khỏi mẫu câu.`, file, ...(at ? lineCol(source, at.index) : ([1, 1] as [number, number])));
  };
  let fn: HandlebarsTemplateDelegate;
  try {
    fn = hb.compile(source, OPTIONS);
    if (checkNow) hb.precompile(source, OPTIONS);
  } catch (e) {
    throw templateError(file, e);
  }
  if (checkNow) refuseIllegal(source);
  return (ctx: object) => {
    let out: string;
    try {
      out = fn(ctx, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }).trim();
    } catch (e) {
      throw templateError(file, e);
    }
    refuseIllegal(out);
    return out;
  };
}

function templateError(file: string, e: unknown): TemplateError {
  const m = e instanceof Error ? e.message : String(e);
  let line = 1;
  let col = 1;
  const parse = /Parse error on line (\d+)/.exec(m);
  const runtime = / - (\d+):(\d+)\s*$/.exec(m);
  if (parse) line = Number(parse[1]);
  else if (runtime) (line = Number(runtime[1])), (col = Number(runtime[2]) + 1);
  // Handlebars speaks English: only what it names (a variable, a helper, a partial) is taken from it
  const name = /"([^"]+)"|unknown helper ([\w-]+)|partial ([\w-]+)/.exec(m)?.slice(1).find(Boolean);
  const what = / not defined in /.test(m)
    ? `mẫu câu dùng biến ${name ?? ''} không có; các biến có sẵn xem trong mẫu gốc cùng tên ở templates/`
    : /Missing helper|not a known helper|You specified knownHelpersOnly/.test(m)
      ? `mẫu câu dùng hàm trợ giúp không có${name ? ` (${name})` : ''}; chỉ dùng: ${Object.keys(helpers()).join(', ')}`
      : /partial/i.test(m)
        ? `mẫu câu gọi mẫu con không có${name ? ` (${name})` : ''}; mẫu câu của kehoach không dùng mẫu con`
        : 'mẫu câu sai cú pháp Handlebars: một khối {{#…}} chưa đóng bằng {{/…}}, hoặc dấu {{ }} viết sai; hãy so với mẫu gốc cùng tên ở templates/'
  return new TemplateError(what, file, line, col);
}

/** The file an override names, when it is a regular file inside the folder (a link is followed only inside it). */
function overrideFile(folder: string, shown: string): string {
  let target: string;
  try {
    target = realpathSync(shown);
  } catch {
    throw new UsageError(`${shown}: là liên kết không trỏ tới tệp nào đọc được; hãy sửa hoặc xóa liên kết này.`);
  }
  const rel = relative(folder, target);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new UsageError(`${shown}: là liên kết tới ${target}, ngoài thư mục mẫu câu; chỉ dùng được liên kết tới tệp nằm trong thư mục này.`);
  }
  const st = statSync(target);
  if (st.isDirectory()) throw new UsageError(`${shown}: là một thư mục, không phải tệp mẫu câu; hãy đổi tên hoặc chuyển thư mục này ra khỏi thư mục mẫu câu.`);
  if (!st.isFile()) throw new UsageError(`${shown}: không phải tệp thường (tệp mẫu câu phải là tệp văn bản .hbs).`);
  return target;
}

function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8').normalize('NFC');
  } catch (e) {
    throw new UsageError(`${file}: không đọc được tệp mẫu câu (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

/** Built-in templates, with those of `overrideDir` (same file names) taking their place. */
export function loadTemplates(overrideDir?: string): Templates {
  const hb = Handlebars.create();
  for (const [k, f] of Object.entries(helpers())) hb.registerHelper(k, f);
  // {{log}} would print to standard output, which carries a command's results (JSON, --dump-model)
  hb.registerHelper('log', () => '');
  const overrides = new Map<string, string>();
  if (overrideDir) {
    let folder: string;
    let names: string[];
    try {
      folder = realpathSync(overrideDir);
      if (!statSync(folder).isDirectory()) throw new Error();
      names = readdirSync(folder);
    } catch {
      throw new UsageError(`${overrideDir}: không phải thư mục mẫu câu (--template cần một thư mục chứa các tệp .hbs).`);
    }
    for (const n of names.filter((x) => x.endsWith('.hbs')).sort()) {
      const base = n.slice(0, -4);
      if (!(TEMPLATE_NAMES as readonly string[]).includes(base)) {
        throw new UsageError(`${join(overrideDir, n)}: không có mẫu câu tên "${base}"; các tên hợp lệ: ${TEMPLATE_NAMES.join(', ')}.`);
      }
      overrides.set(base, overrideFile(folder, join(overrideDir, n)));
    }
  }
  const out = {} as Templates;
  for (const name of TEMPLATE_NAMES) {
    const file = overrides.get(name) ?? installed('templates', `${name}.hbs`);
    out[name] = compile(hb, file, readTemplate(file), overrides.has(name));
  }
  return out;
}
