// Build the CLI as one ES module bundle, dist/kehoach.mjs, from src/cli/main.ts: the same modules the
// source runs, nothing swapped. Bundling only saves resolving and reading hundreds of files at start.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/kehoach.mjs',
  bundle: true,
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
