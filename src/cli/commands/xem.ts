// `kehoach xem PLAN.yaml` (alias `preview`): the plan's page in a browser, updated on every save.
// A small HTTP server on 127.0.0.1 only (a free port, printed) serves the page of the HTML writer plus a
// short script that listens to Server-Sent Events; each save re-reads the plan (and the --template folder),
// and pushes the new sheets, or the problems above the last good sheets. Nothing is written to disk.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import type { Io, Message } from '../../messages.js';
import { buildModel } from '../../model/build.js';
import { TemplateError } from '../../model/template-error.js';
import { loadTemplates, type Templates } from '../../model/templates.js';
import { checkBytes } from '../../plan/validate.js';
import { withLayoutWarnings } from '../../model/header-fit.js';
import { htmlPage, htmlParts, type HtmlParts } from '../../write/html.js';
import { UsageError } from '../../errors.js';
import { readInput } from '../../read/input.js';
import { escapeMarkup } from '../../text/escape.js';

export interface XemOptions {
  /** A folder of .hbs files, watched like the plan. */
  template?: string;
  /** Open the system browser on the page. */
  mo?: boolean;
}

export interface XemControl {
  /** Stops the server as Ctrl-C does (tests, the benchmark). */
  signal?: AbortSignal;
}

/** Saves come as bursts of events (write, chmod, rename): one render after the burst. */
const SETTLE_MS = 15;
/** An editor that saves by rename leaves a moment without the file: look again this often, this many times. */
const RETRY_MS = 40;
const RETRIES = 25;

interface Problem {
  where: string;
  severity: string;
  message: string;
  line?: string;
}

interface State {
  version: number;
  parts?: HtmlParts;
  problems: Problem[];
}

const lineOf = (text: string, line: number): string | undefined => (line > 0 ? text.replace(/^\uFEFF/, '').split(/\r?\n/)[line - 1] : undefined);

function fromMessages(ms: Message[], text: string): Problem[] {
  return ms.map((m) => ({
    where: `${m.file}:${m.line}:${m.column}`,
    severity: m.severity,
    message: `${m.message} [${m.rule}]`,
    line: lineOf(text, m.line),
  }));
}

function fromTemplateError(e: TemplateError): Problem {
  let line: string | undefined;
  try {
    line = lineOf(readFileSync(e.file, 'utf8'), e.line);
  } catch {
    // the template file went away: its position is still worth showing
  }
  return { where: `${e.file}:${e.line}:${e.column}`, severity: 'lỗi', message: `${e.message} [mau-cau]`, line };
}

/** The problems panel: each as FILE:LINE:COL, the line's text, and the message. */
function problemsHtml(ps: Problem[]): string {
  if (!ps.length) return '';
  const items = ps
    .map(
      (p) =>
        `<li class="${p.severity === 'lỗi' ? 'loi' : 'canh-bao'}"><code>${escapeMarkup(p.where)}</code>: ${escapeMarkup(p.severity)}: ${escapeMarkup(p.message)}` +
        (p.line !== undefined ? `<pre>${escapeMarkup(p.line)}</pre>` : '') +
        `</li>`,
    )
    .join('');
  const errors = ps.filter((p) => p.severity === 'lỗi').length;
  const head = errors ? `Kế hoạch có ${errors} lỗi; bên dưới là bản đúng gần nhất.` : `${ps.length} cảnh báo.`;
  return `<p>${head}</p><ul>${items}</ul>`;
}

const PANEL_CSS =
  // sticky: a clerk scrolled down into the plan still sees that the last save has errors
  '#loi:empty{display:none}#loi{position:sticky;top:0;z-index:1;max-height:40vh;overflow:auto;box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:210mm;margin:0 auto 8mm;background:#fff;border-left:4px solid #b00;padding:2mm 4mm;font:14px/1.4 system-ui,sans-serif}' +
  '#loi li{margin:1mm 0}#loi .loi code{color:#b00}#loi .canh-bao code{color:#850}#loi pre{margin:1mm 0;background:#f4f4f4;padding:1mm 2mm;white-space:pre-wrap}';

// The page's own script: swaps style, sheets and problems on each event; no reload, scroll kept.
const CLIENT = `
const es = new EventSource('/su-kien');
es.addEventListener('trang', (e) => {
  const d = JSON.parse(e.data);
  if (String(d.v) === document.documentElement.dataset.phienBan) return;
  document.getElementById('kieu').textContent = d.css;
  document.getElementById('van-ban').innerHTML = d.body;
  document.getElementById('loi').innerHTML = d.loi;
  document.title = d.title;
  document.documentElement.dataset.phienBan = String(d.v);
});`;

function page(s: State, title: string): string {
  const parts = s.parts ?? { title, css: '', body: '' };
  return htmlPage(parts, {
    head: `<style>${PANEL_CSS}</style>\n<script type="module">${CLIENT}</script>\n`,
    before: `<div id="loi">${problemsHtml(s.problems)}</div>\n`,
  }).replace('<html lang="vi">', `<html lang="vi" data-phien-ban="${s.version}">`);
}

function eventOf(s: State, title: string): string {
  const data = { v: s.version, title: s.parts?.title ?? title, css: s.parts?.css ?? '', body: s.parts?.body ?? '', loi: problemsHtml(s.problems) };
  return `event: trang\ndata: ${JSON.stringify(data)}\n\n`; // JSON has no raw newline: one data line
}

function openBrowser(url: string, io: Io): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => io.err(`kehoach: cảnh báo: không mở được trình duyệt; hãy tự mở ${url}`));
  child.unref();
}

/** Serve the preview until Ctrl-C (or `ctl.signal`); returns the exit code. */
export async function runXem(file: string, o: XemOptions, io: Io, ctl: XemControl = {}): Promise<number> {
  readInput(file); // a missing or unreadable plan is a usage error before anything starts (exit 2)
  let templates: Templates = loadTemplates(o.template); // so is a broken --template folder
  let templateProblem: Problem | undefined;
  let templatesGen = 0;
  const title = basename(file);
  const state: State = { version: 0, problems: [] };
  let lastBytes: Buffer | undefined;
  let lastGen = -1;

  /** Re-read and re-render; false when nothing changed (another event of the same save). */
  const render = (): boolean | 'missing' => {
    let bytes: Buffer;
    try {
      bytes = Buffer.from(readInput(file));
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      if (/không tìm thấy/.test(e.message)) return 'missing';
      state.problems = [{ where: file, severity: 'lỗi', message: e.message }];
      state.version++;
      lastBytes = undefined;
      return true;
    }
    if (lastBytes?.equals(bytes) && lastGen === templatesGen) return false;
    lastBytes = bytes;
    lastGen = templatesGen;
    const text = bytes.toString('utf8');
    const checked = withLayoutWarnings(file, bytes, checkBytes(file, bytes));
    const problems = fromMessages(checked.messages, text);
    if (templateProblem) problems.unshift(templateProblem);
    else if (checked.plan) {
      try {
        state.parts = htmlParts(buildModel(checked.plan, templates));
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        problems.unshift(fromTemplateError(e));
      }
    }
    state.problems = problems;
    state.version++;
    return true;
  };

  const clients = new Set<ServerResponse>();
  let retries = 0;
  let templatesDirty = false;
  let timer: NodeJS.Timeout | undefined;
  const update = () => {
    timer = undefined;
    let changed: ReturnType<typeof render>;
    try {
      if (templatesDirty) reloadTemplates();
      templatesDirty = false;
      changed = render();
    } catch (e) {
      io.err(`kehoach: lỗi nội bộ: ${e instanceof Error ? e.message : String(e)}. Hãy báo lỗi này kèm tệp kế hoạch.`);
      return;
    }
    if (changed === 'missing') {
      if (++retries <= RETRIES) {
        timer = setTimeout(update, RETRY_MS);
        return;
      }
      state.problems = [{ where: file, severity: 'lỗi', message: 'không tìm thấy tệp kế hoạch (đã bị xóa hoặc đổi tên?).' }];
      state.version++;
      lastBytes = undefined;
      changed = true;
    }
    retries = 0;
    if (!changed) return;
    const ev = eventOf(state, title);
    for (const c of clients) c.write(ev);
    const errors = state.problems.filter((p) => p.severity === 'lỗi').length;
    io.err(`đã cập nhật${errors ? `: ${errors} lỗi` : ''}`);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, SETTLE_MS);
  };
  /** The --template folder's .hbs files, names and text: unchanged means another event of the same save. */
  const templateKey = (): string => {
    try {
      const dir = resolve(o.template!);
      return readdirSync(dir)
        .filter((n) => n.endsWith('.hbs'))
        .sort()
        .map((n) => `${n}\0${readFileSync(join(dir, n), 'utf8')}`)
        .join('\0');
    } catch {
      return ''; // gone or unreadable: loadTemplates says why
    }
  };
  let lastTemplateKey = o.template ? templateKey() : '';
  const reloadTemplates = () => {
    const key = templateKey();
    if (key === lastTemplateKey) return;
    lastTemplateKey = key;
    try {
      templates = loadTemplates(o.template);
      templateProblem = undefined;
    } catch (e) {
      if (e instanceof TemplateError) templateProblem = fromTemplateError(e);
      else if (e instanceof UsageError) templateProblem = { where: o.template!, severity: 'lỗi', message: e.message };
      else throw e;
    }
    templatesGen++;
  };

  render(); // a plan with errors at the start shows its problems alone, until it is fixed

  // Watch the folders, not the files: an editor that saves by writing a new file and renaming it over
  // the old one leaves a watch on the old file blind (the pitfall of fs.watch on a file).
  const planName = basename(file);
  const watchers: FSWatcher[] = [];
  const watchDir = (dir: string, onEvent: (name: string | null) => void) => {
    const w = watch(dir, (_ev, name) => onEvent(name === null ? null : String(name)));
    w.on('error', (e) => io.err(`kehoach: cảnh báo: không theo dõi được ${dir} (${(e as Error).message}).`));
    watchers.push(w);
  };
  watchDir(dirname(resolve(file)), (name) => (name === null || name === planName ? schedule() : undefined));
  if (o.template) watchDir(resolve(o.template), (name) => (name === null || name.endsWith('.hbs') ? ((templatesDirty = true), schedule()) : undefined));

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // only this machine's names: a web page elsewhere cannot reach the server through a DNS name of its own
    const port = (server.address() as AddressInfo).port;
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
      res.writeHead(403).end();
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET' }).end();
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(page(state, title));
    } else if (path === '/su-kien') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`retry: 500\n\n${eventOf(state, title)}`); // and whatever changed between the page and this
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('không có trang này');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => fail(new UsageError(`không mở được máy chủ xem trước trên 127.0.0.1 (${e.code ?? e.message}).`)));
    server.listen(0, '127.0.0.1', ok);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  io.out(`Xem trước: ${url}`);
  io.err('Lưu tệp kế hoạch để trang tự cập nhật; Ctrl-C để dừng.');
  if (o.mo) openBrowser(url, io);

  await new Promise<void>((done) => {
    const stop = () => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      ctl.signal?.removeEventListener('abort', stop);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (ctl.signal?.aborted) stop();
    else ctl.signal?.addEventListener('abort', stop);
  });
  if (timer) clearTimeout(timer);
  for (const w of watchers) w.close();
  for (const c of clients) c.end();
  await new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
  io.err('đã dừng xem trước.');
  return 0;
}
