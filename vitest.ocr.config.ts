import { defineConfig } from 'vitest/config';

// The OCR suite (test/ocr/): slow, run on its own by `npm run test:ocr`.
export default defineConfig({
  test: {
    include: ['test/ocr/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
