import { ConnectionType, QObject, Signal } from '@sigslot/core';

class Counter extends QObject {
  readonly valueChanged = new Signal<[value: number]>(this);
}

const counter = new Counter();
const display = new QObject();
counter.valueChanged.connect((value) => console.log('direct', value));
counter.valueChanged.connect(display, (value) => console.log('queued', value), ConnectionType.QueuedConnection);
counter.valueChanged.emit(42);
console.log('emit returned');
