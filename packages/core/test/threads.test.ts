import { QObject, Thread, currentThread } from '@sigslot/core';
import { ThreadData, currentThreadData } from '@sigslot/core/kernel';

// This file's first use of the library is an object's thread(): the main thread must exist from the start.
test('an object created on the main thread lives in the main thread, before anything asked for it', () => {
  const obj = new QObject();
  const thread = obj.thread();
  expect(thread).not.toBeNull();
  expect(thread).toBeInstanceOf(Thread);
  expect(thread!.isMainThread()).toBe(true);
  expect(thread!.isCurrentThread()).toBe(true);
  expect(thread).toBe(currentThread());
});

test('the main thread has id 0, is named "main", and its objectName renames it in messages', () => {
  const main = currentThread();
  expect(main.threadId).toBe(0);
  expect(main.describe()).toBe('main');
  expect(currentThreadData().describe()).toBe('main');
  main.objectName = 'ui';
  expect(main.describe()).toBe('"ui" (main)');
  main.objectName = 'main';
  expect(main.describe()).toBe('main');
});

test('a worker thread describes itself by name and number', () => {
  const unnamed = ThreadData.remote(7, 'worker #7', false, null);
  expect(unnamed.describe()).toBe('worker #7');
  const named = ThreadData.remote(8, 'TimerThread', false, null);
  expect(named.describe()).toBe('"TimerThread" (worker #8)');
});

test("ThreadData.nextId() gives a fresh id on every call, never the main thread's", () => {
  const ids = [ThreadData.nextId(), ThreadData.nextId(), ThreadData.nextId()];
  expect(new Set(ids).size).toBe(3);
  expect(ids).not.toContain(currentThreadData().id);
  expect([ids[0]! < ids[1]!, ids[1]! < ids[2]!]).toEqual([true, true]);
});
