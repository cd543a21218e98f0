import { EventEmitter } from 'node:events';
import {
  fromEventEmitter,
  fromEventTarget,
  QObject,
  Signal,
  toEventEmitter,
  toEventTarget,
  type TypedEventEmitter,
  type TypedEventTarget,
} from '@sigslot/core';

// #region from-emitter
// An EventEmitter's event as a signal. The emitter is typed with its events, so the signal's arguments are known.
const stream = new EventEmitter() as TypedEventEmitter<{ data: (chunk: string, index: number) => void }>;
const stop = new AbortController();
const data = fromEventEmitter(stream, 'data', { signal: stop.signal }); // EventSignal<[chunk: string, index: number]>
data.connect((chunk, index) => console.log(`data ${index}: ${chunk}`));
stream.emit('data', 'hello', 0);
stop.abort(); // removes the listener from the emitter (as data.dispose() would)
stream.emit('data', 'not seen', 1);
// #endregion from-emitter

// #region to-emitter
// A signal re-emitted on an EventEmitter, for code that listens with on().
class Job extends QObject {
  readonly finished = new Signal<[code: number]>(this);
}
const job = new Job();
const legacy = new EventEmitter() as TypedEventEmitter<{ end: (code: number) => void }>;
legacy.on('end', (code) => console.log(`legacy listener: end ${code}`));
const bridge = toEventEmitter(job.finished, legacy, 'end'); // a Connection: disconnect() to stop
job.finished.emit(0);
bridge.disconnect();
// #endregion to-emitter

// #region from-target
// A DOM (or Node) EventTarget's events as a signal. TypedEventTarget gives each event type its class.
const uploader = new EventTarget() as TypedEventTarget<{ progress: CustomEvent<number> }>;
const progress = fromEventTarget(uploader, 'progress'); // EventSignal<[event: CustomEvent<number>]>
progress.connect((event) => console.log(`progress event: ${event.detail}%`));
uploader.dispatchEvent(new CustomEvent('progress', { detail: 42 }));
progress.dispose();
// #endregion from-target

// #region to-target
// A signal dispatched as events on an EventTarget, each made by makeEvent from the signal's arguments.
class Upload extends QObject {
  readonly percent = new Signal<[value: number]>(this);
}
const upload = new Upload();
const page = new EventTarget() as TypedEventTarget<{ percent: CustomEvent<number> }>;
page.addEventListener('percent', (event) => console.log(`page listener: ${(event as CustomEvent<number>).detail}%`));
toEventTarget(upload.percent, page, 'percent', (value) => new CustomEvent('percent', { detail: value }));
upload.percent.emit(7);
// #endregion to-target
