'use strict';
// Group 3 peer: synckit's worker side; the caller (main) blocks in createSyncFn's function until it answers.
const { runAsWorker } = require('synckit');
runAsWorker(async (x) => x + 1);
