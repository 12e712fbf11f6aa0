// `kehoach derive`: reads the department plan (its YAML, or the document it arrived as, read as `import`
// reads one) and the unit profiles, calls the pure derive(), checks that each result is a valid plan, and
// writes it. One unit's problem never stops the others.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { hasErrors, type Message, type Severity } from '../../messages.js';
import { checkBytes, checkText, locator, type Checked } from '../../plan/validate.js';
import { derive, type Problem } from '../../derive/derive.js';
import { dateParts, isRealDate } from '../../text/dates.js';
import { checkProfile, profileNotices } from '../../plan/profile.js';
import { derivedYaml } from '../../derive/write-yaml.js';
import { parentSo, provenanceLine, provenanceOf, schemaRefFor } from '../../derive/provenance.js';
import { loadTemplates, type Templates } from '../../model/templates.js';
import { decode } from '../../read/source.js';
import { loadCalendar, type Calendar } from '../../text/calendar.js';
import { CannotRead, UsageError } from '../../errors.js';
import { planSchemaFrom } from '../../install.js';
import { kindOf } from '../../import/kinds.js';
import { readInput } from '../../read/input.js';
import { checkOutputOptions, prepareTargets, targetFor, writeOut } from '../targets.js';
import { progress, type Report } from '../report.js';


export interface DeriveOptions {
  unit: string[];
  output?: string;
  outDir?: string;
  date?: string;
  template?: string;
  force?: boolean;
  /** A scanned department plan: recognise its pages (as `import --ocr`). */
  ocr?: boolean;
}

/** The department plan as derive reads it: checked, with its YAML text; `from` names the document it was imported from. */
interface Parent extends Checked {
  text?: string;
  from?: { kind: string; guesses: string[] };
}

const DOCUMENT_NAME = { docx: 'Word', doc: 'Word', pdf: 'PDF', txt: 'văn bản' } as const;

/**
 * The department plan: a .yaml file, or the document it arrived as (.pdf, .docx, .doc, .odt, .rtf, .txt),
 * brought into YAML in memory exactly as `kehoach import` would write it beside the document. Nothing is
 * written for it: an imported plan that is not valid yet is the clerk's to import, read and mend first.
 */
async function readParent(deptFile: string, o: DeriveOptions): Promise<Parent> {
  const kind = kindOf(deptFile);
  if (!kind) {
    const bytes = readInput(deptFile);
    const dept = checkBytes(deptFile, bytes);
    return { ...dept, text: dept.plan && decode(deptFile, bytes).text };
  }
  const { importDocument, readSource } = await import('../../import/index.js');
  const at = (rule: string, message: string): Parent => ({ messages: [{ file: deptFile, line: 1, column: 1, severity: 'lỗi', rule, message }] });
  let r: Awaited<ReturnType<typeof importDocument>>;
  try {
    r = await importDocument(basename(deptFile), readSource(deptFile, kind), kind, planSchemaFrom(dirname(deptFile)), { ocr: o.ocr });
  } catch (e) {
    if (!(e instanceof CannotRead)) throw e;
    return at('khong-doc-duoc', e.message);
  }
  const dept = checkText(deptFile, r.yaml);
  const yamlName = targetFor(deptFile, {}, '.yaml'); // where import would write it
  if (!dept.plan) {
    const errors = dept.messages.filter((m) => m.severity === 'lỗi');
    const shown = errors.slice(0, 3).map((m) => `dòng ${m.line}: ${m.message}`).join('; ');
    return at(
      'cap-tren-chua-hop-le',
      `đọc kế hoạch cấp trên từ tệp ${DOCUMENT_NAME[kind]} này (như kehoach import) được bản YAML còn ${errors.length} lỗi (${shown}${errors.length > 3 ? '; …' : ''}), nên chưa soạn được. Hãy đưa vào trước: kehoach import ${deptFile} (ra ${yamlName}), sửa các lỗi kehoach validate báo, rồi kehoach derive ${yamlName} --unit ….`,
    );
  }
  return { ...dept, text: r.yaml, from: { kind: DOCUMENT_NAME[kind], guesses: r.guesses } };
}

/** What became of one unit: its plan written, left as it was (the file exists), or not derived. */
type Outcome = { written: string } | { skipped: string } | { failed: string };

/** Derives each unit's plan; the report gets, once all are done, one line per unit, a summary and the problems. */
export async function runDerive(deptFile: string, o: DeriveOptions, report: Report): Promise<number> {
  const r = await deriveUnits(deptFile, o, process.stderr.isTTY && !report.quiet && !report.json);
  if (r.from) {
    report.note(`đọc kế hoạch cấp trên từ tệp ${r.from.kind} ${deptFile} như kehoach import; muốn xem hay sửa bản YAML của nó: kehoach import ${deptFile}`);
    for (const g of r.from.guesses) report.note(`  đoán: ${g}`);
  }
  // a unit left unwritten is a reason for exit 2, told even with -q
  for (const u of r.outcomes) {
    if ('written' in u) report.wrote(u.written);
    else if ('skipped' in u) report.fail(u.skipped);
    else report.note(u.failed);
  }
  const count = (k: string) => r.outcomes.filter((u) => k in u).length;
  if (r.outcomes.length > 1 || count('skipped') || count('failed')) {
    report.note(`Tổng cộng ${o.unit.length} đơn vị: đã ghi ${count('written')}, bỏ qua ${count('skipped')}, lỗi ${count('failed')}.`);
  }
  report.add(r.messages);
  return r.code;
}

/** The work of derive, told to no one: `check` derives each pair it finds this way. */
export async function deriveUnits(deptFile: string, o: DeriveOptions, showProgress = false): Promise<{ code: number; messages: Message[]; outcomes: Outcome[]; from?: Parent['from'] }> {
  if (o.date !== undefined && dateParts(o.date).day === undefined) throw new UsageError(`--date ${o.date}: cần dạng NĂM-THÁNG-NGÀY, ví dụ 2022-02-15.`);
  const year = o.date !== undefined ? dateParts(o.date).year : undefined;
  if (year !== undefined && (year < 1900 || year > 2200)) throw new UsageError(`--date ${o.date}: năm ${year} ngoài khoảng 1900–2200 mà kehoach tính ngày làm việc; hãy kiểm tra năm.`);
  if (o.date !== undefined && !isRealDate(o.date)) throw new UsageError(`--date ${o.date}: không có ngày này trong lịch; hãy kiểm tra ngày và tháng.`);
  checkOutputOptions(o, o.unit.length, 'hồ sơ đơn vị');
  // each unit's plan is named after its profile, beside the department plan
  const targets = prepareTargets(o.unit, o, '.yaml', dirname(deptFile), [deptFile]);
  const messages: Message[] = [];
  const dept = await readParent(deptFile, o);
  // an imported parent's own warnings are import's to tell (they point into a YAML not written)
  messages.push(...(dept.from ? dept.messages.filter((m) => m.severity === 'lỗi') : dept.messages));
  if (!dept.plan) return { code: 1, messages, outcomes: [] };
  const parentDate = dept.plan.ngay;
  if (o.date !== undefined && parentDate && o.date.slice(0, parentDate.length) < parentDate) {
    throw new UsageError(`--date ${o.date}: trước ngày ban hành của kế hoạch cấp trên (${parentDate}); kế hoạch của đơn vị ban hành sau kế hoạch cấp trên.`);
  }
  const deptText = dept.text!;
  let deptAt: ReturnType<typeof locator> | undefined; // positions in the department plan, parsed on first need

  const wording = wordingOf(loadTemplates(o.template));
  // One calendar for the run (each year computed once); a profile with its own days off gets its own.
  let shared: Calendar | undefined;
  const calendarOf = (extra: Calendar['notices'] | undefined) => (extra && Object.keys(extra).length ? loadCalendar(extra) : (shared ??= loadCalendar()));
  // one outcome per unit, told once all are done (a terminal shows a bar meanwhile)
  const outcomes: Outcome[] = [];
  for (const [i, unitFile] of o.unit.entries()) {
    await new Promise((r) => setImmediate(r)); // Ctrl-C is handled between units
    if (showProgress) progress(i, o.unit.length, basename(unitFile));
    const out = targets[i];
    // a profile that cannot be read (missing, a folder) is that unit's problem: the others are still derived
    let unitBytes: Uint8Array;
    try {
      unitBytes = readInput(unitFile);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      outcomes.push({ skipped: `bỏ qua ${unitFile}: ${e.message.replace(/^.*?: /u, '')}` });
      continue;
    }
    const u = checkProfile(unitFile, unitBytes);
    messages.push(...u.messages);
    if (!u.profile) {
      outcomes.push({ failed: `lỗi ${unitFile}: hồ sơ đơn vị không hợp lệ, không soạn.` });
      continue;
    }
    const d = derive(dept.input!, dept.plan, u.profile, { date: o.date, wording, calendar: calendarOf(profileNotices(u.profile.ngay_nghi)) });
    const located = (ps: Problem[], severity: Severity) => {
      // each file parsed once for positions, whatever the number of problems in it
      deptAt ??= locator(deptFile, deptText);
      const at = { 'ke-hoach': deptAt, 'ho-so': locator(unitFile, decode(unitFile, unitBytes).text!) };
      for (const p of ps) {
        // a place in a document's imported YAML is nowhere the clerk can open: the document itself, and how to mend it
        const imported = p.in === 'ke-hoach' && dept.from;
        const pos = imported ? { line: 1, column: 1 } : at[p.in](p.path);
        const message = imported && severity === 'lỗi' ? `${p.message} (kế hoạch cấp trên là tệp ${dept.from!.kind}: đưa vào bằng kehoach import ${deptFile}, sửa ở tệp .yaml, rồi soạn từ tệp ấy)` : p.message;
        messages.push({ file: p.in === 'ke-hoach' ? deptFile : unitFile, line: pos.line, column: pos.column, severity, rule: p.rule, message });
      }
    };
    if ('problems' in d) {
      located(d.problems, 'lỗi');
      outcomes.push({ failed: `lỗi ${unitFile}: không soạn được (xem các lỗi bên dưới).` });
      continue;
    }
    located(d.warnings, 'cảnh báo');
    const schemaRef = schemaRefFor(deptText, dirname(realpathSync(deptFile)), dirname(out));
    const from = provenanceOf(parentSo(dept.plan), dept.input, u.profile);
    const yaml = `# yaml-language-server: $schema=${schemaRef}\n` + derivedYaml(d, [
      `Kế hoạch của ${u.profile.ten}, soạn bằng "kehoach derive" từ ${basename(deptFile)}`,
      `và hồ sơ đơn vị ${basename(unitFile)}. Hãy đọc lại các phần có ghi "từ mục ...",`,
      'sửa các câu có ghi "CẦN SỬA" (còn là lời của cấp trên) trước khi trình ký.',
      'Dòng dưới ghi kế hoạch cấp trên và hồ sơ đã dùng, để "kehoach check" báo khi chúng thay đổi; đừng sửa dòng đó.',
      provenanceLine(from),
    ]);
    const again = checkText(out, yaml);
    if (!again.plan) {
      messages.push(...again.messages.map((m) => ({ ...m, message: `kế hoạch soạn ra không hợp lệ (lỗi của kehoach, hãy báo lại): ${m.message}` })));
      outcomes.push({ failed: `lỗi ${unitFile}: kế hoạch soạn ra không hợp lệ.` });
      continue;
    }
    // A derived plan the clerk may have edited is never replaced without --force.
    if (!o.force && existsSync(out)) {
      outcomes.push({ skipped: `bỏ qua ${out}: tệp đã có (có thể đã được sửa); không ghi đè. Muốn soạn lại thì thêm --force, hoặc ghi ra tệp khác (-o, --out-dir).` });
      continue;
    }
    writeOut(o, out, Buffer.from(yaml, 'utf8'), [deptFile, ...o.unit]);
    outcomes.push({ written: out });
  }
  if (showProgress) progress(o.unit.length, o.unit.length);
  const code = outcomes.some((u) => 'skipped' in u) ? 2 : outcomes.some((u) => 'failed' in u) || hasErrors(messages) ? 1 : 0;
  return { code, messages, outcomes, from: dept.from };
}

/** The wording derive() gets, from the templates (mo-dau-, ket-thuc-, to-chuc-trien-khai, bao-cao-don-vi). */
export const wordingOf = (t: Templates) => ({
  opening: (c: object) => t['mo-dau-trien-khai'](c),
  closing: (c: object) => t['ket-thuc-trien-khai'](c),
  report: (c: object) => t['bao-cao-don-vi'](c),
  duty: (c: object) => t['to-chuc-trien-khai'](c),
});
