// Preloaded into a measured node process (node -r): reports its peak memory on exit, on fd 3.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  try {
    writeSync(3, `${process.resourceUsage().maxRSS}\n`);
  } catch {
    // not run by the benchmark
  }
});
