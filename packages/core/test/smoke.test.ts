import { ConnectionType, QObject, Signal, currentThread } from '@sigslot/core';

class Counter extends QObject {
  readonly valueChanged = new Signal<[value: number]>(this);
  value = 0;
  setValue(value: number): void {
    this.value = value;
    this.valueChanged.emit(value);
  }
}

test('a direct slot runs during emit and a queued one after it returns', async () => {
  const a = new Counter();
  const b = new Counter();
  const seen: string[] = [];
  let queuedRan!: () => void;
  const queued = new Promise<void>((resolve) => (queuedRan = resolve));
  a.valueChanged.connect(b, b.setValue);
  a.valueChanged.connect((v) => seen.push(`direct ${v}`));
  a.valueChanged.connect(b, (v: number) => (seen.push(`queued ${v}`), queuedRan()), ConnectionType.QueuedConnection);
  a.setValue(3);
  seen.push('after emit');
  expect(b.value).toBe(3);
  await queued;
  expect(currentThread().isMainThread()).toBe(true);
  expect(seen).toEqual(['direct 3', 'after emit', 'queued 3']);
});
