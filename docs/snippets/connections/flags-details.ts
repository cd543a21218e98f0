import { ConnectionType, QObject, Signal } from '@sigslot/core';

const { QueuedConnection, UniqueConnection, SingleShotConnection } = ConnectionType;

class Counter extends QObject {
  readonly valueChanged = new Signal<[value: number]>(this);
}
class Display extends QObject {
  show(value: number): void {
    console.log(`show ${value}`);
  }
}

const counter = new Counter();
const display = new Display();

// Unique compares sender, signal, receiver and method: the name and the function are one slot, whatever the type.
const named = counter.valueChanged.connect(display, 'show', UniqueConnection);
const passed = counter.valueChanged.connect(display, display.show, QueuedConnection | UniqueConnection);
console.log(named.connected, passed.connected); // true false

// A queued single-shot connection breaks at the emit; its one call still runs, later.
const once = counter.valueChanged.connect(
  (value) => console.log(`once ${value}`),
  QueuedConnection | SingleShotConnection,
);
counter.valueChanged.emit(1);
console.log('connected after the emit:', once.connected);
counter.valueChanged.emit(2);
