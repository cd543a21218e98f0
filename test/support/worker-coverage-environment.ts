// Jest's Node environment, plus: when jest collects coverage, the worker threads that tests start write V8
// coverage. Node reads NODE_V8_COVERAGE when a thread starts, and a Worker copies the real process.env of the
// thread that starts it; setting it here (outside the test's sandbox, whose process.env is a copy) reaches every
// worker of this test file and no jest process itself. test/support/coverage-reporter.cjs reads what they write.
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import NodeEnvironment from 'jest-environment-node';

export default class WorkerCoverageEnvironment extends NodeEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    // Before super(): the sandbox's copy of process.env is made there, so tests see the same value as workers.
    const dir = process.env.SIGSLOT_WORKER_COVERAGE;
    if (config.globalConfig.collectCoverage && dir) process.env.NODE_V8_COVERAGE = dir;
    super(config, context);
  }
}
