import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the OCR suite is slow and has its own config (vitest.ocr.config.ts, npm run test:ocr)
    exclude: ['test/ocr/**', 'node_modules/**'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
