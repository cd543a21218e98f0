import { ConnectionType, QObject, Signal } from '@sigslot/core';

class Editor extends QObject {
  readonly changed = new Signal<[state: { text: string }]>(this);
}

const editor = new Editor();
const view = new QObject();
editor.changed.connect(view, (state) => console.log('queued slot sees', state.text), ConnectionType.QueuedConnection);

const state = { text: 'before' };
editor.changed.emit(state);
state.text = 'after'; // same thread: the queued slot gets the same object, not a copy
