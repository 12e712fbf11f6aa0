// Bundle the CLI into dist/ with esbuild: a small entry, with the writer (docx, handlebars) in chunks
// that only the commands which write documents load. Minified: less for V8 to parse on every start.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

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

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts', 'render-worker': 'src/cli/render-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [noZodLocales],
  banner: { js: "import { createRequire as __kehoachRequire } from 'node:module'; const require = __kehoachRequire(import.meta.url);" },
});
