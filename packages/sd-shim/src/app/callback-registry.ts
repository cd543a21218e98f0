import { describeValue } from '../base/binding';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';

/** The arguments Designer passes to each kind of callback. */
export interface CallbackSignatures {
  /** `(filePath)`: a package file is about to be loaded. */
  BeforeFileLoaded: [filePath: string];
  /** `(filePath, succeed, updated)`: a package file was loaded (`updated`: an open package was reloaded). */
  AfterFileLoaded: [filePath: string, succeed: boolean, updated: boolean];
  /** `(filePath, parentPackagePath)`: a package is about to be saved to `filePath` (its current path is the second). */
  BeforeFileSaved: [filePath: string, parentPackagePath: string];
  /** `(filePath, succeed)`: a package was saved (or failed to be). */
  AfterFileSaved: [filePath: string, succeed: boolean];
  /** `(filePath)`: a package is about to be unloaded (`''` if it was never saved). */
  BeforeFileClosed: [filePath: string];
  /** `(filePath)`: a package was unloaded. */
  AfterFileClosed: [filePath: string];
  /** `(graphViewID)`: a graph view was opened. */
  GraphViewCreated: [graphViewID: number];
  /** `(explorerID)`: an explorer panel was created. */
  ExplorerCreated: [explorerID: number];
  /** `(explorerID)`: the selection of an explorer panel changed. */
  ExplorerSelectionChanged: [explorerID: number];
}

/** A kind of callback. */
export type CallbackKind = keyof CallbackSignatures;

/** A callback of kind `K`. */
export type Callback<K extends CallbackKind> = (...args: CallbackSignatures[K]) => void;

/** The API object a callback was registered with (it is the one that can unregister it). */
export type CallbackOwner = 'SDApplication' | 'QtForPythonUIMgrWrapper';

interface Entry {
  readonly owner: CallbackOwner;
  readonly kind: CallbackKind;
  readonly fn: (...args: readonly unknown[]) => void;
}

/**
 * The registered callbacks. One counter for every register call of every owner (Designer's
 * `SDCallbackMap` is class-wide): ids are 1, 2, 3… in registration order. A callback stays referenced until
 * it is unregistered.
 */
export class CallbackRegistry {
  #last = 0;
  readonly #entries = new Map<number, Entry>();

  /** Registers `fn` for `kind`; returns its id. Raises `InvalidArgument` if `fn` is not a function. */
  register<K extends CallbackKind>(owner: CallbackOwner, kind: K, fn: Callback<K>, call: string): number {
    if (typeof fn !== 'function') {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: the callback must be a function, got ${describeValue(fn)}`,
      );
    }
    const id = ++this.#last;
    this.#entries.set(id, { owner, kind, fn: fn as unknown as (...args: readonly unknown[]) => void });
    return id;
  }

  /** Unregisters callback `id` of `owner`; raises `InvalidArgument` for an id it does not hold (Designer's rule). */
  unregister(owner: CallbackOwner, id: number, call: string): void {
    const entry = this.#entries.get(id);
    if (entry === undefined || entry.owner !== owner) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: no callback with id ${String(id)} is registered with ${owner}` +
          (entry ? ` (it belongs to ${entry.owner})` : ' (already unregistered, or never registered)'),
      );
    }
    this.#entries.delete(id);
  }

  /** How many callbacks are registered (for tests). */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Calls the callbacks of `kind` in registration order. One that throws does not stop the others or the
   * operation; its error is printed with `console.error`, as Designer prints it in its Python console.
   */
  fire<K extends CallbackKind>(kind: K, ...args: CallbackSignatures[K]): void {
    for (const [id, entry] of [...this.#entries]) {
      if (entry.kind !== kind || !this.#entries.has(id)) continue;
      try {
        entry.fn(...args);
      } catch (error) {
        console.error(`sd-shim: the ${kind} callback #${id} raised an error (Designer prints it and goes on):`, error);
      }
    }
  }
}
