// Issue 13 as an attacker and an unlucky user would try it: no write outside the file asked for, no
// stall, a signal ends the process in every phase, lint --fix changes only the characters it fixes,
// nothing a user typed reaches the terminal as a control sequence, each mistake gets its own message.
// Where permissions matter the CLI runs as "nobody" (CI runs as root, who may write anything).
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printable } from '../src/messages.js';
import { deriveCases, exampleFiles, kehoach, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'kehoach.js');
const NODE = process.execPath;
// SIGKILL at the timeout: a process stuck on a FIFO may ignore SIGTERM, and spawnSync would wait for it forever
const cli = (args: string[], cwd?: string) => spawnSync(NODE, [BIN, ...args], { encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL', cwd });
const PLAN = exampleFiles()[0];
const noStack = (r: { stderr: string }) => expect(r.stderr).not.toMatch(/\n\s+at |lỗi nội bộ|lỗi của kehoach/);

/** A fresh folder; `nobody` owns it when the tests run as root, so the CLI can run as that user in it. */
function folder(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `kehoach-${prefix}-`));
  if (process.getuid?.() === 0) chownSync(d, NOBODY.uid, NOBODY.gid);
  return d;
}

const NOBODY = (() => {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
})();

/** The CLI as a normal user: itself when the tests already run as one, else dropped to nobody. */
function asUser(args: string[], cwd: string): SpawnSyncReturns<string> {
  if (process.getuid?.() !== 0) return cli(args, cwd);
  const r = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', NODE, BIN, ...args], { encoding: 'utf8', timeout: 30_000, cwd });
  expect(r.error, 'setpriv is needed to run these checks as a normal user (util-linux)').toBeUndefined();
  return r;
}

/** Write a file (or make a folder when text is undefined) owned by the user asUser() runs as. */
function own(path: string, text?: string): string {
  if (text === undefined) mkdirSync(path);
  else writeFileSync(path, text);
  if (process.getuid?.() === 0) chownSync(path, NOBODY.uid, NOBODY.gid);
  return path;
}

describe('a link planted under the old temporary name (.NAME.tmp-PID) is never followed', () => {
  // `exec` keeps the shell's process id, so the link waits under exactly the name the old code used.
  const planted = (dir: string, name: string, args: string[]) =>
    spawnSync('sh', ['-c', `ln -s ../victim.txt "${dir}/.${name}.tmp-$$" && exec "$0" "$@"`, NODE, BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
  const derive = deriveCases()[0];
  const cases: [string, (d: string) => { name: string; args: string[] }][] = [
    ['render -o', (d) => ({ name: 'o.docx', args: ['render', PLAN, '-o', join(d, 'o.docx')] })],
    ['derive -o', (d) => ({ name: 'o.yaml', args: ['derive', derive.dept, '--unit', derive.units[0], '-o', join(d, 'o.yaml')] })],
    ['init', (d) => ({ name: 'ke-hoach.yaml', args: ['init', join(d, 'ke-hoach.yaml')] })],
    [
      'lint --fix',
      (d) => {
        writeFileSync(join(d, 'k.yaml'), damaged(readFileSync(PLAN, 'utf8')));
        return { name: 'k.yaml', args: ['lint', '--fix', join(d, 'k.yaml')] };
      },
    ],
  ];
  it.each(cases)('%s', (_, make) => {
    const root = mkdtempSync(join(tmpdir(), 'kehoach-link-'));
    const victim = join(root, 'victim.txt');
    writeFileSync(victim, 'không được ghi đè');
    const d = join(root, 'd');
    mkdirSync(d);
    const { name, args } = make(d);
    const r = planted(d, name, args);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('không được ghi đè');
    expect(statSync(join(d, name)).size).toBeGreaterThan(0);
    // only the output and the planted link: no temporary file of ours is left behind
    expect(readdirSync(d).filter((f) => !f.startsWith(`.${name}.tmp-`))).toEqual([name]);
  });
});

describe('no stall: a path that is not a regular file is refused before it is opened', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-fifo-'));
  const fifo = join(dir, 'ke-hoach.yaml');
  expect(spawnSync('mkfifo', [fifo]).status, 'mkfifo').toBe(0);
  it.each([
    ['validate', [fifo], /đường ống \(FIFO\), không phải tệp thường/],
    ['render', [fifo, '-o', join(dir, 'o.docx')], /đường ống \(FIFO\), không phải tệp thường/],
    ['lint', ['--fix', fifo], /đường ống \(FIFO\), không phải tệp thường/],
    ['validate', ['/dev/zero'], /là một thiết bị, không phải tệp thường/],
  ])('%s %s: exit 2 with a message', (command, args, message) => {
    const r = cli([command, ...args]);
    expect(r.status, `${r.error ?? ''} ${r.stderr}`).toBe(2);
    expect(r.stderr).toMatch(message);
    noStack(r);
  });
});

describe('a signal ends the process during long synchronous work', () => {
  // 3,000 plans in one call: seconds of validation without a turn of the event loop
  const args = [BIN, 'validate', ...Array<string>(3000).fill(PLAN)];
  const cpuTicks = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[11]);

  it.each(['SIGINT', 'SIGTERM'] as const)('%s', async (signal) => {
    const child = spawn(NODE, args, { stdio: 'ignore' });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, s) => r({ code, signal: s })));
    // signal once the child has spent half a second of its own CPU time: it is well inside the loop
    while (child.exitCode === null && cpuTicks(child.pid!) < 50) await new Promise((r) => setTimeout(r, 10));
    child.kill(signal);
    const end = await ended;
    // ended by the signal itself (no handler was waiting for the loop), not by finishing the work
    expect(end).toEqual({ code: null, signal });
  });
});

describe('a signal inside a write window (src/signals.ts)', () => {
  // A small program on the real module: it holds a temporary file, then does synchronous work until the
  // test has sent its signal (a flag file written just after the kill), then goes on as a write would.
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-window-'));
  const driver = join(dir, 'driver.mjs');
  const built = (async () => {
    const { build } = await import('esbuild');
    await build({
      stdin: {
        contents: `
          import { holdTemporary } from ${JSON.stringify(join(ROOT, 'src', 'signals.ts'))};
          import { existsSync, renameSync, writeFileSync } from 'node:fs';
          const [mode, tmp, flag] = process.argv.slice(2);
          const held = mode === 'none' ? undefined : holdTemporary(tmp);
          writeFileSync(tmp, 'x');
          console.log('ready');
          while (!existsSync(flag)); // synchronous work: the signal arrives here
          if (mode === 'renamed') {
            renameSync(tmp, tmp + '.done');
            held.release();
          }
          await new Promise((r) => setTimeout(r, 50));
          console.log('not ended');`,
        resolveDir: dir,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: driver,
      logLevel: 'warning',
    });
  })();

  it.each([
    ['outside a window: at once, by the default action', 'none', ['t']],
    ['inside a window: the temporary file is removed', 'held', []],
    ['at the end of a window (renamed, then released): the signal is not lost', 'renamed', ['t.done']],
  ])('%s', async (_, mode, left) => {
    await built;
    const work = mkdtempSync(join(dir, 'w-'));
    const child = spawn(NODE, [driver, mode, join(work, 't'), join(work, 'flag')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('ready') && !existsSync(join(work, 'flag'))) {
        child.kill('SIGINT');
        writeFileSync(join(work, 'flag'), '');
      }
    });
    expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
    expect(out).not.toContain('not ended');
    expect(readdirSync(work).filter((f) => f !== 'flag').sort()).toEqual(left);
  });
});

// A file that lint --fix repairs back into the example: one split word outside the comments.
const damaged = (text: string) =>
  text.replace('Kế hoạch Tuyên truyền cải cách hành chính ngành Y tế năm 2019, cụ thể', 'Kế hoạch T uyên truyền cải cách hành chính ngành Y tế năm 2019, cụ thể');

describe('lint --fix changes only the characters it fixes (run as a normal user)', () => {
  const original = readFileSync(PLAN, 'utf8');

  it('keeps a mode-600 file at 600', () => {
    const d = folder('mode');
    const f = own(join(d, 'k.yaml'), damaged(original));
    chmodSync(f, 0o600);
    const r = asUser(['lint', '--fix', f], d);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe(original);
    expect(statSync(f).mode & 0o777).toBe(0o600);
  });

  it('refuses a read-only file (exit 2) and leaves it as it was', () => {
    const d = folder('ro');
    const f = own(join(d, 'k.yaml'), damaged(original));
    chmodSync(f, 0o444);
    const r = asUser(['lint', '--fix', f], d);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/chỉ cho phép đọc/);
    expect(readFileSync(f, 'utf8')).toBe(damaged(original));
    expect(readdirSync(d)).toEqual(['k.yaml']);
  });

  it('fixes the file a symlink points at and keeps the link', () => {
    const d = folder('link');
    own(join(d, 'that'));
    const real = own(join(d, 'that', 'k.yaml'), damaged(original));
    symlinkSync(join('that', 'k.yaml'), join(d, 'k.yaml'));
    const r = asUser(['lint', '--fix', join(d, 'k.yaml')], d);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(join(d, 'k.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe(original);
  });

  it.each([
    ['a UTF-8 byte-order mark', (s: string) => '\ufeff' + s],
    ['CRLF line ends', (s: string) => s.replace(/\n/g, '\r\n')],
    ['both', (s: string) => '\ufeff' + s.replace(/\n/g, '\r\n')],
  ])('keeps %s', (_, dress) => {
    const d = folder('bom');
    const f = own(join(d, 'k.yaml'), dress(damaged(original)));
    const r = asUser(['lint', '--fix', f], d);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('đã sửa 1 chỗ');
    expect(readFileSync(f, 'utf8')).toBe(dress(original));
  });
});

describe('nothing a user typed reaches the terminal as a control sequence', () => {
  it.each([
    ['ESC and BEL', '\x1b]0;pwned\x07\x1b[2J', '\\x1B]0;pwned\\x07\\x1B[2J'],
    ['a newline and a carriage return', 'a\nb\rc', 'a\\nb\\rc'],
    ['C1 and DEL', '\x9b31m\x7f', '\\x9B31m\\x7F'],
    ['tab', 'a\tb', 'a\\tb'],
  ])('printable escapes %s', (_, raw, shown) => {
    expect(printable(raw)).toBe(shown);
    expect(printable(shown)).toBe(shown);
  });
  it('keeps Vietnamese text as it is', () => expect(printable('Kế hoạch “Tuyên truyền” – năm 2019')).toBe('Kế hoạch “Tuyên truyền” – năm 2019'));

  it('a key named with ESC/BEL sequences is shown escaped', async () => {
    const d = mkdtempSync(join(tmpdir(), 'kehoach-esc-'));
    const f = join(d, 'k.yaml');
    writeFileSync(f, readFileSync(PLAN, 'utf8') + '"\\e]0;pwned\\a\\e[2J": 1\n');
    const r = await kehoach(['validate', f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('\\x1B]0;pwned\\x07');
    expect(r.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });

  it('a file name with a newline and ESC stays on one line, escaped', async () => {
    const d = mkdtempSync(join(tmpdir(), 'kehoach-esc-'));
    const f = join(d, 'ke\nhoach\x1b[31m.yaml');
    writeFileSync(f, 'so: [\n');
    const r = await kehoach(['validate', f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ke\\nhoach\\x1B[31m.yaml:');
    expect(r.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    const missing = await kehoach(['render', join(d, 'không\x07có.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('không\\x07có.yaml: không tìm thấy');
    expect(missing.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });
});

describe('each mistake with paths gets its own message', () => {
  it('check goes on past a FIFO, a link loop, a dangling link and a folder cycle', () => {
    const d = mkdtempSync(join(tmpdir(), 'kehoach-check-walk-'));
    copyFileSync(PLAN, join(d, 'a.yaml'));
    expect(spawnSync('mkfifo', [join(d, 'b.yaml')]).status, 'mkfifo').toBe(0);
    symlinkSync('c.yaml', join(d, 'c.yaml'));
    symlinkSync('nowhere.yaml', join(d, 'd.yaml'));
    mkdirSync(join(d, 'e'));
    symlinkSync('..', join(d, 'e', 'up'));
    symlinkSync('.', join(d, 'f'));
    const r = cli(['check', d]);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    noStack(r);
    expect(r.stdout).toMatch(/^đạt {2}kế hoạch: .*\/a\.yaml$/m);
    expect(r.stdout).toMatch(/b\.yaml\n.*đường ống \(FIFO\)/);
    expect(r.stdout).toMatch(/c\.yaml: liên kết tượng trưng \(symlink\) trỏ vòng quanh/);
    expect(r.stdout).toMatch(/d\.yaml: liên kết tượng trưng \(symlink\) trỏ tới chỗ không có/);
    expect(r.stdout).toMatch(/1 đạt, 3 lỗi\n$/);
  });

  it('-o newdir/ (a folder name) writes no file called newdir', () => {
    const d = mkdtempSync(join(tmpdir(), 'kehoach-slash-'));
    const r = cli(['render', PLAN, '-o', 'moi/'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/moi\/: tên kết thúc bằng "\/" là tên thư mục/);
    noStack(r);
    expect(readdirSync(d)).toEqual([]);
  });

  it('-o into a folder that does not exist says the folder is missing', () => {
    const d = mkdtempSync(join(tmpdir(), 'kehoach-nodir-'));
    const r = cli(['render', PLAN, '-o', join('chua-co', 'k.docx')], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/thư mục chua-co chưa có/);
    noStack(r);
    expect(existsSync(join(d, 'chua-co'))).toBe(false);
  });

  it('--out-dir onto a file says it is a file', async () => {
    const r = await kehoach(['render', PLAN, '--out-dir', PLAN]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/là một tệp, không phải thư mục/);
    noStack(r);
  });
});

describe('a system without a usable temporary folder', () => {
  it('is a usage problem (exit 2) that names the folder and the variable, not an internal error', async () => {
    const { tempDir } = await import('../src/read/input.js');
    const { UsageError } = await import('../src/errors.js');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/khong-co-thu-muc-nay';
    let e: unknown;
    try {
      tempDir('kehoach-x-');
    } catch (err) {
      e = err;
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toBe('không tạo được thư mục tạm: /khong-co-thu-muc-nay: không tìm thấy tệp hoặc thư mục. Hãy kiểm tra biến môi trường TMPDIR.');
  });
});

describe('a reader that stops reading (kehoach check | head -1)', () => {
  it('no unhandled EPIPE and no stack trace: the command ends with its own exit code', async () => {
    // stdout is a pipe whose reader closes it after the first chunk
    const child = spawn(process.execPath, [BIN, 'check', join(ROOT, 'examples')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(code).toBe(0);
  });
});

describe('the hardening audit of 2026-12-03: each case a message and its exit code, the rest of a batch done', () => {
  it('keys: a control sequence typed as the word looked for comes back escaped', () => {
    const r = cli(['keys', '\x1b[2J']);
    expect(r.stdout).toContain('"\\x1B[2J"');
    expect(r.stdout).not.toContain('\x1b');
  });

  it('a file of several YAML documents: a Vietnamese message, not the library\'s English', () => {
    const d = mkdtempSync(join(tmpdir(), 'kehoach-docs-'));
    writeFileSync(join(d, 'm.yaml'), '---\na: 1\n---\nb: 2\n');
    const r = cli(['validate', join(d, 'm.yaml')]);
    expect([r.status, r.stderr]).toEqual([1, expect.stringContaining('tệp có nhiều tài liệu YAML, ngăn nhau bằng dòng "---"')]);
    expect(r.stderr).not.toMatch(/[Pp]lease|documents/);
  });

  it('SOURCE_DATE_EPOCH past what a zip can stamp: exit 2 with a message, no internal error', () => {
    const d = mkdtempSync(join(tmpdir(), 'kehoach-epoch-'));
    const r = spawnSync(NODE, [BIN, 'render', PLAN, '-o', join(d, 'x.docx')], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '9999999999999' } });
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('SOURCE_DATE_EPOCH=9999999999999: ngoài khoảng năm 1980–2107')]);
    noStack(r);
  });

  it('derive --date in a year the calendar does not cover is said so, not "no such day"', () => {
    const c = deriveCases()[0];
    const r = cli(['derive', c.dept, '--unit', c.units[0], '--date', '1899-01-01', '-o', join(mkdtempSync(join(tmpdir(), 'kehoach-1899-')), 'x.yaml')]);
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('năm 1899 ngoài khoảng 1900–2200')]);
  });

  it('derive and import go on past an input that cannot be read: the others written and reported, exit 2', () => {
    const c = deriveCases()[0];
    const d = mkdtempSync(join(tmpdir(), 'kehoach-batch-'));
    const r = cli(['derive', '--format', 'json', c.dept, '--unit', c.units[0], '--unit', join(d, 'khong-co.yaml'), '--unit', c.units[1], '--out-dir', join(d, 'ra')]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).written.length).toBe(2);
    expect(readdirSync(join(d, 'ra')).length).toBe(2);
    writeFileSync(join(d, 'a.txt'), 'KẾ HOẠCH\nMột\n');
    writeFileSync(join(d, 'c.txt'), 'KẾ HOẠCH\nHai\n');
    const i = cli(['import', join(d, 'a.txt'), join(d, 'b.txt'), join(d, 'c.txt'), '-q']);
    expect([i.status, existsSync(join(d, 'a.yaml')), existsSync(join(d, 'c.yaml'))]).toEqual([2, true, true]);
    expect(i.stderr).toContain('b.txt: không tìm thấy tệp hoặc thư mục');
  });
});
