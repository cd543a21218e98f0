import { ConnectionType, QObject, Signal } from '@sigslot/core';

class Button extends QObject {
  readonly clicked = new Signal<[]>(this);
}

const button = new Button();
const onClick = (): void => console.log('clicked');

const first = button.clicked.connect(onClick, ConnectionType.UniqueConnection);
const again = button.clicked.connect(onClick, ConnectionType.UniqueConnection);
console.log(first.connected, again.connected); // true false: the duplicate is refused

button.clicked.connect(() => console.log('only once'), ConnectionType.SingleShotConnection);
button.clicked.emit(); // clicked, only once
button.clicked.emit(); // clicked
