import { ConnectionType, invokeMethod, QObject } from '@sigslot/core';

class Calculator extends QObject {
  add(a: number, b: number): number {
    return a + b;
  }
}

async function main(): Promise<void> {
  const calculator = new Calculator();
  const now: number = invokeMethod(calculator, 'add', ConnectionType.DirectConnection, 1, 2);
  const later: Promise<number> = invokeMethod(calculator, 'add', ConnectionType.QueuedConnection, 3, 4);
  console.log(now, await later); // 3 7: a queued call's result, which Qt cannot return
}

void main();
