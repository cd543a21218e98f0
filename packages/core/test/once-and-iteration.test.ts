import { CancelledError, ConnectionType, QObject, Signal } from '@sigslot/core';

class Download extends QObject {
  readonly progress = new Signal<[done: number, total: number]>(this);
  readonly finished = new Signal<[]>(this);
}

describe('signal.once()', () => {
  test('resolves with the arguments of the next emission and disconnects', async () => {
    const download = new Download();
    const next = download.progress.once();
    expect(download.progress.connectionCount).toBe(1);
    download.progress.emit(1, 10);
    download.progress.emit(2, 10);
    await expect(next).resolves.toEqual([1, 10]);
    expect(download.progress.connectionCount).toBe(0);
    expect(download.destroyed.connectionCount).toBe(0);
  });

  test('resolves from a queued emission too', async () => {
    const download = new Download();
    const target = new Download();
    download.finished.connect(target.finished, ConnectionType.QueuedConnection);
    const next = target.finished.once();
    download.finished.emit();
    await expect(next).resolves.toEqual([]);
  });

  test('once() with AbortSignal rejects with the abort reason and removes its connection', async () => {
    const download = new Download();
    const controller = new AbortController();
    const next = download.progress.once({ signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(next).rejects.toThrow('gave up');
    expect(download.progress.connectionCount).toBe(0);
    expect(download.destroyed.connectionCount).toBe(0);
    download.progress.emit(1, 1); // nothing left to resolve
  });

  test('once() with an already aborted signal rejects at once without connecting', async () => {
    const download = new Download();
    const reason = new Error('already');
    await expect(download.progress.once({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(download.progress.connectionCount).toBe(0);
  });

  test('once() rejects with CancelledError when the owner is destroyed first', async () => {
    const download = new Download().setObjectName('dl');
    const next = download.progress.once();
    download.destroy();
    await expect(next).rejects.toBeInstanceOf(CancelledError);
    await expect(next).rejects.toThrow(
      'Download "dl".progress.once(): the owner was destroyed before the signal was emitted.',
    );
  });

  test('once() on destroyed resolves with the object when it is destroyed', async () => {
    const download = new Download();
    const gone = download.destroyed.once();
    download.destroy();
    await expect(gone).resolves.toEqual([download]);
  });

  test('once() on a signal without owner waits for its emission', async () => {
    const standalone = new Signal<[string]>();
    const next = standalone.once();
    standalone.emit('x');
    await expect(next).resolves.toEqual(['x']);
  });
});

describe('for await over a signal', () => {
  test('yields each emission in order, buffering those not yet read', async () => {
    const download = new Download();
    const seen: Array<[number, number]> = [];
    const reading = (async () => {
      for await (const [done, total] of download.progress) {
        seen.push([done, total]);
        if (done === 3) break;
      }
    })();
    download.progress.emit(1, 3);
    download.progress.emit(2, 3);
    download.progress.emit(3, 3);
    download.progress.emit(4, 3);
    await reading;
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(download.progress.connectionCount).toBe(0); // break removed the connection
    expect(download.destroyed.connectionCount).toBe(0);
  });

  test('for-await iteration ends when the owner is destroyed', async () => {
    const download = new Download();
    const seen: number[] = [];
    let ended = false;
    const reading = (async () => {
      for await (const [done] of download.progress) seen.push(done);
      ended = true;
    })();
    download.progress.emit(1, 2);
    await Promise.resolve();
    download.progress.emit(2, 2);
    download.destroy();
    await reading;
    expect(ended).toBe(true);
    expect(seen).toEqual([1, 2]); // emissions made before the destruction are still read
  });

  test('an iterator waiting for the next emission is released when the owner is destroyed', async () => {
    const download = new Download();
    const iterator = download.progress[Symbol.asyncIterator]();
    const next = iterator.next();
    download.destroy();
    await expect(next).resolves.toEqual({ value: undefined, done: true });
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    await expect(iterator.return!()).resolves.toEqual({ value: undefined, done: true });
  });

  test('iterating a signal without owner works until return()', async () => {
    const standalone = new Signal<[number]>();
    const iterator = standalone[Symbol.asyncIterator]();
    expect(iterator[Symbol.asyncIterator]()).toBe(iterator);
    standalone.emit(1);
    await expect(iterator.next()).resolves.toEqual({ value: [1], done: false });
    await iterator.return!();
    expect(standalone.connectionCount).toBe(0);
  });
});

describe('a signal whose owner is already destroyed', () => {
  test('once() rejects at once with CancelledError instead of waiting forever', async () => {
    const download = new Download().setObjectName('dl');
    download.destroy();
    await expect(download.progress.once()).rejects.toThrow(CancelledError);
    await expect(download.progress.once()).rejects.toThrow(
      'Download "dl".progress.once(): the owner is destroyed, so the signal will not be emitted.',
    );
    expect(download.progress.connectionCount).toBe(0);
  });

  test('for await ends at once', async () => {
    const download = new Download();
    download.destroy();
    const seen: unknown[] = [];
    for await (const args of download.progress) seen.push(args);
    expect(seen).toEqual([]);
    expect(download.progress.connectionCount).toBe(0);
  });
});
