#!/usr/bin/env node
'use strict';
// The CLI lives in dist/ (built by `npm ci` through the prepare script); see load-bundle.js. This
// file is CommonJS (bin/package.json) because Node starts a CommonJS entry faster than an ES module.
const { loadBundle, saveCaches } = require('./load-bundle.js');

loadBundle('kehoach')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
    saveCaches();
  });
