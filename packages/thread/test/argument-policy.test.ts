// One argument policy on every path: a value crosses threads iff the platform's structuredClone copies it, and it
// arrives as structuredClone makes it. Real workers send and receive each case on the queued and the blocking path.
import { ConnectionType, invokeMethod, QObject, Signal } from '@sigslot/core';
import { CloneError, QThread } from '@sigslot/thread';
import { assertCloneable, snapshotArgs, uncloneable } from '../src/wire/clone-check';
import { Inspector, outcomeOf, policyCases, PolicyThread, summarize } from './fixtures/argument-policy';

/** The answer of a blocking call, or its error's name and message. */
function answerOf(call: () => string): string {
  try {
    return call();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

const ADVICE =
  'Pass plain data (numbers, strings, arrays, plain objects, Maps, typed arrays…); a thread cannot share functions or objects.';

/** What each case becomes on the other side: what structuredClone makes of it, on every path. */
const ARRIVES: Record<string, string> = {
  'own __proto__ key': 'plain object {__proto__={"polluted":true}, a=1}',
  'Error with a function property': 'RangeError: bad range; own enumerable keys []',
  cycle: 'plain object {name="loop", self=<itself>}',
};

describe('the argument policy is structuredClone, the same on every path', () => {
  test('the expected arrivals are what structuredClone itself makes of each case', () => {
    const cases = policyCases();
    for (const [label, summary] of Object.entries(ARRIVES))
      expect(summarize(structuredClone(cases[label]))).toBe(summary);
    expect(() => structuredClone(cases.Proxy)).toThrow(/could not be cloned/);
  });

  test('worker to main: queued and blocking emits copy an own "__proto__" key, an Error and a cycle alike, and refuse a Proxy alike', async () => {
    const thread = new PolicyThread();
    const arrived: string[] = [];
    const outcomes: string[] = [];
    const receiver = new QObject();
    const record = (path: string) => (label: string, value: unknown) =>
      arrived.push(`${path} ${label}: ${summarize(value)}`);
    thread.queued.connect(receiver, record('queued'), ConnectionType.QueuedConnection);
    thread.blocking.connect(receiver, record('blocking'), ConnectionType.BlockingQueuedConnection);
    thread.outcome.connect((label, path, outcome) => outcomes.push(`${path} ${label}: ${outcome}`));
    thread.start();
    await thread.wait();
    const expectedArrivals: string[] = [];
    const expectedOutcomes: string[] = [];
    for (const label of Object.keys(policyCases())) {
      for (const path of ['queued', 'blocking']) {
        if (label in ARRIVES) {
          expectedArrivals.push(`${path} ${label}: ${ARRIVES[label]}`);
          expectedOutcomes.push(`${path} ${label}: sent`);
        } else {
          expectedOutcomes.push(
            `${path} ${label}: CloneError: PolicyThread.${path}.emit(): argument 2 cannot be copied to another thread: it is a Proxy. ${ADVICE}`,
          );
        }
      }
    }
    expect(outcomes).toEqual(expectedOutcomes);
    expect(arrived).toEqual(expectedArrivals);
    expect('polluted' in {}).toBe(false);
  });

  test('main to worker: queued and blocking emits and invokeMethod copy and refuse the same values', async () => {
    const thread = new QThread();
    const inspector = thread.create(Inspector);
    class Sender extends QObject {
      readonly queued = new Signal<[label: string, value: unknown]>(this);
      readonly blocking = new Signal<[label: string, value: unknown]>(this);
    }
    const sender = new Sender();
    sender.queued.connect(inspector, 'receive', ConnectionType.QueuedConnection);
    sender.blocking.connect(inspector, 'receive', ConnectionType.BlockingQueuedConnection);
    const inspected: string[] = [];
    inspector.inspected.connect((label, summary) => inspected.push(`${label}: ${summary}`));
    thread.start();
    await thread.started.once();
    const outcomes: string[] = [];
    const expectedOutcomes: string[] = [];
    const expectedInspected: string[] = [];
    for (const [label, value] of Object.entries(policyCases())) {
      const queuedInvoke = await (async () =>
        invokeMethod(inspector, 'inspect', ConnectionType.QueuedConnection, value))().then(
        (summary) => summary,
        (error: Error) => `${error.name}: ${error.message}`,
      );
      outcomes.push(
        `invoke queued ${label}: ${queuedInvoke}`,
        `invoke blocking ${label}: ${answerOf(() => invokeMethod(inspector, 'inspect', ConnectionType.BlockingQueuedConnection, value))}`,
        `emit queued ${label}: ${outcomeOf(() => sender.queued.emit(label, value))}`,
        `emit blocking ${label}: ${outcomeOf(() => sender.blocking.emit(label, value))}`,
      );
      const refusal = (where: string, position: number): string =>
        `CloneError: ${where}: argument ${position} cannot be copied to another thread: it is a Proxy. ${ADVICE}`;
      if (label in ARRIVES) {
        expectedOutcomes.push(
          `invoke queued ${label}: ${ARRIVES[label]}`,
          `invoke blocking ${label}: ${ARRIVES[label]}`,
          `emit queued ${label}: sent`,
          `emit blocking ${label}: sent`,
        );
        expectedInspected.push(`${label}: ${ARRIVES[label]}`, `${label}: ${ARRIVES[label]}`);
      } else {
        expectedOutcomes.push(
          `invoke queued ${label}: ${refusal(`invokeMethod(${inspector.describe()}, "inspect")`, 1)}`,
          `invoke blocking ${label}: ${refusal(`invokeMethod(${inspector.describe()}, "inspect", BlockingQueuedConnection)`, 1)}`,
          `emit queued ${label}: ${refusal('Sender.queued.emit() to receive', 2)}`,
          `emit blocking ${label}: ${refusal('Sender.blocking.emit() to receive', 2)}`,
        );
      }
    }
    thread.quit();
    await thread.wait();
    expect(outcomes).toEqual(expectedOutcomes);
    expect(inspected).toEqual(expectedInspected);
    expect('polluted' in {}).toBe(false);
  });
});

describe('the diagnosis names the part that cannot be copied', () => {
  const what = (): string => 'Sender.signal.emit()';

  test('a function deep inside names its path; a QObject, a symbol Map value and a detached buffer say what they are', () => {
    expect(() => assertCloneable([1, { ok: 1, nested: { list: [0, { callback: () => 1 }] } }], what)).toThrow(
      `Sender.signal.emit(): argument 2 (at .nested.list[1].callback) cannot be copied to another thread: it is a function (callback). ${ADVICE}`,
    );
    expect(() => snapshotArgs([{ owner: new QObject() }], what)).toThrow(/argument 1 \(at \.owner\) .*it is a QObject/);
    expect(uncloneable(new Map([['k', Symbol('s')]]))).toBe(
      '(at .get(k)) cannot be copied to another thread: it is a symbol',
    );
    const buffer = new ArrayBuffer(4);
    const frame = new Uint8Array(buffer);
    structuredClone(buffer, { transfer: [buffer] }); // detaches it
    expect(uncloneable({ frame })).toBe(
      '(at .frame) cannot be copied to another thread: it is a detached ArrayBuffer (transferred away earlier)',
    );
  });

  test('a refusal is a CloneError on both paths of one value, and what passes one path passes the other', () => {
    for (const value of Object.values(policyCases())) {
      const queued = outcomeOf(() => snapshotArgs([value], what));
      const blocking = outcomeOf(() => assertCloneable([value], what));
      expect(queued).toBe(blocking);
    }
    expect(() => assertCloneable([new Proxy([1], {})], what)).toThrow(CloneError);
  });

  test('arguments passed twice arrive as one object, as one structured clone keeps them', () => {
    const shared = { x: 1 };
    const nested = { a: shared, b: shared };
    const [first, second, both] = snapshotArgs([shared, shared, nested], what) as [
      object,
      object,
      { a: object; b: object },
    ];
    expect(first).not.toBe(shared);
    expect(second).toBe(first);
    expect(both.a).toBe(both.b);
    expect(both.a).toBe(first);
  });
});
