// Stands in for `tsx/cjs/api` in tests (jest.config.ts maps it): thread workers register tsx through the path the
// main thread resolved, so they load this file. It registers tsx as usual and, when the worker writes V8
// coverage (NODE_V8_COVERAGE), saves the JavaScript tsx compiled for each packages/*/src file next to it, as
// monocart-coverage-reports' `source-<id>.json` files. V8's offsets refer to that JavaScript; Node keeps only its
// source map and line lengths, which misplace uncovered code in tsx's whitespace-minified output.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const tsx = require('tsx/cjs/api');

/** The files whose coverage counts: the packages' TypeScript sources (collectCoverageFrom in jest.config.ts). */
const MEASURED = /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].+\.ts$/;

let recording = false;

function recordCompiledSources(dir) {
  if (recording) return;
  recording = true;
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (MEASURED.test(filename)) save(dir, pathToFileURL(filename).href, content);
    return compile.call(this, content, filename);
  };
}

function save(dir, url, source) {
  const id = crypto.createHash('sha1').update(url).update(source).digest('hex');
  const file = path.join(dir, `source-${id}.json`);
  if (fs.existsSync(file)) return; // another worker compiled the same file the same way
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ url, source }));
}

module.exports = {
  ...tsx,
  register(...args) {
    const unregister = tsx.register(...args);
    if (process.env.NODE_V8_COVERAGE) recordCompiledSources(process.env.NODE_V8_COVERAGE);
    return unregister;
  },
};
