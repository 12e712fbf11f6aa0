// The command line: commander as published reads the arguments; each command lives in
// commands/<command>.ts and is loaded only when asked for. Exit codes: 0 ok (warnings allowed),
// 1 plan problems, 2 usage or system problems. Library code never exits.
import { Command, CommanderError, Option, type Argument } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import type { Io } from '../messages.js';
import { UsageError } from '../errors.js';
import { Report, type Format } from './report.js';
import { FORMAT_VERSION } from '../plan/versions.js';

/**
 * A reader that stops reading (`kehoach check | head -1`) closes the pipe: the rest of that stream's output is
 * dropped and the command ends with its own exit code, instead of dying on an unhandled EPIPE.
 */
const closed = new WeakSet<NodeJS.WriteStream>();
function writer(stream: NodeJS.WriteStream): (s: string) => void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed.add(stream);
  });
  return (s) => void (closed.has(stream) || stream.write(s + '\n'));
}

const stdio: Io = { out: writer(process.stdout), err: writer(process.stderr) };

export const VERSION = `kehoach ${pkg.version}: văn bản theo thể thức Nghị định 30/2020/NĐ-CP (Phụ lục I; Kế hoạch theo Mẫu 1.4, Phụ lục III); tệp kế hoạch định dạng phiên bản ${FORMAT_VERSION}`;
const COMMANDS = ['validate', 'render', 'derive', 'import', 'lint', 'check', 'init', 'schema', 'keys', 'xem'];

// Commander's own English words, through its public help hooks (see its README, "Custom help").
const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Tham số:',
  'Options:': 'Tùy chọn:',
  'Global Options:': 'Tùy chọn chung:',
  'Commands:': 'Lệnh:',
};
const USAGE_WORDS: Record<string, string> = { '[options]': '[tùy-chọn]', '[command]': '[lệnh]' };
const inVietnamese = (usage: string) => usage.split(' ').map((w) => USAGE_WORDS[w] ?? w).join(' ');

/** "(chọn: text, json; mặc định: text)" after a description, as commander adds its English one. */
function described(text: string, choices: readonly string[] | undefined, fallback: unknown, fallbackText: string | undefined): string {
  const extra = [...(choices ? [`chọn: ${choices.join(', ')}`] : []), ...(fallback !== undefined ? [`mặc định: ${fallbackText ?? String(fallback)}`] : [])];
  return extra.length ? `${text} (${extra.join('; ')})`.trim() : text;
}

/** Commander's error, said in Vietnamese from its code and the names quoted in its message. */
function usageMessage(e: CommanderError, command: string | undefined): string {
  const [text, similar] = e.message.replace(/^error: /, '').split(/\n\(Did you mean (?:one of )?/);
  const quoted = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const guess = similar ? ` (có phải ý là ${similar.replace(/\?\)$/, '')}?)` : '';
  const see = `Xem "kehoach${command ? ` ${command}` : ''} --help".`;
  switch (e.code) {
    case 'commander.unknownOption':
      return `tùy chọn không hợp lệ: ${quoted[0]}${guess}. ${see}`;
    case 'commander.unknownCommand':
      return `lệnh không có: ${quoted[0]}${guess}. Các lệnh: ${COMMANDS.join(', ')}.`;
    case 'commander.missingArgument':
      return `thiếu ${quoted[0].startsWith('tệp') ? 'tên tệp' : `tham số <${quoted[0]}>`}. ${see}`;
    case 'commander.optionMissingArgument':
      return `tùy chọn ${quoted[0]} cần một giá trị. ${see}`;
    case 'commander.missingMandatoryOptionValue':
      return `lệnh này cần tùy chọn ${quoted[0]}. ${see}`;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\.$/.exec(text)?.[1];
      return `tùy chọn ${quoted[0]} không nhận giá trị "${quoted[1]}"${choices ? `; chọn một trong: ${choices}` : ''}.`;
    }
    case 'commander.excessArguments': {
      const [, expected, got] = /Expected (\d+) arguments? but got (\d+)/.exec(text) ?? [];
      return `thừa tham số: lệnh ${command ?? 'kehoach'} nhận ${expected === '0' ? 'không tham số nào' : `${expected} tham số`}, đã cho ${got}. ${see}`;
    }
    default:
      return `${text}. ${see}`;
  }
}

/** The format asked for, read before commander does, so that even its errors come out as JSON. */
const formatIn = (argv: readonly string[]): Format =>
  argv.some((a, i) => a === '--format=json' || (a === '--format' && argv[i + 1] === 'json')) ? 'json' : 'text';

function program(io: Io, report: Report, ran: (code: number) => void): Command {
  const p = new Command('kehoach')
    .description('Soạn Kế hoạch đúng thể thức Nghị định 30/2020/NĐ-CP: từ tệp YAML ra tệp .docx.')
    .configureHelp({
      minWidthToWrap: 30, // the Vietnamese terms are longer than commander's: keep wrapping descriptions
      styleTitle: (t) => TITLES[t] ?? t,
      styleUsage: inVietnamese,
      styleSubcommandTerm: inVietnamese,
      optionDescription: (o: Option) => described(o.description, o.argChoices, o.required || o.optional ? o.defaultValue : undefined, o.defaultValueDescription),
      argumentDescription: (a: Argument) => described(a.description, a.argChoices, a.defaultValue, a.defaultValueDescription),
    })
    // commander writes help to its error stream only after a mistake, and its errors through outputError:
    // both are said in Vietnamese by main() instead
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => {}, outputError: () => {} })
    .exitOverride()
    .helpOption('-h, --help', 'hiện hướng dẫn này')
    .helpCommand('help [lệnh]', 'hiện hướng dẫn của một lệnh')
    .version(VERSION, '-V, --version', 'hiện phiên bản và thể thức văn bản mà kehoach theo');

  const format = () => new Option('--format <kiểu>', 'kiểu kết quả: text (dòng chữ) hoặc json (một đối tượng JSON)').choices(['text', 'json']).default('text');
  const quiet = (what: string) => new Option('-q, --quiet', what);
  // the options every command shares: -q and --format set the report before the command runs
  const start = (o: { quiet?: boolean }) => {
    report.quiet = !!o.quiet;
  };

  p.command('validate')
    .description('kiểm tra các tệp kế hoạch (và hồ sơ đơn vị); báo mọi lỗi dạng TỆP:DÒNG:CỘT')
    .argument('<tệp...>', 'các tệp kế hoạch .yaml')
    .addOption(format())
    .addOption(quiet('chỉ in lỗi, không in cảnh báo'))
    .action(async (files: string[], o: { quiet?: boolean }) => {
      start(o);
      ran(await (await import('./commands/validate.js')).runValidate(files, report));
    });
  p.command('render')
    .description('tạo tệp .docx từ các tệp kế hoạch (mặc định đặt cạnh tệp .yaml)')
    .argument('<tệp...>', 'các tệp kế hoạch .yaml')
    .option('-o, --output <tệp.docx>', 'tên tệp .docx (khi chỉ có một tệp kế hoạch)')
    .option('--out-dir <thư mục>', 'thư mục ghi các tệp .docx')
    .option('--template <thư mục>', 'thư mục mẫu câu .hbs thay cho mẫu có sẵn (theo tên tệp)')
    .option('--dump-model', 'in mô hình văn bản thay vì ghi .docx: một mảng JSON, mỗi tệp kế hoạch một phần tử')
    .option('--pdf', 'tạo thêm tệp PDF cạnh tệp .docx (cần LibreOffice)')
    .option('--html', 'tạo thêm trang HTML cạnh tệp .docx (xem bằng trình duyệt, không cần Word)')
    .option('--force', 'ghi đè cả tệp .docx đã được sửa tay sau khi kehoach tạo')
    .addOption(format())
    .addOption(quiet('không in tên tệp đã ghi, không in cảnh báo'))
    .action(async (files: string[], o: import('./commands/render.js').RenderOptions & { quiet?: boolean }) => {
      start(o);
      ran(await (await import('./commands/render.js')).runRender(files, o, report));
    });
  p.command('derive')
    .description('soạn kế hoạch của từng đơn vị từ kế hoạch cấp trên (mỗi hồ sơ đơn vị một tệp .yaml)')
    .argument('<kế-hoạch-cấp-trên>', 'kế hoạch của cấp trên: tệp .yaml, hoặc văn bản nhận được (.pdf, .docx, .doc, .odt, .rtf, .txt), đọc như kehoach import')
    .requiredOption('--unit <hồ-sơ.yaml...>', 'các tệp hồ sơ đơn vị')
    .option('-o, --output <tệp.yaml>', 'tên tệp ra (khi chỉ có một đơn vị)')
    .option('--out-dir <thư mục>', 'thư mục ghi kế hoạch các đơn vị (mặc định: thư mục của kế hoạch cấp trên)')
    .option('--date <NĂM-THÁNG-NGÀY>', 'ngày của kế hoạch đơn vị (mặc định để trống ngày, lấy tháng của kế hoạch cấp trên)')
    .option('--template <thư mục>', 'thư mục mẫu câu .hbs thay cho mẫu có sẵn')
    .option('--force', 'ghi đè kế hoạch đơn vị đã có (mất các chỗ đã sửa tay)')
    .option('--ocr', 'kế hoạch cấp trên là bản quét (PDF không có lớp chữ): nhận dạng chữ (cần gói tesseract-ocr-vie)')
    .addOption(format())
    .addOption(quiet('không in tiến độ, không in cảnh báo'))
    .action(async (dept: string, o: import('./commands/derive.js').DeriveOptions & { quiet?: boolean }) => {
      start(o);
      ran(await (await import('./commands/derive.js')).runDerive(dept, o, report));
    });
  p.command('import')
    .description('đưa kế hoạch có sẵn (.docx, .doc, .odt, .rtf, .pdf, .txt) vào tệp YAML (mặc định đặt cạnh tệp gốc)')
    .argument('<tệp...>', 'các tệp .docx, .doc, .odt, .rtf, .pdf hoặc .txt')
    .option('-o, --output <tệp.yaml>', 'tên tệp ra (khi chỉ có một tệp)')
    .option('--out-dir <thư mục>', 'thư mục ghi các tệp .yaml')
    .option('--force', 'ghi đè tệp .yaml đã có')
    .option('--ocr', 'nhận dạng chữ trên trang quét (PDF không có lớp chữ; cần gói tesseract-ocr-vie)')
    .addOption(format())
    .addOption(quiet('không in tóm tắt, không in cảnh báo'))
    .action(async (files: string[], o: import('./commands/import.js').ImportOptions & { quiet?: boolean }) => {
      start(o);
      ran(await (await import('./commands/import.js')).runImport(files, o, report));
    });
  p.command('lint')
    .description('kiểm tra quy tắc Nghị định 30 và chính tả tiếng Việt (chữ bị tách, không dấu, viết hoa, trích dẫn, viết tắt, ngày, dấu câu)')
    .argument('<tệp...>', 'các tệp kế hoạch .yaml')
    .option('--fix', 'sửa các lỗi sửa được ngay trong tệp, giữ nguyên chú thích và cách trình bày')
    .option('--strict', 'coi cảnh báo là lỗi (mã thoát 1)')
    .addOption(format())
    .addOption(quiet('chỉ in lỗi'))
    .action(async (files: string[], o: { fix?: boolean; strict?: boolean; quiet?: boolean }) => {
      start(o);
      ran(await (await import('./commands/lint.js')).runLint(files, o, report));
    });
  p.command('check')
    .description('kiểm tra toàn bộ: mọi kế hoạch, hồ sơ đơn vị và cặp derive trong các thư mục (mặc định examples/)')
    .argument('[đường-dẫn...]', 'các tệp hoặc thư mục')
    .addOption(format())
    .addOption(quiet('không hiện thanh tiến độ'))
    .action(async (paths: string[], o: { quiet?: boolean }) => {
      start(o);
      ran(await (await import('./commands/check.js')).runCheck(paths, report));
    });
  p.command('keys')
    .description('liệt kê mọi khóa của tệp kế hoạch (hoặc hồ sơ đơn vị): nghĩa và ví dụ, bằng tiếng Việt')
    .argument('[từ]', 'chỉ hiện các khóa có từ này (ví dụ: nguoi_ky, ngày)')
    .option('--unit', 'các khóa của hồ sơ đơn vị thay vì của kế hoạch')
    .action(async (find: string | undefined, o: { unit?: boolean }) => {
      ran((await import('./commands/keys.js')).runKeys(find, o, report));
    });
  p.command('xem')
    .alias('preview')
    .description('xem trước văn bản trong trình duyệt (chỉ trên máy này); trang tự cập nhật mỗi khi lưu tệp')
    .argument('<tệp>', 'tệp kế hoạch .yaml')
    .option('--template <thư mục>', 'thư mục mẫu câu .hbs thay cho mẫu có sẵn (cũng được theo dõi)')
    .option('--mo', 'mở trình duyệt của máy')
    .action(async (file: string, o: { template?: string; mo?: boolean }) => {
      ran(await (await import('./commands/xem.js')).runXem(file, o, io));
    });
  p.command('init')
    .description('tạo tệp kế hoạch mẫu có chú thích (không ghi đè tệp đã có)')
    .argument('[tệp]', 'tên tệp kế hoạch mới', 'ke-hoach.yaml')
    .option('--unit <hồ-sơ.yaml>', 'điền sẵn thông tin từ hồ sơ đơn vị')
    .option('--date <NĂM-THÁNG-NGÀY>', 'ngày dùng cho năm của kế hoạch (mặc định: hôm nay)')
    .option('--decision', 'kế hoạch ban hành kèm theo quyết định (trang quyết định trước, kế hoạch sau)')
    .action(async (file: string, o: { unit?: string; date?: string; decision?: boolean }) => {
      ran((await import('./commands/init.js')).runInit(file, o, report));
    });
  p.command('schema')
    .description('in JSON Schema của tệp kế hoạch (dùng cho trình soạn thảo)')
    .option('--unit', 'in JSON Schema của hồ sơ đơn vị thay vì của kế hoạch')
    .action(async (o: { unit?: boolean }) => {
      ran((await import('./commands/schema.js')).runSchema(o, report));
    });
  return p;
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const report = new Report(io, formatIn(argv), io === stdio && process.stderr.isTTY === true && !process.env.NO_COLOR);
  let code = 0;
  const cli = program(io, report, (c) => (code = c));
  const command = COMMANDS.includes(argv[0]) ? argv[0] : argv[0] === 'preview' ? 'xem' : undefined;
  // No signal handler here: during synchronous work the default action ends the process at once; a
  // handler stands by only while a temporary file exists (src/signals.ts, used by write/atomic.ts).
  try {
    if (argv.length === 0) cli.outputHelp(); // bare "kehoach": what it does and how
    else await cli.parseAsync(argv, { from: 'user' });
    return report.end(code);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || (e.code === 'commander.help' && e.exitCode === 0)) return 0;
      if (e.code === 'commander.help') {
        // "kehoach help xyz": commander shows the general help as an error; say what is wrong instead
        report.fail(`lệnh không có: ${argv[1]}. Các lệnh: ${COMMANDS.join(', ')}.`);
        return report.end(2);
      }
      report.fail(usageMessage(e, command));
      return report.end(2);
    }
    if (e instanceof UsageError) {
      report.fail(e.message);
      return report.end(2);
    }
    const { TemplateError } = await import('../model/template-error.js');
    if (e instanceof TemplateError) {
      report.add([{ file: e.file, line: e.line, column: e.column, severity: 'lỗi', rule: 'mau-cau', message: e.message }]);
      return report.end(2);
    }
    report.fail(`${e instanceof Error ? e.message : String(e)}. Hãy báo lỗi này kèm tệp kế hoạch.`, 'loi-noi-bo');
    return report.end(2);
  }
}
