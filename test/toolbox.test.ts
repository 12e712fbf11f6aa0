// check, init and render --pdf, run as a clerk and CI run them.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { exampleFiles, kehoach, ROOT } from './helpers.js';
import { xmlProblem } from '../src/cli/commands/check.js';

const BIN = join(ROOT, 'bin', 'kehoach.js');
const cli = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, cwd: ROOT, env });

describe('kehoach check', () => {
  it('over examples/: one line per file and "N đạt, 0 lỗi"', () => {
    const r = cli(['check']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^(\d+) đạt, 0 lỗi$/);
    const n = Number(/^(\d+)/.exec(lines[lines.length - 1])![1]);
    expect(n).toBe(lines.length - 1);
    // 5 examples, 4 derived plans, 4 unit profiles, 4 department/unit pairs
    expect(n).toBeGreaterThanOrEqual(17);
    expect(r.stdout).toMatch(/^đạt  derive: /m);
    expect(r.stderr).not.toMatch(/\r|\x1b\[/); // no progress bar off a terminal
  });

  it('a folder with one broken plan: "1 lỗi" with the reason, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-check-'));
    copyFileSync(exampleFiles()[0], join(dir, 'tot.yaml'));
    writeFileSync(join(dir, 'hong.yaml'), readFileSync(exampleFiles()[1], 'utf8').replace('ngay: 2022-02', 'ngay: 2022-02-30'));
    const r = await kehoach(['check', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^LỖI  kế hoạch: .*hong\.yaml$/m);
    expect(r.stdout).toMatch(/hong\.yaml:\d+:\d+: lỗi: ngay: ngày 2022-02-30 không có trên lịch/);
    expect(r.stdout.trim().split('\n').pop()).toBe('1 đạt, 1 lỗi');
  });

  it('--format json', async () => {
    const r = await kehoach(['check', '--format', 'json', exampleFiles()[0]]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ passed: 1, failed: 0 });
  });

  it('the well-formedness check used on every part can fail', () => {
    expect(xmlProblem('<a><b></a>')).toMatch(/không khớp/);
    expect(xmlProblem('<a x="1">&nbsp;</a>')).toMatch(/thực thể/);
    expect(xmlProblem('<a>')).toMatch(/không được đóng/);
    expect(xmlProblem('<?xml version="1.0"?><a x="&amp;"><b/>&#x41;</a>')).toBeUndefined();
  });
});

describe('kehoach init', () => {
  it('then validate exits 0, with and without a unit profile; it never overwrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-init-'));
    const a = join(dir, 'ke-hoach.yaml');
    expect((await kehoach(['init', a])).status).toBe(0);
    expect(readFileSync(a, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/plan\.schema\.json$/);
    expect((await kehoach(['validate', a])).status).toBe(0);
    const b = join(dir, 'don-vi.yaml');
    const unit = join(ROOT, 'examples', 'derive', 'hau-giang', 'units', 'ttyt-chau-thanh-a.yaml');
    expect((await kehoach(['init', b, '--unit', unit])).status).toBe(0);
    const text = readFileSync(b, 'utf8');
    expect(text).toContain('ten_co_quan: "Trung tâm Y tế huyện Châu Thành A"');
    expect(text).toContain('"Sở Y tế Hậu Giang (báo cáo)"');
    expect((await kehoach(['validate', b])).status).toBe(0);
    const again = await kehoach(['init', b]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/không ghi đè/);
    expect(readFileSync(b, 'utf8')).toBe(text);
  });
});

describe('kehoach render --pdf', () => {
  it('writes the PDF beside each .docx with one LibreOffice start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-pdf-'));
    const r = cli(['render', ...exampleFiles().slice(0, 2), '--out-dir', dir, '--pdf']);
    expect(r.status, r.stderr).toBe(0);
    const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBe(2);
    for (const p of pdfs) expect(execFileSync('pdfinfo', [join(dir, p)], { encoding: 'utf8' })).toMatch(/A4/);
  });
  it('without LibreOffice: names the Debian package, exit 2, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-nopdf-'));
    mkdirSync(join(dir, 'ra'));
    const r = cli(['render', exampleFiles()[0], '--out-dir', join(dir, 'ra'), '--pdf'], { ...process.env, PATH: join(dir, 'khong-co') });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/libreoffice-writer-nogui/);
    expect(readdirSync(join(dir, 'ra'))).toEqual([]);
  });
});

// Under a pseudo-terminal (util-linux `script`): what a clerk sees at a terminal.
describe('on a terminal', () => {
  // the caller's own NO_COLOR (a developer's shell) is not the terminal under test
  const { NO_COLOR: _, ...inherited } = process.env;
  const tty = (cmd: string, env: Record<string, string> = {}) =>
    spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', cwd: ROOT, timeout: 120_000, env: { ...inherited, ...env } });
  const bin = `${process.execPath} ${BIN}`;

  it('check shows a progress bar', () => {
    // two plans are enough for a bar (the whole of examples/ is checked above)
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-tty-'));
    for (const f of exampleFiles().slice(0, 2)) copyFileSync(f, join(dir, basename(f)));
    const r = tty(`${bin} check ${dir}`);
    expect(r.stdout).toMatch(/\r\[#+-*\] \d+\/\d+/);
    expect(r.stdout).toMatch(/\d+ đạt, 0 lỗi/);
  });
  it('derive shows progress', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-tty-'));
    const c = join(ROOT, 'examples', 'derive', 'hau-giang');
    const r = tty(`${bin} derive ${c}/ke-hoach-so-y-te.yaml --unit ${c}/units/bvdk-tinh.yaml ${c}/units/ttyt-chau-thanh-a.yaml --out-dir ${dir}`);
    // a bar while it works, then one line per unit and a summary
    expect(r.stdout).toMatch(/\r\[-+\] 0\/2 bvdk-tinh\.yaml/);
    expect(r.stdout).toMatch(/\r\[#+-+\] 1\/2 ttyt-chau-thanh-a\.yaml/);
    expect(r.stdout).toMatch(/đã ghi .*bvdk-tinh\.yaml\r?\n.*đã ghi .*ttyt-chau-thanh-a\.yaml/);
    expect(r.stdout).toMatch(/Tổng cộng 2 đơn vị: đã ghi 2, bỏ qua 0, lỗi 0\./);
  });
  it('messages are coloured, but never with NO_COLOR', () => {
    const bad = join(ROOT, 'test', 'invalid', 'ba-loi.yaml');
    expect(tty(`${bin} validate ${bad}`).stdout).toContain('\x1b[31mlỗi\x1b[0m');
    const plain = tty(`${bin} validate ${bad}`, { NO_COLOR: '1' }).stdout;
    expect(plain).toContain(': lỗi: ');
    expect(plain).not.toContain('\x1b[');
  });
});
