// The command line: parses arguments, reads files, prints messages, returns the exit code.
// 0 ok (warnings allowed), 1 plan problems, 2 usage or system problems. Library code never exits.
import { Command, CommanderError, Option } from 'commander';
import { dirname } from 'node:path';
import { formatMessage, hasErrors, type Message, type Io } from '../messages.js';
import { checkBytes } from '../plan/validate.js';
import { cleanupTemps, ensureDir, isProfile, readInput, UsageError, writeAtomic } from './io.js';


const stdio: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

type Format = 'text' | 'json';

/** Colour only on a terminal, and never with NO_COLOR (no-color.org). */
const colour = (io: Io) => io === stdio && process.stderr.isTTY === true && !process.env.NO_COLOR;

function printMessages(io: Io, ms: Message[], format: Format, quiet: boolean): void {
  if (format === 'json') {
    io.out(JSON.stringify(ms, null, 2));
    return;
  }
  if (!ms.length) return; // and the output streams are never set up (a millisecond or two)
  const paint = colour(io);
  for (const m of ms) {
    if (quiet && m.severity !== 'lỗi') continue;
    const line = formatMessage(m);
    io.err(paint ? line.replace(`: ${m.severity}: `, `: ${m.severity === 'lỗi' ? '\x1b[31m' : '\x1b[33m'}${m.severity}\x1b[0m: `) : line);
  }
}

const USAGE_VI: Record<string, (e: CommanderError) => string> = {
  'commander.unknownOption': (e) => `tùy chọn không hợp lệ: ${e.message.replace(/^error: unknown option /, '')}. Xem "kehoach --help".`,
  'commander.unknownCommand': (e) => `lệnh không có: ${e.message.replace(/^error: unknown command /, '')}. Các lệnh: validate, render, derive, lint, check, init, schema.`,
  'commander.missingArgument': () => 'thiếu tên tệp. Ví dụ: kehoach render examples/01-hau-giang-tuyen-truyen-cchc.yaml',
  'commander.optionMissingArgument': (e) => `tùy chọn thiếu giá trị: ${e.message.replace(/^error: option /, '')}.`,
  'commander.invalidArgument': (e) => `giá trị không hợp lệ: ${e.message.replace(/^error: /, '')}.`,
  'commander.excessArguments': () => 'thừa tham số; xem "kehoach --help".',
  'commander.conflictingOption': (e) => `các tùy chọn không dùng cùng nhau: ${e.message.replace(/^error: /, '')}.`,
};

/** Folders the current command writes into: where a Ctrl-C looks for temporary files to remove. */
let outputDirs: string[] = [];

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  let code = 0;
  const program = new Command('kehoach')
    .description('Soạn Kế hoạch đúng thể thức Nghị định 30/2020/NĐ-CP: từ tệp YAML ra tệp .docx.')
    .helpOption('-h, --help', 'hiện hướng dẫn')
    .addHelpCommand(false)
    .version('0.1.0', '-V, --version', 'hiện phiên bản')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: () => {},
    });

  const formatOption = () => new Option('--format <kiểu>', 'kiểu thông báo: text hoặc json').choices(['text', 'json']).default('text');

  // Only the command asked for is set up (each costs a little at every start); all of them for
  // --help, --version and unknown commands.
  const commands: Record<string, () => void> = {
    validate: () =>
      program
        .command('validate')
        .description('kiểm tra các tệp kế hoạch (và hồ sơ đơn vị); báo mọi lỗi dạng TỆP:DÒNG:CỘT')
        .argument('<tệp...>', 'các tệp kế hoạch .yaml')
        .addOption(formatOption())
        .option('-q, --quiet', 'chỉ in lỗi, không in cảnh báo')
        .action(async (files: string[], o: { format: Format; quiet?: boolean }) => {
          const all: Message[] = [];
          for (const f of files) {
            const bytes = readInput(f);
            // a unit profile is validated as one (by its schema comment or its units/ folder)
            const head = Buffer.from(bytes.subarray(0, 200)).toString('utf8');
            if (isProfile(f, head)) {
              const { checkProfile } = await import('../plan/profile.js');
              all.push(...checkProfile(f, bytes).messages);
            } else all.push(...checkBytes(f, bytes).messages);
          }
          printMessages(io, all, o.format, !!o.quiet);
          code = hasErrors(all) ? 1 : 0;
        }),
    schema: () =>
      program
        .command('schema')
        .description('in JSON Schema của tệp kế hoạch (dùng cho trình soạn thảo)')
        .option('--unit', 'in JSON Schema của hồ sơ đơn vị thay vì của kế hoạch')
        .action(async (o: { unit?: boolean }) => {
          const { planJsonSchema, profileJsonSchema } = await import('../plan/json-schema.js');
          io.out(o.unit ? profileJsonSchema() : planJsonSchema());
        }),
    derive: () =>
      program
        .command('derive')
        .description('soạn kế hoạch của từng đơn vị từ kế hoạch cấp trên (mỗi hồ sơ đơn vị một tệp .yaml)')
        .argument('<kế-hoạch-cấp-trên>', 'tệp kế hoạch .yaml của cấp trên')
        .requiredOption('--unit <hồ-sơ.yaml...>', 'các tệp hồ sơ đơn vị')
        .option('-o, --output <tệp.yaml>', 'tên tệp ra (khi chỉ có một đơn vị)')
        .option('--out-dir <thư mục>', 'thư mục ghi kế hoạch các đơn vị (mặc định: thư mục của kế hoạch cấp trên)')
        .option('--date <NĂM-THÁNG-NGÀY>', 'ngày của kế hoạch đơn vị (mặc định để trống ngày, lấy tháng của kế hoạch cấp trên)')
        .option('--template <thư mục>', 'thư mục mẫu câu .hbs thay cho mẫu có sẵn')
        .addOption(formatOption())
        .option('-q, --quiet', 'không in tiến độ')
        .option('--force', 'ghi đè kế hoạch đơn vị đã có (mất các chỗ đã sửa tay)')
        .action(async (deptFile: string, o: { unit: string[]; output?: string; outDir?: string; date?: string; template?: string; format: Format; quiet?: boolean; force?: boolean }) => {
          if (o.output && o.outDir) throw new UsageError('dùng -o hoặc --out-dir, không dùng cả hai.');
          if (o.output && o.unit.length > 1) throw new UsageError('-o chỉ dùng với một hồ sơ đơn vị; nhiều đơn vị hãy dùng --out-dir.');
          const { runDerive } = await import('./commands/derive.js');
          const r = await runDerive(deptFile, o, io);
          printMessages(io, r.messages, o.format, !!o.quiet);
          code = r.code;
        }),
    render: () =>
      program
        .command('render')
        .description('tạo tệp .docx từ các tệp kế hoạch (mặc định đặt cạnh tệp .yaml)')
        .argument('<tệp...>', 'các tệp kế hoạch .yaml')
        .option('-o, --output <tệp.docx>', 'tên tệp .docx (khi chỉ có một tệp kế hoạch)')
        .option('--out-dir <thư mục>', 'thư mục ghi các tệp .docx')
        .option('--template <thư mục>', 'thư mục mẫu câu .hbs thay cho mẫu có sẵn (theo tên tệp)')
        .option('--dump-model', 'in mô hình văn bản (JSON) thay vì ghi .docx')
        .option('--pdf', 'tạo thêm tệp PDF cạnh tệp .docx (cần LibreOffice)')
        .addOption(formatOption())
        .option('-q, --quiet', 'không in tên tệp đã ghi')
        .action(async (files: string[], o: { output?: string; outDir?: string; template?: string; dumpModel?: boolean; pdf?: boolean; format: Format; quiet?: boolean }) => {
          if (o.output && o.outDir) throw new UsageError('dùng -o hoặc --out-dir, không dùng cả hai.');
          if (o.output && files.length > 1) throw new UsageError('-o chỉ dùng với một tệp kế hoạch; nhiều tệp hãy dùng --out-dir.');
          if (o.outDir) ensureDir(o.outDir);
          const pdf = o.pdf ? await import('../write/pdf.js') : undefined;
          if (pdf && !pdf.findSoffice()) pdf.toPdf([]); // fails with the package to install, before any work
          const { buildModel, loadTemplates } = await import('../write/index.js');
          const templates = loadTemplates(o.template); // a broken --template folder stops here, before any work
          const all: Message[] = [];
          if (o.dumpModel) {
            for (const f of files) {
              const checked = checkBytes(f, readInput(f));
              all.push(...checked.messages);
              if (checked.plan) io.out(JSON.stringify(buildModel(checked.plan, templates), null, 2));
            }
            printMessages(io, all, o.format, !!o.quiet);
            code = hasErrors(all) ? 1 : 0;
            return;
          }
          const batch = await import('./render-batch.js');
          const jobs = files.map((file) => ({ file, target: batch.targetFor(file, o) }));
          outputDirs = [...new Set(jobs.map((j) => dirname(j.target)))];
          const done = (r: import('./render-batch.js').JobResult) => {
            if (r.target && !o.quiet && o.format === 'text') io.err(`đã ghi ${r.target}`);
          };
          const results: import('./render-batch.js').JobResult[] = [];
          {
            for (const job of jobs) {
              // Let the event loop run between files, so Ctrl-C is handled between two whole writes.
              await new Promise((r) => setImmediate(r));
              let r: import('./render-batch.js').JobResult;
              try {
                r = await batch.renderOne(job, files, templates);
              } catch (e) {
                if (!(e instanceof UsageError)) throw e;
                r = { file: job.file, messages: [], rows: 0, usage: e.message };
              }
              done(r);
              results.push(r);
            }
          }
          const usage = results.filter((r) => r.usage).map((r) => r.usage!);
          for (const u of usage) io.err(`kehoach: lỗi: ${u}`);
          for (const r of results) all.push(...r.messages);
          const written = results.flatMap((r) => (r.target ? [r.target] : []));
          const longest = Math.max(0, ...results.map((r) => r.rows));
          if (pdf && written.length) {
            if (longest > 2000) io.err(`kehoach: cảnh báo: có phụ lục dài ${longest} hàng; LibreOffice có thể mất nhiều phút để tạo PDF.`);
            for (const p of pdf.toPdf(written)) if (!o.quiet && o.format === 'text') io.err(`đã ghi ${p}`);
          }
          printMessages(io, all, o.format, !!o.quiet);
          code = usage.length ? 2 : hasErrors(all) ? 1 : 0;
        }),
    lint: () =>
      program
        .command('lint')
        .description('kiểm tra quy tắc Nghị định 30 và chính tả tiếng Việt (chữ bị tách, không dấu, viết hoa, trích dẫn, viết tắt, ngày, dấu câu)')
        .argument('<tệp...>', 'các tệp kế hoạch .yaml')
        .option('--fix', 'sửa các lỗi sửa được ngay trong tệp, giữ nguyên chú thích và cách trình bày')
        .option('--strict', 'coi cảnh báo là lỗi (mã thoát 1)')
        .addOption(formatOption())
        .option('-q, --quiet', 'chỉ in lỗi')
        .action(async (files: string[], o: { fix?: boolean; strict?: boolean; format: Format; quiet?: boolean }) => {
          const { lintText } = await import('../lint/lint.js');
          const { decode } = await import('../read/source.js');
          const all: Message[] = [];
          for (const f of files) {
            const bytes = readInput(f);
            const checked = checkBytes(f, bytes);
            all.push(...checked.messages);
            const text = decode(f, bytes).text;
            if (text === undefined) continue;
            const r = lintText(f, text);
            if (o.fix && r.fixes > 0) {
              writeAtomic(f, Buffer.from(r.fixed, 'utf8'));
              if (!o.quiet && o.format === 'text') io.err(`đã sửa ${r.fixes} chỗ trong ${f}`);
              all.push(...lintText(f, r.fixed).messages); // what is left after the fixes
            } else all.push(...r.messages);
          }
          printMessages(io, all, o.format, !!o.quiet);
          code = hasErrors(all) || (o.strict && all.length > 0) ? 1 : 0;
        }),
    check: () =>
      program
        .command('check')
        .description('kiểm tra toàn bộ: mọi kế hoạch, hồ sơ đơn vị và cặp derive trong các thư mục (mặc định examples/)')
        .argument('[đường-dẫn...]', 'các tệp hoặc thư mục')
        .addOption(formatOption())
        .option('-q, --quiet', 'không hiện thanh tiến độ')
        .action(async (paths: string[], o: { format: Format; quiet?: boolean }) => {
          const { runCheck } = await import('./commands/check.js');
          code = await runCheck(paths, { quiet: o.quiet, json: o.format === 'json' }, io);
        }),
    init: () =>
      program
        .command('init')
        .description('tạo tệp kế hoạch mẫu có chú thích (không ghi đè tệp đã có)')
        .argument('[tệp]', 'tên tệp kế hoạch mới', 'ke-hoach.yaml')
        .option('--unit <hồ-sơ.yaml>', 'điền sẵn thông tin từ hồ sơ đơn vị')
        .option('--date <NĂM-THÁNG-NGÀY>', 'ngày dùng cho năm của kế hoạch (mặc định: hôm nay)')
        .action(async (file: string, o: { unit?: string; date?: string }) => {
          const { runInit } = await import('./commands/init.js');
          code = runInit(file, o, io);
        }),
  };
  const asked = argv[0];
  if (asked !== undefined && Object.hasOwn(commands, asked)) commands[asked]();
  else for (const add of Object.values(commands)) add();

  const onSignal = () => {
    cleanupTemps(outputDirs);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const vi = USAGE_VI[e.code];
      io.err(`kehoach: lỗi: ${vi ? vi(e) : e.message.replace(/^error: /, '')}`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`kehoach: lỗi: ${e.message}`);
      return 2;
    }
    const { TemplateError } = await import('../model/template-error.js');
    if (e instanceof TemplateError) {
      io.err(`${e.file}:${e.line}:${e.column}: lỗi: ${e.message} [mau-cau]`);
      return 2;
    }
    io.err(`kehoach: lỗi nội bộ: ${e instanceof Error ? e.message : String(e)}. Hãy báo lỗi này kèm tệp kế hoạch.`);
    return 2;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
