// The page of the browser test: runs the Designer timer and friends in real Web Workers and reports what it
// saw in `window.__results` (read by browser.test.ts) and as text on the page.
import { ConnectionType, currentThread, invokeMethod, QObject, QThread, Signal } from '@sigslot/thread';
import { Counter, Host, Spinner, Timer } from './threads';

interface Results {
  crossOriginIsolated: boolean;
  idealThreadCount: number;
  queued?: { ticks: Array<[count: number, emittedOn: string, ranOn: string]>; finished: boolean; wait: boolean };
  blocking?: { ticks: number[]; slotMs: number; waited: Array<[count: number, waitedMs: number, slotsRunBefore: number]>; finished: boolean };
  workerObject?: { add: number; addLater: number; changed: Array<[number, string]>; failure: string; exitedCleanly: boolean };
  interruption?: { stopped: [interrupted: boolean, spins: number] | null; finished: boolean };
  pageCannotBlock?: { msleep: string; invokeBlocking: string; emitBlocking: string };
  errors: string[];
  done: boolean;
}

const results: Results = { crossOriginIsolated, idealThreadCount: QThread.idealThreadCount(), errors: [], done: false };
(window as unknown as { __results: Results }).__results = results;

function show(): void {
  document.getElementById('out')!.textContent = JSON.stringify(results, null, 1);
}

function errorText(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return 'no error';
}

/** Designer's Receiver: its slot runs on the page's main thread. */
class Receiver extends QObject {
  readonly ticks: Array<[number, string, string]> = [];
  constructor(private readonly workMs = 0) {
    super();
  }
  onTick(count: number, emittedOn: string): void {
    this.ticks.push([count, emittedOn, currentThread().describe()]);
    const end = performance.now() + this.workMs; // the page may not sleep: work instead
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
  timer.finished.connect(() => (finished = receiver.ticks.length === 7));
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
  timer.emitted.connect(receiver, (count: number, waitedMs: number) => waited.push([count, Math.round(waitedMs), receiver.ticks.length]));
  let finished = false;
  timer.finished.connect(() => (finished = true));
  timer.start();
  await timer.wait(10_000);
  results.blocking = { ticks: receiver.ticks.map(([count]) => count), slotMs, waited, finished };
}

async function workerObject(): Promise<void> {
  const host = new Host();
  host.objectName = 'Host';
  host.start();
  const counter = host.create(Counter, 10);
  const changed: Array<[number, string]> = [];
  const receiver = new QObject();
  counter.changed.connect(receiver, (value: number, thread: string) => changed.push([value, thread]), ConnectionType.QueuedConnection);
  const add = await counter.add(5);
  const addLater = await counter.addLater(1);
  const failure = await counter.fail().then(
    () => 'no error',
    (error: Error) => `${error.name}: ${error.message}`,
  );

  // The page's main thread may not block: every way to ask for it is refused, clearly.
  const ask = new Signal<[number]>(receiver, 'ask');
  ask.connect(counter, 'add', ConnectionType.BlockingQueuedConnection);
  results.pageCannotBlock = {
    msleep: errorText(() => QThread.msleep(1)),
    invokeBlocking: errorText(() => invokeMethod(counter, 'add', ConnectionType.BlockingQueuedConnection, 1)),
    emitBlocking: errorText(() => ask.emit(1)),
  };

  host.quit();
  const exitedCleanly = await host.wait(10_000);
  results.workerObject = { add, addLater, changed, failure, exitedCleanly };
}

async function interruption(): Promise<void> {
  const spinner = new Spinner();
  spinner.objectName = 'Spinner';
  let stopped: [boolean, number] | null = null;
  let finished = false;
  spinner.spinning.connect(() => spinner.requestInterruption());
  spinner.stopped.connect((interrupted, spins) => (stopped = [interrupted, spins]));
  spinner.finished.connect(() => (finished = true));
  spinner.start();
  await spinner.wait(10_000);
  results.interruption = { stopped, finished };
}

async function main(): Promise<void> {
  for (const step of [queued, blocking, workerObject, interruption]) {
    try {
      await step();
    } catch (error) {
      results.errors.push(`${step.name}: ${(error as Error).stack ?? String(error)}`);
    }
    show();
  }
  results.done = true;
  show();
}

void main();
