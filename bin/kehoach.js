#!/usr/bin/env node
// The CLI lives in dist/kehoach.cjs (built by `npm ci` through the prepare script). It is compiled
// with the V8 code cache in dist/kehoach.cache when V8 accepts it (same source, Node and flags), which
// spares parsing and compiling the bundle on every start; without it, it is compiled as usual.
import Module, { createRequire } from 'node:module';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const file = join(dist, 'kehoach.cjs');
const cacheFile = join(dist, 'kehoach.cache');
let cachedData;
try {
  cachedData = process.env.KEHOACH_CODE_CACHE === 'write' ? undefined : readFileSync(cacheFile);
} catch {
  // no cache yet: compile as usual
}
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dist);

process.exitCode = await bundle.exports.main(process.argv.slice(2));

if (cachedData === undefined || script.cachedDataRejected) {
  // first run, or a cache from another Node: record one for next time (whole file or nothing)
  try {
    const tmp = `${cacheFile}.tmp-${process.pid}`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    // a read-only installation: run without the cache
  }
}
