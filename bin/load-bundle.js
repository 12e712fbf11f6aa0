'use strict';
// Loads one of kehoach's bundles (dist/NAME.cjs) with V8's code cache (dist/NAME.cache), so that a
// start does not parse and compile hundreds of kilobytes of JavaScript again. The CLI is split in
// three bundles: kehoach.cjs (commands, checking plans), writer.cjs (wording, the .docx), which only
// the commands that write load, and docx.cjs, which the writer loads only for a kind of document
// not known ahead (see scripts/build.mjs). `shared` hands the writer the CLI's own instances of the modules
// whose classes both use (errors caught with instanceof).
const Module = require('node:module');
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const loaded = new Map();

function loadBundle(name, shared = {}) {
  const done = loaded.get(name);
  if (done) return done.bundle.exports;
  const file = join(dist, `${name}.cjs`);
  const cacheFile = join(dist, `${name}.cache`);
  let cachedData;
  try {
    cachedData = process.env.KEHOACH_CODE_CACHE === 'write' ? undefined : readFileSync(cacheFile);
  } catch {
    // no cache yet: compile as usual
  }
  // the file is the module's function (scripts/build.mjs writes the CommonJS wrapper around it)
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const bundle = { exports: {} };
  const base = Module.createRequire(file);
  const req = (id) => (Object.prototype.hasOwnProperty.call(shared, id) ? shared[id] : base(id));
  script.runInThisContext()(bundle.exports, req, bundle, file, dist);
  loaded.set(name, { script, cacheFile, fresh: cachedData === undefined || script.cachedDataRejected, bundle });
  return bundle.exports;
}

/** After a run: record the code cache of each bundle that had none (or one from another Node). */
function saveCaches(names) {
  for (const [name, { script, cacheFile, fresh }] of loaded) {
    if (!fresh || (names && !names.includes(name))) continue;
    try {
      const tmp = `${cacheFile}.tmp-${process.pid}`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // a read-only installation: run without the cache
    }
  }
}

module.exports = { loadBundle, saveCaches };
