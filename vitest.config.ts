import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the OCR suite is slow and has its own config (vitest.ocr.config.ts, npm run test:ocr)
    exclude: ['test/ocr/**', 'node_modules/**'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // vitest's default on this 2-core machine is one worker; much of the suite waits on LibreOffice,
    // poppler and node processes, so two run side by side (measured: 147 s → 117 s)
    maxWorkers: 2,
    // The files of a worker share one process and its loaded modules: loading src, docx and pdfjs again for
    // each of the 31 files cost about 20 s of the suite's CPU (measured: 107 s → 90 s). A file that changes
    // process-wide state (TZ, fake timers) gives it back when it ends.
    isolate: false,
  },
});
