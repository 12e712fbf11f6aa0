// Build the CLI as three CommonJS bundles, minified, with zod's message locales left out:
//   dist/kehoach.cjs  the commands and plan checking (what `validate` needs, and no more);
//   dist/writer.cjs   the writer (document model, wording templates precompiled, the parts of the
//                     kinds of document known ahead), loaded by the commands that write, on first use;
//   dist/docx.cjs     docx, which the writer loads only for a kind of document it does not know.
// bin/load-bundle.js loads each through vm.Script with its V8 code cache (dist/NAME.cache, recorded
// here by running the CLI once), so a start does not parse and compile them again.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';

/** zod re-exports all its message locales (about 350 KB); kehoach writes its own Vietnamese messages. */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('zod') ? { path: 'zod-locales', namespace: 'kehoach-empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'kehoach-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * commander requires node:child_process (and with it net and stream) at load time for subcommands
 * run as separate programs, which kehoach has none of: load it only if it is ever used.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(eager)) throw new Error(`build: ${args.path} no longer has ${eager}`);
      const lazy = "const childProcess = new Proxy({}, { get: (_, k) => require('node:child_process')[k] });";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

const dist = new URL('../dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

/** The exports of a source module, bundled in memory (for what the build works out from the source). */
async function fromSource(entry) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'warning',
    define: { 'import.meta.url': JSON.stringify(new URL(`../${entry}`, import.meta.url).href) },
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  return mod.exports;
}

// The built-in wording templates, precompiled: a render then needs only the Handlebars runtime.
// Each carries its source; a template edited after the build is compiled at run time, the same way.
const { precompileOptions } = await fromSource('src/render/templates.ts');
const specs = readdirSync(new URL('../templates', import.meta.url))
  .filter((f) => f.endsWith('.hbs'))
  .sort()
  .map((f) => {
    const source = readFileSync(new URL(`../templates/${f}`, import.meta.url), 'utf8');
    const spec = Handlebars.precompile(source, precompileOptions());
    return `  ${JSON.stringify(f.slice(0, -4))}: { source: ${JSON.stringify(source)}, spec: ${spec} },`;
  });
const precompiled = `export const PRECOMPILED = {\n${specs.join('\n')}\n};\n`;
let precomputedParts = '{ xml: [], kinds: {}, packed: [] }';

const src = (p) => fileURLToPath(new URL(`../src/${p}`, import.meta.url));
const LOADER = '../bin/load-bundle.js'; // from dist/, at run time
/** Modules whose classes the CLI catches with instanceof: the writer uses the CLI's instances. */
const SHARED = { 'kehoach:errors': src('errors.ts'), 'kehoach:template-error': src('render/template-error.ts') };

/** A bundle that loads another: bin/load-bundle.js stays outside it, found from dist/ at run time. */
const externalLoader = (b) => b.onResolve({ filter: /load-bundle\.js$/ }, () => ({ path: LOADER, external: true }));

/** The CLI bundle: the writer (src/render/index.ts, templates.ts) is loaded from writer.cjs on first use. */
const lazyWriter = {
  name: 'lazy-writer',
  setup(b) {
    externalLoader(b);
    b.onResolve({ filter: /^\.\.\/render\/(index|templates)\.js$/ }, (args) =>
      args.importer.startsWith(src('cli')) ? { path: 'writer', namespace: 'kehoach-writer' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'kehoach-writer' }, () => ({
      contents:
        `const { loadBundle } = require(${JSON.stringify(LOADER)});\n` +
        `module.exports = loadBundle('writer', {\n` +
        Object.entries(SHARED).map(([id, file]) => `  ${JSON.stringify(id)}: require(${JSON.stringify(file)}),\n`).join('') +
        `});\n`,
      loader: 'js',
      resolveDir: src('render'),
    }));
  },
};

/** The writer bundle loads the docx bundle when it first compiles a document whole. */
const lazyDocx = {
  name: 'lazy-docx',
  setup(b) {
    externalLoader(b);
    b.onResolve({ filter: /^\.\/docx-compile\.js$/ }, () => ({ path: 'docx', namespace: 'kehoach-docx' }));
    b.onLoad({ filter: /.*/, namespace: 'kehoach-docx' }, () => ({
      contents: `const { loadBundle } = require(${JSON.stringify(LOADER)});\nexports.compileParts = (...args) => loadBundle('docx').compileParts(...args);\n`,
      loader: 'js',
    }));
  },
};

/** The writer bundle: shared modules come from the CLI; the precompiled templates are built in. */
const writerParts = {
  name: 'writer-parts',
  setup(b) {
    const byFile = new Map(Object.entries(SHARED).map(([id, file]) => [file.replace(/\.ts$/, ''), id]));
    b.onResolve({ filter: /(errors|template-error)\.js$/ }, (args) => {
      const id = byFile.get(join(args.resolveDir, args.path).replace(/\.js$/, ''));
      return id ? { path: id, external: true } : undefined;
    });
    b.onLoad({ filter: /precomputed\.ts$/ }, () => ({ contents: `${precompiled}export const PRECOMPUTED_PARTS = ${precomputedParts};\n`, loader: 'js' }));
  },
};

// The plan schema's shape (src/plan/shape.ts), read off the zod schema now: a valid plan is then
// checked without building the schema (plan-shape.ts is replaced by the shape itself).
const planShape = JSON.stringify((await fromSource('src/plan/plan-shape.ts')).planShape());
const shapeInPlace = {
  name: 'shape-in-place',
  setup(b) {
    b.onLoad({ filter: /plan-shape\.ts$/ }, () => ({ contents: `const SHAPE = ${planShape};\nexport const planShape = () => SHAPE;\n`, loader: 'js' }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // the source finds templates/ and schemas/ from its own location
  define: { 'import.meta.url': '__kehoachUrl' },
  // Each bundle is one function expression, the CommonJS wrapper already around it: load-bundle.js
  // compiles the file as it is, without making a second copy of it with the wrapper added.
  banner: { js: "(function (exports, require, module, __filename, __dirname) {const __kehoachUrl = require('node:url').pathToFileURL(__filename).href;" },
  footer: { js: '\n})' },
};
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/kehoach.cjs', plugins: [noZodLocales, lazyChildProcess, lazyWriter, shapeInPlace] });
await build({ ...common, entryPoints: ['src/render/docx-compile.ts'], outfile: 'dist/docx.cjs' });
await build({ ...common, entryPoints: ['src/render/index.ts'], outfile: 'dist/writer.cjs', plugins: [writerParts, lazyDocx] });

// The .docx parts that do not depend on a plan's text, as docx writes them for the kinds of document
// the examples are (body size 14 or 13; no appendix or one): then a render does not need docx.
// Worked out with the writer just built, which is then built again with them.
const bin = fileURLToPath(new URL('../bin/kehoach.js', import.meta.url));
{
  const examples = fileURLToPath(new URL('../examples/', import.meta.url));
  const require = createRequire(import.meta.url);
  const loader = require('../bin/load-bundle.js');
  const writer = loader.loadBundle('writer', { 'kehoach:errors': {}, 'kehoach:template-error': {} });
  for (const f of readdirSync(examples).filter((n) => n.endsWith('.yaml')).sort()) {
    const r = spawnSync(process.execPath, [bin, 'render', join(examples, f), '--dump-model'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`build: ${f}: ${r.stderr}`);
    const model = JSON.parse(r.stdout);
    for (const size of [14, 13]) writer.documentParts({ ...model, page: { ...model.page, bodySizePt: size } }, new Date(0));
  }
  precomputedParts = JSON.stringify(writer.partsKnown());
  await build({ ...common, entryPoints: ['src/render/index.ts'], outfile: 'dist/writer.cjs', plugins: [writerParts, lazyDocx] });
  // docx ran here for every kind: its code cache (a render of a known kind never loads it)
  loader.saveCaches(['docx']);
}
// a batch's worker thread runs the same two bundles
writeFileSync(new URL('render-worker.cjs', dist), `'use strict';\nrequire(${JSON.stringify(LOADER)}).loadBundle('kehoach').worker();\n`);

// Record the code caches: run what a clerk runs (a render checks the plan too), then save what V8
// compiled.
const tmp = mkdtempSync(join(tmpdir(), 'kehoach-build-'));
const example = fileURLToPath(new URL('../examples/05-phu-cat-tuyen-truyen-cchc.yaml', import.meta.url));
const warm = spawnSync(process.execPath, [bin, 'render', example, '-o', join(tmp, 'x.docx'), '-q'], {
  env: { ...process.env, KEHOACH_CODE_CACHE: 'write' },
  encoding: 'utf8',
});
rmSync(tmp, { recursive: true, force: true });
if (warm.status !== 0) console.warn(`build: could not record the code cache (${warm.stderr.trim()})`);
