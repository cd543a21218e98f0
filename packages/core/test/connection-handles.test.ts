import { ConnectionType, QObject, Signal } from '@sigslot/core';
import { flushQueued } from './helpers';

// A signal keeps no object per connection (src/signal/connection-list.ts): `connect()` returns a handle that finds
// its connection by id. These tests check that a handle still means one connection, whatever else happens.

class Receiver extends QObject {
  readonly seen: string[] = [];
  onValue(value: number): void {
    this.seen.push(`method ${value}`);
  }
}

describe('connection handles', () => {
  test('of two connections of one function, each handle removes its own, and the other keeps its place', () => {
    const signal = new Signal<[number]>(null, 'value');
    const seen: string[] = [];
    const fn = (v: number): number => seen.push(`fn ${v}`);
    const first = signal.connect(fn);
    signal.connect((v) => seen.push(`between ${v}`));
    const second = signal.connect(fn);
    expect(first.disconnect()).toBe(true);
    expect([first.connected, second.connected]).toEqual([false, true]);
    signal.emit(1);
    expect(seen).toEqual(['between 1', 'fn 1']);
    expect(first.disconnect()).toBe(false);
    expect(second.disconnect()).toBe(true);
  });

  test('a handle sees a removal made another way: by function, by receiver, by its destruction, by a single shot', () => {
    const signal = new Signal<[number]>(null, 'value');
    const fn = (): void => undefined;
    const byFunction = signal.connect(fn);
    const receiver = new Receiver();
    const byReceiver = signal.connect(receiver, receiver.onValue);
    const destroyed = new Receiver();
    const byDestruction = signal.connect(destroyed, 'onValue');
    const singleShot = signal.connect(receiver, receiver.onValue, ConnectionType.SingleShotConnection);
    expect([byFunction, byReceiver, byDestruction, singleShot].map((c) => c.connected)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    signal.emit(1);
    expect(singleShot.connected).toBe(false);
    signal.disconnect(fn);
    signal.disconnect(receiver);
    destroyed.destroy();
    expect([byFunction, byReceiver, byDestruction].map((c) => c.connected)).toEqual([false, false, false]);
    expect(signal.connectionCount).toBe(0);
    expect(receiver.seen).toEqual(['method 1', 'method 1']);
  });

  test('a queued connection keeps working, and its handle still removes it, after its first posted call', async () => {
    const signal = new Signal<[number]>(new QObject(), 'value');
    const receiver = new Receiver();
    const queued = signal.connect(receiver, receiver.onValue, ConnectionType.QueuedConnection);
    signal.emit(1);
    await flushQueued();
    signal.emit(2);
    expect(queued.disconnect()).toBe(true);
    await flushQueued();
    signal.emit(3);
    await flushQueued();
    // The call posted by the emit before the disconnect still runs (Qt: a posted call survives a disconnect).
    expect(receiver.seen).toEqual(['method 1', 'method 2']);
    expect(signal.connectionCount).toBe(0);
  });

  test('after 2^21 connections the ids start again, skipping those still connected', () => {
    const signal = new Signal<[number]>(null, 'value');
    const seen: string[] = [];
    const kept = signal.connect((v) => seen.push(`kept ${v}`)); // the first id, still in use when ids start again
    const fn = (): void => undefined;
    for (let i = 0; i < 2 ** 21; i++) signal.disconnect(signal.connect(fn));
    expect(signal.connectionCount).toBe(1); // each handle found its own connection, none took the kept one's id
    const late = signal.connect((v) => seen.push(`late ${v}`));
    const later = signal.connect((v) => seen.push(`later ${v}`));
    signal.emit(1);
    expect(late.disconnect()).toBe(true);
    expect([kept.connected, late.connected, later.connected]).toEqual([true, false, true]);
    signal.emit(2);
    expect(kept.disconnect()).toBe(true);
    signal.emit(3);
    expect(seen).toEqual(['kept 1', 'late 1', 'later 1', 'kept 2', 'later 2', 'later 3']);
  });
});
