// The wording of a plan comes from Handlebars templates in templates/: strict (a missing variable is an
// error naming the template file and line), no HTML escaping (Word is not HTML; the writer escapes XML),
// known helpers only. `--template DIR` overrides any template by file name.
import HandlebarsRuntime from 'handlebars/runtime';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ndLongDate, ndNumericDate, ndShortDate } from '../text/dates.js';
import { upperVi } from '../text/normalize-text.js';
import { TemplateError } from './template-error.js';
import { UsageError } from '../errors.js';
import { installed } from '../install.js';
import { PRECOMPILED } from './precomputed.js';

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
  'mo-dau-trien-khai',
  'ket-thuc-trien-khai',
  'bao-cao-don-vi',
  'ke-hoach-mau',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export type Templates = Record<TemplateName, (ctx: object) => string>;

const builtinDir = (): string => dirname(installed('templates', 'so-ky-hieu.hbs'));

/** Number of a document: leading zero below 10 (ND30 ô 3); blank space for the registry when absent. */
const soVanBan = (n: unknown): string =>
  typeof n === 'number' ? String(n).padStart(2, '0') : '\u00a0'.repeat(8);

function helpers(): Record<string, Handlebars.HelperDelegate> {
  return {
    eq: (a: unknown, b: unknown) => a === b,
    so_van_ban: soVanBan,
    ngay_chu: (d: unknown) => ndLongDate(typeof d === 'string' ? d : undefined),
    ngay_so: (d: unknown) => ndNumericDate(String(d)),
    han: (d: unknown) => ndShortDate(String(d)),
    viet_hoa: (s: unknown) => upperVi(String(s)),
    noi_ky: (i: number, n: number, noi: string) => (noi === ',' || i < n - 2 ? ', ' : ' và '),
    tiep: (s: unknown) => (typeof s !== 'string' || s === '' ? '' : /^[.,;:!?)]/.test(s) ? s : ' ' + s),
  };
}

/** How a template is precompiled, here for an edited template and by the build for the built-in ones. */
export const precompileOptions = (): PrecompileOptions => ({
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(helpers()).map((h) => [h, true])),
});

type Spec = (typeof PRECOMPILED)[string];

/** The Handlebars compiler, for templates that were not precompiled (or were edited); bundled like the rest. */
const compiler = () => Handlebars;

type Env = ReturnType<typeof HandlebarsRuntime.create>;

function compile(hb: Env, file: string, source: string, pre?: Spec): (ctx: object) => string {
  let fn: HandlebarsTemplateDelegate;
  if (pre && pre.source === source) {
    fn = hb.template(pre.spec as TemplateSpecification);
  } else {
    try {
      const full = compiler();
      const spec = full.precompile(source, precompileOptions());
      fn = hb.template(new Function(`return ${spec}`)() as TemplateSpecification);
    } catch (e) {
      throw templateError(file, e);
    }
  }
  return (ctx: object) => {
    try {
      return fn(ctx, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }).trim();
    } catch (e) {
      throw templateError(file, e);
    }
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
  const what = / not defined in /.test(m)
    ? `mẫu câu dùng biến ${/"([^"]+)"/.exec(m)?.[1] ?? ''} không có; các biến có sẵn xem trong mẫu gốc cùng tên ở templates/`
    : /Missing helper|not a known helper|You specified knownHelpersOnly/.test(m)
      ? `mẫu câu dùng hàm trợ giúp không có (${m.split('\n')[0]}); chỉ dùng: ${Object.keys(helpers()).join(', ')}`
      : /partial/i.test(m)
        ? `mẫu câu gọi mẫu con không có (${m.split('\n')[0]})`
        : `mẫu câu sai cú pháp Handlebars (${m.split('\n')[0]})`;
  return new TemplateError(what, file, line, col);
}

/** Built-in templates, with those of `overrideDir` (same file names) taking their place. */
export function loadTemplates(overrideDir?: string): Templates {
  const hb = HandlebarsRuntime.create();
  for (const [k, f] of Object.entries(helpers())) hb.registerHelper(k, f);
  const dir = builtinDir();
  const overrides = new Map<string, string>();
  if (overrideDir) {
    const abs = resolve(overrideDir);
    let names: string[];
    try {
      if (!statSync(abs).isDirectory()) throw new Error();
      names = readdirSync(abs);
    } catch {
      throw new UsageError(`${overrideDir}: không phải thư mục mẫu câu (--template cần một thư mục chứa các tệp .hbs).`);
    }
    for (const n of names.filter((x) => x.endsWith('.hbs'))) {
      const base = n.slice(0, -4);
      if (!(TEMPLATE_NAMES as readonly string[]).includes(base)) {
        throw new UsageError(`${join(overrideDir, n)}: không có mẫu câu tên "${base}"; các tên hợp lệ: ${TEMPLATE_NAMES.join(', ')}.`);
      }
      overrides.set(base, join(abs, n));
    }
  }
  const out = {} as Templates;
  for (const name of TEMPLATE_NAMES) {
    const file = overrides.get(name) ?? join(dir, `${name}.hbs`);
    out[name] = compile(hb, file, readFileSync(file, 'utf8'), overrides.has(name) ? undefined : PRECOMPILED[name]);
  }
  return out;
}
