/**
 * The state behind an API object. API classes are thin, guarded facades; the rules and the data live in
 * models, which never check the thread and never call guarded methods, so one user call checks the thread
 * exactly once (and records at most one violation under the `'record'` policy).
 */
export interface Model {
  /** False once the object was deleted, its package unloaded, or the Designer state reset. */
  readonly alive: boolean;
  /** The object in words, for messages: `node "1000000001" in pkg:///Graph`. */
  describe(): string;
}
