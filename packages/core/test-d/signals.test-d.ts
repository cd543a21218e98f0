// Type tests for signals and slots: a wrong argument to emit, a slot of the wrong shape, or a method-name
// slot that does not exist or takes the wrong parameters must not compile.
import { ConnectionType, QObject, Signal, type Connection } from '@sigslot/core';

class Counter extends QObject {
  readonly valueChanged = new Signal<[value: number]>(this);
  readonly renamed = new Signal<[from: string, to: string]>(this);
  readonly reset = new Signal(this);
}

class Receiver extends QObject {
  onValue(value: number): void {
    void value;
  }
  onText(text: string): void {
    void text;
  }
  onNothing(): void {}
  onTwo(value: number, label: string): void {
    void [value, label];
  }
  notAMethod = 3;
}

const counter = new Counter();
const receiver = new Receiver();

// emit: the declared arguments, no more, no fewer, of the declared types.
counter.valueChanged.emit(1);
counter.renamed.emit('a', 'b');
counter.reset.emit();
// @ts-expect-error a string where a number is declared
counter.valueChanged.emit('1');
// @ts-expect-error a missing argument
counter.valueChanged.emit();
// @ts-expect-error an extra argument
counter.valueChanged.emit(1, 2);
// @ts-expect-error a signal with no arguments takes none
counter.reset.emit(1);
// @ts-expect-error one of two arguments of the wrong type
counter.renamed.emit('a', 2);

// Slots as functions: they may take fewer parameters, never other types or more required ones.
const c1: Connection<[value: number]> = counter.valueChanged.connect((value: number) => void value);
counter.valueChanged.connect(() => undefined);
counter.valueChanged.connect((value) => value.toFixed(2)); // inferred as number
counter.renamed.connect((from, to) => from.length + to.length);
// @ts-expect-error a slot taking a string for a number
counter.valueChanged.connect((value: string) => void value);
// @ts-expect-error a slot needing more arguments than the signal has
counter.valueChanged.connect((value: number, extra: string) => void [value, extra]);
// @ts-expect-error a slot of the wrong shape for a two-argument signal
counter.renamed.connect((from: number) => void from);
// @ts-expect-error not a connection type
counter.valueChanged.connect(() => undefined, 'queued');

// Slots on a receiver: a function with the receiver as `this`, or one of its method names that fits.
counter.valueChanged.connect(receiver, receiver.onValue);
counter.valueChanged.connect(receiver, 'onValue', ConnectionType.QueuedConnection);
counter.valueChanged.connect(receiver, 'onNothing');
counter.renamed.connect(receiver, 'onText'); // takes fewer parameters: fine
counter.valueChanged.connect(receiver, function (this: Receiver, value: number) {
  this.onValue(value);
});
// @ts-expect-error a method name that does not exist
counter.valueChanged.connect(receiver, 'onMissing');
// @ts-expect-error a method whose parameter has the wrong type
counter.valueChanged.connect(receiver, 'onText');
// @ts-expect-error a method needing more parameters than the signal has
counter.valueChanged.connect(receiver, 'onTwo');
// @ts-expect-error a property that is not a method
counter.valueChanged.connect(receiver, 'notAMethod');
// @ts-expect-error a function of the wrong shape for the receiver
counter.valueChanged.connect(receiver, (text: string) => void text);

// Signal to signal: the arguments must match.
const other = new Counter();
counter.valueChanged.connect(other.valueChanged);
// @ts-expect-error a signal with other arguments
counter.valueChanged.connect(other.renamed);

// once() and for await yield the arguments as a tuple.
async function consume(): Promise<void> {
  const [value] = await counter.valueChanged.once();
  const n: number = value;
  for await (const [from, to] of counter.renamed) {
    const s: string = from + to;
    void s;
  }
  // @ts-expect-error the value is a number
  const wrong: string = (await counter.valueChanged.once())[0];
  void [n, wrong];
}

// A bare Signal declares its arguments.
const standalone = new Signal<[x: number, y: number]>(null, 'moved');
standalone.emit(1, 2);
// @ts-expect-error a missing argument
standalone.emit(1);

void [c1, consume];

// A declared result: slots must return it, and emit returns it (or undefined).
class Form extends QObject {
  readonly validate = new Signal<[text: string], boolean>(this);
}
class Checker extends QObject {
  check(text: string): boolean {
    return text !== '';
  }
  describeText(text: string): string {
    return text;
  }
}
const form = new Form();
const checker = new Checker();
form.validate.connect((text) => text.length > 0);
form.validate.connect(checker, checker.check);
form.validate.connect(checker, 'check');
form.validate.connect(() => undefined); // a slot may return nothing: emit then gives undefined
const valid: boolean | undefined = form.validate.emit('x');
void valid;
// @ts-expect-error a slot returning a string for a signal whose result is a boolean
form.validate.connect((text: string) => text);
// @ts-expect-error a method returning a string, by value
form.validate.connect(checker, checker.describeText);
// @ts-expect-error a method returning a string, by name
form.validate.connect(checker, 'describeText');
// @ts-expect-error emit's result is boolean | undefined, not a string
const wrong: string = form.validate.emit('x');
void wrong;
