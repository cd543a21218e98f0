// The standard worker pattern (QThread.worker + serveThreadClasses) runs in browsers: test/packaging/bundlers.test.ts
// builds it with Vite and webpack and runs it in Chromium. Here, what it does on Node and with wrong input.
import { InvalidArgumentError } from '@sigslot/core';
import { QThread, serveThreadClasses } from '@sigslot/thread';

test('serveThreadClasses takes an object of classes by export name, and says so when given something else', () => {
  expect(() => serveThreadClasses(undefined as never)).toThrow(InvalidArgumentError);
  expect(() => serveThreadClasses('Ticker' as never)).toThrow(
    'serveThreadClasses(classes): expected an object of classes by export name ({ Ticker }); got Ticker.',
  );
  class Served extends QThread {}
  expect(() => serveThreadClasses({ Served })).not.toThrow();
});

test('on Node a thread class still needs its module: a static worker is for browsers only, and the error says so', () => {
  class PageMadeWorker extends QThread {
    static override worker = (): never => {
      throw new Error('not called on Node');
    };
  }
  const thread = new PageMadeWorker();
  expect(() => thread.start()).toThrow(
    `${thread.describe()}.start(): PageMadeWorker does not say which module defines it, so a worker cannot load it. ` +
      'Add `static override readonly module = __filename;` (CommonJS) or `= import.meta.url` (ESM) to ' +
      'PageMadeWorker, and export the class from that module. (Its static worker is for browsers only.)',
  );
  expect(thread.isRunning()).toBe(false);
});
