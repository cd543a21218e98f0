import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config } from 'jest';

// Workers started by tests load TypeScript thread modules through tsx; this makes them resolve @sigslot/*
// to the same sources the tests use (see docs/guide/testing.md and ../shared/reference/tooling.md).
process.env.TSX_TSCONFIG_PATH = path.join(__dirname, 'tsconfig.workers.json');

const config: Config = {
  // Only the folders that exist: git keeps no empty folders, and jest refuses a missing root.
  roots: ['packages', 'examples', 'bench', 'docs/test', 'test']
    .filter((dir) => fs.existsSync(path.join(__dirname, dir)))
    .map((dir) => `<rootDir>/${dir}`),
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleNameMapper: {
    '^@sigslot/sd-shim/jest$': '<rootDir>/packages/sd-shim/src/jest/index.ts',
    '^@sigslot/thread/channel$': '<rootDir>/packages/thread/src/channel.ts',
    '^@sigslot/core/kernel$': '<rootDir>/packages/core/src/kernel.ts',
    '^@sigslot/(core|thread|sd-shim|concurrent)$': '<rootDir>/packages/$1/src/index.ts',
    // Thread workers load TypeScript through the tsx the main thread resolves; this one also saves what tsx
    // compiled, which the coverage of worker threads needs (test/support/tsx-recording-sources.cjs).
    '^tsx/cjs/api$': '<rootDir>/test/support/tsx-recording-sources.cjs',
  },
  // Coverage covers the test processes and the worker threads they start, as V8 coverage merged by
  // test/support/coverage-reporter.cjs, which also holds the gate (jest alone sees only its own processes).
  testEnvironment: '<rootDir>/test/support/worker-coverage-environment.ts',
  reporters: ['default', ['<rootDir>/test/support/coverage-reporter.cjs', { thresholds: { lines: 90 } }]],
  coverageProvider: 'v8',
  collectCoverageFrom: ['packages/*/src/**/*.ts'],
  coverageReporters: ['none'], // the reporter above writes the reports, jest's own would miss the workers
  testTimeout: 30_000,
};

export default config;
