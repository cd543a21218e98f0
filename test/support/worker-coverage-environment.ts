// Jest's Node environment, plus: when jest collects coverage, the worker threads that tests start write V8
// coverage, which test/support/coverage-reporter.cjs reads. A worker reads NODE_V8_COVERAGE from this process's
// env when its thread starts (after the constructor returns), so the environment sets it from each Worker's
// construction until the worker is online, and only then: child processes that tests start (tsc, npm, bundlers)
// would inherit it and run, slowly, under coverage.
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import NodeEnvironment from 'jest-environment-node';
// The module object itself (not a namespace copy), so that the Worker the tests get is the one replaced here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import workerThreads = require('node:worker_threads');

export default class WorkerCoverageEnvironment extends NodeEnvironment {
  private readonly coverageDir: string | undefined;
  private readonly originalWorker = workerThreads.Worker;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    // Set by the reporter, which makes the folder and reads it once all tests ran.
    this.coverageDir = config.globalConfig.collectCoverage ? process.env.SIGSLOT_WORKER_COVERAGE : undefined;
  }

  override async setup(): Promise<void> {
    await super.setup();
    const dir = this.coverageDir;
    if (!dir) return;
    let starting = 0; // workers constructed and not yet online (or gone)
    workerThreads.Worker = class extends this.originalWorker {
      constructor(...args: ConstructorParameters<typeof workerThreads.Worker>) {
        // A worker with resource limits is one a test means to run out of memory: it writes no coverage. Writing
        // the V8 coverage of an isolate that is out of memory can hang its teardown, and with it a main thread
        // blocked on that worker, which waits for the thread to stop (1 run in 3 or 4 of the blocked-on-OOM test).
        const covered = args[1]?.resourceLimits === undefined;
        if (covered && starting++ === 0) process.env.NODE_V8_COVERAGE = dir;
        super(...args);
        let started = !covered;
        const onStarted = (): void => {
          if (started) return;
          started = true;
          if (--starting === 0) delete process.env.NODE_V8_COVERAGE;
        };
        this.once('online', onStarted);
        this.once('exit', onStarted);
      }
    };
  }

  override async teardown(): Promise<void> {
    workerThreads.Worker = this.originalWorker;
    delete process.env.NODE_V8_COVERAGE;
    await super.teardown();
  }
}
