// Output safety and user templates: files are written whole or not at all; templates from --template
// can only do what the built-in ones can.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleFiles, kehoach, ROOT, unzip } from './helpers.js';

const BIN = join(ROOT, 'bin', 'kehoach.js');
const cli = kehoach;
const PLAN = exampleFiles()[0];

describe('output is written whole or not at all', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-out-'));

  it.each([
    ['a folder', () => dir, /là một thư mục/],
    ['a device (/dev/full)', () => '/dev/full', /không phải tệp thường/],
    ['a path through a file', () => join(PLAN, 'x.docx'), /không phải thư mục/],
    ['the input itself', () => PLAN, /trùng với tệp đầu vào/],
  ])('-o %s: exit 2 with a message', async (_, target, message) => {
    const r = await cli(['render', PLAN, '-o', target()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  // kehoach's own .docx given back to it (its output would be its input), or the department's PDF
  it('a document given for its plan: exit 2, told to import it', async () => {
    const docx = join(dir, 'ke-hoach.docx');
    expect((await cli(['render', PLAN, '-o', docx])).status).toBe(0);
    for (const doc of [docx, join(dir, 'cap-tren.pdf')]) {
      const r = await cli(['render', PLAN, doc]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`${doc}: đây là văn bản .${doc.split('.').pop()}, không phải tệp kế hoạch (.yaml) mà render đọc; muốn đưa văn bản này vào kehoach: kehoach import ${doc}`);
    }
  });

  it('a full disk: exit 2, the old file kept, no temporary file left', async () => {
    const mnt = join(dir, 'tiny');
    mkdirSync(mnt);
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mnt], { encoding: 'utf8' });
    expect(mount.status, `mount a 16 KB tmpfs (CI runs as root): ${mount.stderr}`).toBe(0);
    try {
      writeFileSync(join(mnt, 'ke-hoach.docx'), 'bản cũ');
      const r = await cli(['render', PLAN, '-o', join(mnt, 'ke-hoach.docx'), '--force']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/ổ đĩa đã đầy/);
      expect(readFileSync(join(mnt, 'ke-hoach.docx'), 'utf8')).toBe('bản cũ');
      expect(readdirSync(mnt)).toEqual(['ke-hoach.docx']);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('--out-dir is created when it does not exist yet', async () => {
    const out = join(dir, 'moi', 'sau');
    expect((await cli(['render', PLAN, '--out-dir', out])).status).toBe(0);
    expect(readdirSync(out)).toEqual(['01-hau-giang-tuyen-truyen-cchc.docx']);
    const through = await cli(['render', PLAN, '--out-dir', join(PLAN, 'x')]);
    expect(through.status).toBe(2);
    expect(through.stderr).not.toMatch(/\n\s+at /);
  });

  // (Node's own recursive mkdir never returns there: kehoach makes each folder in turn)
  it.runIf(existsSync('/proc/self'))('--out-dir under a file system that makes no folders (/proc): exit 2 with a message', async () => {
    const r = await cli(['render', PLAN, '--out-dir', '/proc/kehoach-khong-co/x']);
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('/proc/kehoach-khong-co/x: không tìm thấy tệp hoặc thư mục')]);
  });

  it('--out-dir is not made when nothing is written (an invalid plan, a missing input)', async () => {
    const bad = join(dir, 'hong.yaml');
    writeFileSync(bad, 'x: 1\n');
    expect((await cli(['render', bad, '--out-dir', join(dir, 'chua-co', 'sau')])).status).toBe(1);
    expect((await cli(['render', join(dir, 'khong-co.yaml'), '--out-dir', join(dir, 'chua-co-2')])).status).toBe(2);
    expect([existsSync(join(dir, 'chua-co')), existsSync(join(dir, 'chua-co-2'))]).toEqual([false, false]);
  });

  it('a PDF or a page beside the .docx that kehoach did not make (a PDF the unit received) is never written over without --force', async () => {
    const work = mkdtempSync(join(dir, 'pdf-'));
    const plan = join(work, 'kh.yaml');
    copyFileSync(PLAN, plan);
    writeFileSync(join(work, 'kh.pdf'), '%PDF-1.4 văn bản nhận được\n');
    writeFileSync(join(work, 'kh.html'), '<p>trang của tôi</p>');
    for (const flag of ['--pdf', '--html']) {
      const r = await cli(['render', plan, flag]);
      expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/đã có và không do "kehoach render" tạo/)]);
    }
    expect([readFileSync(join(work, 'kh.pdf'), 'utf8'), readFileSync(join(work, 'kh.html'), 'utf8'), existsSync(join(work, 'kh.docx'))]).toEqual(['%PDF-1.4 văn bản nhận được\n', '<p>trang của tôi</p>', false]);
    // a page kehoach made is replaced; and -o naming a PDF would put the PDF over the .docx: refused
    rmSync(join(work, 'kh.html'));
    expect((await cli(['render', plan, '--html'])).status).toBe(0);
    expect((await cli(['render', plan, '--html'])).status).toBe(0);
    const named = await cli(['render', plan, '-o', join(work, 'c.pdf'), '--pdf']);
    expect([named.status, named.stderr]).toEqual([2, expect.stringContaining('hãy đặt tên tệp .docx')]);
  });

  it('a batch of many plans in one call writes the same bytes as rendering one by one', async () => {
    const src = join(dir, 'lo-lon');
    mkdirSync(src);
    const files = Array.from({ length: 45 }, (_, i) => {
      const f = join(src, `k${String(i).padStart(2, '0')}.yaml`);
      copyFileSync(exampleFiles()[i % exampleFiles().length], f);
      return f;
    });
    const out = join(dir, 'lo-lon-ra');
    expect((await cli(['render', ...files, '--out-dir', out, '-q'])).status).toBe(0);
    expect(readdirSync(out).length).toBe(45);
    for (const i of [0, 4, 44]) {
      const one = join(dir, `mot-${i}.docx`);
      expect((await cli(['render', files[i], '-o', one, '-q'])).status).toBe(0);
      expect(Buffer.compare(readFileSync(one), readFileSync(join(out, `k${String(i).padStart(2, '0')}.docx`)))).toBe(0);
    }
  });

  it('an unwritable folder (a read-only disk): exit 2 with a message, nothing left behind', async () => {
    const mnt = join(dir, 'chi-doc');
    mkdirSync(mnt);
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=16k', 'tmpfs', mnt], { encoding: 'utf8' });
    expect(mount.status, `mount a read-only tmpfs (CI runs as root): ${mount.stderr}`).toBe(0);
    try {
      const r = await cli(['render', PLAN, '-o', join(mnt, 'ke-hoach.docx')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/chỉ cho phép đọc|không có quyền/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(mnt)).toEqual([]);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('an existing output kehoach wrote is replaced by the whole new file', async () => {
    const out = join(dir, 'thay.docx');
    expect((await cli(['render', exampleFiles()[1], '-o', out])).status).toBe(0);
    const before = readFileSync(out);
    expect((await cli(['render', PLAN, '-o', out])).status).toBe(0);
    expect(readFileSync(out).equals(before)).toBe(false);
    expect(unzip(readFileSync(out)).has('word/document.xml')).toBe(true);
  });

  it("the clerk's edits are never overwritten without --force (issue 17)", async () => {
    const out = join(dir, 'da-sua.docx');
    expect((await cli(['render', PLAN, '-o', out])).status).toBe(0);
    // an edit in Word: the same parts, a new zip (here: one byte of the archive changed)
    const edited = Buffer.from(readFileSync(out));
    edited[100] ^= 0xff;
    writeFileSync(out, edited);
    const r = await cli(['render', PLAN, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`kehoach: lỗi: ${out}: tệp đã được sửa sau khi kehoach tạo (có thể đã sửa tay trong Word); kehoach không ghi đè để giữ phần sửa. Hãy lưu phần sửa vào tệp kế hoạch, hoặc thêm --force để ghi đè.\n`);
    expect(readFileSync(out).equals(edited)).toBe(true);
    // a file kehoach did not write at all
    const other = join(dir, 'cua-nguoi-khac.docx');
    writeFileSync(other, 'tệp của người khác');
    expect((await cli(['render', PLAN, '-o', other])).stderr).toMatch(/không do kehoach tạo hoặc đã được mở rồi lưu lại bằng Word\/LibreOffice; kehoach không ghi đè/);
    expect(readFileSync(other, 'utf8')).toBe('tệp của người khác');
    // --force replaces it; re-rendering kehoach's own file needs no --force
    expect((await cli(['render', PLAN, '-o', out, '--force'])).status).toBe(0);
    expect((await cli(['render', PLAN, '-o', out])).status).toBe(0);
  });

  it('Ctrl-C during a batch leaves only complete files', async () => {
    const src = join(dir, 'lo');
    const out = join(dir, 'lo-ra');
    mkdirSync(src);
    mkdirSync(out);
    const files = Array.from({ length: 80 }, (_, i) => {
      const f = join(src, `ke-hoach-${String(i).padStart(2, '0')}.yaml`);
      copyFileSync(exampleFiles()[4], f);
      return f;
    });
    const child = spawn(process.execPath, [BIN, 'render', ...files, '--out-dir', out, '-q'], { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    while (readdirSync(out).filter((f) => f.endsWith('.docx')).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    const end = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    // ended by the signal itself, as a shell expects of an interrupted command (it shows exit status 130)
    expect(end).toEqual({ code: null, signal: 'SIGINT' });
    const left = readdirSync(out);
    expect(left.filter((f) => !f.endsWith('.docx')), 'no temporary files').toEqual([]);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(files.length);
    for (const f of left) expect(unzip(readFileSync(join(out, f))).has('word/document.xml'), f).toBe(true);
  });
});

describe('--template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-tpl-'));
  const withTemplate = (name: string, body: string) => {
    const d = mkdtempSync(join(dir, 't-'));
    writeFileSync(join(d, name), body);
    return d;
  };
  const render = (tplDir: string) => cli(['render', PLAN, '-o', join(tplDir, 'ra.docx'), '--template', tplDir]);

  it('overrides one template by file name; the others stay built-in', async () => {
    const d = withTemplate('so-ky-hieu.hbs', 'Số hiệu: {{so_van_ban so}}/{{ky_hieu}}');
    const r = await render(d);
    expect(r.status, r.stderr).toBe(0);
    const xml = unzip(readFileSync(join(d, 'ra.docx'))).get('word/document.xml')!;
    expect(xml).toContain('Số hiệu: 181/KH-SYT');
    expect(xml).toContain('Hậu Giang, ngày 23 tháng 01 năm 2019');
  });
  it.each([
    ['a variable that does not exist', 'dia-danh-ngay.hbs', '{{dia_danh}},\n{{ngay_ky}}', /dia-danh-ngay\.hbs:2:\d+: lỗi: .*ngay_ky/],
    ['a syntax error', 'luu.hbs', 'Lưu:\n{{#each luu}}{{this}}', /luu\.hbs:2:\d+: lỗi: mẫu câu sai cú pháp Handlebars: một khối \{\{#…\}\} chưa đóng/],
    ['a helper that is not known', 'ten-loai.hbs', '{{lookup_file "/etc/passwd"}}', /ten-loai\.hbs:1:\d+: lỗi: .*hàm trợ giúp/],
    ['a partial', 'ten-loai.hbs', '{{> ../../etc/passwd}}', /ten-loai\.hbs:\d+:\d+: lỗi: /],
    ['prototype access', 'ten-loai.hbs', '{{constructor.name}}', /ten-loai\.hbs:1:\d+: lỗi: /],
  ])('%s: exit 2 naming the template file and line', async (_, name, body, message) => {
    const d = withTemplate(name, body);
    const r = await render(d);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(d, 'ra.docx'))).toBe(false);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Handlebars' own English never reaches the clerk (issue 17 item 3)
    expect(r.stderr).not.toMatch(/Parse error|Expecting|helper named|not defined|partial could not/i);
  });
  it('a file that is not one of the templates is refused', async () => {
    const r = await render(withTemplate('khong-co.hbs', 'x'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/không có mẫu câu tên "khong-co"/);
  });
});
