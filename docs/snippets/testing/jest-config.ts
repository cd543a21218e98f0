// A jest.config.ts for a project whose tests start real workers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config } from 'jest';

// Only if the tests map module names (tsconfig `paths`, jest's moduleNameMapper): workers do not run in jest's
// module system, and load TypeScript thread modules through tsx, which reads the mapping from this tsconfig. (tsx
// fails in every worker when the variable names a file that does not exist.)
const workersTsconfig = path.join(__dirname, 'tsconfig.workers.json');
if (fs.existsSync(workersTsconfig)) process.env.TSX_TSCONFIG_PATH = workersTsconfig;

const config: Config = {
  testEnvironment: 'node', // worker_threads; not jsdom
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] }, // CommonJS: __filename works
  testTimeout: 30_000, // a worker takes tens of milliseconds to start; a slow machine, more
};

export default config;
