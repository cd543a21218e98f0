import { assertMainThread, mainThreadOnly, type GuardOptions } from '@sigslot/core';

/** The fix every Designer affinity message proposes (the pattern of Designer's "Using threads" page). */
export const DESIGNER_FIX = 'Emit a signal connected with QueuedConnection to a receiver on the main thread instead.';

/** Guard options of the Designer API classes: `…; the Designer API is main-thread-only. Emit a signal…` */
export const DESIGNER_GUARD: GuardOptions = { api: 'the Designer API', fix: DESIGNER_FIX };

/** Guard options of the Qt widgets the UI manager hands out (menus, actions, dock widgets): `the Qt GUI is main-thread-only`. */
export const QT_GUI_GUARD: GuardOptions = { api: 'the Qt GUI', fix: DESIGNER_FIX };

type AnyClass = abstract new (...args: never[]) => object;

/**
 * Makes every method (prototype and static, inherited ones included) of a Designer API class
 * main-thread-only through the core guard. Apply it to concrete classes only, so that inherited methods are
 * named after the class the user called them on (`SDSBSCompGraph.getIdentifier()`, not `SDResource…`).
 */
export function designerApi<C extends AnyClass>(cls: C): C {
  return mainThreadOnly(cls, DESIGNER_GUARD);
}

/** Like {@link designerApi}, for the Qt widget mocks: widgets, like the Designer API, live on the main thread. */
export function qtGui<C extends AnyClass>(cls: C): C {
  return mainThreadOnly(cls, QT_GUI_GUARD);
}

/** Checks the calling thread for an API entry point that is a function, not a method: `sd.getContext()`. */
export function assertDesignerThread(owner: string, method: string): void {
  assertMainThread(owner, method, DESIGNER_GUARD);
}
