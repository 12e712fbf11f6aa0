#!/usr/bin/env node
// The installed command: runs the bundle built from src/ (`npm run build`; `npm pack` and `npm test` build it).
let main;
try {
  ({ main } = await import('../dist/kehoach.mjs'));
} catch (e) {
  // a clone where the bundle was never built: say how to build it, not a stack trace
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('kehoach.mjs')) throw e;
  process.stderr.write('kehoach: lỗi: chưa có dist/kehoach.mjs; trong thư mục mã nguồn hãy chạy "npm run build".\n');
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
