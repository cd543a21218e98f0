import {
  ConnectionType,
  ConnectionTypeError,
  type Connection,
  currentThread,
  QObject,
  setErrorHandler,
  type ErrorContext,
} from '@sigslot/core';
import { CloneError } from '@sigslot/thread';
import {
  AskingThread,
  BlockingThread,
  CounterThread,
  GatedNumbersThread,
  RepeatingArgumentThread,
} from './fixtures/threads';

class Receiver extends QObject {
  values: number[] = [];
  threads = new Set<string>();
  onValue(n: number): void {
    this.values.push(n);
    this.threads.add(currentThread().describe());
  }
}

describe('signals across threads', () => {
  test('AutoConnection decides at emit time: queued for an emit from the worker, direct for one from main', async () => {
    const thread = new CounterThread();
    thread.count = 3;
    const receiver = new Receiver();
    thread.value.connect(receiver, receiver.onValue); // AutoConnection
    // Emitted on main: the receiver lives here, so the slot runs during the emit.
    thread.value.emit(100);
    expect(receiver.values).toEqual([100]);
    // Emitted in the worker: the receiver lives elsewhere, so the call is queued to main.
    thread.start();
    await thread.wait();
    expect(receiver.values).toEqual([100, 0, 1, 2]);
    expect([...receiver.threads]).toEqual(['main']);
  });

  test('nothing is lost: 1,000,000 emits from a worker arrive in order, all before finished', async () => {
    const thread = new CounterThread();
    thread.count = 1_000_000;
    let received = 0;
    let inOrder = true;
    let receivedAtFinish = -1;
    thread.value.connect((n) => {
      if (n !== received) inOrder = false;
      received++;
    });
    thread.finished.connect(() => (receivedAtFinish = received));
    thread.start();
    await thread.wait();
    expect(inOrder).toBe(true);
    expect(received).toBe(1_000_000);
    expect(receivedAtFinish).toBe(1_000_000);
  }, 60_000);

  test('a signal emitted thousands of times still copies its object arguments at the emit, transfers, and refuses what cannot cross', async () => {
    const thread = new RepeatingArgumentThread();
    const seen: number[] = [];
    const bytes: number[] = [];
    let outcome: [string, number] | null = null;
    thread.data.connect((payload) => typeof payload === 'object' && seen.push(payload.i));
    thread.frame.connect((buffer) => bytes.push(new Uint8Array(buffer)[0]!));
    thread.outcome.connect((name, detached) => (outcome = [name, detached]));
    thread.start();
    await thread.wait();
    const count = thread.count;
    expect(seen).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(bytes).toEqual(Array.from({ length: count }, (_, i) => i & 0xff));
    expect(outcome).toEqual(['CloneError', count]);
  }, 60_000);

  test('BlockingQueuedConnection: the worker blocks until the main thread has run the slot', async () => {
    const thread = new BlockingThread();
    const seenOnMain: number[] = [];
    thread.tick.connect((n) => {
      seenOnMain.push(n);
      Atomics.store(thread.shared, 0, n); // the worker reads this right after its emit returns
    }, ConnectionType.BlockingQueuedConnection);
    const report = thread.report.once();
    thread.start();
    const [mismatches] = await report;
    expect(mismatches).toEqual([]);
    expect(seenOnMain).toEqual([1, 2, 3, 4, 5]);
  });

  test('a BlockingQueuedConnection made while run() emits without yielding makes the next emit block; its disconnect, the next not', async () => {
    const thread = new GatedNumbersThread();
    const gate = new Int32Array(new SharedArrayBuffer(4));
    thread.gate = gate.buffer as SharedArrayBuffer;
    const queued: number[] = [];
    const blocking: number[] = [];
    const receiver = new Receiver();
    let connection: Connection<[n: number]> | undefined;
    const onBlocking = (n: number): number => {
      blocking.push(n);
      if (n === 1999) connection!.disconnect(); // the worker's emits from 2000 on are queued again
      return n;
    };
    thread.value.connect((n) => {
      queued.push(n);
      if (n !== 999) return;
      // The worker waits at the gate: its next emit is made after this connect.
      connection = thread.value.connect(receiver, onBlocking, ConnectionType.BlockingQueuedConnection);
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
    });
    const done = new Promise<number>((resolve) => thread.done.connect(resolve));
    thread.start();
    const blocked = await done;
    await thread.wait();
    expect(queued).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(blocking).toEqual(Array.from({ length: 1000 }, (_, i) => 1000 + i));
    expect(blocked).toBe(1000);
  });

  test("BlockingQueuedConnection: the worker's emit returns what the main thread's slot returned", async () => {
    const errors: Array<[unknown, ErrorContext]> = [];
    const previous = setErrorHandler((error, context) => errors.push([error, context]));
    try {
      const thread = new AskingThread();
      const graphs: Record<string, number> = { ticks: 7, empty: 0 };
      const counted: string[] = [];
      class Designer extends QObject {
        countNodes(graph: string): number {
          counted.push(`${graph} on ${currentThread().describe()}`);
          return graphs[graph]!;
        }
      }
      const designer = new Designer();
      thread.nodeCount.connect(designer, designer.countNodes, ConnectionType.BlockingQueuedConnection);
      // A result that cannot be copied to the worker is reported, and the emit there returns undefined.
      thread.lookup.connect(() => () => 'a function', ConnectionType.BlockingQueuedConnection);
      const answers = thread.answers.once();
      thread.start();
      expect(await answers).toEqual([[7, 0, undefined]]);
      expect(counted).toEqual(['ticks on main', 'empty on main']);
      expect(errors).toHaveLength(1);
      expect(errors[0]![0]).toBeInstanceOf(CloneError);
      expect(String(errors[0]![0])).toMatch(/AskingThread\.lookup: the result of its slot cannot be copied to thread/);
      expect(await thread.wait()).toBe(true);
    } finally {
      setErrorHandler(previous);
    }
  });

  test('QueuedConnection does not block the worker: each emit has returned before the main slot runs', async () => {
    const thread = new BlockingThread();
    thread.count = 3;
    const returnedBeforeSlot: boolean[] = [];
    thread.tick.connect((n) => {
      // Waits here, on main, for the worker's "emit returned" mark: a blocking emit could never set it (it would
      // wait for this slot), so the wait would time out.
      for (let waited = 0; Atomics.load(thread.shared, 1) < n && waited < 5000; waited += 10)
        Atomics.wait(thread.shared, 1, Atomics.load(thread.shared, 1), 10);
      returnedBeforeSlot.push(Atomics.load(thread.shared, 1) >= n);
    }, ConnectionType.QueuedConnection);
    thread.start();
    await thread.wait();
    expect(returnedBeforeSlot).toEqual([true, true, true]);
  });

  test('a blocking slot that throws releases the worker; the error is reported with the signal name', async () => {
    const errors: Array<[unknown, ErrorContext]> = [];
    const previous = setErrorHandler((error, context) => errors.push([error, context]));
    try {
      const thread = new BlockingThread();
      thread.count = 2;
      thread.tick.connect(() => {
        throw new Error('slot failed');
      }, ConnectionType.BlockingQueuedConnection);
      const report = thread.report.once();
      thread.start();
      await report;
      await thread.wait();
      expect(errors).toHaveLength(2);
      expect(String(errors[0]![0])).toContain('slot failed');
      expect(errors[0]![1].signal).toBe('BlockingThread.tick');
    } finally {
      setErrorHandler(previous);
    }
  });

  test('a slot that throws does not stop the other slots nor the thread', async () => {
    const previous = setErrorHandler(() => undefined);
    try {
      const thread = new CounterThread();
      thread.count = 5;
      const receiver = new Receiver();
      thread.value.connect(() => {
        throw new Error('first slot fails');
      });
      thread.value.connect(receiver, receiver.onValue);
      thread.start();
      await thread.wait();
      expect(receiver.values).toEqual([0, 1, 2, 3, 4]);
    } finally {
      setErrorHandler(previous);
    }
  });

  test('a DirectConnection to a signal emitted in a worker is refused at connect time, naming the alternative', () => {
    const thread = new CounterThread();
    const receiver = new Receiver();
    expect(() => thread.value.connect(receiver, receiver.onValue, ConnectionType.DirectConnection)).toThrow(
      ConnectionTypeError,
    );
    expect(() => thread.value.connect(() => undefined, ConnectionType.DirectConnection)).toThrow(
      /emitted in worker #\d+, another isolate with no shared heap. Use AutoConnection or QueuedConnection/,
    );
  });

  test('a destroyed receiver gets nothing more from the worker', async () => {
    const thread = new CounterThread();
    thread.count = 1000;
    const receiver = new Receiver();
    thread.value.connect(receiver, (n: number) => {
      receiver.values.push(n);
      if (n === 9) receiver.destroy();
    });
    thread.start();
    await thread.wait();
    expect(receiver.values).toHaveLength(10);
  });

  test("a slot that destroys a later connection's receiver mid-batch: that receiver gets nothing from that emit on", async () => {
    const thread = new CounterThread();
    thread.count = 1000;
    const first = new Receiver();
    const second = new Receiver();
    thread.value.connect(first, (n: number) => {
      first.values.push(n);
      if (n === 9) second.destroy();
    });
    thread.value.connect(second, second.onValue);
    thread.start();
    await thread.wait();
    expect(first.values).toHaveLength(1000);
    expect(second.values).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test("sender() in a slot a worker's emits reach names the thread object; a bare function slot between two sees none", async () => {
    const thread = new CounterThread();
    thread.count = 100;
    const first = new Receiver();
    const second = new Receiver();
    const seen: unknown[] = [];
    thread.value.connect(first, () => seen.push(first.sender() === thread));
    thread.value.connect(() => seen.push(first.sender(), second.sender()));
    thread.value.connect(second, () => seen.push(second.sender() === thread && first.sender() === null));
    thread.start();
    await thread.wait();
    expect(seen).toEqual(Array.from({ length: 100 }, () => [true, null, null, true]).flat());
  });

  test("a slot that moves a receiver out of every thread mid-batch: the batch's later calls to it wait until it is moved back", async () => {
    const thread = new CounterThread();
    thread.count = 1000;
    const mover = new Receiver();
    const moved = new Receiver();
    thread.value.connect(mover, (n: number) => {
      mover.values.push(n);
      if (n === 4) moved.moveToThread(null); // Qt: queued calls to an object with no thread wait for it
    });
    let allArrived = (): void => undefined;
    const arrived = new Promise<void>((resolve) => (allArrived = resolve));
    thread.value.connect(moved, (n: number) => {
      moved.values.push(n);
      if (n === 999) allArrived();
    });
    thread.start();
    await thread.wait();
    expect(mover.values).toHaveLength(1000);
    expect(moved.values).toEqual([0, 1, 2, 3]);
    moved.moveToThread(currentThread()); // the held calls run on this thread's loop, in order
    await arrived;
    expect(moved.values).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  test('SingleShotConnection across threads runs once', async () => {
    const thread = new CounterThread();
    thread.count = 5;
    const receiver = new Receiver();
    thread.value.connect(
      receiver,
      receiver.onValue,
      ConnectionType.QueuedConnection | ConnectionType.SingleShotConnection,
    );
    thread.start();
    await thread.wait();
    expect(receiver.values).toEqual([0]);
  });
});
