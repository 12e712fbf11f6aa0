// `kehoach render`: each plan to a .docx (and a PDF with --pdf), one after another, each file written
// whole or not at all. A plan with errors is reported and the others still render.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { hasErrors, type Message } from '../../messages.js';
import { checkBytes } from '../../plan/validate.js';
import { withLayoutWarnings } from '../../model/header-fit.js';
import { UsageError } from '../../errors.js';
import { readInput } from '../../read/input.js';
import { checkOutputOptions, prepareTargets, writeOut } from '../targets.js';
import type { Report } from '../report.js';
import { eachInput } from './validate.js';
import { kindOf } from '../../import/kinds.js';

export interface RenderOptions {
  output?: string;
  outDir?: string;
  template?: string;
  dumpModel?: boolean;
  pdf?: boolean;
  /** Also the page as HTML beside the .docx, from the same document model. */
  html?: boolean;
  /** Replace a .docx that was changed after kehoach wrote it (the clerk's edits in Word are lost). */
  force?: boolean;
}

/**
 * A clerk often fixes the .docx by hand after rendering: a .docx that is not exactly what kehoach wrote
 * (its seal, see write/zip.ts) is never replaced without --force. Checked for every target before any
 * is written.
 */
async function refuseEdited(targets: readonly string[], inputs: readonly string[], o: RenderOptions): Promise<void> {
  const { isOurPdf, sealOf } = await import('../../write/zip.js');
  const html = o.html ? await import('../../write/html.js') : undefined;
  const given = new Set(inputs.map((f) => resolve(f)));
  const existing = (t: string): Buffer | undefined => {
    try {
      // (a folder or a device: writeAtomic says what is wrong)
      return statSync(t).isFile() ? readFileSync(t) : undefined;
    } catch {
      return undefined; // not there yet
    }
  };
  // each existing .docx target read and its seal computed once, for its PDF's check and its own
  const seals = targets.map((t) => {
    const bytes = given.has(resolve(t)) ? undefined : existing(t);
    return bytes && sealOf(bytes);
  });
  // the PDF and the page beside each .docx: one kehoach made, or none (a PDF a unit received is kept). One made
  // before kehoach marked its PDFs: LibreOffice's PDF beside kehoach's own unchanged .docx
  for (const [i, t] of targets.entries()) {
    const besideOurs = seals[i] === 'ours';
    for (const [other, ours, what] of [
      ...(o.pdf ? [[pdfTargetFor(t), (b: Buffer) => isOurPdf(b, besideOurs), 'PDF']] : []),
      ...(html ? [[html.htmlTargetFor(t), (b: Buffer) => html.isOurHtml(b.toString('utf8')), 'trang HTML']] : []),
    ] as [string, (b: Buffer) => boolean, string][]) {
      if (given.has(resolve(other))) continue;
      const bytes = existing(other);
      if (bytes && !ours(bytes)) throw new UsageError(`${other}: ${what} đã có và không do "kehoach render" tạo (có thể là văn bản nhận được); kehoach không ghi đè. Hãy ghi ra chỗ khác (-o, --out-dir), hoặc thêm --force để ghi đè.`);
    }
  }
  for (const [i, t] of targets.entries()) {
    // (none: not there yet, a folder, or an input, which writeAtomic refuses to write over, and says so)
    const seal = seals[i];
    if (seal === 'changed') throw new UsageError(`${t}: tệp đã được sửa sau khi kehoach tạo (có thể đã sửa tay trong Word); kehoach không ghi đè để giữ phần sửa. Hãy lưu phần sửa vào tệp kế hoạch, hoặc thêm --force để ghi đè.`);
    // (a file kehoach made, opened and saved again in Word or LibreOffice, has lost the seal: this is said too)
    if (seal === 'other') throw new UsageError(`${t}: tệp đã có, không do kehoach tạo hoặc đã được mở rồi lưu lại bằng Word/LibreOffice; kehoach không ghi đè để giữ nội dung của nó. Hãy chọn tên khác (-o), hoặc thêm --force để ghi đè (mọi chỗ sửa trong tệp cũ sẽ mất).`);
  }
}

/** The PDF written beside a .docx. */
const pdfTargetFor = (docx: string): string => join(dirname(docx), basename(docx, extname(docx)) + '.pdf');

export async function runRender(files: string[], o: RenderOptions, report: Report): Promise<number> {
  checkOutputOptions(o, files.length, 'tệp kế hoạch');
  // a document given for its plan (kehoach's own .docx, the department's PDF): what to run instead, before
  // "the output is the input" or a binary file's message hides it
  const document = files.find((f) => (kindOf(f) ?? 'txt') !== 'txt');
  if (document) throw new UsageError(`${document}: đây là văn bản ${extname(document)}, không phải tệp kế hoạch (.yaml) mà render đọc; muốn đưa văn bản này vào kehoach: kehoach import ${document} (ra tệp .yaml), rồi kehoach render tệp .yaml đó.`);
  const targets = o.dumpModel ? [] : prepareTargets(files, o, '.docx');
  // "-o ke-hoach.pdf --pdf" would write the PDF over the .docx just written
  const named = o.output && /\.(pdf|html?|ya?ml|doc|odt)$/iu.exec(o.output);
  if (named) throw new UsageError(`-o ${o.output}: tệp kehoach render ghi là tệp Word; hãy đặt tên tệp .docx (PDF và trang HTML được ghi cạnh nó, cùng tên).`);
  if (!o.dumpModel && !o.force) await refuseEdited(targets, files, o);
  const pdf = o.pdf && !o.dumpModel ? await import('../../write/pdf.js') : undefined;
  pdf?.needSoffice(); // fails with the package to install, before any work
  const { buildModel, loadTemplates, renderModel } = await import('../../write/index.js');
  const templates = loadTemplates(o.template); // a broken --template folder stops here, before any work
  let errors = false;
  const add = (ms: readonly Message[]) => {
    report.add(ms);
    if (hasErrors(ms)) errors = true;
  };

  if (o.dumpModel) {
    // one JSON array, one model per input in order; nothing unless every plan is valid
    const models: unknown[] = [];
    const unreadable = await eachInput(files, report, (f, bytes) => {
      const checked = withLayoutWarnings(f, bytes, checkBytes(f, bytes));
      add(checked.messages);
      if (checked.plan) models.push(buildModel(checked.plan, templates));
    });
    const code = unreadable ? 2 : errors ? 1 : 0;
    if (code) return code;
    report.data.models = models;
    report.print(JSON.stringify(models, null, 2));
    return 0;
  }

  const written: string[] = [];
  let failed = false;
  let longest = 0;
  for (const [i, file] of files.entries()) {
    // Let the event loop run between files, so Ctrl-C is handled between two whole writes.
    await new Promise((r) => setImmediate(r));
    try {
      const bytes = readInput(file);
      const checked = withLayoutWarnings(file, bytes, checkBytes(file, bytes));
      add(checked.messages);
      if (!checked.plan) continue;
      const target = targets[i];
      const model = buildModel(checked.plan, templates);
      writeOut(o, target, await renderModel(model, checked.plan.ngay), files);
      written.push(target);
      report.wrote(target);
      if (o.html) {
        const { htmlTargetFor, renderHtml } = await import('../../write/html.js');
        writeOut(o, htmlTargetFor(target), Buffer.from(renderHtml(model), 'utf8'), files);
        report.wrote(htmlTargetFor(target));
      }
      longest = Math.max(longest, ...checked.plan.phu_luc.map((a) => a.hang.length));
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      report.fail(e.message);
      failed = true;
    }
  }
  if (pdf && written.length) {
    if (longest > 2000) report.note(`kehoach: cảnh báo: có phụ lục dài ${longest} hàng; LibreOffice có thể mất nhiều phút để tạo PDF.`);
    const pdfs = pdf.toPdf(written);
    for (const [i, docx] of written.entries()) {
      const target = pdfTargetFor(docx);
      writeOut(o, target, pdfs[i], files);
      report.wrote(target);
    }
  }
  return failed ? 2 : errors ? 1 : 0;
}
