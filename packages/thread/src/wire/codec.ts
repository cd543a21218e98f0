/**
 * The one place that knows the layout of an emits batch (see `EmitBatch`): the worker encodes, the main side
 * validates and decodes. A batch is a flat array of runs, `objectId, signalIndex, version, argCount, emitCount`,
 * then `emitCount × argCount` argument values.
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

/** Builds a batch, one emit at a time: consecutive emits of one signal, arity and version share a run. */
export class BatchEncoder {
  private values: unknown[] = [];
  private emitCount = 0;
  private runKey: object | null = null;
  private runArgs = -1;
  private runVersion = 0;
  private runAt = 0;

  /** Emits in the batch. */
  get emits(): number {
    return this.emitCount;
  }

  /** True when the batch is full: send it before adding more. */
  get full(): boolean {
    return this.emitCount >= MAX_BATCH_EMITS || this.values.length >= MAX_BATCH_VALUES;
  }

  /** Adds one emit of signal `signalIndex` of object `objectId`; `key` identifies that signal (any object). */
  add(key: object, objectId: number, signalIndex: number, version: number, args: readonly unknown[]): void {
    const values = this.values;
    const count = args.length;
    if (this.runKey === key && this.runArgs === count && this.runVersion === version) {
      values[this.runAt + 4] = (values[this.runAt + 4] as number) + 1;
    } else {
      this.runKey = key;
      this.runArgs = count;
      this.runVersion = version;
      this.runAt = values.length;
      values.push(objectId, signalIndex, version, count, 1);
    }
    for (let i = 0; i < count; i++) values.push(args[i]);
    this.emitCount++;
  }

  /** Takes the batch built so far and starts a new one. */
  take(): unknown[] {
    const values = this.values;
    this.values = [];
    this.emitCount = 0;
    this.runKey = null;
    return values;
  }
}

/** The number of emits in a validated batch: O(runs). */
export function countEmits(batch: readonly unknown[]): number {
  let count = 0;
  for (let i = 0; i < batch.length;) {
    const emits = batch[i + 4] as number;
    count += emits;
    i += HEADER + (batch[i + 3] as number) * emits;
  }
  return count;
}

/**
 * Calls `deliver` for each emit of a validated batch, in order; `route(objectId, signalIndex, version)` resolves
 * where a run's emits go, once per run (null: skip the run). Returns the number of emits. Arguments arrive as a
 * fresh array per emit.
 */
export function decodeBatch<R>(
  batch: readonly unknown[],
  route: (objectId: number, signalIndex: number, version: number) => R | null,
  deliver: (route: R, args: unknown[]) => void,
): number {
  const length = batch.length;
  let count = 0;
  for (let i = 0; i < length;) {
    const target = route(batch[i] as number, batch[i + 1] as number, batch[i + 2] as number);
    const argCount = batch[i + 3] as number;
    const emits = batch[i + 4] as number;
    i += HEADER;
    count += emits;
    if (target === null) {
      i += argCount * emits;
    } else if (argCount === 1) {
      for (const end = i + emits; i < end; i++) deliver(target, [batch[i]]);
    } else if (argCount === 0) {
      for (let k = 0; k < emits; k++) deliver(target, []);
    } else {
      for (const end = i + emits * argCount; i < end; i += argCount) deliver(target, batch.slice(i, i + argCount));
    }
  }
  return count;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Checks a batch from a worker (untrusted): O(runs), not O(emits), since a run is checked as a whole, and the
 * emits it claims are bounded, so that delivering it is O(its length). Returns a reason when it is malformed.
 */
export function validateBatch(batch: unknown): string | null {
  if (!Array.isArray(batch)) return BATCH_SHAPE;
  const length = batch.length;
  let emits = 0;
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
      argCount < 0 ||
      argCount > MAX_ARGS ||
      emitCount < 1
    )
      return `"emits" has a malformed run at ${entry}`;
    emits += emitCount;
    if (emits > MAX_BATCH_EMITS) return `"emits" claims more than ${MAX_BATCH_EMITS} emits in one batch`;
    i += HEADER + argCount * emitCount;
    if (i > length) return `"emits" has a run at entry ${entry} longer than the batch`;
  }
  return null;
}

const BATCH_SHAPE = '"emits" needs a batch of (objectId, signal, version, argCount, emitCount, ...arguments) runs';
