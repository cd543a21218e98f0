'use strict';
// Group 4 (explanation): a bare worker that first loads @sigslot/thread (built), then posts: the library's load cost.
require('@sigslot/thread');
require('node:worker_threads').parentPort.postMessage('up');
