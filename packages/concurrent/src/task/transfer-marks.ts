import type { TransferList } from '@sigslot/core';

/**
 * The values marked by {@link transfer}, with what each moves. Kept on the global object under a registered symbol,
 * so that a task module and the worker's runner share it even when they load the package from different bundles.
 */
const MARKS = Symbol.for('@sigslot/concurrent.transfer');
export function marks(): WeakMap<object, TransferList> {
  const global = globalThis as { [MARKS]?: WeakMap<object, TransferList> };
  return (global[MARKS] ??= new WeakMap());
}

/**
 * Moves the marked ones among `values` into a fresh copy now (their objects transferred, so the sender's are
 * detached and no bytes are copied) and returns it with the objects to transfer when it is posted; null when none
 * is marked. Each mark is used once.
 */
export function takeTransfers<T extends readonly unknown[]>(
  values: T,
): { readonly values: T; readonly transfer: object[] } | null {
  const registry = marks();
  let list: Set<object> | null = null;
  for (const value of values) {
    if (value === null || typeof value !== 'object') continue;
    const moved = registry.get(value);
    if (!moved) continue;
    registry.delete(value);
    list ??= new Set();
    for (const item of moved) list.add(item);
  }
  if (list === null) return null;
  const transferList = [...list];
  const [copy, transferred] = structuredClone([values, transferList], {
    transfer: transferList as Transferable[],
  }) as [T, object[]];
  return { values: copy, transfer: transferred };
}
