import type {} from 'expect';
import type { AffinityErrorExpectation, ViolationExpectation } from './checks';

/** The affinity matchers, as they appear on `expect(x)`. */
export interface AffinityMatchers<R> {
  /**
   * `expect(fn).toThrowAffinityError(expected?)`: calling `fn` throws an `AffinityError`, whose message
   * contains `expected` (a string), matches it (a RegExp), or names its `{ className, method, thread }`.
   */
  toThrowAffinityError(expected?: AffinityErrorExpectation): R;
  /** `expect(affinity.violations()).toHaveNoAffinityViolations()`: the list (or `affinity`) holds no violation. */
  toHaveNoAffinityViolations(): R;
  /** `expect(affinity.violations()).toHaveAffinityViolation({ className, method, thread })`: one of them matches. */
  toHaveAffinityViolation(expected?: ViolationExpectation): R;
}

declare global {
  // For @types/jest (the global `expect`).
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // Type parameters as @types/jest declares them; `T` is unused here.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> extends AffinityMatchers<R> {}
  }
}

// For `import { expect } from '@jest/globals'` (and `@jest/expect`), which use the `expect` package's types.
declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
  interface Matchers<R extends void | Promise<void>, T = unknown> extends AffinityMatchers<R> {}
}
