/**
 * The one place that knows the layout of an emits batch (see `EmitBatch`): the worker encodes, the main side
 * validates and decodes. A batch is a flat array of runs, `objectId, signalIndex, version, argCount, emitCount`,
 * then `emitCount × argCount` argument values; a run whose arguments are all numbers has them in the batch's
 * `numbers` instead, and a negative `argCount` says so.
 */

/** Values in a run's header. */
const HEADER = 5;

/**
 * The most emits one batch may hold: a worker sends a batch when it reaches this many. It bounds the work one
 * message can cause on the main side (emits without arguments take no room in the batch).
 */
export const MAX_BATCH_EMITS = 4096;

/** Values (headers and arguments) a batch holds before it is sent, for emits with many arguments. */
export const MAX_BATCH_VALUES = 4 * MAX_BATCH_EMITS;

/** The most arguments one emit may carry in a run (a bound that keeps a malformed count from running away). */
const MAX_ARGS = 1 << 16;

/** The most arguments an emit passes one by one (`addNumbers`): a compiled emit's largest arity. */
const MAX_NUMBER_ARGS = 4;

/** The signal an emit is of, as a worker's forwarding connection names it: consecutive emits of one key share a run. */
export interface RunKey {
  readonly objectId: number;
  readonly signalIndex: number;
}

/** A batch as posted: its runs, and the arguments of its number runs. */
export interface Batch {
  readonly batch: readonly unknown[];
  readonly numbers: Float64Array | undefined;
}

/**
 * Builds a batch, one emit at a time: consecutive emits of one signal, arity and version share a run. Number
 * arguments go to a typed array, which the structured clone copies as one block and which makes no garbage here;
 * a JavaScript array is copied value by value.
 */
export class BatchEncoder {
  private values: unknown[] = [];
  private readonly numbers = new Float64Array(MAX_BATCH_VALUES);
  private numberCount = 0;
  private emitCount = 0;
  private runKey: RunKey | null = null;
  private runArgs = 0;
  private runVersion = 0;
  private runAt = 0;
  /** Emits in the current run: written to its header when the run ends (an array store per emit costs more). */
  private runEmits = 0;

  /** Emits in the batch. */
  get emits(): number {
    return this.emitCount;
  }

  /** True when the batch is full: send it before adding more. */
  get full(): boolean {
    return (
      this.emitCount >= MAX_BATCH_EMITS ||
      this.values.length >= MAX_BATCH_VALUES ||
      this.numberCount > MAX_BATCH_VALUES - MAX_NUMBER_ARGS
    );
  }

  /** Adds one emit of `key`'s signal, routed at `version`. */
  add(key: RunKey, version: number, args: readonly unknown[]): void {
    const count = args.length;
    this.run(key, version, count);
    const values = this.values;
    for (let i = 0; i < count; i++) values.push(args[i]);
  }

  /**
   * {@link add} for an emit of `count` (1 to 4) numbers, given one by one: what a compiled emit posts, with no
   * array made for it.
   */
  addNumbers(key: RunKey, version: number, count: number, a0: number, a1: number, a2: number, a3: number): void {
    this.run(key, version, -count);
    const numbers = this.numbers;
    let n = this.numberCount;
    numbers[n++] = a0;
    if (count > 1) {
      numbers[n++] = a1;
      if (count > 2) {
        numbers[n++] = a2;
        if (count > 3) numbers[n++] = a3;
      }
    }
    this.numberCount = n;
  }

  /** Counts one more emit in the current run, or starts a run for it (`argCount` < 0: a number run). */
  private run(key: RunKey, version: number, argCount: number): void {
    if (this.runKey === key && this.runArgs === argCount && this.runVersion === version) {
      this.runEmits++;
    } else {
      const values = this.values;
      if (this.runKey !== null) values[this.runAt + 4] = this.runEmits;
      this.runKey = key;
      this.runArgs = argCount;
      this.runVersion = version;
      this.runAt = values.length;
      this.runEmits = 1;
      values.push(key.objectId, key.signalIndex, version, argCount, 1);
    }
    this.emitCount++;
  }

  /** Takes the batch built so far and starts a new one. */
  take(): Batch {
    const batch = this.values;
    if (this.runKey !== null) batch[this.runAt + 4] = this.runEmits;
    const numbers = this.numberCount === 0 ? undefined : this.numbers.slice(0, this.numberCount);
    this.values = [];
    this.numberCount = 0;
    this.emitCount = 0;
    this.runKey = null;
    return { batch, numbers };
  }
}

/** The number of emits in a validated batch: O(runs). */
export function countEmits(batch: readonly unknown[]): number {
  let count = 0;
  for (let i = 0; i < batch.length;) {
    const emits = batch[i + 4] as number;
    const argCount = batch[i + 3] as number;
    count += emits;
    i += HEADER + (argCount > 0 ? argCount * emits : 0);
  }
  return count;
}

/**
 * Calls `deliver` for each run of a validated batch, in order, with where its arguments are: `argCount` values per
 * emit in `values` from `at` (the batch, or its `numbers`). `route(objectId, signalIndex, version)` resolves where a
 * run's emits go, once per run (null: skip the run). Returns the number of emits.
 */
export function decodeBatch<R>(
  { batch, numbers }: Batch,
  route: (objectId: number, signalIndex: number, version: number) => R | null,
  deliver: (route: R, values: ArrayLike<unknown>, at: number, argCount: number, emits: number) => void,
): number {
  const length = batch.length;
  let count = 0;
  let n = 0; // the next value in `numbers`
  for (let i = 0; i < length;) {
    const target = route(batch[i] as number, batch[i + 1] as number, batch[i + 2] as number);
    const argCount = batch[i + 3] as number;
    const emits = batch[i + 4] as number;
    i += HEADER;
    count += emits;
    if (argCount < 0) {
      if (target !== null) deliver(target, numbers!, n, -argCount, emits);
      n -= argCount * emits;
    } else {
      if (target !== null) deliver(target, batch, i, argCount, emits);
      i += argCount * emits;
    }
  }
  return count;
}

/** By its internal tag, not `instanceof`: a message is deserialized in the receiving context's realm, not the caller's. */
const isFloat64Array = (v: unknown): v is Float64Array =>
  ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Float64Array]';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Checks a batch from a worker (untrusted): O(runs), not O(emits), since a run is checked as a whole, and the
 * emits it claims are bounded, so that delivering it is O(its length). Returns a reason when it is malformed.
 */
export function validateBatch(batch: unknown, numbers: unknown): string | null {
  if (!Array.isArray(batch) || (numbers !== undefined && !isFloat64Array(numbers))) return BATCH_SHAPE;
  const length = batch.length;
  let emits = 0;
  let numberCount = 0;
  for (let i = 0, entry = 0; i < length; entry++) {
    if (i + HEADER > length) return BATCH_SHAPE; // a truncated run
    const argCount = batch[i + 3];
    const emitCount = batch[i + 4];
    if (
      !isInt(batch[i]) ||
      !isInt(batch[i + 1]) ||
      !isInt(batch[i + 2]) ||
      !isInt(argCount) ||
      !isInt(emitCount) ||
      argCount < -MAX_NUMBER_ARGS ||
      argCount > MAX_ARGS ||
      emitCount < 1
    )
      return `"emits" has a malformed run at ${entry}`;
    emits += emitCount;
    if (emits > MAX_BATCH_EMITS) return `"emits" claims more than ${MAX_BATCH_EMITS} emits in one batch`;
    if (argCount < 0) numberCount -= argCount * emitCount;
    else i += argCount * emitCount;
    i += HEADER;
    if (i > length) return `"emits" has a run at entry ${entry} longer than the batch`;
  }
  if (numberCount !== (numbers === undefined ? 0 : numbers.length))
    return `"emits" has number runs of ${numberCount} values, and ${numbers === undefined ? 'no' : numbers.length} numbers`;
  return null;
}

const BATCH_SHAPE =
  '"emits" needs a batch of (objectId, signal, version, argCount, emitCount, ...arguments) runs, and numbers in a Float64Array';
