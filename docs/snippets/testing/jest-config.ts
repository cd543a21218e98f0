// A jest.config.ts for a project whose tests start real workers.
import * as path from 'node:path';
import type { Config } from 'jest';

// Only if the tests map module names (tsconfig `paths`, jest's moduleNameMapper): workers do not run in jest's
// module system, and load TypeScript thread modules through tsx, which reads the mapping from this tsconfig.
process.env.TSX_TSCONFIG_PATH = path.join(__dirname, 'tsconfig.workers.json');

const config: Config = {
  testEnvironment: 'node', // worker_threads; not jsdom
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] }, // CommonJS: __filename works
  testTimeout: 30_000, // a worker takes tens of milliseconds to start; a slow machine, more
};

export default config;
