// Type tests for the bridges, SignalSpy, waitFor and QTimer.
import { EventEmitter } from 'node:events';
import type TypedEmitter from 'typed-emitter';
import {
  QObject,
  QTimer,
  Signal,
  SignalSpy,
  fromEventEmitter,
  fromEventTarget,
  toEventEmitter,
  toEventTarget,
  waitFor,
  type EventSignal,
  type SingleShotTimer,
  type TypedEventEmitter,
  type TypedEventTarget,
} from '@sigslot/core';

// --- EventEmitter bridges: the event name and the arguments are checked. The emitter is typed with core's own
// TypedEventEmitter; one typed with typed-emitter's TypedEmitter (core does not depend on it) is assignable to it.
type Events = { data: (chunk: string, index: number) => void; end: () => void };
const emitter = new EventEmitter() as TypedEventEmitter<Events>;
const typedEmitter = new EventEmitter() as TypedEmitter<Events>;
const fromTyped: EventSignal<[chunk: string, index: number]> = fromEventEmitter<Events, 'data'>(typedEmitter, 'data');
const retyped: TypedEventEmitter<Events> = typedEmitter;
toEventEmitter(new Signal<[chunk: string, index: number]>(), retyped, 'data');
// @ts-expect-error typed-emitter's, given the map: an event the emitter does not declare
fromEventEmitter<Events, 'finish'>(typedEmitter, 'finish');
// @ts-expect-error typed-emitter's, retyped: the signal's arguments do not fit the event's listener
toEventEmitter(new Signal<[value: number]>(), retyped, 'data');
// @ts-expect-error an emitter typed with another map
const wrongMap: TypedEventEmitter<{ data: (n: number) => void }> = typedEmitter;

const data: EventSignal<[chunk: string, index: number]> = fromEventEmitter(emitter, 'data');
const end: EventSignal<[]> = fromEventEmitter(emitter, 'end', { signal: new AbortController().signal });
data.connect((chunk, index) => chunk.repeat(index));
// @ts-expect-error an event the emitter does not declare
fromEventEmitter(emitter, 'finish');
// @ts-expect-error a slot of the wrong shape for the event
fromEventEmitter(emitter, 'data').connect((chunk: number) => chunk);
// @ts-expect-error an untyped EventEmitter: type it with TypedEventEmitter<Events> first
fromEventEmitter(new EventEmitter(), 'data');

const chunks = new Signal<[chunk: string, index: number]>();
const numbers = new Signal<[value: number]>();
toEventEmitter(chunks, emitter, 'data');
toEventEmitter(new Signal<[]>(), emitter, 'end');
// @ts-expect-error the signal's arguments do not fit the event's listener
toEventEmitter(numbers, emitter, 'data');
// @ts-expect-error an event the emitter does not declare
toEventEmitter(chunks, emitter, 'chunk');

// --- EventTarget bridges: typed through TypedEventTarget, any type on a plain EventTarget.
type ProgressEvents = { progress: CustomEvent<number>; done: Event };
const target = new EventTarget() as TypedEventTarget<ProgressEvents>;

const progress: EventSignal<[event: CustomEvent<number>]> = fromEventTarget(target, 'progress');
progress.connect((event) => event.detail.toFixed());
const anything: EventSignal<[event: Event]> = fromEventTarget(new EventTarget(), 'whatever', { capture: true });
// @ts-expect-error an event type the target does not declare
fromEventTarget(target, 'progres');
// @ts-expect-error the detail is a number
fromEventTarget(target, 'progress').connect((event: CustomEvent<string>) => event.detail);

toEventTarget(numbers, target, 'progress', (value) => new CustomEvent('progress', { detail: value }));
toEventTarget(new Signal<[]>(), target, 'done', () => new Event('done'));
// @ts-expect-error the event made must be the declared class (a CustomEvent<number>)
toEventTarget(numbers, target, 'progress', (value) => new CustomEvent('progress', { detail: String(value) }));
// @ts-expect-error makeEvent must take the signal's arguments
toEventTarget(numbers, target, 'progress', (value: string) => new CustomEvent('progress', { detail: value.length }));
// @ts-expect-error an event type the target does not declare
toEventTarget(numbers, target, 'finished', () => new Event('finished'));

// --- SignalSpy keeps the signal's argument types.
const spy = new SignalSpy(chunks);
const first: [chunk: string, index: number] = spy.at(0);
const taken: string = spy.takeFirst()[0];
const waited: Promise<boolean> = spy.wait(100);
for (const [chunk, index] of spy) void [chunk.length, index.toFixed()];
// @ts-expect-error the first argument is a string
const wrongSpy: number = spy.at(0)[0];

// --- waitFor takes a boolean condition.
const waiting: Promise<void> = waitFor(() => spy.count > 1, 100, { description: 'two chunks' });
// @ts-expect-error the condition must be a function
void waitFor(spy.count > 1);

// --- QTimer.
class Poller extends QObject {
  poll(): void {}
  pollWith(url: string): void {
    void url;
  }
}
const poller = new Poller();
const timer = new QTimer(poller);
timer.timeout.connect(poller, 'poll');
timer.interval = 10;
timer.singleShot = true;
const s1: SingleShotTimer = QTimer.singleShot(10, () => undefined);
const s2: SingleShotTimer = QTimer.singleShot(10, poller, 'poll');
QTimer.singleShot(10, poller, function (this: Poller) {
  this.poll();
});
// @ts-expect-error a method that needs an argument cannot be called by a timer
QTimer.singleShot(10, poller, 'pollWith');
// @ts-expect-error a method that does not exist
QTimer.singleShot(10, poller, 'refresh');
// @ts-expect-error timeout has no arguments
timer.timeout.emit(1);

void [fromTyped, wrongMap, data, end, anything, first, taken, waited, wrongSpy, waiting, s1, s2];

// makeEvent may ignore the signal's arguments; they are taken from the signal, not from makeEvent.
toEventTarget(numbers, target, 'done', () => new Event('done'));
