/** Any function a module can export as a task. */
export type TaskFunction = (...args: never[]) => unknown;

/**
 * A function exported by a module, named so that a worker can load it: the worker cannot run a closure from this
 * isolate, so a task is always "export `name` of module `module`". Made by {@link taskModule}; `F` is the function's
 * type, which types the arguments `run` accepts and the result its future carries.
 */
export interface TaskRef<F extends TaskFunction> {
  /** The module's path or URL (`__filename`, `require.resolve('./tasks')`, `new URL('./tasks.js', import.meta.url)`). */
  readonly module: string;
  /** The export's name. */
  readonly name: string;
  /** Carries `F` for the compiler only; never set. */
  readonly __function?: F;
}

/** Every exported function of a module type `M`, as a {@link TaskRef}. */
export type TaskModule<M> = {
  readonly [K in keyof M as M[K] extends TaskFunction ? K : never]: M[K] extends TaskFunction ? TaskRef<M[K]> : never;
};

/**
 * The tasks a module exports, typed from the module without loading it here:
 *
 * ```ts
 * import type * as Tasks from './tasks';
 * const tasks = taskModule<typeof Tasks>(require.resolve('./tasks'));
 * const future = QtConcurrent.run(tasks.fib, 30); // QFuture<number>
 * ```
 * @param module The module's path or URL; a `.ts` module is loaded through tsx on Node.
 */
export function taskModule<M>(module: string | URL): TaskModule<M> {
  const location = String(module);
  const refs = new Map<string, TaskRef<TaskFunction>>();
  return new Proxy({} as TaskModule<M>, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      let ref = refs.get(name);
      if (!ref) refs.set(name, (ref = Object.freeze({ module: location, name })));
      return ref;
    },
  });
}

/** A task named directly: `task<typeof fib>(require.resolve('./tasks'), 'fib')`. */
export function taskRef<F extends TaskFunction>(module: string | URL, name: string): TaskRef<F> {
  return Object.freeze({ module: String(module), name });
}

/** `fib (./tasks.ts)`, for messages. */
export function describeTask(ref: TaskRef<TaskFunction>): string {
  const file = ref.module.split(/[\\/]/).pop() ?? ref.module;
  return `task ${ref.name} (${file})`;
}
