// Build the CLI with esbuild from src/cli/main.ts into dist/: the same modules the source runs, nothing
// swapped. dist/kehoach.mjs is the entry; the modules the source loads on demand (each command, the docx
// writer, import, the calendar) are split along the source's own dynamic imports into dist/kehoach-*.mjs, so
// that `validate` compiles what validate runs (a third of the whole) and not the docx library. Bundling saves
// resolving and reading hundreds of files at start.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  entryNames: 'kehoach',
  chunkNames: 'kehoach-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // pdfjs-dist loads its worker module from beside its own file, and only `import` of a PDF needs it:
  // it stays in node_modules, loaded on first use
  external: ['pdfjs-dist'],
  // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __kehoachRequire } from 'node:module'; const require = __kehoachRequire(import.meta.url);" },
});
