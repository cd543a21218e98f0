import { QObject, QThread, Signal } from '@sigslot/thread';

/** A thread whose run() throws. */
export class Faulty extends QThread {
  static override readonly module = __filename;
  override run(): void {
    throw new TypeError('the timer broke');
  }
}

/** A worker object (created in a thread with thread.create) whose methods fail. */
export class Parser extends QObject {
  static readonly module = __filename;
  readonly parsed = new Signal<[result: unknown]>(this);

  parse(text: string): number {
    const value = Number(text);
    if (Number.isNaN(value)) throw new RangeError(`not a number: ${text}`);
    return value;
  }

  emitCallback(): void {
    this.parsed.emit({ onDone: () => 'a function cannot be copied to another thread' });
  }
}
