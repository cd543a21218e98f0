import { InvalidArgumentError } from '@sigslot/core';
import { QFuture } from '../future/qfuture';
import { QThreadPool } from '../pool/qthreadpool';
import type { TaskRef } from '../task/task-ref';
import { isOrdered, MapKernel, type KernelMode, type Reducer } from './map-kernel';
import { ReduceOption, type ReduceOptions } from './reduce-option';

/** A task that takes one item. */
export type ItemTask = (item: never) => unknown;
type Item<F extends ItemTask> = Parameters<F>[0];
type Out<F extends ItemTask> = Awaited<ReturnType<F>>;

/** How a reduce starts and in which order it sees the values. */
export interface ReduceSettings<U> {
  /** The accumulator the first reduce call gets; without it the first value is the accumulator (Array#reduce). */
  readonly initialValue?: U;
  /** {@link ReduceOption} flags; default `UnorderedReduce | SequentialReduce`. */
  readonly options?: ReduceOptions;
}

function start(
  what: KernelMode,
  rest: readonly unknown[],
  reduce: { fn: unknown; settings: ReduceSettings<unknown> | undefined } | null,
): MapKernel {
  const pool = rest[0] instanceof QThreadPool ? rest[0] : QThreadPool.globalInstance();
  const [items, task] = (rest[0] instanceof QThreadPool ? rest.slice(1) : rest) as [unknown, TaskRef<ItemTask>];
  if (!Array.isArray(items))
    throw new InvalidArgumentError(`QtConcurrent.${what}(): the items must be an array, not ${typeof items}.`);
  if (typeof task !== 'object' || task === null || typeof task.module !== 'string')
    throw new InvalidArgumentError(
      `QtConcurrent.${what}(): the function must be a task reference (taskModule<typeof Tasks>(path).name), not ${typeof task}. A worker cannot run a closure from this thread.`,
    );
  let reducer: Reducer | null = null;
  if (reduce) {
    if (typeof reduce.fn !== 'function')
      throw new InvalidArgumentError(`QtConcurrent.${what}Reduced(): the reduce function must be a function.`);
    const settings = reduce.settings ?? {};
    reducer = {
      fn: reduce.fn as Reducer['fn'],
      ordered: isOrdered(settings.options ?? ReduceOption.UnorderedReduce),
      initial: 'initialValue' in settings ? { value: settings.initialValue } : null,
    };
  }
  return new MapKernel(pool, what === 'map' ? items : items.slice(), task, what, reducer);
}

/** `mapped(pool?, items, task)`: one result per item, stored at the item's index; awaiting gives them all. */
export interface Mapped {
  <F extends ItemTask>(items: readonly Item<F>[], task: TaskRef<F>): QFuture<Out<F>, Out<F>[]>;
  <F extends ItemTask>(pool: QThreadPool, items: readonly Item<F>[], task: TaskRef<F>): QFuture<Out<F>, Out<F>[]>;
}
export const mapped: Mapped = (...rest: unknown[]) => new QFuture(start('mapped', rest, null).state, 'all') as never;

/** `map(pool?, items, task)`: replaces each item by the task's result, in place; the future carries no result. */
export interface MapInPlace {
  <T>(items: T[], task: TaskRef<(item: T) => T | Promise<T>>): QFuture<void>;
  <T>(pool: QThreadPool, items: T[], task: TaskRef<(item: T) => T | Promise<T>>): QFuture<void>;
}
export const map: MapInPlace = (...rest: unknown[]) => new QFuture(start('map', rest, null).state) as never;

/** `filtered(pool?, items, task)`: the items the task keeps (returns truthy for), in input order. */
export interface Filtered {
  <T>(items: readonly T[], task: TaskRef<(item: T) => unknown>): QFuture<T, T[]>;
  <T>(pool: QThreadPool, items: readonly T[], task: TaskRef<(item: T) => unknown>): QFuture<T, T[]>;
}
export const filtered: Filtered = (...rest: unknown[]) =>
  new QFuture(start('filtered', rest, null).state, 'all') as never;

/** `mappedReduced(pool?, items, task, reduce, settings?)`: the results folded by `reduce` on this thread. */
export interface MappedReduced {
  <F extends ItemTask, U>(
    items: readonly Item<F>[],
    task: TaskRef<F>,
    reduce: (accumulator: U, value: Out<F>) => U,
    settings?: ReduceSettings<U>,
  ): QFuture<U>;
  <F extends ItemTask, U>(
    pool: QThreadPool,
    items: readonly Item<F>[],
    task: TaskRef<F>,
    reduce: (accumulator: U, value: Out<F>) => U,
    settings?: ReduceSettings<U>,
  ): QFuture<U>;
}
export const mappedReduced: MappedReduced = (...rest: unknown[]) => reduced('mapped', rest) as never;

/** `filteredReduced(pool?, items, task, reduce, settings?)`: the kept items folded by `reduce` on this thread. */
export interface FilteredReduced {
  <T, U>(
    items: readonly T[],
    task: TaskRef<(item: T) => unknown>,
    reduce: (accumulator: U, item: T) => U,
    settings?: ReduceSettings<U>,
  ): QFuture<U>;
  <T, U>(
    pool: QThreadPool,
    items: readonly T[],
    task: TaskRef<(item: T) => unknown>,
    reduce: (accumulator: U, item: T) => U,
    settings?: ReduceSettings<U>,
  ): QFuture<U>;
}
export const filteredReduced: FilteredReduced = (...rest: unknown[]) => reduced('filtered', rest) as never;

function reduced(what: 'mapped' | 'filtered', rest: readonly unknown[]): QFuture<unknown> {
  const at = rest[0] instanceof QThreadPool ? 3 : 2;
  const fn = rest[at];
  const settings = rest[at + 1] as ReduceSettings<unknown> | undefined;
  return new QFuture(start(what, rest.slice(0, at), { fn, settings }).state);
}
