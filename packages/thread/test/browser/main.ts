// The page of the browser test: runs Designer's timer and friends in real Web Workers, shows what happens as
// text, and reports it in `window.__results`, which browser.test.ts reads.
import { setErrorHandler } from '@sigslot/core';
import { ConnectionType, currentThread, invokeMethod, QObject, QThread, RemoteError, Signal } from '@sigslot/thread';
import type { Results } from './results';
import { mark, spinUntil } from '../fixtures/shared-words';
import {
  Asker,
  Brief,
  BusyProgress,
  Counter,
  Crasher,
  Greeted,
  Host,
  Job,
  LockStep,
  SelfWatching,
  Spinner,
  Timer,
  WarnedThread,
} from './threads';

const results: Results = {
  crossOriginIsolated,
  idealThreadCount: QThread.idealThreadCount(),
  log: [],
  errors: [],
  done: false,
};
(window as unknown as { __results: Results }).__results = results;

const out = document.getElementById('out')!;
function log(line: string): void {
  results.log.push(line);
  out.textContent = results.log.join('\n');
}

function errorText(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return 'no error';
}

/** Designer's Receiver: its slot runs on the page's main thread, whichever thread emitted. */
class Receiver extends QObject {
  readonly ticks: Array<[number, string, string]> = [];
  constructor(private readonly workMs = 0) {
    super();
  }
  onTick(count: number, emittedOn: string): void {
    this.ticks.push([count, emittedOn, currentThread().describe()]);
    log(`  Tick received (${count}) on thread ${currentThread().describe()}, emitted by ${emittedOn}`);
    const end = performance.now() + this.workMs; // the page may not sleep: it works instead
    while (performance.now() < end);
  }
}

async function queued(): Promise<void> {
  const timer = new Timer();
  timer.objectName = 'Timer';
  timer.intervalMs = 20;
  const receiver = new Receiver();
  timer.tick.connect(receiver, receiver.onTick, ConnectionType.QueuedConnection);
  let finished = false;
  timer.finished.connect(() => {
    finished = receiver.ticks.length === 7;
    log(`  Thread ${timer.describe()} finished; ${receiver.ticks.length} ticks received.`);
  });
  log(`Starting ${timer.describe()} with QueuedConnection`);
  timer.start();
  const wait = await timer.wait(10_000);
  results.queued = { ticks: receiver.ticks, finished, wait };
}

async function blocking(): Promise<void> {
  const slotMs = 30;
  const timer = new Timer();
  timer.objectName = 'BlockingTimer';
  timer.intervalMs = 5;
  const receiver = new Receiver(slotMs);
  timer.tick.connect(receiver, receiver.onTick, ConnectionType.BlockingQueuedConnection);
  const waited: Array<[number, number, number]> = [];
  timer.emitted.connect(receiver, (count: number, waitedMs: number) => {
    waited.push([count, Math.round(waitedMs), receiver.ticks.length]);
    log(`  the worker's emit of tick ${count} returned after ${waitedMs.toFixed(0)} ms: it waited for the slot`);
  });
  let finished = false;
  timer.finished.connect(() => (finished = true));
  log(`Starting ${timer.describe()} with BlockingQueuedConnection (the slot works ${slotMs} ms)`);
  timer.start();
  await timer.wait(10_000);
  results.blocking = { ticks: receiver.ticks.map(([count]) => count), slotMs, waited, finished };
}

async function workerObject(): Promise<void> {
  const host = new Host();
  host.objectName = 'Host';
  log(`Starting ${host.describe()} (an event loop) and creating a Counter(10) in it`);
  host.start();
  const counter = host.create(Counter, 10);
  const changed: Array<[number, string]> = [];
  const receiver = new QObject();
  counter.changed.connect(
    receiver,
    (value: number, thread: string) => {
      changed.push([value, thread]);
      log(`  counter.changed(${value}) emitted by ${thread}`);
    },
    ConnectionType.QueuedConnection,
  );
  const add = await counter.add(5);
  const changedBeforeResult = changed.length;
  log(`  await counter.add(5) -> ${add}`);
  const addLater = await counter.addLater(1);
  log(`  await counter.addLater(1) -> ${addLater}`);
  const failure = await counter.fail().then(
    () => 'no error',
    (error: RemoteError) => `${error.name} (${error.remoteName}): ${error.message}`,
  );
  log(`  await counter.fail() rejected: ${failure}`);

  // The page's main thread may not block: each way to ask for it is refused, clearly.
  const ask = new Signal<[number]>(receiver, 'ask');
  ask.connect(counter, 'add', ConnectionType.BlockingQueuedConnection);
  results.pageCannotBlock = {
    msleep: errorText(() => QThread.msleep(1)),
    invokeBlocking: errorText(() => invokeMethod(counter, 'add', ConnectionType.BlockingQueuedConnection, 1)),
    emitBlocking: errorText(() => ask.emit(1)),
  };
  log(`Blocking on the page's main thread is refused:`);
  for (const refusal of Object.values(results.pageCannotBlock)) log(`  ${refusal}`);

  host.quit();
  const exitedCleanly = await host.wait(10_000);
  log(`  ${host.describe()} quit; finished: ${host.isFinished()}`);
  results.workerObject = { add, changedBeforeResult, addLater, changed, failure, exitedCleanly };
}

async function interruption(): Promise<void> {
  const spinner = new Spinner();
  spinner.objectName = 'Spinner';
  let stopped: [boolean, number] | null = null;
  let finished = false;
  spinner.spinning.connect(() => spinner.requestInterruption());
  spinner.stopped.connect((interrupted, spins) => {
    stopped = [interrupted, spins];
    log(`  ${spinner.describe()} stopped spinning after ${spins} spins; interruption requested: ${interrupted}`);
  });
  spinner.finished.connect(() => (finished = true));
  log(`Starting ${spinner.describe()}, which spins until requestInterruption()`);
  spinner.start();
  await spinner.wait(10_000);
  results.interruption = { stopped, finished };
}

/** Runs `thread` until it ends, abnormally; reports its errorOccurred messages and whether finished followed. */
async function abnormalEnd(thread: QThread, act: () => void): Promise<{ errors: string[]; finished: boolean }> {
  const errors: string[] = [];
  let finished = false;
  thread.errorOccurred.connect((error) => {
    errors.push(`${error.name}: ${error.message}${error.remoteName ? ` [${error.remoteName}]` : ''}`);
    log(`  errorOccurred: ${errors[errors.length - 1]}`);
  });
  thread.finished.connect(() => (finished = true));
  act();
  await thread.wait(10_000);
  return { errors, finished };
}

async function terminated(): Promise<void> {
  const spinner = new Spinner();
  spinner.objectName = 'Stuck';
  log(`Starting ${spinner.describe()} and terminating it while it spins`);
  const ended = await abnormalEnd(spinner, () => {
    spinner.spinning.connect(() => void spinner.terminate());
    spinner.start();
  });
  results.terminated = { ...ended, running: spinner.isRunning() };
}

async function crashed(): Promise<void> {
  const crasher = new Crasher();
  crasher.objectName = 'Crasher';
  log(`Starting ${crasher.describe()}, whose run() throws`);
  results.crashed = await abnormalEnd(crasher, () => crasher.start());
}

/** Prepared workers are Node-only: in a browser the calls do nothing, and the threads after them start as always. */
async function prepared(): Promise<void> {
  let resolved = false;
  await QThread.prepareWorkers(2).then(() => (resolved = true));
  const count = QThread.preparedWorkers();
  await QThread.releasePreparedWorkers();
  results.prepared = { resolved, count, afterRelease: QThread.preparedWorkers() };
  log(`QThread.prepareWorkers(2) resolved; QThread.preparedWorkers() -> ${count} (a no-op in a browser)`);
}

async function deliveryModel(): Promise<void> {
  log('The delivery model: post at once, started/finished in the worker, blocking results');
  const busy = new BusyProgress();
  busy.progress.connect((step) => {
    Atomics.store(busy.acks, 0, step);
    Atomics.notify(busy.acks, 0);
  });
  const report = busy.report.once();
  busy.start();
  const [busyAcks] = await report;
  await busy.wait(10_000);
  log(`  progress from a run() that never yields, acknowledged while it ran: ${busyAcks.join(', ')}`);

  const watching = new SelfWatching();
  const workerLog: string[] = [];
  watching.log.connect((entry) => workerLog.push(entry));
  watching.start();
  await watching.wait();
  log(`  in the worker: ${workerLog.join('; ')}`);

  const host = new Host();
  const job = host.create(Job);
  const jobFinished: number[] = [];
  job.finished.connect((result) => jobFinished.push(result));
  const ran: string[] = [];
  job.ran.connect((what, where) => ran.push(`${what} in ${where}`));
  host.finished.connect(job, 'onFinished');
  host.start();
  await job.work(21);
  host.quit();
  await host.wait(10_000);
  log(`  a worker object's own finished: ${jobFinished}; thread finished -> ${ran.join(', ')}`);
  const asker = new Asker();
  asker.ask.connect(
    () => ({ title: document.title, sizes: [1, 2, 3], when: new Date(0) }),
    ConnectionType.BlockingQueuedConnection,
  );
  const answered = asker.answered.once();
  asker.start();
  const [answer] = await answered;
  await asker.wait(10_000);
  log(`  a worker's blocking emit returned the page's answer: ${JSON.stringify(answer)}`);
  results.deliveryModel = {
    blockingResult: answer,
    busyAcks,
    workerLog,
    workerThread: watching.describe(),
    jobFinished,
    ran,
    hostThread: host.describe(),
  };
}

/**
 * Starts a LockStep thread whose page-side `ready` slot runs `actions[k - 1]` once the worker has emitted `value(k)`
 * (the page spins: it may not Atomics.wait), and resolves with what `setup`'s connections received once the thread
 * has finished.
 */
async function lockStep(
  steps: number,
  setup: (thread: LockStep, received: number[]) => void,
  actions: Array<(thread: LockStep, received: number[]) => void>,
): Promise<number[]> {
  const thread = new LockStep();
  thread.steps = steps;
  const received: number[] = [];
  setup(thread, received);
  thread.ready.connect(() => {
    for (let step = 1; step <= steps; step++) {
      if (!spinUntil(thread.words, 0, step)) throw new Error(`the worker never reached step ${step}`);
      actions[step - 1]?.(thread, received);
      mark(thread.words, 1, step);
    }
  });
  const errors: string[] = [];
  thread.errorOccurred.connect((error) => errors.push(String(error)));
  thread.start();
  if (!(await thread.wait(20_000))) throw new Error('a LockStep thread did not finish');
  if (errors.length) throw new Error(errors.join('; '));
  return received;
}

/** Route once at the emit, and one queue per thread: delivery-model.test.ts's lock-step rules, on the page. */
async function routing(): Promise<void> {
  log('Routing at the emit: the page changes a connection after the worker emitted, before delivery');
  let connection: { disconnect(): boolean } | null = null;
  const disconnectAfterEmit = await lockStep(
    2,
    (thread, got) => (connection = thread.value.connect((step) => got.push(step))),
    [() => connection!.disconnect()],
  );
  const connectAfterEmit = await lockStep(2, () => undefined, [
    (thread, got) => thread.value.connect((step) => got.push(step)),
  ]);
  const blockedAtEmit = await lockStep(3, (thread, got) => thread.value.connect((step) => got.push(step)), [
    (thread) => thread.blockSignals(true),
    (thread) => thread.blockSignals(false),
  ]);
  class Taker extends QObject {
    readonly got: number[] = [];
    take(step: number): void {
      this.got.push(step);
    }
  }
  const taker = new Taker();
  const destroyed = taker.destroyed.once();
  await lockStep(1, (thread) => thread.value.connect(taker, 'take'), [() => taker.deleteLater()]);
  await destroyed;
  log(
    `  disconnect after emit -> ${JSON.stringify(disconnectAfterEmit)}; connect after emit -> ${JSON.stringify(connectAfterEmit)}; ` +
      `blocked at emit 2 -> ${JSON.stringify(blockedAtEmit)}; deleteLater before delivery -> ${JSON.stringify(taker.got)}`,
  );
  results.routing = { disconnectAfterEmit, connectAfterEmit, blockedAtEmit, deletedReceiverGot: taker.got };
}

/** Every call settles exactly once: calls to a worker object queued when run() returns are answered or rejected. */
async function settleOnce(): Promise<void> {
  log('Every call settles once: 20 calls to a worker object of a thread whose run() returns at once');
  const reports: string[] = [];
  const previous = setErrorHandler((error) => reports.push(`${(error as Error).name}: ${(error as Error).message}`));
  try {
    const brief = new Brief();
    const job = brief.create(Job);
    brief.start();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        job.work(1).then(
          () => 'ran',
          (error: unknown) => (error as Error).name,
        ),
      ),
    );
    await brief.wait(10_000);
    const counts: Record<string, number> = {};
    for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
    log(`  outcomes: ${JSON.stringify(counts)}; reported: ${reports.length ? reports.join('; ') : 'nothing'}`);
    results.settleOnce = { outcomes, reports };
  } finally {
    setErrorHandler(previous);
  }
}

/** A thread whose module starts another thread at its top level, in the worker: the runtime warns there. */
async function topLevelStart(): Promise<void> {
  const thread = new WarnedThread().setObjectName('Warned');
  let warnings: string[] = [];
  thread.warned.connect((received) => (warnings = received));
  thread.start();
  await thread.wait();
  results.topLevelStart = warnings;
}

/** The page's own message with `type: 'init'`, posted to a thread's worker before the thread's init: not taken for it. */
async function foreignInit(): Promise<void> {
  log("A worker that first gets the page's own { type: 'init' } message still runs its thread");
  const url = new URL('./threads.js', import.meta.url);
  Greeted.worker = () => {
    const worker = new Worker(url, { type: 'module', name: 'Greeted' });
    worker.postMessage({ type: 'init', from: 'the page itself' }); // before the thread's own init
    return worker;
  };
  const thread = new Greeted();
  const said: string[] = [];
  const errors: string[] = [];
  thread.said.connect((what) => said.push(what));
  thread.errorOccurred.connect((error) => errors.push(String(error)));
  thread.start();
  await thread.wait();
  log(`  said: ${JSON.stringify(said)}; errors: ${JSON.stringify(errors)}`);
  results.foreignInit = { said, errors, finished: thread.isFinished() };
}

async function main(): Promise<void> {
  log(`crossOriginIsolated: ${crossOriginIsolated}; QThread.idealThreadCount(): ${results.idealThreadCount}`);
  for (const step of [
    prepared,
    queued,
    blocking,
    workerObject,
    interruption,
    terminated,
    crashed,
    deliveryModel,
    routing,
    settleOnce,
    topLevelStart,
    foreignInit,
  ]) {
    try {
      await step();
    } catch (error) {
      results.errors.push(`${step.name}: ${(error as Error).stack ?? String(error)}`);
      log(`${step.name} FAILED: ${(error as Error).stack ?? String(error)}`);
    }
  }
  results.elapsedMs = Math.round(performance.now());
  log(`Done in ${results.elapsedMs} ms.`);
  results.done = true;
}

void main();
