import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config } from 'jest';

// Workers started by tests load TypeScript thread modules through tsx; this makes them resolve @sigslot/*
// to the same sources the tests use (see docs/guide/testing.md and ../shared/reference/tooling.md).
process.env.TSX_TSCONFIG_PATH = path.join(__dirname, 'tsconfig.workers.json');

const config: Config = {
  testEnvironment: 'node',
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
    '^@sigslot/(core|thread|sd-shim|concurrent)$': '<rootDir>/packages/$1/src/index.ts',
  },
  collectCoverageFrom: ['packages/*/src/**/*.ts'],
  coveragePathIgnorePatterns: [
    '/node_modules/',
    // Runs only inside worker threads, where jest cannot measure coverage; its behaviour is tested through real workers.
    '/packages/thread/src/worker/',
  ],
  coverageThreshold: { global: { lines: 90 } },
  testTimeout: 30_000,
};

export default config;
