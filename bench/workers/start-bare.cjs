'use strict';
// Group 4 reference: a bare CommonJS worker that posts its first message at once.
require('node:worker_threads').parentPort.postMessage('up');
