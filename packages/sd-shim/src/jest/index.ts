/**
 * `@sigslot/sd-shim/jest`: jest matchers for thread affinity, registered with the global `expect` when
 * this module is imported, and the same checks as plain functions for other test runners.
 *
 * ```ts
 * import '@sigslot/sd-shim/jest';
 * expect(() => node.setPropertyValue(p, v)).toThrowAffinityError({ className: 'SDNode', method: 'setPropertyValue' });
 * expect(affinity.violations()).toHaveNoAffinityViolations();
 * ```
 * @packageDocumentation
 */
// Loads the API (the main thread then listens for violations from plain workers) without a second copy of it.
import '../guarded-api';
import {
  checkHasAffinityViolation,
  checkNoAffinityViolations,
  checkThrowsAffinityError,
  type CheckResult,
} from './checks';
import type { AffinityErrorExpectation, ViolationExpectation } from './checks';
export type { AffinityMatchers } from './matcher-types';

/** A matcher as `expect.extend` takes it. */
export type RawMatcher = (received: unknown, ...expected: never[]) => { pass: boolean; message: () => string };

const asMatcher = (result: CheckResult) => ({ pass: result.pass, message: () => result.message });

/** The matchers, as `expect.extend` takes them. */
export const affinityMatchers = {
  /** See {@link AffinityMatchers.toThrowAffinityError}. */
  toThrowAffinityError(received: unknown, expected?: AffinityErrorExpectation) {
    return asMatcher(checkThrowsAffinityError(received, expected));
  },
  /** See {@link AffinityMatchers.toHaveNoAffinityViolations}. */
  toHaveNoAffinityViolations(received: unknown) {
    return asMatcher(checkNoAffinityViolations(received));
  },
  /** See {@link AffinityMatchers.toHaveAffinityViolation}. */
  toHaveAffinityViolation(received: unknown, expected?: ViolationExpectation) {
    return asMatcher(checkHasAffinityViolation(received, expected));
  },
} satisfies Record<string, RawMatcher>;

/** Something with jest's `extend` (jest's or vitest's `expect`). */
export interface Extendable {
  /** Adds matchers. */
  extend(matchers: typeof affinityMatchers): void;
}

/**
 * Registers the matchers with `expect` (done automatically with the global `expect` on import; call it for
 * an `expect` imported from `@jest/globals` when globals are not injected, or for vitest's).
 */
export function installAffinityMatchers(expect: Extendable): void {
  expect.extend(affinityMatchers);
}

const globalExpect = (globalThis as { expect?: Partial<Extendable> }).expect;
if (typeof globalExpect?.extend === 'function') installAffinityMatchers(globalExpect as Extendable);

export {
  checkThrowsAffinityError,
  checkNoAffinityViolations,
  checkHasAffinityViolation,
  assertNoAffinityViolations,
} from './checks';
export type { CheckResult, ViolationExpectation, AffinityErrorExpectation, ViolationSource } from './checks';
export { formatViolation, formatViolations, parseAffinityMessage } from './violation-format';
export type { AffinityCall } from './violation-format';
export { resetDesigner, sdShim } from '../state/sd-shim';
export { affinity, AffinityError } from '@sigslot/core';
export type { AffinityViolation, AffinityPolicy } from '@sigslot/core';
